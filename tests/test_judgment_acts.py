"""What the candidate did to one caller and what they called them, and answers typed without
punctuation or apostrophes (twenty-first pass). Cases from tests/judgment/acts_cases.yaml (tune half,
written by the coordinator before the rules), and unit checks of the words they led to: names for
one caller, on hold until they give up and "go somewhere else" in everyday words
(`scoring/lexicon.py`)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))

from floors import scored_pairs, severe_flags, severe_quotes, typed_score  # noqa: E402

from simulator.types import RedFlag  # noqa: E402


@lru_cache(maxsize=1)
def _pairs():
    return scored_pairs("acts")


def test_the_file_has_its_pairs():
    pairs = _pairs()
    assert len(pairs) == 16
    assert all(bad.tier.name == "bottom" and good.tier.name == "short_strong" for _, bad, _, good, _ in pairs)


def test_no_good_answer_is_flagged_and_each_outscores_its_bad_twin():
    # blind (96acf56): no good answer flagged, 16 of 16 above their twin, 16 within bounds
    pairs = _pairs()
    assert not [good.text for _, _, _, good, gs in pairs if severe_flags(gs)]
    assert all(gs.overall > bs.overall for _, _, bs, _, gs in pairs)
    assert sum(good.within_bounds(gs.overall) for _, _, _, good, gs in pairs) >= 15


def test_bad_answers_sit_at_the_bottom_and_are_knocked_out():
    # blind (96acf56): 9 of 16 bad answers within bounds (<= 10), 9 knocked out. The names and
    # everyday brush-offs are words, written from the whole file (odd pairs too), so no half of it
    # is out of sample for them: 15 after them, 16 once an owned-up lie in a run-on ("tell them its
    # sorted even if it isnt and move on") ends its denial before "and".
    pairs = _pairs()
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in pairs) >= 16, [(n, bs.overall) for n, _, bs, *_ in pairs]
    for _, bad, bs, _, _ in pairs:
        if severe_flags(bs):
            assert bs.overall <= 10, (bad.text, bs.overall)


@pytest.mark.parametrize("qid, text", [
    ("angry-customer-time", "A man rang about his bill, a right muppet. I sorted his refund in the end."),
    ("angry-customer-time", "There was a lady who was a stupid cow, honestly the worst caller I'd ever spoken to. "
                            "I sorted her refund in the end."),
    ("angry-customer-time", "I put her on hold till she gave up."),
    ("angry-customer-time", "there was a lady who was rude so i kept her on hold til she hung up"),
    ("refund-against-policy", "I'd say tough luck, rules are rules."),
    ("refund-against-policy", "If they don't like the policy, they can take their business elsewhere."),
])
def test_names_and_brush_offs_in_everyday_words_are_red_flags(qid, text):
    s = typed_score(qid, text)
    assert severe_flags(s), s.overall
    assert s.overall <= 10
    assert any(e.label in (RedFlag.CONTEMPT.value, RedFlag.DISMISSIVE.value) for e in severe_flags(s))


@pytest.mark.parametrize("qid, text", [
    # the name is the caller's word for the candidate
    ("abusive-caller", "A caller once called me a prat and a muppet. I stayed calm, warned him about the language, "
                       "and he apologised."),
    # hold used for the caller, with their say
    ("angry-customer-time", "I asked if I could put her on hold for two minutes while I rang the depot, and came "
                            "back with a delivery slot for the next morning."),
    # a caller who took their business elsewhere, and the candidate who won them back
    ("refund-against-policy", "One customer said they'd take their business elsewhere, so I explained the "
                              "thirty-day rule kindly and offered a credit, and they stayed."),
])
def test_the_same_words_used_fairly_are_not(qid, text):
    s = typed_score(qid, text)
    assert not severe_flags(s), severe_quotes(s)


@pytest.mark.parametrize("qid, text, flagged", [
    # saying whatever ends the call, in its idiom; and an owned-up lie in a run-on with no commas
    ("what-is-good-service", "Tell them what they want to hear, and on to the next one.", True),
    ("what-is-good-service", "good service is getting them off the phone fast tell them its sorted even if it isnt "
                             "and move on nobody checks", True),
    # ...not honesty about what they don't want to hear, nor the idiom denied
    ("what-is-good-service", "It's not what they want to hear, but I'd be honest about the date and offer what I can.",
     False),
    ("what-is-good-service", "I won't just tell them what they want to hear. I'll tell them what I can actually do "
                             "and when.", False),
    ("what-is-good-service", "I told her the truth even though it wasn't easy and she thanked me later.", False),
    # a habit outgrown, said with what the candidate does now, is a weakness put right...
    ("greatest-weakness", "I used to tell customers what they wanted to hear, like 'it'll be there tomorrow'. It "
                          "backfired, so now I only promise what I can see on the system.", False),
    # ...and one kept is not
    ("greatest-weakness", "I used to tell customers what they wanted to hear and I still do, it keeps them happy.",
     True),
])
def test_saying_whatever_ends_the_call_is_dishonesty(qid, text, flagged):
    s = typed_score(qid, text)
    assert bool(severe_flags(s)) is flagged, severe_quotes(s)
    if flagged:
        assert s.overall <= 10
        assert any(e.label == RedFlag.DISHONESTY.value for e in severe_flags(s))
