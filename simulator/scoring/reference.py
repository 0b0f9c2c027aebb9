"""Refusals said by reference: the condition or duty named in a fragment or an earlier clause, and
turned down by a clause that only points back at it.

A recruiter hears "Late shifts? I've never done them and I'm not starting now", "Nights? Never done
them, never will", "Mandatory overtime? Not for me" and "Apologise to him? Never did, never would"
as plainly as "I won't work late shifts"; the grammar routes (`conditions.py`, `refusal.py`) read
a clause on its own, and "never will" names nothing. So the clause that refers is read for its
stance by the denial machinery (`clauses.denials_of`), what it refers to is the nearest thing named
before it, and the two are judged together as the sentence left unsaid ("I will never do late
shifts") by the existing routes: a condition turned down with nothing offered in its place, or a
key point or good practice of the job refused. A "never" said of the past is experience, not a
refusal ("Nights? Never done them, but I'd give them a go"), and a willing "but" after it takes it
back (`point_denials.taken_back`); "Weekends? No problem." denies a denying word, and says yes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..types import KeyPoint, RedFlag
from .clauses import (FIRST_PERSON_SUBJECTS, REMOVING, RULED_OUT, Clause, _words_of, about_others, denials_of,
                      mostly_theirs, norms_of, sentence_of)
from .conditions import CONDITION_WORDS, offered, punctual
from .flag_meaning import FlagMatch
from .point_denials import taken_back
from .refusal import UNABLE, refusals
from .text import Doc
from .words import STOPWORDS

# What a clause may say, beyond its denials and little words, and still only point back at what
# was named ("never going to", "I don't plan to start here", "Not happening", "No chance", "Not
# something I do", "Count me out"): anything more ("I don't mind them", "I'd say no to it when the
# queue is long") says something of its own, and is read as said.
REFERRING = frozenset("""happening happen chance thanks thank way plan planning start starting begin beginning
    work working something anything ever anymore either count gonna intend ones anywhere honestly simply
    absolutely definitely certainly totally""".split())
# The past and the perfect: "Never have", "Never did", "I've never done them", "Never been asked":
# what the candidate has not done yet, not what they won't do.
PAST = frozenset({"have", "has", "had", "did", "done", "was", "were", "been", "used"})
# "No" said casually ("Nope.", "Nah, forget all that"), and verbs that take the thing away ("I'd skip
# them", "forget it"): each says no to what was named, as "not" does (two say yes: "I'd never skip them").
CASUAL_NO = frozenset({"nope", "nah"})
TAKING_AWAY = REMOVING | {"forget"}
# "I can't", "could we...": a limit or a question, not a refusal (as `refusal.UNABLE`).
LIMITS = UNABLE | {"can", "could"}
# Someone else's stance: "you can ask", "they're not for me" (read by the grammar routes as said).
OTHER_SUBJECTS = frozenset({"you", "he", "she", "they"})
# How far back what a clause refers to may be named: its own sentence or the two before it
# ("Sundays? Nope. Never have, never will.").
REFERENT_REACH = 2
# The job's hours, named by a fragment ("Late shifts?", "Staying late in peak season?"): "late" is
# hours here unless it is punctuality (`conditions.punctual`: "Late for work? Never.").
HOURS = CONDITION_WORDS | {"late"}
# "Miss a shift? Never.", "Call in sick on a Saturday? Never have, never will.", "Time off at
# Christmas? Not for me.": a word of missing the hours or taking them away keeps them, refused.
MISSING = REMOVING | {"miss", "misses", "missed", "missing", "sick", "absent", "off", "leave", "leaving"}


def referred_refusals(doc: Doc, points: Sequence[KeyPoint], clauses: Sequence[Clause], vectors: np.ndarray,
                      call: bool, theirs: frozenset[int] = frozenset(), duties: bool = True) -> list[FlagMatch]:
    """Each clause that refuses, by reference, the job's hours (not on a call, where a day named is
    the caller's) or, with `duties`, a key point or good practice of the job (`refusal.refusals`:
    by the meaning of what was named, `vectors` being the clauses', and the stance of the sentence
    left unsaid), quoted from what it refers to through the refusal ("Nights? Never done them, never will.")."""
    out: list[FlagMatch] = []
    rows = {c: k for k, c in enumerate(clauses)}
    for c in clauses:
        if not refers_refusing(c.text) or mostly_theirs(c, theirs) or taken_back(clauses, c):
            continue
        for ref in _referents(clauses, c):
            span = Clause(_words_of(doc, ref.start, c.end), ref.start, c.end, False, -1)
            if HOURS & set(norms_of(ref.text)):  # the nearest hours named are the ones referred to
                if not call and not _hours_kept(ref) and not offered(clauses, c, availability=True):
                    out.append(FlagMatch(span, RedFlag.REFUSAL, 1.0, ref.text))
                break
            if not duties or FIRST_PERSON_SUBJECTS & set(norms_of(ref.text)):
                continue  # a duty is named by a fragment ("Apologise to him?"), not by what the candidate did
            said = f"I will never do {ref.text}"  # the sentence left unsaid
            hit = refusals(points, [Clause(said, c.start, c.end, False, -1)], vectors[[rows[ref]]], theirs)
            if hit:
                if not (call and offered(clauses, c, availability=False)):  # "Transfer you? No. Let me help first."
                    out.append(FlagMatch(span, RedFlag.REFUSAL, hit[0].similarity, hit[0].exemplar,
                                         practice=hit[0].practice))
                break
    return out


def refers_refusing(text: str) -> bool:
    """Whether a clause only points back at something (`points_back`) and says no to it, now or
    from now on: the candidate's own (or nobody's: "Never will", "Not for me"), with an odd number
    of noes, not a limit, not of the past."""
    norms, denying = norms_of(text), denials_of(text)
    if not points_back(text) or set(norms) & (LIMITS | OTHER_SUBJECTS | PAST) or about_others(text):
        return False
    if norms[:2] == ("oh", "no"):
        return False  # "Oh no, ...": dismay on the caller's behalf, no answer to anything (p7-precision)
    noes = sum(denying) + sum(n in TAKING_AWAY or n in RULED_OUT or n in CASUAL_NO for n in norms)
    return noes % 2 == 1


def points_back(text: str) -> bool:
    """Whether a clause says nothing of its own beyond its denials, little words and `REFERRING`
    ("never going to", "Never done them", "Not something I do"), whatever its stance."""
    norms, denying = norms_of(text), denials_of(text)
    rest = {n for k, n in enumerate(norms) if not denying[k] and n not in STOPWORDS}
    return bool(norms) and rest <= REFERRING | TAKING_AWAY | RULED_OUT | CASUAL_NO


def _referents(clauses: Sequence[Clause], clause: Clause) -> list[Clause]:
    """What the clause may refer to, nearest first: the clauses that end before it, in its sentence
    or the `REFERENT_REACH` before, that deny nothing themselves (a thing named, not a stance).
    A denial that says something of its own stops the search: "I didn't interrupt, not once" and
    "I don't work weekends. Never." echo it, and the grammar routes read it as said; one that only
    points back ("Never have, never will", "Nope.") is passed over."""
    sentences = [c for c in clauses if c.sentence]
    held = sentence_of(clauses, clause)
    n = sentences.index(held) if held in sentences else 0
    start = sentences[max(0, n - REFERENT_REACH)].start if sentences else 0
    out = []
    before = (c for c in clauses if start <= c.start and c.end <= clause.start)
    for c in sorted(before, key=lambda c: (-c.end, c.words)):
        if points_back(c.text):
            continue
        if any(denials_of(c.text)):
            break
        out.append(c)
    return out


def _hours_kept(clause: Clause) -> bool:
    """Whether the hours the clause names are missed or taken away ("Miss a Saturday?"), or "late"
    is punctuality ("Late for work?"): refused, they are kept."""
    return bool(MISSING & set(norms_of(clause.text))) or punctual(clause)


def refused_by_reference(clauses: Sequence[Clause], start: int, end: int) -> bool:
    """Whether the words [start, end) lie in a thing named that a later clause refers to and says
    no to: "Hang up on a customer? Never." and "Tell her to calm down? Never have, never will." name
    the act to refuse it, and say none of it."""
    for c in clauses:
        if c.start < end or not refers_refusing(c.text):
            continue
        ref = next(iter(_referents(clauses, c)), None)
        return ref is not None and ref.start <= start and end <= ref.end \
            and not FIRST_PERSON_SUBJECTS & set(norms_of(ref.text))
    return False
