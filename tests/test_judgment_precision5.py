"""Professional answers that speak of a red flag's subject while being fine, and their rude twins
(p8-precision, the fifth precision pass; cases in judgment/precision5_cases.yaml), and the readings
that pass added: a present-tense arrival ("A call comes in", "the phone rings") sets the scene, and a
clause that opens with a gerund and has no first person in it ("Sorting problems out, even better.")
names an activity, which exemplars agreeing on its subject do not make the candidate's lie, motive
or refusal (`scoring/flag_readings.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/precision5_cases.yaml, written and labelled before any was scored; its even-numbered
# cases were held out of this pass's tuning. Blind (at 1434713): of 52 professional answers 9 flagged
# (3 odd, 6 even), 41 within their tier's bounds; of 16 rude twins 15 found. After: 8 flagged (3 odd,
# 5 even: the one cleared is even, "Sorting problems out, even better."), 42 within bounds, 15 found.
# After the twentieth and twenty-first passes (a tone word confirms only its own red flag; consensus
# alone needs an answer that does not lean professional as a whole,
# th.RED_FLAG_CONSENSUS_ANSWER_TONE): 6 flagged, 44 within bounds, 14 found. The rude twin lost: "It
# says delivered, so it was delivered. Have you looked properly?" (three exemplars agree, but the tone
# model reads "Have you looked properly?", the one sentence of the candidate's own it weighs, as
# professional, log-odds -0.7), the price of clearing seven professional answers of eleven on the tune
# fresh files. Then what others think set against the candidate's own view in the next sentence ("A
# lot of people think it's just sitting there taking complaints all day. For me it's solving
# problems", `tone.PUT_RIGHT`) was cleared: 5 flagged, 45 within. Left flagged: "I get frustrated when
# a system is down", "Let them get it out." (three exemplars agreeing, and the tone model reads the
# answer as rude, log-odds 3.6: "it's like a kettle, it has to boil off"), "I'd be honest with them:"
# (three exemplars of how to treat a caller, one subject, not one stance), "I don't want to be on the
# phones forever" before a plan to lead a team, "I told him I'd happily help once he stopped swearing"
# (read as a lie admitted).
PRECISION5_WITHIN, PRECISION5_FLAGGED, PRECISION5_RUDE_FOUND = 45, 5, 14


def test_professional_answers_on_a_red_flags_subject_are_neither_flagged_nor_knocked_out():
    floors.assert_precision_floors("precision5", 52, 68, PRECISION5_FLAGGED, PRECISION5_WITHIN,
                                   PRECISION5_RUDE_FOUND)


score, severe = floors.typed_score, floors.severe_quotes


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # a present-tense arrival is the scene the answer walks through (before: knocked out, dismissive)
    ("what-does-the-job-involve", None, "Mostly it's problem solving. A call comes in, you find out what the person "
     "actually needs, which isn't always what they say first, and you fix it or pass it to the team that can.", False),
    ("what-does-the-job-involve", None, "A call comes in, you find out what's wrong, which isn't always obvious, "
     "and you put it right.", False),
    # ...and what the candidate does in the scene is still read
    ("what-does-the-job-involve", None, "A call comes in, you click next and ignore it, nobody checks anyway.", True),
    # a gerund with no first person names an activity (before: knocked out, dishonesty)
    ("why-call-center", None, "Talking to people, I enjoy that. Sorting problems out, even better. I did two years "
     "on a shop till, so I'm used to it.", False),
    # ...but a gerund that says the lie is still one
    ("what-is-good-service", None, "Marking problems as sorted even when they aren't, so the numbers look good.", True),
])
def test_a_scene_or_an_activity_named_is_not_the_candidates_red_flag(qid, turn, text, flagged):
    s = score(qid, text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    if flagged:
        assert s.overall <= 15, s.overall


# p8-precision left it flagged (the whole sentence 0.67 near "I'm late a lot, but I always have an
# excuse ready"); the twenty-first pass clears it: consensus was all that confirmed it, and the answer
# as a whole leans professional (th.RED_FLAG_CONSENSUS_ANSWER_TONE).
def test_a_good_reason_given_as_a_simile_is_no_excuse_of_the_candidates():
    s = score("refund-against-policy", "First I'd listen to why they're late, because there might be a good reason, "
              "like being in hospital. Then I'd ask my team leader for an exception, and offer credit if the answer is no.")
    assert not severe(s), severe(s)


def test_the_readings_themselves():
    from simulator.scoring.clauses import Clause  # noqa: F401  (the readings take a Clause)
    from simulator.scoring.flag_readings import ARRIVAL, activity_named

    assert ARRIVAL.match("A call comes in") and ARRIVAL.match("the phone rings and it's someone")
    assert not ARRIVAL.match("I'd let the phone ring out")
    assert not ARRIVAL.match("Calls come and go, whatever")

    class C:  # the one field activity_named reads
        def __init__(self, text):
            self.text = text
    assert activity_named(C("Sorting problems out, even better."))
    assert not activity_named(C("Getting them off the line as fast as I can."))
    assert not activity_named(C("Nothing gets sorted here."))


@pytest.mark.parametrize("text, flagged", [
    # what others think, set against the candidate's own view, is the view the answer argues against
    ("A lot of people think it's just sitting there taking complaints all day. For me it's solving problems "
     "for people, and that's what I enjoy.", False),
    ("Most people think callers are rude. Actually, it's the system that lets them down, and I like fixing that.",
     False),
    # ...not when the candidate agrees with it
    ("A lot of people think callers are idiots. Actually, it's true, most of them are.", True),
    ("People think it's just taking complaints all day. For me it's even worse, callers are morons.", True),
])
def test_what_others_think_set_against_the_candidates_own_view(text, flagged):
    s = score("why-call-center", text)
    assert bool(severe(s)) is flagged, severe(s)
