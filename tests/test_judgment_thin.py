"""Thin answers are weak, short strong ones are not (issue 10's ranking: "short but strong >
mediocre > weak"; tests/judgment/thin_cases.yaml, written and labelled before the rules that read it
changed). What makes an answer thin to a recruiter is that the candidate does nothing in it: a
moment in which they are the customer or a bystander is no example of theirs, "I'd probably just
try to stay professional" or "I'd feel bad for them" plans nothing, a story with no action of theirs
is no story of theirs, and a reply on a call that only sympathises does nothing for the caller."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import floors  # noqa: E402
from floors import typed_score  # noqa: E402

from simulator.scoring.actions import action_spans  # noqa: E402
from simulator.scoring.overall import Cap, caps, deciding_areas  # noqa: E402
from simulator.scoring.text import Doc  # noqa: E402
from simulator.types import Transcript  # noqa: E402

# Measured blind when the file was written (main at cd3e1b0): 14 of 25 thin answers at or below 45,
# 23 of 25 short strong twins at or above 50 (the two others are knocked out by rules this pass did
# not touch). After the rules: 19 thin, 23 twins; 24 twins once "deal with it" said as one of the
# candidate's own acts was no longer read as the brush-off (thirteenth pass).
THIN_WITHIN, STRONG_WITHIN = 19, 24

WAITER = "Being nice to people, I think. Well, once a waiter remembered my order, which was nice."


@pytest.fixture(scope="module")
def cases():
    return floors.scored("thin")


def test_most_thin_answers_are_weak_and_their_short_strong_twins_are_not(cases):
    thin = [(f, s) for f, s in cases if f.case.family == "on_topic_weak"]
    strong = [(f, s) for f, s in cases if f.case.family == "short_strong"]
    assert len(thin) >= 20 and len(strong) >= 20
    assert sum(f.case.within_bounds(s.overall) for f, s in thin) >= THIN_WITHIN, \
        [(f.case.text, s.overall) for f, s in thin if not f.case.within_bounds(s.overall)]
    assert sum(f.case.within_bounds(s.overall) for f, s in strong) >= STRONG_WITHIN, \
        [(f.case.text, s.overall) for f, s in strong if not f.case.within_bounds(s.overall)]


def test_the_candidate_as_a_customer_is_no_example_of_theirs():
    # issue 10 and `make demo`'s weak candidate: 67, "I'd move you to the next round"
    s = typed_score("what-is-good-service", WAITER)
    assert s.overall <= 45
    assert s.metric("specificity").score == 0
    assert Cap.CLICHE in caps(s.metrics, 16)


def test_a_moment_of_the_candidates_own_is_still_an_example():
    s = typed_score("why-call-center", "I'm good at calming people down and fixing things. At the garden center I take "
                                  "the phone complaints and most callers end up thanking me.")
    assert s.metric("specificity").score >= 60 and s.overall >= 70


@pytest.mark.parametrize("text, verbs", [
    ("I'd probably just try to stay professional and hope it stops, I guess.", []),
    ("I'd feel bad for them, I think, and I'd want to help somehow.", []),
    ("I'd probably just explain it to them in plain words.", ["explain"]),
    ("I can probably do some, I'd have to see.", ["do"]),
    ("I will check the tracking now.", ["check"]),
])
def test_a_feeling_a_wish_or_a_hedge_is_no_plan(text, verbs):
    doc = Doc(Transcript.typed(text))
    assert [doc.norms[j - 1] for _, j in action_spans(doc, plan=True)] == verbs


@pytest.mark.parametrize("text", [
    pytest.param("Once a customer shouted at my manager in the shop and it was really awkward. Everyone was staring "
                 "at them.", marks=pytest.mark.xfail(strict=True, reason="a false red flag of the red-flag model "
                                                                          "since the twenty-seventh pass's refit")),
    "I've had loads of angry customers, it happens all the time. I just stay calm and it's usually fine in the end.",
])
def test_a_story_in_which_the_candidate_does_nothing_is_thin(text):
    s = typed_score("angry-customer-time", text)
    assert s.overall <= 45
    words = len(text.split())
    assert Cap.NO_DEED in caps(s.metrics, words)
    # the tip asks what they did themselves ("In your story, I didn't hear what you did yourself")
    assert deciding_areas(s.metrics, words)[0] == "ownership"


def test_a_short_story_with_what_the_candidate_did_is_not():
    s = typed_score("angry-customer-time", "A man shouted because his delivery missed his daughter's party. I apologised, "
                                      "found a van going his way, and it reached him by six.")
    assert s.overall >= 50 and Cap.NO_DEED not in caps(s.metrics, 24)


@pytest.mark.parametrize("qid, text", [
    ("lost-package-caller", "Oh no, I'm sorry to hear that. That's really not nice, especially for a birthday."),
    ("double-billed-caller", "Hello, thanks for calling. Oh dear, that doesn't sound right at all. That must be annoying for you."),
])
def test_sympathy_alone_on_a_call_is_thin(qid, text):
    s = typed_score(qid, text, turn=1)
    assert s.overall <= 45
    assert Cap.SYMPATHY_ONLY in caps(s.metrics, len(text.split()), call=True)


@pytest.mark.parametrize("qid, text", [
    ("lost-package-caller", "I'm so sorry, especially with it being a present. Let me check the tracking now, and if "
                            "it's lost I'll send a new one out today."),
    ("lost-package-caller", "I'm so sorry, I'm not going to tell you to just wait another week. Can I take your order "
                            "number and check the delivery photo with you?"),
])
def test_sympathy_with_something_done_is_not(qid, text):
    assert typed_score(qid, text, turn=1).overall >= 70
