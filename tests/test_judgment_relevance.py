"""On-topic answers said indirectly, and key points heard where they were not said (p4-relevance
pass, issue 10 points 2 and 7; cases in judgment/relevance_cases.yaml)."""

from __future__ import annotations

import pytest

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.scoring.clauses import denials_of
from simulator.scoring.inputs import Inputs
from simulator.scoring.measure import KnockOut, knockouts
from simulator.types import Coverage, Transcript

BANK = {q.id: q for b in bundled_banks() for q in b.questions}
HEATING = ("Last winter a customer called because her heating bill had doubled and she was worried she could "
           "not pay it. I listened, apologized for the stress, and looked into her account.")
ACCOUNT = ("I understand. Can I get your name and the account number so I can verify the account? Let me pull "
           "up your account and take a look at those two charges.")


def covering(qid: str, text: str, label: str, turn: int | None = None) -> str | None:
    """The clause that covers the key point `label`, or None."""
    x = Inputs(BANK[qid], Transcript.typed(text), None, turn)
    r = next(r for r in x.points_read if r.point.label == label)
    return r.clause.text if r.coverage is Coverage.COVERED else None


def test_the_problem_a_customer_called_about_is_not_the_result():
    # the demo: "because their heating bill had doubled — covers: result"
    assert covering("above-and-beyond", HEATING, "result") is None


def test_a_change_told_after_what_was_done_is_the_result():
    clause = covering("above-and-beyond", HEATING + " In the end her bill went down by half.", "result")
    assert clause is not None and "went down by half" in clause, clause


@pytest.mark.parametrize("text, said", [
    # the demo: "and the account number — covers: look into it"
    (ACCOUNT, "pull up your account"),
    ("I understand. Let me pull up your account.", "pull up your account"),
])
def test_a_point_is_quoted_where_its_words_are_said_together(text, said):
    clause = covering("double-billed-caller", text, "look into it", turn=2)
    assert clause is not None and said in clause and "account number" not in clause, clause


def score(qid: str, text: str):
    return score_answer(BANK[qid], Transcript.typed(text))


def test_an_answer_that_says_what_it_does_is_about_good_service():
    # issue 10: 2.7, "nearer another question: A customer tells you this is the fourth time..."
    s = score("what-is-good-service", "We log the fault, sort it, and then ring the customer to check it worked.")
    assert KnockOut.OFF_TOPIC not in knockouts(s.metrics) and 25 <= s.overall <= 70, s.overall


@pytest.mark.parametrize("qid, text", [
    # "sort" is "fix" in words, but the rota is no customer's problem (66.8 before)
    ("what-is-good-service", "We log our hours on a sheet, sort the rota out on Fridays, and then ring the manager "
                             "if we can't make a shift."),
    # good service, given to the overtime question: none of the hours, nearer another question (74.0 before)
    ("overtime-peak-season", "At the post office I learned that good service means getting the parcel there when you "
                             "promised and being polite about it."),
])
def test_twins_in_the_same_words_still_answer_another_question(qid, text):
    s = score(qid, text)
    assert KnockOut.OFF_TOPIC in knockouts(s.metrics) and s.overall <= 10, s.overall


def test_a_problem_to_sort_is_a_problem_solved_not_a_denial():
    # "...with a problem to sort" denied "solving problems" and knocked the answer out (6.1 before)
    s = score("why-call-center", "Sitting at a desk all day with nobody to talk to would drive me mad. Here every "
                                 "call is someone new with a problem to sort.")
    assert KnockOut.DENIED not in knockouts(s.metrics) and s.overall >= 25, s.overall
    # its twin still denies: "no problem to ..." is the candidate's own "no"
    assert any(denials_of("It is not a problem to work weekends."))
