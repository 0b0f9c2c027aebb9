"""Which route found each red flag on the tune half: professional answers flagged (and, with --rude,
rude answers found), each severe flag with its route and what the readers said of its clause.

    python benchmarks/flag_routes.py [--only precision3,fresh11] [--rude]

Routes: `exemplar` (the clause's nearest exemplar, `flag_meaning.red_flags`), `tone` (the tone model
on the answer as a whole, `flag_meaning._tone`), `grammar` (refusals, conditions, brush-offs, lies
admitted, refusals by reference) and `lexical` (words, `flags.find_red_flags`). For a flag by meaning:
its similarity to the exemplar, its lead over the nearest professional sentence, and the tone model's
log-odds of the clause and of the answer. Tune half only (held-out files are never read here). Made
for the third precision pass (v6-precision3), which used it to see why professional clauses reach
the exemplar route: a second reader from the tone model lost more rude answers than it cleared
professional ones (README "Third precision pass").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

import judgment_set as js  # noqa: E402

from simulator.scoring import flag_meaning, tone  # noqa: E402
from simulator.scoring.clauses import mostly_theirs  # noqa: E402
from simulator.scoring.flags import RED_FLAG_SEVERITY  # noqa: E402
from simulator.scoring.inputs import Inputs  # noqa: E402
from simulator.types import Severity, Transcript  # noqa: E402


def routes(case) -> list[str]:
    """One line per severe red flag of the case's answer: its route, family, quote and readings."""
    x = Inputs(case.question, Transcript.typed(case.text), None, case.turn)
    theirs = x.doc.others_words | x.echoed_words
    by_meaning = {(m.clause.start, m.clause.end): m for m in flag_meaning.red_flags(x.clauses, x.clause_vectors, theirs)}
    meant = {(m.clause.start, m.clause.end): m for m in x.flags_meant}
    own = [i for i, c in enumerate(x.clauses) if c.sentence and not mostly_theirs(c, theirs)]
    answer = tone.answer_logit(x.clause_vectors, own)
    rows = {(c.start, c.end): k for k, c in enumerate(x.clauses)}
    out = []
    for f in x.red_flags:
        if RED_FLAG_SEVERITY[f.family] is not Severity.SEVERE:
            continue
        quote = " ".join(w.raw for w in x.doc.words[f.start:f.end])
        m = by_meaning.get((f.start, f.end))
        if m is None:
            out.append(f"{'grammar' if (f.start, f.end) in meant else 'lexical':8s} {f.family.value:10s} {quote[:90]}")
            continue
        clause = float(tone.logits(x.clause_vectors[rows[(f.start, f.end)]][None])[0])
        route = "tone" if m.by_tone else "exemplar"
        if m.confirmed:  # what confirmed the clause near an exemplar ("sure", "consensus", "tone word", ...)
            route += " [" + "+".join(m.confirmed) + "]"
        out.append(f"{route:8s} {f.family.value:10s} {quote[:90]}  (sim {m.similarity:.2f}, "
                   f"lead {m.lead:.2f}, tone clause {clause:.2f}, answer {answer:.2f}; exemplar: {m.exemplar[:60]})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated fresh file prefixes (default: every tune fresh file)")
    ap.add_argument("--rude", action="store_true", help="also the rude answers found")
    args = ap.parse_args(argv)
    only = {p for p in args.only.split(",") if p}
    for f in js.load_fresh():
        if f.flag is None or (only and f.case.id.split("/")[0] not in only) or (f.flag and not args.rude):
            continue
        lines = routes(f.case)
        if lines:
            print(f"{'RUDE ' if f.flag else 'PROF '} {f.case.id}: {f.case.text[:100]}")
            print("\n".join(f"    {line}" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
