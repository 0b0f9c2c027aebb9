"""What was not heard is not blamed, and the verdict says it was not heard (a new user's walk 5, P13)."""

from __future__ import annotations

from simulator import interviewer
from simulator.assess import score_answer
from simulator.coach import session_feedback
from simulator.scoring.calls import judge_call
from simulator.types import Answer, Transcript

from test_review import question, typed
from test_scoring import BILLED_CALL, BILLED_REPLIES

FIRST_REPLY = "Thank you for calling Northwind, my name is Sam. I'm so sorry you've been charged twice."
REFUND = "Yes, I've put in a refund for the second charge, and you'll see it in three to five business days."


def replies(texts: dict[int, str]) -> list[Answer]:
    return [Answer(BILLED_CALL, score_answer(BILLED_CALL, Transcript.typed(text), turn=turn), turn=turn)
            for turn, text in texts.items()]


def test_a_call_reply_that_was_not_heard_is_not_blamed_on_the_one_before_it():
    # Walk 5, P13: reply 2 (where the caller is verified) was a corrupt file; the tip said "You
    # didn't check who I was. On the call, when the customer said "I've been charged twice..." you
    # said "Thank you for calling..."": reply 1, where nobody verifies.
    heard = replies({1: FIRST_REPLY, 3: REFUND})
    judged = judge_call(BILLED_CALL, [(a.turn, a.score.transcript) for a in heard])
    assert "verification" not in judged, judged.get("verification")
    assert "verification" not in {t.area for t in session_feedback(heard).tips}
    # heard, and not said: still a tip, on the reply where it belongs
    heard = replies({1: FIRST_REPLY, 2: "Okay, let me look at that.", 3: REFUND})
    judged = judge_call(BILLED_CALL, [(a.turn, a.score.transcript) for a in heard])
    assert judged["verification"].turn == 2 and judged["verification"].metric.score < 50


def strong(qid: str) -> Answer:
    return typed(question(qid), "I really enjoy helping people, and at the pharmacy I handled about forty calls a day, "
                                "like the time an elderly man's prescription went missing and I tracked it down with "
                                "his doctor before the weekend, so he had it on the Saturday.")


def test_a_good_verdict_says_what_was_not_heard():
    # Walk 5, P13: "I'd move you to the next round" with 1 of 4 questions and 2 of 4 call replies not
    # heard; after Ctrl-C with 2 of 3 answered, the same verdict (walk 4 said "I only heard 2 of 3").
    good = "I'd move you to the next round."
    plan = [interviewer.PlannedQuestion(question(q)) for q in ("why-call-center", "greatest-strength",
                                                               "customer-service-experience")]
    two = [strong("why-call-center"), strong("greatest-strength")]
    verdict = interviewer.honest_verdict(good, two, plan)
    assert "next round" in verdict and "I only heard 2 of 3 answers" in verdict, verdict
    assert interviewer.honest_verdict(good, two, plan[:2]) == good
    call = replies({1: BILLED_REPLIES[0], 3: BILLED_REPLIES[2]})
    plan = plan[:2] + [interviewer.PlannedQuestion(BILLED_CALL), interviewer.PlannedQuestion(question("availability-shifts"))]
    verdict = interviewer.honest_verdict(good, two + call, plan)
    assert "I only heard 3 of 4 answers and 2 of your 4 replies on the call" in verdict, verdict
    assert interviewer.honest_verdict("Not yet, but you're close.", two, plan) == "Not yet, but you're close."
