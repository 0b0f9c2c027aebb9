"""The phrases the scoring listens for, as regular expressions over the answer's words.

The words are lowercase, without punctuation, with contractions spelled out ("I'll" is
"i will", "can't" is "can not"), so each pattern is written in that form.
"""

from __future__ import annotations

import re

# the places, times and parts of a told story (`story.py`); `rx` is re-exported for the other pattern modules
from .story import CUSTOMER_RESULT, MONTHS_DAYS, RESULT, SITUATION, TASK, WORKPLACES  # noqa: F401
from .words import rx


# --- fillers and hedges (delivery) -----------------------------------------------------------

FILLER_SOUNDS = frozenset({"um", "umm", "ummm", "uh", "uhh", "uhm", "er", "erm", "err", "ah",
                           "ahh", "hmm", "hm", "mm", "mmm", "eh"})
FILLER_WORDS = frozenset({"basically", "actually"})
# "like" is a verb or a preposition after these words ("I like", "would like", "feel like").
LIKE_NOT_FILLER_BEFORE = frozenset("""
i you we they he she it people customers who would will do did does not to really also
always still genuinely truly honestly definitely just feel feels felt look looks looked sound
sounds sounded seem seems seemed something things thing anything nothing everything stuff more
much exactly what would've might may can could should most least kind sort be
""".split())
# ...and a filler after these ("it was like really busy", "and like, um").
LIKE_FILLER_BEFORE = frozenset({"was", "were", "is", "and", "so", "but", "like", "um", "uh",
                                "er", "then", "because", "know", "mean"})
# "you know" is a real verb after these ("do you know", "if you know") or before these.
YOU_KNOW_VERB_BEFORE = frozenset({"do", "did", "does", "if", "as", "would", "not", "to", "that",
                                  "will", "can", "could", "let", "what", "when", "how"})
YOU_KNOW_VERB_AFTER = frozenset({"how", "where", "when", "who", "why", "whether", "about",
                                 "anything", "nothing", "everything", "your", "his", "her",
                                 "their", "exactly", "more", "them", "him", "me", "us"})
I_MEAN_VERB_BEFORE = frozenset({"what", "if", "do", "did", "not", "that"})
I_MEAN_VERB_AFTER = frozenset({"it", "that", "to", "business", "well"})
# "kind of" / "sort of" name a type after these ("what kind of", "the kind of").
KIND_OF_NOUN_BEFORE = frozenset({"what", "the", "a", "any", "this", "that", "some", "every",
                                 "same", "which", "one", "different", "right", "first", "my"})

# An answer that is only "I don't know" (or "I'm not sure", "No idea"...), with its fillers: no
# answer at all, not a hedged one, and no claim every candidate makes (matched against the whole answer).
_NO_ANSWER_CORE = (r"(?:i (?:really )?do not (?:really )?know|i am not (?:really |totally )?sure|(?:i have )?(?:got )?no idea|"
                   r"not sure|i can not think of (?:anything|one|any|a thing)|i (?:have )?never (?:really )?thought about it|"
                   r"i do not have (?:one|any|an answer)|pass|nothing)")
_NO_ANSWER_ASIDE = (r"(?:um|uh|er|erm|hmm|well|so|oh|sorry|honestly|to be honest|really|yeah|okay|ok|i guess|maybe|"
                    r"i mean|yet|off the top of my head|what to say)")
NO_ANSWER = re.compile(rf"(?:{_NO_ANSWER_ASIDE}\s)*{_NO_ANSWER_CORE}(?:\s(?:{_NO_ANSWER_ASIDE}|{_NO_ANSWER_CORE}))*")
HEDGES = rx(
    r"i guess", r"maybe", r"i think so", r"probably", r"i am not (?:really |totally |100 percent )?sure",
    r"not really sure", r"i suppose", r"perhaps", r"i do not (?:really )?know", r"hopefully",
    r"or something(?: like that)?", r"hard to say", r"i am not certain", r"might be", r"could be",
    r"i would say maybe", r"if that makes sense", r"i do not know if",
)

