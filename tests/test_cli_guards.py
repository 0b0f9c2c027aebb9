"""Guards on the command line: broken user banks, `forget --all`, terminal control characters,
out-of-range --questions and output paths. Each: exit status, one clear message, no traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from simulator import banks
from simulator.banks import BankInfo, format_bank, format_bank_list
from simulator.console import printable
from simulator.home import user_banks_dir
from simulator.interviewer import choose_questions
from simulator.notebook import Notebook
from simulator.review import format_session
from simulator.assess import score_answer
from simulator.types import Answer, Bank, Question, Tip, Transcript, Turn

from conftest import ROOT, run_cli

STRONG = ("I really enjoy helping people, and in my last job at a store I was the one customers "
          "came to when something went wrong. I like that every call is different and fast-paced.")
# Clear the screen, retitle the window, a C1 CSI, a carriage return that hides what came before.
HOSTILE = "I like \x1b[2Jhelping \x1b]0;owned\x07people \x9b31m and \rcustomers."
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BANK_WHY = next(q for b in banks.bundled_banks() for q in b.questions if q.id == "why-call-center")


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr


# --- a broken bank in <home>/banks -------------------------------------------------------------


def broken_bank(home: Path) -> Path:
    folder = user_banks_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "broken.yaml"
    path.write_text("bank: broken\nquestions:\n  - id: a\n    txt: Q?\n", encoding="utf-8")
    return path


def test_a_broken_user_bank_does_not_block_practice_or_score(home):
    path = broken_bank(home)
    warning = (f"skipping your bank broken, which cannot be used: {path}:3: questions[0].text: "
               f"is required (+1 more; run `mock-interview banks validate {path}`)")
    result = run_cli("practice", "--no-voice", "--input", "keyboard", "--ask", "why-call-center",
                     "--no-follow-ups", "--json", input=STRONG + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"][0]["question_id"] == "why-call-center"
    assert result.stderr.count("skipping your bank") == 1 and warning in result.stderr
    scored = run_cli("score", "--question", "why-call-center", "--text", STRONG, "--json")
    assert scored.returncode == 0 and json.loads(scored.stdout)["overall"] > 0
    assert warning in scored.stderr
    listed = run_cli("banks", "list")
    assert listed.returncode == 0 and "broken: cannot be used" in listed.stdout


def test_a_broken_bank_asked_for_by_name_is_still_an_error(home):
    path = broken_bank(home)
    for spec in ("broken", str(path)):
        result = run_cli("practice", "--no-voice", "--input", "keyboard", "--bank", spec, input="")
        assert result.returncode == 2, result.stderr
        assert f"{path}:4: questions[0].txt: unknown key (did you mean 'text'?)" in result.stderr
        no_traceback(result)


# --- forget --all ------------------------------------------------------------------------------


def two_sessions(home: Path) -> list[str]:
    with Notebook(home) as nb:
        ids = [nb.start_session() for _ in range(2)]
        for sid in ids:
            nb.finish_session(sid, "No answers recorded.", [])
    return ids


def sessions_left(home: Path) -> int:
    with Notebook(home) as nb:
        return len(nb.sessions())


def test_forget_all_needs_yes_when_not_on_a_terminal(home):
    two_sessions(home)
    refused = run_cli("forget", "--all", input="y\n")  # a pipe: nobody was asked
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    no_traceback(refused)
    assert sessions_left(home) == 2
    done = run_cli("forget", "--all", "--yes")
    assert done.returncode == 0 and "Deleted 2 sessions" in done.stdout, done.stderr
    assert sessions_left(home) == 0


def forget_all_on_a_terminal(answer: bytes) -> subprocess.CompletedProcess:
    """`forget --all` with a terminal (a pseudo-terminal) as stdin, answering the question."""
    leader, follower = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "simulator", "forget", "--all"],
                                stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, cwd=ROOT)
        os.write(leader, answer)  # the terminal buffers the line until the question reads it
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_forget_all_asks_on_a_terminal(home):
    two_sessions(home)
    kept = forget_all_on_a_terminal(b"n\n")
    assert kept.returncode == 0, kept.stderr
    assert "Delete all 2 sessions" in kept.stderr and "Nothing was deleted" in kept.stderr
    assert sessions_left(home) == 2
    gone = forget_all_on_a_terminal(b"yes\n")
    assert gone.returncode == 0, gone.stderr
    assert "Deleted 2 sessions" in gone.stdout and sessions_left(home) == 0


def test_forget_one_session_is_unchanged(home):
    first, second = two_sessions(home)
    result = run_cli("forget", first)  # no question, no --yes needed
    assert result.returncode == 0, result.stderr
    with Notebook(home) as nb:
        assert [s.id for s in nb.sessions()] == [second]


# --- terminal control characters ---------------------------------------------------------------


def test_printable_escapes_controls_and_keeps_text():
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("\x9b31m\x07\r\x7f\x00") == "\\x9b31m\\x07\\x0d\\x7f\\x00"
    kept = "Línea 1\n\tcafé «maybe» \u2014 \U0001f600 \u00a0"
    assert printable(kept) == kept


def test_banks_validate_refuses_control_characters_by_line(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text('bank: hostile\ntitle: "Hi \\e]0;owned\\a"\nquestions:\n'
                    '  - id: a\n    text: "Clear \\e[2J the screen?"\n'
                    '    "\\e[31mkey_points": [x]\n', encoding="utf-8")
    result = run_cli("banks", "validate", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{path}:2: title: control character U+001B is not allowed in bank text; delete it",
        f"{path}:5: questions[0].text: control character U+001B is not allowed in bank text; "
        "delete it",
        f"{path}:6: questions[0].\\x1b[31mkey_points: unknown key (did you mean 'key_points'?)",
    ]
    assert not RAW_CONTROLS.search(result.stderr)
    no_traceback(result)


def test_banks_show_and_list_escape_control_characters():
    question = Question(id="q", text="Why \x1b[2Jus?", follow_up="And \x9b31m then?",
                        turns=(Turn("Hello\rBye"),), kind="roleplay")
    shown = format_bank(Bank(name="b", title="T\x1b]0;owned\x07", path=None, questions=(question,)))
    assert not RAW_CONTROLS.search(shown)
    assert "Why \\x1b[2Jus?" in shown and "\\x9b31m" in shown and "Hello\\x0dBye" in shown
    listed = format_bank_list([BankInfo(name="b", title="\x1b[2J", path=Path("b.yaml"),
                                        bundled=False, questions=1)])
    assert not RAW_CONTROLS.search(listed) and "\\x1b[2J" in listed


def test_review_and_tips_escape_what_was_typed(home):
    result = run_cli("practice", "--no-voice", "--input", "keyboard", "--ask", "why-call-center",
                     "--no-follow-ups", "--json", input=HOSTILE + "\n")
    assert result.returncode == 0, result.stderr
    with Notebook(home) as nb:  # a tip quoting it, as the coach does
        sid = nb.start_session()
        nb.finish_session(sid, "Not yet \x1b[2J.", [Tip("fillers", f"You said \"{HOSTILE}\".",
                                                          3.0, "3 or \x1b[5mfewer")])
    for command in (("review", "latest"), ("review",), ("review", json.loads(result.stdout)["session_id"]),
                    ("tips",)):
        shown = run_cli(*command)
        assert shown.returncode == 0, shown.stderr
        assert not RAW_CONTROLS.search(shown.stdout), command
    assert "\\x1b[2Jhelping" in run_cli("review", json.loads(result.stdout)["session_id"]).stdout
    assert "\\x1b[5mfewer" in run_cli("tips").stdout
    # Nothing the user said is lost: the notebook and --json keep it exactly.
    saved = json.loads(run_cli("review", json.loads(result.stdout)["session_id"], "--json").stdout)
    assert saved["answers"][0]["transcript"]["text"] == HOSTILE


def test_a_session_never_prints_what_was_typed_raw_and_scores_only_its_words(home):
    # A new user's try (2026-12-01): the live feedback printed the typed escape codes raw (a real
    # terminal would clear the screen), and "2J" and "31m" counted as two concrete details.
    result = run_cli("practice", "--no-voice", "--input", "keyboard", "--ask", "why-call-center",
                     "--no-follow-ups", input=HOSTILE + "\n\n")
    assert result.returncode == 0, result.stderr
    assert not RAW_CONTROLS.search(result.stdout + result.stderr)
    clean = score_answer(BANK_WHY, Transcript.typed("I like helping people and customers."))
    hostile = score_answer(BANK_WHY, Transcript.typed(HOSTILE))
    assert [(m.name, m.score) for m in hostile.metrics] == [(m.name, m.score) for m in clean.metrics]
    assert hostile.transcript.text == HOSTILE  # kept exactly, escaped when shown


def test_review_colours_survive_escaping():
    q = Question(id="q", text="Why?")
    answer = Answer(q, score_answer(q, Transcript.typed("Um, " + HOSTILE), None))
    from simulator.types import Session

    shown = format_session(Session(id="s", started="2026-01-01T10:00", answers=(answer,),
                                   verdict="ok", tips=()), colour=True)
    escapes = re.findall("\x1b[^m]*m?", shown)
    assert escapes and all(re.fullmatch("\x1b\\[[0-9;]*m", e) for e in escapes)  # colour only
    assert "\\x1b[2J" in shown


# --- out-of-range options and output paths -----------------------------------------------------


def test_too_many_questions_are_clamped_with_a_notice(home):
    pool = [q for b in banks.resolve_banks([], home) for q in b.questions]
    most = len(choose_questions(pool, 500))
    assert most < 500
    result = run_cli("practice", "--no-voice", "--input", "keyboard", "--questions", "500",
                     input="")
    assert result.returncode == 0, result.stderr
    assert f"--questions 500: only {most} questions available" in result.stderr
    assert f"asking all {most}" in result.stderr
    assert f"Question 1 of {most}" in result.stdout


@pytest.mark.parametrize("command", ["practice", "demo"])
@pytest.mark.parametrize("n", ["0", "-3"])
def test_no_questions_is_a_usage_error(command, n):
    result = run_cli(command, "--no-voice" if command == "practice" else "--json",
                     f"--questions={n}", input="")
    assert result.returncode == 2, result.stderr
    assert f"--questions {n}: ask for at least 1 question" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("args", [("--json",), ("latest", "--json"), ("latest",)], ids=" ".join)
def test_review_of_one_session_on_an_empty_notebook_exits_2_and_prints_nothing_on_stdout(home, args):
    # `tips --json` and `progress --json` list what there is ([]); `review` shows one session, and
    # there is none: a script gets exit 2, an empty stdout and the reason on stderr.
    result = run_cli("review", *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert "the notebook has no sessions yet" in result.stderr
    no_traceback(result)
    assert json.loads(run_cli("tips", "--json").stdout) == json.loads(run_cli("progress", "--json").stdout) == []
    unknown = run_cli("review", "no-such-session", "--json")
    assert (unknown.returncode, unknown.stdout) == (2, "") and "no session 'no-such-session'" in unknown.stderr


@pytest.mark.parametrize("command", [("review", "latest"), ("progress",)], ids=" ".join)
def test_an_html_report_needs_an_existing_folder(tmp_path, command):
    target = tmp_path / "no" / "such" / "r.html"
    result = run_cli(*command, "--html", str(target))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"mock-interview: --html {target}: the folder {target.parent} "
                                     "does not exist; create it first or choose another place "
                                     "(nothing was written)")
    assert not (tmp_path / "no").exists()
    folder = run_cli(*command, "--html", str(tmp_path))
    assert folder.returncode == 2 and "this is a folder" in folder.stderr
    no_traceback(folder)


def test_banks_new_needs_an_existing_folder(tmp_path):
    target = tmp_path / "missing" / "mine.yaml"
    result = run_cli("banks", "new", str(target))
    assert result.returncode == 2 and f"the folder {target.parent} does not exist" in result.stderr
    assert not target.parent.exists()
    made = run_cli("banks", "new", str(tmp_path / "mine.yaml"))
    assert made.returncode == 0 and (tmp_path / "mine.yaml").is_file()


def test_a_crash_in_native_code_leaves_every_threads_stack_in_the_log(tmp_path):
    """A rare segfault at the end of a demo under load (2026-12-01) left nothing to read: the
    CLI's log now gets Python's fault report, with every thread's stack."""
    code = ("import faulthandler, sys, threading, time; from pathlib import Path; "
            "from simulator.cli import _setup_logging; _setup_logging(Path(sys.argv[1])); "
            "threading.Thread(target=time.sleep, args=(30,), name='renderer', daemon=True).start(); "
            "faulthandler._sigsegv()")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60)
    assert result.returncode != 0
    log = (tmp_path / "mock-interview.log").read_text()
    assert "Segmentation fault" in log and "Current thread" in log and "Thread 0x" in log, log


