"""Padded answers beside their plain twins, on the tune half's padding files (padding, padding2, restate):
per file, how many padded answers are within bounds (mediocre, at most 60), in how many pairs the
plain twin scores above its padded answer, and how many other strong answers (the echoes of the
question that then answer well; padding's plans in stock phrases) are capped as padding
(`Cap.PADDED`) or fall under their floor.

    python benchmarks/padding_pairs.py [--only padding2] [--show]

A pair is a `rambling` case and the `short_strong` case right after it. Pairs and echoes are
numbered from 1 in file order; `odd`/`even` are reported apart (padding2's odd ones were held out
of the u9-padding pass's tuning). Tune half only (held-out files are never read here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring.overall import Cap, caps, is_personal  # noqa: E402
from simulator.types import QuestionKind, Transcript  # noqa: E402

FILES = ("padding", "padding2", "restate")


def _score(case):
    s = score_answer(case.question, Transcript.typed(case.text), turn=case.turn)
    words = len(case.text.split())
    found = caps(s.metrics, words, is_personal(case.question), case.question.kind is QuestionKind.ROLEPLAY)
    return s.overall, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(FILES))
    ap.add_argument("--show", action="store_true", help="print every pair and echo with its scores")
    args = ap.parse_args(argv)
    by_file = js.fresh_by_file(p for p in args.only.split(",") if p)
    print(f"{'file':<10} {'half':<5} {'pairs':>5} {'padded<=max':>11} {'plain>padded':>12} {'echoes':>6} {'capped':>6} {'>=floor':>7}")
    for prefix, cases in by_file.items():
        pairs, echoes, k = [], [], 0
        while k < len(cases):
            c = cases[k]
            if c.family == "rambling" and k + 1 < len(cases) and cases[k + 1].family == "short_strong":
                pairs.append((c, cases[k + 1]))
                k += 2
                continue
            if c.tier.name in ("short_strong", "excellent"):
                echoes.append(c)
            k += 1
        rows = {"odd": [0] * 6, "even": [0] * 6}
        for n, (pad, plain) in enumerate(pairs, 1):
            (ps, pcaps), (qs, _) = _score(pad), _score(plain)
            row = rows["odd" if n % 2 else "even"]
            row[0] += 1
            row[1] += pad.within_bounds(ps)
            row[2] += qs > ps
            if args.show:
                print(f"  P{n:<2} padded {ps:5.1f} {'/'.join(c.name for c in pcaps) or '-':<22} plain {qs:5.1f}  {pad.id}")
        for n, echo in enumerate(echoes, 1):
            s, found = _score(echo)
            row = rows["odd" if n % 2 else "even"]
            row[3] += 1
            row[4] += Cap.PADDED in found
            row[5] += echo.within_bounds(s)
            if args.show:
                print(f"  E{n:<2} echo   {s:5.1f} {'/'.join(c.name for c in found) or '-':<22} {echo.id}")
        for half, r in rows.items():
            print(f"{prefix:<10} {half:<5} {r[0]:>5} {r[1]:>11} {r[2]:>12} {r[3]:>6} {r[4]:>6} {r[5]:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
