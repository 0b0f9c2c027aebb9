"""Any scorer against the judgment set (tests/judgment/): does it judge answers as a recruiter would?

Figures, per split (tune, heldout) and per family:
- real pairs: within a question, the answer its source calls strong above the one it calls weak
  (and strong or weak against mediocre): the share ordered right (a tie counts as wrong);
- tier order: within a question, every two answers of different tiers (excellent > short but
  strong > mediocre > weak > bottom): the share ordered right; a family's figure counts the
  pairs that involve one of its answers;
- at or below the ceiling: the share of rude, off-topic and non-English answers scored at or
  below --ceiling (default 15, on the 0-100 overall);
- within bounds: the share of answers whose overall falls in their tier's range (tiers.yaml, or
  the case's own min/max).
Then the issue's "Why" cases one by one (tune half).

Two scorers are built in: `today`, the product's scorer, and `baseline`, a plain fuzzy match of
the key points (rapidfuzz) plus length. The held-out half's figures are aggregates only: never
print its cases while tuning rules (tests/judgment/heldout.yaml says why).

    python benchmarks/eval_judgment.py [--split tune|heldout|both] [--scorer today|baseline|both]
                                       [--ceiling 15] [--json] [--cases]

`--split tune` (the default) scores only the tune half: that is the one to look at while working.
`--split heldout` or `both` adds the held-out half's aggregate figures, for milestones only.
`--cases` prints every tune case with its score (never held-out ones).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "judgment")]

import judgment_set  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.types import Question, Transcript  # noqa: E402

Scorer = Callable[[judgment_set.Case], float]
LOW_FAMILIES = ("rude", "off_topic", "non_english")  # expected near the bottom of the scale


def today(case: judgment_set.Case) -> float:
    """The product's scorer, as `mock-interview score --text` runs it."""
    return score_answer(case.question, Transcript.typed(case.text), turn=case.turn).overall


# --- the baseline: fuzzy key points plus length ----------------------------------------------

WORDS_PER_SECOND = 2.5  # 150 words a minute, spoken
DEFAULT_BAND = (30, 90)  # seconds, for a question without its own
ROLEPLAY_BAND = (5, 30)  # seconds, one reply in a call
FUZZY_MATCH = 80  # rapidfuzz partial_ratio at which a phrasing counts as said


def _points(question: Question, turn: int | None):
    if turn is not None and question.turns:
        return question.turns[turn - 1].key_points
    return question.key_points


def baseline(case: judgment_set.Case) -> float:
    """70% the share of key points fuzzily present, 30% how well the length fits the band."""
    from rapidfuzz import fuzz

    text = case.text.lower()
    points = _points(case.question, case.turn)
    if points:
        covered = sum(any(fuzz.partial_ratio(p.lower(), text) >= FUZZY_MATCH for p in kp.phrasings)
                      for kp in points)
        coverage = covered / len(points)
    else:
        coverage = 0.5  # nothing to look for: neither credit nor blame
    band = (ROLEPLAY_BAND if case.turn is not None
            else case.question.answer_seconds or DEFAULT_BAND)
    low, high = (s * WORDS_PER_SECOND for s in band)
    words = len(case.text.split())
    fit = 1.0 if low <= words <= high else (words / low if words < low else high / words)
    return round(100 * (0.7 * coverage + 0.3 * fit), 1)


SCORERS: dict[str, Scorer] = {"today": today, "baseline": baseline}


# --- the figures -----------------------------------------------------------------------------


def _share(good: int, total: int) -> float | None:
    return round(good / total, 3) if total else None


def _pairs(cases, key):
    """Every two answers to the same question whose `key` differs, higher first."""
    by_question = defaultdict(list)
    for c in cases:
        if key(c) is not None:
            by_question[(c.question.id, c.turn)].append(c)
    for group in by_question.values():
        for a, b in itertools.combinations(group, 2):
            if key(a) != key(b):
                yield (a, b) if key(a) > key(b) else (b, a)


