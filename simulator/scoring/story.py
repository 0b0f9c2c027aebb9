"""The parts of a told story, by the words that mark them: where it happened (SITUATION), what had to
be done (TASK) and how it ended (RESULT; CUSTOMER_RESULT for the customer or the team, not a lesson)."""

from __future__ import annotations

from .words import rx


WORKPLACES = (r"store|shop|bank|restaurant|hotel|agency|office|gym|library|pharmacy|cinema|company|"
              r"call cent(?:er|re)|warehouse|bookshop|desk|front desk|post office|supermarket|cafe|bar|"
              r"clinic|hospital|school|college|university|branch|factory|help desk|helpdesk|center|centre|"
              r"job|firm|practice|salon|garage|dealership|airline|airport|courier|network|provider")
MONTHS_DAYS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|summer|winter|spring|autumn|"
               r"easter|thanksgiving|halloween|black friday|boxing day|new year")

SITUATION = rx(
    rf"(?:at|in) (?:the|my|a|an|our) (?:[\w']+ ){{0,3}}(?:{WORKPLACES})",
    rf"(?:last|one|on a|that|this|every|in) (?:{MONTHS_DAYS})",
    # a story set at a season's rush: "At Christmas our team had to get two hundred orders out"
    rf"(?:at|over|during|before|after|around|in the run up to) (?:the )?(?:{MONTHS_DAYS})(?! shifts?\b)",
    r"when (?:my|our|the) (?:\w+ ){0,2}(?:switched|changed|moved|introduced|launched|merged|upgraded)",
    r"in my first (?:week|month|quarter|year|day)",
    r"one time", r"once", r"last (?:year|month|week|summer|winter|spring|fall|autumn|christmas|holiday|season)",
    r"at my (?:last|previous|old|current|first|former) (?:job|role|position|company|employer|workplace|store)",
    r"in my (?:last|previous|old|current|first|former) (?:job|role|position|company)",
    r"when i (?:was|worked)", r"while i (?:was|worked)", r"i worked (?:at|as|for|in)",
    r"i (?:have|had) worked (?:at|as|for|in)",
    r"(?:a|one|this) (?:customer|caller|client|guest|patient|colleague|coworker|manager|lady|man|woman|gentleman) (?:called|came|was|had|phoned|wrote|emailed|asked)",
    r"there was (?:a|one|this) (?:time|customer|caller|day|week|month|situation|shift)",
    # a moment told as what someone said to the candidate: "My team leader said my notes were too short"
    r"(?:my|our|a|one|the) (?:\w+ )?(?:team leader|team lead|manager|supervisor|boss|trainer|coach|colleague|coworker|"
    r"customer|caller|client) (?:once )?(?:said|told|pointed out|mentioned|noticed|complained|gave me|rang|phoned)",
    r"for example", r"for instance", r"(?:years|months) ago", r"during (?:my|a|the) (?:time|shift|summer)",
)
TASK = rx(
    r"(?:customer|caller|member|guest|client|family|patient|she|he|they|someone) (?:(?:came|came in|called|rang|phoned|was) )?(?:wanted|needed|asked for|demanded|looking for)",
    r"(?:had|have|needed) to (?:call|tell|find|fix|clear|handle|deal|explain|learn|get|sort|deliver|give)",
    r"(?:my|the|our) (?:target|quota) was", r"there was (?:a|an) (?:problem|issue|complaint)",
    r"i (?:had|needed|was asked|was expected) to", r"my (?:job|role|task|goal|responsibility) was",
    r"i was responsible", r"the goal was", r"we needed to", r"it was my job", r"i was in charge",
    r"i wanted to make sure", r"i had to make sure", r"the (?:task|challenge|problem) was",
)
RESULT = rx(
    r"as a result", r"in the end", r"ended up", r"by the end", r"at the end", r"afterwards?",
    r"the result", r"which meant", r"so that", r"that way",
    r"(?:she|he|they|the customer|the caller|the client|my manager|my supervisor) (?:thanked|left|came back|calmed|stayed|renewed|was happy|was pleased|was satisfied|wrote|sent|gave|said thank|ended|agreed|called back)",
    r"resolved", r"solved", r"(?:increased|reduced|improved|dropped|doubled|cut|raised|lowered|went up|went down|grew)",
    r"got (?:a|an|my)? ?(?:compliment|promotion|award|good review|positive|raise|thank)",
    r"satisfaction", r"never had (?:another|the same)", r"learned", r"from then on", r"since then",
    r"was recognized", r"employee of the month", r"thank(?:ed)? me", r"thank you (?:card|note|letter|email)",
    r"(?:was|were|got) promoted", r"still (?:a|our) (?:customer|member|client)",
    r"(?:she|he|they) (?:chose|bought|picked|took|accepted|decided|signed|upgraded|renewed)",
    r"(?:went|dropped|rose|fell|came down|climbed) (?:from|to) ", r"(?:good|great|positive|glowing|(?:five|5) star) review",
    r"no complaints", r"(?:back )?(?:on|under) target",
    # the team's task done: "We finished every order by Sunday night, a day early"
    r"(?:we|i) (?:finished|completed|cleared)", r"(?:we|i) got (?:it|them|everything|every \w+|all(?: of)? (?:it|them|\w+)) (?:done|out|finished|shipped|sent)",
    r"(?:a|one|two|three|four|five|six|seven|\d+) (?:days?|hours?|weeks?) (?:early|ahead of (?:schedule|time))",
    r"ahead of (?:schedule|the deadline)", r"(?:hit|met|beat|reached) (?:my|the|our) (?:target|goal|quota)",
    r"the next (?:month|quarter|week|year|day) (?:i|we|she|he|they)", r"(?:positive|good|great|(?:five|5) star) (?:feedback|review|survey)",
)
# How it ended for the customer (or the team), not what the candidate learned.
CUSTOMER_RESULT = tuple(p for p in RESULT if "learned" not in p.pattern and "since then" not in p.pattern
                        and "from then on" not in p.pattern)
