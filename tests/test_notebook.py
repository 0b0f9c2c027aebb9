"""The notebook: real SQLite, WAL, migrations, damaged files moved aside, concurrent writers."""

from __future__ import annotations

import multiprocessing
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.errors import NotebookError
from simulator.notebook import FILENAME, MIGRATIONS, Notebook, SavedTip, SessionStatus, TipStatus
from simulator.types import Answer, Evidence, KeyPoint, Medium, Metric, Question, Score, Tip, Transcript, Word

from conftest import ROOT, run_cli

QUESTION = Question(id="why-call-center", text="Why do you want to work in a call center?",
                    category="motivation", key_points=(KeyPoint(("helping people",)),))


def make_answer(overall: float = 70.0, wpm: float = 150.0, qid: str = "why-call-center") -> Answer:
    words = (Word("I", 0.0, 0.2, 0.9), Word("love", 0.2, 0.5, 0.95), Word("helping", 0.5, 0.9, 0.99))
    transcript = Transcript(text="I love helping", words=words, duration=1.2, engine="faster-whisper")
    metrics = (Metric("pace", 80.0, wpm, "words/min", (Evidence("I love helping", 0.0, 0.9, "steady"),)),
               Metric("coverage", 60.0, 0.5, "share of key points"))
    score = Score(question_id=qid, overall=overall, metrics=metrics,
                  tips=(Tip("pace", "Slow down a little."),), transcript=transcript)
    return Answer(question=QUESTION if qid == QUESTION.id else Question(id=qid, text="Q?"), score=score)


def test_answers_round_trip_and_are_visible_to_another_connection_at_once(home):
    with Notebook(home) as nb:
        sid = nb.start_session(mode="coach", seed=3, banks=["call-center-core"])
        nb.save_answer(sid, make_answer())
        # Another process's view: a fresh connection sees the committed answer before the end.
        other = sqlite3.connect(home / FILENAME)
        assert other.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
        other.close()
        nb.finish_session(sid, "Not yet, but you're close.", [Tip("pace", "Slow down.", 185.0, "120-160")])
        session = nb.session(sid)
    assert session.finished and session.mode == "coach"
    assert session.answers[0] == make_answer()  # every field survives the trip through JSON
    # Read back with the medium of the answers it was given on (a timed transcript: spoken).
    assert session.tips == (Tip("pace", "Slow down.", 185.0, "120-160", Medium.SPOKEN),)


def test_the_database_is_wal_owner_only_and_migrated(home):
    Notebook(home).close()
    path = home / FILENAME
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_corrupt_file_is_moved_aside_not_overwritten(home):
    path = home / FILENAME
    path.write_bytes(b"this was never a database" * 100)
    with pytest.raises(NotebookError, match="moved to"):
        Notebook(home)
    moved = [p for p in home.iterdir() if p.name.startswith(FILENAME + ".damaged-")]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this was never")
    Notebook(home).close()  # the next run starts a fresh notebook
    assert path.exists()


def test_the_cli_moves_a_damaged_notebook_aside_with_one_message(home):
    (home / FILENAME).write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    first = run_cli("review")
    assert first.returncode == 2, first.stderr
    message = first.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    moved = next(p for p in home.iterdir() if p.name.startswith(FILENAME + ".damaged-"))
    assert f"It was moved to {moved}" in message
    again = run_cli("review")
    assert again.returncode == 0 and "No sessions yet" in again.stdout


def test_a_damaged_sqlite_file_is_detected(home):
    with Notebook(home) as nb:
        sid = nb.start_session()
        for _ in range(50):
            nb.save_answer(sid, make_answer())
    path = home / FILENAME
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:4096 * 3] = os.urandom(4096 * 2)  # trash pages in the middle
    path.write_bytes(bytes(data))
    with pytest.raises(NotebookError, match="damaged|moved to"):
        Notebook(home)
    assert any(p.name.startswith(FILENAME + ".damaged-") for p in home.iterdir())


def test_another_programs_sqlite_file_is_not_touched(home):
    path = home / FILENAME
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.execute("INSERT INTO contacts VALUES ('Ada')")
    db.commit()
    db.close()
    with pytest.raises(NotebookError, match="another program"):
        Notebook(home)
    moved = next(p for p in home.iterdir() if p.name.startswith(FILENAME + ".damaged-"))
    theirs = sqlite3.connect(moved)
    assert theirs.execute("SELECT name FROM contacts").fetchone() == ("Ada",)
    assert theirs.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not made WAL
    assert theirs.execute("PRAGMA application_id").fetchone()[0] == 0  # not marked ours


def test_a_newer_schema_is_refused(home):
    Notebook(home).close()
    db = sqlite3.connect(home / FILENAME)
    db.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    with pytest.raises(NotebookError, match="newer"):
        Notebook(home)


WRITER = """
import sys
import time
from pathlib import Path
from pathlib import Path
sys.path.insert(0, "tests")
from test_notebook import make_answer
from simulator.notebook import Notebook
nb = Notebook(Path(sys.argv[1]))
sid = nb.start_session()
for i in range(40):
    nb.save_answer(sid, make_answer(overall=i))
nb.finish_session(sid, "done", [])
print(sid)
"""


