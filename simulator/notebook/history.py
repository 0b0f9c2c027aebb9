"""Across sessions: what each session measured, each metric's series, and how the saved tips are doing.

Figures compare like with like (`Medium.alike`): typed sessions with typed ones, spoken with
spoken (a typed answer has no "um" to count and no pace). What counts as in range, and the number
tracked for each area, are the coach's (`coach.targets`): `progress`, `tips`, the HTML reports and
the tip statuses all read them through this module.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..areas import area
from ..coach import session_feedback
from ..coach.feedback import tracked_values as coach_tracked_values
from ..coach.retry import by_answer
from ..coach.targets import distance, metric_in_range
from ..types import Answer, Choice, Medium, Metric, Session, Tip
from ..wording import plural
from .records import SavedTip, SessionSummary, TipStatus
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


def session_metric_values(answers: Iterable[Answer]) -> dict[str, float]:
    """Each numeric metric's mean raw value over a session's answers (for charts)."""
    return _mean_per_metric(answers, lambda m: float(m.value) if isinstance(m.value, (int, float))
                            and not isinstance(m.value, bool) and m.score is not None else None)


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
                        units, session_tracked(summary, lambda: answers), session_expected(answers))


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
    if (found := area(name)) is not None and found.by_count is not None:
        return MetricSeries(name, SCORE_UNIT, False, tuple(
            SeriesPoint(p.session_id, p.started, p.tracked.get(name, p.scores[name]), p.tracked.get(name))
            for p in points if name in p.scores))
    measured = [p for p in points if name in p.values]
    units = {p.units.get(name) for p in measured}
    if measured and len(units) == 1 and None not in units:
        return MetricSeries(name, units.pop() or "", True, tuple(
            SeriesPoint(p.session_id, p.started, p.values[name], p.tracked.get(name)) for p in measured))
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


# --- the saved tips ------------------------------------------------------------------------


class Standing(Choice):
    MET = "met"  # in range in two comparable sessions running: the notebook marked it met
    IN_RANGE = "in range"  # in range in the latest comparable session: once more and it is met
    CLOSER = "closer"  # nearer the target than when it was given
    NOT_YET = "not yet"
    NOT_COMPARED = "not compared"  # sessions since, but none that compares (typed, spoken)
    NOTHING_NEWER = "nothing newer"  # no session with answers since it was given
    REPLACED = "replaced"  # its area was tipped again later: the newer tip carries it on


@dataclass(frozen=True)
class TipHistory:
    """A tip with the earlier tips of its area that it replaced: how long the area has been worked on."""

    saved: SavedTip
    earlier: tuple[SavedTip, ...] = ()  # oldest first, each replaced by the next (the last by `saved`)
    # Sessions with answers from the first of them until this tip was met or replaced, or until now
    # while it is open; None when the notebook does not hold that session any more.
    sessions: int | None = None
    replaced_by: SavedTip | None = None  # the newer tip of its area, when replaced

    @property
    def given(self) -> int:
        """How many times the area was given, this tip included."""
        return 1 + len(self.earlier)

    @property
    def first(self) -> SavedTip:
        return self.earlier[0] if self.earlier else self.saved

    def to_json(self) -> dict[str, Any]:
        """What `tips --json` adds to each tip."""
        return {"times_given": self.given, "first_given": self.first.started,
                "sessions_since_first_given": self.sessions}


def tip_histories(tips: list[SavedTip], sessions: list[str]) -> dict[int, TipHistory]:
    """Each tip's history, by id. `tips` are every saved tip; `sessions` the ids of the sessions
    with answers, oldest first."""
    by_id = {t.id: t for t in tips}
    replaced: dict[int, list[SavedTip]] = {}
    for t in tips:
        if t.replaced_by in by_id:
            replaced.setdefault(t.replaced_by, []).append(t)
    order = {t.id: i for i, t in enumerate(tips)}  # newest first
    place = {sid: i for i, sid in enumerate(sessions)}
    out = {}
    for saved in tips:
        earlier, seen, todo = [], {saved.id}, [saved.id]
        while todo:  # not recursive: an area tipped in hundreds of sessions is a long chain
            for t in replaced.get(todo.pop(), ()):
                if t.id not in seen:  # never written, but a damaged notebook must not loop
                    seen.add(t.id)
                    earlier.append(t)
                    todo.append(t.id)
        earlier.sort(key=lambda t: order[t.id], reverse=True)
        first = earlier[0] if earlier else saved
        until = (saved.met_session if saved.met else by_id[saved.replaced_by].session_id
                 if saved.replaced and saved.replaced_by in by_id else sessions[-1] if sessions else None)
        span = (place[until] - place[first.session_id] + 1
                if first.session_id in place and until in place else None)
        out[saved.id] = TipHistory(saved, tuple(earlier), span, by_id.get(saved.replaced_by))
    return out


def times_given(notebook: Notebook) -> dict[str, int]:
    """For each area with an open tip: how many times it has been given, that tip included."""
    tips = notebook.tips()
    histories = tip_histories(tips, [])
    return {t.area: histories[t.id].given for t in reversed(tips) if t.status is TipStatus.OPEN}


def tips_json(notebook: Notebook) -> list[dict[str, Any]]:
    """`tips --json`: every tip, newest first, as the notebook keeps it, with its history."""
    tips = notebook.tips()
    histories = tip_histories(tips, [s.id for s in reversed(notebook.sessions()) if s.answers])
    return [{**t.to_json(), **histories[t.id].to_json()} for t in tips]


@dataclass(frozen=True)
class TipProgress:
    """A saved tip and where its area stands now, in the latest comparable session since."""

    saved: SavedTip
    standing: Standing
    now: float | None = None  # the tracked value in that session
    now_session: str | None = None
    medium: Medium | None = None  # the medium it is tracked on
    history: TipHistory | None = None  # None only when made by hand
    alike_since: int = 0  # sessions since of the kind it is tracked on (typed, spoken), measured or not


def tip_progress(tips: list[SavedTip], points: list[SessionPoint]) -> list[TipProgress]:
    """Each tip's standing and history. A tip is met only as the notebook says (`update_tip_progress`);
    otherwise its area's latest comparable value since it was given says how it is doing."""
    place = {p.session_id: i for i, p in enumerate(points)}
    histories = tip_histories(tips, [p.session_id for p in points])
    out = []
    for saved in tips:
        given = place.get(saved.session_id)
        later = points[given + 1:] if given is not None else []
        medium = saved.medium or (points[given].medium if given is not None else None)
        now = next((p for p in reversed(later) if Medium.alike(medium, p.medium) and saved.area in p.tracked),
                   None)
        value = now.tracked[saved.area] if now else None
        if saved.met:
            standing = Standing.MET
        elif saved.replaced:
            standing = Standing.REPLACED
        elif now is None:
            standing = Standing.NOT_COMPARED if later else Standing.NOTHING_NEWER
        elif metric_in_range(saved.area, value):
            standing = Standing.IN_RANGE
        elif saved.value is not None and change(saved.area, saved.value, value) is Change.BETTER:
            standing = Standing.CLOSER
        else:
            standing = Standing.NOT_YET
        alike = sum(1 for p in later if Medium.alike(medium, p.medium))
        out.append(TipProgress(saved, standing, value, now.session_id if now else None, medium,
                               histories[saved.id], alike))
    return out


