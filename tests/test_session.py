"""Whole sessions through the real CLI: typed answers, recorded files, the demo, and the notebook."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from benchmarks.wer import normalise
from simulator import audio, sound

from conftest import ROOT, need_tool, run_cli

STRONG = ("I really enjoy helping people, and in my last job at a store I was the one customers "
          "came to when something went wrong. I like that every call is different and fast-paced, "
          "I'm a good communicator, and I want to grow with the company.")
WEAK = "Um, I guess, like, I need a job, I don't know."


def practice(*args: str, input: str | None = None, home=None):
    result = run_cli("practice", "--no-voice", *args, input=input)
    return result


def test_typed_answers_give_a_scored_session_in_json():
    result = practice("--input", "keyboard", "--ask", "why-call-center,greatest-weakness",
                      "--no-follow-ups", "--json", input=f"{STRONG}\n\n{WEAK}\n\n")
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)  # stdout is only the JSON document
    assert [a["question_id"] for a in session["answers"]] == ["why-call-center", "greatest-weakness"]
    first, second = session["answers"]
    assert first["transcript"]["text"] == STRONG and first["audio"] is None
    assert first["overall"] > second["overall"]
    assert first["metrics"]["pace"]["score"] is None  # no pace from typed text
    assert session["verdict"] and 1 <= len(session["tips"]) <= 3
    assert "Interviewer:" in result.stderr  # the conversation goes to stderr with --json


def test_recorded_answers_from_a_folder(tmp_path, speak, home):
    answers = tmp_path / "answers"
    answers.mkdir()
    samples = audio.load(speak(STRONG, "strong"))
    import soxr

    # 48 kHz stereo FLAC: any format and rate libsndfile reads.
    hi = soxr.resample(samples, 16_000, 48_000)
    sf.write(answers / "why-call-center.flac", np.stack([hi, hi], 1), 48_000, format="FLAC")
    result = practice("--input", str(answers), "--ask", "why-call-center,greatest-weakness",
                      "--no-follow-ups", "--json")
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)
    assert len(session["answers"]) == 1  # the missing greatest-weakness file was skipped
    answer = session["answers"][0]
    assert "helping people" in answer["transcript"]["text"].lower()
    assert answer["metrics"]["pace"]["score"] is not None
    saved = answer["audio"]
    assert saved.startswith(str(home)) and os.path.exists(saved)  # a copy lives in the data folder
    assert oct(os.stat(saved).st_mode & 0o777) == "0o600"


def test_a_folder_without_a_follow_up_file_is_not_asked_the_follow_up(tmp_path, speak):
    # A new user's try (2026-12-01): the follow-up was asked aloud, with no file to answer it and
    # no notice; with the file there, it is asked and answered.
    answers = tmp_path / "answers"
    answers.mkdir()
    shutil.copy(speak("Being nice to people, I think.", "thin"), answers / "what-is-good-service.wav")
    result = practice("--input", str(answers), "--ask", "what-is-good-service", "--json")
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)
    assert session["answers"][0]["follow_up"] is None
    assert "Tell me about the best service" not in result.stderr  # never asked
    shutil.copy(speak("I would listen first and then fix the problem properly.", "more"),
                answers / "what-is-good-service.follow-up.wav")
    both = practice("--input", str(answers), "--ask", "what-is-good-service", "--json")
    again = json.loads(both.stdout)
    assert "Tell me about the best service" in both.stderr
    assert again["answers"][0]["follow_up"] and "listen" in again["answers"][0]["transcript"]["text"].lower()


def test_a_corrupt_a_missing_and_a_good_file_end_with_a_verdict_and_valid_json(tmp_path, speak):
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "why-call-center.wav").write_bytes(b"RIFF....WAVEfmt garbage")
    (answers / "why-should-we-hire-you.wav").write_bytes(speak(STRONG, "strong").read_bytes())
    # greatest-weakness.wav is missing
    result = practice("--input", str(answers), "--ask",
                      "why-call-center,greatest-weakness,why-should-we-hire-you", "--no-follow-ups",
                      "--json")
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)  # exactly one JSON document on stdout
    assert [a["question_id"] for a in session["answers"]] == ["why-should-we-hire-you"]
    assert "helping people" in session["answers"][0]["transcript"]["text"].lower()
    assert session["verdict"] and "Traceback" not in result.stderr
    # Named up front, before the interviewer starts, in one notice.
    up_front = " ".join(result.stderr[:result.stderr.index("Interviewer:")].split())
    assert f"{answers / 'why-call-center.wav'}: not an audio file libsndfile can read" in up_front
    assert "greatest-weakness: no file greatest-weakness.wav" in up_front
    saved = json.loads(run_cli("review", "latest", "--json").stdout)
    assert saved["session_id"] == session["session_id"]
    assert saved["finished"] and saved["verdict"] == session["verdict"]


def test_a_folder_with_no_usable_answer_is_an_error_before_any_session(tmp_path, home):
    # A new user's try (2026-12-01): an empty --input folder ran a session of skipped questions,
    # exit 0, and left a "No answers recorded." session in the notebook each time.
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "why-call-center.wav").write_bytes(b"RIFF....WAVEfmt garbage")
    result = practice("--input", str(answers), "--ask", "why-call-center,greatest-weakness", "--no-follow-ups")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "None of the recorded answers can be used" in result.stderr
    assert "greatest-weakness: no file greatest-weakness.wav" in result.stderr
    assert "Interviewer:" not in result.stdout + result.stderr
    assert "No sessions yet" in run_cli("review").stdout  # nothing saved


def test_a_session_with_no_answer_is_not_kept(home):
    # A new user's walkthrough (2026-12-01): `practice --input keyboard </dev/null` saved an empty
    # "No answers recorded." session each time, with the spoken questions' folder.
    result = practice("--input", "keyboard", "--ask", "why-call-center,greatest-weakness", "--json", input="")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "Nothing was answered, so nothing is saved" in result.stderr
    assert json.loads(result.stdout)["answers"] == []
    assert "No sessions yet" in run_cli("review").stdout
    assert not (home / "audio").exists() or list((home / "audio").iterdir()) == []
    skipped = practice("--input", "keyboard", "--ask", "why-call-center", "--no-follow-ups", input="\n")
    assert skipped.returncode == 0 and "No sessions yet" in run_cli("review").stdout
    answered = practice("--input", "keyboard", "--ask", "why-call-center", "--no-follow-ups", input=f"{STRONG}\n\n")
    assert answered.returncode == 0 and "No sessions yet" not in run_cli("review").stdout


def test_a_pasted_multi_line_typed_answer_stays_one_answer():
    pasted = ("At my last job I worked the returns desk.\n"
              "One day a customer was furious about a refund\n"
              "that had not arrived, so I apologised,\n"
              "looked up the order and fixed it on the spot.")
    result = practice("--input", "keyboard", "--ask", "angry-customer-time,why-call-center",
                      "--no-follow-ups", "--json", input=f"{pasted}\n\n\n")  # then: skip
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)
    [answer] = session["answers"]  # one answer, not four; the second question was skipped
    assert answer["question_id"] == "angry-customer-time"
    assert answer["transcript"]["text"] == " ".join(pasted.split("\n"))
    err = result.stderr
    assert "Question 2 of 2" in err and "(skipped)" in err
    # Lines that speak of typing, not talking; and no "every question" after a skip.
    assert "talking" not in err and "Type your answer" in err
    assert "every question" not in err + json.dumps(session)


NOISY = """
import os, sys
from pathlib import Path
from simulator.console import native_output_to
with native_output_to(Path(sys.argv[1])):
    os.write(2, b"ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred\\n")  # as C code does
    print("Interviewer: hello", file=sys.stderr)