# --- content -------------------------------------------------------------------------------

# Words that say a number in an answer ("two", "fifty", "half"); "one" only before a unit.
SPOKEN_NUMBERS = frozenset("""
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
hundreds thousand thousands dozen dozens half percent million
""".split())
# "one" is only a number before a unit ("one month"), not in "one time" or "no one".
UNITS = frozenset("""
minute minutes hour hours day days week weeks month months year years call calls customer
customers people person percent dollar dollars pound pounds euro euros ticket tickets order
orders item items agent agents shift shifts second seconds complaint complaints account
accounts star stars point points rating team member members store stores case cases
""".split())

# Days and times of day: the specifics of when one can work ("Saturdays", "until ten", "Tuesday mornings").
SCHEDULE = rx(
    rf"(?:{MONTHS_DAYS})s?", r"(?:mornings?|afternoons?|evenings?|nights?|weekends?|weekdays?|holidays?|overnight)",
    r"(?:until|till|after|before|from) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|noon)",
    r"\d+ ?(?:am|pm)", r"(?:early|late|night|day|split|double|weekend|evening) shifts?",
)
# Understanding the situation before acting: listening, asking, or acknowledging feelings.
LISTEN_FIRST = rx(
    r"listen\w*", r"ask (?:what|why|them|him|her|the customer|the caller|questions|a few)", r"find out",
    r"understand (?:the|what|why|their|his|her)", r"(?:get|hear) the (?:full|whole) story", r"clarif\w+",
    r"read (?:the|their) notes", r"review (?:the|their) (?:notes|history|account)",
)
STEPS = rx(r"first", r"then", r"next", r"after that", r"finally", r"once (?:that|i)", r"before", r"second")
FOLLOW_UP = rx(
    r"note (?:the|it|that|down|on|in)", r"(?:tell|inform|let) (?:my|the) (?:supervisor|manager|team lead|lead|it)",
    r"log (?:it|the|a)", r"call (?:them|him|her) back", r"send (?:the|a|them) (?:confirmation|email|summary)",
    r"flag (?:it|this|that)",
    r"follow(?:ed|ing)? up", r"check(?:ed)? back", r"make sure", r"made sure", r"confirm(?:ed)?",
    r"document(?:ed)?", r"not(?:e|ed) (?:it|that|down)", r"escalat\w*", r"call(?:ed)? (?:them|him|her) back",
    r"update(?:d)? (?:them|him|her|the customer)", r"keep (?:them|him|her|the customer) (?:informed|updated)",
    # a promise to get back in touch: "promise to text them when it's fixed"
    r"(?:text|email|ring|message|call) (?:them|him|her|the customer) (?:when|once|as soon as|the moment)",
    r"let (?:them|him|her|the customer) know (?:when|once|as soon as|the moment)",
)
# A first-person action: "I called", "we fixed", "I would check", "I'll send".
PAST_IRREGULAR = """took made gave told said went got found kept sent spoke wrote brought bought
ran came saw left paid led met won built taught caught chose dealt drove put set stood sold
began gathered understood let
rang rode flew threw drew woke broke forgave hid fought sought held fed lent spent swept dug stuck
struck shook withdrew overcame sat rewrote rebuilt sped""".split()
# (the second lines: the doing verbs a story is told in, "I rang three other nurseries", that the
# first had missed; not the verbs of feeling or thinking, "knew", "thought", "felt", nor "did", the
# auxiliary of "I didn't have to")
# "I'd sent them an email": the irregular participles of doing for someone, after "I'd" ("I had"); not "I'd done
# the training", "I'd been", "I'd made a mistake", which tell what the candidate had behind them.
_DONE_FOR_THEM = "sent told given written spoken rung taken brought paid caught kept".split()
ACTION_PAST = re.compile(
    # a new habit taken up: "So I started writing what the customer asked" (the doing is the second
    # verb; "I started working at Tesco", "I began to panic" take nothing up for the caller). First,
    # so that "I started" alone is not the match (it is no action: NOT_ACTIONS).
    r"\b(?:i|we) (?:(?:then|also|just|soon|quickly) )?(?:started|began) (?:(?!(?:working|talking|feeling|thinking|"
    r"being|getting|having|looking|crying|panicking|worrying)\b)\w{3,}ing|to (?!(?:be|feel|think|work|get|like|"
    r"love|hate|talk|look|cry|panic|worry|enjoy)\b)\w{3,})\b|"
    # "I'd called them twice": "I'd" before a past participle is "I had" (normalised as "I would")
    rf"\b(?:i|we) (?:(?:have|had|would(?= (?:\w+[^e]ed|{'|'.join(_DONE_FOR_THEM)})\b)) )?"
    rf"(?:(?:then|also|just|immediately|quickly|calmly|personally|always|first|finally|actually) )?"
    rf"(?:\w{{3,}}ed|{'|'.join(PAST_IRREGULAR)})\b"
)
# A plan is a verb of doing after "I'd": "I'd feel bad", "I'd probably just try to stay calm" plan nothing;
# hedges are read past ("I'd probably just explain it" plans "explain"; "I can probably do some", "do").
_PLAN_HEAD = r"\b(?:i|we) (?:would|will|am going to|could|can) "
_PLAN_ADVERBS = (r"(?:then|also|first|immediately|quickly|calmly|personally|always|just|probably|really|maybe|"
                 r"definitely|actually|simply|still|usually|normally|never)")
