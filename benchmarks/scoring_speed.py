"""How long scoring takes after the end of speech, with the meaning model, and what it costs in memory.

The live session calls `assess.prepare(question, text so far)` with each committed stretch of the
transcript while the candidate speaks, so the answer's sentences are embedded before it ends; the
clock here starts when the last word is in and stops when the Score exists. Measured on 60 s
answers (about 150 words at 150 words a minute, with word times, as from the microphone):

- cold: a fresh process scores its first answer with nothing prepared (model load, the fixed
  sentences, the answer): what `mock-interview score` pays once;
- warm, not prepared: the model is loaded but the answer's sentences were not embedded ahead;
- warm, prepared (the live path): each sentence was handed to `prepare` as it was committed;
- memory: resident size before the model is loaded and after scoring (and the peak), in MB, over
  a process that has only imported ctranslate2 and tokenizers (the figure earlier passes reported),
  and counting them;
- memory in a session: a child process first transcribes the benchmark's 15 s spoken answer with
  the default engine and model, as a session has before its first answer is scored (the speech
  model in memory, CTranslate2's code and threads in use), then prepares and scores the answers:
  what the meaning layer adds to a session's resident size. Less than in a bare process: the
  models partly move into memory the transcription freed and glibc kept;
- start-up: importing `simulator.assess` loads neither ctranslate2 nor tokenizers.

    python benchmarks/scoring_speed.py [--answers 8] [--home DIR] [--json]

Target (issue 10): at most 50 ms after the end of speech for a 60 s answer, at most +60 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WPM = 150.0

# Sentences of strong and mixed answers, recombined into different 60 s answers so that no answer
# finds another's sentences in the cache.
SENTENCES = [
    "Last winter a customer called because her heating bill had doubled and she was worried she could not pay it.",
    "I listened, apologized for the stress, and looked into her account while she was on the line.",
    "I found that her meter had been read wrong for two months, so I filed a correction with billing.",
    "I set up a payment plan for the rest of the balance and called her back the next day to confirm it.",
    "She received a refund of one hundred and twenty dollars and later sent a note to my supervisor.",
    "At the pharmacy where I work now, I answer about forty calls a shift about prescriptions and insurance.",
    "What I like most is when someone calls worried and leaves the call relieved, because it was sorted.",
    "I stay calm when people are upset, because they are angry at the situation and not at me.",
    "I keep my notes as I go, so the next agent never has to ask the customer the same question twice.",
    "In my last job I trained two new hires on our booking system in their first week.",
    "When the queue is long I keep each call warm but focused, and I take a breath between calls.",
    "I would like to grow here, learn your systems well, and one day help coach new agents.",
    "A man called shouting about a double charge, so I let him finish before I said anything.",
    "Then I told him I was sorry and that I would fix it on this call, and I found the duplicate payment.",
    "I refunded it while he waited and gave him a reference number, and he ended the call thanking me.",
    "Every call is different, so the day goes quickly, and I like solving a problem for someone.",
    "I explain things in plain words, one step at a time, and check what they see on their screen.",
    "I am available for evenings and weekends, and with some notice I can cover holidays too.",
    "If I do not know an answer, I say so, put them on a short hold, and find out from the knowledge base.",
    "My quality scores went up after I started typing my notes while the customer was still talking.",
]


def answer_text(k: int, words: int = 150) -> str:
    """The k-th 60 s answer: sentences in a rotated order until about `words` words."""
    order = SENTENCES[k % len(SENTENCES):] + SENTENCES[:k % len(SENTENCES)]
    out: list[str] = []
    for s in order[::1 + k % 3]:
        out.append(s)
        if sum(len(x.split()) for x in out) >= words:
            break
    return " ".join(out)


def timed(text: str):
    from simulator.types import Transcript, Word

    step = 60.0 / WPM
    words = tuple(Word(" " + w, round(i * step + 0.3, 3), round(i * step + 0.3 + step * 0.8, 3), 0.95)
                  for i, w in enumerate(text.split()))
    return Transcript(text=text, words=words, duration=words[-1].end + 0.5, engine="bench")


def speak(q, text: str) -> None:
    """Hand the answer so far to `assess.prepare` sentence by sentence, as a live session does while
    the candidate speaks, each reading finished before the next sentence."""
    from simulator import assess
    from simulator.scoring.text import Doc
    from simulator.types import Transcript

    doc = Doc(Transcript.typed(text))
    so_far = []
    for s0, s1 in doc.sentences:
        so_far.append(" ".join(w.raw for w in doc.words[s0:s1]))
        assess.prepare(q, " ".join(so_far)).result()


def rss_mb() -> tuple[float, float]:
    """(resident size, peak resident size) of this process in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def question():
    from simulator.banks import bundled_banks

    return next(q for b in bundled_banks() for q in b.questions if q.id == "above-and-beyond")


