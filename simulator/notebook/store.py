"""The notebook: sessions, scored answers and tips in SQLite, in the data folder.

Each answer is committed the moment it is scored (WAL, so a reader in another process sees it
at once and a crash keeps it). A file that is not our database is moved aside, never overwritten.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from datetime import datetime
from pathlib import Path
from collections.abc import Callable, Iterator, Mapping, Sequence

from ..errors import NotebookError
from ..serialize import (
    path_or_none, question_from_dict, question_to_dict, score_from_dict, score_to_dict,
    tip_from_dict, tip_to_dict,
)
from ..coach.retry import Retry, comparison_from_dict, comparison_to_dict
from ..types import Answer, Medium, Mode, Session, Tip
from .records import SavedTip, SessionStatus, SessionSummary, TipStatus
from .opening import open_database
from .schema import FILENAME

# Whether a session's answers were spoken: 1 when any has a timed transcript, 0 when all were
# typed, NULL without answers (`Medium.of` says the same of Answers).
SPOKEN = """(SELECT MAX(json_extract(a.score, '$.transcript.duration') IS NOT NULL)
             FROM answers a WHERE a.session_id = {})"""


# One open tip per area: the open tips of the newest session (by start) that has one in an area stay
# open, and any older open tip of that area is replaced by its first. Run when a session closes, so
# a tip given again replaces last time's; the newest by start wins, so a session a crash left open
# and closed late never reopens an area over a newer session's tip. Tips of one session never
# replace each other. Migration 5 ran the same rule over notebooks kept before.
NEWEST_OPEN = """(SELECT n.{} FROM tips n JOIN sessions ns ON ns.id = n.session_id
                  WHERE n.area = tips.area AND n.status = 'open' ORDER BY ns.rowid DESC, n.position LIMIT 1)"""
ONE_OPEN_TIP_PER_AREA = f"""UPDATE tips SET status = 'replaced', replaced_by = {NEWEST_OPEN.format('id')}
                            WHERE status = 'open' AND session_id != {NEWEST_OPEN.format('session_id')}"""


def _text(path: Path | None) -> str | None:
    return str(path) if path else None


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def new_session_id() -> str:
    # Sortable by time; the random tail keeps two sessions started in the same second apart.
    return datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


class Notebook:
    """The SQLite notebook. One connection per instance; safe for one writer thread."""

    def __init__(self, home: Path, notice: Callable[[str], None] | None = None):
        """`notice`: a damaged notebook file is moved aside, said there, and a fresh one
        started (without it, that is a NotebookError)."""
        self.path = Path(home) / FILENAME
        self._db = open_database(self.path, notice)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Notebook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def start_session(self, mode: str = "interview", seed: int | None = None,
                      banks: list[str] | None = None, focus: list[Tip] | None = None) -> str:
        for attempt in range(5):  # two sessions in one second may draw the same tail: draw again
            session_id = new_session_id()
            try:
                self._db.execute(
                    "INSERT INTO sessions (id, started, mode, seed, banks, pid, focus) VALUES (?,?,?,?,?,?,?)",
                    (session_id, now_iso(), mode, seed, json.dumps(banks or []), os.getpid(),
                     json.dumps([tip_to_dict(t) for t in focus or []])))
                return session_id
            except sqlite3.IntegrityError:
                if attempt == 4:
                    raise
        raise AssertionError("not reached")

    def save_answer(self, session_id: str, answer: Answer) -> int:
        """Commit one scored answer now (autocommit), so nothing said is lost."""
        position = self._db.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM answers WHERE session_id=?", (session_id,)
        ).fetchone()[0]
        cur = self._db.execute(
            """INSERT INTO answers (session_id, position, question_id, category, kind, turn,
                   follow_up, overall, question, score, audio, prompt_audio, saved)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (session_id, position, answer.question.id, answer.question.category,
             answer.question.kind, answer.turn, answer.follow_up, answer.score.overall,
             json.dumps(question_to_dict(answer.question)), json.dumps(score_to_dict(answer.score)),
             _text(answer.audio), _text(answer.prompt_audio), now_iso()))
        return cur.lastrowid

    def replace_answer(self, row_id: int, answer: Answer) -> int:
        """Rewrite a saved answer (an answer and its follow-up, scored together)."""
        self._db.execute(
            """UPDATE answers SET follow_up=?, overall=?, question=?, score=?, audio=?, saved=?
               WHERE id=?""",
            (answer.follow_up, answer.score.overall, json.dumps(question_to_dict(answer.question)),
             json.dumps(score_to_dict(answer.score)), _text(answer.audio), now_iso(), row_id))
        return row_id

    def save_retry(self, answer_id: int, retry: Retry) -> int:
        """Commit a second try of a saved answer (its row id), with what changed."""
        return self._db.execute(
            "INSERT INTO retries (answer_id, overall, score, audio, comparison, saved) VALUES (?,?,?,?,?,?)",
            (answer_id, retry.score.overall, json.dumps(score_to_dict(retry.score)),
             _text(retry.audio), json.dumps(comparison_to_dict(retry.comparison)), now_iso())).lastrowid

    def retries(self, session_id: str) -> list[tuple[int, Retry]]:
        """The session's second tries, each with the position of the answer it retried."""
        rows = self._db.execute(
            """SELECT a.position, r.* FROM retries r JOIN answers a ON a.id = r.answer_id
               WHERE a.session_id=? ORDER BY a.position, r.id""", (session_id,)).fetchall()
        return [(r["position"], Retry(score_from_dict(json.loads(r["score"])),
                                      comparison_from_dict(json.loads(r["comparison"])),
                                      path_or_none(r["audio"]))) for r in rows]

    def finish_session(self, session_id: str, verdict: str, tips: list[Tip], strength: str = "",
                       status: str = "finished", tracked: Mapping[str, float] | None = None,
                       progress: Sequence[str] = ()) -> None:
        """Close a session with its feedback, each area's tracked value and the remarks on last
        time's tips (`coach.Feedback`). A tip in an area that has an open tip from an earlier
        session replaces it (`ONE_OPEN_TIP_PER_AREA`)."""
        with self._transaction():
            self._db.execute(
                "UPDATE sessions SET ended=?, status=?, verdict=?, strength=?, tracked=?, progress=? WHERE id=?",
                (now_iso(), status, verdict, strength, None if tracked is None else json.dumps(dict(tracked)),
                 json.dumps(list(progress)), session_id))
            self._db.executemany(
                "INSERT INTO tips (session_id, position, area, text, value, target) VALUES (?,?,?,?,?,?)",
                [(session_id, i, t.area, t.text, t.value, t.target) for i, t in enumerate(tips, 1)],
            )
            self._db.execute(ONE_OPEN_TIP_PER_AREA)

    def mark_tip_met(self, tip_id: int, session_id: str) -> None:
        # Met in the very session that replaced it (`open_saved_tips_before`): met, and no longer
        # part of the newer tip's history.
        self._db.execute("UPDATE tips SET status='met', met_session=?, replaced_by=NULL WHERE id=?",
                         (session_id, tip_id))

    def delete_session(self, session_id: str) -> list[Path]:
        """Delete a session with its answers and tips; returns the audio files it referenced."""
        rows = self._db.execute(
            "SELECT audio, prompt_audio FROM answers WHERE session_id=?", (session_id,)
        ).fetchall()
        with self._transaction():
            # A tip its tips replaced takes the place they had: replaced by what replaced them, or
            # open again; then one open tip per area, as if the session had never been.
            self._db.execute(
                """UPDATE tips SET replaced_by = (SELECT r.replaced_by FROM tips r WHERE r.id = tips.replaced_by),
                       status = CASE WHEN (SELECT r.replaced_by FROM tips r WHERE r.id = tips.replaced_by)
                                IS NULL THEN 'open' ELSE 'replaced' END
                   WHERE replaced_by IN (SELECT id FROM tips WHERE session_id=?)""", (session_id,))
            self._db.execute("DELETE FROM tips WHERE session_id=?", (session_id,))
            self._db.execute(ONE_OPEN_TIP_PER_AREA)
            self._db.execute("DELETE FROM answers WHERE session_id=?", (session_id,))
            self._db.execute("DELETE FROM sessions WHERE id=?", (session_id,))
        return [Path(p) for row in rows for p in row if p]

    # --- reading ---------------------------------------------------------------------------

    def sessions(self) -> list[SessionSummary]:
        """Every session, newest first."""
        rows = self._db.execute(
            f"""SELECT s.id, s.started, s.status, s.mode, s.verdict, s.tracked, COUNT(DISTINCT a.question_id) AS q,
                      COUNT(a.id) AS n, AVG(a.overall) AS overall, {SPOKEN.format('s.id')} AS spoken
               FROM sessions s LEFT JOIN answers a ON a.session_id = s.id
               GROUP BY s.id ORDER BY s.rowid DESC"""
        ).fetchall()
        return [SessionSummary(r["id"], r["started"], SessionStatus(r["status"]), Mode(r["mode"]), r["n"],
                               r["overall"], r["verdict"], _medium(r["spoken"]),
                               None if r["tracked"] is None else json.loads(r["tracked"]), r["q"]) for r in rows]

    def resolve_session_id(self, ref: str | None) -> str:
        """A session id from 'latest', an id, or a unique id prefix."""
        if ref in (None, "", "latest"):
            row = self._db.execute(
                "SELECT id FROM sessions ORDER BY rowid DESC LIMIT 1").fetchone()
            if not row:
                raise NotebookError("the notebook has no sessions yet: run `mock-interview practice` first")
            return row["id"]
        rows = self._db.execute("SELECT id FROM sessions WHERE id LIKE ? ORDER BY id",
                                (ref.replace("%", "") + "%",)).fetchall()
        if len(rows) == 1:
            return rows[0]["id"]
        if not rows:
            raise NotebookError(f"no session {ref!r} in the notebook (see `mock-interview review`)")
        raise NotebookError(f"{ref!r} matches {len(rows)} sessions; give more of the id")

    def session(self, session_id: str) -> Session:
        row = self._db.execute("SELECT * FROM sessions WHERE id=?", (session_id,)).fetchone()
        if row is None:
            raise NotebookError(f"no session {session_id!r} in the notebook")
        return Session(
            id=row["id"], started=row["started"], answers=tuple(self.answers(session_id)),
            verdict=row["verdict"], tips=tuple(t for _, t in self.session_tips(session_id)),
            focus_from_last_time=tuple(tip_from_dict(t) for t in json.loads(row["focus"])),
            mode=row["mode"], finished=row["status"] == "finished", strength=row["strength"],
            progress=tuple(json.loads(row["progress"] or "[]")),
        )

    def answers(self, session_id: str) -> Iterator[Answer]:
        for r in self._db.execute(
            "SELECT * FROM answers WHERE session_id=? ORDER BY position", (session_id,)
        ):
            yield Answer(
                question=question_from_dict(json.loads(r["question"])),
                score=score_from_dict(json.loads(r["score"])),
                turn=r["turn"], follow_up=r["follow_up"],
                audio=path_or_none(r["audio"]), prompt_audio=path_or_none(r["prompt_audio"]),
            )

    def session_tips(self, session_id: str) -> list[tuple[int, Tip]]:
        return [(t.id, t.tip) for t in self._saved_tips("t.session_id=?", (session_id,))]

    def tips(self, status: TipStatus | None = None) -> list[SavedTip]:
        """Saved tips, newest first, with the session they came from."""
        if status:
            return self._saved_tips("t.status=?", (TipStatus(status).value,), newest_first=True)
        return self._saved_tips("1", (), newest_first=True)

    def open_tips(self) -> list[tuple[int, Tip]]:
        """The tips still being worked on, from the most recent finished session that gave any."""
        return [(t.id, t.tip) for t in self._saved_tips(
            """t.status='open' AND t.session_id = (
                   SELECT session_id FROM tips t2 JOIN sessions s2 ON s2.id = t2.session_id
                   ORDER BY s2.rowid DESC LIMIT 1)""", ())]

    def focus(self, earlier: int = 3) -> tuple[list[Tip], bool]:
        """What the next session works on, and whether it is last time's: the open tips of the most
        recent session that gave any; when every one of those was met, the tips still open from
        earlier sessions (one per area, newest first, at most `earlier`, as many as a session gives),
        so a weak spot is never dropped because the latest tips went well."""
        last = [tip for _, tip in self.open_tips()]
        if last:
            return last, True
        return [t.tip for t in self._saved_tips("t.status='open'", (), newest_first=True)][:earlier], False

    def open_tips_before(self, session_id: str) -> list[tuple[int, Tip]]:
        """Tips given in sessions that started before this one, still open when it began."""
        return [(t.id, t.tip) for t in self.open_saved_tips_before(session_id)]

    def open_saved_tips_before(self, session_id: str) -> list[SavedTip]:
        """Tips given in sessions that started before this one and still open when it began, oldest
        first: open, or replaced by one of this session's tips (met too when the area was in range
        twice running, though it was tipped again today)."""
        return self._saved_tips(
            """(t.status='open' OR t.replaced_by IN (SELECT id FROM tips WHERE session_id=?))
               AND s.rowid < (SELECT rowid FROM sessions WHERE id=?) AND s.id != ?""",
            (session_id, session_id, session_id))

    def _saved_tips(self, where: str, args: tuple, newest_first: bool = False) -> list[SavedTip]:
        rows = self._db.execute(
            f"""SELECT t.*, s.started, {SPOKEN.format('t.session_id')} AS spoken
                FROM tips t JOIN sessions s ON s.id = t.session_id WHERE {where}
                ORDER BY s.rowid {'DESC' if newest_first else ''}, t.position""", args).fetchall()
        return [SavedTip(r["id"], r["session_id"], r["started"], r["position"],
                         Tip(r["area"], r["text"], r["value"], r["target"], _medium(r["spoken"])),
                         TipStatus(r["status"]), r["met_session"], r["replaced_by"]) for r in rows]

    def previous_session_id(self, session_id: str) -> str | None:
        """The session with answers just before this one."""
        row = self._db.execute(
            """SELECT s.id FROM sessions s WHERE s.id != ?
                 AND s.rowid < (SELECT rowid FROM sessions WHERE id=?)
                 AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)
               ORDER BY s.rowid DESC LIMIT 1""", (session_id, session_id)).fetchone()
        return row["id"] if row else None

    def unfinished_sessions(self, exclude: str | None = None) -> list[str]:
        rows = self._db.execute(
            "SELECT id, pid FROM sessions WHERE status='running' AND id != ? ORDER BY rowid",
            (exclude or "",)).fetchall()
        return [r["id"] for r in rows if not _pid_alive(r["pid"])]

    def question_history(self) -> dict[str, list[float]]:
        """Each question's past overall scores, oldest first."""
        history: dict[str, list[float]] = {}
        for r in self._db.execute(
            """SELECT a.question_id, a.overall FROM answers a JOIN sessions s ON s.id=a.session_id
               ORDER BY s.rowid, a.position"""
        ):
            history.setdefault(r["question_id"], []).append(r["overall"])
        return history

    def recent_question_ids(self, sessions: int = 3) -> set[str]:
        rows = self._db.execute(
            """SELECT DISTINCT question_id FROM answers WHERE session_id IN (
                   SELECT id FROM sessions ORDER BY rowid DESC LIMIT ?)""", (sessions,)).fetchall()
        return {r["question_id"] for r in rows}

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *rest):
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _medium(spoken: int | None) -> Medium | None:
    return None if spoken is None else Medium.SPOKEN if spoken else Medium.TYPED


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
