"""The tone model (simulator/scoring/tone.py) on whole answers (simulator/scoring/tone_answers.yaml),
read as the scorer reads an answer: its own sentences (split as the scorer splits them), their
vectors' normalised mean, `tone.answer_logit`. How well a model orders the red answers above the
professional ones (area under the ROC curve), and how many of each reach the answer's bar.

    python benchmarks/tone_answers.py [--l2 0.3,1] [--weight 0,1,3] [--folds 5] [--show N]

First the stored model (tone_weights.json) on every answer. Then, for each L2 weight and each weight
of an answer row (a sentence row counts 1; 0 is the model without the answers), k-fold
cross-validation by answer: each answer scored by a model fitted on exemplars.yaml, the whole
sentence corpus (tone_corpus.yaml) and the answers of the other folds. Bars: th.TONE_ANSWER and the
lowest bars over which at most 1% and 2% of the professional answers lie. No judgment case is read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.tone_corpus import auc, bar_for, show_extremes  # noqa: E402
from simulator.scoring import thresholds as th  # noqa: E402
from simulator.scoring import tone  # noqa: E402


def kinds() -> np.ndarray:
    """Each answer's family (red) or kind (fine: good, plain, twins), in `tone.answers()`'s order."""
    raw = yaml.safe_load(tone.ANSWERS.read_text(encoding="utf-8"))
    return np.array([k for part in ("red", "fine") for k, xs in raw[part].items() for _ in xs])


def report(name: str, z: np.ndarray, bars: list[tuple[str, float]] | None = None) -> None:
    said = tone.answers()
    red = np.array([s.red for s in said])
    twin = np.array([s.twin for s in said])
    fine = ~red
    kind = kinds()
    print(f"\n== {name}")
    print(f"AUC red vs fine {auc(z[red], z[fine]):.3f}, red vs twins {auc(z[red], z[twin]):.3f} "
          f"({red.sum()} red, {fine.sum()} fine of which {twin.sum()} twins)")
    bars = (bars or [("TONE_ANSWER", th.TONE_ANSWER)]) + [
        ("1% of fine over", bar_for(z[fine], 0.01)), ("2% of fine over", bar_for(z[fine], 0.02))]
    for label, bar in bars:
        over = z >= bar
        per = {k: f"{(over & (kind == k)).sum()}/{(kind == k).sum()}" for k in dict.fromkeys(kind)}
        print(f"  at {bar:6.2f} ({label}): red {int((over & red).sum())}/{int(red.sum())}, "
              f"fine {int((over & fine).sum())}/{int(fine.sum())}, twins {int((over & twin).sum())}/{int(twin.sum())}; "
              + ", ".join(f"{k} {v}" for k, v in per.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", default=str(th.TONE_L2), help="comma-separated L2 weights")
    ap.add_argument("--weight", default="0,1", help="comma-separated weights of an answer row in training")
    ap.add_argument("--bar", default="", help="comma-separated answer bars to report besides th.TONE_ANSWER")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="print the N highest-scored fine and lowest-scored red answers (CV)")
    args = ap.parse_args(argv)
    bars = [("TONE_ANSWER", th.TONE_ANSWER)] + [("bar", float(b)) for b in args.bar.split(",") if b]

    said = tone.answers()
    A = tone.answer_vectors()
    ya = np.array([1.0 if s.red else 0.0 for s in said])
    w, b = tone.weights()
    report("stored weights, every answer (out of sample when the answers are not in training)",
           A @ w.astype(np.float64) + b, bars)

    # the rows the project fits on, but the answers: exemplars.yaml's, then the corpus's
    X, y = tone.sentence_rows()[:2]
    fold = np.random.default_rng(0).permutation(len(said)) % args.folds  # fixed: every setting, the same split
    for l2 in (float(x) for x in args.l2.split(",")):
        for weight in (float(x) for x in args.weight.split(",")):
            z = np.empty(len(said))
            for k in range(args.folds):
                train = fold != k
                Xt = np.vstack([X, A[train]])
                yt = np.concatenate([y, ya[train]])
                st = np.concatenate([np.ones(len(X)), np.full(int(train.sum()), weight)])
                wk, bk = tone.fit_on(Xt, yt, l2, st)
                z[~train] = A[~train] @ wk + bk
            report(f"{args.folds}-fold CV by answer, L2 {l2}, an answer row weighs {weight}", z, bars)
            if args.show:
                show_extremes(z, said, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
