"""The verdict model: whether "that <predicate>" likes or dislikes what it is said of, as a
direction in the sentence vectors rather than the nearest of a few exemplars.

`verdict.py` reads "Chatting with strangers all day sounds draining to me" as a part of the job
named, then judged. The nearest-exemplar reading heard a predicate only when it was near one
written liking or dislike (0.6); a predicate in other words ("sounds draining to me", 0.53 from
the nearest dislike) was heard as nothing, and the clause reading took it for the point said. A
logistic regression on the vectors of `verdict_corpus.yaml` (likings and dislikes in many
registers) and the verdict exemplars of `exemplars.yaml` reads the direction they share instead.
It is never fitted on a judgment case (README "verdict model").

The weights are data (`verdict_weights.json`), made by `python scripts/fit_verdict.py` whenever
either file or `th.VERDICT_L2` changes (tests/test_verdict_model.py fails until then).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from . import thresholds as th
from .exemplars import exemplars
from .linear import fit_on, read_weights
from .semantic import embed_fixed

CORPUS = Path(__file__).with_name("verdict_corpus.yaml")
WEIGHTS = Path(__file__).with_name("verdict_weights.json")


def training_texts() -> tuple[list[str], list[str]]:
    """(likings, dislikes): the corpus's, then the exemplars'."""
    raw = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    ex = exemplars().verdicts
    return list(raw["liked"]) + list(ex["liked"]), list(raw["disliked"]) + list(ex["disliked"])


@lru_cache(maxsize=1)
def row_vectors() -> tuple[np.ndarray, np.ndarray]:
    """The likings' and the dislikes' vectors (kept on disk beside the sentence model): the fit's rows,
    and what `verdict.py` measures a predicate's nearness to."""
    liked, disliked = training_texts()
    return embed_fixed(liked, "verdict-corpus-liked"), embed_fixed(disliked, "verdict-corpus-disliked")


def fit() -> tuple[np.ndarray, float, str]:
    """The model fitted with `th.VERDICT_L2`: the weights, the bias and a fingerprint of the rows'
    texts and the setting (scoring reads the stored weights)."""
    liked, disliked = training_texts()
    X = np.vstack(row_vectors()).astype(np.float64)
    y = np.concatenate([np.ones(len(liked)), np.zeros(len(disliked))])
    w, b = fit_on(X, y, th.VERDICT_L2)
    return w, b, hashlib.sha256(json.dumps([liked, disliked, th.VERDICT_L2]).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def weights() -> tuple[np.ndarray, float]:
    """The stored weights and bias (`verdict_weights.json`)."""
    return read_weights(WEIGHTS, "verdict model", "scripts/fit_verdict.py")


def logit(vector: np.ndarray) -> float:
    """The log-odds that the predicate (its "that ..." vector) likes what it is said of."""
    w, b = weights()
    return float(np.asarray(vector, dtype=np.float32) @ w + b)
