"""The job's key points negated in idioms (nineteenth pass): a part of the job named, then what the
candidate makes of it ("Leading a team is the last thing I'd want", "Going the extra mile was never
my thing"), "I'm not someone who...", "too wound up to help". Cases from tests/judgment/stance_cases.yaml
(tune half, written by the coordinator before the rules; the even pairs this pass tuned on, the odd
ones held out and only measured)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import judgment_set as js  # noqa: E402
from floors import typed_score  # noqa: E402
from stance_pairs import split_pairs  # noqa: E402

from simulator.scoring.clauses import agrees, stance_toward  # noqa: E402
from simulator.scoring.verdict import verdict  # noqa: E402


@lru_cache(maxsize=1)
def _scored():
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith("stance/")]
    pairs, others = split_pairs(cases)
    score = lambda c: typed_score(c.question.id, c.text, c.turn).overall  # noqa: E731
    return ([(n, score(neg), score(twin), neg, twin) for n, (neg, twin) in enumerate(pairs, 1)],
            [(n, score(o), o) for n, o in enumerate(others, 1)])


def _half(rows, odd: bool):
    return [r for r in rows if (r[0] % 2 == 1) == odd]


def test_the_file_has_its_pairs():
    pairs, others = _scored()
    assert len(pairs) == 18 and len(others) == 10
    assert all(neg.family == "negation" and twin.family != "negation" for *_, neg, twin in pairs)


def test_negated_answers_the_pass_tuned_on_sit_at_the_bottom():
    # blind (before verdict.py): 5 of the 9 even pairs' negated answers within bounds (<= 10)
    even = _half(_scored()[0], odd=False)
    assert sum(neg.within_bounds(ns) for _, ns, _, neg, _ in even) >= 7, [(n, ns) for n, ns, *_ in even]


def test_negated_answers_held_out_of_tuning_keep_their_measure():
    # blind: 3 of the 9 odd pairs; measured after the pass, never tuned on: 5
    odd = _half(_scored()[0], odd=True)
    assert sum(neg.within_bounds(ns) for _, ns, _, neg, _ in odd) >= 5, [(n, ns) for n, ns, *_ in odd]


def test_every_twin_said_the_other_way_round_outscores_its_negation():
    pairs, _ = _scored()
    assert sum(ts > ns for _, ns, ts, *_ in pairs) >= 17  # blind 17 of 18: pair 13's twin is a refusal flag
    assert sum(twin.within_bounds(ts) for _, _, ts, _, twin in pairs) >= 17


def test_professional_answers_built_from_negations_are_not_pulled_down():
    even = _half(_scored()[1], odd=False)
    assert all(o.within_bounds(s) for _, s, o in even), [(n, s) for n, s, _ in even]


@pytest.mark.parametrize("sentence,stance", [
    ("Leading a team is the last thing I'd want", -1),
    ("Going the extra mile for callers was never my thing.", -1),
    ("Talking to customers all day isn't really something I'd enjoy, honestly.", -1),
    ("Weekends and evenings are no problem for me.", 1),
    ("Working late in December is fine by me.", 1),
    ("and a day on the phones sounds like a nightmare to me", -1),
])
def test_a_part_of_the_job_named_then_judged(sentence, stance):
    judged = verdict(sentence)
    assert judged is not None and judged.stance == stance, judged


@pytest.mark.parametrize("sentence", [
    "Helping people is not just my job, it's my passion.",  # a hedge on how much
    "Being rude to a caller isn't acceptable.",  # a fact, not the candidate's stance
    "Now there's nothing I like more than sorting out a problem.",  # no part of the job as subject
    "Weekends, evenings, none of it is a problem for me.",  # a denial in the subject
    "I think helping people is what I love.",  # the candidate is the subject
])
def test_no_verdict_where_the_sentence_is_not_that_shape(sentence):
    assert verdict(sentence) is None


def test_a_denied_identity_reaches_its_whole_relative_clause():
    text = "I'm not someone who gets a real thrill out of sorting other people's problems"
    assert stance_toward(text, "solving problems") == -1
    assert stance_toward("I'm someone who gets a real thrill out of sorting other people's problems", "solving problems") == 1


def test_too_much_to_do_it_denies_it():
    assert not agrees("I'd be far too stressed to help them", "help the customer")
    assert agrees("I'm never too busy to help them", "help the customer")


def test_a_denial_of_other_words_is_no_denial_of_these():
    # "...exhausting to me, not exciting" said "never boring" by two denials of different words
    assert not agrees("not exciting", "never boring")
    assert agrees("never boring", "never boring")


def test_the_tip_for_a_no_said_without_a_not_does_not_send_them_hunting_for_one():
    s = typed_score("where-in-five-years", "Running a team is the last thing I'd want. Same desk, same calls, that's me.")
    assert s.overall <= 15
    tip = s.tips[0].text
    assert "the last thing I'd want" in tip and "\"don't\" and \"never\"" not in tip, tip
    s = typed_score("what-is-good-service", "Going the extra mile for callers was never my thing, and I don't fix things properly.")
    assert s.overall <= 15
    assert "\"don't\" and \"never\"" in s.tips[0].text, s.tips[0].text
    s = typed_score("why-call-center", "Talking people through their problems all day isn't really my thing.")
    assert "every \"isn't\"" in s.tips[0].text, s.tips[0].text  # the word as said, not one it lacks


@pytest.mark.parametrize("sentence,stance", [
    ("Late shifts don't bother me.", 1),
    ("Angry callers worry me.", -1),
    ("and the repetition never bores me", 1),
    ("Going slowly with someone who's lost frustrates me no end.", -1),  # "no end" is no denial
    ("Working weekends really suits me.", 1),
])
def test_what_the_part_of_the_job_does_to_the_candidate(sentence, stance):
    judged = verdict(sentence)
    assert judged is not None and judged.stance == stance, judged


def test_a_yes_said_as_a_denied_fear_is_no_refusal():
    # litotes_cases.yaml (blind: 1 of its 8 professional answers knocked out as a refusal,
    # "Being on the phone all day doesn't scare me one bit")
    from floors import severe_quotes
    s = typed_score("availability-shifts", "Working nights doesn't scare me at all, I did them at a warehouse for a year.")
    assert not severe_quotes(s) and s.overall >= 50, (severe_quotes(s), s.overall)
    litotes = [f.case for f in js.load_fresh() if f.case.id.startswith("litotes/") and f.case.family != "negation"]
    assert len(litotes) == 8
    assert not [c.id for c in litotes if severe_quotes(typed_score(c.question.id, c.text))]


def test_weariness_of_something_denies_it():
    # litotes_cases.yaml: "I get tired of talking to people very quickly" covered "talking to people"
    assert not agrees("I get tired of talking to people very quickly", "talking to people")
    assert agrees("I never get tired of talking to people", "talking to people")
    assert not agrees("I'm fed up with talking to customers", "talking to customers")

