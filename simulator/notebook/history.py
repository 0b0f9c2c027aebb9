"""Across sessions: how the saved tips are doing (standings, histories, marking them met), and
closing sessions a crash left open.

What each session measured and each metric's series are in `measured`, and are handed on from
here too, so `progress`, `tips`, the HTML reports and the tip statuses read one module.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from ..coach import session_feedback
from ..coach.retry import by_answer
from ..coach.targets import metric_in_range
from ..types import Choice, Medium, Session, Tip
from ..wording import plural
from .measured import (
    CLOSER, SCORE_UNIT, Change, MetricSeries, SeriesPoint, SessionPoint, by_medium, change, metric_names,
    metric_series, session_expected, session_metric_values, session_point, session_points, session_tracked,
    tracked_values,
)
from .records import SavedTip, TipStatus
from .store import Notebook

# Handed on: callers read the measured figures from here, with the tips' standings.
__all__ = ["CLOSER", "SCORE_UNIT", "Change", "MetricSeries", "SeriesPoint", "SessionPoint", "by_medium", "change",
           "metric_names", "metric_series", "session_expected", "session_metric_values", "session_point",
           "session_points", "session_tracked", "tracked_values", "Standing", "TipHistory", "TipProgress",
           "tip_histories", "times_given", "tips_json", "tip_progress", "update_tip_progress",
           "recover_unfinished", "discard_session"]


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
    # by session, how many answers its area's value is the mean of: "1 long pause in 3 answers"
    answers: Mapping[str, int] = field(default_factory=dict)


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
                               histories[saved.id], alike,
                               {p.session_id: p.answers[saved.area] for p in points if saved.area in p.answers}))
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