def figures(cases, scores: dict[str, float], ceiling: float) -> dict:
    real_key = lambda c: judgment_set.SOURCE_LABELS[c.source_label] if c.family == "real" else None  # noqa: E731
    real = list(_pairs(cases, real_key))
    strong_weak = [(a, b) for a, b in real if a.source_label == "strong" and b.source_label == "weak"]
    tiers = list(_pairs(cases, lambda c: c.tier.rank))
    out: dict = {
        "answers": len(cases),
        "questions": len({c.question.id for c in cases}),
        "real_pairs": {"pairs": len(real), "right": _share(sum(scores[a.id] > scores[b.id] for a, b in real), len(real))},
        "real_strong_vs_weak": {"pairs": len(strong_weak),
                                "right": _share(sum(scores[a.id] > scores[b.id] for a, b in strong_weak), len(strong_weak))},
        "tier_order": {"pairs": len(tiers), "right": _share(sum(scores[a.id] > scores[b.id] for a, b in tiers), len(tiers))},
    }
    low = [c for c in cases if c.family in LOW_FAMILIES]
    out["low_at_or_below_ceiling"] = {"answers": len(low), "ceiling": ceiling,
                                      "share": _share(sum(scores[c.id] <= ceiling for c in low), len(low))}
    out["within_bounds"] = _share(sum(c.within_bounds(scores[c.id]) for c in cases), len(cases))
    families = {}
    for family in judgment_set.FAMILIES:
        members = [c for c in cases if c.family == family]
        if not members:
            continue
        involved = [(a, b) for a, b in tiers if family in (a.family, b.family)]
        families[family] = {
            "answers": len(members),
            "tier_order": _share(sum(scores[a.id] > scores[b.id] for a, b in involved), len(involved)),
            "pairs": len(involved),
            "within_bounds": _share(sum(c.within_bounds(scores[c.id]) for c in members), len(members)),
            "at_or_below_ceiling": _share(sum(scores[c.id] <= ceiling for c in members), len(members)),
            "mean": round(sum(scores[c.id] for c in members) / len(members), 1),
        }
    out["families"] = families
    return out


def why_cases(cases, scores: dict[str, float]) -> list[dict]:
    ids = {c.id: c for c in cases}
    rows = []
    for c in cases:
        if not c.why_case:
            continue
        checks = [c.within_bounds(scores[c.id])]
        checks += [scores[c.id] > scores[o] for o in c.above if o in ids]
        checks += [scores[o] > scores[c.id] for o in c.below if o in ids]
        rows.append({"id": c.id, "question": c.question.id, "tier": c.tier.name, "score": scores[c.id],
                     "low": c.low, "high": c.high, "ok": all(checks)})
    return rows


SPLITS = {"tune": ("tune",), "heldout": ("heldout",), "both": ("tune", "heldout", "all")}


def evaluate(scorer: Scorer, ceiling: float, split: str = "tune") -> dict:
    """Figures for the chosen split(s); only the cases of those splits are scored at all."""
    data = judgment_set.load()
    wanted = SPLITS[split]
    cases = [c for c in data.cases if c.split in wanted or "all" in wanted]
    started = time.perf_counter()
    scores = {c.id: float(scorer(c)) for c in cases}
    elapsed = time.perf_counter() - started
    result = {name: figures([c for c in cases if name in ("all", c.split)], scores, ceiling) for name in wanted}
    result["why"] = why_cases([c for c in cases if c.split == "tune"], scores)
    result["seconds"] = round(elapsed, 2)
    result["answers"] = len(cases)
    result["_tune_scores"] = {c.id: scores[c.id] for c in cases if c.split == "tune"}
    return result


# --- printing --------------------------------------------------------------------------------


def _pct(x) -> str:
    return "   -" if x is None else f"{x:>5.0%}"


