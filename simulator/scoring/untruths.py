"""Saying something to a caller, and saying in the same breath that it isn't so.

Lying is said in plain words, not in a tone: "I told him it had left the depot. It hadn't, but he
calmed right down", "I'll tell you it's back at the depot. I've no idea where it is", "I promise
you it'll be there by Saturday. I can't actually guarantee that". The sentence model hears the
subject (a parcel, a refund, a date) and finds the professional sentences on it as near as any
red flag; what makes it a lie is the grammar: the candidate's own telling or promising, and beside
it (its own sentence or the next) the candidate's admission that it was not true. Honest answers
say the same things with a denial before the telling ("I'd never tell you it's on its way when I
don't know that", "I won't tell you it's there before it is"), or say the truth was told ("I
checked and it had never been raised, so I told her"), with no admission after a telling."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import RedFlag
from .clauses import Clause, denials_of, mostly_theirs
from .flag_meaning import FlagMatch

# The candidate's own telling or promising, to someone: "I told him", "I'd tell them", "I'll say",
# "I promise you", "I'd swear". Not "I'd never tell" nor "I won't tell" (a word between I and the
# verb other than these auxiliaries is no match), nor "I don't want to promise".
# "...came back and said I'd spoken to my manager": the candidate's telling, their subject said once.
TELLING = re.compile(r"\b(?:I|we)(?:'d|'ll|’d|’ll| would| will)?\s+(?:just\s+|then\s+)?"
                     r"(?:told|tell|say|said|promise[ds]?|swear|swore)\b|\bguaranteed\b"
                     r"|\b(?:came|come|went|go) back and (?:said|told|say|tell)\b", re.IGNORECASE)
# The admission that what was told isn't so: "It hadn't, but...", "Nobody had even raised it",
# "I can't actually guarantee that", "I haven't actually raised it", "I've no idea where it is",
# "there's no slot really", "but I'd tell you I have" (after "I can't actually refund that").
ADMITTED = re.compile(
    r"\b(?:it|they|he|she)\s+(?:hadn't|hasn't|wasn't|isn't|weren't|had not|has not|was not|is not)"
    r"(?=\s*[,.;!]|\s+(?:really|at all|actually)\b)"
    r"|\bnobody (?:had|has) (?:even |actually )?(?:raised|sent|done|booked|touched|looked)\b"
    r"|\b(?:I|we)\s+(?:can't|cannot|haven't|hadn't|don't|didn't|wouldn't|won't)\s+(?:actually|really)\b"
    r"|\bI(?:'ve| have)\s+no idea\b"
    r"|\bthere(?:'s| is| was)\s+no\s+\w+\s+really\b"
    # what was said to be done, never done: "Nothing was booked", "I hadn't asked anyone"
    r"|\bnothing (?:was|had been|has been) (?:even |actually )?(?:booked|raised|sent|done|arranged|ordered|logged)\b"
    r"|\bI (?:hadn't|haven't|didn't|never) (?:even |actually )?(?:asked|spoken to|checked with|talked to) (?:anyone|anybody)\b",
    re.IGNORECASE)
OWN_ADMISSION = re.compile(r"\b(?:I|we)\s+(?:can't|cannot|haven't|hadn't|don't|didn't|wouldn't|won't)\s+(?:actually|really)\b",
                           re.IGNORECASE)
# How many sentences after the telling the admission may come ("I told him X. It hadn't, ...");
# an admission before the telling in its own sentence counts too ("I can't actually refund that,
# but I'd tell you I have").
REACH = 1


def told_untrue(clauses: Sequence[Clause], theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Each sentence in which the candidate tells or promises something, not denied, with their own
    admission that it isn't so after it or in the next sentence (`ADMITTED`), or their own "I can't
    actually..." anywhere in it (`OWN_ADMISSION`): a dishonesty red flag,
    quoting the telling sentence."""
    sentences = sorted((c for c in clauses if c.sentence), key=lambda c: c.start)
    out = []
    for k, s in enumerate(sentences):
        told = TELLING.search(s.text)
        if told is None or mostly_theirs(s, theirs) or any(denials_of(own_phrase(s.text[:told.start()]))):
            continue
        # after the telling (not "It wasn't, and ... I told her straight": the fact, then told),
        # or the candidate's own "I can't actually..." anywhere in its sentence
        near = [s.text[told.end():]] + [t.text for t in sentences[k + 1:k + 1 + REACH]]
        if any(ADMITTED.search(text) for text in near) or OWN_ADMISSION.search(s.text):
            out.append(FlagMatch(s, RedFlag.DISHONESTY, 1.0, told.group(0)))
            break
    return out


# A denial reaches the telling from its own phrase only: "I'd never tell you..." denies it, but
# "Don't worry, I promise you..." and "I can't actually refund that, but I'd tell you I have" do not.
PHRASE_BREAK = re.compile(r"[,;:]|\b(?:but|and|so)\b", re.IGNORECASE)


def own_phrase(before: str) -> str:
    return PHRASE_BREAK.split(before)[-1]
