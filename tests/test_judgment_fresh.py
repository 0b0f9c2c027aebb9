"""The second judgment pass: fresh cases (tests/judgment/fresh_cases.yaml), written and labelled
before that pass changed any rule, on tune-half questions only, each family held to a floor.

The floors are the figures measured when the pass was finished, less a case or so (README
"Judgment figures"). Red flags by meaning find only part of the rude phrasings no exemplar
names (sarcasm, contempt said politely): that floor is low on purpose, and says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring.measure import KnockOut, knockouts  # noqa: E402
from simulator.types import EvidenceKind, Severity, Transcript  # noqa: E402


@pytest.fixture(scope="module")
def fresh():
    """Each fresh case with its Score."""
    return [(f, score_answer(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn))
            for f in js.load_fresh()]


def severe_flags(score) -> list[str]:
    m = score.metric("professionalism")
    return [e.label for e in (m.evidence if m else ()) if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


def test_the_fresh_cases_are_on_tune_questions_and_labelled():
    cases = js.load_fresh()
    assert len(cases) >= 60
    tune = set(js.load().splits["tune"])
    assert all(f.case.question.id in tune for f in cases)
    assert sum(f.flag is True for f in cases) >= 25 and sum(f.flag is False for f in cases) >= 12


def test_rude_phrasings_no_rule_names_are_partly_found_and_then_knocked_out(fresh):
    rude = [(f, s) for f, s in fresh if f.flag is True]
    found = [(f, s) for f, s in rude if severe_flags(s)]
    # measured 9 of 32 when the pass was finished (4 of 32 before it). Of the first batch's 28, 3
    # were found with the pass's structural changes alone, the rest after exemplars written once
    # these cases had been read; of the second batch's 4, written after those exemplars, 1 (as
    # before the pass). Sarcasm and contempt said politely mostly sit too far from every exemplar
    # for the sentence model to tell.
    assert len(found) >= 8, [f.case.text for f, s in rude if not severe_flags(s)]
    for f, s in found:
        assert s.overall <= 10 and KnockOut.RED_FLAG in knockouts(s.metrics), f.case.text
        assert s.tips[0].area == "professionalism"


def test_denials_and_professional_twins_are_not_red_flags(fresh):
    """"I would never blame the customer", "I don't mind overtime", "if they keep swearing after a
    warning, I'd end the call the way our policy allows": none is a red flag."""
    calm = [(f, s) for f, s in fresh if f.flag is False]
    flagged = [f.case.text for f, s in calm if severe_flags(s)]
    # measured 1 of 18 ("It's never telling a caller that it isn't my problem": the model hears
    # "callers" and "problem" near contempt, and the two denials cancel); 5 before the pass
    assert len(flagged) <= 1, flagged
    assert "I would never blame the customer" not in " ".join(flagged)


def test_paraphrases_non_answers_rambles_and_other_languages_land_in_their_bounds(fresh):
    by_family: dict[str, list] = {}
    for f, s in fresh:
        by_family.setdefault(f.case.family, []).append((f.case, s.overall))
    for family in ("paraphrase", "short_empty", "rambling", "non_english"):
        outside = [(c.text[:60], score) for c, score in by_family[family] if not c.within_bounds(score)]
        assert not outside, (family, outside)
    assert all(score == 0 for _, score in by_family["non_english"])


def test_most_fresh_cases_are_judged_as_labelled(fresh):
    ok = sum(f.case.within_bounds(s.overall) and (f.flag is None or bool(severe_flags(s)) == f.flag)
             for f, s in fresh)
    assert ok >= 42, ok  # measured 44 of 71 (32 before the pass)
