"""Negated answers beside their twins said the other way round, on the tune half's stance file:
how many negated answers are within bounds (bottom, at most 10) and at or below 15, in how many
pairs the twin scores above the negated answer, and how many professional answers built from
negations stay within bounds.

    python benchmarks/stance_pairs.py [--only stance,litotes,stance2] [--show]

A pair is a `negation` case and the case right after it (in litotes, right before it: the yes said
as a denied dislike first); in stance2 every two cases are a pair and the bottom-tier one is the
"negated" answer (a denial or contempt). Pairs and the other answers are numbered
from 1 in file order; `odd`/`even` are reported apart (stance's and litotes' odd pairs are held
out of the nineteenth pass's tuning, stance2's out of the twentieth's). `flag` columns count
answers knocked out as a red flag. Tune half only (held-out files are never read here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.types import EvidenceKind, Severity, Transcript  # noqa: E402

FILES = ("stance", "litotes", "stance2", "acts", "dislike", "sooner", "wish", "terms", "terms2")
IN_TWOS = ("stance2", "acts")  # every two cases a pair, whatever their families
BAD = ("negation", "rude")  # the bad answer of a pair elsewhere (terms: rude)


def split_pairs(cases, in_twos: bool = False) -> tuple[list, list]:
    """(negated, twin) pairs in file order, and every other case."""
    if in_twos:
        twos = [cases[k:k + 2] for k in range(0, len(cases) - 1, 2)]
        return [(a, b) if a.tier.name == "bottom" else (b, a) for a, b in twos], []
    pairs, others, k = [], [], 0
    while k < len(cases):
        if cases[k].family in BAD and k + 1 < len(cases):
            pairs.append((cases[k], cases[k + 1]))
            k += 2
            continue
        if k + 1 < len(cases) and cases[k + 1].family in BAD:  # litotes: the yes first
            pairs.append((cases[k + 1], cases[k]))
            k += 2
            continue
        others.append(cases[k])
        k += 1
    return pairs, others


def _score(case) -> tuple[float, bool]:
    """The overall score and whether a red flag knocked the answer out."""
    score = score_answer(case.question, Transcript.typed(case.text), turn=case.turn)
    prof = score.metric("professionalism")
    flagged = any(e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE
                  for e in (prof.evidence if prof else ()))
    return score.overall, flagged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(FILES))
    ap.add_argument("--show", action="store_true", help="print every pair and other answer with its scores")
    args = ap.parse_args(argv)
    by_file = js.fresh_by_file(p for p in args.only.split(",") if p)
    print(f"{'file':<8} {'half':<5} {'pairs':>5} {'neg<=max':>8} {'neg<=15':>7} {'neg flag':>8} "
          f"{'twin>neg':>8} {'twin ok':>7} {'twin flag':>9} {'others':>6} {'ok':>4}")
    for prefix, cases in by_file.items():
        pairs, others = split_pairs(cases, in_twos=prefix in IN_TWOS)
        rows = {"odd": [0] * 9, "even": [0] * 9}
        for n, (neg, twin) in enumerate(pairs, 1):
            (ns, nf), (ts, tf) = _score(neg), _score(twin)
            row = rows["odd" if n % 2 else "even"]
            row[0] += 1
            row[1] += neg.within_bounds(ns)
            row[2] += ns <= 15
            row[3] += nf
            row[4] += ts > ns
            row[5] += twin.within_bounds(ts)
            row[6] += tf
            if args.show:
                print(f"  P{n:<2} negated {ns:5.1f}{'F' if nf else ' '} twin {ts:5.1f}{'F' if tf else ' '} {neg.id}")
        for n, other in enumerate(others, 1):
            s, _ = _score(other)
            row = rows["odd" if n % 2 else "even"]
            row[7] += 1
            row[8] += other.within_bounds(s)
            if args.show:
                print(f"  O{n:<2} other   {s:5.1f}  {other.id}")
        for half, r in rows.items():
            print(f"{prefix:<8} {half:<5} {r[0]:>5} {r[1]:>8} {r[2]:>7} {r[3]:>8} {r[4]:>8} {r[5]:>7} "
                  f"{r[6]:>9} {r[7]:>6} {r[8]:>4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
