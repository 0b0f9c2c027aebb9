"""Dishonesty and gaming the metrics, and their honest twins (d5-dishonesty pass; cases in
judgment/dishonesty_cases.yaml): a lie told to end a call, a false promise, false notes, a ticket
closed unfixed, handle time gamed, sickness faked, a padded CV must knock an answer out; owning a
mistake, "I don't know yet, I'll find out", a colleague who lied, a warning told honestly must not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/dishonesty_cases.yaml, written and labelled before any was scored. Blind (main at
# 070563f): of 30 dishonest answers 7 flagged, 8 at or below 15; of 30 honest twins 3 flagged, 24
# within their tier's bounds. After this pass: 16 flagged, 17 at or below 15; no twin flagged, 26
# within bounds (every other tune fresh file as on main). Left: lies the model hears only by subject and that admit nothing in words
# ("I'd say 'Sorry, you're breaking up' and drop the call", "I'll note down that you found it",
# "our records show no earlier calls"), gaming said as the job ("Keeping your handle time low,
# mostly"), a padded CV beside pay.
# The d6-avoidance pass (`pretence.py`) found two more, the breaking-up hang-up and "sit in not
# ready for a good chunk of Sunday": 18 flagged, 19 at or below 15.
DISHONEST_FOUND, DISHONEST_LOW, TWINS_FLAGGED, TWINS_WITHIN = 18, 19, 0, 26


def test_dishonest_answers_are_knocked_out_and_their_honest_twins_are_not():
    cases = floors.scored("dishonesty")
    dishonest = [(f, s) for f, s in cases if f.flag]
    honest = [(f, s) for f, s in cases if f.flag is False]
    assert len(dishonest) == 30 and len(honest) == 30
    floors.assert_rude_found(cases, DISHONEST_FOUND)
    assert sum(s.overall <= 15 for _, s in dishonest) >= DISHONEST_LOW
    floors.assert_professional_flagged(cases, TWINS_FLAGGED)
    assert floors.professional_within(cases) >= TWINS_WITHIN


severe = floors.typed_flags


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # something told to a caller, then the candidate's own word that it isn't so (`untruths`; on
    # main none of the three is flagged)
    ("angry-customer-time", None, "A man rang about a parcel, so I told him it was on the van. It wasn't, but he "
     "stopped shouting and hung up happy.", True),
    ("lost-package-caller", 3, "I'd tell you it's been found at the depot. I've no idea if it has, but you'd stop "
     "worrying.", True),
    ("double-billed-caller", 3, "Don't worry, I promise it's back in your account tonight. I can't actually check "
     "that, but you'll feel better.", True),
    # ...not the fact, then told straight; not a telling denied
    ("what-is-good-service", None, "It wasn't the answer she wanted, and I told her straight, then found her the "
     "cheapest repair and booked it.", False),
    ("lost-package-caller", 3, "I'd never tell you it's on the van when I don't know. I'll ring the courier and call "
     "you back by four.", False),
    # what a colleague did, told with no "I" in it, is theirs (flagged on main: dishonesty)
    ("refund-against-policy", None, "A colleague of mine once changed an order date to push a refund through. It got "
     "him sacked. I'd ask for an exception the proper way, or offer a repair or a credit.", False),
    ("refund-against-policy", None, "I'd change the purchase date so the refund goes through. Nobody looks that "
     "closely.", True),
])
def test_a_lie_is_read_from_its_own_admission_and_someone_elses_from_its_subject(qid, turn, text, flagged):
    assert bool(severe(qid, text, turn)) is flagged, text
