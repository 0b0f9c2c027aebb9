"""A metric's evidence as lines to read: the same line said again is one line, with how often.

Three empathy phrases in one clause give three evidence items with the same quote; the review
shows the clause once, "(3 times)". Every line keeps where it points in the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Metric
from ..wording import plural

SHOWN_FIRST = 3  # lines shown before "and N more" (the terminal; the HTML report folds the rest)


@dataclass(frozen=True)
class EvidenceLine:
    quote: str
    note: str
    starts: tuple[float, ...]  # each distinct time it was said, in order; empty when typed
    span: range | None  # the transcript words of its first occurrence (None: not found)
    count: int = 1  # the evidence items it stands for

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
        key = (" ".join(ev.quote.lower().split()), ev.note)
        line = merged.get(key)
        if line is None:
            merged[key] = EvidenceLine(ev.quote, ev.note, (ev.start,) if ev.start is not None else (),
                                       located.get((metric.name, n)))
            continue
        starts = line.starts + ((ev.start,) if ev.start is not None and ev.start not in line.starts else ())
        merged[key] = EvidenceLine(line.quote, line.note, starts, line.span or located.get((metric.name, n)),
                                   line.count + 1)
    return list(merged.values())
