"""What each session measured, each metric's series across sessions, and whether a tracked value
moved better or worse against its area's target.

Figures compare like with like (`Medium.alike`): typed sessions with typed ones, spoken with
spoken (a typed answer has no "um" to count and no pace). What counts as in range, and the number
tracked for each area, are the coach's (`coach.targets`). `history` builds the tips' standings on
these, and hands them on to `progress`, `tips` and the HTML reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..areas import area
from ..coach.feedback import tracked_values as coach_tracked_values
from ..coach.targets import distance, metric_in_range
from ..types import Answer, Choice, Medium, Metric
from .records import SessionSummary
from .store import Notebook

SCORE_UNIT = "score out of 100"  # a series of scores, when the measured values cannot share a line
CLOSER = 0.85  # "better" is at least 15% nearer the target, as the coach says it at the end


# --- what one session measured -------------------------------------------------------------


@dataclass(frozen=True)
class SessionPoint:
    """One session with answers, as progress sees it."""

    session_id: str
    started: str
    medium: Medium
    overall: float
    values: Mapping[str, float]  # each metric's mean measured value, where it is a number
    scores: Mapping[str, float]  # each metric's mean score
    units: Mapping[str, str | None]  # each measured value's unit; None when the answers disagree
    tracked: Mapping[str, float]  # each area's value as the coach tracks it (`progress_value`)
    # each metric's mean expected value (`Metric.expected`), where every answer was short of all
    expected: Mapping[str, float]
    # how many answers each measured value is the mean of: a count is said as "1 red flag in 3
    # answers", never "0.33 red flags" (`Area.counted`)
    answers: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The `progress --json` shape (one element of its list)."""
        return {"session_id": self.session_id, "started": self.started, "medium": self.medium.value,
                "overall": self.overall, "metrics": {k: round(v, 2) for k, v in self.values.items()},
                "scores": {k: round(v, 1) for k, v in self.scores.items()}, "units": dict(self.units),
                "expected": {k: round(v, 2) for k, v in self.expected.items()}}


def _mean_per_metric(answers: Iterable[Answer], value_of: Callable[[Metric], float | None]) -> dict[str, float]:
    """The mean of `value_of(metric)` per metric name, over the answers where it is not None."""
    values: dict[str, list[float]] = {}
    for a in answers:
        for m in a.score.metrics:
            v = value_of(m)
            if v is not None:
                values.setdefault(m.name, []).append(v)
    return {k: sum(v) / len(v) for k, v in values.items()}


def tracked_values(answers: Iterable[Answer]) -> dict[str, float]:
    """Each area's value over a session, as the coach tracks it (wpm for pace, score for empathy;
    a call's areas judged across the call), so the closing remarks and `tips` agree."""
    return coach_tracked_values(list(answers))


def session_tracked(summary: SessionSummary, answers: Callable[[], Iterable[Answer]]) -> dict[str, float]:
    """The values kept when the session closed; judged again only for a session closed before they
    were kept, or still running. Judging a call reads red flags by meaning, which loads the
    sentence model: looking back (`tips`, `progress`, `review`) should not pay for that."""
    if summary.tracked is not None:
        return dict(summary.tracked)
    return tracked_values(answers())


def _measured(m: Metric) -> float | None:
    """A metric's raw value, where it is a number and was measured."""
    return float(m.value) if isinstance(m.value, (int, float)) and not isinstance(m.value, bool) \
        and m.score is not None else None


def session_metric_values(answers: Iterable[Answer]) -> dict[str, float]:
    """Each numeric metric's mean raw value over a session's answers (for charts)."""
    return _mean_per_metric(answers, _measured)


def session_metric_answers(answers: Iterable[Answer]) -> dict[str, int]:
    """How many of a session's answers each numeric metric was measured on."""
    found: dict[str, int] = {}
    for a in answers:
        for m in a.score.metrics:
            if _measured(m) is not None:
                found[m.name] = found.get(m.name, 0) + 1
    return found


def session_expected(answers: Iterable[Answer]) -> dict[str, float]:
    """Each measured metric's mean `expected` over a session, where every answer had one (each was
    short: 1 of 5 key points expected). One answer expected to reach all of it leaves the metric
    out: how much "all" is lives only in its unit."""
    found: dict[str, list[float | None]] = {}
    for a in answers:
        for m in a.score.metrics:
            if m.score is not None:
                found.setdefault(m.name, []).append(m.expected)
    return {name: sum(v) / len(v) for name, v in found.items() if v and None not in v}


