"""Refusing the job's basics in the negative ("I wouldn't apologise, I wouldn't hear them out"),
and hanging up on a caller, are red flags; the same negation grammar for good practice ("I'd
never hang up on a customer", "I don't argue with callers") is not (tests/judgment/refusal_cases.yaml,
written and labelled before the rules that read it changed)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import floors  # noqa: E402
from floors import severe_flags, typed_score  # noqa: E402


# Measured blind when the file was written (before any rule changed): found 7 of 24, 2 of 27
# professional answers flagged ("I don't argue with callers", as a refusal), judged 32 of 51.
# After the rules that read it (refusal.py, the stance of a clause's own denial, "why would I"): found
# 24, none flagged, judged 50 (the one miss: "I don't argue with callers." scores 21, under its
# mediocre label, as a five-word answer with no key point; no longer a refusal).
FOUND, FLAGGED, JUDGED = 23, 0, 49


@pytest.fixture(scope="module")
def cases():
    return floors.scored("refuse")


def test_the_file_is_on_tune_questions_with_its_mix(cases):
    assert len({f.case.question.id for f, _ in cases}) >= 8
    assert sum(f.flag is True for f, _ in cases) >= 20 and sum(f.flag is False for f, _ in cases) >= 20


def test_refusals_in_the_negative_are_red_flags_and_knocked_out(cases):
    floors.assert_rude_found(cases, FOUND)


def test_good_practice_said_in_the_negative_is_no_red_flag(cases):
    floors.assert_professional_flagged(cases, FLAGGED)


def test_most_refusal_cases_are_judged_as_labelled(cases):
    ok = floors.judged(cases)
    assert ok >= JUDGED, ok


def test_refusing_to_apologise_listen_and_follow_up_is_a_refusal_quoted_back():
    """A new user's try: scored 37 ("no story"), no flag; a recruiter would give 0-10."""
    text = "I wouldn't apologise, I wouldn't hear them out, and I'm not about to chase the courier for them."
    s = typed_score("angry-customer-time", text)
    assert s.overall <= 10 and {e.label for e in severe_flags(s)} == {"refusal"}
    tip = s.tips[0]
    assert tip.area == "professionalism"
    assert "wouldn't apologise" in tip.text and "would end a real interview" in tip.text


def test_hanging_up_on_a_yelling_caller_is_a_red_flag_but_dealing_with_them_hedged_is_not():
    s = typed_score("customer-yelling-first-word", "I'd just deal with them quickly and hang up.")
    assert s.overall <= 10 and severe_flags(s)
    assert "hang up" in s.tips[0].text and re.search(r"would end (a real interview|things there)", s.tips[0].text)
    hedged = typed_score("customer-yelling-first-word", "I would probably just try to deal with them, I guess.")
    assert not severe_flags(hedged) and 30 <= hedged.overall <= 45


@pytest.mark.parametrize("qid,text,before", [
    ("customer-yelling-first-word", "I'd never hang up on a customer, I'd let them finish and then apologise.", 72),
    ("customer-yelling-first-word", "I wouldn't interrupt them.", 40),
    ("refund-against-policy", "I won't promise a refund I can't give.", 50),
    ("abusive-caller", "I wouldn't take it personally.", 46),
    ("abusive-caller", "I don't argue with callers.", 20),  # was wrongly a refusal (2.6); short, no key point
    ("abusive-caller", "If they keep swearing after two warnings, I'd follow the abusive-call policy and end the "
                       "call politely.", 66),
    # no call for it, or not yet, or not like that: a limit of how or when, never a refusal
    ("angry-customer-time", "I didn't have to apologise for long; I let her talk, fixed the bill, and she thanked "
                            "me.", 60),
    ("abusive-caller", "I wouldn't listen to abuse for long; after one warning I'd end the call the way the policy "
                       "says.", 60),
    ("customer-yelling-first-word", "I wouldn't apologise for the company straight away, I'd let them finish first "
                                    "and then say sorry.", 60),
    ("refund-against-policy", "I'm not going to ignore the policy, but I won't just say no either; I'd ask my "
                              "supervisor what we can offer.", 60),
])
def test_professional_negations_stay_professional_and_keep_their_score(qid, text, before):
    s = typed_score(qid, text)
    assert not severe_flags(s), [e.quote for e in severe_flags(s)]
    assert s.overall >= before, s.overall


def test_a_denial_is_its_own_clauses_and_a_question_to_oneself_denies():
    """"I wouldn't apologise, I wouldn't hear them out" denies hearing them out once, not twice;
    "Why would I let them finish?" says "I wouldn't"; "I don't think I'd..." still denies."""
    from simulator.scoring.clauses import stance_toward
    assert stance_toward("I wouldn't apologise, I wouldn't hear them out", "hear out") == -1
    assert stance_toward("I'd never hang up on a customer, I'd let them finish", "let finish") == 1
    assert stance_toward("Why would I let them finish?", "let finish") == -1
    assert stance_toward("I don't think I would enjoy it", "enjoy") == -1
    assert stance_toward("I'm not fussy about shifts, evenings and weekends are fine", "weekends") == 1
