"""Clauses that only say the question (or the setting) back: they cover no key point.

"I want to work in a call center because calls are what a call center does", "this company is a
company that is hiring", "So you are open seven days a week", "then the customer is yelling": each
clause's words are the question's own, or the words every question of the job shares (the customer,
the call, the day), so it says nothing the interviewer did not. The meaning model still places such
a clause near a point of the question (it is about the question's subject: "a center for calls" sits
0.65 from "targets"), and a padded answer rose from 81 to 86 on them. A recruiter hears the
question said back as padding: such a clause may deny a point, never cover one.
"""

from __future__ import annotations

from functools import lru_cache

from .clauses import norms_of
from .words import content_words, stem

# The setting's words: the job's own nouns, the room the interview is in ("a call center", "your
# company", "the job", "the customer"). Named, not read from the banks: words many questions share
# are also the answers' ("good", "people", "problem": "I'm good with people" is a point).
SETTING_NOUNS = frozenset({"call", "calls", "center", "centre", "company", "job", "role", "phone", "customer",
                           "customers", "service"})
# Numbers said as words or figures are the same word ("until ten at night" says "until 10 at night").
NUMBERS = {str(k): w for k, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(NUMBERS.get(n, n)) for n in content_words(list(norms_of(text))))


@lru_cache(maxsize=1)
def setting_stems() -> frozenset[str]:
    return frozenset(stem(n) for n in SETTING_NOUNS)


# A clause with the candidate as its subject gives their own stance, in whatever words: "I can do
# seven days a week" answers "What's your availability?" with the question's own words.
SPEAKERS = frozenset({"i", "we"})


def says_back(clause: str, question: str, sentence: str = "") -> bool:
    """Whether every content word of the clause is the question's or the setting's, and the
    candidate is not the subject of its sentence (a clause split off "I can stay until ten most
    nights" has lost its "I")."""
    if SPEAKERS & set(norms_of(f"{clause} {sentence}")):
        return False
    said = _stems(clause)
    return bool(said) and said <= _stems(question) | setting_stems()


def said_back_words(clause: str) -> int:
    """How many different content words the clause says (stemmed)."""
    return len(_stems(clause))
