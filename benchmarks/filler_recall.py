"""Are fillers heard? espeak-ng speech with planted fillers, transcribed by the real engine.

For each answer we synthesize a clean version, a filler-heavy version (planted "um", "uh"
and word fillers "like", "you know") and a fast version (espeak -s 220), transcribe them with
faster-whisper, count fillers on the raw words, and report:
- filler recall: fillers found / fillers planted, for sounds (um, uh) and for words;
- false fillers: fillers found in the clean versions, per 100 words;
- how pace, fillers a minute and the delivery scores move between the versions;
- the same recall with other initial prompts, to choose the engine's prompt.
Prints a table, then the figures as JSON on the last line.

    .venv/bin/python benchmarks/filler_recall.py [--quick]
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.audio import load  # noqa: E402
from simulator.assess import score_answer  # noqa: E402
from simulator.scoring.delivery import find_fillers  # noqa: E402
from simulator.scoring.text import Doc  # noqa: E402
from simulator.transcribe import DecodeOptions, make_transcriber  # noqa: E402
from simulator.types import Question, Recording  # noqa: E402

# "{s}" marks a sound filler (spoken as "um," or "uh," in turn: what espeak-ng pronounces
# best, see SPELLINGS below), "{w}" a word filler ("like," / "you know,").
ANSWERS = (
    "{s} I worked at a bakery for two years and {s} I handled customer complaints every day. "
    "{w} One time a customer was upset about a late order, and {s} I apologized and offered a refund.",
    "{s} I want to work in a call center because I enjoy helping people. {s} At the pharmacy I "
    "answered about forty calls a shift, and {w} the best part was solving problems. {s} I stay calm.",
    "When a caller is angry, {s} I let them finish first. Then {s} I apologize and {w} tell them "
    "what I can do. {s} After the call I write clear notes so nobody has to ask again.",
    "{s} My greatest strength is patience. {w} At the library an elderly man called every week, "
    "and {s} I walked him through the app slowly. {s} After three calls he could do it himself.",
    "{s} If I did not know the answer, {s} I would be honest and put the caller on a short hold. "
    "{w} Then I would ask my team lead, and {s} I would call back if it took longer.",
    "{s} Last December we had queues out the door for two weeks. {s} I kept a list of the five "
    "most common questions, {w} and I finished the season with no complaints.",
)
SPELLINGS = ("um,", "uh,")  # what espeak-ng says so that Whisper hears a filler (see --spellings)
WORD_FILLERS = ("like,", "you know,")
CANDIDATE_SPELLINGS = ("um,", "uh,", "umm,", "uhh,", "er,", "erm,", "hmm,", "ah,")
PROMPTS = {
    "engine default": DecodeOptions().initial_prompt,
    "none": None,
    "longer filler prompt": "Um, so, uh, I was like, you know, um, working there. Uh, yeah.",
}
QUESTION = Question(id="bench", text="Tell me about your customer service experience.", kind="general")


def plant(template: str, fillers: bool) -> tuple[str, int, int]:
    """The answer text with or without fillers, and how many sound and word fillers it has."""
    sounds = words = 0
    out = template
    while "{s}" in out or "{w}" in out:
        if "{s}" in out and (out.index("{s}") < out.index("{w}") if "{w}" in out else True):
            out = out.replace("{s}", SPELLINGS[sounds % len(SPELLINGS)] if fillers else "", 1)
            sounds += 1
        else:
            out = out.replace("{w}", WORD_FILLERS[words % len(WORD_FILLERS)] if fillers else "", 1)
            words += 1
    out = re.sub(r"\s+", " ", out).strip()
    out = re.sub(r"(^|[.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
    return out, (sounds if fillers else 0), (words if fillers else 0)


def speak(text: str, path: Path, speed: int = 160) -> Path:
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(speed), "-w", str(path), text],
                   check=True, capture_output=True)
    return path


def count(transcript) -> tuple[int, int]:
    """Sound fillers (um, uh, er...) and word fillers (like, you know...) on the raw words."""
    found = find_fillers(Doc(transcript))
    sounds = sum(1 for *_, label in found if label in ("um", "umm", "uh", "uhh", "er", "erm", "ah", "hmm", "uhm"))
    return sounds, len(found) - sounds


def delivery_score(score) -> float:
    parts = [m.score for m in score.metrics if m.name in ("pace", "fillers", "hedging", "repetition", "pauses")
             and m.score is not None]
    return statistics.mean(parts) if parts else 0.0


def run(engine, folder: Path, answers) -> dict:
    rows = []
    for n, template in enumerate(answers):
        versions = {"clean": plant(template, False) + (160,), "fillers": plant(template, True) + (160,),
                    "fast": plant(template, False) + (220,)}
        for version, (text, sounds, words, speed) in versions.items():
            samples = load(speak(text, folder / f"{n}-{version}.wav", speed))
            transcript = engine.transcribe(samples)
            found_sounds, found_words = count(transcript)
            score = score_answer(QUESTION, transcript, Recording(samples=samples))
            pace = score.metric("pace").value
            fillers = score.metric("fillers").value
            rows.append({"answer": n, "version": version, "planted_sounds": sounds, "planted_words": words,
                         "found_sounds": found_sounds, "found_words": found_words,
                         "words": Doc(transcript).n_words, "wpm": pace, "fillers_per_minute": fillers,
                         "delivery": round(delivery_score(score), 1), "overall": score.overall,
                         "text": transcript.text})
    return summarise(rows)


def summarise(rows: list[dict]) -> dict:
    filled = [r for r in rows if r["version"] == "fillers"]
    clean = [r for r in rows if r["version"] == "clean"]
    planted_s = sum(r["planted_sounds"] for r in filled)
    planted_w = sum(r["planted_words"] for r in filled)
    got_s = sum(min(r["found_sounds"], r["planted_sounds"]) for r in filled)
    got_w = sum(min(r["found_words"], r["planted_words"]) for r in filled)
    false = sum(r["found_sounds"] + r["found_words"] for r in clean)
    clean_words = sum(r["words"] for r in clean)
    by_version = {}
    for version in ("clean", "fillers", "fast"):
        sub = [r for r in rows if r["version"] == version]
        by_version[version] = {k: round(statistics.mean(r[k] for r in sub if r[k] is not None), 1)
                               for k in ("wpm", "fillers_per_minute", "delivery", "overall")}
    return {
        "sound_filler_recall": round(got_s / planted_s, 3) if planted_s else None,
        "word_filler_recall": round(got_w / planted_w, 3) if planted_w else None,
        "filler_recall": round((got_s + got_w) / (planted_s + planted_w), 3),
        "planted": planted_s + planted_w,
        "false_fillers_per_100_words": round(100 * false / clean_words, 2) if clean_words else None,
        "by_version": by_version,
        "rows": rows,
    }


def spelling_check(engine, folder: Path) -> dict[str, float]:
    """Recall of each candidate spelling alone: which does espeak-ng say so Whisper hears it?"""
    global SPELLINGS
    saved, out = SPELLINGS, {}
    for spelling in CANDIDATE_SPELLINGS:
        SPELLINGS = (spelling,)
        planted = got = 0
        for n, template in enumerate(ANSWERS[:3]):
            text, sounds, _ = plant(template.replace("{w}", ""), True)
            transcript = engine.transcribe(load(speak(text, folder / f"sp-{n}.wav")))
            planted += sounds
            got += min(count(transcript)[0], sounds)
        out[spelling] = round(got / planted, 3)
    SPELLINGS = saved
    return out


def main() -> int:
    if not shutil.which("espeak-ng"):
        print("espeak-ng is not installed (apt-get install espeak-ng)", file=sys.stderr)
        return 2
    quick = "--quick" in sys.argv
    answers = ANSWERS[:3] if quick else ANSWERS
    figures: dict = {"prompts": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, prompt in PROMPTS.items():
            if quick and name != "engine default":
                continue
            engine = make_transcriber(options=replace(DecodeOptions(), initial_prompt=prompt))
            engine.load()
            t0 = time.perf_counter()
            result = run(engine, folder, answers)
            result["seconds"] = round(time.perf_counter() - t0, 1)
            figures["prompts"][name] = result
            if name == "engine default":
                figures["spellings"] = {} if quick else spelling_check(engine, folder)
    main_result = figures["prompts"]["engine default"]
    print(f"Filler recall on espeak-ng speech, faster-whisper tiny.en ({len(answers)} answers, "
          f"{main_result['planted']} planted fillers)\n")
    print(f"{'initial prompt':<24}{'recall':>8}{'um/uh':>8}{'words':>8}{'false /100w':>13}")
    for name, r in figures["prompts"].items():
        print(f"{name:<24}{r['filler_recall']:>8.1%}{r['sound_filler_recall']:>8.1%}"
              f"{r['word_filler_recall']:>8.1%}{r['false_fillers_per_100_words']:>13.2f}")
    print(f"\n{'version (engine default)':<26}{'wpm':>8}{'fillers/min':>13}{'delivery':>10}{'overall':>9}")
    for version, v in main_result["by_version"].items():
        print(f"{version:<26}{v['wpm']:>8.1f}{v['fillers_per_minute']:>13.1f}{v['delivery']:>10.1f}{v['overall']:>9.1f}")
    if figures.get("spellings"):
        print("\nrecall by espeak spelling: " + ", ".join(f"{k!r} {v:.0%}" for k, v in figures["spellings"].items()))
    for r in main_result["rows"]:
        if r["version"] == "fillers" and r["found_sounds"] < r["planted_sounds"]:
            print(f"  missed sounds in answer {r['answer']}: {r['text']}")
    summary = {
        "filler_recall": main_result["filler_recall"],
        "sound_filler_recall": main_result["sound_filler_recall"],
        "word_filler_recall": main_result["word_filler_recall"],
        "false_fillers_per_100_words": main_result["false_fillers_per_100_words"],
        "by_version": main_result["by_version"],
        "prompts": {k: {kk: v[kk] for kk in ("filler_recall", "sound_filler_recall", "word_filler_recall",
                                             "false_fillers_per_100_words")}
                    for k, v in figures["prompts"].items()},
        "spellings": figures.get("spellings", {}),
    }
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
