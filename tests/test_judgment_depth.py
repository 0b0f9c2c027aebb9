"""An excellent answer outscores a short but strong one (issue 10's ranking: "excellent > short but
strong > mediocre"; tests/judgment/depth_cases.yaml, written and labelled before the rules that read
it changed). A recruiter rewards a full answer for what a short one cannot have: several of the
question's ideas, and a story with what was done and how it turned out. Length alone earns nothing:
a long answer that says little, or says one thing over and over, stays mediocre at most."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path[:0] = [str(Path(__file__).parent / "judgment"), str(Path(__file__).parents[1] / "benchmarks")]

import floors  # noqa: E402
import tier_pairs  # noqa: E402
from floors import typed_score  # noqa: E402

from simulator.scoring import thresholds as th  # noqa: E402
from simulator.scoring.overall import Cap, caps  # noqa: E402

# Measured blind when the file was written (main at dd5f039): 18 of 57 pairs of different tiers to one
# question wrongly ordered, 14 of 19 excellent answers above their short strong twin, 37 of 44 cases
# within bounds. After (o7-excellent): 15, 14, 38. The twins still wrongly ordered are knocked out by
# a red flag in a professional clause ("A call comes in", "there might be a good reason, like being
# in hospital"), capped as a ramble with an ending no exemplar is near ("He built it that weekend and
# sent us a photo"), or make one point in other words; and one is a point behind a strong twin.
WRONG_PAIRS, TWINS_ORDERED, WITHIN = 15, 14, 38

# A full story making three of the question's points in 73 words: 85 when a point was expected for
# every 20 words, as if it said too little for its length.
LADY = ("A lady rang because her refund had been stuck for six weeks, and she was furious about it. I looked into "
        "her account while she was on the line and found that her bank details had been typed in wrong when the "
        "refund was set up. I corrected them, had the payment sent again and marked it urgent. It reached her "
        "account two days later, and she went from furious to thanking me.")


@pytest.fixture(scope="module")
def cases():
    return floors.scored("depth")


def _twins(cases):
    """Each excellent answer and the short strong one written right after it, on the same question."""
    return [(a, b) for a, b in zip(cases, cases[1:])
            if a[0].case.tier.name == "excellent" and b[0].case.tier.name == "short_strong"
            and a[0].case.question.id == b[0].case.question.id]


def test_answers_are_ordered_by_tier_and_excellent_ones_beat_their_short_strong_twins(cases):
    scores = {f.case.id: s.overall for f, s in cases}
    wrong, _, found = tier_pairs.wrong_pairs([f.case for f, _ in cases], scores)
    assert sum(wrong.values()) <= WRONG_PAIRS, found
    twins = _twins(cases)
    assert len(twins) >= 19
    late = [(a[0].case.text[:60], a[1].overall, b[1].overall) for a, b in twins if a[1].overall <= b[1].overall]
    assert len(twins) - len(late) >= TWINS_ORDERED, late
    assert sum(f.case.within_bounds(s.overall) for f, s in cases) >= WITHIN
    # rambling, or the same thing said over and over: never above 60, whatever their length
    rambling = [(f, s) for f, s in cases if f.case.family == "rambling"]
    over = [(f.case.text[:60], s.overall) for f, s in rambling if not f.case.within_bounds(s.overall)]
    assert len(rambling) >= 6 and len(over) <= 1, over  # the padded "they take calls..." (86): repeats read as points


def test_a_full_story_is_not_marked_down_for_its_length():
    s = typed_score("angry-customer-time", LADY)
    assert s.metric("key_points").value == 3 and s.metric("key_points").score == 100


def test_two_points_in_a_sentence_or_two_are_good_but_not_complete():
    # a recruiter hears several ideas as complete: two of six are good (no key-points tip), not full marks
    s = typed_score("angry-customer-time", "A man was shouting about a double charge. I said sorry and refunded it.")
    m = s.metric("key_points")
    assert m.value == 2 and th.TIP_BELOW <= m.score < 100


def test_a_story_told_to_a_what_would_you_do_question_has_its_ending(cases):
    # asked what they would do, the candidate told the time they did it and how it ended: not a ramble
    f, s = next((f, s) for f, s in cases if "furniture shop" in f.case.text)
    assert Cap.RAMBLE not in caps(s.metrics, len(f.case.text.split())) and s.overall >= 70
