"""Answers to another question, told by what the question asks for (g3-offtopic pass, issue 10).

A question whose bank says `asks_for: hours` (availability, overtime, the training schedule) is
answered by days, times or shifts, or a yes or no to them. An answer that gives none of that, says
none of the key points and sits nearer another question answers that other question: a recruiter
says "that answers a different question" and marks it near the bottom. Nearness alone could not
tell the bus route given to "What's your availability?" from background given to "Why a call
center?" (the e2-offtopic rule, reverted): the intent can, and a motivation question has none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.banks import bundled_banks  # noqa: E402
from simulator.scoring.measure import KnockOut, knockouts  # noqa: E402
from simulator.types import Transcript  # noqa: E402

BANK = {q.id: q for b in bundled_banks() for q in b.questions}


def score(qid: str, text: str):
    return score_answer(BANK[qid], Transcript.typed(text))


@pytest.mark.parametrize("qid, text", [
    # fresh6: the commute, given to "What's your availability?" (72.2 before)
    ("availability-shifts", "I'm about twenty minutes away on the bus, the number twelve goes right past the end of "
                            "my road. There's a nice little bakery by the stop as well, so that's handy."),
    # fresh7: a reason for leaving a job, given to the overtime question (71.3 before)
    ("overtime-peak-season", "I'm leaving my current job because there's no room to progress. I've been there three "
                             "years, I've learned a lot, and I'd like something full-time where I can move forward."),
])
def test_an_answer_giving_none_of_the_hours_asked_for_answers_another_question(qid, text):
    s = score(qid, text)
    assert KnockOut.OFF_TOPIC in knockouts(s.metrics) and s.overall <= 10, s.overall
    tip = next(t.text for t in s.tips if t.area == "relevance")
    assert "answers a different question" in tip and "which days and hours you can work" in tip, tip


@pytest.mark.parametrize("qid, text", [
    # as far from their question, but a yes or no to the hours: weak, not another question
    ("availability-shifts", "If it is required, then I don't mind"),
    ("availability-shifts", "It wouldn't be my preference, but if it is needed of me I'll do it."),
    ("overtime-peak-season", "I guess it depends how much. I can probably do some, I'd have to see."),
    # the commute given as the reason the candidate is reliable, after the hours
    ("availability-shifts", "I can do any shift, early or late, and weekends too. I'm twenty minutes away on the "
                            "bus and it runs all night."),
])
def test_a_yes_or_no_to_the_hours_is_an_answer_however_weak(qid, text):
    assert KnockOut.OFF_TOPIC not in knockouts(score(qid, text).metrics)


def test_background_to_a_question_that_takes_it_is_not_another_question():
    # "Why a call center?" says nothing of what it asks for: background is an answer there.
    s = score("why-call-center", "I have worked in retail for three years, mostly at a busy pharmacy counter, where "
                                 "I handled phone orders, complaints and refills.")
    assert KnockOut.OFF_TOPIC not in knockouts(s.metrics) and s.overall > 15, s.overall


def test_floor_on_questions_that_say_what_they_ask_for():
    """Every tune-side answer to another question given to a question with `asks_for` is at or
    below its tier's bound, and no professional answer to one is knocked out as off topic."""
    cases = [f.case for f in js.load_fresh()] + list(js.load().in_split("tune"))
    asked = [c for c in cases if c.question.asks_for is not None and c.turn is None]
    off = [(c.id, s.overall) for c in asked if c.family == "off_topic"
           for s in [score_answer(c.question, Transcript.typed(c.text))] if s.overall > 10]
    assert len([c for c in asked if c.family == "off_topic"]) >= 4 and not off, off
    pro = [(c.id, s.overall) for c in asked if c.family in ("short_strong", "excellent", "paraphrase")
           for s in [score_answer(c.question, Transcript.typed(c.text))] if KnockOut.OFF_TOPIC in knockouts(s.metrics)]
    assert not pro, pro


@pytest.mark.parametrize("qid, turn, text", [
    # Tune-side professional and mediocre answers that cover no key point and sit as near another
    # question as the answers to another question still scored above 10 (l3-offgeneral, margins
    # -0.26 to -0.21): nearness alone, without what the question asks for, cannot part them.
    ("why-this-company", None, "I bank with you, and when my card was cloned last year your phone team had it sorted "
                               "in ten minutes and rang to check on me the next day. I'd like to be the person doing "
                               "that."),
    ("why-call-center", None, "I suppose it's steady work, and I've done a bit of customer service before, so it "
                              "seemed like a sensible thing to go for."),
    ("refund-against-policy", None, "I'd do whatever's best for the customer and the company. I always go the extra "
                                    "mile to keep people happy, and I'd handle it sensibly."),
    ("double-billed-caller", 1, "Hello. Okay, what's the account number?"),
])
def test_nearness_alone_makes_no_answer_one_to_another_question(qid, turn, text):
    """Guard (passes before and after): the rule without `asks_for` was measured and not kept;
    at any margin that caught a tune answer to another question it knocked out one of these, but
    for a window of 0.009 (README, "Measured and not kept")."""
    s = score_answer(BANK[qid], Transcript.typed(text), turn=turn)
    assert KnockOut.OFF_TOPIC not in knockouts(s.metrics) and s.overall > 15, s.overall
