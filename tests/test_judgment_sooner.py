"""The job turned down by comparison, quantity or idiom (twenty-third pass): "the last thing I want
is..." and "...are the last people I want to hear from" deny what they name, and a harm the
candidate does not want ("the last thing I want is a caller hanging up without an answer") is no
refusal's tone. Cases from tests/judgment/sooner_cases.yaml (tune half, written by the coordinator
before the rules)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))

import judgment_set as js  # noqa: E402
from floors import scored_pairs, typed_score  # noqa: E402

from simulator.scoring.clauses import denials_of, norms_of, stance, stance_toward  # noqa: E402
from simulator.scoring.cues import own_stance  # noqa: E402
from simulator.scoring.overall import knockouts  # noqa: E402
from simulator.types import Coverage  # noqa: E402

PAIRS = 12  # pairs 1-12 of the file; the same shapes said of good things follow


@lru_cache(maxsize=1)
def _pairs():
    return scored_pairs("sooner", PAIRS)


@lru_cache(maxsize=1)
def _good_shapes():
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith("sooner/")][2 * PAIRS:]
    return [(c, typed_score(c.question.id, c.text, c.turn)) for c in cases]


@pytest.mark.parametrize("text, denied", [
    ("The last thing I want is a caller left waiting", True),
    ("Customers are the last people I want to hear from", True),
    ("The last thing an upset customer needs is to be passed around", True),
    # "last" as a time or an order denies nothing
    ("The last time I worked a Saturday it was busy", False),
    ("My last job taught me to stay calm", False),
    ("I was the last one to leave the office", False),
])
def test_the_last_thing_wanted_is_a_denial(text, denied):
    assert any(denials_of(text)) is denied, norms_of(text)


def test_what_is_the_last_thing_wanted_is_read_as_not_wanted():
    assert stance_toward("Customers at my current job are the last people I want to hear from",
                         "My current place has been good to me and taught me how to deal with customers.") == -1
    assert stance_toward("The last thing I want is a caller hanging up", "Click, next caller.") == -1
    # "the last" is not the "last" of "my last job"
    assert stance_toward("Customers at my current job are the last people I want to hear from",
                         "positive about my last job") == -1
    assert stance("My last job taught me a lot") == 1


def test_a_harm_not_wanted_keeps_no_refusal_tone():
    assert "without" not in own_stance("The last thing I want is a caller hanging up without knowing what "
                                       "happens next, so I always tell them the next step")
    # only the harm loses its denials; the sentence's own stance after it stays
    kept = own_stance("The last thing I want is a caller left without an answer, and I would never rush them")
    assert "never" in kept and "without" not in kept


def test_turned_down_answers_sit_at_the_bottom_and_their_twins_far_above():
    # blind (0492350): bad answers within bounds (<= 10) odd 3 of 6, even 4 of 6; twins above 12 of 12.
    # After "the last thing I want" (tuned on the even pairs): even 5 of 6 (the dentist comparison is
    # left), odd 3 of 6 (unchanged: "holds zero appeal", "hold no interest... I'd rather stay", "my
    # idea of hell").
    pairs = _pairs()
    assert all(bad.tier.name == "bottom" and good.tier.name == "short_strong" for _, bad, _, good, _ in pairs)
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in pairs) >= 8, [round(bs.overall) for _, _, bs, _, _ in pairs]
    assert all(gs.overall > bs.overall for _, _, bs, _, gs in pairs)
    assert sum(good.within_bounds(gs.overall) for _, _, _, good, gs in pairs) >= 11


def test_the_last_people_i_want_to_hear_from_denies_the_good_word_about_the_last_job():
    _, bad, s, _, _ = _pairs()[11]
    assert bad.text.startswith("Customers at my current job are the last people")
    denied = [e.label for e in s.metric("key_points").evidence if e.coverage is Coverage.DENIED]
    assert "positive about my last job" in denied and bad.within_bounds(s.overall), (denied, s.overall)


def test_the_same_shapes_said_of_good_things_are_no_refusal():
    shapes = _good_shapes()
    assert len(shapes) == 4
    for case, s in shapes:
        assert not knockouts(s.metrics) and case.within_bounds(s.overall), (case.text, s.overall)
