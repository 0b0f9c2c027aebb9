"""Progress across sessions as a review shows it, in the terminal and in HTML alike.

Sessions are grouped by medium (typed with typed, spoken with spoken). Each metric's trend has
an arrow that follows its numbers as shown (pace 185 -> 150 is "down") and a word that judges
the change against the area's target ("better": nearer the band); "steady", a change too small
to count, has no arrow. Each saved tip has its
standing, from the notebook's history (`notebook.history`), so `tips`, `progress` and the
reports agree on what is met.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..areas import Better, area
from ..notebook import Notebook
from ..notebook.history import (
    Change, MetricSeries, SeriesPoint, SessionPoint, Standing, TipProgress, by_medium, change, metric_names,
    metric_series, session_points, tip_progress,
)
from ..types import Medium
from ..wording import plural, with_unit
from .figures import count_text, counted, date_label, number, whole

OVERALL = "overall"
OVERALL_UNIT = "out of 100"
OVERALL_STEP = 5.0  # points of the overall score that make a session "better" or "worse"
ARROWS = {"up": "\u2191", "down": "\u2193", "flat": "\u2192"}
MEDIUM_NAMES = {Medium.SPOKEN: "Spoken answers", Medium.TYPED: "Typed answers"}

# A tip's standing in words, after its figures: "(in range: ...)".
STANDING_WORDS = {
    Standing.MET: "met, well done",
    Standing.IN_RANGE: "in range: keep it there one more session and it's met",
    Standing.CLOSER: "closer, not there yet",
    Standing.NOT_YET: "not there yet",
}


@dataclass(frozen=True)
class Trend:
    """Which way a metric's numbers went, and whether that is better for it."""

    direction: str  # up | down | flat, of the numbers as shown
    verdict: Change

    @property
    def arrow(self) -> str:
        # "steady" has no arrow: "↓ steady" read as the numbers and the word disagreeing (a
        # change too small to count is steady whichever way the numbers went).
        return "" if self.verdict is Change.STEADY else ARROWS[self.direction]

    @property
    def text(self) -> str:
        return f"{self.arrow} {self.verdict}".strip()


def trend(series: MetricSeries, shown: Callable[[float], str] = number) -> Trend | None:
    """From the series' first session to its last; None with fewer than two."""
    if len(series.points) < 2:
        return None
    first, last = series.points[0], series.points[-1]
    a, b = float(shown(first.value)), float(shown(last.value))
    direction = "flat" if a == b else "up" if b > a else "down"
    if series.name == OVERALL:
        step = last.value - first.value
        verdict = Change.BETTER if step >= OVERALL_STEP else Change.WORSE if step <= -OVERALL_STEP else Change.STEADY
    elif first.tracked is None or last.tracked is None:
        verdict = Change.STEADY
    else:
        verdict = change(series.name, first.tracked, last.tracked)
    if direction == "flat" and verdict in (Change.BETTER, Change.WORSE):
        verdict = Change.STEADY  # the numbers as shown did not move
    return Trend(direction, _agreeing(series, direction, verdict))


def _agreeing(series: MetricSeries, direction: str, verdict: Change) -> Change:
    """The verdict, turned round when it contradicts the numbers beside it. A metric better one
    way (more phrases, fewer red flags, a higher score) is judged by its score, which weighs what
    it counts unequally: a red flag and a positive phrase (-1 + 1 = 0) score below one "can't"
    (-1), yet the row reads -1.0 -> 0.0, and "worse" there would read as a mistake."""
    if verdict not in (Change.BETTER, Change.WORSE) or series.name == OVERALL:
        return verdict
    found = area(series.name)
    way = Better.HIGHER if not series.measured else found.better_way if found else Better.IN_BAND
    if way is Better.IN_BAND:
        return verdict  # nearer its band, whichever way the numbers went (pace 185 -> 150)
    return Change.BETTER if (direction == "up") == (way is Better.HIGHER) else Change.WORSE


@dataclass(frozen=True)
class MediumProgress:
    """The sessions of one medium, oldest first, with each metric's series over them."""

    medium: Medium
    points: tuple[SessionPoint, ...]
    overall: MetricSeries
    metrics: tuple[MetricSeries, ...]  # every metric seen, in the order first seen

    @property
    def title(self) -> str:
        return f"{MEDIUM_NAMES[self.medium]}, {plural(len(self.points), 'session')}"

    def last(self, count: int) -> MediumProgress:
        """The same over its last `count` sessions."""
        keep = self.points[-count:]
        ids = [p.session_id for p in keep]
        return MediumProgress(self.medium, keep, self.overall.only(ids), tuple(s.only(ids) for s in self.metrics))


def overall_series(points: list[SessionPoint]) -> MetricSeries:
    return MetricSeries(OVERALL, OVERALL_UNIT, True, tuple(
        SeriesPoint(p.session_id, p.started, p.overall, p.overall) for p in points))