def session_point(summary: SessionSummary, answers: list[Answer]) -> SessionPoint | None:
    """What a session measured; None for a session without answers."""
    medium = Medium.of(answers)
    if medium is None:
        return None
    units: dict[str, str | None] = {}
    for a in answers:
        for m in a.score.metrics:
            if isinstance(m.value, (int, float)) and m.score is not None:
                units[m.name] = m.unit if units.get(m.name, m.unit) == m.unit else None
    overall = summary.overall if summary.overall is not None else \
        sum(a.score.overall for a in answers) / len(answers)
    return SessionPoint(summary.id, summary.started, medium, overall, session_metric_values(answers),
                        _mean_per_metric(answers, lambda m: None if m.score is None else float(m.score)),
                        units, session_tracked(summary, lambda: answers), session_expected(answers),
                        session_metric_answers(answers))


def session_points(notebook: Notebook) -> list[SessionPoint]:
    """Every session with answers, oldest first."""
    points = (session_point(s, list(notebook.answers(s.id))) for s in reversed(notebook.sessions()) if s.answers)
    return [p for p in points if p is not None]


def by_medium(points: list[SessionPoint]) -> dict[Medium, list[SessionPoint]]:
    """The sessions of each medium, oldest first; the medium of the latest session comes first."""
    groups: dict[Medium, list[SessionPoint]] = {}
    for p in reversed(points):
        groups.setdefault(p.medium, []).insert(0, p)
    return groups


# --- one metric across sessions ------------------------------------------------------------


@dataclass(frozen=True)
class SeriesPoint:
    session_id: str
    started: str
    value: float  # as shown: the measured value, or the score
    tracked: float | None  # as the coach tracks it, for judging the change
    answers: int | None = None  # how many answers a measured value is the mean of


@dataclass(frozen=True)
class MetricSeries:
    """One metric across sessions of one medium: its measured values when they share a unit,
    otherwise its scores."""

    name: str
    unit: str  # SCORE_UNIT when the series is of scores
    measured: bool
    points: tuple[SeriesPoint, ...]

    def value_in(self, session_id: str) -> float | None:
        return next((p.value for p in self.points if p.session_id == session_id), None)

    def only(self, session_ids: Iterable[str]) -> MetricSeries:
        """The same series over some of its sessions (the last few, in a table)."""
        keep = set(session_ids)
        return MetricSeries(self.name, self.unit, self.measured, tuple(p for p in self.points if p.session_id in keep))


def metric_names(points: list[SessionPoint]) -> list[str]:
    """Every metric seen across these sessions, in the order they first appear."""
    names: dict[str, None] = {}
    for p in points:
        for name in (*p.scores, *p.values):
            names.setdefault(name, None)
    return list(names)


def metric_series(points: list[SessionPoint], name: str) -> MetricSeries:
    """One metric over sessions of one medium. Values in different units cannot share a line:
    when a session's answers disagree ("of 5 key points", "of 4 key points"), or two sessions
    do, the series is of scores."""
    # An area scored by the phrases said (empathy, ownership...) is shown by the score the coach
    # tracks (a call's judged once, across its replies): the count's mean over a call's replies read
    # "Ownership 0.67 phrases" for a call that took ownership once.
    # So is an area whose value says nothing to a person (`Area.by_score`): "-1 in 3", "0.92 out of 1".
    if (found := area(name)) is not None and (found.by_count is not None or found.by_score):
        return MetricSeries(name, SCORE_UNIT, False, tuple(
            SeriesPoint(p.session_id, p.started, p.tracked.get(name, p.scores[name]), p.tracked.get(name))
            for p in points if name in p.scores))
    measured = [p for p in points if name in p.values]
    units = {p.units.get(name) for p in measured}
    if measured and len(units) == 1 and None not in units:
        return MetricSeries(name, units.pop() or "", True, tuple(
            SeriesPoint(p.session_id, p.started, p.values[name], p.tracked.get(name), p.answers.get(name))
            for p in measured))
    return MetricSeries(name, SCORE_UNIT, False, tuple(
        SeriesPoint(p.session_id, p.started, p.scores[name], p.tracked.get(name))
        for p in points if name in p.scores))


# --- better or worse, against the area's target ---------------------------------------------


class Change(Choice):
    ON_TARGET = "on target"  # in range then and now
    BETTER = "better"  # nearer the target (or in range now)
    WORSE = "worse"
    STEADY = "steady"


def change(area: str, then: float, now: float) -> Change:
    """How a tracked value moved against the area's target (`coach.targets`)."""
    if metric_in_range(area, then) and metric_in_range(area, now):
        return Change.ON_TARGET
    before, after = distance(area, then), distance(area, now)
    if after < CLOSER * before:
        return Change.BETTER
    if before < CLOSER * after:
        return Change.WORSE
    return Change.STEADY
