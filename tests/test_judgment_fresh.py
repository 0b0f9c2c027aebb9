"""The fresh cases of the second to fifth judgment passes (tests/judgment/fresh_cases.yaml,
fresh3_cases.yaml, fresh4_cases.yaml, fresh5_cases.yaml), each written and labelled before its pass changed any rule, on tune-half
questions only, each family held to a floor per pass.

The floors are the figures measured when the third pass was finished, less a case or so (README
"Judgment figures"). Red flags by meaning find only part of the rude phrasings no exemplar
names (sarcasm, contempt said politely): that floor is low on purpose, and says so.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring.measure import KnockOut, knockouts  # noqa: E402
from simulator.types import EvidenceKind, Severity, Transcript  # noqa: E402


@pytest.fixture(scope="module")
def fresh():
    """Each fresh case with its Score, by pass ("fresh": the second, "fresh3", "fresh4")."""
    out: dict[str, list] = {}
    for f in js.load_fresh():
        score = score_answer(f.case.question, Transcript.typed(f.case.text), turn=f.case.turn)
        out.setdefault(f.case.id.split("/")[0], []).append((f, score))
    return out


@dataclass(frozen=True)
class Floor:
    """What a pass's cases must keep: each measured when the third pass was finished."""

    found: int  # rude cases whose red flag is found
    judged: int  # cases within their bounds and with their flag as labelled
    outside: int  # paraphrases, non-answers, rambles and other languages outside their bounds
    flagged: int = 0  # professional answers (flag: false) wrongly flagged, at most


# second pass: found 13 of 32 (9 when that pass finished, 4 before it), judged 49 of 71, none outside;
# third pass, written by another hand (2026-12-01): measured before its rules, found 4 of 24 and
# judged 38 of 66; after them, found 15 of 24, judged 52 of 66, 2 outside (a paraphrase that says
# its points in words the model does not put near the bank's, and a ramble scored 89).
# fourth pass, by another hand (2026-12-01): measured blind against the rules at the start of the
# pass, found 2 of 20, 7 of 40 professional answers flagged, judged 29 of 60; against that pass's
# rules before they were read, judged 32, 5 flagged; after, judged 36, 1 flagged (blaming the
# courier, then not), found still 2 of 20: sarcasm, condescension and quiet sabotage the model
# does not hear.
# fifth pass, by another hand (2026-12-01): measured blind at the start of the pass (and with the
# fourth pass's rules), found 3 of 21, 4 of 28 professional answers flagged, judged 30 of 60, 2
# outside; after tuning on them, found 6, 1 flagged (ambition said as "I don't want to be doing
# exactly the same thing in five years"), judged 35, 1 outside.
# seventh pass, by another hand (2026-12-01; casual rude replies, chat, lukewarm answers): measured
# blind at the start of the pass, found 7 of 18, 1 of 39 professional answers flagged, judged 37 of
# 60; after tuning on them, found 8, none flagged, judged 46, none outside.
# eighth pass, by another hand (2026-12-01; own-words answers, wrong questions, vague claims):
# measured blind at the start of the pass, found 2 of 10, 4 of 37 professional answers flagged,
# judged 25 of 50, 6 outside; after, found 4, 1 flagged, judged 31, 3 outside.
# tenth pass, by another hand (2026-12-01; casual rudeness in ordinary words and its professional
# twins): measured blind at the start of the pass, found 9 of 20, 1 of 22 professional answers
# flagged, judged 30 of 44, 1 outside (its held-out twin: found 2 of 20, 3 of 22 flagged); after the
# pass (no rule tuned on them: key points read by their ideas, idioms in plain words), found 8, 1
# flagged, judged 30 (held-out: found 2, 2 flagged, judged 21 of 44).
# eleventh pass (2026-12-01; casual rudeness in situations fresh8 never names, each with its
# professional twin; written by the helper who then tuned on them, so tune only): measured before
# that pass changed any rule, found 9 of 30, 3 of 30 professional twins flagged, judged 34 of 60;
# after its rules (words of attitude with the meaning signal, `attitude.py`), found 16, 1 flagged,
# judged 43 (and +1 found in fresh4, +2 in fresh6, none more flagged anywhere).
# c2-precision pass (2026-12-01; professional answers knocked out, tune side only): no found count
# lower anywhere; fresh7's one flagged professional answer ("I'm not going to sit and wait on the
# courier") no longer is.
# n4-tone pass (2026-12-02; fresh11: casual rudeness in words no exemplar uses, each with its
# professional twin, written before the tone model and never fitted on): measured blind, found 13 of
# 46, 3 of 46 twins flagged, 15 rude at or below 15; with the tone model (`tone.py`), found 16, 3
# flagged, judged 56 of 92 (and +9 found in the other tune fresh files, none more flagged).
FLOORS = {"fresh": Floor(found=12, judged=47, outside=0), "fresh3": Floor(found=14, judged=50, outside=2),
          "fresh4": Floor(found=2, judged=35, outside=1, flagged=1),
          "fresh5": Floor(found=5, judged=34, outside=2, flagged=1),
          "fresh6": Floor(found=7, judged=44, outside=1, flagged=1),
          "fresh7": Floor(found=3, judged=29, outside=4, flagged=0),
          "fresh8": Floor(found=8, judged=28, outside=2, flagged=1),
          "fresh9": Floor(found=15, judged=41, outside=0, flagged=1),
          # p7-precision: "swearing doesn't rattle me" and "I wouldn't go round the policy" no longer flagged
          "fresh11": Floor(found=16, judged=55, outside=0, flagged=1)}


