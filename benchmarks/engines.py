"""Both engines on the same audio in the same process: speed ratio, real-time factor, WER.

Whole-answer transcription (`Transcriber.transcribe`, what `mock-interview transcribe` and
`--input DIR` do) with the product's shared DecodeOptions, each engine loaded and warmed up
first, runs alternated so that a slow moment of the machine hits both. Prints one JSON document.

    python -m benchmarks.engines [--runs N] [--seconds 60] [--model base]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

from simulator.audio import load
from simulator.transcribe import make_transcriber

from . import answers
from .wer import wer


def timed(engine, samples) -> tuple[float, str]:
    started = time.perf_counter()
    text = engine.transcribe(samples).text
    return time.perf_counter() - started, text


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--model", default=None, help="default: the product's default model")
    args = p.parse_args(argv)
    clip = answers.answer(args.seconds)
    samples = load(clip.path)
    home = answers.CACHE / "home"  # the joined base model and openai-whisper's conversion
    engines = {"faster-whisper": make_transcriber("faster-whisper", args.model, home),
               "openai-whisper": make_transcriber("openai-whisper", args.model, home)}
    times: dict[str, list[float]] = {name: [] for name in engines}
    texts: dict[str, str] = {}
    for name, engine in engines.items():
        engine.load()
        engine.transcribe(samples[:16_000 * 10])  # warm-up: first-call allocations and caches
    for run in range(args.runs):
        for name, engine in engines.items():
            seconds, texts[name] = timed(engine, samples)
            times[name].append(seconds)
            print(f"  {name}: run {run + 1}: {seconds:.2f} s", file=sys.stderr, flush=True)
    fast, slow = (statistics.median(times[n]) for n in ("faster-whisper", "openai-whisper"))
    print(json.dumps({
        "audio_s": round(len(samples) / 16_000, 2),
        "seconds": {n: [round(t, 3) for t in ts] for n, ts in times.items()},
        "median_s": {"faster-whisper": round(fast, 3), "openai-whisper": round(slow, 3)},
        "speedup": round(slow / fast, 2),
        "rtf_default_engine": round(fast / (len(samples) / 16_000), 4),
        "wer": {n: round(wer(clip.text, t), 4) for n, t in texts.items()},
        "wer_between_engines": round(wer(texts["openai-whisper"], texts["faster-whisper"]), 4),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
