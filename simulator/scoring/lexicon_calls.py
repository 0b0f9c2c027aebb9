"""The phrases that handle a role-play call (greeting, verification, next steps, closing), as
regular expressions over the answer's words, in the form `lexicon.py` describes ("i will", "can not").
Read through `lexicon` (`lx.GREETING`), of which they are a part kept apart for length.
"""

from __future__ import annotations

import re


def rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"\b(?:{p})\b") for p in patterns)


# Role-play call handling.
GREETING = rx(r"thank(?:s| you) for (?:calling|contacting|choosing|holding)", r"hello", r"hi", r"good (?:morning|afternoon|evening)",
              r"welcome to", r"you have reached", r"how (?:can|may) i (?:help|assist)")
NAME = re.compile(
    r"\b(?:my name is|this is|i am|you are speaking (?:to|with)|you are through to) "
    r"(?!(?:a|an|the|not|so|very|really|sorry|happy|glad|here|going|calling|just|able|afraid|sure|definitely|absolutely|certainly)\b)"
    r"\w+|\b\w+ speaking\b"
)
COMPANY = re.compile(
    r"\b(?:thank(?:s| you) for (?:calling|contacting|choosing)|welcome to|you have reached|calling from|here at) "
    r"(?!(?:me|us|you|your|my|a|the|that|this|it|your patience)\b)\w+"
)
VERIFICATION = rx(
    r"(?:can|could|may) i (?:have|get|take|confirm|verify|ask for|grab) (?:your|the|a)", r"verif\w*",
    r"confirm (?:your|the|some)", r"account number", r"date of birth", r"security (?:question|check|reasons|purposes)",
    r"(?:post|zip) ?code", r"name on the account", r"for security", r"order number", r"reference number",
    r"(?:phone|telephone|mobile|customer|member|policy|booking|ticket) number", r"(?:your|the) (?:full )?(?:name|address|email) (?:please|on)",
    r"the last (?:four|4) digits", r"pull up your account",
)
NEXT_STEPS = rx(
    r"i will (?:send|email|call|follow|process|refund|credit|escalate|update|check|fix|reverse|arrange|book|schedule|text|put|raise|issue|note|make sure|get|set)",
    r"you will (?:receive|get|see|hear|have)", r"within (?:\d+|one|two|three|four|five|seven|ten|twenty four|48|24|an?) (?:\w+ )?(?:hours?|days?|business days|working days|minutes)",
    r"(?:reference|ticket|case|confirmation|claim) number", r"next steps?", r"what happens next", r"in the meantime",
    r"by (?:tomorrow|monday|tuesday|wednesday|thursday|friday|the end of)", r"i have (?:gone ahead|processed|issued|sent|raised|credited|refunded|escalated|booked|scheduled|put)",
    r"i am going to (?:send|call|process|refund|credit|escalate|update|check|fix|reverse|arrange|book|schedule|put|raise)",
    r"(?:is|has been) (?:processed|refunded|credited|escalated|scheduled|booked|reversed)",
    r"call you back", r"follow up",
    # when the change shows, and the record of it (a new user's call, eighth pass)
    r"(?:on|in|from) (?:your|the) next (?:bill|statement|invoice|payment)", r"takes? effect",
    r"(?:confirmation|tracking) (?:email|number|text|message)",
    # what the caller does if it comes back: a next step too (the last line of a fixed problem)
    r"if (?:it|this|that) (?:happens|comes up|stops working|goes off) again",
)
# What an agent does to fix it, said as done or being done ("I'm sending a replacement", "what I'll
# do is put in a refund"): with "I", a step the customer can expect (fifth walkthrough).
FIX_VERBS = frozenset("""send email call process refund credit escalate arrange book schedule text put raise issue
open file reverse replace cancel order post ship reset update""".split())
# A time frame or a written record: what a customer is told when the fix is under way.
TIME_FRAMES = rx(
    r"(?:\d+|one|two|three|four|five|six|seven|ten|a few|twenty four|48|24) (?:to \w+ )?(?:\w+ )?(?:hours?|days?|weeks?|minutes)",
    r"business days", r"working days", r"how long", r"time ?frame", r"confirmation", r"(?:an|by|the) email",
    r"by (?:tomorrow|monday|tuesday|wednesday|thursday|friday|the end of)", r"when (?:you will|they will|it will) (?:see|get|arrive)",
)
# What a customer is told once the fix is under way (in a turn's key points, these mark the
# line where next steps belong).
RESOLUTION_CUES = TIME_FRAMES + rx(
    r"(?:reference|ticket|case|confirmation|claim|tracking) number", r"next steps?", r"follow(?:ed|ing)? up",
    r"call you back", r"confirm the (?:time|date|appointment)", r"what happens next",
)
CLOSING = rx(
    r"(?:is there )?anything else (?:i|that i|we) can (?:help|do|assist)", r"thank(?:s| you) for (?:calling|your patience|being|choosing|contacting|your time|holding|bearing)",
    r"have a (?:great|good|nice|wonderful|lovely|fantastic) (?:day|evening|afternoon|weekend|night|one|party|time|trip|holiday)",
    r"take care",
    r"(?:glad|happy) (?:i|we) could help", r"enjoy (?:the|your) (?:rest|day|evening)",
)