def test_two_sessions_at_once_do_not_corrupt_each_other(home):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(home)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    ids = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        ids.append(out.strip())
    with Notebook(home) as nb:
        assert len(set(ids)) == 2
        for sid in ids:
            answers = list(nb.answers(sid))
            assert [a.score.overall for a in answers] == list(range(40))
    assert sqlite3.connect(home / FILENAME).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_history_open_tips_and_deletion(home):
    with Notebook(home) as nb:
        first = nb.start_session()
        nb.save_answer(first, make_answer(overall=40))
        nb.finish_session(first, "Not yet.", [Tip("pace", "Slow down.", 185.0)])
        second = nb.start_session()
        nb.save_answer(second, make_answer(overall=75))
        assert nb.question_history() == {"why-call-center": [40, 75]}
        assert [t.area for _, t in nb.open_tips()] == ["pace"]
        assert nb.previous_session_id(second) == first
        assert [t.area for _, t in nb.open_tips_before(second)] == ["pace"]
        assert nb.resolve_session_id("latest") == second
        nb.delete_session(first)
        assert [s.id for s in nb.sessions()] == [second]
        assert nb.open_tips() == []


# --- many processes opening one new notebook at the same moment ------------------------------

OPENERS = 6
ROUNDS = 25


def _open_together(homes, barrier, results, worker: int) -> None:
    """A worker process: for each home, wait for the others, then open the notebook and write.

    Arrivals are spread over the first 30 ms (creating a notebook takes a few), so some
    processes find the file while another is still creating it."""
    while (home := homes.get()) is not None:
        try:
            barrier.wait(timeout=60)
            time.sleep(worker * 0.03 / OPENERS)
            with Notebook(Path(home)) as nb:
                sid = nb.start_session()
                nb.save_answer(sid, make_answer())
            results.put((home, "ok", sid))
        except Exception as exc:  # reported to the test, which names it
            results.put((home, "error", f"{type(exc).__name__}: {exc}"))


def test_many_processes_creating_one_new_notebook_at_once_all_use_it(tmp_path):
    """Regression: a process that looked while another was creating the notebook decided the
    brand-new file "belongs to another program" and moved it aside."""
    ctx = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    homes, results = ctx.Queue(), ctx.Queue()
    barrier = ctx.Barrier(OPENERS)
    workers = [ctx.Process(target=_open_together, args=(homes, barrier, results, n))
               for n in range(OPENERS)]
    for w in workers:
        w.start()
    try:
        for n in range(ROUNDS):
            home = tmp_path / f"home-{n}"
            home.mkdir()
            for _ in workers:
                homes.put(str(home))
            outcomes = [results.get(timeout=120) for _ in workers]
            errors = [detail for _, status, detail in outcomes if status != "ok"]
            assert errors == [], f"round {n}: {errors}"
            assert sorted(p.name for p in home.iterdir() if "damaged" in p.name) == []
            with Notebook(home) as nb:
                assert {s.id for s in nb.sessions()} == {sid for _, _, sid in outcomes}
    finally:
        for _ in workers:
            homes.put(None)
        for w in workers:
            w.join(timeout=60)


# --- typed records, and history across sessions (like with like) -----------------------------


def fillers_answer(rate: float, spoken: bool = True) -> Answer:
    """An answer whose only metric is fillers: a minute when spoken, per 100 words when typed."""
    unit = "fillers a minute" if spoken else "fillers per 100 words"
    metric = Metric("fillers", 100.0 if rate <= 2 else 30.0, rate, unit)
    transcript = Transcript("um so", (), 60.0, "faster-whisper") if spoken else Transcript.typed("um so")
    return Answer(QUESTION, Score(QUESTION.id, 70.0, (metric,), (), transcript))


def one_session(nb: Notebook, answer: Answer, tips=(), strength: str = "") -> str:
    sid = nb.start_session()
    nb.save_answer(sid, answer)
    nb.finish_session(sid, "Not yet.", list(tips), strength=strength)
    return sid


def test_the_notebook_hands_out_typed_records(home):
    with Notebook(home) as nb:
        spoken = one_session(nb, fillers_answer(9.0), [Tip("fillers", "Fewer ums.", 9.0, "3 or fewer")],
                             strength="Your example was concrete.")
        typed = one_session(nb, fillers_answer(1.0, spoken=False), [Tip("pace", "Slow down.")])
        empty = nb.start_session()
        listed = {s.id: s for s in nb.sessions()}
        tips = nb.tips()
        assert nb.session(spoken).strength == "Your example was concrete."
        raw = [dict(r) for r in nb._db.execute(
            "SELECT t.*, s.started FROM tips t JOIN sessions s ON s.id = t.session_id ORDER BY s.rowid DESC")]
    assert (listed[spoken].medium, listed[typed].medium, listed[empty].medium) == (Medium.SPOKEN, Medium.TYPED, None)
    assert listed[spoken].status is SessionStatus.FINISHED and listed[empty].status is SessionStatus.RUNNING
    assert all(isinstance(t, SavedTip) for t in tips)
    assert [(t.session_id, t.area, t.medium, t.status) for t in tips] == [
        (typed, "pace", Medium.TYPED, TipStatus.OPEN), (spoken, "fillers", Medium.SPOKEN, TipStatus.OPEN)]
    # `tips --json` keeps the shape it had as database rows, and adds the medium.
    assert [t.to_json() for t in tips] == [{**r, "medium": m} for r, m in zip(raw, ("typed", "spoken"))]


