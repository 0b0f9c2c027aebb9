"""The notebook: sessions, scored answers and tips in SQLite, in the data folder, handed out as
typed records.

- `schema.py`: the file name, the owner mark and the migrations
- `store.py`: `Notebook`, opening (atomic under concurrency), writing and reading
- `records.py`: what reading gives: `SessionSummary`, `SavedTip`
- `measured.py`: across sessions: what each session measured (`SessionPoint`), `MetricSeries`, better or worse
- `history.py`: the saved tips' standings, statuses and histories (and hands on `measured`'s names)
"""

from __future__ import annotations

from .records import SavedTip, SessionStatus, SessionSummary, TipStatus
from .schema import APPLICATION_ID, FILENAME, MIGRATIONS
from .store import Notebook, new_session_id, now_iso

__all__ = ["Notebook", "SavedTip", "SessionStatus", "SessionSummary", "TipStatus", "APPLICATION_ID",
           "FILENAME", "MIGRATIONS", "new_session_id", "now_iso"]
