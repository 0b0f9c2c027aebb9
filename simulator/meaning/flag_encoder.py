"""The red-flag model: all-MiniLM-L6-v2 fine-tuned to tell an answer that would end a real interview from a
professional one, with a linear head on its mean-pooled vector.

Frozen sentence vectors do not carry what makes "I only really put the effort in for reasonable people" a
red flag and "I put the same effort in for everyone, reasonable or not" none: every head fitted on them
(a logistic regression, attention over the tokens, one more transformer layer) reads the held-out answers
at an AUC of 0.88-0.90; the encoder fine-tuned on the same rows reads them at 0.94-0.96 (README "The
red-flag model"). Its weights are data (`flag_model.npz`, made by `python scripts/fit_flag_model.py`): the
six layers as int8 rows, exactly as CTranslate2 runs them, beside the package's own word embeddings, which
fine-tuning leaves alone. On first use they are laid over the package's tensors and converted into the data
folder like the sentence model (`convert.Variant`), so torch is never imported at run time.
"""

from __future__ import annotations

import hashlib
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from .convert import Variant, _expected_source
from .embedder import Embedder, process_embedder

WEIGHTS = Path(__file__).with_name("flag_model.npz")
SCALE = "::scale"  # an int8 matrix's per-row scales are stored under its name plus this
HEAD_WEIGHT, HEAD_BIAS, FINGERPRINT = "head::weight", "head::bias", "::fingerprint"
# a few texts and the log-odds torch gave them when the model was fitted: the converted int8 model must agree
CHECK_TEXTS, CHECK_LOGITS = "::check_texts", "::check_logits"
SCRIPT = "scripts/fit_flag_model.py"


def _missing(exc: Exception) -> RuntimeError:
    return RuntimeError(f"the red-flag model's weights ({WEIGHTS}) are missing or broken: {exc}; "
                        f"reinstall, or run: python {SCRIPT}")


def _stored(*names: str) -> dict[str, np.ndarray]:
    """Arrays of the weights file, by name (all of them when none is named). Not kept: the layers are
    needed once, to convert; scoring keeps only the head."""
    try:
        with np.load(WEIGHTS) as npz:
            return {name: npz[name] for name in (names or npz.files)}
    except (OSError, ValueError, KeyError) as exc:
        raise _missing(exc) from None


def overlay() -> dict[str, np.ndarray]:
    """The fine-tuned tensors by BERT name, float32 (int8 rows times their scales, undone exactly as
    CTranslate2 will quantize them again)."""
    stored = _stored()
    out = {}
    for name, value in stored.items():
        if name.endswith(SCALE) or "::" in name:
            continue
        scale = stored.get(f"{name}{SCALE}")
        out[name] = value.astype(np.float32) / scale[:, None] if scale is not None else value.astype(np.float32)
    return out


@lru_cache(maxsize=1)
def head() -> tuple[np.ndarray, float]:
    stored = _stored(HEAD_WEIGHT, HEAD_BIAS)
    return stored[HEAD_WEIGHT].astype(np.float32), float(stored[HEAD_BIAS][0])


def stored_fingerprint() -> str:
    """The fingerprint of the rows and recipe the stored weights were fitted with (`fit_flag_model.py`)."""
    return bytes(_stored(FINGERPRINT)[FINGERPRINT]).decode("ascii")


def stored_checks() -> tuple[list[str], np.ndarray]:
    """Texts and the log-odds the fitted (float32, torch) model gave them."""
    stored = _stored(CHECK_TEXTS, CHECK_LOGITS)
    return json.loads(bytes(stored[CHECK_TEXTS]).decode("utf-8")), stored[CHECK_LOGITS]


@lru_cache(maxsize=1)
def _weights_sha256() -> str:
    return hashlib.sha256(WEIGHTS.read_bytes()).hexdigest()


def _source() -> dict:
    return {**_expected_source(), "overlay": WEIGHTS.name, "overlay_sha256": _weights_sha256()}


VARIANT = Variant("red-flag-MiniLM-ct2-int8", "the red-flag model", _source, overlay)

_process: list[Embedder] = []
_lock = threading.Lock()


def flag_embedder(home: Path | None = None) -> Embedder:
    """The process's red-flag encoder, converted into and cached in the data folder of the process's
    sentence model (`process_embedder`: the first caller's `home`)."""
    with _lock:
        if not _process:
            _process.append(Embedder(process_embedder(home).home, variant=VARIANT))
        return _process[0]


def red_logits(texts: Sequence[str], home: Path | None = None) -> np.ndarray:
    """Each text's log-odds of being a red flag rather than a professional answer."""
    w, b = head()
    return flag_embedder(home).embed(list(texts)) @ w + b