def cold(home: Path) -> dict:
    """A fresh process: import, then score one answer with nothing prepared."""
    code = f"""
import json, sys, time
sys.path.insert(0, {str(ROOT)!r})
from simulator.cli import limit_malloc_arenas
limit_malloc_arenas()
t0 = time.perf_counter()
import simulator.assess as a
imported = time.perf_counter() - t0
heavy = [m for m in ("ctranslate2", "tokenizers") if m in sys.modules]
from benchmarks.scoring_speed import answer_text, question, timed
q, tr = question(), timed(answer_text(0))
t1 = time.perf_counter()
a.score_answer(q, tr, home={str(home)!r})
print(json.dumps({{"import_s": imported, "first_score_s": time.perf_counter() - t1, "heavy_at_import": heavy}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def warm(home: Path, n: int) -> dict:
    from simulator import assess

    q = question()
    bare = rss_mb()
    import ctranslate2  # noqa: F401  (in a session faster-whisper has loaded these already)
    import tokenizers  # noqa: F401

    before = rss_mb()
    assess.prepare(q, "", home=home).result()  # what the first committed stretch sets off
    from simulator.scoring import semantic

    for t in semantic._warming:
        t.join()
    not_prepared, prepared, prepared_cpu = [], [], []
    for k in range(1, n + 1):
        # Each sentence committed while "speaking", then the end of speech: the clock runs from there.
        text = answer_text(k)
        speak(q, text)
        t0, c0 = time.perf_counter(), time.thread_time()
        assess.score_answer(q, timed(text), home=home)
        prepared.append(time.perf_counter() - t0)
        prepared_cpu.append(time.thread_time() - c0)
    after = rss_mb()  # the live path's memory
    for k in range(1, n + 1):
        # Not prepared: the same kind of answer, its sentences never seen (one large batch).
        other = " ".join(reversed(answer_text(k).split(". ")))
        t0 = time.perf_counter()
        assess.score_answer(q, timed(other), home=home)
        not_prepared.append(time.perf_counter() - t0)
    return {
        "answers": n, "words": len(answer_text(1).split()),
        "not_prepared_ms": {"median": round(1000 * statistics.median(not_prepared), 1),
                            "max": round(1000 * max(not_prepared), 1)},
        "prepared_ms": {"median": round(1000 * statistics.median(prepared), 1), "max": round(1000 * max(prepared), 1),
                        "cpu_median": round(1000 * statistics.median(prepared_cpu), 1)},
        "load_average": round(__import__("os").getloadavg()[0], 2),
        "rss_mb": {"before": round(before[0], 1), "after": round(after[0], 1), "added": round(after[0] - before[0], 1),
                   "peak_added": round(after[1] - before[0], 1),
                   "added_with_imports": round(after[0] - bare[0], 1)},
    }


def in_session(home: Path, n: int) -> dict | None:
    """What scoring adds to a session that has transcribed speech (None without espeak-ng to speak)."""
    code = f"""
import json, sys
sys.path.insert(0, {str(ROOT)!r})
from simulator.cli import limit_malloc_arenas
limit_malloc_arenas()
from benchmarks.answers import answer
from benchmarks.scoring_speed import answer_text, question, rss_mb, speak, timed
from simulator import assess
from simulator.audio import load
from simulator.scoring import semantic
from simulator.transcribe import make_transcriber
make_transcriber(home={str(home)!r}).transcribe(load(answer(15).path))
q = question()
try:
    open("/proc/self/clear_refs", "w").write("5")  # the peak from here on, not the transcription's
except OSError:
    pass
before = rss_mb()
assess.prepare(q, "", home={str(home)!r}).result()
for t in semantic._warming:
    t.join()
for k in range(1, {n} + 1):
    speak(q, answer_text(k))
    assess.score_answer(q, timed(answer_text(k)), home={str(home)!r})
after = rss_mb()
print(json.dumps({{"before": round(before[0], 1), "after": round(after[0], 1),
                  "added": round(after[0] - before[0], 1), "peak_added": round(after[1] - before[0], 1)}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"(memory in a session not measured: {out.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    from simulator.cli import limit_malloc_arenas

    limit_malloc_arenas()  # as `mock-interview` runs
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=8)
    parser.add_argument("--home", type=Path, default=None, help="data folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or Path(tmp)
        from simulator.meaning import convert

        convert.ensure_model(home, progress=False)  # converted once; the figures are not about that
        result = {"cold": cold(home), "warm": warm(home, args.answers), "session": in_session(home, args.answers)}
    if not args.json:
        c, w = result["cold"], result["warm"]
        print(f"60 s answers ({w['words']} words), {w['answers']} of them")
        print(f"  cold, first answer in a fresh process: {1000 * c['first_score_s']:.0f} ms "
              f"(import {1000 * c['import_s']:.0f} ms; heavy modules at import: {c['heavy_at_import'] or 'none'})")
        print(f"  warm, not prepared: median {w['not_prepared_ms']['median']} ms, max {w['not_prepared_ms']['max']} ms")
        print(f"  warm, prepared while speaking (live): median {w['prepared_ms']['median']} ms, "
              f"max {w['prepared_ms']['max']} ms, CPU {w['prepared_ms']['cpu_median']} ms  (target <= 50 ms; "
              f"load average {w['load_average']} on {__import__('os').cpu_count()} cores)")
        print(f"  memory: +{w['rss_mb']['added']} MB resident, +{w['rss_mb']['peak_added']} MB at peak "
              f"over a bare process that has imported ctranslate2 and tokenizers (target <= 60 MB); "
              f"+{w['rss_mb']['added_with_imports']} MB counting their import too")
        if result["session"]:
            m = result["session"]
            print(f"  memory in a session: {m['before']} MB resident after the speech model transcribed 15 s, "
                  f"{m['after']} MB after scoring: +{m['added']} MB, +{m['peak_added']} MB at peak (target <= 60 MB; "
                  "the models partly reuse memory the transcription freed)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
