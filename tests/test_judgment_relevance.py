"""On-topic answers said indirectly, and key points heard where they were not said (p4-relevance
pass, issue 10 points 2 and 7; cases in judgment/relevance_cases.yaml)."""

from __future__ import annotations

import pytest

from simulator.banks import bundled_banks
from simulator.scoring.inputs import Inputs
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

