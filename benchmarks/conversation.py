"""The conversation's own timings: how soon the interviewer gets to the point, how soon it
notices that an answer is over, and how soon and how briefly it gives its feedback.

`mock-interview practice --input mic` runs in a child process with its voice on, inside the
PulseAudio null sink's environment (the parent starts it): the interviewer's lines are played
into the sink, and the Microphone records the sink's monitor. When a question has been
spoken, the benchmark plays an answer WAV into the sink (paplay, real time), as a candidate
would say it. `pactl subscribe` reports every playback stream as it opens and closes, and
`pactl list sink-inputs` tells whose it is (the product's process, or our paplay).

- first_question_heard_s: spawning the command -> the first question's audio starts (the
  product's first stream opened after it printed "Question 1 of N");
- end_of_answer_s: the real end of the answer's speech (paplay's stream opened + the clip's
  last speech sample) -> the answer closed (the microphone's "(N s, ...)" line on stderr).
  Answers stop cleanly, on a finished sentence;
- feedback_start_s: the last answer closed -> the interviewer's first closing words;
- spoken_feedback_s: the first closing words -> the last closing audio ends;
- talked_over: how many times an interviewer line started while a candidate clip played.

Prints one JSON document.   python -m benchmarks.conversation [--runs N]   (inside the pulse env)
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
from .session import Playbacks

ROOT = Path(__file__).resolve().parent.parent
ASK = {"tell-me-about-yourself": 15, "customer-service-experience": 30}  # question: answer seconds
CLOSED = re.compile(r"^\s*\(\d+ s, ")  # the microphone's line when it closes an answer
TIMEOUT = 600.0  # seconds for a whole session


class Streams(Playbacks):
    """Playback streams on the PulseAudio server: when each opened and closed, and whose it is."""

    def _pid_of(self, stream: str) -> int | None:
        listing = subprocess.run(["pactl", "list", "sink-inputs"], env=self.env, capture_output=True,
                                 text=True).stdout
        for block in listing.split("Sink Input #")[1:]:
            if block.split("\n", 1)[0].strip() == stream:
                found = re.search(r'application\.process\.id = "(\d+)"', block)
                return int(found.group(1)) if found else None
        return None  # closed before we looked: too short to matter

    def of(self, pid: int, since: float = 0.0) -> list[tuple[float, float | None]]:
        """(opened, closed) of `pid`'s streams opened after `since`, in order."""
        with self.changed:
            return sorted((t, self.closed.get(s)) for s, t in self.opened.items()
                          if self.owner.get(s) == pid and t >= since)

    def wait(self, ready, timeout: float):
        """Until `ready()` gives something other than None; returns it (None on timeout)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                got = ready()
                if got is not None:
                    return got
                self.changed.wait(0.05)
        return None

    def quiet(self, pid: int, since: float, timeout: float, hold: float = 0.5) -> None:
        """Until `pid` has played nothing for `hold` seconds (a stream that underruns is
        closed and opened again by ALSA's pulse plugin: one line can be several streams)."""
        def done():
            mine = self.of(pid, since)
            if mine and all(c is not None for _, c in mine) and \
                    time.monotonic() - max(c for _, c in mine) >= hold:
                return True
            return None
        self.wait(done, timeout)

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()


class Lines:
    """A child's stderr, line by line, each with the time it arrived."""

    def __init__(self, stream):
        self.seen: list[tuple[float, str]] = []
        self.ended = False
        self.changed = threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            with self.changed:
                self.seen.append((time.monotonic(), line))
                self.changed.notify_all()
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def wait_for(self, match, timeout: float, after: float = 0.0) -> float:
        """When the first line arriving after `after` that contains `match` (a string, or a
        test on the line) came; RuntimeError if the stream ends or `timeout` passes first."""
        test = match if callable(match) else (lambda line: match in line)
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                found = next((t for t, line in self.seen if t >= after and test(line)), None)
                if found is not None:
                    return found
                if self.ended or time.monotonic() > deadline:
                    raise RuntimeError(f"no line {match!r} on stderr:\n{self.text()[-3000:]}")
                self.changed.wait(0.1)

    def text(self) -> str:
        return "".join(line for _, line in self.seen)


def start_practice(env: dict, ask: list[str], *more: str):
    """`practice --input mic --no-follow-ups --json` on these questions, as a child process:
    (the process, its stderr as `Lines`, the thread reading its stdout, the stdout once read)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "simulator", "practice", *more, "--input", "mic", "--ask", ",".join(ask),
         "--no-follow-ups", "--json"],
        env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(child.stdout.read()), daemon=True)
    reader.start()
    return child, Lines(child.stderr), reader, out


def session(env: dict) -> dict:
    """One whole spoken session; the conversation's timings."""
    home = Path(tempfile.mkdtemp(prefix="bench-conversation-"))
    clips = {q: answers.answer(s) for q, s in ASK.items()}
    streams = Streams(env)
    started = time.monotonic()
    child, lines, reader, out = start_practice(env, list(ASK), "--home", str(home))
    result: dict = {"end_of_answer_s": [], "talked_over": 0}
    try:
        closed_at = 0.0
        for n, (question, clip) in enumerate(clips.items(), 1):
            asked_at = lines.wait_for(f"Question {n} of {len(ASK)}", TIMEOUT)
            # The question is spoken: its stream opened after the line and has closed since.
            spoken = streams.wait(lambda: next((o for o, c in streams.of(child.pid, asked_at)
                                                if c is not None), None), 60)
            if spoken is None:
                raise RuntimeError("the question was never spoken")
            if n == 1:
                result["first_question_heard_s"] = spoken - started
            streams.quiet(child.pid, asked_at, 60)
            launched = time.monotonic()
            player = pulse.play(clip.path, env)
            mine = streams.wait(lambda: next((t for s, t in streams.opened.items()
                                              if streams.owner.get(s) == player.pid), None), 10)
            speech_end = (mine or launched) + float(clip.speech_end)
            closed_at = lines.wait_for(lambda s: bool(CLOSED.match(s)), TIMEOUT, after=launched)
            result["end_of_answer_s"].append(closed_at - speech_end)
            player.wait()
            result["talked_over"] += len([o for o, _ in streams.of(child.pid, mine or launched)
                                          if o < speech_end])
        reader.join(TIMEOUT)
        child.wait(timeout=60)
        closing = streams.of(child.pid, closed_at)
        if not closing:
            raise RuntimeError("no feedback was spoken")
        result["feedback_start_s"] = closing[0][0] - closed_at
        ends = [c for _, c in closing if c is not None]
        result["spoken_feedback_s"] = (max(ends) if ends else time.monotonic()) - closing[0][0]
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGKILL)  # our own child; its notebook is a temporary one
            child.wait()
        streams.close()
        shutil.rmtree(home, ignore_errors=True)
    if child.returncode != 0:
        raise RuntimeError(f"practice exited with {child.returncode}:\n{lines.text()[-3000:]}")
    result["answers"] = len(json.loads(out[0])["answers"])
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3, help="whole sessions")
    args = p.parse_args(argv)
    env = os.environ.copy()
    load_before = os.getloadavg()[0]
    runs = []
    for r in range(args.runs):
        runs.append(session(env))
        print(f"  session {r + 1}: " + ", ".join(
            f"{k} {v if isinstance(v, (int, list)) else round(v, 2)}" for k, v in runs[-1].items()),
            file=sys.stderr, flush=True)

    def median(key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 2)

    ends = [x for r in runs for x in r["end_of_answer_s"]]
    print(json.dumps({
        "first_question_heard_s": median("first_question_heard_s"),
        "end_of_answer_s": round(statistics.median(ends), 2),
        "end_of_answer_s_max": round(max(ends), 2),
        "feedback_start_s": median("feedback_start_s"),
        "spoken_feedback_s": median("spoken_feedback_s"),
        "talked_over": sum(r["talked_over"] for r in runs),
        # Other programs' load: the live transcript falls behind on a busy CPU, and the end of
        # an answer waits for it (rather than cut the candidate off).
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "runs": [{k: (round(v, 2) if isinstance(v, float) else
                      [round(x, 2) for x in v] if isinstance(v, list) else v)
                  for k, v in r.items()} for r in runs],
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
