"""Money as the only reason is a red flag where the motive is asked, and a need said to another
question is a non-answer (eighteenth pass). Cases from `judgment/motive_cases.yaml`, written before
the rule; the held-out (odd) pairs are measured apart in the README."""

from __future__ import annotations

import pytest

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.coach import answer_tips
from simulator.scoring.inputs import Inputs
from simulator.types import EvidenceKind, RedFlag, Severity, Transcript

BANK = {q.id: q for b in bundled_banks() for q in b.questions}


def _severe(qid: str, text: str) -> list[str]:
    s = score_answer(BANK[qid], Transcript.typed(text))
    m = s.metric("professionalism")
    return [e.label for e in m.evidence if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


@pytest.mark.parametrize("qid, text", [
    ("greatest-weakness", "Um, I guess, like, I need a job, I don't know."),  # issue 10's weakness, without its hedges
    ("greatest-weakness", "I don't really have one. I just need the money at the moment."),
    ("angry-customer-time", "I haven't had one really. I just need this job, to be honest."),
    ("abusive-caller", "I don't know. I'd just get on with it, I need the pay."),
])
def test_a_need_said_to_a_question_not_about_motive_is_a_non_answer_not_a_red_flag(qid, text):
    assert _severe(qid, text) == []
    t = Transcript.typed(text)
    score = score_answer(BANK[qid], t)
    assert score.overall <= 30, score.overall  # still weak: it answers nothing asked
    tips = [tip.text for tip in answer_tips(BANK[qid], score.metrics, t)]
    assert tips and not any("money" in tip.lower() or "interview" in tip.lower() for tip in tips[:1]), tips


@pytest.mark.parametrize("qid, text", [
    ("why-call-center", "Honestly it's something to tide me over till I get into the police. Any job would do really, this one's hiring."),
    ("why-this-company", "I just need the money at the moment, and you were hiring."),
    ("tell-me-about-yourself", "Not much to say. I just need the money, and you were hiring."),
])
def test_money_as_the_only_reason_is_a_red_flag_where_the_motive_is_asked(qid, text):
    assert "money" in _severe(qid, text)


def test_what_is_not_a_need_stays_a_red_flag_on_any_question():
    # a stopgap on the weakness question, sarcasm to a yelling caller: disengagement, wherever said
    assert _severe("greatest-weakness", "I get bored fast and drift off to the next thing. I'd give this a few months, tops, before I'm itching to go.")
    assert _severe("customer-yelling-first-word", "Oh sure, I LOVE being yelled at all day. I'd just smile and count the seconds until my break.")


def test_which_questions_ask_the_motive():
    asks = {qid: Inputs(BANK[qid], Transcript.typed("x")).asks_motive
            for qid in ("why-call-center", "tell-me-about-yourself", "why-should-we-hire-you",
                        "greatest-weakness", "greatest-strength", "handle-stress", "abusive-caller")}
    assert asks == {"why-call-center": True, "tell-me-about-yourself": True, "why-should-we-hire-you": True,
                    "greatest-weakness": False, "greatest-strength": False, "handle-stress": False,
                    "abusive-caller": False}
    assert RedFlag.MONEY.value == "money"
