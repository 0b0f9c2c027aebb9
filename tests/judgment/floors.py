"""Shared checks for a tune-side fresh file held to floors (tests/test_judgment_refusals.py,
tests/test_judgment_conditions.py): its cases scored, red flags found, professional answers flagged."""

from __future__ import annotations

from functools import lru_cache

import judgment_set as js

from simulator.assess import score_answer
from simulator.scoring.measure import KnockOut, knockouts
from simulator.types import EvidenceKind, Score, Severity, Transcript


def severe_flags(score: Score) -> list:
    m = score.metric("professionalism")
    return [e for e in (m.evidence if m else ()) if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


def severe_quotes(score: Score) -> list[str]:
    """The quotes of `severe_flags`: what a failed assertion shows."""
    return [e.quote for e in severe_flags(score)]


@lru_cache(maxsize=1)
def _questions():
    return js.bank_questions()  # the bundled banks, read once per test run, not once per answer


def typed_score(qid: str, text: str, turn: int | None = None) -> Score:
    """One typed answer to a bundled question, scored (`turn`: a role-play reply)."""
    return score_answer(_questions()[qid], Transcript.typed(text), turn=turn)


def typed_flags(qid: str, text: str, turn: int | None = None) -> list[str]:
    """The severe red flags' quotes of one typed answer to a bundled question."""
    return severe_quotes(typed_score(qid, text, turn))


def professional_within(cases) -> int:
    """How many professional cases (flag: false) score within their tier's bounds."""
    return sum(f.case.within_bounds(s.overall) for f, s in cases if f.flag is False)


def pair_half(case_id: str) -> str:
    """"odd" or "even": the half of a fresh file's pair (pair k is cases 2k-1 and 2k) a case is in."""
    n = int(case_id.rsplit("/", 1)[1])
    return "odd" if (n + 1) // 2 % 2 else "even"


def scored(prefix: str) -> list[tuple[js.FreshCase, Score]]:
    """Every fresh case whose id starts with `prefix`/, with its score."""
    return [(f, score_answer(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn))
            for f in js.load_fresh() if f.case.id.startswith(f"{prefix}/")]


def scored_pairs(prefix: str, count: int | None = None) -> list[tuple[int, js.Case, Score, js.Case, Score]]:
    """A fresh file written in pairs (case 2k-1 and 2k, one of them bottom-tier): per pair, its
    number, the bad case and its score, the good case and its score, in file order. `count`: only
    the first pairs, when the file goes on with single cases."""
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith(f"{prefix}/")][:None if count is None else 2 * count]
    out = []
    for k in range(0, len(cases), 2):
        a, b = cases[k], cases[k + 1]
        bad, good = (a, b) if a.tier.name == "bottom" else (b, a)
        out.append((k // 2 + 1, bad, typed_score(bad.question.id, bad.text, bad.turn),
                    good, typed_score(good.question.id, good.text, good.turn)))
    return out


def assert_rude_found(cases, found: int) -> None:
    """At least `found` rude cases carry a severe red flag, and each that does is knocked out."""
    rude = [(f, s) for f, s in cases if f.flag is True]
    missed = [f.case.text for f, s in rude if not severe_flags(s)]
    assert len(rude) - len(missed) >= found, missed
    for f, s in rude:
        if severe_flags(s):
            assert s.overall <= 10 and KnockOut.RED_FLAG in knockouts(s.metrics), f.case.text


def assert_professional_flagged(cases, at_most: int) -> None:
    flagged = [(f.case.text, [e.quote for e in severe_flags(s)])
               for f, s in cases if f.flag is False and severe_flags(s)]
    assert len(flagged) <= at_most, flagged


def judged(cases) -> int:
    """Cases within their tier's bounds and, where labelled, flagged as labelled."""
    return sum(f.case.within_bounds(s.overall) and (f.flag is None or bool(severe_flags(s)) == f.flag)
               for f, s in cases)


def assert_precision_floors(prefix: str, professional: int, total: int, flagged: int, within: int,
                            found: int) -> list[tuple[js.FreshCase, Score]]:
    """The shared body of the precision files' floor tests (precision2 to precision5): the file holds
    at least `professional` professional cases and `total` in all; at most `flagged` professional
    answers carry a severe red flag, at least `within` score within their tier's bounds, and at least
    `found` rude twins are found and knocked out. Returns the scored cases for any further check."""
    cases = scored(prefix)
    assert sum(f.flag is False for f, _ in cases) >= professional and len(cases) >= total
    assert_professional_flagged(cases, flagged)
    assert professional_within(cases) >= within
    assert_rude_found(cases, found)
    return cases
