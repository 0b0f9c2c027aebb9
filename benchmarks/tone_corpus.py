"""The tone model (simulator/scoring/tone.py) on its corpus (simulator/scoring/tone_corpus.yaml):
how well a model orders the corpus's red-flag sentences above its professional ones (area under the
ROC curve) and how many of each a sentence bar lets through.

    python benchmarks/tone_corpus.py [--weights stored|exemplars-only] [--l2 0.3,1,3] [--folds 5]

First the given model on every corpus sentence: `stored` (tone_weights.json as it is) or
`exemplars-only` (fitted here, in memory, on exemplars.yaml alone with th.TONE_L2: the model before
the corpus, for which the whole corpus is out of sample). Then, for each L2 weight, k-fold
cross-validation of the model the project fits (exemplars.yaml + the corpus + tone_answers.yaml's
whole answers): each corpus sentence scored by a model fitted on the exemplars, the answers and the
other folds (benchmarks/tone_answers.py reads the answers the same way). Bars: th.TONE_ANSWER (the answer's
mean) and th.TONE_SENTENCE (one sentence alone), and the lowest bar over which at most 1% of the
professional sentences (and of the twins) lie. No judgment case is read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.scoring import thresholds as th  # noqa: E402
from simulator.scoring import tone  # noqa: E402


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """Area under the ROC curve: the chance a red sentence scores above a professional one (ties half)."""
    pos, neg = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size))


def bar_for(neg: np.ndarray, share: float) -> float:
    """The lowest bar over which at most `share` of `neg` lie (a bar is met at or above it)."""
    allowed = int(np.floor(share * len(neg)))
    return float(np.sort(neg)[::-1][allowed]) + 1e-6


def report(name: str, z: np.ndarray) -> None:
    said = tone.corpus()
    red = np.array([s.red for s in said])
    twin = np.array([s.twin for s in said])
    fine = ~red
    fam = np.array([s.family for s in said])
    families = [f for f in dict.fromkeys(fam) if f]
    print(f"\n== {name}")
    print(f"AUC red vs fine {auc(z[red], z[fine]):.3f}, red vs twins {auc(z[red], z[twin]):.3f} "
          f"({red.sum()} red, {fine.sum()} fine of which {twin.sum()} twins)")
    bars = [("TONE_ANSWER", th.TONE_ANSWER)]
    if hasattr(th, "TONE_SENTENCE"):
        bars.append(("TONE_SENTENCE", th.TONE_SENTENCE))
    bars += [("1% of fine over", bar_for(z[fine], 0.01)), ("1% of twins over", bar_for(z[twin], 0.01))]
    for label, bar in bars:
        over = z >= bar
        fams = {f: f"{(over & (fam == f)).sum()}/{(fam == f).sum()}" for f in families}
        print(f"  at {bar:6.2f} ({label}): red {int((over & red).sum())}/{int(red.sum())}, "
              f"fine {int((over & fine).sum())}/{int(fine.sum())}, twins {int((over & twin).sum())}/{int(twin.sum())}; "
              + ", ".join(f"{k} {v}" for k, v in fams.items()))


def show_extremes(z: np.ndarray, said, n: int) -> None:
    """The `n` professional texts the model reads as most red, and the `n` red ones it reads as least."""
    order = np.argsort(z)
    print("  highest fine:", *[f"{z[i]:+.2f} {said[i].text}" for i in order[::-1] if not said[i].red][:n], sep="\n    ")
    print("  lowest red:", *[f"{z[i]:+.2f} {said[i].text}" for i in order if said[i].red][:n], sep="\n    ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weights", choices=("stored", "exemplars-only"), default="stored")
    ap.add_argument("--l2", default=str(th.TONE_L2), help="comma-separated L2 weights for the cross-validation")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--show", type=int, default=0, help="print the N highest-scored fine and lowest-scored red sentences (CV)")
    args = ap.parse_args(argv)

    said = tone.corpus()
    C = tone.corpus_vectors().astype(np.float64)
    X, y, _ = tone.sentence_rows()
    n_ex = len(X) - len(said)  # the exemplar rows come first
    Xe, ye, yc = X[:n_ex], y[:n_ex], y[n_ex:]
    # the whole answers (tone_answers.yaml), always in training, as the project fits them
    rows = tone.training_rows()
    A, ya, wa = rows.vectors[len(X):], rows.labels[len(X):], rows.weights[len(X):]

    if args.weights == "stored":
        z = C @ tone.weights()[0].astype(np.float64) + tone.weights()[1]
    else:
        w, b = tone.fit_on(Xe, ye, th.TONE_L2)
        z = C @ w + b
    report(f"{args.weights} weights, every corpus sentence", z)

    # folds: a fixed shuffle, so every run (and every L2 weight) uses the same split
    fold = np.random.default_rng(0).permutation(len(said)) % args.folds
    for l2 in (float(x) for x in args.l2.split(",")):
        z = np.empty(len(said))
        for k in range(args.folds):
            train = fold != k
            w, b = tone.fit_on(np.vstack([Xe, C[train], A]), np.concatenate([ye, yc[train], ya]), l2,
                               np.concatenate([np.ones(len(Xe) + int(train.sum())), wa]))
            z[~train] = C[~train] @ w + b
        report(f"{args.folds}-fold CV, exemplars + corpus + answers, L2 {l2}", z)
        if args.show:
            show_extremes(z, said, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
