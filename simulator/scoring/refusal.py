"""Refusing the job's basics in the negative: a clause in which the candidate says they won't do
what the job is ("I wouldn't apologise, I wouldn't hear them out", "I'm not checking the tracking
for you", "Why would I let them finish?") is a red flag, whatever words it is said in.

What the job is comes from the question's own key points (the bank's phrasings) and a short list
of good practice every call needs (`exemplars.yaml`, good_practice). A clause refuses one when it
means it (`th.PRACTICE_NEAR`), holds most of its words (the stance is read on them, and a clause
that only shares "voice" with "keep my voice calm" says nothing of it), and denies them. The same
grammar for good practice says the practice, and is none: "I'd never hang up", "I won't skip the
security check" (a verb that takes away, denied), "I won't make you explain it again" (what the
caller is made to do), "I can't do Sunday mornings" (a limit, not a refusal)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..types import KeyPoint, RedFlag
from . import semantic
from . import thresholds as th
from .clauses import (FIRST_PERSON, FIRST_PERSON_SUBJECTS, SPEECH_VERBS, Clause, about_others, denials_of,
                      denies_saying, mostly_theirs, norms_of, stance_toward)
from .flag_meaning import FlagMatch
from .matching import same_word
from .words import STOPWORDS

# "I wouldn't just say sorry", "I won't only apologise": the practice and more than it, not refused.
NOT_ONLY = frozenset({"just", "only", "simply", "merely"})
# "I can't", "I won't be able to": a limit said honestly, not a refusal.
UNABLE = frozenset({"cannot", "unable", "able", "allowed", "permitted"})
# Whose denial it is: "I" or "we" this near the denial ("I wouldn't", "No way am I", "Why would I").
SUBJECT_REACH = 3
# Words between a denial and the practice that leave the practice the thing denied.
LIGHT = frozenset("""bother bothering bothered going gonna about even ever just really try trying want
    put putting take taking make making do doing give giving get getting way""".split())
# "I didn't have to apologise", "I don't need to ask again": no call for it, not a refusal.
OBLIGED = frozenset({"have", "has", "had", "need", "needed", "needs", "got"})
# How or when, not whether: "...straight away", "...blind", "...for long", "...until I've checked";
# "I won't follow the script word for word, I'd adapt it" follows it, in the candidate's own words.
QUALIFIED = frozenset({"straight", "immediately", "yet", "long", "until", "before", "blind", "first",
                       "word", "blindly", "rigidly", "robotically"})
# "I don't assume anyone is slow": a denial of what someone is, not of something done; and "I've
# never once been late for a shift" is punctuality, not a late shift turned down.
COPULAS = frozenset({"is", "are", "was", "were", "been"})
CAN = frozenset({"can", "could"})
# "I won't make you explain it again", "It's not leaving them waiting": what the caller is made
# to do or left with, not what the candidate refuses to do.
CAUSING = frozenset({"make", "makes", "making", "made", "keep", "keeps", "keeping", "kept", "leave", "leaves",
                     "leaving", "left", "have", "having"})
PEOPLE = frozenset({"you", "them", "him", "her", "anyone", "anybody", "someone", "somebody", "people",
                    "customer", "customers", "caller", "callers", "team", "the", "a", "any"})
CAUSING_REACH = 2  # "make | you", "leave | the | customer"
# The job's conditions, not its duties: refusing them is turning down the hours (the refusal
# family's own advice), not a basic part of the work.
CONDITIONS = frozenset({"weekends", "weekend", "evenings", "evening", "nights", "night", "overtime", "shifts",
                        "shift", "holidays", "hours", "saturdays", "sundays"})
# Whom a practice is done for: a clause sharing only these with one says nothing of it.
GENERIC = frozenset({"customer", "customers", "caller", "callers", "client", "clients", "people", "person"})


def refusals(points: Sequence[KeyPoint], clauses: Sequence[Clause], vectors: np.ndarray,
             theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Each clause of the candidate's that refuses a key point of the question or a good practice
    of the job, as a refusal, with the practice it refuses as its exemplar."""
    if not len(clauses):
        return []
    texts, table = _practices(tuple(p for k in points for p in k.phrasings))
    sims = vectors @ table.T
    out = []
    for i, clause in enumerate(clauses):
        if mostly_theirs(clause, theirs) or not _own_refusal(clause):
            continue
        for j in np.argsort(-sims[i]):
            if sims[i, j] < th.PRACTICE_NEAR:
                break
            if _refuses(clause.said, texts[j]):
                duty = not CONDITIONS & set(_words(texts[j]))
                out.append(FlagMatch(clause, RedFlag.REFUSAL, float(sims[i, j]), texts[j], practice=duty))
                break
    return out


