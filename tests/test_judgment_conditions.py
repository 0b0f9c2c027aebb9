"""Turning down the job's conditions casually, as a settled matter with nothing offered ("evenings
are mine, I don't work them", "I won't be wearing a headset all day"), and brushing a caller off
("there's nothing I can do", "take it up with the courier") are red flags; an honest limit with what
the candidate can do, and "nothing I can do about X, but I can Y", are not
(tests/judgment/conditions_cases.yaml, written and labelled before the rules that read it changed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import floors  # noqa: E402
from floors import severe_flags, typed_score  # noqa: E402


# Measured blind when the file was written (before any rule changed): found 10 of 18, 3 of 20
# professional answers flagged (limits with an offer: "I'd rather not work them, but Saturdays and
# evenings are fine"), judged 25 of 38. After the rules that read it (`scoring/conditions.py`: the
# candidate's own settled "I don't / won't" of a condition, a brush-off said to a caller, each
# with no offer in its place; a condition refused with "..., but <what they can give>" after it is a
# limit): found 18, none flagged, judged 36.
FOUND, FLAGGED, JUDGED = 18, 0, 36


@pytest.fixture(scope="module")
def cases():
    return floors.scored("conditions")


def test_the_file_is_on_tune_questions_with_its_mix(cases):
    assert len({f.case.question.id for f, _ in cases}) >= 8
    assert sum(f.flag is True for f, _ in cases) >= 16 and sum(f.flag is False for f, _ in cases) >= 16


def test_casual_refusals_and_brush_offs_are_red_flags_and_knocked_out(cases):
    floors.assert_rude_found(cases, FOUND)


def test_limits_with_an_offer_are_no_red_flag(cases):
    floors.assert_professional_flagged(cases, FLAGGED)


def test_most_condition_cases_are_judged_as_labelled(cases):
    ok = floors.judged(cases)
    assert ok >= JUDGED, ok


@pytest.mark.parametrize("qid, turn, text", [
    ("availability-shifts", None, "I won't pretend, evenings are mine, I don't work them"),
    ("availability-shifts", None, "I won't pretend I love weekends, so I won't be doing them"),
    ("lost-package-caller", 2, "That's between you and the courier, there's nothing I can do about it"),
])
def test_a_users_casual_refusal_is_knocked_out_with_a_tip_quoting_it(qid, turn, text):
    """Users' tries that scored 60, 61 and 44 with no flag; a recruiter would give 0-10."""
    s = typed_score(qid, text, turn)
    flags = severe_flags(s)
    assert s.overall <= 10 and flags, s.overall
    tip = s.tips[0]
    assert tip.area == "professionalism"
    assert any(e.quote.lower().rstrip(".") in tip.text.lower() for e in flags), tip.text


@pytest.mark.parametrize("qid, turn, text, low", [
    ("availability-shifts", None, "I can't do Sunday mornings because of church, but any other shift is fine", 50),
    ("availability-shifts", None, "I won't pretend I love losing Saturdays, but weekends are fine and I can do evenings too", 80),
    ("lost-package-caller", 2, "There's nothing I can do about the courier's van, but I can send a replacement today", 50),
    ("availability-shifts", None, "Honestly, evenings are hard with my kids, but I can do two a week", 50),
    ("availability-shifts", None, "I'm not able to do nights, but I'm free every weekend", 50),
])
def test_an_honest_limit_with_an_offer_stays_professional(qid, turn, text, low):
    s = typed_score(qid, text, turn)
    assert not severe_flags(s) and s.overall >= low, s.overall
