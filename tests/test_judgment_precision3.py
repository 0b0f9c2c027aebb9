"""Professional answers near a dismissive or dishonest act, and their rude twins (v6-precision3, the
third precision pass; cases in judgment/precision3_cases.yaml), and the general readings that pass
kept: a red flag's act denied by the candidate ("I wouldn't just hang up on them", `scoring/acts.py`)
and the act after "rather ... than" turned down ("I'd rather tell someone it's late than lie")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/precision3_cases.yaml, written and labelled before any was scored. Blind: of 70
# professional answers 9 flagged (all at or below 15), 54 within their tier's bounds; of 20 rude or
# dishonest twins 14 flagged, 14 at or below 15. After this pass: 7 flagged, 56 within bounds; 14
# twins flagged. Left flagged (no general reading found that keeps every rude answer on the tune
# files): letting a shouting caller vent ("I'd let them get it out", "I'd let them shout for a bit"),
# a colleague's shortcut reported beside the candidate's own "I sat on it", a fault owned ("it turned
# out it was our fault"), "so the next person doesn't make the caller repeat it all", "I'd rather do
# the extra hours than leave my team short" (read by meaning as a whole sentence), and "I'll make it
# up at the weekend" (the words "make up" read as a lie).
# The p7-precision pass (a tone word confirms only the candidate's own stance, `scoring/cues.py`; the
# act after "rather ... than" turned down in the stance too) cleared the fault owned, the harm
# prevented and "rather ... than": 4 flagged, 59 within bounds, 14 twins found.
PRECISION3_WITHIN, PRECISION3_FLAGGED, PRECISION3_RUDE_FOUND = 59, 4, 14


def test_professional_answers_near_a_rude_act_are_neither_flagged_nor_knocked_out():
    floors.assert_precision_floors("precision3", 70, 90, PRECISION3_FLAGGED, PRECISION3_WITHIN, PRECISION3_RUDE_FOUND)


score, severe = floors.typed_score, floors.severe_quotes


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # the candidate names a red flag's act to deny it: not the act (before: knocked out, dismissive)
    ("abusive-caller", None, "I wouldn't just hang up on them. I'd warn them calmly first, and if the swearing carried "
     "on I'd end the call the way the policy says and note it on the account.", False),
    ("abusive-caller", None, "I wouldn't swear back and I wouldn't just hang up on them straight away. Most people "
     "stop when you say calmly that you're trying to help.", False),
    # ...but the act said after the denial is said ("..., I'd just hang up"), and so is the act itself
    ("abusive-caller", None, "I'm not going to bother with warnings or any of that, I'd just hang up on them.", True),
    ("abusive-caller", None, "I'd just hang up on them. I'm not paid enough to listen to that.", True),
    # "not just" said of letting them rant, the act said after it (the thirteenth pass's worry)
    ("abusive-caller", None, "I wouldn't just sit there and let them rant at me. I'd cut in and tell them to stop.", True),
    # contempt stays in its words: a denial of the verb does not take it back (read for acts only)
    ("abusive-caller", None, "I don't let callers waste my time.", True),
    # "rather A than B": B is the act turned down (before: knocked out, dishonesty)
    ("why-leaving-current-job", None, "A supervisor wanted us to tell customers their parcels were out for delivery "
     "when they hadn't left the depot. I raised it with HR, nothing changed, so I left. I'd rather tell someone it's "
     "late than lie to them.", False),
    ("what-is-good-service", None, "I'd lie to them rather than deal with a complaint, it's quicker for everyone.", True),
])
def test_a_red_flags_act_denied_or_turned_down_is_not_the_candidates(qid, turn, text, flagged):
    s = score(qid, text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged, s.overall