_NOT_PLANS = ("be have not say think guess like love try see hope imagine suppose feel want wish need prefer rather "
              "probably maybe just really").split()
# "I'd" before a past participle is "I had" ("...couldn't tell what I'd done"): a past, not a plan.
_PARTICIPLES = ("done been gone seen given taken spoken written known forgotten gotten made told said sent found kept "
                "brought bought left lost paid heard felt thought caught taught dealt met").split()
ACTION_PLAN = re.compile(_PLAN_HEAD + rf"(?:{_PLAN_ADVERBS} ){{0,2}}(?!(?:{'|'.join(_NOT_PLANS + _PARTICIPLES)})\b)"
                         r"(?!\w*[^e]ed\b)\w{3,}\b"
                         + "|" + _PLAN_HEAD + rf"(?:{_PLAN_ADVERBS} ){{1,2}}do\b")
ACTIONS = (ACTION_PAST, ACTION_PLAN)  # a key point "what I did" is covered by any of these
# In a plan, the verbs listed after one "I'd" are actions too ("First, I'd give the estimated fix
# time, offer a mobile data boost, and promise to text them"): a word after a comma or "and" is read
# as a verb when an object follows it, or when it is one of the things an agent does (SERVICE_VERBS).
PLAN_OBJECTS = frozenset("""a an the them him her it to their his my your our me us back up out off over down
some any every all this these those what how why whether""".split())
SERVICE_VERBS = frozenset("""explain explains offer offers give gives check checks apologise apologize apologises
apologizes listen listens call calls ring rings text texts email emails send sends ask asks tell tells refund
refunds book books arrange arranges escalate escalates note notes log logs confirm confirms follow follows look
looks find finds transfer transfers promise promises update updates reset resets process processes credit
credits schedule schedules reassure reassures thank thanks verify verifies""".split())
# A plan told in the present ("And I explain there's an outage", as speech recognition often writes
# "I'd explain"): in a what-would-you-do answer, "I" and one of these is a step of the plan.
ACTION_PRESENT = re.compile(
    r"\b(?:i|we) (?:(?:then|also|first|just|always|immediately) )?(?:" + "|".join(sorted(SERVICE_VERBS)) + r")\b")
