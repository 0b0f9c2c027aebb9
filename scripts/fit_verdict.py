"""Fit the verdict model (simulator/scoring/verdict_model.py) on verdict_corpus.yaml and the verdict
exemplars of exemplars.yaml, and write its weights to simulator/scoring/verdict_weights.json. Run it
whenever either file or th.VERDICT_L2 changes; tests/test_verdict_model.py says when it is due.

    python scripts/fit_verdict.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.scoring import verdict_model  # noqa: E402
from simulator.scoring.linear import write_weights  # noqa: E402


def main() -> int:
    w, b, fingerprint = verdict_model.fit()
    about = ("logistic regression on all-MiniLM-L6-v2 vectors of verdict_corpus.yaml's and exemplars.yaml's "
             "likings (1) against their dislikes (0); made by scripts/fit_verdict.py")
    write_weights(verdict_model.WEIGHTS, about, w, b, fingerprint)
    print(f"wrote {verdict_model.WEIGHTS} ({len(w)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
