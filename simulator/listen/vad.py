"""Streaming voice activity detection with the Silero VAD that faster-whisper ships as ONNX."""

from __future__ import annotations

import numpy as np

from ..types import SAMPLE_RATE

WINDOW = 512  # samples per decision at 16 kHz (32 ms), what Silero expects
WINDOW_S = WINDOW / SAMPLE_RATE  # seconds one decision covers
_CONTEXT = 64  # samples of the previous window the model sees before each new one


class SpeechDetector:
    """Feed 16 kHz float32 audio in any block size; get a speech probability per 32 ms window."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model  # onnxruntime: only when listening

        self._session = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros((1, _CONTEXT), dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def feed(self, samples: np.ndarray) -> list[float]:
        """Speech probabilities for every whole window now available (carrying the rest over)."""
        self._pending = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        probs = []
        while len(self._pending) >= WINDOW:
            window = self._pending[:WINDOW][None, :]
            self._pending = self._pending[WINDOW:]
            out, self._h, self._c = self._session.run(
                None, {"input": np.concatenate([self._context, window], axis=1),
                       "h": self._h, "c": self._c},
            )
            self._context = window[:, -_CONTEXT:]
            probs.append(float(out.reshape(-1)[0]))
        return probs