# An action said as it is being done ("I'm sending a replacement today, and I'm opening a claim"):
# the present progressive of a doing verb, not of a feeling or a thought (fifth walkthrough).
ACTION_NOW = re.compile(
    r"\b(?:i|we) (?:am|are) (?:(?:now|just|also|then|already|personally|immediately) )?"
    r"(?!(?:going|feeling|thinking|hoping|wondering|trying|guessing|being|having|saying|struggling|worrying|"
    r"calling|looking forward|not)\b)\w{3,}ing\b"
)
# An action said as what you do, with speech recognition's "what I do is" for "what I'll do is":
# "So what I'll do is put in a refund" (fifth walkthrough); the verb after "is" is the action.
ACTION_CLEFT = re.compile(r"\bwhat (?:i|we) (?:(?:will|would|am going to|can) )?do (?:now |here |first )?is (?:to )?"
                          r"(?!(?:not|that|this|it|be)\b)\w{3,}\b")
NOT_ACTIONS = frozenset({"was", "were", "had", "need", "needed", "wanted", "liked", "loved", "used",
                         "tried", "guessed", "supposed", "hated", "talked", "worked", "started"})
# Things a story's agent did, but not ownership of the caller's problem: what was felt, thought or
# said is listening, empathy or a report ("I let him vent, I said I was sorry, I understood...").
NOT_OWNERSHIP = NOT_ACTIONS | frozenset({"said", "understood", "felt", "thought", "knew", "realised", "realized",
                                         "apologised", "apologized", "heard", "noticed", "let"})

# --- call-center language ------------------------------------------------------------------

EMPATHY = rx(
    r"sorry", r"apologi\w+", r"i (?:knew|know) how (?:much|hard|important|frustrating|upsetting|stressful|worried)",
    r"every right to be", r"i understood", r"understandabl[ey]",
    r"i (?:completely |totally |really |fully )?understand", r"i am (?:so |really |very |truly )?sorry",
    r"(?:i|we) apologi[sz]e", r"(?:i|we) (?:sincerely |truly )?apologi[sz]ed", r"my apologies",
    r"that (?:must|would|sounds|is) (?:be )?(?:really |so |very )?(?:frustrating|stressful|annoying|upsetting|difficult|hard|worrying|inconvenient)",
    r"i can (?:see|imagine|hear|understand) (?:how|why|that|what)", r"i hear you", r"i (?:hear|see) (?:how|why|that)",
    r"thank you for (?:your patience|bearing with|waiting|explaining|letting me know|telling me|holding)",
    r"i (?:really )?appreciate", r"(?:i )?listened", r"(?:i )?let (?:him|her|them) (?:vent|explain|talk|finish)",
    r"acknowledg\w*", r"empath\w*", r"put myself in", r"in (?:his|her|their) shoes",
    r"(?:i )?understood (?:why|how|that|her|his|their)", r"i would (?:listen|apologi[sz]e|acknowledge)",
    r"(?:he|she|they) (?:was|were|felt) (?:frustrated|upset|worried|stressed)",
    r"how (?:frustrating|stressful|upsetting)", r"(?:i|we) am (?:here|happy) to help",
    r"patiently", r"(?:be|being|stay|stayed|staying|remain|remained|was|were) patient with", r"feel heard", r"felt heard", r"reassur\w*",
)
# Staying calm is the agent's own composure, not something done for the caller: "I'd stay calm"
# neither acknowledges the customer nor owns their problem (issue 10). A verb of composure, or a
# verb of keeping followed by a word of composure ("keep my voice level"), is read as such.
COMPOSURE_VERBS = frozenset({"breathe", "breathed", "relax", "relaxed", "calm", "compose", "composed"})
KEEPING_VERBS = frozenset({"stay", "stayed", "stays", "remain", "remained", "keep", "kept", "keeps",
                           "take", "took", "taking"})
COMPOSURE = frozenset({"calm", "cool", "composed", "patient", "professional", "polite", "quiet", "level",
                       "positive", "steady", "relaxed", "neutral", "collected", "head", "temper", "cool-headed",
                       "breath", "breather"})