def test_a_spoken_tip_is_tracked_on_spoken_sessions_only(home):
    from simulator.notebook.history import Standing, session_points, tip_progress, update_tip_progress

    with Notebook(home) as nb:
        one_session(nb, fillers_answer(9.0), [Tip("fillers", "Fewer ums.", 9.0, "3 or fewer")])
        # Typed answers with no "um" in them are no progress on a spoken tip, however often.
        for _ in range(2):
            sid = one_session(nb, fillers_answer(0.0, spoken=False))
            assert update_tip_progress(nb, sid) == []
        [standing] = tip_progress(nb.tips(), session_points(nb))
        assert standing.standing is Standing.NOT_COMPARED and standing.now is None
        sid = one_session(nb, fillers_answer(2.0))
        assert update_tip_progress(nb, sid) == []  # one spoken session in range is not enough
        [standing] = tip_progress(nb.tips(), session_points(nb))
        assert (standing.standing, standing.now, standing.now_session) == (Standing.IN_RANGE, 2.0, sid)
        one_session(nb, fillers_answer(0.0, spoken=False))  # a typed one between: not part of the run
        last = one_session(nb, fillers_answer(1.0))
        assert len(update_tip_progress(nb, last)) == 1
        [tip] = nb.tips()
        [standing] = tip_progress(nb.tips(), session_points(nb))
    assert tip.status is TipStatus.MET and tip.met_session == last
    assert standing.standing is Standing.MET and standing.now == 1.0


def test_a_tip_given_in_range_is_met_only_by_two_sessions_after_it(home):
    # A new user's read (2026-12-01): a polish tip given at 2 fillers a minute (in range) was
    # marked met after one more session: the session that gave it counted as the first of two.
    from simulator.notebook.history import update_tip_progress

    with Notebook(home) as nb:
        one_session(nb, fillers_answer(2.5), [Tip("fillers", "Fewer ums.", 2.5, "3 or fewer")])
        first = one_session(nb, fillers_answer(2.0))
        assert update_tip_progress(nb, first) == []
        second = one_session(nb, fillers_answer(1.0))
        assert len(update_tip_progress(nb, second)) == 1


def test_session_points_and_series_keep_each_medium_apart(home):
    from simulator.notebook.history import by_medium, metric_series, session_points

    with Notebook(home) as nb:
        ids = [one_session(nb, a) for a in (fillers_answer(9.0), fillers_answer(4.0, spoken=False),
                                            fillers_answer(2.0), fillers_answer(1.0, spoken=False))]
        points = session_points(nb)
    assert [p.session_id for p in points] == ids  # oldest first
    groups = by_medium(points)
    assert list(groups) == [Medium.TYPED, Medium.SPOKEN]  # the latest session's medium first
    spoken = metric_series(groups[Medium.SPOKEN], "fillers")
    assert spoken.measured and spoken.unit == "fillers a minute" and [p.value for p in spoken.points] == [9.0, 2.0]
    typed = metric_series(groups[Medium.TYPED], "fillers")
    assert typed.unit == "fillers per 100 words" and [p.value for p in typed.points] == [4.0, 1.0]
    # The coach tracks a typed rate per minute (at the typed-answer pace), only ever beside typed ones.
    assert [p.tracked for p in typed.points] == [pytest.approx(4.0 * 1.4), pytest.approx(1.0 * 1.4)]


def test_practice_moves_a_damaged_notebook_aside_and_goes_on_with_a_fresh_one(home):
    # A new user's walkthrough (2026-12-01): practice moved the damaged file aside, then
    # stopped with exit 2 and "run the command again". It says so, and the session goes on.
    (home / FILENAME).write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    result = run_cli("practice", "--no-voice", "--input", "keyboard", "--ask", "why-call-center",
                     "--no-follow-ups", "--json",
                     input="I enjoy helping people and every call is different.\n\n")
    assert result.returncode == 0, result.stderr
    moved = next(p for p in home.iterdir() if p.name.startswith(FILENAME + ".damaged-"))
    said = " ".join(result.stderr.split())  # the notice is wrapped to the terminal's width
    assert f"It was moved to {moved} and left untouched; starting a fresh notebook." in said
    assert "run the command again" not in said
    assert len(json.loads(result.stdout)["answers"]) == 1
    saved = json.loads(run_cli("review", "latest", "--json").stdout)
    assert saved["finished"] and len(saved["answers"]) == 1
