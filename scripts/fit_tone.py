"""Fit the tone model (simulator/scoring/tone.py) on exemplars.yaml, tone_corpus.yaml and tone_answers.yaml
and write its weights to simulator/scoring/tone_weights.json. Run it whenever one of those files,
th.TONE_L2 or th.TONE_ANSWER_ROW changes; tests/test_tone.py says when the stored weights no longer match.

    python scripts/fit_tone.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.scoring import tone  # noqa: E402
from simulator.scoring.linear import write_weights  # noqa: E402


def main() -> int:
    w, b, fingerprint = tone.fit()
    about = ("logistic regression on all-MiniLM-L6-v2 vectors of exemplars.yaml's red flags (not refusals) "
             "and tone_corpus.yaml's red sentences against both files' fine sentences, and tone_answers.yaml's "
             "whole answers (the normalised mean of their sentences' vectors, weighted th.TONE_ANSWER_ROW); "
             "made by scripts/fit_tone.py")
    write_weights(tone.WEIGHTS, about, w, b, fingerprint)
    print(f"wrote {tone.WEIGHTS} ({len(w)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