# What an agent does only to calm themselves ("count to ten in my head", "remind myself it isn't
# personal"): composure too, read from the verb on, when a list after "I'd" makes it an action.
COMPOSURE_ACTS = rx(r"count (?:to )?(?:ten|10|five|5|three|3)", r"(?:remind|tell|told|reminded) myself")
# Key points about the agent's own composure, by their label ("stay calm", "don't take it
# personally"): an answer that says only these says nothing of what it does for the caller.
COMPOSURE_POINT = rx(r"calm\w*", r"breath\w*", r"personal\w*", r"about me", r"at me", r"composure", r"cool",
                     r"patien\w*", r"temper")
OWNERSHIP = rx(
    r"i will", r"let me", r"i am going to", r"i will make sure", r"i (?:personally )?(?:took|take) (?:ownership|responsibility|charge)",
    r"i made sure", r"i make sure", r"i would make sure", r"i personally", r"i followed up", r"i owned",
    r"i would (?:take|own|handle|follow|check|look|call|send|fix|sort|escalate|process)",
    r"i can (?:help|check|look|fix|sort|take care|do|offer|arrange|set)", r"i took care", r"i handled",
    r"(?:it was|that was|it is) my (?:mistake|fault|responsibility|error)", r"i fixed", r"i resolved",
    r"i stayed (?:on|with)", r"i did not (?:pass|hand) (?:it|them|him|her) (?:off|on)",
    # the problem taken on with the caller: "Let's sort this out together" (not "let's calm down")
    r"let us (?:sort|fix|get|find|track|look|check|work|figure|see|put|resolve|take|go through|start)",
)
# The tone of a red flag, word by word and family by family: `tone_words.py`.
# What a "let me" or "I'll" does when it serves the agent, not the caller: "let me talk".
SELF_SERVING = frozenset({"talk", "speak", "finish", "leave", "hang", "quit", "stop", "mute", "ignore",
                          "yell", "shout", "block"})
