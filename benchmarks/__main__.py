"""`make bench`: the product's performance on this machine, in one run.

Sections, each in its own child process so that one's memory and threads never weigh on
another's figures:

1. engines  - both engines on the same 60 s answer (default model): speed ratio, real-time
              factor, WER;
2. models   - per installed model, real speech (benchmarks/realspeech.py): WER on the real
              clips and on their telephone-band copies, real-time factor, invented words;
3. latency  - per installed model, end of speech to scored answer through the microphone path,
              in real time (PulseAudio null sink), for 15, 30, 60 and 120 s answers;
4. session  - per installed model, the real CLI on the microphone: time to the interviewer's
              first words, and a whole session's peak memory;
   conversation - the real CLI with the default model: first question heard, end of answer,
              feedback start and length (benchmarks/conversation.py);
5. the scoring benchmark (eval_scoring.py), filler recall on two synthetic voices
   (filler_recall.py), the judgment's speed and memory with the meaning model
   (scoring_speed.py), its figures on the judgment set (eval_judgment.py) and where a
   session's memory goes (memory.py), as they print themselves.

Prints a table, then one JSON object as the very last line: the default model's figures at
the top level, every model's under "models".

    python -m benchmarks [--quick] [--skip-others] [--models base,tiny.en]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from . import pulse

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {  # PRODUCT.md, "Performance targets", and issue 11
    "latency_ms_p50_60s": ("<=", 300),
    "latency_ms_p50_120s": ("<=", 300),
    "speedup_vs_openai_whisper": (">=", 3.0),
    "first_question_s": ("<=", 1.0),
    "peak_rss_mb": ("<=", 400),
    "wer_real_original": ("<=", 0.03),
    "wer_real_telephone": ("<=", 0.06),
    "first_question_heard_s": ("<=", 8.0),
    "end_of_answer_s": ("<=", 2.0),
    "feedback_start_s": ("<=", 1.5),
    "spoken_feedback_s": ("<=", 45.0),
}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"cpus": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem_kb / 1024 ** 2, 1),
            "python": platform.python_version()}


def child(module: str, args: list[str], env: dict | None = None) -> dict:
    """Run `python -m benchmarks.<module>`; its progress goes to our stderr, its JSON back."""
    started = time.monotonic()
    print(f"\n== {module} ==", file=sys.stderr, flush=True)
    out = subprocess.run([sys.executable, "-m", f"benchmarks.{module}", *args], cwd=ROOT,
                         env=env, stdout=subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise SystemExit(f"benchmarks.{module} failed (exit {out.returncode})")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"   ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
    return result


def others() -> None:
    """The scoring, filler and judgment benchmarks, printed as they print themselves."""
    for command in ([str(ROOT / "benchmarks" / "eval_scoring.py")], ["-m", "benchmarks.filler_recall"],
                    [str(ROOT / "benchmarks" / "scoring_speed.py")],
                    ["-m", "benchmarks.memory"],
                    [str(ROOT / "benchmarks" / "eval_judgment.py"), "--split", "both"]):
        print(f"\n== {command[-1]} ==", flush=True)
        subprocess.run([sys.executable, *command], cwd=ROOT, check=False)


def verdict(key: str, value: float | None) -> str:
    if value is None or key not in TARGETS:
        return ""
    op, target = TARGETS[key]
    met = value <= target if op == "<=" else value >= target
    return f"target {op} {target}: {'met' if met else 'NOT met'}"


def main(argv: list[str] | None = None) -> int:
    from simulator.transcribe.models import DEFAULT_MODEL, KNOWN, is_installed

    p = argparse.ArgumentParser(prog="python -m benchmarks")
    p.add_argument("--quick", action="store_true", help="fewer runs (a rough look, minutes not tens)")
    p.add_argument("--skip-others", action="store_true",
                   help="leave out the scoring and filler benchmarks")
    p.add_argument("--models", default=",".join(m for m in KNOWN if is_installed(m)))
    args = p.parse_args(argv)
    names = args.models.split(",")
    host = machine()
    load_before = os.getloadavg()
    engines = child("engines", ["--runs", "1" if args.quick else "3"])
    real = {m: child("models", ["--models", m])[m] for m in names}
    latency, session = {}, {}
    with pulse.null_sink() as env:
        for m in names:
            latency[m] = child("with_model", [m, "latency"] + (
                ["--runs", "2", "--other-runs", "1"] if args.quick else []), env)
            session[m] = child("with_model", [m, "session", "--runs", "1" if args.quick else "3"], env)
        conversation = child("conversation", ["--runs", "1" if args.quick else "3"], env)
    load_after = os.getloadavg()
    if not args.skip_others:
        others()

    per_model = {m: {
        "latency_ms_p50_60s": latency[m]["by_length"]["60"]["p50_ms"],
        "latency_ms_p90_60s": latency[m]["by_length"]["60"]["p90_ms"],
        "latency_ms_p50_120s": latency[m]["by_length"]["120"]["p50_ms"],
        "peak_rss_mb": session[m]["peak_rss_mb"],
        "first_question_s": session[m]["first_audio_median_s"],
        "wer_real_original": real[m]["by_band"]["original"]["wer_all"],
        "wer_real_telephone": real[m]["by_band"]["telephone"]["wer_all"],
        "rtf_real_speech": real[m]["by_band"]["original"]["real_time_factor"],
        "wer_live_answers": round(latency[m]["wer"], 4),
    } for m in names}
    default = DEFAULT_MODEL if DEFAULT_MODEL in per_model else names[0]
    figures = {"model": default, **per_model[default],
               "speedup_vs_openai_whisper": engines["speedup"],
               "rtf_default_engine": engines["rtf_default_engine"],
               **{k: conversation[k] for k in ("first_question_heard_s", "end_of_answer_s",
                                               "feedback_start_s", "spoken_feedback_s")},
               "models": per_model}

    print(f"\nMachine: {host['cpus']} CPUs, {host['cpu']}, {host['ram_gb']} GB RAM, "
          f"Python {host['python']}; load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after")
    print("\nReal speech (benchmarks/realspeech.py), word error rate by kind:")
    for m in names:
        for band, r in real[m]["by_band"].items():
            kinds = ", ".join(f"{k} {v:.1%}" for k, v in r["wer"].items())
            print(f"  {m:<8} {band:<10} all {r['wer_all']:.1%} ({kinds}); RTF "
                  f"{r['real_time_factor']:.3f}; invented fillers {r['invented_fillers']}, "
                  f"words on non-speech {r['nonspeech_words']}, loops {r['loops']}")
    print("\nEnd of speech (the microphone's end-of-answer decision) to scored answer, real time:")
    for m in names:
        print(f"  model {m}:")
        print(f"  {'answer':>8} {'runs':>5} {'p50 ms':>8} {'p90 ms':>8} {'transcript ms':>14} "
              f"{'scoring ms':>11} {'segments':>9} {'tail s':>7} {'WER':>6}")
        for seconds, row in latency[m]["by_length"].items():
            print(f"  {row['audio_s']:>6.1f} s {row['runs']:>5} {row['p50_ms']:>8} {row['p90_ms']:>8} "
                  f"{row['transcript_ready_p50_ms']:>14} {row['scoring_p50_ms']:>11} "
                  f"{row['segments']:>9} {row['tail_s_max']:>7} {row['wer']:>6.1%}")
    print("  (transcript ms: decision -> full transcript, incl. closing the input stream; "
          "scoring ms: writing the WAV + score_answer)")
    e = engines
    print(f"\nEngines ({default}), whole {e['audio_s']} s answer, same process, after warm-up "
          f"(median of {len(e['seconds']['faster-whisper'])}):")
    print(f"  faster-whisper {e['median_s']['faster-whisper']:.2f} s (RTF {e['rtf_default_engine']:.3f}), "
          f"openai-whisper {e['median_s']['openai-whisper']:.2f} s: {e['speedup']:.2f}x; "
          f"WER {e['wer']['faster-whisper']:.1%} / {e['wer']['openai-whisper']:.1%}; "
          f"between engines {e['wer_between_engines']:.1%}")
    for m in names:
        s = session[m]
        print(f"\nSession, model {m} (practice --input mic, voice on): first words after "
              f"{s['first_audio_median_s']:.2f} s (runs: {s['first_audio_s']}); "
              f"'Question 1' after {s['first_question_s']} s (after the opening line); "
              f"peak RSS {s['peak_rss_mb']:.0f} MB over {s['session_answers']} answers "
              f"({s['session_wall_s']:.0f} s)")
    print(f"\nConversation (benchmarks/conversation.py, medians of {len(conversation['runs'])} "
          f"sessions): first question heard {conversation['first_question_heard_s']} s, answer "
          f"closed {conversation['end_of_answer_s']} s after a clean stop (max "
          f"{conversation['end_of_answer_s_max']} s), feedback after {conversation['feedback_start_s']}"
          f" s, spoken for {conversation['spoken_feedback_s']} s; interviewer lines started over "
          f"the candidate: {conversation['talked_over']}")
    print("\nSummary:")
    for m in names:
        print(f"  model {m}{' (default)' if m == default else ''}:")
        for key, value in per_model[m].items():
            print(f"    {key:<28} {value!s:>10}  {verdict(key, value)}")
    for key in ("speedup_vs_openai_whisper", "rtf_default_engine", "first_question_heard_s",
                "end_of_answer_s", "feedback_start_s", "spoken_feedback_s"):
        print(f"  {key:<30} {figures[key]!s:>10}  {verdict(key, figures[key])}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
