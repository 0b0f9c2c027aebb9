"""Money as the only reason is judged only where the motive is asked (m9-motive pass).

"I just need a job" to a question about the job, a weakness or a method is a weak non-answer whose
tip brings the candidate back to the question; money-only said to a motive question stays a red flag,
and pay named beside a real reason is an honest motive. Cases from tests/judgment/motive_cases.yaml and
motive2_cases.yaml (tune half; the even pairs this pass tuned on, and the odd ones it held out)."""

from __future__ import annotations

import pytest

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.types import EvidenceKind, RedFlag, Severity, Transcript


def _q(qid):
    return next(q for b in bundled_banks() for q in b.questions if q.id == qid)


def _flags(s):
    m = s.metric("professionalism")
    return [e for e in (m.evidence if m else ()) if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


NON_ANSWERS = [
    ("what-does-the-job-involve", "Answering phones? I don't know, I just need a job."),
    ("greatest-weakness", "Um, I guess, like, I need a job, I don't know."),
    ("explain-technical-simply", "No idea, I'm not technical. I just need work."),
    ("refund-against-policy", "I'm not sure what I'd do. I just need a job so I'd figure it out."),
]


@pytest.mark.parametrize("qid,text", NON_ANSWERS)
def test_need_said_to_a_question_not_about_motive_is_no_money_flag(qid, text):
    s = score_answer(_q(qid), Transcript.typed(text))
    assert not any(e.label == RedFlag.MONEY.value for e in _flags(s)), _flags(s)
    assert s.overall <= 45


@pytest.mark.parametrize("qid,text", NON_ANSWERS)
def test_its_tip_brings_them_back_to_the_question(qid, text):
    q = _q(qid)
    s = score_answer(q, Transcript.typed(text))
    tip = s.tips[0].text
    assert "doesn't answer what I asked" in tip and q.text.split("?")[0][:30] in tip, tip
    assert "only for the money" not in tip and "what most candidates say" not in tip, tip


def test_what_the_job_involves_does_not_ask_the_motive():
    from simulator.scoring.flag_readings import asks_motive_of
    assert not asks_motive_of(_q("what-does-the-job-involve"))
    for qid in ("why-call-center", "why-this-company", "why-leaving-current-job", "where-in-five-years"):
        assert asks_motive_of(_q(qid)), qid


@pytest.mark.parametrize("qid,text", [
    ("why-this-company", "Honestly, just for the money. Whatever you make or sell doesn't really matter to me."),
    ("why-leaving-current-job", "More cash. If the next place pays more I'll move on from here too, that's just how I work."),
    ("where-in-five-years", "Long gone, I hope. I'm only here for a quick bit of money to pay for travelling."),
    ("why-call-center", "Bills. That's all. It's a job that pays and I don't have to think much."),
])
def test_money_only_on_a_motive_question_stays_a_red_flag(qid, text):
    s = score_answer(_q(qid), Transcript.typed(text))
    assert any(e.label == RedFlag.MONEY.value for e in _flags(s))
    assert s.overall <= 10
    assert "only for the money" in s.tips[0].text


@pytest.mark.parametrize("qid,text", [
    ("why-call-center", "It's close to home and the pay is fair, and I enjoy helping people sort out their problems. I did it for two years on a hotel front desk."),
    ("why-this-company", "The money's decent, and I like that your customers are people needing help with their energy bills. I've been there myself, so I know how much a kind voice helps."),
    ("why-leaving-current-job", "My shop hours got cut, so I need more steady pay. I also miss helping customers properly, and this job is all about that."),
])
def test_pay_beside_a_real_reason_is_an_honest_motive(qid, text):
    s = score_answer(_q(qid), Transcript.typed(text))
    assert not _flags(s)
    assert s.overall >= 25
