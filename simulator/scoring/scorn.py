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


# Said before the subject, they leave it the subject: "Honestly, the customers there...", "I think most
# callers...", "...because people like that..."
OPENERS = frozenset({"honestly", "frankly", "well", "so", "look", "basically", "actually", "um", "uh", "er", "oh",
                     "like", "and", "but", "because", "since", "mean", "think", "reckon", "find", "feel", "say",
                     "would", "i", "to", "be", "fair", "honest", "in", "my", "experience", "truth", "is", "that"})
# A clause of the sentence opens at one of these (a bare "and" joins words: "entitled and rude")
# ("although", "while", "if" and "when" open a scene, not a view: "Although callers can be rude, I...")
OPENING = frozenset({"but", "because", "since"})


def _words(sentence: str) -> list[tuple[str, bool]]:
    """The sentence's normalised words, each with whether a comma (or colon, semicolon) ends it."""
    out: list[tuple[str, bool]] = []
    for raw in sentence.split():
        norms = norms_of(raw)
        out += [(n, k == len(norms) - 1 and raw[-1:] in ",;:") for k, n in enumerate(norms)]
    return out


def _stops(words: list[tuple[str, bool]], k: int) -> bool:
    """Whether a clause of its own opens at word k: "but", "because"..., or ", and", ", so"."""
    n = words[k][0]
    return n in OPENING or (n in DENIAL_STOPS and k > 0 and words[k - 1][1])


def predicates(sentence: str) -> list[str]:
    """What each clause of the sentence that opens with callers as a group says they are like, up
    to the next clause ("Honestly, the customers there are a different breed, entitled and rude";
    "I left because people like that wore me down")."""
    words = _words(sentence)
    out = []
    starts = [0] + [k for k in range(1, len(words)) if _stops(words, k)]
    for a in starts:
        b = next((k for k in starts if k > a), len(words))
        while a < b and (words[a][0] in OPENERS or (words[a][0] == "the" and a + 1 < b and words[a + 1][0] == "truth")):
            a += 1  # "the truth is", not "the customers"
        norms = tuple(n for n, _ in words[a:b])
        start = _subject_end(norms)
        if start is not None and b - a >= 3 and not _at_times(norms[start:]) and not _not_callers(norms, start):
            out.append(" ".join(norms[start:]))
    return out


# "People on my team say I explain things well", "people tell me I'm too hard on myself": people of
# the candidate's own, or people speaking of the candidate, are no view of callers
ANYONE = frozenset({"people", "folks", "folk"})
PLACES = frozenset({"on", "in", "at", "from", "of"})
REPORTING = frozenset({"say", "says", "said", "tell", "tells", "told", "think", "thought", "call", "calls",
                       "called", "ask", "asks", "asked", "describe", "describes", "described"})


def _not_callers(norms: tuple[str, ...], start: int) -> bool:
    said = norms[start:]
    head = next((k for k in range(start - 1, -1, -1) if norms[k] in GROUP), None)
    mine = head is not None and norms[head] in ANYONE and said[:1] and said[0] in PLACES \
        and bool({"my", "our"} & set(said[1:3]))
    about_me = any(w in REPORTING and {"i", "me", "my"} & set(said[k + 1:k + 3]) for k, w in enumerate(said[:4]))
    return bool(mine or about_me)


# "Customers can be rude", "people get upset sometimes": what callers may do at times is a fact of
# the job, said by kind candidates before what they do about it
AT_TIMES = frozenset({"sometimes", "occasionally", "times", "now"})
MAY = frozenset({"can", "may", "might", "could"})


def _at_times(said: tuple[str, ...]) -> bool:
    k = 1 if said[:1] and said[0] in ("do", "does", "often", "often", "usually") else 0
    return bool(AT_TIMES & set(said)) or (said[k:k + 1] and said[k] in MAY and said[k + 1:k + 2] == ("be",))


def predicate(sentence: str) -> str | None:
    """The first of `predicates`, or None."""
    found = predicates(sentence)
    return found[0] if found else None


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
        for said in predicates(c.text):
            near, kind = nearness(said)
            if near >= th.SCORN_NEAR and near - kind >= th.SCORN_MARGIN:
                out.append((c, near, near - kind))
                break
    return out


def meaning_texts(texts: Sequence[str]) -> list[str]:
    """What `scorned` would read by meaning in these sentences, as it embeds them (`assess.prepare`)."""
    return [LEAD + p for t in texts for p in predicates(t)]
