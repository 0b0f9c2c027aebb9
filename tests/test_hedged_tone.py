"""A hedged interview answer is unsure, not a red flag the tone model hears in it: `make demo`'s weak candidate
answered the weakness question and its follow-up with "Um, maybe I would. Like, take a bit longer on calls, I
guess. I'm not really sure." and was told "That sounds like bending the truth ... it would end a real interview"
(the tone route of `flag_meaning`, quoting the sentence nearest a dishonesty exemplar). The red-flag model already
left hedged interview answers alone (`Inputs._read_by_a_rule`); the tone route now hears no lie in one (thirtieth
pass; dropping every family the tone route hears in a hedged answer lost 5 rude tune answers and 1 held-out, so only
the lie is dropped: on tune 1 professional answer cleared, nothing lost; held-out unchanged). A red flag said in
words is still one, hedged or not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

DEMO_WEAKNESS = ("Um, I guess, uh, maybe I'm kind of a perfectionist. Like, I don't know, I sort of want things to be, "
                 "um, right. I think so, anyway. Um, maybe I would. Like, take a bit longer on calls, I guess. I'm not "
                 "really sure.")


def test_the_demos_unsure_weakness_answer_is_no_red_flag():
    score = floors.typed_score("greatest-weakness", DEMO_WEAKNESS)
    assert not floors.severe_flags(score)
    assert 15 < score.overall < 50  # weak and unsure, which its own tips say, but no knock-out


@pytest.mark.parametrize("qid, text", [
    ("why-call-center", "I guess it's easy money, honestly. I don't really care about the customers."),
    ("customer-yelling-first-word", "I'd probably just hang up on them, I guess. Not my problem."),
])
def test_a_red_flag_said_in_words_is_heard_hedged_or_not(qid, text):
    assert floors.severe_flags(floors.typed_score(qid, text))
