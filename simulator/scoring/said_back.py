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

import re
from collections.abc import Sequence
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


# --- padding: how much of an answer only says the question, the setting or nothing back ----------

# Words that praise anything at all ("a really great company with great values"): beside the
# question's and the setting's own words they still say nothing of this company, job or candidate.
GENERIC_WORDS = frozenset({"great", "good", "best", "really", "big", "lot", "lots", "amazing", "nice",
                           "important", "everywhere", "everyone", "everybody", "knows", "name", "value", "values",
                           "proud", "place", "places", "thing", "things", "nobody", "perfect", "life",
                           "question", "long", "way", "future", "anybody", "people", "ones", "time"})
# Stock filler, whatever the question: said to fill time, it says nothing.
FILLER_CLAUSES = (re.compile(r"\b(that's|that is|it's|what) an? (really |very )?(good|great|interesting) question\b"),
                  re.compile(r"^(good|great) question\b"), re.compile(r"\bat the end of the day\b"),
                  re.compile(r"\bit is what it is\b"), re.compile(r"\blet me think\b"))


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in GENERIC_WORDS)


def _is_tautology(clause: str) -> bool:
    """"A job is a job", "service is service", "an angry customer is a customer who is angry": the
    same words either side of "is"/"are"."""
    norms = list(norms_of(clause))
    for cut, w in enumerate(norms):
        if w in ("is", "are") and 0 < cut < len(norms) - 1:
            left, right = _stems(" ".join(norms[:cut])), _stems(" ".join(norms[cut + 1:]))
            if left and left == right or (left and right and right <= left and len(left) <= 2):
                return True
    return False


def pads(clause: str, question: str, sentence: str = "") -> bool:
    """Whether the clause is padding: the question or the setting said back (`says_back`), the
    question asked back ("Where do I see myself in five years?"), praise that fits any company, a
    tautology ("a job is a job") or stock filler ("that's a great question")."""
    low = clause.lower()
    if _is_tautology(clause):
        return True
    rest = low
    for p in FILLER_CLAUSES:
        rest = p.sub(" ", rest)
    if rest != low:  # stock filler: padding unless the rest of the clause says something
        return not _stems(rest) or pads(rest, question, sentence)
    said = _stems(clause)
    if not said:
        return False
    asked = _stems(question) | setting_stems()
    if sentence.rstrip().endswith("?") and said <= asked:
        return True  # the question asked back, "I" for "you"
    if SPEAKERS & set(norms_of(f"{clause} {sentence}")):
        return False
    return said <= asked | generic_stems()


def padded_words(clauses: Sequence, question: str, sentences: Sequence[str], once_free: bool = False) -> set[int]:
    """The answer's words (by place) in padding clauses (`pads`), each clause read with the text of
    its sentence (`sentences`, in step). `once_free`: on a call, the caller's words said back once
    acknowledge them ("You've been charged twice, I'm really sorry"): padding starts at the second
    sentence said back."""
    out: set[int] = set()
    free: str | None = None
    for c, sentence in zip(clauses, sentences):
        if not pads(c.text, question, sentence):
            continue
        if once_free and free in (None, sentence):
            free = sentence
            continue
        out.update(range(c.start, c.end))
    return out