def severe_flags(score) -> list[str]:
    m = score.metric("professionalism")
    return [e.label for e in (m.evidence if m else ()) if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


def test_the_fresh_cases_are_on_tune_questions_and_labelled():
    cases = js.load_fresh()
    assert len(cases) >= 120
    tune = set(js.load().splits["tune"])
    assert all(f.case.question.id in tune for f in cases)
    assert sum(f.flag is True for f in cases) >= 25 and sum(f.flag is False for f in cases) >= 12


@pytest.mark.parametrize("pass_", sorted(FLOORS))
def test_rude_phrasings_no_rule_names_are_partly_found_and_then_knocked_out(fresh, pass_):
    rude = [(f, s) for f, s in fresh[pass_] if f.flag is True]
    found = [(f, s) for f, s in rude if severe_flags(s)]
    # Sarcasm and contempt said politely mostly sit too far from every exemplar for the sentence
    # model to tell (README "Judgment figures").
    assert len(found) >= FLOORS[pass_].found, [f.case.text for f, s in rude if not severe_flags(s)]
    for f, s in found:
        assert s.overall <= 10 and KnockOut.RED_FLAG in knockouts(s.metrics), f.case.text
        assert s.tips[0].area == "professionalism"


@pytest.mark.parametrize("pass_", sorted(FLOORS))
def test_denials_and_professional_twins_are_not_red_flags(fresh, pass_):
    """"I would never blame the customer", "It's never telling a caller that it isn't my problem",
    "A man once called me a useless idiot": none is a red flag."""
    calm = [(f, s) for f, s in fresh[pass_] if f.flag is False]
    flagged = [f.case.text for f, s in calm if severe_flags(s)]
    assert len(flagged) <= FLOORS[pass_].flagged, flagged  # measured 0 of 18, 0 of 28, 1 of 40


@pytest.mark.parametrize("pass_", sorted(FLOORS))
def test_paraphrases_non_answers_rambles_and_other_languages_land_in_their_bounds(fresh, pass_):
    outside = [(f.case.family, f.case.text[:60], s.overall) for f, s in fresh[pass_]
               if f.case.family in ("paraphrase", "short_empty", "rambling", "non_english")
               and not f.case.within_bounds(s.overall)]
    assert len(outside) <= FLOORS[pass_].outside, outside
    assert all(s.overall == 0 for f, s in fresh[pass_] if f.case.family == "non_english")


@pytest.mark.parametrize("pass_", sorted(FLOORS))
def test_most_fresh_cases_are_judged_as_labelled(fresh, pass_):
    ok = sum(f.case.within_bounds(s.overall) and (f.flag is None or bool(severe_flags(s)) == f.flag)
             for f, s in fresh[pass_])
    assert ok >= FLOORS[pass_].judged, ok