def _practices(phrasings: tuple[str, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    """The question's key-point phrasings (those with words to share) and the job's good practice,
    with their vectors."""
    own = tuple(dict.fromkeys(p for p in phrasings if len(_words(p)) >= 1))
    general = semantic.practice_exemplars()
    if not own:
        return general.texts, general.vectors
    return own + general.texts, np.vstack([_embedded(own), general.vectors])


@lru_cache(maxsize=256)
def _embedded(phrasings: tuple[str, ...]) -> np.ndarray:
    return semantic.embed(list(phrasings))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(n for n in norms_of(text) if n not in STOPWORDS and len(n) > 1)


def _own_refusal(clause: Clause) -> bool:
    """The candidate's own "won't": said in the first person, and not a limit ("I can't") nor
    what a caller is made to do ("I won't keep you waiting")."""
    norms = norms_of(clause.text)
    if norms[:1] == ("but",) and not any(denials_of(clause.text)):
        return False  # a denial before "but" stops there: "I don't work bank holidays, but I can do every weekend"
    return bool(FIRST_PERSON & set(norms)) and not about_others(clause.text) and not UNABLE & set(norms) \
        and not any(n in CAN and norms[k + 1:k + 2] == ("not",) for k, n in enumerate(norms))


@lru_cache(maxsize=65536)
def _refuses(said: str, practice: str) -> bool:
    """Whether the words said hold most of a practice's words (`th.PRACTICE_SHARE`) and the
    candidate denies them where the practice says them. A verb that takes away counts as a denial
    ("I won't skip the security check" does the check); not a denial of saying something ("I
    wouldn't just say policy is policy"), of what someone else does ("you won't have to explain it
    again") or of what someone is ("I don't assume anyone is slow"), nor what a caller is made to do."""
    wanted = tuple(w for w in _words(practice) if w not in GENERIC)
    own, denying = _too_much(norms_of(said)), denials_of(said)
    # a denial is never a practice's word ("not" is a near spelling of "notes")
    hits = [k for k, n in enumerate(own) if not denying[k] and any(same_word(w, n) for w in wanted)]
    shared = tuple(w for w in wanted if any(same_word(w, own[k]) for k in hits))
    if not wanted or len(shared) < th.PRACTICE_SHARE * len(wanted) \
            or (denies_saying(said) and not SPEECH_VERBS & set(shared)):
        return False
    toward = " ".join(shared)
    if stance_toward(practice, toward, removing=True) < 0 or stance_toward(said, toward, removing=True) > 0:
        return False
    k = next((k for k in range(hits[0] - 1, -1, -1) if denying[k]), None)
    if k is None:
        return False  # denied after the words: said of a thing ("checking it wasn't possible"), not refused
    between = own[k + 1:hits[0]]
    mine = FIRST_PERSON_SUBJECTS & set(own[max(0, k - SUBJECT_REACH):k + SUBJECT_REACH + 1])
    # the verb denied is the practice's own, or a light one before it ("I won't be putting notes
    # on...", "I'm not going to bother checking..."): "I don't end a call until..." denies ending
    done = all(n in STOPWORDS or n in LIGHT for n in between) and not OBLIGED & set(between)
    if QUALIFIED & set(own[hits[0]:]):
        return False  # not like that, or not yet: "I wouldn't apologise for the company straight away"
    if NOT_ONLY & set(between):
        return False  # "I wouldn't just say sorry, policy": not only that, more (p7-precision)
    caused = any(n in CAUSING and PEOPLE & set(between[j + 1:j + 1 + CAUSING_REACH]) for j, n in enumerate(between))
    return bool(mine) and done and not COPULAS & set(between) and not caused


def _too_much(norms: tuple[str, ...]) -> tuple[str, ...]:
    """"over-promise" is promising too much, not promising: denied, it keeps a promise."""
    return tuple("over" + n if k and norms[k - 1] == "over" else n for k, n in enumerate(norms))
