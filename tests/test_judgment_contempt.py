"""Casual contempt and sarcasm in words no exemplar uses, and their professional twins (c7-contempt
pass; cases in judgment/fresh12_cases.yaml): callers called names no rule knows, indifference while
doing something else, mock sympathy to a caller, "they'll get over it" must knock an answer out;
the same subjects said kindly, a real boundary, kind humour must not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/fresh12_cases.yaml, written and labelled before any was scored. Pair k is cases 2k-1
# (rude) and 2k (twin); odd pairs were held out from tuning. Blind (main at dd5f039): odd pairs 12 of
# 20 rude flagged, 13 at or below 15, no twin flagged, 19 twins within bounds; even pairs 6, 7, 0, 18.
# After this pass: odd 13, 14, 0, 19; even 9, 10, 0, 18.
FLOORS = {"odd": (13, 14, 0, 19), "even": (9, 10, 0, 18)}


@pytest.mark.parametrize("half", ["odd", "even"])
def test_contempt_is_knocked_out_and_its_twins_are_not(half):
    cases = [(f, s) for f, s in floors.scored("fresh12") if floors.pair_half(f.case.id) == half]
    rude = [(f, s) for f, s in cases if f.flag]
    assert len(rude) == 20 and len(cases) == 40
    found, low, flagged, within = FLOORS[half]
    floors.assert_rude_found(cases, found)
    assert sum(s.overall <= 15 for _, s in rude) >= low
    floors.assert_professional_flagged(cases, flagged)
    assert floors.professional_within(cases) >= within


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # a short brush-off to a caller, read by the tone model from 9 words (th.TONE_WORDS_CALL, TONE_ANSWER_CALL)
    ("supervisor-demand-caller", 4, "Cancel then, your call. Plenty more customers where you came from.", True),
    ("supervisor-demand-caller", 2, "Two whole days off, poor you. Technicians are busy people, you know, it happens.", True),
    # ...and short professional replies to the same lines, in the same register
    ("supervisor-demand-caller", 4, "That's fair, and I'd feel the same. It's all noted on your account now.", False),
    ("supervisor-demand-caller", 2, "Two whole days off work, I'm so sorry. Let me see what went wrong there.", False),
    ("lost-package-caller", 4, "Great, it'll be there by Friday. I'll text you the tracking, have a lovely party.", False),
    ("double-billed-caller", 4, "Alright then, you're welcome. Take care now, bye bye.", False),
    # sympathy meant that names the trouble (which the reverted mock-sympathy exemplars flagged)
    ("supervisor-demand-caller", 2, "Oh dear, two days without the internet, I'm so sorry. Let me get an engineer "
     "booked for tomorrow morning.", False),
    ("supervisor-demand-caller", 2, "Two days without broadband when you work from home is awful, I'm sorry. "
     "I'll book the first slot we have.", False),
])
def test_sarcasm_to_a_caller(qid, turn, text, flagged):
    assert bool(floors.typed_flags(qid, text, turn)) is flagged, floors.typed_flags(qid, text, turn)


# Left (the coordinator's lines): mock sympathy and callers called names in words the sentence
# vectors do not read as contempt. Mock-sympathy exemplars caught the two broadband replies only by
# their subject ("a day without wifi"), and flagged the sympathy meant above; reverted.
# The first is found since the twenty-seventh pass's refit of the red-flag model (no rule names it).
@pytest.mark.parametrize("qid, turn, text", [
    ("supervisor-demand-caller", 2, "Oh dear, two days without the internet, however did you survive."),
    pytest.param("why-call-center", None, "Folks who phone helplines are mostly whingers with too much free time, "
                 "and I'm good at letting it wash over me while I scroll my phone.",
                 marks=pytest.mark.xfail(strict=True, reason="new names for callers are not read by meaning (MiniLM)")),
])
def test_mock_sympathy_and_new_names_for_callers_are_not_yet_found(qid, turn, text):
    assert floors.typed_flags(qid, text, turn)


def test_mock_sympathy_the_red_flag_model_reads():
    # Found since the red-flag model (the sentence model fine-tuned, `scoring/flag_model.py`); no rule names it.
    text = "Right, well, it's only broadband, you'll live. I can get an engineer out next month if you're that bothered."
    assert floors.typed_flags("supervisor-demand-caller", text, 2)

