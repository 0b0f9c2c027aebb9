"""What the red-flag model (simulator/meaning/flag_encoder.py) adds, on the held-out fresh files only.

Prints aggregates, never a case: how well the stored tone model (a logistic regression on frozen sentence
vectors, `tone.py`) and the red-flag model (the encoder fine-tuned) each order the held-out answers that must
be flagged above those that must not (AUC of the answer's log-odds, as `flag_model.answer_logit` and
`tone.answer_logit` read it), and the rude answers found and professional answers flagged with the model's
route on and off (`th.FLAG_MODEL_BAR`). Neither model was fitted on a held-out case.

    python -m benchmarks.flag_model [--json] [--only heldout-fresh22]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    pos, neg = scores[labels == 1], scores[labels == 0]
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", metavar="PREFIX", help="one held-out fresh file (its prefix, e.g. heldout-fresh22)")
    args = parser.parse_args(argv)

    import judgment_set as js

    from simulator.assess import score_answer
    from simulator.scoring import flag_model, tone
    from simulator.scoring import thresholds as th
    from simulator.scoring.inputs import Inputs
    from simulator.types import EvidenceKind, Severity, Transcript

    held = {c.question.id: c.question for c in js.load().cases if c.split == "heldout"}
    files = {p: path for p, path in js.HELDOUT_FRESH_FILES.items() if args.only in (None, p)}
    if not files:
        parser.error(f"--only: no held-out fresh file {args.only!r} (one of: {', '.join(js.HELDOUT_FRESH_FILES)})")
    cases = [f for prefix, path in files.items()
             for f in js._fresh(path, prefix, held, "held-out", "heldout", js.load_tiers()) if f.flag is not None]

    def flagged(f) -> bool:
        s = score_answer(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn)
        m = s.metric("professionalism")
        return any(e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE for e in (m.evidence if m else ()))

    labels, linear, fine, on = [], [], [], []
    for f in cases:
        x = Inputs(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn)
        own = tone.tone_rows(x.clauses, x.doc.others_words)
        labels.append(1 if f.flag else 0)
        linear.append(tone.answer_logit(x.clause_vectors, own) if own else -99.0)
        fine.append(flag_model.answer_logit(x.clauses, x.doc.others_words) if own else -99.0)
        on.append(flagged(f))
    bar, bar_call = th.FLAG_MODEL_BAR, th.FLAG_MODEL_BAR_CALL
    th.FLAG_MODEL_BAR = th.FLAG_MODEL_BAR_CALL = float("inf")  # the model's route off: the rules alone
    try:
        off = [flagged(f) for f in cases]
    finally:
        th.FLAG_MODEL_BAR, th.FLAG_MODEL_BAR_CALL = bar, bar_call
    y = np.array(labels)
    out = {"answers": len(y), "must_flag": int(y.sum()), "must_not": int((1 - y).sum()),
           "auc_tone_model": round(auc(np.array(linear), y), 3), "auc_red_flag_model": round(auc(np.array(fine), y), 3)}
    for name, found in (("rules_alone", off), ("with_model", on)):
        found = np.array(found)
        out[name] = {"rude_found": int((found & (y == 1)).sum()), "professional_flagged": int((found & (y == 0)).sum())}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"held-out fresh answers: {out['answers']} ({out['must_flag']} must be flagged, {out['must_not']} must not)")
        print(f"AUC of the answer's log-odds: tone model {out['auc_tone_model']}, red-flag model {out['auc_red_flag_model']}")
        for name in ("rules_alone", "with_model"):
            r = out[name]
            print(f"{name.replace('_', ' ')}: rude found {r['rude_found']} of {out['must_flag']}, "
                  f"professional flagged {r['professional_flagged']} of {out['must_not']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
