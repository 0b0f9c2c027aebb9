"""Wrong pairs by tier pair, on the TUNE half and the tune fresh files only (never the held-out half).

Every two answers of different tiers to one question (and, for role-play, one customer line) should be
ordered by tier: excellent > short_strong > mediocre > weak > bottom. This prints, per tier pair, how
many of those pairs the product's scorer orders wrongly (the lower tier at or above the higher), and
the answers of the higher tier that lose most often.

    python benchmarks/tier_pairs.py                 # tune.yaml + every tune fresh file
    python benchmarks/tier_pairs.py --only depth    # the cases of one fresh file (its prefix), alone
    python benchmarks/tier_pairs.py --pair excellent>short_strong --losers 15
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment"), str(ROOT / "benchmarks")]

import eval_judgment as ej  # noqa: E402
import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.types import Transcript  # noqa: E402


def tune_cases(only: str | None = None) -> list[js.Case]:
    """The tune half's cases and the tune fresh files' (or one fresh file's, by its prefix)."""
    fresh = [f.case for f in js.load_fresh()]
    if only:
        return [c for c in fresh if c.id.split("/", 1)[0] == only]
    return [c for c in js.load().cases if c.split == "tune"] + fresh


def wrong_pairs(cases: list[js.Case], scores: dict[str, float]) -> tuple[Counter, Counter, dict[str, list]]:
    """(wrong, total) per "higher>lower" tier pair, and the wrong pairs themselves."""
    wrong, total, found = Counter(), Counter(), {}
    for a, b in ej._pairs(cases, lambda c: c.tier.rank):
        key = f"{a.tier.name}>{b.tier.name}"
        total[key] += 1
        if scores[a.id] <= scores[b.id]:
            wrong[key] += 1
            found.setdefault(key, []).append((a.id, scores[a.id], b.id, scores[b.id]))
    return wrong, total, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="one tune fresh file, by its id prefix (e.g. depth)")
    ap.add_argument("--pair", default="excellent>short_strong", help="the tier pair whose losers to list")
    ap.add_argument("--losers", type=int, default=10, help="how many losing answers to list")
    args = ap.parse_args(argv)
    cases = tune_cases(args.only)
    if not cases:
        print(f"no tune cases with the prefix {args.only!r}", file=sys.stderr)
        return 2
    scores = {c.id: score_answer(c.question, Transcript.typed(c.text), turn=c.turn).overall for c in cases}
    wrong, total, found = wrong_pairs(cases, scores)
    print(f"{len(cases)} tune cases; wrong pairs: {sum(wrong.values())} of {sum(total.values())}")
    for key in sorted(total, key=lambda k: (-wrong[k], k)):
        print(f"  {key:26s} {wrong[key]:5d} of {total[key]:5d}  ({100 * wrong[key] / total[key]:.1f}%)")
    losers = Counter(a for a, *_ in found.get(args.pair, []))
    if losers:
        print(f"{args.pair}: the answers that lose most often")
        for case_id, n in losers.most_common(args.losers):
            print(f"  {n:4d}  {case_id}  ({scores[case_id]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
