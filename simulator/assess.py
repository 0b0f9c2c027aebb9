"""An answer assessed: scoring measures it, the coach advises on it, and a Score holds both.

Scoring embeds the answer's sentences with the meaning model. So that the score is ready a few
milliseconds after the candidate stops, `prepare` embeds each committed stretch of the answer
in the background while they are still speaking; `score_answer` then finds the sentences in
the cache.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from .coach import answer_tips
from .scoring import semantic
from .scoring.measure import measure
from .types import Question, Recording, Score, Transcript


def score_answer(question: Question, transcript: Transcript, recording: Recording | None = None,
                 turn: int | None = None, home: Path | None = None) -> Score:
    """Score one answer (or one role-play reply when `turn` is given), with the tips it earns.
    Never raises on odd input. `home`: the data folder the meaning model is converted into, if
    this process has not loaded it yet (default: the data folder in use)."""
    measured = measure(question, transcript, recording, turn, home)
    tips = answer_tips(question, measured.metrics, transcript, turn=turn)
    return Score(question_id=question.id, overall=measured.overall, metrics=measured.metrics, tips=tips,
                 transcript=transcript)


def prepare(question: Question, text: str, turn: int | None = None, home: Path | None = None) -> Future:
    """Embed, in the background, what scoring will need for this answer so far: call it with the
    text heard up to now (each committed stretch of a live transcription); it returns at once.
    The first call also embeds the fixed sentences (exemplars, the bundled questions) and the
    question's key points, so the model is loaded while the candidate speaks."""
    semantic.use_home(home)
    return semantic.prepare(question, text, turn)
