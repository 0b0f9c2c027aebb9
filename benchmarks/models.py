"""Each installed model on real speech: word error rate by kind and band, real-time factor,
fillers written where none was said, words written on non-speech. See realspeech.py.

Word error rate counts every word of a kind's clips together (so a long prompt weighs more
than a short command). Prints one JSON document.

    python -m benchmarks.models [--models base,tiny.en] [--engine faster-whisper]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time

from simulator.audio import load
from simulator.transcribe import guards, make_transcriber
from simulator.transcribe.models import KNOWN, is_installed

from . import realspeech
from .voices import count_fillers
from .wer import word_errors


def measure(model: str, engine_name: str) -> dict:
    engine = make_transcriber(engine_name, model=model)
    started = time.perf_counter()
    engine.load()
    load_s = time.perf_counter() - started
    out: dict = {"load_s": round(load_s, 2), "by_band": {}}
    for band in realspeech.BANDS:
        errors: dict[str, list[int]] = {}
        audio_s = compute_s = 0.0
        invented_fillers = nonspeech_words = loops = 0
        texts = {}
        for clip in realspeech.clips(band):
            samples = load(clip.path)
            started = time.perf_counter()
            t = engine.transcribe(samples)
            compute_s += time.perf_counter() - started
            audio_s += len(samples) / 16_000
            texts[clip.name] = t.text
            loops += bool(t.unclear or guards.find_loop(t.words))
            if clip.reference is None:
                continue
            if clip.reference == "":
                nonspeech_words += len(t.words)
                continue
            e, n = word_errors(clip.reference, t.text)
            kind = errors.setdefault(clip.source.kind, [0, 0])
            kind[0] += e
            kind[1] += n
            invented_fillers += count_fillers(t.text)[0]  # "like" is a real word in some prompts
        total = [sum(v[0] for v in errors.values()), sum(v[1] for v in errors.values())]
        out["by_band"][band] = {
            "wer": {k: round(e / n, 4) for k, (e, n) in errors.items()},
            "wer_all": round(total[0] / total[1], 4),
            "words": total[1],
            "real_time_factor": round(compute_s / audio_s, 3),
            "audio_s": round(audio_s, 1),
            "invented_fillers": invented_fillers,
            "nonspeech_words": nonspeech_words,
            "loops": loops,
            "texts": texts,
        }
        print(f"  {model} ({engine_name}) {band}: WER {total[0] / total[1]:.1%}, "
              f"RTF {compute_s / audio_s:.3f}", file=sys.stderr, flush=True)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.models")
    p.add_argument("--models", default=",".join(m for m in KNOWN if is_installed(m)))
    p.add_argument("--engine", default="faster-whisper")
    args = p.parse_args(argv)
    try:
        for band in realspeech.BANDS:
            realspeech.clips(band)
    except realspeech.Unavailable as exc:
        print(f"real speech: {exc}", file=sys.stderr)
        return 2
    # One model per process would keep memory apart; peak_rss_mb here is the larger of them.
    results = {model: measure(model, args.engine) for model in args.models.split(",")}
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
