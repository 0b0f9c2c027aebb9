"""Professional answers a word- or neighbour-based reader could mistake for a red flag, and their rude
twins (p7-precision, the fourth precision pass; cases in judgment/precision4_cases.yaml), and the
readings that pass added: a word of a red flag's tone confirms a clause near a red-flag exemplar only
as the candidate's own stance (`scoring/cues.py`), "no worries" affirms, every other hour granted after
a limit makes it an exception, "I wouldn't just say sorry" refuses nothing, and the act after
"rather ... than" is turned down in the stance reading too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/precision4_cases.yaml, written and labelled before any was scored; its even-numbered
# cases were held out of this pass's tuning. Blind: of 62 professional answers 6 flagged (3 odd, 3
# even), 42 within their tier's bounds; of 20 rude twins 17 found. After: 4 flagged (1 odd, 3 even),
# 43 within bounds, 17 found. Left flagged: "I'd go quiet and get a bit short with them" (a past habit
# read as a plan, by three red-flag exemplars at once), "Let them vent." and a speech-recogniser
# reply (the tone model on the answer as a whole), "nobody wants a delivered message for something
# that isn't there" (a phrase far nearer "Delivered means delivered" than any professional sentence).
PRECISION4_WITHIN, PRECISION4_FLAGGED, PRECISION4_RUDE_FOUND = 43, 4, 17


def test_professional_answers_a_word_reader_could_mistake_are_neither_flagged_nor_knocked_out():
    floors.assert_precision_floors("precision4", 62, 82, PRECISION4_FLAGGED, PRECISION4_WITHIN, PRECISION4_RUDE_FOUND)


score, severe = floors.typed_score, floors.severe_quotes


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # the caller's shouting is the situation, and "doesn't rattle me" is calm (before: knocked out, money)
    ("abusive-caller", None, "I grew up with a lot of shouting at home, so a caller swearing doesn't rattle me. I'd stay "
     "polite, warn them once, and end the call per policy if it carried on.", False),
    # ...but the candidate's own shouting is a tone
    ("customer-yelling-first-word", None, "If they yell at me, I yell back louder.", True),
    ("abusive-caller", None, "Honestly, I'd just mute them and let them shout at nothing.", True),
    # fault owned is no blame (before: knocked out, blame); fault put on someone else still is
    ("angry-customer-time", None, "A man's direct debit had been taken twice and it turned out it was our fault: the "
     "system had duplicated it. I said so straight away, refunded him and put a note on the account.", False),
    ("why-leaving-current-job", None, "It was my manager's fault, she was useless and everyone knew it.", True),
    # a harm prevented, in a purpose clause (before: knocked out, dismissive)
    ("what-does-the-job-involve", None, "Lots of calls and lots of notes. Sometimes it's putting people on hold while "
     "you check, and writing it all down so the next person doesn't make the caller repeat it all.", False),
    ("what-is-good-service", None, "Getting them off the phone fast so it doesn't count against my handle time.", True),
    # "rather A than B": B turned down, in the stance too (before: knocked out, dishonesty); "rather not" refuses
    ("overtime-peak-season", None, "That's fine. I'd rather put in the extra hours than leave the team short and have "
     "callers waiting an hour.", False),
    ("overtime-peak-season", None, "I'd rather not, to be honest. My evenings are mine.", True),
    ("abusive-caller", None, "I'd rather hang up on them than listen to that.", True),
    # "not just" a practice is the practice and more (before: knocked out, refusal)
    ("refund-against-policy", None, "I wouldn't just say sorry, it's policy. I'd check their history, ask my supervisor "
     "for an exception, and offer credit if the answer is no.", False),
    # a limit, then every other hour granted (before: knocked out, refusal)
    ("availability-shifts", None, "Nights fine, weekends fine. Not Thursday mornings, I do a course. Any other shift, yes.",
     False),
    ("availability-shifts", None, "Not early mornings, I've got the school run. Everything else is fine.", False),
    # ...but the easy hours left after the week's main ones are turned down is still a refusal
    ("availability-shifts", None, "Not weekends, not evenings. Everything else, yes.", True),
    # fault owned, whatever tone word is beside it, blames no one (before: knocked out, blame)
    ("why-leaving-current-job", None, "Honestly, it was partly my fault, I took a role that didn't suit me. I'd rather be "
     "on the phones helping people than stuck in a warehouse.", False),
    ("why-leaving-current-job", None, "It wasn't my fault, the whole team was useless.", True),
    # a way round the policy denied keeps to it (before: knocked out, refusal); the policy refused is refused
    ("refund-against-policy", None, "I'd want to help, but I wouldn't go around the policy by myself. I'd ask my team "
     "lead for an exception, and offer credit if the answer is no.", False),
    ("refund-against-policy", None, "I won't follow a policy I don't agree with, so I'd refund it.", True),
    # "Oh no" is dismay on the caller's behalf, not a "no" to the greeting before it (before: knocked out, refusal)
    ("lost-package-caller", 1, "Thanks for calling, I'm Sam. Oh no, nobody wants that on a birthday. Can I take your "
     "order number and look into it now?", False),
])
def test_a_tone_word_confirms_only_the_candidates_own_stance(qid, turn, text, flagged):
    s = score(qid, text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    if flagged:
        assert s.overall <= 15, s.overall


def test_own_stance_drops_only_the_words_that_are_not_the_candidates_tone():
    from simulator.scoring.flag_meaning import _has_tone

    # a kind idiom, a shared feeling, a preference for the good act, the caller's shouting, fault owned,
    # calm, a harm prevented
    assert not _has_tone("Evenings, no worries.")
    assert not _has_tone("Not a problem at all.")
    assert not _has_tone("It's never easy.")
    assert not _has_tone("nobody likes being kept waiting")
    assert not _has_tone("I'd rather do the extra hours than leave them short")
    assert not _has_tone("I'd let them shout for a bit")
    assert not _has_tone("it turned out it was our fault")
    assert not _has_tone("so the next person doesn't make the caller repeat it")
    assert not _has_tone("swearing doesn't rattle me")
    # the candidate's own stance keeps its words
    assert _has_tone("I'd rather not")
    assert _has_tone("I'd yell back")
    assert _has_tone("I'd just shout louder")
    assert _has_tone("Nobody checks those.")
    assert _has_tone("it was her fault")
    assert _has_tone("no, I won't do that")
