"""An answer assessed: scoring measures it, the coach advises on it, and a Score holds both.

Scoring embeds the answer's sentences with the meaning model. So that the score is ready a few
milliseconds after the candidate stops, `prepare` embeds each committed stretch of the answer
in the background while they are still speaking; `score_answer` then finds the sentences in
the cache.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Callable

import numpy as np

from .coach import answer_tips
from .scoring import flag_model, scorn, semantic, verdict
from .scoring.measure import measure
from .transcribe import Transcriber
from .types import Question, Recording, Score, Transcript

log = logging.getLogger(__name__)


def score_answer(question: Question, transcript: Transcript, recording: Recording | None = None,
                 turn: int | None = None, home: Path | None = None,
                 before_follow_up: Transcript | None = None) -> Score:
    """Score one answer (or one role-play reply when `turn` is given), with the tips it earns.
    Never raises on odd input. `home`: the data folder the meaning model is converted into, if
    this process has not loaded it yet (default: the data folder in use). `before_follow_up`: for
    an answer joined with its follow-up, the answer as first given (a follow-up never makes it
    less relevant)."""
    measured = measure(question, transcript, recording, turn, home, before_follow_up)
    tips = answer_tips(question, measured.metrics, transcript, turn=turn)
    return Score(question_id=question.id, overall=measured.overall, metrics=measured.metrics, tips=tips,
                 transcript=transcript)


def prepare(question: Question, text: str, turn: int | None = None, home: Path | None = None) -> Future:
    """Embed, in the background, what scoring will need for this answer so far: call it with the
    text heard up to now (each committed stretch of a live transcription); it returns at once.
    The first call also embeds the fixed sentences (exemplars, the bundled questions) and the
    question's key points, so the model is loaded while the candidate speaks."""
    semantic.use_home(home)
    embedded = semantic.prepare(question, text, turn, read_of=_read_by_meaning)
    read = flag_model.prefetch(text) if text.strip() else None  # the red-flag model's reading so far
    return embedded if read is None else _both(embedded, read)


def _both(first: Future, second: Future) -> Future:
    """A Future done when both are: the first's result, or the first exception of either."""
    out: Future = Future()
    lock = threading.Lock()

    def finished(_: Future) -> None:
        with lock:
            if out.done() or not (first.done() and second.done()):
                return
            failed = first.exception() or second.exception()
            if failed is not None:
                out.set_exception(failed)
            else:
                out.set_result(first.result())

    first.add_done_callback(finished)
    second.add_done_callback(finished)
    return out


def _read_by_meaning(texts: list[str]) -> list[str]:
    """What scoring reads by meaning beside the sentences themselves (`verdict`, `scorn`)."""
    return verdict.meaning_texts(texts) + scorn.meaning_texts(texts)


class Preparing:
    """A Transcriber for one answer that has each stretch it transcribes prepared for scoring
    (`prepare`) as soon as it comes back: a live microphone answer is transcribed stretch by
    stretch while the candidate speaks, so by the time they stop, its sentences are embedded."""

    def __init__(self, inner: Transcriber, question: Question, turn: int | None = None,
                 home: Path | None = None):
        self.inner, self.question, self.turn, self.home = inner, question, turn, home
        self.name = inner.name
        self._heard: list[str] = []
        self._prepare("")  # the key points and the model, while they start

    def _prepare(self, text: str) -> None:
        try:
            prepare(self.question, text, self.turn, self.home)
        except Exception:  # only a head start: scoring does the work (and reports) if it fails
            log.debug("could not prepare the answer for scoring", exc_info=True)

    def load(self) -> None:
        self.inner.load()

    def transcribe(self, samples: np.ndarray,
                   on_progress: Callable[[float], None] | None = None) -> Transcript:
        transcript = self.inner.transcribe(samples, on_progress)
        if transcript.text.strip():
            self._heard.append(transcript.text.strip())
            self._prepare(" ".join(self._heard))
        return transcript