POSITIVE = rx(
    r"what i can do", r"what i (?:would|will) do", r"i would be (?:happy|glad|more than happy) to",
    r"i am (?:happy|glad) to", r"happy to help", r"absolutely", r"certainly", r"of course",
    r"the good news", r"let me (?:see|find|check|look)", r"i will find out", r"great question",
    r"i can (?:definitely|certainly|absolutely)", r"(?:i|we) can (?:offer|arrange|try)",
    r"here is what", r"the best (?:option|way)", r"my pleasure", r"i would love to",
)
NEGATIVE = rx(
    r"i can not (?:do|help|change|give|refund|fix|make|offer)", r"there is nothing (?:i|we) can do",
    r"(?:that|it) is not possible", r"(?:that|it) is (?:just )?(?:the|our|company) policy",
    r"no way", r"impossible", r"(?:i|we) (?:do not|can not) do that", r"you will have to",
    r"(?:i|we) will not be able", r"you should have", r"that is not how it works",
    r"i have no idea", r"nothing (?:i|we) can do",
    # said offhand, the caller's problem made small or left to time (seventh pass, 2026-12-01):
    # the phrases customer-service training teaches agents to leave out
    r"(?:i have got|i have|got) no idea", r"however long it takes", r"(?:do not|never) hold your breath",
    r"(?:it is|that is) not my money", r"not (?:much|a lot) (?:i|we) can do",
    r"(?:these|such) things happen", r"(?:that|it) happens (?:all the time|loads|a lot)",
    r"(?:when|whenever) (?:they|finance|someone|somebody|\w+) (?:get|gets) (?:round|around) to it",
)
# Red flags by their words, beside the red flags by meaning (`exemplars.py`): contempt for
# customers, blaming past employers or colleagues, dismissing the caller, profanity (severe),
# and plain negativity (mild).
CONTEMPT = rx(
    r"customers (?:are|were|can be) (?:so |really |just |all )?(?:stupid|idiots|dumb|annoying|the worst|crazy|impossible|ridiculous|a pain|morons|clueless|lazy|liars|lying)",
    r"(?:the|that|this) (?:customer|caller|client|lady|guy|man|woman) (?:was|is) (?:just |so |really )?(?:wrong|stupid|an idiot|dumb|ridiculous|crazy|impossible|the problem|a nightmare|clueless)",
    r"(?:was|is) (?:his|her|their|the customer's|the caller's) (?:own )?(?:fault|problem)",
    r"people are (?:so |just )?(?:stupid|annoying|idiots|dumb|lazy)",
    r"(?:they|he|she) (?:was|were) (?:just )?(?:being )?(?:stupid|an idiot|idiots|dumb|lazy|useless|impossible)",
    r"(?:always|just) lying", r"morons?", r"idiots?",
    # A name for one caller, said in passing ("this absolute numpty", "another drama queen"; 21st pass):
    # the sentence model hears slang as its literal thing or not at all. "He called me a numpty" is his.
    r"numpt(?:y|ies)", r"nutcases?", r"nutters?", r"muppets?", r"drama queens?", r"thickos?", r"div",
    r"imbeciles?", r"cretins?", r"halfwits?", r"dimwits?", r"numbskulls?", r"pillocks?", r"prats?",
    r"airheads?", r"old bats?", r"(?:stupid|silly|daft|old|miserable|grumpy) cows?",
    r"karen energy", r"(?:a total|a proper|a right|a real|a typical|a classic) karen",
    r"(?:some|this|that|a total|an absolute|a complete|a right) clown",
)
BLAME = rx(
    r"(?:my|the) (?:boss|manager|supervisor|coworkers?|colleagues?|team|team lead|company|employer|teammates?) (?:was|were|is|are) (?:so |really |just |totally |completely |a total |an )?(?:terrible|useless|lazy|awful|incompetent|horrible|the worst|clueless|idiots?|stupid|a joke|toxic|the problem|jerks?|snakes?|clowns)",
    r"(?:my|the) (?:last|previous|old|former) (?:job|company|employer|boss|manager|supervisor|team|team lead|place) (?:was|were|is) (?:so |really |just |totally |a total |an )?(?:terrible|awful|useless|horrible|a joke|toxic|the worst|a nightmare|jerks?|idiots?|incompetent|clowns)",
    r"not my fault", r"(?:was|is) (?:their|his|her|the company's|management's) fault", r"i blamed (?:the|my|them|him|her|it)",
    r"(?:it|that) was (?:all )?(?:their|his|her) fault", r"run by clowns", r"jerks?",
)
DISMISSIVE = rx(
    r"(?:to|please|just|you|must|should|need to|needs to|have to) calm down", r"calm down (?:sir|madam|ma'am|mam|please|lady|buddy|man|mate|okay)",
    # not a share of it: "It's not my problem alone to fix, so I brought in my team leader"; nor
    # a concession before what was done: "It wasn't my department, but I stayed on the line..."
    r"not (?:really |exactly |actually |even )?my (?:problem|job|department|responsibility|concern|issue)(?! alone| on my own| by myself| to (?:fix|solve|sort) alone| but (?:i|we) )",
    r"(?:just|so|then|can|should|go) deal with it", r"i (?:do not|did not|could not) care", r"take it or leave it",
    r"(?:that|it) is (?:just )?(?:your|their) problem", r"i (?:just )?hung up", r"hang up on",
    r"get over it", r"(?:you|they) (?:need|have) to (?:just )?(?:relax|wait)", r"not my fault",
    r"i (?:told|tell) (?:him|her|them) (?:to|that) (?:calm down|deal|go away|wait)",
    r"i ignored", r"i would ignore", r"ignore (?:him|her|them|it)", r"i do not have time for",
    r"(?:sent|send|pass|passed|transfer|transferred) (?:him|her|them|it) (?:off )?to (?:someone|somebody) else",
    r"shut up", r"(?:you|they) are (?:just )?wasting (?:my|our|everyone's|everybody's) time", r"(?:roll|rolled|rolling) my eyes",
    # on hold till they give up ("left her sat on hold till she gave up"), and "tell her tough"
    r"(?:put|puts|putting|leave|leaves|leaving|left|keep|keeps|keeping|kept|stick|sticks|stuck|park|parks|parked) "
    r"(?:them|him|her|em|the caller|the customer)(?: sat| sitting)? on hold (?:until|till|til)",
    r"tough luck", r"(?:tell|told|say|said) (?:him|her|them|the caller|the customer) tough",
    r"(?:can|could) (?:go|shop|take (?:it|their business|her business|his business)) (?:somewhere else|elsewhere)",
    r"(?:complain|go) to (?:someone|somebody) else", r"(?:read|check) the (?:terms|fine print|faq)",
    # Sarcasm, as a last resort: the meaning model hears "I love being yelled at" as love (measured
    # 2026-12-01: an area under the curve of 0.5 between sarcastic and professional answers).
    # Only idioms that mock in any interview answer or call, never ones a kind agent also says.
    r"living the dream", r"must be nice", r"what a (?:tragedy|shame|nightmare for you)", r"boo hoo",
    r"cry me a river", r"lucky me", r"yeah right", r"(?:oh )?the horror", r"how tragic",
    r"big deal(?! (?:for|to) (?:them|him|her|you|people|the customer))",  # not "it's a big deal for them"
    r"in my sweetest voice", r"(?:bless|god love) (?:them|him|her|their)",
    # The caller's problem put back on the caller (fourth pass; "that's on me" is ownership).
    r"that is (?:all )?on (?:you|them)",
    # Talking down to the caller, or rushing them (a new user's tries, seventh pass).
    r"every(?:one|body) knows (?:that|this)", r"hurry up",
    r"(?:i have|i have got|there are) (?:other|more) (?:calls|callers|customers|people) waiting",
)
# Dismissive only when they open a sentence, said to the caller ("Calm down, it's your router");
# "whatever" only said on its own ("Whatever, I just move on"), not "Whatever happens, I'd...".
DISMISSIVE_OPENERS = rx(r"calm down", r"relax", r"chill", r"deal with it")
# Said alone, at the start of a sentence: "Whatever.", "Yeah, what?" and "What now?" to a caller.
INTERJECTIONS = rx(r"whatever", r"yeah what", r"what now", r"what do you want")
# A whole reply that only says goodbye ("Ok bye.", "Right, have a nice day"), said while the
# caller still needs help: hanging up on them. Matched against the whole reply, so a goodbye at
# the end of a real answer is not this.
GOODBYE_ONLY = re.compile(
    r"(?:(?:ok|okay|k|right|alright|all right|fine|well|yeah|yes|yep|so|then|whatever|thanks|thank you|cheers|um|uh)\s)*"
    r"(?:(?:good ?)?bye(?: bye)?|see (?:you|ya)(?: later)?|take care|(?:have a )?(?:nice|good|great) (?:day|one|evening))"
    r"(?:\s(?:then|now|thanks|thank you|cheers))*")
