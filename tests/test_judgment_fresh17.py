"""A blind tune family of a hard side of the job named honestly, with how the candidate copes, each beside a twin
naming the same part of the job in largely the same words and turning it down (judgment/fresh17_cases.yaml,
written by a helper who read no exemplar, rule or case file; six of its 22 pairs on the weakness question); and
the two readings the thirtieth pass added for its honest answers, which were knocked out:

- a trait owned ("I can be kind of stubborn about saying sorry for stuff that wasn't my fault") with what the
  candidate learned or started doing since is a weakness put right, like a habit outgrown (`flags.outgrown`);
  "I'm not changing now" is no change;
- a hard side the candidate says they know about ("I know a lot of the calls will be the same three questions
  over and over") describes the job; it denies no key point of the candidate's (`point_denials._acknowledged`).
  What they say of it next still can ("...and I hate it"); so, for now, does a clause that goes on in the
  candidate's own words, however it goes on ("I understand the calls are often the same questions, so I keep each
  one fresh" is still read as denying "every call is different");
- the end of a long run of words cut off at a comma to make a sentence of it (`Clause.cut`) is read like a
  phrase by the red-flag rules' weaker routes: "giving that back to new agents fairly." alone sounded like
  contempt to several exemplars at once.

The twins that turn the work down without a key point's words (a desk, selling, routine, noise, scripts, the
bad news) are mostly not read: that gap stays open (README "Judgment figures"). The red-flag model is never
fitted on this file (`judgment_set.NOT_TRAINED`, held by test_judgment_fresh16.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

from simulator.scoring.overall import KnockOut, knockouts  # noqa: E402

# Blind, at 64d41ef: turned-down answers at or below 10: 12 of 22; honest answers within bounds 18 of 22, above
# their twin 17 of 22, red-flagged 2 (a weakness put right; "giving that back to new agents fairly", the end of a
# long run cut off at a comma, read as contempt). After the readings (tune, so no longer a measure): 11, 21, 17, 0.
# One turned-down
# answer fewer: "I know a lot of the calls will be the same three questions over and over, and that sort of thing
# does my head in" was knocked out for the first clause, as if it denied "every call is different"; its dislike,
# said after, is not read (a clause of the candidate's own taken up by "that sort of thing"). No other tune or
# held-out answer's score moved by more than 3 points.
TURNED_DOWN, HONEST_WITHIN, HONEST_ABOVE, FLAGGED = 11, 21, 17, 0


def test_the_blind_family_is_read_as_labelled():
    cases = floors.scored("fresh17")
    assert len(cases) == 44
    pairs = [(cases[k], cases[k + 1]) for k in range(0, 44, 2)]
    assert all(b.case.family == "negation" and a.flag is False for (a, _), (b, _) in pairs)
    assert sum(s.overall <= 10 for _, (_, s) in pairs) >= TURNED_DOWN
    assert sum(a.case.within_bounds(s.overall) for (a, s), _ in pairs) >= HONEST_WITHIN
    assert sum(s.overall > t.overall for (_, s), (_, t) in pairs) >= HONEST_ABOVE
    floors.assert_professional_flagged([(a, s) for (a, s), _ in pairs], FLAGGED)


@pytest.mark.parametrize("text, flagged", [
    ("I can be kind of stubborn about saying sorry for stuff that wasn't my fault. What I've learned is it's not "
     "about blame, and once I started saying it that way it got a whole lot easier.", False),
    ("I used to tell customers it's not my fault. Now I own it and fix it.", False),
    ("I can be kind of stubborn about saying sorry for stuff that wasn't my fault. And I'm not planning on changing "
     "that, if it's not on me, I'm not apologizing for it, period.", True),
    ("I tend to tell customers it's not my fault. I'm not changing now.", True),
    ("I tend to tell customers it's not my fault. I'm not going to change now.", True),
])
def test_a_trait_owned_and_put_right_is_no_red_flag(text, flagged):
    score = floors.typed_score("greatest-weakness", text)
    assert bool(floors.severe_flags(score)) is flagged
    assert (score.overall <= 10) is flagged


@pytest.mark.parametrize("text, denied", [
    ("I'll be honest, I know a lot of the calls will be the same three questions over and over, and that can get a "
     "bit samey. I keep it fresh by treating each caller as a new person.", False),
    ("I understand that the calls are often the same questions. I keep each one fresh.", False),
    ("The calls are all the same, it's boring.", True),
    ("I know the calls are all the same and I hate it.", True),
])
def test_a_hard_side_known_about_denies_no_point(text, denied):
    score = floors.typed_score("why-call-center", text)
    assert (KnockOut.DENIED in knockouts(score.metrics)) is denied


def test_the_end_of_a_long_run_cut_at_a_comma_is_no_whole_sentence():
    from simulator.scoring.clauses import clauses
    from simulator.scoring.text import Doc
    from simulator.types import Transcript

    text = ("Ja, I know being scored on every call can feel like someone's always looking over your shoulder. But the "
            "feedback is what made me better at my last job, so in five years I'd actually like to be on the quality "
            "side, giving that back to new agents fairly.")
    said = clauses(Doc(Transcript.typed(text)))
    cut = [c for c in said if c.sentence and c.cut]
    assert [c.text for c in cut] == ["giving that back to new agents fairly."]
    assert not any(c.cut for c in said if c.sentence and c.start == 0)
    assert not floors.severe_flags(floors.typed_score("where-in-five-years", text))
    # the rude ending of a long run is still heard
    rude = ("I've done billing and tech support and returns for years and I always hit every target they set for "
            "me, but the customers, honestly, are idiots who can't read a simple email.")
    assert floors.severe_flags(floors.typed_score("why-call-center", rude))