def update_tip_progress(notebook: Notebook, session_id: str) -> list[int]:
    """Mark an open tip met once its area has been in range in two comparable sessions running
    since it was given (this one and the one before it that measured the area); returns the tips
    marked."""
    sessions = [s for s in notebook.sessions() if s.answers]  # newest first
    current = next((i for i, s in enumerate(sessions) if s.id == session_id), None)
    if current is None:
        return []
    by_id = {s.id: s for s in sessions}
    tracked = cache(lambda sid: session_tracked(by_id[sid], lambda: notebook.answers(sid)))
    now = sessions[current]
    marked = []
    for saved in notebook.open_saved_tips_before(session_id):
        medium = saved.medium or now.medium
        if not Medium.alike(medium, now.medium) or not metric_in_range(saved.area, tracked(now.id).get(saved.area)):
            continue
        # The session before must come after the tip: the session that gave it does not count,
        # even when its value sat in range (a polish tip is given in range).
        given = next((i for i, s in enumerate(sessions) if s.id == saved.session_id), len(sessions))
        before = next((tracked(s.id)[saved.area] for s in sessions[current + 1:given]
                       if Medium.alike(medium, s.medium) and saved.area in tracked(s.id)), None)
        if metric_in_range(saved.area, before):
            notebook.mark_tip_met(saved.id, session_id)
            marked.append(saved.id)
    return marked


def recover_unfinished(notebook: Notebook, notice: Callable[[str], None], audio_root: Path) -> list[str]:
    """Close sessions a crash left open, giving feedback on the answers they saved; one with no
    answer is deleted (`discard_session`): there is nothing in it to look back on."""
    recovered = []
    for session_id in notebook.unfinished_sessions():
        answers = list(notebook.answers(session_id))
        if not answers:
            discard_session(notebook, session_id, audio_root / session_id)
            continue
        feedback = session_feedback(answers, _opened_with(notebook, session_id), by_answer(notebook.retries(session_id)))
        notebook.finish_session(session_id, feedback.verdict, list(feedback.tips),
                                strength=feedback.strength, status="interrupted", tracked=feedback.tracked,
                                progress=feedback.progress)
        notice(f"An earlier session ({session_id}) ended unexpectedly with {plural(len(answers), 'answer')} "
               f"saved. Review it with: mock-interview review {session_id}")
        recovered.append(session_id)
    return recovered


def _opened_with(notebook: Notebook, session_id: str) -> list[Tip]:
    """The tips a session opened with, each as saved (with the medium of the answers it was given
    on), for the closing remarks on them."""
    given = {(t.area, t.text): t.tip for t in notebook.tips()}
    return [given.get((t.area, t.text), t) for t in notebook.session(session_id).focus_from_last_time]


def discard_session(notebook: Notebook, session_id: str, audio: Path) -> Session:
    """Delete a session that holds no answer, with its folder of audio (the questions as spoken):
    returned as it was, finished, for the caller to report."""
    session = notebook.session(session_id)
    notebook.delete_session(session_id)
    shutil.rmtree(audio, ignore_errors=True)
    return replace(session, verdict="No answers recorded.", finished=True)
