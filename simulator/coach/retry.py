"""Trying a question again, right away: what changed between two tries of the same question.

In coach mode, after the tip, the candidate may answer the same question once more. The two
Scores are compared area by area (`compare`), and the interviewer says what changed, quoting
the new answer ("You gave an example this time: 'At the returns desk...'") and, if the area
of the tip did not move, that too (`remark`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from ..areas import area
from ..types import Metric, Score

MOVED = 15.0  # points on an area's 0-100 score that count as a real change, not noise
QUOTE_WORDS = 10  # a quote in the interviewer's remark is cut to this many words

@dataclass(frozen=True)
class Change:
    """One area's score on both tries, with what the second try said there."""

    area: str
    before: float  # 0-100
    after: float
    value_before: float | str | None = None
    value_after: float | str | None = None
    unit: str | None = None
    quote: str = ""  # evidence from the second try

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def improved(self) -> bool:
        return self.delta >= MOVED


@dataclass(frozen=True)
class Comparison:
    """Two tries of one question: what improved, what did not, and the overall scores."""

    question_id: str
    overall_before: float
    overall_after: float
    improved: tuple[Change, ...]  # most improved first
    not_improved: tuple[Change, ...]  # the tip's area when it did not move, then what got worse
    focus: str | None = None  # the area of the tip given before the retry

    @property
    def focus_improved(self) -> bool | None:
        """Whether the area of the tip got better (None when there was no tip, or it can't tell)."""
        if self.focus is None:
            return None
        if any(c.area == self.focus for c in self.improved):
            return True
        if any(c.area == self.focus for c in self.not_improved):
            return False
        return None


@dataclass(frozen=True)
class Retry:
    """A second try of a question, as saved in the notebook beside the first."""

    score: Score
    comparison: Comparison
    audio: Path | None = None


def comparison_to_dict(c: Comparison) -> dict:
    return asdict(c)


def comparison_from_dict(d: dict) -> Comparison:
    changes = {k: tuple(Change(**x) for x in d.get(k, ())) for k in ("improved", "not_improved")}
    return Comparison(d["question_id"], d["overall_before"], d["overall_after"],
                      focus=d.get("focus"), **changes)


def compare(first: Score, second: Score, focus: str | None = None) -> Comparison:
    """Area by area, the areas measured on both tries; `focus` is the tip's area."""
    changes = []
    for before in first.metrics:
        after = second.metric(before.name)
        if after is None or before.score is None or after.score is None:
            continue
        changes.append(Change(before.name, round(before.score, 1), round(after.score, 1),
                              before.value, after.value, after.unit, _quote(after)))
    improved = sorted((c for c in changes if c.improved), key=lambda c: -c.delta)
    if focus is not None:  # the area they were asked to work on is said first
        improved.sort(key=lambda c: c.area != focus)
    stuck = [c for c in changes if c.area == focus and not c.improved]
    worse = sorted((c for c in changes if c.delta <= -MOVED and c.area != focus), key=lambda c: c.delta)
    return Comparison(first.question_id, round(first.overall, 1), round(second.overall, 1),
                      tuple(improved), tuple(stuck + worse), focus)


def remark(comparison: Comparison) -> str:
    """What the interviewer says after the retry: at most two things that got better (quoting
    the new answer), the tip's area if it did not, and the overall scores."""
    parts = [_better(c) for c in comparison.improved[:2]]
    if comparison.focus_improved is False:
        stuck = next(c for c in comparison.not_improved if c.area == comparison.focus)
        parts.append(f"{_needs_work(stuck.area)} still needs work; that's the one to keep practising.")
    elif not parts:
        parts.append("That came out about the same as the first time.")
    before, after = comparison.overall_before, comparison.overall_after
    if after >= before + 5:
        parts.append(f"Overall, {after:.0f} out of 100 against {before:.0f} the first time.")
    elif after <= before - 5:
        parts.append(f"Overall the first try was stronger: {before:.0f} against {after:.0f} now.")
    else:
        parts.append(f"Overall about the same: {before:.0f}, then {after:.0f}.")
    return " ".join(parts)


def _better(change: Change) -> str:
    known = area(change.area)
    if known and known.band and isinstance(change.value_before, (int, float)) \
            and isinstance(change.value_after, (int, float)):
        unit = f" {change.unit}" if change.unit else ""
        return (f"Your {_name(change.area)} got better: {_number(change.value_after)}{unit} "
                f"this time, against {_number(change.value_before)} before.")
    lead = known.better if known and known.better else f"Your {_name(change.area)} got better this time"
    if not change.quote:
        return f"{lead}."
    end = "" if change.quote.endswith(("...", ".", "?", "!")) else "."
    return f'{lead}: "{change.quote}"{end}'


def _quote(metric: Metric) -> str:
    """The first non-empty evidence quote, cut to QUOTE_WORDS words."""
    quote = next((e.quote.strip() for e in metric.evidence if e.quote.strip()), "")
    words = quote.split()
    if len(words) > QUOTE_WORDS:
        return " ".join(words[:QUOTE_WORDS]).rstrip(",;:") + "..."
    return quote


def _name(name: str) -> str:
    known = area(name)
    return known.label if known else name.replace("_", " ")


def _number(value: float) -> str:
    return f"{value:.1f}" if abs(value) < 10 and value != int(value) else f"{value:.0f}"


def _needs_work(name: str) -> str:
    """'Giving a concrete example': the area as the interviewer recalls it (`Area.reminder`)."""
    known = area(name)
    what = known.reminder if known else name.replace("_", " ")
    return what[0].upper() + what[1:]
