"""The default engine: faster-whisper (CTranslate2), int8 on the CPU, VAD-gated."""

from __future__ import annotations

import os
import threading
from typing import Callable
from pathlib import Path

import numpy as np

from ..errors import UserError
from ..types import SAMPLE_RATE, Transcript, Word
from . import DEFAULT_MODEL, DecodeOptions
from .chunks import transcribe_in_chunks
from .models import check_model, model_folder
from .words import whisper_words


# Seconds past the VAD's padding that still count as "the words reached the chunk's end": a
# word's timed end can fall a little short of where its sound really ends.
TAIL_ALLOWANCE = 0.3


class FasterWhisperTranscriber:
    name = "faster-whisper"

    def __init__(self, model: str = DEFAULT_MODEL, options: DecodeOptions = DecodeOptions(),
                 cpu_threads: int | None = None, compute_type: str = "int8",
                 home: Path | None = None):
        check_model(model)  # a wrong --model fails now, before a session starts
        self.model = model
        self.home = home
        self.model_dir: Path | None = None  # known once loaded (base is joined on first use)
        self.options = options
        self.compute_type = compute_type  # int8 on the CPU; float32 to compare engines exactly
        self.cpu_threads = cpu_threads or min(4, os.cpu_count() or 1)
        self._model = None
        self._lock = threading.Lock()  # load once, even when a background thread races us

    def load(self) -> None:
        with self._lock:
            if self._model is None:
                from faster_whisper import WhisperModel

                from ..progressbar import slow_notice

                folder = model_folder(self.model, self.home)
                with slow_notice("Loading the speech model..."):
                    try:
                        self._model = WhisperModel(
                            str(folder.path), device="cpu", compute_type=self.compute_type,
                            cpu_threads=self.cpu_threads, local_files_only=True,
                        )
                    except (RuntimeError, ValueError, OSError) as exc:
                        raise UserError(f"--model {folder.path}: the model cannot be loaded "
                                        f"({exc}); it may be damaged or incomplete") from None
                self.model_dir = folder.path
                _release_freed_memory()  # converting the weights to int8 freed ~80 MB

    def transcribe(self, samples: np.ndarray,
                   on_progress: Callable[[float], None] | None = None) -> Transcript:
        """Words with times; `on_progress(seconds_done)` is called as each chunk is decoded."""
        self.load()
        try:
            return transcribe_in_chunks(samples, self.options, self._decode_chunk, self.name,
                                        on_progress)
        finally:
            _release_freed_memory()

    def _decode_chunk(self, audio: np.ndarray) -> list[Word]:
        """One stretch of speech (already found by the VAD) to words, times from its start."""
        try:
            return self._decode(audio)
        finally:
            # A long answer is many chunks: what one chunk's decoding freed goes back to the
            # system before the next (about 15 MB off a session's peak; a millisecond each).
            _release_freed_memory()

    def _decode(self, audio: np.ndarray) -> list[Word]:
        o = self.options
        segments, _info = self._model.transcribe(
            audio,
            language=o.language,
            beam_size=o.beam_size,
            best_of=1,
            temperature=o.temperature,
            initial_prompt=o.initial_prompt,
            condition_on_previous_text=o.condition_on_previous_text,
            no_speech_threshold=o.no_speech_threshold,
            log_prob_threshold=o.log_prob_threshold,
            word_timestamps=True,
            vad_filter=False,  # chunks.py has cut the speech out already
            without_timestamps=False,
        )
        # Segments come window by window, and asking for one more after a window's last
        # segment starts decoding the next 30 s window. Once the words reach the end of the
        # chunk, all that is left is the VAD's padding: that window (about half the work of a
        # short chunk) could only decode silence, so stop asking.
        words_end = len(audio) / SAMPLE_RATE - (o.vad_speech_pad_ms / 1000 + TAIL_ALLOWANCE)
        words: list[Word] = []
        for segment in segments:
            words += whisper_words((w.word, w.start, w.end, w.probability) for w in segment.words or ())
            if words and words[-1].end >= words_end:
                break
        return words


def _release_freed_memory() -> None:
    """Hand memory the decoder freed back to the system (glibc keeps it otherwise).

    CTranslate2 and the feature extraction allocate and free tens of megabytes per 30 s
    window, in several threads; glibc keeps freed memory in per-thread arenas, so a long
    session's resident size creeps up. malloc_trim costs about a millisecond.
    """
    global _malloc_trim
    if _malloc_trim is None:
        try:
            import ctypes

            _malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to do
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None
