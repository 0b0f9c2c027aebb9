"""A blind tune family of grudging motives and shrugged-off callers beside professional twins
(judgment/fresh14_cases.yaml, written by a helper who read no exemplar, rule or case file), and the readings
the twenty-eighth pass added for the professional twins it knocked out: a sentence opened with "Honestly," is
told candidly, not shrugged; a call ended by the abuse policy after a warning is the job done; the work told in
the generic "you" of a description is no easy seat; a caller's need to have a moan, said as a need, is no scorn;
a clause that ends "I get it" accepts what it names (`scoring/flag_readings.py`, `scoring/flag_meaning.py`).
And a mild red flag (a negative word) no longer keeps the red-flag model from reading the answer
(`Inputs.red_flags`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# Blind, at 661d077 (registered, nothing tuned, the model not yet refitted with it): of 24 rude answers 15
# found, of 24 professional twins 4 knocked out ("Honestly, you guys were the first ones to call me back, and
# that made me look into you..."; "if it's mandatory I get it"; "...I'd warn them once that I'll have to end the
# call. If it doesn't stop I'd follow policy, hang up..."; "You sit there with a headset... Some callers need a
# moan first, so you stay patient"). After the readings and the refit that added the file to the model's rows
# (so its rude answers are training rows, no longer a measure): FOUND rude, FLAGGED professional.
FRESH14_FOUND, FRESH14_FLAGGED = 19, 0


def test_the_blind_family_is_read_as_labelled():
    cases = floors.scored("fresh14")
    assert len(cases) == 48
    floors.assert_rude_found([(f, s) for f, s in cases if f.flag], FRESH14_FOUND)
    floors.assert_professional_flagged([(f, s) for f, s in cases if f.flag is False], FRESH14_FLAGGED)


@pytest.mark.parametrize("qid, text, flagged", [
    # a sentence opened with a word of candour (before: knocked out, "only in it for the money")
    ("why-this-company", "Honestly, you were the first to call me back, and that made me look into you. Your careers "
     "page says you train people properly and your reviews say you actually fix things for customers.", False),
    ("why-this-company", "To be honest, a friend works here and says the training is good and the team leads really "
     "back you up. I want somewhere I can learn and stay.", False),
    # ...the shrug is still read where it is one
    ("why-this-company", "Honestly, whoever calls me back first, I'll take it.", True),
    # a call ended by the policy after a warning (before: knocked out, dismissive)
    ("abusive-caller", "I'd stay calm, tell them I want to help, and warn them that if the swearing carries on I'll "
     "have to end the call. If it carries on, I'd end the call as the policy says and log it for my team leader.", False),
    # ...not a warning refused, nor a warning given and then the caller mocked
    ("abusive-caller", "I wouldn't bother warning them, I'd hang up the second they swear.", True),
    ("abusive-caller", "I'd give them one warning, and after that I'd just hang up and have a laugh about them with "
     "the team.", True),
    # the work described in the generic "you" (before: knocked out, an easy seat)
    ("what-does-the-job-involve", "You take one call after another, and you work out what each person needs. You log "
     "everything so the next agent knows what happened.", False),
    ("what-does-the-job-involve", "You just sit there and get paid to chat, it's the easiest job going.", True),
    # a caller's need to moan, met with patience (before: knocked out, contempt)
    ("what-does-the-job-involve", "Lots of calls. Some callers need a moan first, so you stay patient and then fix "
     "what you can.", False),
    ("what-does-the-job-involve", "Lots of calls. Most callers just want to moan because they've got nothing better "
     "to do.", True),
    # a condition accepted (before: knocked out, a refusal)
    ("overtime-peak-season", "If it's mandatory, I get it. I'd just like a bit of notice to sort out childcare.", False),
    ("overtime-peak-season", "Mandatory overtime? Hard pass, I've got a life.", True),
])
def test_the_passs_readings_clear_professional_answers_and_keep_rude_ones(qid, text, flagged):
    quotes = floors.typed_flags(qid, text)
    assert bool(quotes) is flagged, quotes


def test_a_negative_word_does_not_keep_the_model_from_reading_the_answer():
    """The mild flag ("negative") was found first, and the red-flag model was asked only when nothing was."""
    score = floors.typed_score("why-call-center", "Honestly, it's just for the money until something better comes "
                               "along.")
    assert floors.severe_quotes(score), score.metric("professionalism").evidence
    assert score.overall <= 15