@pytest.mark.parametrize("args, says", [
    (("--question", "why-call-center", "--turn", "2", "--text", "hi"), "is not a role-play call"),
    (("--question", "lost-package-caller", "--turn", "99", "--text", "hi"), "customer lines 1 to 4"),
    (("--question", "lost-package-caller", "--turn", "0", "--text", "hi"), "customer lines 1 to 4"),
    (("--question", "why-call-center", "--text", ""), "the answer is empty"),
    (("--question", "why-call-center", "--text", "   "), "the answer is empty"),
])
def test_score_refuses_a_turn_the_question_has_not_and_an_empty_answer(args, says):
    # A new user's tries (2026-12-01): each was scored, exit 0 ("--turn 2" scored an interview
    # answer as a call reply; "--text ''" was told to give --text).
    result = run_cli("score", *args)
    assert result.returncode == 2 and says in result.stderr, result.stderr
    no_traceback(result)


def test_a_batch_line_with_a_turn_the_call_has_not_is_refused_by_its_line(tmp_path):
    batch = tmp_path / "answers.jsonl"
    batch.write_text(json.dumps({"id": 1, "question": "lost-package-caller", "turn": 7, "text": "Hello"}) + "\n")
    result = run_cli("score", "--batch", str(batch))
    assert result.returncode == 2 and "answers.jsonl:1: turn 7" in result.stderr and "customer lines 1 to 4" in result.stderr
    assert run_cli("score", "--question", "lost-package-caller", "--turn", "4", "--text", "Anything else?").returncode == 0


def test_banks_validate_says_how_many_bank_files_are_valid():
    banks_dir = Path(__file__).resolve().parent.parent / "question_banks"
    one = run_cli("banks", "validate", str(banks_dir / "roleplay-calls.yaml"))
    assert one.returncode == 0 and one.stdout.strip() == "OK: 1 bank file is valid."
    two = run_cli("banks", "validate", str(banks_dir / "roleplay-calls.yaml"), str(banks_dir / "call-center-core.yaml"))
    assert two.stdout.strip() == "OK: 2 bank files are valid."
