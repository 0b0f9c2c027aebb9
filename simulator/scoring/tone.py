"""A tone model: how much an answer as a whole sounds like a red flag, learned from the exemplars.

The nearest-exemplar rules (`flag_meaning.red_flags`) reach the phrasings their exemplars name;
casual rudeness in other words ("Kids are resilient though, he'll have other birthdays") sits
near no single exemplar. A logistic regression on the sentence vectors, fitted at first use from
`exemplars.yaml` alone (every red-flag sentence but the refusals, which are read by their own
rules, against the `fine` professional sentences), reads the direction those exemplars share
instead. It is never fitted on a judgment case: those are its measurement (README "tone model").

The weights are data (`tone_weights.json`, 385 numbers), made by `python scripts/fit_tone.py`
whenever `exemplars.yaml` changes (tests/test_tone.py fails until then): fitting at first use
would cost each session about 5 MB of linear-algebra buffers and a few hundred ms on a busy machine.
Deterministic: Newton's method from zero on the same rows gives the same weights every run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..types import RedFlag
from . import thresholds as th
from .semantic import red_flag_exemplars

# Refusing the job's basics is said about hours and duties, not about the caller: its exemplars
# would teach the model that "I can't do Sundays" is a tone.
NOT_TONE = frozenset({RedFlag.REFUSAL.value})


WEIGHTS = Path(__file__).with_name("tone_weights.json")


def training_rows() -> tuple[list[int], np.ndarray, str]:
    """The exemplar rows the model learns from, their labels (1: a red flag), and a fingerprint of
    their texts, labels and `th.TONE_L2`, which the weights file carries."""
    ex_ = red_flag_exemplars()
    rows = [j for j, label in enumerate(ex_.labels) if label not in NOT_TONE]
    y = np.array([1.0 if ex_.labels[j] else 0.0 for j in rows])
    said = json.dumps([[ex_.labels[j], ex_.texts[j]] for j in rows] + [th.TONE_L2])
    return rows, y, hashlib.sha256(said.encode("utf-8")).hexdigest()


def fit() -> tuple[np.ndarray, float, str]:
    """L2-regularised logistic regression (`th.TONE_L2`) on the exemplar vectors, by Newton's
    method: the weights, the bias and the training rows' fingerprint."""
    rows, y, fingerprint = training_rows()
    X = np.hstack([red_flag_exemplars().vectors[rows].astype(np.float64), np.ones((len(rows), 1))])
    ridge = th.TONE_L2 * np.eye(X.shape[1])
    ridge[-1, -1] = 0.0  # the bias is not shrunk
    w = np.zeros(X.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        step = np.linalg.solve((X * (p * (1 - p))[:, None]).T @ X + ridge, X.T @ (p - y) + ridge @ w)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w[:-1], float(w[-1]), fingerprint


@lru_cache(maxsize=1)
def weights() -> tuple[np.ndarray, float]:
    """The stored weights and bias (`tone_weights.json`). A missing or broken file is a fault of
    the installation, said plainly."""
    try:
        raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        return np.asarray(raw["weights"], dtype=np.float32), float(raw["bias"])
    except (OSError, ValueError, KeyError) as e:
        raise RuntimeError(f"the tone model's weights ({WEIGHTS}) are missing or broken: {e}; "
                           "reinstall, or run: python scripts/fit_tone.py") from e


def logits(vectors: np.ndarray) -> np.ndarray:
    """Each vector's log-odds of sounding like a red flag rather than a professional sentence."""
    w, b = weights()
    return np.asarray(vectors, dtype=np.float32) @ w + b


def answer_logit(vectors: np.ndarray, rows: Sequence[int]) -> float:
    """The log-odds for the answer as a whole: the mean of its sentences' vectors, normalised.
    Rudeness said casually is spread over an answer; no one sentence of it need stand out."""
    if not len(rows):
        return float("-inf")
    mean = np.asarray(vectors, dtype=np.float32)[list(rows)].mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return float(logits(mean / norm)) if norm else float("-inf")
