"""Pairwise accuracy of the scoring on the evaluation set (tests/eval/*.yaml).

For every question, the strong answer should score above each other kind of answer: weak,
long but generic, a fluent strong answer to a different question, rambling with fillers,
negative or blaming, hedging. Then the relevance metric on its own: strong answers should not
be told they drifted, answers to another question should. Prints tables, then the figures as
JSON on the last line.

    .venv/bin/python benchmarks/eval_scoring.py
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "eval")]

import evalset  # noqa: E402


def main() -> int:
    questions = evalset.load()
    pairs = evalset.pairs(questions)
    figures = evalset.report(pairs)
    figures["questions"] = len(questions)
    print(f"{len(questions)} questions, {len(pairs)} pairs (strong answer vs each other kind)\n")
    print(f"{'kind':<12}{'all':>8}{'tune':>8}{'holdout':>9}{'length-matched':>16}{'median margin':>15}")
    for kind in evalset.KINDS:
        sub = [p for p in pairs if p.kind == kind]
        matched = figures["length_matched"]["per_kind"].get(kind)
        margin = statistics.median(p.strong - p.other for p in sub)
        print(f"{kind:<12}{figures['per_kind'][kind]:>8.1%}{figures['tune']['per_kind'][kind]:>8.1%}"
              f"{figures['holdout']['per_kind'][kind]:>9.1%}"
              f"{(f'{matched:.1%}' if matched is not None else '-'):>16}{margin:>15.1f}")
    lm = figures["length_matched"]
    print(f"{'overall':<12}{figures['overall']:>8.1%}{figures['tune']['overall']:>8.1%}"
          f"{figures['holdout']['overall']:>9.1%}{lm['accuracy']:>16.1%}  ({lm['pairs']} length-matched pairs)")
    wrong = [p for p in pairs if not p.correct]
    for p in wrong:
        print(f"  wrong: {p.split} {p.question} {p.kind}: strong {p.strong} <= {p.other}")
    means = {k: round(statistics.mean(p.other for p in pairs if p.kind == k), 1) for k in evalset.KINDS}
    means["strong"] = round(statistics.mean({p.question: p.strong for p in pairs}.values()), 1)
    figures["mean_overall"] = means
    print("\nmean overall by kind: " + ", ".join(f"{k} {v}" for k, v in means.items()))
    from simulator.scoring import thresholds as th

    rs = evalset.relevance(questions)
    figures["relevance"] = {split: evalset.relevance_report([r for r in rs if split in ("all", r.split)],
                                                            th.TIP_BELOW, th.OFF_TOPIC_LIMIT)
                            for split in ("all", "tune", "holdout")}
    print("relevance metric: strong answers with no relevance tip (score >= "
          f"{th.TIP_BELOW:.0f}) / off-topic answers below {th.OFF_TOPIC_LIMIT:.0f} (role-play left out)")
    for split, r in figures["relevance"].items():
        print(f"  {split:<8} {r['strong_not_tipped']:.1%} / {r['off_topic_low']:.1%}   "
              f"(mean {r['mean_strong']} vs {r['mean_off_topic']})")
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
