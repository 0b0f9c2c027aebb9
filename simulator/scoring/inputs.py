"""What the measures of one answer read, and the register of one measure function per area."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..areas import AREAS
from ..types import KeyPoint, Metric, Question, Recording, Transcript
from .matching import PointMatch, match_points
from .plan import answer_band, is_call_reply, reply_context
from .text import Doc


@dataclass(frozen=True)
class Inputs:
    """One answer (or one reply on a call, with its 1-based `turn`) and what it is measured against."""

    question: Question
    transcript: Transcript
    recording: Recording | None = None
    turn: int | None = None

    @cached_property
    def doc(self) -> Doc:
        return Doc(self.transcript)

    @property
    def call_reply(self) -> bool:
        return is_call_reply(self.question, self.turn)

    @cached_property
    def _context(self) -> tuple[str, tuple[KeyPoint, ...]]:
        return reply_context(self.question, self.turn)

    @property
    def line(self) -> str:
        """On a call, the customer's line this reply answers ("" otherwise)."""
        return self._context[0]

    @property
    def points(self) -> tuple[KeyPoint, ...]:
        """The key points the answer is judged on: the question's, or on a call the line's."""
        return self._context[1]

    @cached_property
    def band(self) -> tuple[float, float]:
        """The ideal length in seconds."""
        return answer_band(self.question, self.turn)

    @cached_property
    def matches(self) -> list[PointMatch]:
        """How the answer covers each key point (read by both key points and relevance)."""
        return match_points(self.doc, self.points)


Measure = Callable[[Inputs], Metric | None]  # None: the area does not apply to this answer
MEASURES: dict[str, Measure] = {}  # complete once `scoring.measure` has imported every family


def measures(area: str) -> Callable[[Measure], Measure]:
    """Register the function that measures an area of `areas.AREAS` (one per area)."""

    def register(measure: Measure) -> Measure:
        if area not in AREAS:
            raise ValueError(f"{area!r} is not an area in simulator/areas.py")
        if area in MEASURES:
            raise ValueError(f"{area!r} has two measure functions")
        MEASURES[area] = measure
        return measure

    return register
