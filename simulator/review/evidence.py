"""A metric's evidence as lines to read: the same line said again is one line, with how often.

Three empathy phrases in one clause give three evidence items with the same quote; the review
shows the clause once, "(3 times)". Every line keeps where it points in the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Coverage, EvidenceKind, Metric
from ..wording import plural

# The whole answer's level and pitch: the metric's own line says them ("a comfortable level (-21
# dBFS)"); a line under it, rounded again ("speech level -21 dBFS, 0.00% clipped"), said it twice.
SAID_IN_THE_VALUE = frozenset({EvidenceKind.LEVEL, EvidenceKind.PITCH})
SHOWN_FIRST = 3  # lines shown before "and N more" (the terminal; the HTML report folds the rest)


@dataclass(frozen=True)
class EvidenceLine:
    quote: str
    note: str
    starts: tuple[float, ...]  # each distinct time it was said, in order; empty when typed
    span: range | None  # the transcript words of its first occurrence (None: not found)
    count: int = 1  # the evidence items it stands for
    missing: bool = False  # it says what was not heard ("missing: task"), not something said

    @property
    def start(self) -> float | None:
        return self.starts[0] if self.starts else None

    @property
    def times(self) -> str:
        """'(3 times)', or '' for a line said once."""
        return f"({plural(self.count, 'time')})" if self.count > 1 else ""


def evidence_lines(metric: Metric, located: dict[tuple[str, int], range]) -> list[EvidenceLine]:
    """One line per distinct (quote, note), in the order first given."""
    merged: dict[tuple[str, str], EvidenceLine] = {}
    for n, ev in enumerate(metric.evidence):
        if ev.kind in SAID_IN_THE_VALUE:
            continue
        key = (" ".join(ev.quote.lower().split()), ev.note)
        line = merged.get(key)
        if line is None:
            merged[key] = EvidenceLine(ev.quote, ev.note, (ev.start,) if ev.start is not None else (),
                                       located.get((metric.name, n)), missing=ev.coverage is Coverage.MISSING)
            continue
        starts = line.starts + ((ev.start,) if ev.start is not None and ev.start not in line.starts else ())
        merged[key] = EvidenceLine(line.quote, line.note, starts, line.span or located.get((metric.name, n)),
                                   line.count + 1, line.missing)
    return list(merged.values())


def more_text(left_out: list[EvidenceLine]) -> str:
    """What the lines not shown stand for, counted as the things they show (a line said "(3
    times)" is 3), not as lines: '3 more', '2 more missing', '2 more, 1 of them missing'."""
    every = sum(line.count for line in left_out)
    missing = sum(line.count for line in left_out if line.missing)
    if not missing:
        return f"{every} more"
    return f"{every} more missing" if missing == every else f"{every} more, {missing} of them missing"
