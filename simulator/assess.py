"""An answer assessed: scoring measures it, the coach advises on it, and a Score holds both."""

from __future__ import annotations

from .coach import answer_tips
from .scoring.measure import measure
from .types import Question, Recording, Score, Transcript


def score_answer(question: Question, transcript: Transcript, recording: Recording | None = None,
                 turn: int | None = None) -> Score:
    """Score one answer (or one role-play reply when `turn` is given), with the tips it earns.
    Never raises on odd input."""
    measured = measure(question, transcript, recording, turn)
    tips = answer_tips(question, measured.metrics, transcript, turn=turn)
    return Score(question_id=question.id, overall=measured.overall, metrics=measured.metrics, tips=tips,
                 transcript=transcript)
