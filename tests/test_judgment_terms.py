"""Help on the candidate's terms (twenty-fourth pass): help kept for the callers who earn it, held
back on a condition, or withheld to punish, is dismissive however politely it is said; help for
every caller said in the same words ("grateful or not", "whatever their tone") and real conditions
(the abuse policy, security checks) are not. Cases from tests/judgment/terms_cases.yaml (tune half,
written by the coordinator before the rule, `scoring/terms.py`)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))

import judgment_set as js  # noqa: E402
from floors import scored_pairs, severe_flags, typed_score  # noqa: E402

from simulator.scoring.overall import KnockOut, knockouts  # noqa: E402
from simulator.types import RedFlag  # noqa: E402

PAIRS = 12  # pairs 1-12 of the file; real conditions follow


@lru_cache(maxsize=1)
def _pairs():
    return scored_pairs("terms", PAIRS)


@pytest.mark.parametrize("question, text, quote", [
    ("why-call-center", "I like helping people who are grateful for it. The ones who aren't, I'm not going to go "
     "out of my way for.", "The ones who aren't, I'm not going to go out of my way for"),
    ("angry-customer-time", "There was a lady who kept interrupting me, so I stopped trying. If you won't let me "
     "talk, I'm not going to help you.", "If you won't let me talk, I'm not going to help you"),
    ("why-this-company", "Your customers seem pretty reasonable from the reviews, and I only really put the effort "
     "in for reasonable people.", "I only really put the effort in for reasonable people"),
    ("angry-customer-time", "A man swore once at the start of the call, so I made him wait on hold for ten minutes. "
     "He learned his lesson.", "He learned his lesson"),
    # not cases of the file: the same shapes in other words
    ("what-is-good-service", "I only go the extra mile for the polite ones.", "I only go the extra mile for the polite ones"),
    ("angry-customer-time", "He swore at me, so I put him on hold for ten minutes to teach him a lesson.", "teach him a lesson"),
    ("what-is-good-service", "If they can't be civil, they can wait.", "If they can't be civil, they can wait"),
])
def test_help_on_the_candidates_terms_is_dismissive_and_quoted(question, text, quote):
    s = typed_score(question, text)
    flags = severe_flags(s)
    assert KnockOut.RED_FLAG in knockouts(s.metrics) and s.overall <= 10, s.overall
    assert any(e.label == RedFlag.DISMISSIVE.value and quote in e.quote for e in flags), [(e.quote, e.label) for e in flags]


@pytest.mark.parametrize("question, text", [
    # help for everyone, in the same words
    ("why-call-center", "I like helping people, grateful or not, and the grumpy ones got the same effort from me."),
    ("why-call-center", "I'm happy to help anyone, respectful or not; rude callers are usually scared or stuck."),
    ("what-is-good-service", "If the customer is rude, I don't stop helping; I stay calm and fix it."),
    ("why-call-center", "I love helping people who are grateful, it makes my day."),
    # real conditions, and a lesson learned by the candidate
    ("angry-customer-time", "If a caller keeps swearing after I've asked them once to stop, I follow the abuse policy. "
     "Until then I keep trying to help."),
    ("what-is-good-service", "I only discuss an account once the caller has passed security, to protect them."),
    ("what-does-the-job-involve", "You learn a lesson from every difficult call."),
    ("angry-customer-time", "If you're not happy with the outcome, I will not leave it there, I'll escalate it."),
])
def test_help_for_everyone_and_real_conditions_are_not_dismissive(question, text):
    s = typed_score(question, text)
    assert not severe_flags(s), [e.quote for e in severe_flags(s)]


# A false flag of the red-flag model (`scoring/flag_model.py`, bar 2.8): it reads "the bare minimum" and not
# the "not" before it. Kept in sight rather than worked around: the bar was chosen out of fold, not on this.
@pytest.mark.xfail(strict=True, reason="the red-flag model misreads the denied 'bare minimum' (README)")
def test_the_bare_minimum_denied_is_not_dismissive():
    s = typed_score("what-is-good-service", "Even if they shout, I'm not going to give them the bare minimum.")
    assert not severe_flags(s), [e.quote for e in severe_flags(s)]


def test_help_withheld_sits_at_the_bottom_and_help_for_all_above_it():
    # blind (f9a1a7d + wish.py): bad answers within bounds (<= 10) odd 0 of 6, even 1 of 6; twins above
    # 8 of 12, flagged 3 (two as dismissive, one as blame). After `terms.py` (written on the even pairs)
    # and `fine_terms` (exemplars.yaml): even 6 of 6, odd 1 of 6 (that one, "If someone's going to shout
    # at me, they can sit in the queue", once the shape read "someone's"; reciprocity, "spoon-feed",
    # the moaners given the policy and the regulars given less time are left); twins above 10 of 12,
    # flagged 2, both odd pairs ("They get my best attitude whatever they give"; "The friendly callers
    # and the moaners get the same options", which a fine sentence fixed at the cost of two tune
    # answers' knock-outs, so it was taken out).
    pairs = _pairs()
    assert all(bad.tier.name == "bottom" and good.tier.name == "short_strong" for _, bad, _, good, _ in pairs)
    even = [(bad, bs) for n, bad, bs, _, _ in pairs if n % 2 == 0]
    assert all(bad.within_bounds(bs.overall) for bad, bs in even), [round(bs.overall) for _, bs in even]
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in pairs) >= 7
    assert all(gs.overall > bs.overall for n, _, bs, _, gs in pairs if n % 2 == 0)
    assert sum(gs.overall > bs.overall for _, _, bs, _, gs in pairs) >= 10
    assert sum(bool(severe_flags(gs)) for _, _, _, _, gs in pairs) <= 2, \
        [good.text for _, _, _, good, gs in pairs if severe_flags(gs)]


def test_real_conditions_are_no_red_flag():
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith("terms/")][2 * PAIRS:]
    assert len(cases) == 4
    for case in cases:
        s = typed_score(case.question.id, case.text, case.turn)
        assert not severe_flags(s), (case.text, [e.quote for e in severe_flags(s)])


@lru_cache(maxsize=1)
def _second_batch():
    return scored_pairs("terms2")


def test_the_second_batchs_twins_are_never_flagged():
    # terms2_cases.yaml, written after terms.py and scored blind: its twins help every caller
    pairs = _second_batch()
    assert len(pairs) == 10
    # One false flag after the twenty-seventh pass's refit of the red-flag model ("Good service is the same
    # for everyone, silly questions included..."); none since the twenty-eighth's
    flagged = [good.text for _, _, _, good, gs in pairs if severe_flags(gs)]
    assert len(flagged) <= 1, flagged
    assert sum(gs.overall > bs.overall for _, _, bs, _, gs in pairs) >= 9


def test_help_on_the_candidates_terms_in_new_words_is_found():
    # Was a strict xfail: help on the candidate's terms is read by shape (terms.py), and the shapes reach only
    # the phrasings they name (blind, 2 of terms2's 10 found, both by older rules; heldout_fresh21: 1 of 9,
    # unchanged by terms.py). Since the twenty-eighth pass's refit of the red-flag model (its head's learning
    # rate raised) 8 of 10 are found. Fair warning: terms2 is one of the model's
    # training files, so this is what it learned, not out-of-sample evidence (README "The red-flag model").
    pairs = _second_batch()
    assert sum(bool(severe_flags(bs)) and bad.within_bounds(bs.overall) for _, bad, bs, _, _ in pairs) >= 6
