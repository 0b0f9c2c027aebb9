"""Logistic regression on sentence vectors, fitted offline, its weights stored as data: what the
tone model (`tone.py`) and the verdict model (`verdict_model.py`) share."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def fit_on(X: np.ndarray, y: np.ndarray, l2: float, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (weight `l2`, the bias not shrunk; each row counted `weight`
    times, 1 by default) by Newton's method from zero: the weights and the bias. Deterministic: the
    same rows give the same weights every run."""
    X = np.hstack([np.asarray(X, dtype=np.float64), np.ones((len(X), 1))])
    s = np.ones(len(X)) if weight is None else np.asarray(weight, dtype=np.float64)
    ridge = l2 * np.eye(X.shape[1])
    ridge[-1, -1] = 0.0
    w = np.zeros(X.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        step = np.linalg.solve((X * (s * p * (1 - p))[:, None]).T @ X + ridge, X.T @ (s * (p - y)) + ridge @ w)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w[:-1], float(w[-1])


def read_weights(path: Path, model: str, script: str) -> tuple[np.ndarray, float]:
    """A model's stored weights and bias. A missing or broken file is a fault of the installation,
    said plainly with the script that makes it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return np.asarray(raw["weights"], dtype=np.float32), float(raw["bias"])
    except (OSError, ValueError, KeyError) as e:
        raise RuntimeError(f"the {model}'s weights ({path}) are missing or broken: {e}; "
                           f"reinstall, or run: python {script}") from e


def write_weights(path: Path, about: str, w: np.ndarray, b: float, fingerprint: str) -> None:
    """Store a fit: what it is, the fingerprint of what it was fitted on, the bias and the weights."""
    path.write_text(json.dumps({"about": about, "fingerprint": fingerprint, "bias": round(b, 6),
                                "weights": [round(float(x), 6) for x in w]}) + "\n", encoding="utf-8")
