"""Negated answers beside their twins said the other way round, on the tune half's stance file:
how many negated answers are within bounds (bottom, at most 10) and at or below 15, in how many
pairs the twin scores above the negated answer, and how many professional answers built from
negations stay within bounds.

    python benchmarks/stance_pairs.py [--only stance,litotes] [--show]

A pair is a `negation` case and the case right after it (in litotes, right before it: the yes said
as a denied dislike first). Pairs and the other answers are numbered
from 1 in file order; `odd`/`even` are reported apart (stance's and litotes' odd pairs are held
out of the nineteenth pass's tuning). Tune half only (held-out files are never read here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.types import Transcript  # noqa: E402

FILES = ("stance", "litotes")


def split_pairs(cases) -> tuple[list, list]:
    """(negated, twin) pairs in file order, and every other case."""
    pairs, others, k = [], [], 0
    while k < len(cases):
        if cases[k].family == "negation" and k + 1 < len(cases):
            pairs.append((cases[k], cases[k + 1]))
            k += 2
            continue
        if k + 1 < len(cases) and cases[k + 1].family == "negation":  # litotes: the yes first
            pairs.append((cases[k + 1], cases[k]))
            k += 2
            continue
        others.append(cases[k])
        k += 1
    return pairs, others


def _score(case) -> float:
    return score_answer(case.question, Transcript.typed(case.text), turn=case.turn).overall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(FILES))
    ap.add_argument("--show", action="store_true", help="print every pair and other answer with its scores")
    args = ap.parse_args(argv)
    by_file = js.fresh_by_file(p for p in args.only.split(",") if p)
    print(f"{'file':<8} {'half':<5} {'pairs':>5} {'neg<=max':>8} {'neg<=15':>7} {'twin>neg':>8} "
          f"{'twin ok':>7} {'others':>6} {'ok':>4}")
    for prefix, cases in by_file.items():
        pairs, others = split_pairs(cases)
        rows = {"odd": [0] * 7, "even": [0] * 7}
        for n, (neg, twin) in enumerate(pairs, 1):
            ns, ts = _score(neg), _score(twin)
            row = rows["odd" if n % 2 else "even"]
            row[0] += 1
            row[1] += neg.within_bounds(ns)
            row[2] += ns <= 15
            row[3] += ts > ns
            row[4] += twin.within_bounds(ts)
            if args.show:
                print(f"  P{n:<2} negated {ns:5.1f}  twin {ts:5.1f}  {neg.id}")
        for n, other in enumerate(others, 1):
            s = _score(other)
            row = rows["odd" if n % 2 else "even"]
            row[5] += 1
            row[6] += other.within_bounds(s)
            if args.show:
                print(f"  O{n:<2} other   {s:5.1f}  {other.id}")
        for half, r in rows.items():
            print(f"{prefix:<8} {half:<5} {r[0]:>5} {r[1]:>8} {r[2]:>7} {r[3]:>8} {r[4]:>7} {r[5]:>6} {r[6]:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
