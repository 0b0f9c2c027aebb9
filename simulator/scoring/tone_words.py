"""The tone of a red flag: a clause the meaning model puts near a red-flag exemplar is one only with
a word of that red flag's tone in its sentence (or when it is unmistakably near one,
`th.RED_FLAG_SURE`; `flag_meaning`). The model hears the subject (a hold, a refund, a manager)
better than the tone, so the tone is read from the words, as the stance is.

A denial, a shrug or an insult is the tone of any red flag; the other words belong to the red
flags they say: "find the fault" and "pass it on" in a professional sentence are no dishonesty,
"orders, bills and faults" no brush-off (twentieth pass: each of those was knocked out by a word
of another family's tone).
"""

from __future__ import annotations

import re

from ..types import RedFlag
from .lexicon import rx

# Every red flag's: denials, shrugs and insults
ANY = rx(
    r"not", r"never", r"no", r"nobody", r"nothing", r"none", r"without", r"rather",
    r"just", r"only", r"whatever", r"anyway", r"honestly", r"basically", r"seriously",
    r"stupid\w*", r"idiot\w*", r"dumb", r"lazy", r"useless", r"clueless", r"hopeless", r"incompetent",
    r"moron\w*", r"jerk\w*", r"snake\w*", r"clowns?", r"clowning", r"joke", r"garbage", r"awful", r"terrible",
    r"hate\w*", r"can not stand", r"annoy\w*", r"whin\w*", r"moan\w*", r"drama\w*", r"babysit\w*",
    r"parrot", r"monkey", r"children", r"grandkid\w*", r"fools?", r"bother\w*", r"lying", r"liars?",
    r"scam\w*", r"shut", r"calm down", r"chill", r"relax", r"hang up", r"hung up", r"mute\w*",
    r"ignore\w*", r"yell\w*", r"shout\w*", r"scream\w*", r"louder", r"right back", r"attitude",
    r"sarcas\w*", r"roll my eyes", r"bored", r"give up", r"run out", r"drill", r"deal with it", r"figure it out",
    r"someone else", r"somebody else", r"on them", r"their own", r"should have", r"whoever", r"a life",
    r"rules are rules",
)
# Whose fault it is: blame, and the caller told it is theirs
FAULT = rx(r"fault", r"blame\w*")
# Sending the caller away: "click", "pass them on", "read the manual", "it's in the terms"
AWAY = rx(r"click", r"pass", r"manual", r"faq", r"terms")
# Money as the only reason, and the job as an easy seat
MONEY = rx(r"money", r"paycheck", r"bills", r"commission", r"bonus", r"better comes along", r"need a job",
           r"easy", r"sit down", r"chair", r"double")
# Covering up
COVER = rx(r"lie\w*", r"pretend\w*", r"fake", r"make up", r"made up", r"secret\w*", r"tell anyone",
           r"off the record", r"call in sick", r"excuse\w*", r"quietly", r"mine", r"double")

BY_FAMILY: dict[RedFlag, tuple[re.Pattern[str], ...]] = {
    RedFlag.BLAME: ANY + FAULT,
    RedFlag.CONTEMPT: ANY + FAULT + AWAY,
    RedFlag.DISMISSIVE: ANY + FAULT + AWAY + rx(r"quietly", r"mine"),
    RedFlag.MONEY: ANY + MONEY,
    RedFlag.DISHONESTY: ANY + COVER,
}
EVERY = ANY + FAULT + AWAY + COVER  # a refusal's, or any red flag's: all but money's


def tone_of(family: RedFlag | None) -> tuple[re.Pattern[str], ...]:
    """The words of a red flag's tone (`EVERY` for a family not listed, or for None)."""
    return BY_FAMILY.get(family, EVERY) if family is not None else EVERY
