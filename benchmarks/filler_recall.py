"""Are fillers heard, and never invented? Synthesized answers in two voices, per installed model.

For every model, voice (espeak-ng, flite) and band (original, telephone copy), six answers are
transcribed in three versions (clean, with planted fillers, fast) by the product's engine, and
it reports:
- filler recall: fillers found / fillers planted, for sounds (um, uh) and words (like, you know);
- invented fillers: fillers found in the clean versions, where none was said;
- word error rate of the clean and filler versions against what was said (fillers kept);
- loops: fast versions whose transcript repeats itself or has a stretch marked unclear.
Prints a table, then the figures as JSON on the last line.

    python -m benchmarks.filler_recall [--quick] [--models base,tiny.en]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from simulator.audio import load
from simulator.transcribe import guards, make_transcriber
from simulator.transcribe.models import KNOWN, is_installed

from . import voices
from .realspeech import telephone_copy
from .wer import word_errors


def telephone(path: Path) -> Path:
    """A telephone-band copy (8 kHz mu-law, 300-3400 Hz), back at 16 kHz."""
    return telephone_copy(path, path.with_suffix(".tel.wav"))


def evaluate(engine, voice: str, band: str, answers, folder: Path) -> dict:
    planted = [0, 0]
    found = [0, 0]
    invented = 0
    errors = {"clean": [0, 0], "fillers": [0, 0], "fast": [0, 0]}
    loops, missed = 0, []
    for n, template in enumerate(answers):
        for version in ("clean", "fillers", "fast"):
            spoken = voices.plant(template, fillers=version == "fillers")
            wav = voices.speak(spoken.text, voice, folder / f"{voice}-{n}-{version}.wav",
                               fast=version == "fast")
            if band == "telephone":
                wav = telephone(wav)
            t = engine.transcribe(load(wav))
            sounds, words = voices.count_fillers(t.text)
            e, w = word_errors(spoken.text, t.text)
            errors[version][0] += e
            errors[version][1] += w
            if version == "fillers":
                planted[0] += spoken.sounds
                planted[1] += spoken.words
                found[0] += min(sounds, spoken.sounds)
                found[1] += min(words, spoken.words)
                if sounds < spoken.sounds or words < spoken.words:
                    missed.append(t.text)
            else:
                invented += sounds + words
            if version == "fast" and (t.unclear or guards.find_loop(t.words)):
                loops += 1
    return {
        "filler_recall": round(sum(found) / max(1, sum(planted)), 3),
        "sound_filler_recall": round(found[0] / max(1, planted[0]), 3),
        "word_filler_recall": round(found[1] / max(1, planted[1]), 3),
        "planted": sum(planted),
        "invented_fillers": invented,
        "wer": {v: round(e / max(1, w), 4) for v, (e, w) in errors.items()},
        "fast_loops": loops,
        "missed": missed[:3],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.filler_recall")
    p.add_argument("--quick", action="store_true", help="three answers instead of six")
    p.add_argument("--models", default=",".join(m for m in KNOWN if is_installed(m)))
    args = p.parse_args(argv)
    if voices.missing_tools():
        print(f"not installed: {', '.join(voices.missing_tools())} (Debian: espeak-ng, flite)",
              file=sys.stderr)
        return 2
    answers = voices.ANSWERS[:3] if args.quick else voices.ANSWERS
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for model in args.models.split(","):
            engine = make_transcriber(model=model)
            engine.load()
            for voice in voices.VOICES:
                for band in ("original", "telephone"):
                    r = evaluate(engine, voice, band, answers, Path(tmp))
                    results.setdefault(model, {}).setdefault(voice, {})[band] = r
                    print(f"  {model} {voice} {band}: recall {r['filler_recall']:.1%}, "
                          f"invented {r['invented_fillers']}, loops {r['fast_loops']}",
                          file=sys.stderr, flush=True)
    print(f"\nFillers on synthesized answers ({len(answers)} answers per voice; "
          "recall = found / planted; invented = fillers written on the clean versions)\n")
    print(f"{'model':<8} {'voice':<10} {'band':<10} {'recall':>7} {'um/uh':>7} {'words':>7} "
          f"{'invented':>9} {'WER clean':>10} {'WER fillers':>12} {'WER fast':>9} {'loops':>6}")
    for model, by_voice in results.items():
        for voice, by_band in by_voice.items():
            for band, r in by_band.items():
                print(f"{model:<8} {voice:<10} {band:<10} {r['filler_recall']:>7.1%} "
                      f"{r['sound_filler_recall']:>7.1%} {r['word_filler_recall']:>7.1%} "
                      f"{r['invented_fillers']:>9} {r['wer']['clean']:>10.1%} "
                      f"{r['wer']['fillers']:>12.1%} {r['wer']['fast']:>9.1%} {r['fast_loops']:>6}")
    for model, by_voice in results.items():
        for voice, by_band in by_voice.items():
            for band, r in by_band.items():
                for text in r.pop("missed"):
                    print(f"  missed ({model}, {voice}, {band}): {text}")
    print(json.dumps(results, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
