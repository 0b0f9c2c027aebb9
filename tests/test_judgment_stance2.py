"""Sameness and boredom said both ways, callers judged as a group, and the tone words of each red
flag (twentieth pass). Cases from tests/judgment/stance2_cases.yaml (tune half, written by the
coordinator before the rules; the even pairs this pass tuned on, the odd ones held out and only
measured), and unit checks of the readings they led to."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))

import judgment_set as js  # noqa: E402
from floors import scored_pairs, severe_flags, typed_score  # noqa: E402

from simulator.scoring.clauses import stance, stance_toward  # noqa: E402
from simulator.scoring.flag_meaning import _has_tone  # noqa: E402
from simulator.scoring.scorn import predicate, scorned  # noqa: E402
from simulator.types import RedFlag  # noqa: E402


@lru_cache(maxsize=1)
def _pairs():
    return scored_pairs("stance2")


def _half(odd: bool):
    return [p for p in _pairs() if (p[0] % 2 == 1) == odd]


def test_the_file_has_its_pairs():
    pairs = _pairs()
    assert len(pairs) == 16
    assert all(bad.tier.name == "bottom" and good.tier.name == "short_strong" for _, bad, _, good, _ in pairs)


def test_no_good_answer_is_flagged_and_each_outscores_its_bad_twin():
    # blind (33b8bef): 1 good answer flagged ("...orders, bills and faults" as a brush-off), 14 of 16 above their twin
    pairs = _pairs()
    assert not [good.text for _, _, _, good, gs in pairs if severe_flags(gs)]
    assert sum(gs.overall > bs.overall for _, _, bs, _, gs in pairs) >= 15
    assert sum(good.within_bounds(gs.overall) for _, _, _, good, gs in pairs) >= 15


def test_bad_answers_the_pass_tuned_on_sit_at_the_bottom():
    # blind: 3 of the 8 even pairs' bad answers within bounds (<= 10)
    even = _half(odd=False)
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in even) >= 5, [(n, bs.overall) for n, _, bs, *_ in even]


def test_bad_answers_held_out_of_tuning_keep_their_measure():
    # blind: 3 of the 8 odd pairs; measured after the pass, never tuned on: see the README
    odd = _half(odd=True)
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in odd) >= 3, [(n, bs.overall) for n, _, bs, *_ in odd]


@pytest.mark.parametrize("said, sign", [
    ("No two calls are alike.", 1), ("No two shifts are identical.", 1), ("Every call is identical.", -1),
    ("I never get bored on the phone.", 1), ("I get bored on the phone.", -1), ("There's never a dull day.", 1),
])
def test_sameness_and_boredom_take_their_stance(said, sign):
    assert stance(said) == sign


def test_variety_said_as_no_two_alike_covers_it():
    s = typed_score("why-call-center", "No two calls were alike, and I loved that.")
    assert not severe_flags(s)
    m = s.metric("key_points")
    assert any(e.label == "fast-paced" and e.coverage.value == "covered" for e in m.evidence)
    assert stance_toward("No two calls were alike", "every call is different") == 1


@pytest.mark.parametrize("sentence, said", [
    ("People like that are the bottom of the barrel.", "are the bottom of the barrel"),
    ("Most of them are too lazy to read the website anyway.", "are too lazy to read the website anyway"),
    ("Folks ringing in mostly can't be bothered to read their own paperwork, so somebody has to.",
     "mostly can not be bothered to read their own paperwork"),
    ("Some customers are rude.", None),  # a few: a fact of the job
    ("Public speaking isn't my cup of tea.", None),  # "public" is no group of callers here
    ("The customer was rude to me.", None),  # one caller, in a story
    ("I like people.", None),  # the candidate is the subject
    ("If people are rude, I stay calm.", None),  # a scene, not a view of callers
    ("Customers can be rude, and you have to stay calm.", None),  # what they may do at times
    ("Honestly, I left because the customers there were rude and entitled.", "were rude and entitled"),
    ("To be honest, most callers are just lazy.", "are just lazy"),
])
def test_callers_as_a_group_and_what_is_said_of_them(sentence, said):
    assert predicate(sentence) == said


@pytest.mark.parametrize("qid, text", [
    ("why-leaving-current-job", "The customers there are a different breed, entitled and rude, the lot of them, "
                                "and I've had my fill of them."),
    ("abusive-caller", "People like that are the bottom of the barrel. I'd tell them exactly what I think of them "
                       "before I ended the call."),
])
def test_callers_scorned_as_a_group_end_the_interview_and_the_tip_says_why(qid, text):
    s = typed_score(qid, text)
    assert s.overall <= 10
    assert [e.label for e in severe_flags(s)] == [RedFlag.CONTEMPT.value]
    tip = s.tips[0].text
    assert text.split(",")[0].split(".")[0] in tip and "people you'd be helping" in tip


@pytest.mark.parametrize("qid, text", [
    ("why-call-center", "A lot of people ringing in haven't had the time to read their paperwork, and I like being "
                        "the one who walks them through it calmly."),
    ("what-is-good-service", "Most callers are busy and stressed, so you keep it simple and make sure it's fixed."),
    ("customer-yelling-first-word", "Most people calm down once they feel heard, so I let them finish."),
    ("why-call-center", "Customers are the reason we have jobs, so I treat every caller well."),
    ("where-in-five-years", "People on my team say I explain things well, so I'd like to be a trainer in five years."),
])
def test_callers_understood_as_a_group_are_no_red_flag(qid, text):
    assert not severe_flags(typed_score(qid, text))


def test_a_word_of_one_red_flags_tone_does_not_confirm_another():
    assert _has_tone("Your job is to find the fault, fix it or book the engineer.", RedFlag.BLAME)
    assert not _has_tone("Your job is to find the fault, fix it or book the engineer.", RedFlag.DISHONESTY)
    assert not _has_tone("Fix it or pass it on, and write notes on the account.", RedFlag.DISHONESTY)
    assert not _has_tone("Calls about orders, bills and faults.", RedFlag.DISMISSIVE)
    assert _has_tone("Calls about orders, bills and faults.", RedFlag.MONEY)
    assert _has_tone("I'd pretend to be the supervisor.", RedFlag.DISHONESTY)


@pytest.mark.parametrize("qid, text", [
    ("what-does-the-job-involve", "Answering calls and chats about orders, bills and faults, and logging each one "
                                  "properly. No two shifts are identical, so you adapt as you go."),
    ("what-does-the-job-involve", "They take calls all day, find out what the customer needs, fix it or pass it on, "
                                  "and write notes on the account as they go."),
])
def test_the_job_described_plainly_is_no_red_flag(qid, text):
    s = typed_score(qid, text)
    assert not severe_flags(s) and s.overall >= 50


# Several red-flag exemplars agreeing on a sentence, and nothing else, confirm it only when the
# answer as a whole does not lean professional (`th.RED_FLAG_CONSENSUS_ANSWER_TONE`). Tune fresh
# cases: professional answers knocked out by consensus alone, and rude ones it still finds.
CONSENSUS_FAIR = ["thin/why-call-center/4", "relevance/why-call-center/11", "avoidance/availability-shifts/40",
                  "avoidance/supervisor-demand-caller/55", "depth/refund-against-policy/17"]
CONSENSUS_RUDE = ["fresh/abusive-caller/25", "fresh/what-is-good-service/28", "precision2/lost-package-caller/86"]


@lru_cache(maxsize=1)
def _fresh_by_id():
    return {f.case.id: f.case for f in js.load_fresh()}


@pytest.mark.parametrize("case_id", CONSENSUS_FAIR)
def test_consensus_alone_does_not_knock_out_an_answer_that_leans_professional(case_id, monkeypatch):
    from simulator.scoring import thresholds as th

    case = _fresh_by_id()[case_id]
    assert not severe_flags(typed_score(case.question.id, case.text, case.turn)), case.text
    # and it is this rule that clears it: without it, consensus knocks the answer out
    monkeypatch.setattr(th, "RED_FLAG_CONSENSUS_ANSWER_TONE", float("-inf"))
    assert severe_flags(typed_score(case.question.id, case.text, case.turn)), case.text


@pytest.mark.parametrize("case_id", CONSENSUS_RUDE)
def test_consensus_still_finds_a_rude_answer(case_id):
    case = _fresh_by_id()[case_id]
    score = typed_score(case.question.id, case.text, case.turn)
    assert severe_flags(score) and score.overall <= 15, (case.text, score.overall)
