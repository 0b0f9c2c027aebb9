"""Tips: one writer per area, in a module per family (content, delivery, language and calls).

A writer names the behaviour, quotes what was said, sets a target and gives one drill, and
returns None when the evidence does not support a tip.
"""

from __future__ import annotations

from ...areas import ENGLISH_TARGET, area
from ...types import EvidenceKind, Metric, Tip
from ..context import Context
from ..phrasing import tidy
from ..targets import metric_target, progress_value
from . import content, delivery, language  # noqa: F401  (each registers its writers)
from .language import flag_target, gravity, ownership_target
from .registry import WRITERS, Writer, writes

__all__ = ["WRITERS", "Writer", "writes", "write_tip", "covered_by", "gravity", "is_uncertain"]


def covered_by(name: str) -> tuple[str, ...]:
    """Tips that say nothing more once this one is given (an off-topic answer needs one tip, not
    four; a reply that skipped the closing needs no "that was short" as well)."""
    found = area(name)
    return found.covers if found else ()


def is_uncertain(name: str) -> bool:
    """Judged by matching words, where a near miss may be the candidate's own phrasing: a tip
    only when clearly weak, never as a polish tip."""
    found = area(name)
    return found is not None and found.uncertain


def write_tip(m: Metric, c: Context) -> Tip | None:
    """The area's tip on this metric, with the value and target progress is tracked against."""
    writer = WRITERS.get(m.name)
    text = writer(m, c) if writer else None
    if not text:
        return None
    text = tidy(text)
    value = c.value if c.value is not None else progress_value(m)
    foreign = any(e.kind is EvidenceKind.NOT_ENGLISH for e in m.evidence)
    return Tip(area=m.name, text=text, value=None if value is None else round(value, 2),
               target=ENGLISH_TARGET if foreign else flag_target(m, c) or ownership_target(m, c) or metric_target(m))