print("after", file=sys.stderr, flush=True)
os.write(2, b"native, after\\n")
"""


def test_native_library_noise_goes_to_the_log_and_ours_to_the_screen(tmp_path):
    log = tmp_path / "mock-interview.log"
    out = subprocess.run([sys.executable, "-c", NOISY, str(log)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stderr == "Interviewer: hello\nafter\nnative, after\n"  # restored afterwards
    assert log.read_text() == "ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred\n"
    assert oct(log.stat().st_mode & 0o777) == "0o600"


@pytest.mark.skipif(sound.has_input(), reason="this machine has a microphone")
def test_no_microphone_exits_2_with_the_way_forward():
    for args in ([], ["--input", "mic"]):
        result = practice("--ask", "why-call-center", *args)
        assert result.returncode == 2, result.stderr
        for hint in ("--input keyboard", "--input DIR", "mock-interview devices"):
            assert hint in result.stderr
        assert "Traceback" not in result.stderr


def test_usage_errors_exit_2():
    assert practice("--ask", "no-such-question", "--input", "keyboard").returncode == 2
    assert practice("--bank", "no-such-bank", "--input", "keyboard").returncode == 2
    assert run_cli("practice", "--questions", "lots").returncode == 2
    assert practice("--input", "/no/such/folder").returncode == 2


def test_the_next_session_opens_with_last_times_tips():
    first = practice("--input", "keyboard", "--ask", "greatest-weakness", "--no-follow-ups", "--json",
                     input=f"{WEAK}\n\n")
    assert first.returncode == 0, first.stderr
    tips = json.loads(first.stdout)["tips"]
    assert tips
    second = practice("--input", "keyboard", "--ask", "why-call-center", "--no-follow-ups", "--json",
                      input=f"{STRONG}\n\n")
    assert second.returncode == 0, second.stderr
    session = json.loads(second.stdout)
    assert [t["area"] for t in session["focus_from_last_time"]] == [t["area"] for t in tips]
    assert "Last time we worked on" in second.stderr  # and the interviewer says so


def test_a_thin_answer_gets_one_follow_up_scored_with_it():
    result = practice("--input", "keyboard", "--ask", "what-is-good-service", "--json",
                      input="Being nice, I think.\n\nOnce a waiter remembered my order and I felt welcome, "
                            "so I try to remember details about people and be friendly and patient.\n")
    assert result.returncode == 0, result.stderr
    (answer,) = json.loads(result.stdout)["answers"]
    assert answer["follow_up"]
    assert "waiter" in answer["transcript"]["text"] and "Being nice" in answer["transcript"]["text"]


def wait_for_answers(home, count: int, timeout: float = 120) -> dict:
    """Poll `review latest --json` from another process until `count` answers are saved."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        seen = run_cli("review", "latest", "--json")
        if seen.returncode == 0 and len(json.loads(seen.stdout)["answers"]) >= count:
            return json.loads(seen.stdout)
        time.sleep(0.3)
    raise AssertionError(f"{count} answers were not saved in time")


