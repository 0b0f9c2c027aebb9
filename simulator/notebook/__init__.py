"""The notebook: sessions, scored answers and tips in SQLite, in the data folder, handed out as
typed records.

- `schema.py`: the file name, the owner mark and the migrations
- `store.py`: `Notebook`, opening (atomic under concurrency), writing and reading
- `records.py`: what reading gives: `SessionSummary`, `SavedTip`
- `history.py`: across sessions: `SessionPoint`, `MetricSeries`, tip standings, statuses and histories
"""

from __future__ import annotations

from .records import SavedTip, SessionStatus, SessionSummary, TipStatus
from .schema import APPLICATION_ID, FILENAME, MIGRATIONS
from .store import Notebook, new_session_id, now_iso

__all__ = ["Notebook", "SavedTip", "SessionStatus", "SessionSummary", "TipStatus", "APPLICATION_ID",
           "FILENAME", "MIGRATIONS", "new_session_id", "now_iso"]
