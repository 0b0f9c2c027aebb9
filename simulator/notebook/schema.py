"""The notebook's SQLite schema: its file name, the mark that makes a file ours, and the migrations."""

from __future__ import annotations

FILENAME = "notebook.sqlite3"
APPLICATION_ID = 0x4D4F434B  # "MOCK": marks the file as ours, so a foreign SQLite file is noticed

# Each entry migrates from version i to i+1; never edit a released entry, append a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        started TEXT NOT NULL,
        ended TEXT,
        status TEXT NOT NULL DEFAULT 'running',  -- running | finished | interrupted
        mode TEXT NOT NULL DEFAULT 'interview',
        seed INTEGER,
        banks TEXT NOT NULL DEFAULT '[]',
        pid INTEGER,
        verdict TEXT NOT NULL DEFAULT '',
        strength TEXT NOT NULL DEFAULT '',
        focus TEXT NOT NULL DEFAULT '[]'          -- tips brought up at the start (JSON)
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        category TEXT NOT NULL,
        kind TEXT NOT NULL,
        turn INTEGER,
        follow_up TEXT,
        overall REAL NOT NULL,
        question TEXT NOT NULL,                   -- the Question as JSON, as it was asked
        score TEXT NOT NULL,                      -- the score JSON of PRODUCT.md
        audio TEXT,
        prompt_audio TEXT,
        saved TEXT NOT NULL
    );
    CREATE INDEX answers_session ON answers(session_id, position);
    CREATE INDEX answers_question ON answers(question_id);
    CREATE TABLE tips (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        area TEXT NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        target TEXT,
        status TEXT NOT NULL DEFAULT 'open',      -- open | met
        met_session TEXT
    );
    """,
    # 2: a second try of a question (coach mode), kept beside the first and compared with it.
    """
    CREATE TABLE retries (
        id INTEGER PRIMARY KEY,
        answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        overall REAL NOT NULL,
        score TEXT NOT NULL,                      -- the retry's score JSON
        audio TEXT,
        comparison TEXT NOT NULL DEFAULT '{}',    -- what changed from the first try (JSON)
        saved TEXT NOT NULL
    );
    CREATE INDEX retries_answer ON retries(answer_id);
    """,
    # 3: each area's value as the coach tracked it when the session closed (JSON), so looking back
    # reads it instead of judging every call again; NULL for sessions closed before.
    """
    ALTER TABLE sessions ADD COLUMN tracked TEXT;
    """,
    # 4: the closing remarks on last time's tips ("Since last time"), as they were said (a JSON
    # list of strings), so `review` shows them again; NULL for sessions closed before.
    """
    ALTER TABLE sessions ADD COLUMN progress TEXT;
    """,
    # 5: one open tip per area. A tip given again in a later session replaces the open one of its
    # area (status 'replaced', `replaced_by` the newer tip's id), so the notebook keeps one line per
    # area with its history instead of a pile of near-identical tips. Tips saved before: in each
    # area the open tips of the newest session that has one stay open, older open ones are
    # replaced by its first (met tips stay met).
    """
    ALTER TABLE tips ADD COLUMN replaced_by INTEGER REFERENCES tips(id) ON DELETE SET NULL;
    UPDATE tips SET status = 'replaced', replaced_by = (
        SELECT n.id FROM tips n JOIN sessions ns ON ns.id = n.session_id
        WHERE n.area = tips.area AND n.status = 'open' ORDER BY ns.rowid DESC, n.position LIMIT 1)
    WHERE status = 'open' AND session_id != (
        SELECT n.session_id FROM tips n JOIN sessions ns ON ns.id = n.session_id
        WHERE n.area = tips.area AND n.status = 'open' ORDER BY ns.rowid DESC, n.position LIMIT 1);
    """,
)
