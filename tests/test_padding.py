"""Padding earns no key point, and a plan in stock phrases with real steps is no cliché (s8-tips).

Cases from `judgment/padding_cases.yaml`, written before the rules that read them."""

from __future__ import annotations

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.scoring.inputs import Inputs
from simulator.scoring.overall import Cap, caps
from simulator.scoring.said_back import says_back
from simulator.types import Coverage, Transcript

BANK = {q.id: q for b in bundled_banks() for q in b.questions}


def _covered_by(qid: str, text: str) -> dict[str, str]:
    read = Inputs(BANK[qid], Transcript.typed(text)).points_read
    return {r.point.label: r.clause.text for r in read if r.coverage is Coverage.COVERED}


def test_a_clause_that_says_the_question_back_covers_no_point():
    # "What happened is he was angry" covered "apologized"; "this company is a company that is
    # hiring" covered "researched the company"; "then the customer is yelling" covered "let them finish".
    story = _covered_by("angry-customer-time", "What happened is he was angry. In the end I gave him a refund.")
    assert "apologized" not in story and "result" in story, story
    company = _covered_by("why-this-company", "Well, this company is a company that is hiring.")
    assert "researched the company" not in company, company
    yelling = _covered_by("customer-yelling-first-word", "Then the customer is yelling. I would stay calm.")
    assert "let them finish" not in yelling and "stay calm" in yelling, yelling


def test_what_the_candidate_adds_to_the_questions_words_is_not_said_back():
    q = BANK["availability-shifts"].text
    assert says_back("So you are open seven days a week", q)
    assert says_back("until ten at night", q)  # "10" in the question
    assert not says_back("I can do seven days a week", q)  # "do": the candidate's own answer
    assert not says_back("Weekends fine.", q)
    assert not says_back("I'm good with people", BANK["why-call-center"].text)


def test_a_plan_in_stock_phrases_with_real_steps_is_not_capped_as_a_cliche():
    # depth/customer-yelling-first-word/10 was capped at 40 as "what every candidate says"
    q = BANK["customer-yelling-first-word"]
    score = score_answer(q, Transcript.typed(
        "Stay calm and let them vent. Then apologise, ask for the tracking number and give them a real answer."))
    assert Cap.CLICHE not in caps(score.metrics, 20), score.metrics
    assert score.overall >= 50
    # the stock line alone is still what every candidate says
    alone = score_answer(q, Transcript.typed("Stay calm and let them vent."))
    assert alone.overall <= 45


def test_a_clause_split_off_the_candidates_own_sentence_is_not_said_back():
    # "...and I can stay until ten most nights": its clause "until ten most nights" has lost its "I"
    said = _covered_by("availability-shifts", "Weekends are no problem for me, and I can stay until ten most nights.")
    assert {"weekends", "evenings"} <= set(said), said


def _flags(qid: str, text: str) -> list[str]:
    return [f"{m.family.value}: {m.clause.text}" for m in Inputs(BANK[qid], Transcript.typed(text)).flags_meant]


def test_the_question_said_back_carries_no_red_flag():
    # restating_cases.yaml (written before this rule): the interviewer's own words, said back, were
    # knocked out as contempt ("customers are not good with technology") and as a refusal
    # ("mandatory overtime is overtime that is mandatory")
    assert _flags("explain-technical-simply", "Well, technical things are technical, and some customers are not "
                  "good with technology, so you have to explain it to them. I would explain it simply.") == []
    assert _flags("overtime-peak-season", "Peak season is the busy season, and mandatory overtime is overtime "
                  "that is mandatory. So I feel okay about that.") == []
    # ...but what the candidate adds beside a said-back phrase is still read
    assert any(f.startswith("contempt") or f.startswith("dismissive")
               for f in _flags("explain-technical-simply", "Customers who aren't good with technology are just thick, "
                               "honestly. I'd tell them to ask their grandkids."))


def test_a_padded_answer_is_not_told_its_restating_is_a_fair_start():
    # restating_cases.yaml: the padding tip quoted "Out of all the places hiring right now, why you?" as
    # restating, and the example tip then called the same words "a fair start"
    from simulator.coach import answer_tips
    text = ("Out of all the places hiring right now, why you? Well, there are a lot of places hiring right now, and "
            "out of all of them you are one of the places hiring. You are a good company, a really good company, "
            "and I would like to work for a good company. So that's why you.")
    t = Transcript.typed(text)
    s = score_answer(BANK["why-this-company"], t)
    tips = [x.text for x in answer_tips(BANK["why-this-company"], s.metrics, t)]
    assert any("says the question back" in x for x in tips), tips
    assert not any("fair start" in x for x in tips), tips
