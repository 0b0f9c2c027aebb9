"""Where a session's memory goes: a whole `practice --input DIR` session's peak, then each part.

No sound hardware or PulseAudio is needed (benchmarks/session.py measures the microphone path):

- session: `mock-interview practice --input DIR --no-voice` on the benchmark's three answers
  (30, 60 and 120 s, benchmarks/answers.py) in a child process with the default model; its peak
  resident size is the kernel's (os.wait4, ru_maxrss). The data folder is prepared by a first
  session, so the figure is a returning user's (the models are converted once, at first use).
- parts: one child process adds the session's parts in the order a session meets them and
  reports, after each, its resident size (VmRSS) and the peak since the step before (VmHWM,
  reset through /proc/self/clear_refs), so each part's own cost and its transient show.
- modules: which heavy libraries a session's scoring path has in memory (torch and Praat
  must not be among them).

Prints one JSON document.   python -m benchmarks.memory [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from . import answers

ROOT = Path(__file__).resolve().parent.parent
ASK = {"why-call-center": 30, "customer-service-experience": 60, "angry-customer-time": 120}


def session_peak(folder: Path, home: Path) -> dict:
    """One whole session in a child process: its peak RSS (MB) and CPU seconds."""
    command = [sys.executable, "-m", "simulator", "practice", "--home", str(home), "--input",
               str(folder), "--ask", ",".join(ASK), "--no-follow-ups", "--no-voice", "--json"]
    child = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"practice exited with {os.waitstatus_to_exitcode(status)}")
    return {"peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "answers": len(json.loads(out)["answers"])}


PARTS = r'''
import json, sys
from pathlib import Path

def status():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

def trim():
    import ctypes
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    open("/proc/self/clear_refs", "w").write("5")  # VmHWM starts again from VmRSS

steps, last = [], [status()[0]]
def step(name):
    rss, peak = status()
    steps.append({"part": name, "rss_mb": round(rss, 1), "added_mb": round(rss - last[0], 1),
                  "transient_mb": round(peak - rss, 1)})
    last[0] = rss
    trim()

home, clip = Path(sys.argv[1]), Path(sys.argv[2])
step("python")
import numpy
step("numpy")
import simulator.cli, simulator.session, simulator.assess
step("the product's modules")
from simulator.audio import load_recording
recording = load_recording(clip)
step("a 120 s recording")
import faster_whisper
step("faster-whisper and its imports (ctranslate2, av, tokenizers)")
from faster_whisper.vad import get_vad_model
get_vad_model()
step("onnxruntime and the Silero VAD session")
from simulator.transcribe import make_transcriber
transcriber = make_transcriber(home=home)
transcriber.load()
step("Whisper base loaded (int8; the transient: reading the float16 file)")
transcript = transcriber.transcribe(recording.samples)
step("transcribing the 120 s answer (the transient: one chunk's decoding)")
from simulator.meaning import process_embedder
process_embedder(home).load()
step("the sentence model loaded (MiniLM, int8)")
from simulator.assess import score_answer
from simulator.types import Question
question = Question(id="angry-customer-time", text="Tell me about a time you dealt with a really angry customer.")
score_answer(question, transcript, recording, home=home)
step("scoring the answer (first time: exemplar vectors, lexicons)")
score_answer(question, transcript, recording, home=home)
step("scoring it again")
print(json.dumps({"steps": steps, "loaded": [m for m in ("torch", "parselmouth", "transformers")
                                              if m in sys.modules]}))
'''


def parts(home: Path, clip: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PARTS, str(home), str(clip)], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.memory")
    p.add_argument("--runs", type=int, default=3, help="sessions measured (after a first one)")
    args = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-answers-"))
    home = Path(tempfile.mkdtemp(prefix="bench-memory-home-"))
    try:
        for question, seconds in ASK.items():
            shutil.copy(answers.answer(seconds).path, folder / f"{question}.wav")
        first = session_peak(folder, home)  # converts the sentence model into the data folder
        runs = [session_peak(folder, home) for _ in range(args.runs)]
        breakdown = parts(home, folder / "angry-customer-time.wav")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
    peaks = [r["peak_rss_mb"] for r in runs]
    for s in breakdown["steps"]:
        print(f"  {s['part'][:70]:70s} {s['rss_mb']:6.0f} MB  +{s['added_mb']:5.0f}  "
              f"transient +{s['transient_mb']:4.0f}", file=sys.stderr)
    print(json.dumps({
        "session_peak_rss_mb": peaks, "session_peak_rss_mb_median": statistics.median(peaks),
        "first_session_peak_rss_mb": first["peak_rss_mb"],
        "session_cpu_s": [r["cpu_s"] for r in runs],
        "parts": breakdown["steps"], "heavy_modules_loaded": breakdown["loaded"],
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
