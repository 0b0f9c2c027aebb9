"""The job wished away in words of gladness (twenty-fourth pass): "I'd happily never take another
phone call", "My perfect workday would have zero conversations in it" turn the work down though no
dislike is said; a bad thing wished gone ("I'd happily never hear a caller repeat their story")
is no refusal. Cases from tests/judgment/wish_cases.yaml (tune half, written by the coordinator
before the rule, `scoring/wish.py`)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))

import judgment_set as js  # noqa: E402
from floors import scored_pairs, severe_flags, typed_score  # noqa: E402

from simulator.scoring.flags import PRACTICE_NOTE  # noqa: E402
from simulator.scoring.overall import KnockOut, knockouts  # noqa: E402

PAIRS = 12  # pairs 1-12 of the file; good things wished for or away follow


@lru_cache(maxsize=1)
def _pairs():
    return scored_pairs("wish", PAIRS)


@pytest.mark.parametrize("question, text, quote", [
    ("why-call-center", "Honestly, I'd happily never take another phone call in my life. This just came up at "
     "the job centre.", "Honestly, I'd happily never take another phone call in my life"),
    ("greatest-weakness", "My weakness is people. If I could get through a whole shift without speaking to a "
     "single caller, that would be perfect.", "without speaking to a single caller"),
    ("what-is-good-service", "Good service is the caller hanging up fast. The happiest day of my week is one "
     "where nobody needs anything from me.", "nobody needs anything from me"),
    # not a case of the file: another wish, another absence
    ("why-call-center", "In a perfect world I would get through the day without answering a single call.",
     "without answering a single call"),
])
def test_the_work_wished_away_is_a_refusal_quoted_in_the_candidates_words(question, text, quote):
    s = typed_score(question, text)
    flags = severe_flags(s)
    assert KnockOut.RED_FLAG in knockouts(s.metrics) and s.overall <= 10, s.overall
    assert any(e.note == PRACTICE_NOTE and quote in e.quote for e in flags), [(e.quote, e.note) for e in flags]


@pytest.mark.parametrize("question, text", [
    # a bad thing wished gone, or an absence turned round
    ("angry-customer-time", "I'd happily never hear a caller repeat their whole story twice, so I write thorough notes."),
    ("what-is-good-service", "In an ideal world nobody would ever have to call back about the same problem."),
    ("what-is-good-service", "I love that there's no call I can't handle once I've got the system open."),
    ("what-is-good-service", "Ideally no customer is left waiting on hold for more than a minute."),
    ("angry-customer-time", "I was relieved that no customer complained after that, because I'd fixed the billing "
     "error for all of them."),
    # no wish: a plain absence is read by the other rules, not this one
    ("why-call-center", "I'd love a job where I help customers without rushing them, and talk to people all day."),
    ("greatest-weakness", "I'm hoping to stop talking over customers; I used to interrupt, now I wait."),
])
def test_a_bad_thing_wished_gone_is_no_refusal(question, text):
    s = typed_score(question, text)
    assert not [e for e in severe_flags(s) if e.note == PRACTICE_NOTE], [e.quote for e in severe_flags(s)]


def test_wished_away_answers_sit_at_the_bottom_and_their_twins_far_above():
    # blind (f9a1a7d + the pad change): bad answers within bounds (<= 10) odd 3 of 6, even 3 of 6;
    # twins above 12 of 12, within bounds 12, none flagged. After `wish.py` (written on the even
    # pairs): even 6 of 6, odd 5 of 6 ("customers would sort out their own settings and I'd never
    # have to explain a thing" is left: explaining is not among the work's words).
    pairs = _pairs()
    assert all(bad.tier.name == "bottom" and good.tier.name == "short_strong" for _, bad, _, good, _ in pairs)
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in pairs) >= 11, [round(bs.overall) for _, _, bs, _, _ in pairs]
    assert all(gs.overall > bs.overall + 30 for _, bad, bs, _, gs in pairs if bad.within_bounds(bs.overall))
    assert all(gs.overall > bs.overall for _, _, bs, _, gs in pairs)
    assert all(good.within_bounds(gs.overall) and not severe_flags(gs) for _, _, _, good, gs in pairs)


def test_good_things_wished_for_or_away_are_no_refusal():
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith("wish/")][2 * PAIRS:]
    assert len(cases) == 4
    for case in cases:
        s = typed_score(case.question.id, case.text, case.turn)
        assert not knockouts(s.metrics) and case.within_bounds(s.overall), (case.text, s.overall)
