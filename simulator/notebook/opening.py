"""Opening the notebook's SQLite file: check it is ours, create and migrate it, and move a damaged
or foreign file aside (never overwriting it)."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..errors import NotebookError
from .schema import APPLICATION_ID, MIGRATIONS

# How long a session waits for another one that is opening the same notebook. SQLite's own busy
# wait (the connection's timeout) does not cover every step: switching a new file to WAL needs
# the file to itself and fails at once while another session reads it ("database is locked").
BUSY_WAIT_SECONDS = 15.0


class _Busy(Exception):
    """Another session holds the notebook for a moment: try the whole opening again."""

    def __init__(self, exc: sqlite3.DatabaseError):
        super().__init__(str(exc))


def open_database(path: Path, notice: Callable[[str], None] | None = None) -> sqlite3.Connection:
    """Connect, then check, create, mark and migrate the database in one transaction; while
    another session holds it for a moment, wait (up to BUSY_WAIT_SECONDS) and start again."""
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    while True:
        try:
            return _open_once(path, notice)
        except _Busy as busy:
            if time.monotonic() > deadline:
                raise NotebookError(f"{path}: cannot open the notebook ({busy}); another "
                                    "mock-interview is using it, try again in a moment") from None
            time.sleep(0.05)


def _open_once(path: Path, notice: Callable[[str], None] | None) -> sqlite3.Connection:
    """One try at opening: connect, then check, create, mark and migrate in one transaction.

    Two sessions may start at once: the first to take the write lock creates the tables and
    the owner mark, the other waits and finds them; neither ever sees a half-made notebook.
    A file that is not ours, or damaged, is moved aside and never written to; then, given a
    `notice`, that is said there and a fresh notebook is opened, else it is a NotebookError.
    """
    try:
        # Personal data: the file is created owner-only before SQLite writes anything to
        # it (SQLite gives its -wal and -shm files the same permissions). No O_EXCL: the
        # file may be there already, or appear now from another session.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise NotebookError(f"{path}: cannot open the notebook ({exc.strerror})") from None
    db = None
    try:
        db = sqlite3.connect(path, timeout=15, isolation_level=None)
        db.row_factory = sqlite3.Row
        problem = _claim(path, db)
    except sqlite3.DatabaseError as exc:
        problem = _damage(exc)
        if problem is None:  # busy, locked, unreadable: not the file's fault, leave it be
            if db is not None:
                db.close()
            if _is_busy(exc):
                raise _Busy(exc) from None
            raise NotebookError(f"{path}: cannot open the notebook ({exc})") from None
    except BaseException:
        if db is not None:
            db.close()
        raise
    if problem:
        db.close()  # before moving the file: nothing of ours stays attached to it
        moved = _move_aside(path)
        said = f"{path}: {problem}. It was moved to {moved} and left untouched"
        if notice is None:
            raise NotebookError(f"{said}; run the command again to start a fresh notebook.")
        notice(f"{said}; starting a fresh notebook.")
        return open_database(path)  # a fresh file (damaged again at once: that is an error)
    try:
        os.chmod(path, 0o600)
        db.execute("PRAGMA journal_mode=WAL")  # only now: never change another program's file
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
    except (OSError, sqlite3.DatabaseError) as exc:
        db.close()
        if isinstance(exc, sqlite3.DatabaseError) and _is_busy(exc):
            raise _Busy(exc) from None
        raise NotebookError(f"{path}: cannot open the notebook ({exc})") from None
    return db


def _claim(path: Path, db: sqlite3.Connection) -> str | None:
    """Why the file is not a usable notebook, or None after making it one (migrated, marked)."""
    ok = db.execute("PRAGMA quick_check").fetchone()[0]  # a read: raises on a foreign file
    if ok != "ok":
        return f"the notebook database is damaged ({ok})"
    db.execute("BEGIN IMMEDIATE")  # one session at a time looks at the mark and sets it
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        empty = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
        if app_id != APPLICATION_ID and not (app_id == 0 and empty):
            db.execute("ROLLBACK")
            return "this SQLite file belongs to another program"
        _migrate(path, db)
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return None


def _move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    try:
        os.replace(path, target)
    except FileNotFoundError:  # another session found it damaged too and moved it first
        raise NotebookError(f"{path} is damaged and was moved aside by another "
                            "mock-interview; run the command again") from None
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _migrate(path: Path, db: sqlite3.Connection) -> None:
    """Bring the schema up to date; the caller holds the write transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise NotebookError(
            f"{path}: this notebook was written by a newer mock-interview "
            f"(schema {version}); upgrade to open it"
        )
    for step in range(version, len(MIGRATIONS)):
        for statement in MIGRATIONS[step].split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"PRAGMA user_version={step + 1}")


def _is_busy(exc: sqlite3.DatabaseError) -> bool:
    """SQLite's 'database is locked' (busy) or 'table is locked': another session, for a moment."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _damage(exc: sqlite3.DatabaseError) -> str | None:
    """What SQLite's error says about the file itself: damaged or not a database, else None."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary result code
    if code == sqlite3.SQLITE_NOTADB:
        return "this is not a notebook database (not SQLite, or its first page is damaged)"
    if code == sqlite3.SQLITE_CORRUPT:
        return f"the notebook database is damaged ({exc})"
    return None
