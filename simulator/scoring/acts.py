"""A red flag's act, denied by the candidate: "I wouldn't just hang up on them" is not "I'd just hang up
on them".

The sentence model hears what a clause is about far more than its stance: a denial barely moves a
sentence's vector, so "I wouldn't just hang up on them" sits 0.92 from the exemplar "I'd just hang
up on them", and the stance penalty (`th.STANCE_PENALTY`, taken from the professional sentences as
much as from the red flags) leaves it the nearest red flag by the usual margin. Its meaning is the
opposite of the exemplar's: the candidate names a red flag's act to say they don't do it. That is
read once here for every family whose exemplars are acts (brushing a caller off, lying, refusing),
not phrase by phrase: the clause opens with the candidate's own denial ("I wouldn't", "I'd never",
"and I won't"), names no act of theirs after it ("..., I'd just slam the phone down"), and the
exemplar nearest it of all, read without stance, is a red flag of those families said without a
denial. Denying a professional act is read as before: "I wouldn't apologise, it wasn't my fault" is nearest
a professional apology (0.60), so this reading does not apply (`refusal.py` reads it). Contempt, blame and money are
said in the words themselves, which a denial of the verb does not take back: with them, "I don't let
callers waste my time" (contempt) was no longer found.

Measured on the tune half (v6-precision3, 2026-12-02): professional answers flagged 19 -> 17 of 708
on the tune fresh files (with the "rather ... than" reading of `flags.negated`, 16), rude answers
found 227 of 352 before and after; tone_corpus.yaml's professional sentences as answers unchanged
(10 of 249 everyday, 11 of 167 twins flagged). With every family: one rude probe lost, one twin
gained, so the families stay three.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..types import RedFlag
from .clauses import Clause, denials_of

# The families whose exemplars say an act of the candidate's, which a denial takes back.
ACT_FAMILIES = frozenset({RedFlag.DISMISSIVE.value, RedFlag.DISHONESTY.value, RedFlag.REFUSAL.value})

# The clause opens with the candidate's own denial: "I wouldn't", "I'd never", "and I won't just",
# "but we don't"; not "I won't lie, ..." or "I'm not going to pretend", which are frankness before
# what follows.
DENIED_HEAD = re.compile(
    r"^(?:(?:and|but|so|then|honestly|no)[\s,]+)*(?:I|we)"
    r"(?:\s*(?:'d|'ll|’d|’ll)|\s+(?:would|will|do|did|could|can|should))?\s*"
    r"(?:never|not|n't|n’t|wouldn't|won't|don't|didn't|couldn't|can't|shouldn't|wouldn’t|won’t|don’t|didn’t)\b"
    r"(?!\s+(?:going to\s+)?(?:lie|pretend)\b)",
    re.IGNORECASE)
# ...and names no act of theirs after it: "I'm not going to bother with warnings, I'd just slam
# the phone down" says the act after the comma.
ACT_AFTER = re.compile(r"[,;:]\s*(?:and\s+|so\s+|then\s+)?(?:I|we)(?:'d|'ll|'m|'ve|’d|’ll|’m|\s+would|\s+will|\s+am)?\s+"
                       r"(?:just\s+)?(?!(?:never|not|wouldn't|won't|don't|didn't|wouldn’t|won’t|don’t|didn’t)\b)\w+",
                       re.IGNORECASE)


def denies_a_red_act(clause: Clause, row: np.ndarray, labels: Sequence[str], texts: Sequence[str]) -> bool:
    """The clause is the candidate's denial of an act that the exemplar nearest it (`row`: its
    similarity to every exemplar, read without stance) names as a red flag of `ACT_FAMILIES`."""
    if DENIED_HEAD.match(clause.text.strip()) is None or ACT_AFTER.search(clause.text) is not None:
        return False
    j = int(np.argmax(row))
    return labels[j] in ACT_FAMILIES and not _denies(texts[j])


@lru_cache(maxsize=4096)
def _denies(text: str) -> bool:
    return any(denials_of(text))