def show(name: str, r: dict) -> None:
    splits = [s for s in ("tune", "heldout", "all") if s in r]
    first = r[splits[0]]
    print(f"\n== {name} ({r['seconds']} s for {r['answers']} answers) ==")
    print(f"{'':<34}" + "".join(f"{s:>9}" for s in splits))
    rows = [
        ("real: strong above weak", lambda s: s["real_strong_vs_weak"]["right"]),
        ("real: all source-label pairs", lambda s: s["real_pairs"]["right"]),
        ("tier order, all pairs", lambda s: s["tier_order"]["right"]),
        (f"rude/off-topic/non-English <= {first['low_at_or_below_ceiling']['ceiling']:g}",
         lambda s: s["low_at_or_below_ceiling"]["share"]),
        ("within the tier's bounds", lambda s: s["within_bounds"]),
    ]
    for label, get in rows:
        print(f"{label:<34}" + "".join(f"{_pct(get(r[s])):>9}" for s in splits))
    widest = r[splits[-1]]
    print(f"\n{'family':<18}{'answers':>8}{'tier order (tune/heldout)':>27}{'in bounds':>11}{'<= ceiling':>11}{'mean':>7}")
    for family in judgment_set.FAMILIES:
        fa = widest["families"].get(family)
        if not fa:
            continue
        t = r.get("tune", {"families": {}})["families"].get(family, {})
        h = r.get("heldout", {"families": {}})["families"].get(family, {})
        order = f"{_pct(t.get('tier_order'))} / {_pct(h.get('tier_order'))}"
        print(f"{family:<18}{fa['answers']:>8}{order:>27}{_pct(fa['within_bounds']):>11}"
              f"{_pct(fa['at_or_below_ceiling']):>11}{fa['mean']:>7}")
    why = r["why"]
    print(f"\nissue 10 'Why' cases (tune half): {sum(w['ok'] for w in why)} of {len(why)} as expected")
    for w in why:
        bound = f"{w['low'] if w['low'] is not None else ''}..{w['high'] if w['high'] is not None else ''}"
        print(f"  {'ok ' if w['ok'] else 'NO '} {w['id']:<34} {w['tier']:<13} {w['score']:>5.1f}  expected {bound}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorer", choices=("today", "baseline", "both"), default="both")
    parser.add_argument("--ceiling", type=float, default=15.0)
    parser.add_argument("--split", choices=tuple(SPLITS), default="tune",
                        help="tune (default, for working), heldout or both (milestones: aggregates only)")
    parser.add_argument("--json", action="store_true", help="only the JSON summary")
    parser.add_argument("--cases", action="store_true", help="print each tune case with its score")
    args = parser.parse_args(argv)
    names = ("today", "baseline") if args.scorer == "both" else (args.scorer,)
    results = {name: evaluate(SCORERS[name], args.ceiling, args.split) for name in names}
    tune_scores = {name: r.pop("_tune_scores") for name, r in results.items()}
    if not args.json:
        data = judgment_set.load()
        print(f"judgment set: {len(data.cases)} answers to {sum(len(v) for v in data.splits.values())} "
              f"questions (tune {len(data.splits['tune'])}, held-out {len(data.splits['heldout'])})")
        for name, r in results.items():
            show(name, r)
        if args.cases:
            show_cases(data, tune_scores)
    print(json.dumps(results, sort_keys=True))
    return 0


def show_cases(data, tune_scores: dict[str, dict[str, float]]) -> None:
    """Every tune case with each scorer's score, out of its bounds marked (held-out: never)."""
    names = list(tune_scores)
    print("\ntune cases: " + " / ".join(names))
    for c in data.cases:
        if c.split != "tune":
            continue
        got = [tune_scores[n].get(c.id) for n in names]
        if got[0] is None:
            continue
        mark = "  " if c.within_bounds(got[0]) else "!!"
        print(f"{mark} {c.id:<40} {c.family:<16} {c.tier.name:<12} "
              + " ".join(f"{g:>5.1f}" for g in got) + f"  {c.text[:90]}")


if __name__ == "__main__":
    sys.exit(main())
