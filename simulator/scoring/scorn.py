"""Callers judged as people: "Folks ringing in mostly can't be bothered to read their own
paperwork", "People like that are the bottom of the barrel", "The customers there are a
different breed, entitled and rude".

A sentence whose subject is callers or customers as a group says what they are like in its
predicate. The meaning model hears the subject (customers, paperwork, a bill) louder than what is
said of them, so the predicate is read on its own, as "that they <predicate>", against what a
scornful and an understanding candidate say of callers (`exemplars.yaml`, people_judged). Said
of a few ("some customers are rude") it is a fact of the job, not scorn; a predicate that denies
("they aren't stupid, they're stressed") is left to the other readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from . import semantic
from . import thresholds as th
from .clauses import DENIAL_STOPS, Clause, denials_of, norms_of
from .exemplars import exemplars

# Callers as a group: the subject's head word (plural: one caller described is a story, not a view of callers)
GROUP = frozenset({"customers", "callers", "clients", "people", "folks", "folk", "punters", "users"})
# ...and "most of them", "the lot of them": a group named by its share
SHARES = frozenset({"most", "half", "lot", "all", "majority", "rest", "many"})
# What may come before the head word: "most", "the", "half the", "a lot of", "these days"
BEFORE_GROUP = frozenset({"the", "most", "all", "a", "lot", "of", "half", "many", "these", "those", "our", "your",
                          "typical", "average", "regular", "usual", "every", "general", "mostly", "so", "many"})
# A few said of: no view of callers as a whole
FEW = frozenset({"some", "few", "certain", "odd", "occasional", "one", "minority", "couple", "sometimes",
                 "occasionally", "several"})
# What may follow the head word and still be the subject: "people like that", "folks ringing in",
# "the customers there", "callers these days", "people who ring up"
AFTER_GROUP = frozenset({"like", "that", "this", "them", "there", "here", "ringing", "calling", "phoning", "ring",
                         "call", "phone", "in", "up", "these", "days", "nowadays", "today", "who", "round"})
SUBJECT_REACH = 5  # words: the head word comes this early in the sentence, or it is no subject
LEAD = "that they "  # a predicate is read as "that they <predicate>", as the exemplars are written


def _subject_end(norms: tuple[str, ...]) -> int | None:
    """Where the predicate starts, when the sentence opens with callers as a group."""
    for k, n in enumerate(norms[:SUBJECT_REACH + 1]):
        head = n in GROUP or (n == "them" and k >= 2 and norms[k - 1] == "of" and norms[k - 2] in SHARES) \
            or (n == "public" and k and norms[k - 1] == "the")  # not "public speaking"
        if head:
            if any(w in FEW for w in norms[:k]):
                return None
            end = k + 1
            while end < len(norms) and end - k <= 3 and norms[end] in AFTER_GROUP:
                end += 1
            return end if end < len(norms) else None
        if n not in BEFORE_GROUP:
            return None
    return None


def predicate(sentence: str) -> str | None:
    """What the sentence says its callers are like, up to the clause it opens, or None when it
    does not open with callers as a group or its predicate denies."""
    raw = sentence.split()
    norms = norms_of(sentence)
    start = _subject_end(norms)
    if start is None:
        return None
    out: list[str] = []
    for n in norms[start:]:
        if out and n in DENIAL_STOPS and (n != "and" or out[-1].endswith(",")):
            break
        out.append(n)
    text = " ".join(out)
    if not out or len(raw) < 3:
        return None
    return text


@lru_cache(maxsize=1)
def _exemplar_vectors() -> tuple[np.ndarray, np.ndarray]:
    ex = exemplars().people_judged
    return (semantic.embed_fixed(list(ex["scorned"]), "people-scorned"),
            semantic.embed_fixed(list(ex["understood"]), "people-understood"))


def nearness(said: str) -> tuple[float, float]:
    """How near "that they <predicate>" is to the nearest scorn and to the nearest understanding."""
    scorned, understood = _exemplar_vectors()
    v = semantic.embed([LEAD + said])[0]
    return float((scorned @ v).max()), float((understood @ v).max())


def scorned(clauses: Sequence[Clause], theirs: frozenset[int] = frozenset()) -> list[tuple[Clause, float, float]]:
    """The candidate's own sentences that judge callers as a group with scorn: each with how near
    scorn it is and how much nearer than understanding (`th.SCORN_NEAR`, `th.SCORN_MARGIN`)."""
    out = []
    for c in clauses:
        if not c.sentence or any(i in theirs for i in range(c.start, c.end)):
            continue
        said = predicate(c.text)
        if said is None:
            continue
        near, kind = nearness(said)
        if near >= th.SCORN_NEAR and near - kind >= th.SCORN_MARGIN:
            out.append((c, near, near - kind))
    return out


def meaning_texts(texts: Sequence[str]) -> list[str]:
    """What `scorned` would read by meaning in these sentences, as it embeds them (`assess.prepare`)."""
    return [LEAD + p for t in texts if (p := predicate(t)) is not None]
