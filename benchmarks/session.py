"""The real CLI as a user runs it: time to the interviewer's first words, and peak memory.

`mock-interview practice --input mic` runs in a child process with its voice on, inside the
PulseAudio null sink's environment: the interviewer's prompts are rendered by pyttsx3 and
played by sounddevice into the sink, and the Microphone records the sink's monitor. When a
question has been spoken, the benchmark plays the answer WAV into the sink (paplay, real
time), so the session records, streams, transcribes and scores it like a candidate's.
`pactl subscribe` (started before the command) reports each playback stream as PortAudio
opens it, so

- first audio: from spawning the command to the first playback stream, i.e. the interviewer
  starting to speak (the opening line);
- first question: from spawning the command to the playback of "Question 1 of N" (after the
  whole opening line has been spoken, so it includes its length);
- peak RSS: the child's maximum resident set size (os.wait4) over a whole session: three
  answers of 30, 60 and 120 s, transcribed while spoken, scored, the closing feedback
  spoken, everything saved.

Prints one JSON document.   python -m benchmarks.session [--runs N]   (inside the pulse env)
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import answers, pulse

ROOT = Path(__file__).resolve().parent.parent
ASK = {"why-call-center": 30, "customer-service-experience": 60, "angry-customer-time": 120}
TIMEOUT = 900  # seconds for a whole session


class Playbacks:
    """Playback streams on the PulseAudio server: when each opened and closed (and, where a
    subclass says how to find it, whose it is: `owner`)."""

    def __init__(self, env: dict):
        self.env = env
        self.proc = subprocess.Popen(["pactl", "subscribe"], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.opened: dict[str, float] = {}
        self.closed: dict[str, float] = {}
        self.owner: dict[str, int | None] = {}
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        time.sleep(0.3)  # subscribed before the command starts

    def _read(self) -> None:
        for line in self.proc.stdout:
            now = time.monotonic()
            if "on sink-input #" not in line:
                continue
            stream = line.rsplit("#", 1)[1].strip()
            if "'new'" in line:
                owner = self._pid_of(stream)  # outside the lock: it may ask the server
                with self.changed:
                    self.opened[stream], self.owner[stream] = now, owner
                    self.changed.notify_all()
            elif "'remove'" in line:
                with self.changed:
                    self.closed[stream] = now
                    self.changed.notify_all()

    def _pid_of(self, stream: str) -> int | None:
        return None  # not looked up: every stream counts

    def first_opened_after(self, since: float, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                later = [t for t in self.opened.values() if t >= since]
                if later:
                    return min(later)
                self.changed.wait(0.05)
        return None

    def wait_quiet(self, since: float, timeout: float) -> None:
        """Until every stream opened after `since` has closed (a prompt has been spoken)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                mine = [s for s, t in self.opened.items() if t >= since]
                if mine and all(s in self.closed for s in mine):
                    return
                self.changed.wait(0.05)

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()


def practice_command(home: Path) -> list[str]:
    return [sys.executable, "-m", "simulator", "practice", "--home", str(home), "--input", "mic",
            "--ask", ",".join(ASK), "--no-follow-ups", "--json"]


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put((time.monotonic(), line))
    into.put((time.monotonic(), None))


def first_audio(env: dict) -> float:
    """Seconds from spawning the command to the interviewer's first playback."""
    home = Path(tempfile.mkdtemp(prefix="bench-session-"))
    playbacks = Playbacks(env)
    started = time.monotonic()
    child = subprocess.Popen(practice_command(home), env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        spoke = playbacks.first_opened_after(started, timeout=60)
    finally:
        child.send_signal(signal.SIGKILL)  # our own child; its notebook is a temporary one
        child.wait()
        playbacks.close()
        shutil.rmtree(home, ignore_errors=True)
    if spoke is None:
        raise RuntimeError("the interviewer never spoke (no playback stream in 60 s)")
    return spoke - started


def whole_session(env: dict) -> dict:
    """A whole spoken session on the microphone; its timings and the child's peak RSS."""
    home = Path(tempfile.mkdtemp(prefix="bench-session-"))
    clips = {q: answers.answer(s) for q, s in ASK.items()}
    playbacks = Playbacks(env)
    started = time.monotonic()
    child = subprocess.Popen(practice_command(home), env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    said: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(child.stderr, said), daemon=True).start()
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(child.stdout.read()), daemon=True)
    reader.start()
    first_question = None
    try:
        asked = 0
        deadline = started + TIMEOUT
        while asked < len(ASK):
            at, line = said.get(timeout=max(1, deadline - time.monotonic()))
            if line is None:
                raise RuntimeError("practice ended before all questions were asked")
            if f"Question {asked + 1} of {len(ASK)}" not in line:
                continue
            spoke = playbacks.first_opened_after(at, timeout=60)
            if asked == 0 and spoke is not None:
                first_question = spoke - started
            playbacks.wait_quiet(at, timeout=60)  # the question has been spoken: the mic listens
            question = list(ASK)[asked]
            player = pulse.play(clips[question].path, env)
            player.wait()
            asked += 1
        reader.join(TIMEOUT)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGKILL)
            child.wait()
        playbacks.close()
        shutil.rmtree(home, ignore_errors=True)
    if child.returncode != 0:
        raise RuntimeError(f"practice exited with {child.returncode}")
    session = json.loads(out[0])
    return {
        "first_audio_s": min(playbacks.opened.values()) - started,
        "first_question_s": first_question,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "answers": len(session["answers"]),
        "wall_s": time.monotonic() - started,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3, help="extra runs timed to the first words")
    args = p.parse_args(argv)
    env = os.environ.copy()
    firsts = [first_audio(env) for _ in range(args.runs)]
    whole = whole_session(env)
    firsts.append(whole["first_audio_s"])
    print(json.dumps({
        "first_audio_s": [round(x, 3) for x in firsts],
        "first_audio_median_s": round(statistics.median(firsts), 3),
        "first_question_s": whole["first_question_s"] and round(whole["first_question_s"], 2),
        "peak_rss_mb": round(whole["peak_rss_mb"], 1),
        "session_answers": whole["answers"],
        "session_wall_s": round(whole["wall_s"], 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
