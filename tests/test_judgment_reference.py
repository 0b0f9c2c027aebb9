"""A refusal said by reference or in a fragment ("Nights? Never done them, never will.", "Mandatory
overtime? Not for me.", "Apologise to him? Never did, never would.") is a refusal of the job, as
plainly as one said in full; the same shape with a "never" that is only experience, taken back by a
willing "but", or a yes to the fragment ("Weekends? No problem.") is not
(tests/judgment/reference_cases.yaml, written and labelled before the rule that reads it)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import floors  # noqa: E402
from floors import severe_flags, typed_score  # noqa: E402

from simulator.scoring.reference import refers_refusing  # noqa: E402

# Measured blind when the file was written (before any rule changed): found 6 of 19, none of 20
# twins flagged, judged 25 of 39. After `scoring/reference.py` (what "them", "it", "never will" or
# "Not for me" refers to, read with the stance of the clause that refers): found 18, none flagged,
# judged 37 (the one miss: "Night shifts, my body can't take it, so that's a no from me" gives a
# reason of its own before the no, and is left to the grammar routes, which read it as a limit).
FOUND, FLAGGED, JUDGED = 18, 0, 37


@pytest.fixture(scope="module")
def cases():
    return floors.scored("reference")


def test_the_file_is_on_tune_questions_with_its_mix(cases):
    assert len({f.case.question.id for f, _ in cases}) >= 6
    assert sum(f.flag is True for f, _ in cases) >= 18 and sum(f.flag is False for f, _ in cases) >= 18


def test_refusals_by_reference_are_red_flags_and_knocked_out(cases):
    floors.assert_rude_found(cases, FOUND)


def test_the_same_shape_said_willingly_is_no_red_flag(cases):
    floors.assert_professional_flagged(cases, FLAGGED)


def test_most_reference_cases_are_judged_as_labelled(cases):
    ok = floors.judged(cases)
    assert ok >= JUDGED, ok


@pytest.mark.parametrize("qid, text", [
    # users' tries: 77.5 and 60 with no flag; a recruiter hears a plain refusal
    ("availability-shifts", "Late shifts? I've never done them and I'm not starting now."),
    ("availability-shifts", "Nights? Never done them, never will."),
    ("overtime-peak-season", "Extra shifts in December? Count me out, to be honest."),
    ("what-does-the-job-involve", "Taking calls all day, which honestly I won't do."),
    ("angry-customer-time", "A woman yelled at me about a late refund. Say sorry to her? Never did, never would."),
])
def test_a_refusal_by_reference_is_knocked_out_with_a_tip_quoting_it(qid, text):
    s = typed_score(qid, text)
    flags = severe_flags(s)
    assert s.overall <= 10 and flags, s.overall
    tip = s.tips[0]
    assert tip.area == "professionalism"
    assert any(e.quote.lower().rstrip(".") in tip.text.lower() for e in flags), tip.text


@pytest.mark.parametrize("qid, text, low", [
    ("availability-shifts", "Late shifts? I've never done them, but I'm happy to start.", 50),
    ("availability-shifts", "Nights? Never done them, but I'd give them a go.", 50),
    ("availability-shifts", "Weekends? No problem.", 30),
    ("overtime-peak-season", "Overtime? Not a problem at all, with a day's notice.", 50),
    # a "never" that echoes a denial said in full, and a shift never missed, refuse nothing
    ("angry-customer-time", "I let her talk and I listened. I didn't interrupt her, not once, and then I "
                            "sorted the refund out that afternoon.", 50),
    ("availability-shifts", "Any shift suits me. Miss a Saturday? Never have, never will.", 50),
    ("availability-shifts", "Nights? Not for me, but I can do any evening until ten and every weekend.", 50),
])
def test_the_same_shape_said_willingly_stays_professional(qid, text, low):
    s = typed_score(qid, text)
    assert not severe_flags(s) and s.overall >= low, (s.overall, [e.quote for e in severe_flags(s)])


@pytest.mark.parametrize("text, refuses", [
    ("never will.", True), ("Never going to", True), ("I'm not starting now", True), ("Not for me", True),
    ("Count me out", True), ("I'd skip them", True), ("Not something I do", True), ("I just don't.", True),
    ("Never have", False), ("Never done them", False), ("No problem", False), ("Not a problem at all", False),
    ("Count me in", False), ("I'd never skip them", False), ("I can't do that", False),
    ("I don't mind them", False), ("I'd never say no to it when the queue is long", False),
])
def test_the_clause_that_refers_is_read_for_its_stance_and_tense(text, refuses):
    assert refers_refusing(text) is refuses


@pytest.mark.parametrize("qid, text", [
    # professional answers knocked out on the code before (6.6, 3.x): the act named was read as said
    ("abusive-caller", "Hang up on a customer? Never. I'd warn them first and follow the policy."),
    ("angry-customer-time", "Tell her to calm down? Never. I let her vent, said sorry and sorted her refund that day."),
    ("abusive-caller", "Swear back at them? Not me. I'd stay calm and warn them once."),
])
def test_a_bad_act_named_then_refused_by_reference_is_no_red_flag(qid, text):
    s = typed_score(qid, text)
    assert not severe_flags(s) and s.overall >= 50, (s.overall, [e.quote for e in severe_flags(s)])


@pytest.mark.parametrize("qid, text", [
    ("abusive-caller", "Hang up on a customer? Sure, if they're rude to me."),
    ("angry-customer-time", "Tell her to calm down? Always, it works every time."),
    ("abusive-caller", "Swear back at them? Too right, they get it straight back."),
])
def test_the_same_act_named_and_said_yes_to_stays_a_red_flag(qid, text):
    s = typed_score(qid, text)
    assert severe_flags(s) and s.overall <= 10, s.overall