def start_keyboard_session(ids: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "simulator", "practice", "--no-voice", "--input", "keyboard",
         "--ask", ids, "--no-follow-ups"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def test_sigkill_after_two_answers_keeps_both_and_the_next_run_notices(home):
    proc = start_keyboard_session("why-call-center,greatest-weakness,why-should-we-hire-you")
    proc.stdin.write(f"{STRONG}\n\n{WEAK}\n\n")
    proc.stdin.flush()
    seen = wait_for_answers(home, 2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert [a["question_id"] for a in seen["answers"]] == ["why-call-center", "greatest-weakness"]
    again = practice("--input", "keyboard", "--ask", "why-call-center", "--no-follow-ups", input="\n")
    assert again.returncode == 0, again.stderr
    assert f"review {seen['session_id']}" in again.stderr  # offers to review the unfinished one
    recovered = json.loads(run_cli("review", seen["session_id"], "--json").stdout)
    assert len(recovered["answers"]) == 2 and recovered["verdict"]


def test_ctrl_c_ends_cleanly_with_feedback_on_finished_answers(home):
    proc = start_keyboard_session("why-call-center,greatest-weakness,why-should-we-hire-you")
    proc.stdin.write(f"{STRONG}\n\n")
    proc.stdin.flush()
    wait_for_answers(home, 1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Stopping here" in err or "Stopping here" in out
    session = json.loads(run_cli("review", "latest", "--json").stdout)
    assert len(session["answers"]) == 1 and session["verdict"] and session["finished"]


def read_until(stream, text: str, seconds: float = 60) -> str:
    """What a child wrote on `stream` up to and including `text` (a prompt has no newline)."""
    seen, deadline = "", time.time() + seconds
    while text not in seen:
        char = stream.read(1)
        if not char or time.time() > deadline:
            raise AssertionError(f"never saw {text!r} in {seen!r}")
        seen += char
    return seen


def test_ctrl_c_keeps_the_lines_typed_but_not_yet_sent_as_the_answer(home):
    # A new user's try (2026-12-01): two lines typed, then Ctrl-C before the empty line that
    # sends them: "Nothing was answered, so nothing is saved."
    first, then = "I really enjoy helping people, and at my last job in a store customers came to me.", \
        "Every call is different, and I like that."
    proc = start_keyboard_session("why-call-center,greatest-weakness")
    proc.stdin.write(f"{first}\n{then}\n")  # no empty line: typed, not sent
    proc.stdin.flush()
    read_until(proc.stderr, "Your answer (send it with an empty line): ")
    time.sleep(1.0)  # the two lines are read, and it waits for the empty line
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "I kept what you had typed so far as your answer to that question" in " ".join(err.split())
    assert "Nothing was answered" not in err and "Verdict:" in out
    session = json.loads(run_cli("review", "latest", "--json").stdout)
    assert session["finished"] and session["verdict"]
    assert [(a["question_id"], a["transcript"]["text"]) for a in session["answers"]] == \
        [("why-call-center", f"{first} {then}")]
    assert session["answers"][0]["overall"] > 0  # scored like a finished answer


def test_one_strong_answer_of_four_is_not_a_pass(home):
    # A new user's try (2026-12-01): "I'd move you to the next round" with three of four
    # questions skipped (or never reached after a Ctrl-C).
    strength = ("My greatest strength is patience. At my last job at a pharmacy an elderly man could not work "
                "out his insurance card, so I walked him through it step by step for twenty minutes and he "
                "came back to thank me.")
    one = practice("--input", "keyboard", "--ask", "greatest-strength,why-call-center,why-this-company,"
                   "greatest-weakness", "--no-follow-ups", "--json", input=f"{strength}\n\n\n\n\n")
    assert one.returncode == 0, one.stderr
    session = json.loads(one.stdout)
    assert len(session["answers"]) == 1 and session["answers"][0]["overall"] >= 80
    assert "next round" in session["verdict"] and not session["verdict"].startswith("I'd move you")
    assert "1 of 4 answers" in session["verdict"]
    half = practice("--input", "keyboard", "--ask", "greatest-strength,why-call-center", "--no-follow-ups",
                    "--json", input=f"{strength}\n\n\n")  # one of two is half the interview
    # ...so a pass, which still says what it did not hear (walk 5, P13)
    verdict = json.loads(half.stdout)["verdict"]
    assert "I'd move you to the next round" in verdict and "I only heard 1 of 2 answers" in verdict, verdict


def test_ctrl_c_stops_a_session_started_with_interrupts_ignored(home):
    # Found in a CI run started in the background (2026-12-01): a shell without job control starts
    # its background commands with SIGINT ignored, Python then never raises KeyboardInterrupt, and
    # a demo ran on to its end through a Ctrl-C.
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "practice", "--no-voice", "--input", "keyboard",
         "--ask", "why-call-center,greatest-weakness", "--no-follow-ups"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    proc.stdin.write(f"{STRONG}\n\n")
    proc.stdin.flush()
    wait_for_answers(home, 1)
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)  # stdin stays open: only the Ctrl-C can end the session
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError("Ctrl-C was ignored") from None
    err = proc.stderr.read()
    assert "Stopping here" in err and proc.returncode == 0, err


def test_output_closed_mid_session_closes_the_session_with_its_answers(home):
    # A new user's try (2026-12-01): `practice ... | head -1` stopped silently and left the
    # session "running", for the next session to report as ended unexpectedly.
    proc = start_keyboard_session("why-call-center,greatest-weakness,why-should-we-hire-you")
    proc.stdin.write(f"{STRONG}\n\n")
    proc.stdin.flush()
    wait_for_answers(home, 1)
    proc.stdout.close()  # the reader is gone: the next line printed meets a closed pipe
    proc.stdin.write(f"{WEAK}\n\n")
    proc.stdin.close()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert "Traceback" not in err
    session = json.loads(run_cli("review", "latest", "--json").stdout)
    assert session["finished"] and session["verdict"]
    assert [a["question_id"] for a in session["answers"]][:1] == ["why-call-center"]
    again = practice("--input", "keyboard", "--ask", "why-call-center", "--no-follow-ups", input="\n")
    assert "ended unexpectedly" not in again.stderr


@pytest.mark.slow
def test_demo_runs_a_whole_spoken_session_in_its_own_folder(home):
    (home / "banks").mkdir()
    (home / "banks" / "broken.yaml").write_text("bank: broken\n", encoding="utf-8")  # no matter
    first = practice("--input", "keyboard", "--ask", "greatest-weakness", "--no-follow-ups",
                     "--json", input=f"{WEAK}\n")  # the user's own session, with tips
    assert first.returncode == 0, first.stderr
    result = run_cli("demo", "--questions", "3", "--seed", "1", "--json")
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)
    assert len({a["question_id"] for a in session["answers"]}) == 3
    demo_home = home / "demo"
    for a in session["answers"]:
        assert a["transcript"]["words"], a["question_id"]  # real speech through the real engine
        assert os.path.exists(a["audio"]) and os.path.exists(a["prompt_audio"])
        assert a["audio"].startswith(str(demo_home / "audio"))
    assert session["verdict"] and session["tips"]
    assert any(a["turn"] for a in session["answers"])  # the role-play call, turn by turn
    assert str(demo_home) in result.stderr  # says where it lives
    # Apart from the user's: not their focus, not in their notebook, progress or tips.
    assert session["focus_from_last_time"] == []
    assert session["session_id"] not in run_cli("review").stdout
    assert session["session_id"] in run_cli("review", "--home", str(demo_home)).stdout
    user = json.loads(run_cli("review", "latest", "--json").stdout)
    assert user["session_id"] == json.loads(first.stdout)["session_id"]
    assert len(json.loads(run_cli("progress", "--json").stdout)) == 1
    assert all(t["session_id"] != session["session_id"] for t in json.loads(run_cli("tips", "--json").stdout))


@pytest.mark.slow
def test_an_interrupted_demo_leaves_no_empty_session(home):
    proc = subprocess.Popen([sys.executable, "-m", "simulator", "demo", "--questions", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen = []
    for line in proc.stdout:  # stop while the interviewer is still opening
        seen.append(line)
        if line.startswith("Interviewer:"):
            break
    alive = proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert alive and seen[-1].startswith("Interviewer:"), (seen, err)
    assert proc.returncode == 130, (seen, out[:300], err)
    assert "Traceback" not in err
    demo_home = home / "demo"
    assert "No sessions yet" in run_cli("review", "--home", str(demo_home)).stdout
    assert not (demo_home / "audio").exists() or list((demo_home / "audio").iterdir()) == []
    assert not (home / "notebook.sqlite3").exists()  # the user's notebook was never touched


def test_coach_mode_gives_a_short_tip_right_after_each_answer():
    result = practice("--input", "keyboard", "--ask", "greatest-weakness,why-call-center", "--mode", "coach",
                      "--no-follow-ups", "--no-retries", "--json", input=f"{WEAK}\n\n{STRONG}\n\n")
    assert result.returncode == 0, result.stderr
    session = json.loads(result.stdout)
    err = result.stderr
    tip = session["answers"][0]["tips"][0]["text"]
    # The first answer's tip is spoken before the second question is asked.
    assert err.index(tip[:40]) < err.index("Question 2 of 2")


def test_a_role_play_call_runs_turn_by_turn_from_recorded_replies(tmp_path, speak):
    replies = ["Thank you for calling Acme, my name is Sam. I'm so sorry about that, I'll take care of it.",
               "I understand. Can I get your account number to verify the account? Let me take a look.",
               "I've put in a refund, and you'll see it in three to five business days. I'll email a confirmation.",
               "Is there anything else I can help you with today? Thank you for calling, have a great day."]
    for n, text in enumerate(replies, 1):
        name = "double-billed-caller" + ("" if n == 1 else f".{n}")
        (tmp_path / f"{name}.wav").write_bytes(speak(text, f"turn{n}").read_bytes())
    result = practice("--input", str(tmp_path), "--ask", "double-billed-caller", "--json")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert [a["turn"] for a in answers] == [1, 2, 3, 4]
    assert answers[0]["customer_line"].startswith("Finally!")
    assert "greeting" in answers[0]["metrics"] and "closing" in answers[-1]["metrics"]
    assert answers[0]["metrics"]["greeting"]["score"] >= 60
    assert answers[-1]["metrics"]["closing"]["score"] >= 60
    assert result.stderr.count("Customer:") == 4


def test_forget_deletes_a_session_with_its_audio(tmp_path, speak, home):
    (tmp_path / "why-call-center.wav").write_bytes(speak(STRONG, "strong").read_bytes())
    first = json.loads(practice("--input", str(tmp_path), "--ask", "why-call-center", "--no-follow-ups",
                                "--json").stdout)
    second = json.loads(practice("--input", str(tmp_path), "--ask", "why-call-center", "--no-follow-ups",
                                 "--json").stdout)
    audio_file = first["answers"][0]["audio"]
    assert os.path.exists(audio_file)
    gone = run_cli("forget", first["session_id"])
    assert gone.returncode == 0, gone.stderr
    assert not os.path.exists(audio_file) and not os.path.exists(os.path.dirname(audio_file))
    assert (tmp_path / "why-call-center.wav").exists()  # the user's own input file is untouched
    assert run_cli("review", first["session_id"]).returncode == 2
    assert run_cli("review", second["session_id"], "--json").returncode == 0
    assert run_cli("forget").returncode == 2  # says what to name
    assert run_cli("forget", "--all", "--yes").returncode == 0
    assert "No sessions yet" in run_cli("review").stdout
    assert not os.path.exists(second["answers"][0]["audio"])


def test_personal_data_is_readable_only_by_its_owner(tmp_path, speak, home):
    (tmp_path / "why-call-center.wav").write_bytes(speak(STRONG, "strong").read_bytes())
    result = practice("--input", str(tmp_path), "--ask", "why-call-center", "--no-follow-ups", "--json")
    assert result.returncode == 0, result.stderr
    for path in [home / "notebook.sqlite3", home / "mock-interview.log",
                 json.loads(result.stdout)["answers"][0]["audio"]]:
        assert os.stat(path).st_mode & 0o077 == 0, path
    assert os.stat(home / "audio").st_mode & 0o077 == 0


def test_a_tip_is_met_after_two_sessions_in_range(home):
    from simulator.notebook import Notebook
    from simulator.session import update_tip_progress
    from simulator.types import Answer, Metric, Question, Score, Tip, Transcript

    q = Question(id="q", text="Why?")

    def answer(fillers_per_minute: float) -> Answer:
        metric = Metric("fillers", 100.0 if fillers_per_minute <= 3 else 30.0, fillers_per_minute, "fillers a minute")
        transcript = Transcript("x", (), 60.0, "faster-whisper")
        return Answer(q, Score("q", 70.0, (metric,), (), transcript))

    with Notebook(home) as nb:
        first = nb.start_session()
        nb.save_answer(first, answer(9.0))
        nb.finish_session(first, "Not yet.", [Tip("fillers", "Fewer ums.", 9.0, "3 or fewer")])
        for n, rate in enumerate([2.0, 1.0], 1):
            sid = nb.start_session()
            nb.save_answer(sid, answer(rate))
            nb.finish_session(sid, "Yes.", [])
            update_tip_progress(nb, sid)
            status = [t.status for t in nb.tips()]
            assert status == (["open"] if n == 1 else ["met"])  # one session in range is not enough
    tips = run_cli("tips")
    assert "[met ]" in tips.stdout and "9 fillers a minute over that session, 1 over your latest" in tips.stdout


# --- the microphone, in real time: thinking pauses, clean stops, never talking over ----------

PAUSED = ("I have worked in customer service for about three years, and",  # 2.5 s: thinking
          "at the phone company I answered sixty calls a day, so",  # 2.5 s: thinking
          "I learned to stay calm and to fix the problem before the customer hung up.")
CLEAN = ("I enjoy helping people. At the grocery store where I work, customers come to me when "
         "something goes wrong, and I like fixing it for them. Every call is different, and that "
         "keeps the day interesting.")


def spoken_answer(speak, parts, pause: float, name: str):
    """espeak-ng reading `parts` with `pause` seconds of silence between them, as a WAV."""
    gap = np.zeros(int(pause * 16_000), np.float32)
    pieces = [np.zeros(8_000, np.float32)]
    for i, part in enumerate(parts):
        pieces += ([gap] if i else []) + [audio.load(speak(part, f"{name}{i}"))]
    return np.concatenate(pieces + [np.zeros(4_000, np.float32)])


@pytest.mark.slow
def test_the_microphone_waits_through_thinking_pauses_and_never_talks_over(tmp_path, speak, home):
    """practice --input mic, voice on, in a PulseAudio null sink: each answer is played in real
    time once its question has been spoken; Ctrl-C stops the spoken feedback."""
    for tool in ("pulseaudio", "pactl", "paplay", "pacat"):
        need_tool(tool)
    from benchmarks import pulse
    from benchmarks.conversation import Streams, start_practice

    clips = {"why-call-center": spoken_answer(speak, PAUSED, 2.5, "paused"),
             "tell-me-about-yourself": spoken_answer(speak, [CLEAN], 0, "clean")}
    paths = {}
    for qid, samples in clips.items():
        paths[qid] = tmp_path / f"{qid}.wav"
        sf.write(paths[qid], samples, 16_000)
    with pulse.null_sink() as env:
        streams = Streams(env)
        child, lines, reader, out = start_practice(env, list(clips))
        played = {}  # question -> (first sample heard, last sample heard) on the sink
        try:
            for n, qid in enumerate(clips, 1):
                asked = lines.wait_for(f"Question {n} of 2", 120)
                streams.quiet(child.pid, asked, 60)  # the question has been spoken
                player = pulse.play(paths[qid], env)
                player.wait()
                mine = [(o, c) for s, o in streams.opened.items() if streams.owner.get(s) == player.pid
                        for c in [streams.closed.get(s)]]
                played[qid] = (mine[0][0], time.monotonic())
            lines.wait_for("Feedback", 120)
            first_feedback = streams.wait(lambda: next(iter(o for o, _ in streams.of(
                child.pid, played["tell-me-about-yourself"][1])), None), 60)
            child.send_signal(signal.SIGINT)  # Ctrl-C during the spoken feedback
            reader.join(60)
            child.wait(60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            streams.close()
    assert child.returncode == 0, lines.text()
    assert first_feedback is not None
    assert out and out[0], lines.text() + (home / "mock-interview.log").read_text()[-3000:]
    session = json.loads(out[0])
    paused, clean = session["answers"]
    # No cut-off: the whole paused answer, pauses and all, is one transcript of one answer.
    text = " ".join(normalise(paused["transcript"]["text"]))  # numbers as words: "3 years" is right
    assert all(word in text for word in ("three years", "phone company", "calm", "hung up")), text
    assert sf.info(paused["audio"]).duration >= len(clips["why-call-center"]) / 16_000 - 0.6
    # ...and the clean answer's last clause arrived: "keeps the day interesting" (Whisper heard
    # "keeps me interested" once, on a machine under load; the clause is there either way)
    tail = clean["transcript"]["text"].lower()
    assert "keeps" in tail and "interest" in tail.rsplit("keeps", 1)[-1], tail
    # The interviewer spoke only after each answer had stopped, and never over one.
    for qid, (start, end) in played.items():
        assert not [o for o, _ in streams.of(child.pid, start) if o < end], qid
    question_2 = streams.of(child.pid, played["why-call-center"][0])[0][0]
    assert question_2 > played["why-call-center"][1]
    assert first_feedback > played["tell-me-about-yourself"][1]
    # Ctrl-C during the feedback kept it: saved, finished, with its tips.
    saved = json.loads(run_cli("review", "latest", "--json").stdout)
    assert saved["finished"] and saved["verdict"] == session["verdict"] and saved["tips"]
    assert "ALSA lib" not in lines.text() and "underrun" not in lines.text()  # a quiet screen


@pytest.mark.slow
def test_a_microphone_that_dies_mid_answer_ends_the_session_with_a_message(tmp_path, speak, home):
    """A new user's walkthrough (2026-12-01): the sound server killed (as a USB headset pulled
    out) 6 s into an answer, and the session hung for ever on a frozen meter. The real
    practice --input mic in a PulseAudio null sink, whose daemon is SIGKILLed mid-answer."""
    for tool in ("pulseaudio", "pactl", "paplay", "pacat"):
        need_tool(tool)
    from benchmarks import pulse
    from benchmarks.conversation import start_practice

    clean, paused = tmp_path / "clean.wav", tmp_path / "paused.wav"
    sf.write(clean, spoken_answer(speak, [CLEAN], 0, "clean"), 16_000)
    sf.write(paused, spoken_answer(speak, PAUSED, 2.5, "paused"), 16_000)
    with pulse.null_sink() as env:
        child, lines, reader, out = start_practice(env, ["tell-me-about-yourself", "why-call-center"],
                                                   "--no-voice")
        try:
            lines.wait_for("Question 1 of 2", 120)
            pulse.play(clean, env).wait()
            lines.wait_for("Question 2 of 2", 120)
            player = pulse.play(paused, env)
            time.sleep(4.0)  # into the first stretch of speech
            daemon = int((Path(env["XDG_RUNTIME_DIR"]) / "pulse" / "pid").read_text())
            os.kill(daemon, signal.SIGKILL)  # the daemon this test started
            player.wait(30)
            child.wait(120)  # was: never (the test's own timeout)
            reader.join(60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    said = lines.text()
    assert child.returncode == 2, said
    assert "the microphone stopped sending sound, saving what you said" in said
    assert " ".join(said.split()).count("The microphone stopped sending sound (unplugged") == 1, said  # once
    assert "Feedback" in said and "Traceback" not in said
    session = json.loads(out[0])
    first, cut = session["answers"]  # the finished answer, and what was heard of the second
    assert "interesting" in first["transcript"]["text"].lower()
    assert "customer service" in cut["transcript"]["text"].lower()
    saved = json.loads(run_cli("review", "latest", "--json").stdout)
    assert saved["finished"] and len(saved["answers"]) == 2 and saved["verdict"]
