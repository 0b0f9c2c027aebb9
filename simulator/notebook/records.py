"""What the notebook hands out: typed, frozen records, never `sqlite3.Row`s or loose dicts."""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any

from ..types import Choice, Medium, Mode, Tip


class SessionStatus(Choice):
    RUNNING = "running"  # still going, or its process died (`Notebook.unfinished_sessions`)
    FINISHED = "finished"
    INTERRUPTED = "interrupted"  # closed afterwards, with feedback on the answers it saved


class TipStatus(Choice):
    OPEN = "open"  # still being worked on: brought up at the start of the next session
    MET = "met"  # in range in two comparable sessions running (`history.update_tip_progress`)
    # A later session gave a tip in the same area: the newer one (`SavedTip.replaced_by`) is the
    # open one now. Neither met nor lost: `tips --all` shows it, with the tip that replaced it.
    REPLACED = "replaced"


@dataclass(frozen=True)
class SessionSummary:
    """One line of the session list."""

    id: str
    started: str  # ISO 8601, local time with offset
    status: SessionStatus
    mode: Mode
    answers: int
    overall: float | None  # the mean overall of its answers; None without answers
    verdict: str
    medium: Medium | None = None  # None without answers
    tracked: Mapping[str, float] | None = None  # each area's value as the coach tracked it at the close
    questions: int = 0  # the questions answered: a role-play call's replies are one


@dataclass(frozen=True)
class SavedTip:
    """A tip as the notebook keeps it: the tip itself, the session that gave it, and its status."""

    id: int
    session_id: str
    started: str  # when the session that gave it started
    position: int  # its place among that session's tips, 1 first
    tip: Tip  # with `medium`: the answers it was given on
    status: TipStatus = TipStatus.OPEN
    met_session: str | None = None  # the session that met it
    replaced_by: int | None = None  # the id of the newer tip of its area, when replaced

    @property
    def area(self) -> str:
        return self.tip.area

    @property
    def text(self) -> str:
        return self.tip.text

    @property
    def value(self) -> float | None:
        return self.tip.value

    @property
    def target(self) -> str | None:
        return self.tip.target

    @property
    def medium(self) -> Medium | None:
        return self.tip.medium

    @property
    def met(self) -> bool:
        return self.status is TipStatus.MET

    @property
    def replaced(self) -> bool:
        return self.status is TipStatus.REPLACED

    def to_json(self) -> dict[str, Any]:
        """The `tips --json` shape: the notebook's columns, then the session's start and medium."""
        return {"id": self.id, "session_id": self.session_id, "position": self.position,
                "area": self.area, "text": self.text, "value": self.value, "target": self.target,
                "status": self.status.value, "met_session": self.met_session, "replaced_by": self.replaced_by,
                "started": self.started,
                "medium": self.medium.value if self.medium else None}
