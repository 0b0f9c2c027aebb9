"""The red-flag model's reading of an answer (`meaning/flag_encoder.py`: all-MiniLM-L6-v2 fine-tuned on
labelled answers): when no rule finds a red flag, an answer the model reads as one over its bar is one,
quoted by the sentence the model reads as most of one, with the family of that sentence's nearest exemplar.

The rules name the phrasings they were written for and miss the others (held-out rude answers found: 45%);
the model learned from the tune half's labelled answers and reads what they share ("...muted him till he
ran out of puff", "I only really put the effort in for reasonable people"). It reads what `tone.tone_rows`
reads: the candidate's own sentences, not kind help, not a belief put right, joined as said.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future

import numpy as np

from ..meaning.flag_encoder import flag_embedder, red_logits
from ..types import RedFlag, Transcript
from . import semantic
from . import thresholds as th
from .clauses import Clause, clauses
from .flag_meaning import FlagMatch
from .semantic import red_flag_exemplars, said_in_words
from .text import Doc
from .tone import tone_rows


def answer_text(sentences: Sequence[str]) -> str:
    """What the model reads: the sentences, numbers in words (`semantic.said_in_words`), joined."""
    return " ".join(said_in_words(s) for s in sentences)


def own_text(said: Sequence[Clause], theirs: frozenset[int]) -> tuple[list[int], str]:
    """The answer as the model reads it: its own sentences (`tone_rows`) and their text, joined."""
    own = tone_rows(said, theirs)
    return own, answer_text([said[i].text for i in own])


def answer_logit(clauses: Sequence[Clause], theirs: frozenset[int]) -> float:
    """The model's log-odds that the answer (its own sentences, `tone_rows`) is a red flag."""
    own, text = own_text(clauses, theirs)
    return float(red_logits([text], semantic.data_home_used())[0]) if own else float("-inf")


def prefetch(text: str) -> Future | None:
    """Read the answer heard so far in the background (`assess.prepare`, each committed stretch): the
    last stretch's reading is the one scoring asks for when the candidate stops, found in the cache."""
    doc = Doc(Transcript.typed(text))
    own, joined = own_text(clauses(doc), doc.others_words)
    return flag_embedder(semantic.data_home_used()).prefetch([joined]) if own else None


def model_flag(clauses: Sequence[Clause], vectors: np.ndarray, theirs: frozenset[int],
               call: bool) -> FlagMatch | None:
    """The answer's red flag by the model, or None: `th.FLAG_MODEL_WORDS` words of its own at least, read
    over `th.FLAG_MODEL_BAR` (`th.FLAG_MODEL_BAR_CALL` in a reply to a caller)."""
    own, text = own_text(clauses, theirs)
    if sum(clauses[i].words for i in own) < th.FLAG_MODEL_WORDS:
        return None
    if float(red_logits([text], semantic.data_home_used())[0]) < (th.FLAG_MODEL_BAR_CALL if call else th.FLAG_MODEL_BAR):
        return None
    # the quote: the sentence the model reads as most a red flag on its own
    each = red_logits([said_in_words(clauses[i].text) for i in own], semantic.data_home_used())
    i = own[int(np.argmax(each))]
    ex_ = red_flag_exemplars()
    sims = ex_.vectors @ vectors[i]
    red = np.array([bool(label) for label in ex_.labels])
    j = int(np.flatnonzero(red)[np.argmax(sims[red])])
    fine = float(sims[~red].max()) if (~red).any() else 0.0
    return FlagMatch(clauses[i], RedFlag(ex_.labels[j]), float(sims[j]), ex_.texts[j], float(sims[j]) - fine,
                     confirmed=("model",))
