"""Mock sympathy, short brush-offs, new names for callers and talking down said sweetly, and their
professional twins (r8-sarcasm pass; cases in judgment/fresh13_cases.yaml): the rude ones must knock an
answer out; real reassurance, "it's not the end of the world, I'll fix it now", kind humour and a short
firm boundary must not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/fresh13_cases.yaml, written and labelled before any was scored. Pair k is cases 2k-1
# (rude) and 2k (twin); odd pairs were held out of this pass's tuning. Per half: rude flagged, rude at
# or below 15, twins flagged, twins within bounds. Blind (main at 12f126c): odd 12, 12, 4, 5; even
# 14, 14, 0, 10. After: odd 12, 12, 3, 6; even 14, 14, 0, 10 (the twins out of bounds score above
# mediocre's 70: written as plain answers, they are better than labelled; the labels stand).
FLOORS = {"odd": (12, 12, 3, 6), "even": (14, 14, 0, 10)}


@pytest.mark.parametrize("half", ["odd", "even"])
def test_sarcasm_is_knocked_out_and_its_twins_are_not(half):
    cases = [(f, s) for f, s in floors.scored("fresh13") if floors.pair_half(f.case.id) == half]
    rude = [(f, s) for f, s in cases if f.flag]
    assert len(rude) == 18 and len(cases) == 36
    found, low, flagged, within = FLOORS[half]
    floors.assert_rude_found(cases, found)
    assert sum(s.overall <= 15 for _, s in rude) >= low
    floors.assert_professional_flagged(cases, flagged)
    assert floors.professional_within(cases) >= within


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # the coordinator's lines (found before this pass; kept so they stay found)
    ("what-does-the-job-involve", None, "The folks ringing up are mostly clueless, and I just read them the "
     "script until they give up and go away.", True),
    ("why-call-center", None, "Callers are a chore.", True),
    ("customer-yelling-first-word", None, "Let them rant. They'll get over it.", True),
    # short interview brush-offs (9-14 words), read by the tone model at th.TONE_ANSWER_SHORT (not on main)
    ("overtime-peak-season", None, "Mandatory? Hard pass. Forty hours is forty hours, that's what I signed up for.", True),
    ("where-in-five-years", None, "Five years? Goodness, no. I'll give it till summer and then see what else turns up.", True),
    ("explain-technical-simply", None, "Tell them to get their grandkid on the line. Saves everybody an hour.", True),
    # ...and short professional ones in the same length
    ("abusive-caller", None, "I'd warn them once calmly, and if it carries on I'd end the call politely.", False),
    ("customer-yelling-first-word", None, "Let them get it out, then say my name and ask how I can help.", False),
    # real reassurance: the loss made small with the fix and its time (flagged on main)
    ("double-billed-caller", 2, "It's not the end of the world, I'll fix it now.", False),
    ("supervisor-demand-caller", 2, "Two days without internet is a lot, I'm sorry - let's get it back today.", False),
    # ...but not a fix put off: still a brush-off
    ("double-billed-caller", 2, "It's fifty quid, not the end of the world. I'll put it back when I get round to "
     "it, you'll survive.", True),
])
def test_brush_offs_and_reassurance(qid, turn, text, flagged):
    assert bool(floors.typed_flags(qid, text, turn)) is flagged, floors.typed_flags(qid, text, turn)


# Mock sympathy with no word of contempt, and talking down said sweetly: the sentence vectors read
# "however did you survive" as sympathy (minimising anchors: a professional answer at 0.50, above nearly
# every rude one) and more tone-corpus rows moved these by under 0.1 log-odds (r8-sarcasm), so both were a
# strict xfail. Found since the twenty-seventh pass's refit of the red-flag model (fresh15 added to its
# rows; no rule names them). Fair warning: fresh13's pair 5, a tune row, is a near twin of the first.
@pytest.mark.parametrize("qid, turn, text", [
    ("supervisor-demand-caller", 2, "Two whole days off work, however did you survive?"),
    ("lost-package-caller", 3, "Bless you, it's really not complicated, even a child could do it."),
])
def test_mock_sympathy_is_found_by_the_red_flag_model(qid, turn, text):
    assert floors.typed_flags(qid, text, turn)