def medium_progress(medium: Medium, points: list[SessionPoint]) -> MediumProgress:
    return MediumProgress(medium, tuple(points), overall_series(points),
                          tuple(metric_series(points, n) for n in metric_names(points)))


def progress(points: list[SessionPoint]) -> list[MediumProgress]:
    """One group per medium; the medium of the latest session first."""
    return [medium_progress(m, group) for m, group in by_medium(points).items()]


# --- the saved tips ------------------------------------------------------------------------


def tips_with_progress(notebook: Notebook, points: list[SessionPoint] | None = None) -> list[TipProgress]:
    """Every saved tip, newest first, with where its area stands now."""
    return tip_progress(notebook.tips(), session_points(notebook) if points is None else points)


def tracked_unit(name: str) -> str:
    """The unit of the number tracked for an area: its band's, else its score's."""
    found = area(name)
    return found.band.unit if found is not None and found.band is not None else OVERALL_UNIT


def tip_line(p: TipProgress) -> str:
    """'Progress: 9 fillers a minute over that session, 1 over your latest (met, well done).'; empty
    with nothing newer, and for a replaced tip (the newer one carries its area on). The figures are
    whole sessions' (what the coach tracks), said so because the tip itself may quote one answer's."""
    if p.standing in (Standing.NOTHING_NEWER, Standing.REPLACED):
        return ""
    if p.standing is Standing.NOT_COMPARED:
        if p.medium is None:
            return ""
        if p.alike_since:  # sessions of its kind since, whose questions never brought its area up
            return (f"Not measured since: it did not come up in your "
                    f"{plural(p.alike_since, f'{p.medium.value} session')} since.")
        return f"Not measured since: no {p.medium.value} session to compare it with yet."
    words = STANDING_WORDS[p.standing]
    if p.now is None:
        return f"Progress: {words}."
    unit, then = tracked_unit(p.saved.area), p.saved.value
    if then is None:
        return f"Progress: {_said(p, p.now, p.now_session, unit)} over your latest session ({words})."
    return (f"Progress: {_said(p, then, p.saved.session_id, unit)} over that session, "
            f"{_said(p, p.now, p.now_session, unit, bare=True)} over your latest ({words}).")


def _said(p: TipProgress, value: float, session_id: str | None, unit: str, bare: bool = False) -> str:
    """A tracked value with its unit ('9 fillers a minute'); a count over a session's answers as a
    person says it ('1 long pause in 3 answers', not '0.33 long pauses'). `bare`: the number alone,
    its unit said before it ('1 in 3 answers')."""
    if counted(p.saved.area, unit):
        return count_text(value, p.answers.get(session_id or ""), unit, bare=bare)
    # a score said to a person is a whole number, as everywhere else: "67 out of 100", not "66.7"
    shown = str(whole(value)) if unit == OVERALL_UNIT else number(value)
    return shown if bare else with_unit(shown, unit)


def history_line(p: TipProgress) -> str:
    """How long its area has been worked on, for a tip given more than once: 'Given in each of your
    3 sessions since Dec 1, 18:41: 25 out of 100 the first time, 30 the last time.' For a replaced
    tip, what replaced it. Empty for a tip given once."""
    h = p.history
    if h is None:
        return ""
    if p.saved.replaced:
        return f"Replaced by newer advice on {date_label(h.replaced_by.started)}." if h.replaced_by else ""
    if h.given < 2:
        return ""
    since = date_label(h.first.started)
    if p.saved.met:
        text = f"Given {h.given} times from {since} until it was met"
    elif h.sessions and h.sessions >= h.given:
        text = f"Given in {'each' if h.sessions == h.given else h.given} of your {h.sessions} sessions since {since}"
    else:
        text = f"Given {h.given} times since {since}"
    # Like with like: the first time on answers of the same kind (typed, spoken) as the last.
    first = next((t for t in h.earlier if t.value is not None and Medium.alike(t.medium, p.saved.medium)), None)
    if first is not None and p.saved.value is not None:
        unit = tracked_unit(p.saved.area)
        text += (f": {_said(p, first.value, first.session_id, unit)} the first time, "
                 f"{_said(p, p.saved.value, p.saved.session_id, unit, bare=True)} the last time")
    return text + "."


def tips_summary(tips: list[TipProgress]) -> str:
    """'Tips so far: 9 given: 3 still open (1 in range: ...), 1 met, 5 replaced by newer advice on
    the same area.' The counts add up to what was given."""
    met = sum(1 for t in tips if t.standing is Standing.MET)
    replaced = sum(1 for t in tips if t.standing is Standing.REPLACED)
    in_range = sum(1 for t in tips if t.standing is Standing.IN_RANGE)
    text = f"Tips so far: {len(tips)} given: {len(tips) - met - replaced} still open"
    if in_range:
        text += (f" ({in_range} in range: one more session in range and "
                 f"{'it is' if in_range == 1 else 'they are'} met)")
    text += f", {met} met"
    if replaced:
        text += f", {replaced} replaced by newer advice on the same area"
    return text + "."