# Words that report what someone else said or told the candidate to do: the insult after them is
# theirs ("A man once called me a useless idiot", "he told me to shut up"), not the candidate's.
REPORTED = rx(r"(?:called|calling|call|calls) (?:me|us|him|her|them|my \w+)", r"(?:said|told me|shouted|yelled|screamed|swore) (?:that )?(?:i|we) (?:was|were|am|are)",
              r"(?:he|she|they|the caller|the customer) (?:said|shouted|yelled|screamed)",
              r"(?:told|tells|telling|ordered) (?:me|us) to")
# Saying what isn't so, in the grammar of owning up to it: what the meaning model misses (a story
# that ends "...even though it wasn't" sits near no exemplar, measured 0.41). OWNED_UP_LIE counts
# only where its phrase ends on the denial, or "and"/"so" follows it (`flags.ends_claim`; "isnt" too):
# "I told her the truth, even though it wasn't what she wanted to hear" is honesty, not a lie.
OWNED_UP_LIE = rx(
    r"(?:said|told|tell|say|promised|promise) (?:\w+ ){1,14}?even (?:though|if|when) (?:it|they|that|he|she) "
    r"(?:(?:was|were|is|are|had|has|did|does|do) not|wasnt|werent|isnt|arent|hadnt|hasnt|didnt|doesnt|dont)"
    r"(?: been| done| true| the case| yet| really)?",
)
DISHONESTY = rx(
    r"(?:and|then) (?:just )?(?:not|never) (?:do|did|bother|follow through|send|call) (?:it|them|back)?",
    r"(?:lie|lied|lying) to (?:them|him|her|the customer|the caller|customers|callers|my \w+)",
    r"(?:make|made|making) (?:something|stuff|things|it|an excuse) up", r"nobody (?:would|will|is going to) (?:know|notice|find out|check)",
    # the idiom for saying whatever ends the call (not "it's not what they want to hear, but...")
    r"(?:tell|telling|told|say|saying) (?:them|him|her|people|customers|callers|the customer|the caller|everyone) "
    r"(?:just |only )?what (?:they|he|she|people) (?:want|wants|wanted) to hear",
)
# The job as easy money, in so many words (a new user's "I need a job... It seems easy" was no
# red flag: three words sit near no exemplar). Not "easy to use", "easy to learn".
EASY_JOB = rx(
    r"(?:it|this|the job|the work|that|this job) (?:seems|looks|sounds) (?:like )?(?:an? )?(?:really |pretty |quite |fairly |so )?easy(?! to\b)(?!,? but\b)",
    r"easy money", r"(?:an|such an|a really|a pretty) easy (?:job|gig|number)",
)
PROFANITY = rx(
    r"damn", r"crap", r"shit\w*", r"fuck\w*", r"bloody", r"pissed(?: off)?", r"ass(?:hole)?s?",
    r"bitch\w*", r"bastards?", r"what the hell", r"hell of",
)
NEGATIVITY = rx(
    r"i (?:really )?hated?", r"i can not stand", r"(?:was|is|so|really) boring", r"waste of time",
    r"stupid", r"annoying", r"ridiculous", r"i could not care less", r"i do not (?:really )?like (?:people|customers|talking|phones)",
    r"(?:worst|terrible|awful|horrible) (?:job|place|company|manager|boss|customers)",
    r"just (?:for|about) the (?:money|paycheck|pay)", r"only (?:for|about) the (?:money|paycheck|pay)",
    r"i (?:do not|did not) want to (?:be here|work)", r"(?:i am|i was) (?:so )?(?:fed up|sick of|tired of)",
    r"miserable", r"i (?:quit|walked out)",
    r"(?:was|is|are|were) (?:so |really |just |totally |completely )?(?:clueless|useless|incompetent|hopeless|a joke|garbage)", r"sucks?", r"sucked",
)

# Role-play call handling (`lexicon_calls.py`).
from .lexicon_calls import (  # noqa: E402,F401
    CLOSING, COMPANY, FIX_VERBS, GREETING, NAME, NEXT_STEPS, RESOLUTION_CUES, TIME_FRAMES, VERIFICATION,
)

# Key points that name a part of an answer rather than its words ("result", "example") are
# found by that part's phrases.
KEY_POINT_CONCEPTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "result": RESULT, "the result": RESULT, "outcome": RESULT, "the outcome": RESULT,
    "example": SITUATION, "an example": SITUATION, "a real example": SITUATION,
    "situation": SITUATION, "the situation": SITUATION,
    "empathy": EMPATHY, "show empathy": EMPATHY, "ownership": OWNERSHIP,
    "take ownership": OWNERSHIP, "next steps": NEXT_STEPS, "verify": VERIFICATION,
    "what i did": ACTIONS, "what i would do": ACTIONS, "action": ACTIONS, "actions": ACTIONS,
    "verification": VERIFICATION, "closing": CLOSING, "greeting": GREETING,
}

