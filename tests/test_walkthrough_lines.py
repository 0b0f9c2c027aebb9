"""Lines a new user read in the thirteenth walkthrough (2026-12-02: typed, spoken and mixed
sessions in one data folder, `tips`, `progress`, `review`, the HTML pages) that a kind,
experienced call-center recruiter would not say: a target in the wrong unit, a key point named
as another idea, one sentence said three times, a count in the wrong form."""

from __future__ import annotations

from simulator import banks, interviewer
from simulator.assess import score_answer
from simulator.coach import session_feedback
from simulator.coach.targets import target_text
from simulator.scoring import thresholds as th
from simulator.types import Answer, Medium, Tip, Transcript

from test_coach import spoken


def bundled(qid: str):
    every = [banks.load_bank(p, bundled=True) for p in sorted(banks.bundled_banks_dir().glob("*.yaml"))]
    return banks.find_question(every, qid)


def typed(qid: str, text: str) -> Answer:
    q = bundled(qid)
    return Answer(q, score_answer(q, Transcript.typed(text)))


def said(qid: str, text: str) -> Answer:
    q = bundled(qid)
    return Answer(q, score_answer(q, spoken(text)))


def test_a_typed_answers_filler_tip_aims_for_fillers_per_100_words_as_its_text_says():
    # "I'd like 2 or fewer in every 100 words" in the tip, then "Aim for: 3 or fewer fillers a
    # minute" under it: a typed answer has no minute.
    feedback = session_feedback([typed("what-is-good-service", "I guess maybe it's like, um, being helpful I "
                                       "suppose. I think it's kind of listening. I'm a perfectionist. Yeah.")])
    tip = next(t for t in feedback.tips if t.area == "fillers")
    assert "2 or fewer in every 100 words" in tip.text
    assert tip.target == th.FILLERS_PER_100_WORDS.target
    spoken_tip = next(t for t in session_feedback([said(
        "why-call-center", "Um so I want to work in a call center because um I really like helping people and uh "
        "I like that every call is different, um, and at my last job I helped forty customers a day.")]).tips
        if t.area == "fillers")
    assert spoken_tip.target == th.FILLERS_PER_MINUTE.target
