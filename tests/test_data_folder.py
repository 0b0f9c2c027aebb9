"""A data folder that cannot be used: one sentence naming it, exit 2, and reading still works."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from simulator import cli
from simulator.errors import DataFolderError
from simulator.home import writable_home

from conftest import ROOT, run_cli

# Every command that writes in the data folder; each must refuse before doing anything else.
WRITERS = [
    ("practice", "--no-voice", "--input", "keyboard", "--ask", "why-call-center"),
    ("demo",),
    ("review",),
    ("tips",),
    ("progress",),
    ("forget", "--all", "--yes"),
]
# Commands that only read: they work wherever they can.
READERS = [("banks", "list"), ("banks", "show", "call-center-core"),
           ("banks", "validate", "question_banks")]


def bad_homes(tmp_path) -> dict[str, str]:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    return {"a file": str(a_file), "below a file": str(a_file / "sub"), "/dev/null": "/dev/null"}


def assert_refused(result, home: str, reason: str) -> None:
    assert result.returncode == 2, result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message  # one sentence, no traceback
    assert message.startswith(f"mock-interview: the data folder {home} ")
    assert reason in message and "--home DIR" in message
    assert "Traceback" not in message and "mock-interview.log" not in message


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c[0])
def test_every_writing_command_refuses_a_file_as_the_data_folder(tmp_path, command):
    home = bad_homes(tmp_path)["a file"]
    result = run_cli(*command, "--home", home, input="")
    assert_refused(result, home, "it is a file, not a folder")


@pytest.mark.parametrize("where", ["below a file", "/dev/null"])
def test_paths_that_cannot_hold_a_folder_are_named(tmp_path, where):
    home = bad_homes(tmp_path)[where]
    reason = "it is not a folder" if where == "/dev/null" else "part of its path is a file"
    assert_refused(run_cli("review", "--home", home), home, reason)
    # The same folder from the environment variable, and the message says where it came from.
    result = run_cli("practice", "--no-voice", "--input", "keyboard", input="",
                     env={"MOCK_INTERVIEW_HOME": home})
    assert_refused(result, home, reason)
    assert "(from $MOCK_INTERVIEW_HOME)" in result.stderr


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_reading_commands_still_work_without_a_usable_data_folder(tmp_path, command):
    for home in bad_homes(tmp_path).values():
        result = run_cli(*command, "--home", home)
        assert result.returncode == 0, (home, result.stderr)
        assert result.stderr == "" and result.stdout
    assert not (tmp_path / "a-file").is_dir()


def test_an_immutable_folder_is_refused(tmp_path):
    chattr = shutil.which("chattr")
    home = tmp_path / "locked"
    home.mkdir()
    if not chattr or subprocess.run([chattr, "+i", str(home)], capture_output=True).returncode:
        pytest.skip("cannot make a folder immutable here (needs chattr and CAP_LINUX_IMMUTABLE)")
    try:
        assert_refused(run_cli("review", "--home", str(home)), str(home), "you may not write there")
        assert_refused(run_cli("review", "--home", str(home / "inside")), str(home / "inside"),
                       "you may not write there")
        assert run_cli("banks", "list", "--home", str(home)).returncode == 0
    finally:
        subprocess.run([chattr, "-i", str(home)], check=True)
    assert list(home.iterdir()) == []  # nothing was written, not even a log


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_read_only_folder_is_refused(tmp_path):
    home = tmp_path / "read-only"
    home.mkdir()
    home.chmod(0o500)
    try:
        assert_refused(run_cli("tips", "--home", str(home)), str(home), "you may not write there")
    finally:
        home.chmod(0o700)


def test_writable_home_creates_the_folder_owner_only(tmp_path):
    home = writable_home(tmp_path / "new" / "home")
    assert home.is_dir() and oct(home.stat().st_mode & 0o777) == "0o700"
    assert oct((tmp_path / "new").stat().st_mode & 0o777) == "0o700"  # and the folders it made above
    assert list(home.iterdir()) == []  # the write test leaves nothing behind
    (tmp_path / "f").write_text("a file")
    with pytest.raises(DataFolderError, match="part of its path is a file"):
        writable_home(tmp_path / "f" / "g")


def test_an_unexpected_fault_without_a_log_file_is_logged_to_stderr(monkeypatch, capsys):
    def boom(args, home):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "devices", boom)
    assert cli.main(["devices", "--home", "/dev/null"]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError('boom')" in err and "The details are above" in err
    assert "Traceback" in err  # the log record itself, since there is no log file
    assert "mock-interview.log" not in err


def test_an_unexpected_fault_with_a_log_file_points_at_it(monkeypatch, capsys, home):
    def boom(args, home):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "devices", boom)
    assert cli.main(["devices"]) == 1
    err = capsys.readouterr().err
    log = home / "mock-interview.log"
    assert f"Details are in {log}" in err and "Traceback" not in err
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_score_run_first_makes_an_owner_only_data_folder(tmp_path):
    # A new user's try (2026-12-01): `score` as the first command made ~/.local/share/mock-interview
    # (and the folders above it) readable by everyone; `practice` first made it owner-only.
    env = {k: v for k, v in os.environ.items() if k not in ("MOCK_INTERVIEW_HOME", "XDG_DATA_HOME")}
    env["HOME"] = str(tmp_path / "user")
    result = subprocess.run([sys.executable, "-m", "simulator", "score", "--question", "why-call-center",
                             "--text", "I enjoy helping people."], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    made = [tmp_path / "user" / ".local", tmp_path / "user" / ".local" / "share",
            tmp_path / "user" / ".local" / "share" / "mock-interview"]
    made += [p for p in made[-1].rglob("*") if p.is_dir()]
    assert len(made) > 3 and all(p.stat().st_mode & 0o077 == 0 for p in made), \
        [(str(p), oct(p.stat().st_mode & 0o777)) for p in made]


def test_score_works_without_a_writable_data_folder(tmp_path):
    # A new user's walkthrough (2026-12-01): `score --home /proc/nonexist --text ...` stopped
    # with "cannot write the sentence model into /proc/nonexist/models", although `score` is a
    # reading command. The sentence model is converted for the run into a temporary folder,
    # which is gone once the model is loaded.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    answer = ("I enjoy helping people, and in my last job at a store customers came to me when "
              "something went wrong.")
    for home in [*bad_homes(tmp_path).values(), "/proc/nonexist"]:
        result = run_cli("score", "--home", home, "--question", "why-call-center", "--json",
                         "--text", answer, env={"TMPDIR": str(scratch)})
        assert result.returncode == 0, (home, result.stderr)
        assert json.loads(result.stdout)["metrics"]["key_points"]["value"] >= 1  # meaning used
    assert list(scratch.iterdir()) == []  # no copy of the model left behind
    assert not (tmp_path / "a-file").is_dir()
