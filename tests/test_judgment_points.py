"""Key points understood by meaning when said in other words, and not covered by a neighbouring
idea: tests/judgment/points_cases.yaml (tune side, written before the rules that read it), and the
faults a new user found, with the tips they got.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.banks import bundled_banks  # noqa: E402
from simulator.coach import answer_tips  # noqa: E402
from simulator.types import Coverage, EvidenceKind, Transcript  # noqa: E402

BANK = {q.id: q for b in bundled_banks() for q in b.questions}
CASES = js.load_points()


def coverages(score) -> dict[str, Coverage]:
    return {e.label: e.coverage for e in score.metric("key_points").evidence if e.kind is EvidenceKind.KEY_POINT}


# Cases the rules do not read as labelled yet, and why (strict: one that passes must leave this list).
KNOWN_LIMITS = {
    # "far calmer now" is 0.39 to 0.49 from every everyday way of saying "it's better now" the model
    # was tried with; only a sentence that copies it would do
    "points/greatest-weakness/6": "the sentence model does not hear a comparison with before as progress",
    # ("points/angry-customer-time/1", a refund of a billing error as the fix, is heard since the
    # bank's example sentences, k6-examples: "I found the mistake on his bill and credited it back")
}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_LIMITS[c.id], strict=True))
                                  if c.id in KNOWN_LIMITS else c for c in CASES], ids=[c.id for c in CASES])
def test_key_points_said_in_other_words(case):
    got = coverages(score_answer(case.question, Transcript.typed(case.text)))
    said = {label: got.get(label, Coverage.MISSING) for label in case.covered + case.not_covered}
    wrong = {label: said[label].value for label in case.covered if said[label] is not Coverage.COVERED}
    wrong |= {label: said[label].value for label in case.not_covered if said[label] is Coverage.COVERED}
    assert not wrong, f"{case.text!r}: {wrong} ({case.why})"


def tips_of(qid: str, text: str):
    s = score_answer(BANK[qid], Transcript.typed(text))
    return s, [t.text for t in answer_tips(BANK[qid], s.metrics, s.transcript, limit=10)]


STORY = ("There was a customer who called about a surprise charge on his bill and he was furious. I let him "
         "get it all out without cutting in. Then I told him I could see why a surprise charge would upset "
         "anyone. I found the charge was a billing error, refunded it the same day, and he thanked me at the end.")


def test_a_story_that_lets_the_customer_vent_and_acknowledges_him_in_its_own_words_is_not_told_it_did_not():
    s, tips = tips_of("angry-customer-time", STORY)
    assert not [t for t in tips if "vent" in t or "acknowledged the customer's feelings" in t], tips
    assert s.metric("empathy").value >= 1  # "I could see why ... would upset anyone" acknowledges him


def test_vague_but_willing_availability_is_low_middle_and_asks_for_days_and_shifts():
    """"I'm pretty flexible really, whatever works." is a sentence, not key words without one: a
    recruiter hears a willing candidate who has not said which days and shifts."""
    s, tips = tips_of("availability-shifts", "I'm pretty flexible really, whatever works.")
    assert not any(e.kind is EvidenceKind.WORD_LIST for m in s.metrics for e in m.evidence)
    assert 20 <= s.overall <= 50, s.overall
    assert any("days" in t for t in tips[:2]), tips


ORGANISED = ("My greatest strength is staying organised under pressure. At my last job in a busy dental office "
             "the phones, the bookings and the walk-ins all landed on me at once, so I kept a running list and a "
             "colour-coded calendar. Nothing slipped through, and my manager asked me to train the new "
             "receptionist on my system.")


def test_a_strength_other_than_patience_is_not_told_it_missed_patience():
    """Patience is one strength among the ones that fit the job, not the one every answer must name."""
    s, tips = tips_of("greatest-strength", ORGANISED)
    assert not [t for t in tips if "patience" in t.lower() or "listening" in t.lower()], tips
    missed = [e.label for e in s.metric("key_points").evidence
              if e.kind is EvidenceKind.KEY_POINT and e.coverage is not Coverage.COVERED]
    assert not [x for x in missed if "patien" in x.lower()], missed
    assert s.overall >= 70, s.overall


def test_patience_with_an_example_still_names_a_strength():
    s, _ = tips_of("greatest-strength", "My greatest strength is patience. At my last job I talked an elderly "
                                        "man through resetting his router three times, and he rang back to thank me.")
    first = s.metric("key_points").evidence[0]
    assert first.coverage is Coverage.COVERED, first


# --- example sentences (the bank's `examples:`): a paraphrase of a point is heard ------------

def test_a_paraphrase_is_heard_through_the_points_example_sentences_and_not_when_denied():
    """Issue 10: "keying in what they tell you" is 0.25 from "use the computer" as a label, and
    0.6 from the point's example sentences (none of them its words): covered, where it was missed.
    Examples only say a point: the same words denied, or listed, cover nothing."""
    said = ("You've got their file open on the screen and you're keying in what they tell you. "
            "And there are numbers on the wall about how long every conversation runs.")
    got = coverages(score_answer(BANK["what-does-the-job-involve"], Transcript.typed(said)))
    assert got["use the computer"] is Coverage.COVERED
    denied = ("I don't want their file open on my screen, keying in whatever they tell me. "
              "And I won't care about numbers on the wall about how long every conversation runs.")
    got = coverages(score_answer(BANK["what-does-the-job-involve"], Transcript.typed(denied)))
    assert got["use the computer"] is not Coverage.COVERED and got["targets"] is not Coverage.COVERED
    listed = "Their file, the screen, keying in, numbers on the wall, how long."
    got = coverages(score_answer(BANK["what-does-the-job-involve"], Transcript.typed(listed)))
    assert got["use the computer"] is not Coverage.COVERED


def test_a_clause_in_the_questions_frame_is_not_taken_for_a_point_by_an_example_of_it():
    """A clause near an example that leans on the question's words ("I'd use something they already
    know to explain it", 0.73) but far from the point's own phrasings (0.14 from "compare it") does
    not say it (`th.POINT_EXAMPLE_SUPPORT`)."""
    said = "I would explain it slowly and make sure they understand."
    got = coverages(score_answer(BANK["explain-technical-simply"], Transcript.typed(said)))
    assert got["compare it"] is Coverage.MISSING
