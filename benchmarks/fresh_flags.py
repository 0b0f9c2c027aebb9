"""Red flags on the tune half's fresh files (tests/judgment/*_cases.yaml listed in FRESH_FILES): per
file, how many rude answers (flag: true) land at or below the ceiling and carry a severe red flag,
and how many professional answers (flag: false) are flagged or land under their tier's floor.

    python benchmarks/fresh_flags.py [--only fresh11,fresh9] [--ceiling 15] [--missed]

Tune half only (held-out files are never read here). `--missed` prints the rude answers not
flagged and the professional answers flagged, with their scores, for the files asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.types import EvidenceKind, Severity, Transcript  # noqa: E402


def flagged(score) -> bool:
    m = score.metric("professionalism")
    return any(e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE for e in (m.evidence if m else ()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated file prefixes (default: every tune fresh file)")
    ap.add_argument("--ceiling", type=float, default=15.0)
    ap.add_argument("--missed", action="store_true")
    args = ap.parse_args(argv)
    only = {p for p in args.only.split(",") if p}
    unknown = only - set(js.FRESH_FILES)
    if unknown:
        print(f"unknown file prefix: {', '.join(sorted(unknown))} (known: {', '.join(js.FRESH_FILES)})", file=sys.stderr)
        return 2
    rows: dict[str, list] = defaultdict(list)
    for f in js.load_fresh():
        prefix = f.case.id.split("/")[0]
        if f.flag is None or (only and prefix not in only):
            continue
        s = score_answer(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn)
        rows[prefix].append((f, s.overall, flagged(s)))
    print(f"{'file':<12} {'rude':>5} {'<=' + str(int(args.ceiling)):>6} {'found':>6} {'prof':>5} {'flagged':>8} {'>=floor':>8}")
    total = [0] * 6
    for prefix, cases in rows.items():
        rude = [c for c in cases if c[0].flag]
        prof = [c for c in cases if not c[0].flag]
        fig = (len(rude), sum(o <= args.ceiling for _, o, _ in rude), sum(fl for *_, fl in rude),
               len(prof), sum(fl for *_, fl in prof), sum(f.case.within_bounds(o) for f, o, _ in prof))
        total = [a + b for a, b in zip(total, fig)]
        print(f"{prefix:<12} {fig[0]:>5} {fig[1]:>6} {fig[2]:>6} {fig[3]:>5} {fig[4]:>8} {fig[5]:>8}")
        if args.missed:
            for f, o, fl in cases:
                if fl != f.flag:
                    print(f"    {'MISSED ' if f.flag else 'FLAGGED'} {o:5.1f} {f.case.id}: {f.case.text[:110]}")
    print(f"{'all':<12} {total[0]:>5} {total[1]:>6} {total[2]:>6} {total[3]:>5} {total[4]:>8} {total[5]:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
