"""The job's key points disliked in everyday words (twenty-second pass): the verdict model
(`scoring/verdict_model.py`) and the verdict shapes it reads ("...leaves me cold", "...feels fake
and exhausting to me", "Your training sounds like a lot of hassle"). Cases from
tests/judgment/dislike_cases.yaml (tune half, written by the coordinator before the rules)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "judgment"))

import judgment_set as js  # noqa: E402
from conftest import assert_stored_fit  # noqa: E402
from floors import scored_pairs, typed_score  # noqa: E402

from simulator.scoring import verdict, verdict_model  # noqa: E402
from simulator.scoring.overall import KnockOut, knockouts  # noqa: E402
from simulator.types import Coverage, EvidenceKind  # noqa: E402

PAIRS = 12  # pairs 1-12 of the file; the honest answers follow


@lru_cache(maxsize=1)
def _pairs():
    return scored_pairs("dislike", PAIRS)


@lru_cache(maxsize=1)
def _honest():
    """The honest answers after the pairs, each with its score."""
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith("dislike/")][2 * PAIRS:]
    return [(c, typed_score(c.question.id, c.text, c.turn)) for c in cases]


def test_the_stored_weights_are_the_fit_of_todays_corpus():
    """verdict_weights.json is what scripts/fit_verdict.py makes of verdict_corpus.yaml and the
    verdict exemplars as they are now, and the fit gives the same weights every time."""
    assert_stored_fit(verdict_model.fit, verdict_model.WEIGHTS,
                      "verdict_corpus.yaml or the verdict exemplars changed: run python scripts/fit_verdict.py")


def test_the_corpus_is_many_likings_and_dislikes_and_no_judgment_case():
    raw = yaml.safe_load(verdict_model.CORPUS.read_text(encoding="utf-8"))
    assert len(raw["liked"]) >= 60 and len(raw["disliked"]) >= 60
    assert all(t.startswith("that ") for t in raw["liked"] + raw["disliked"])
    assert not set(raw["liked"]) & set(raw["disliked"])
    # it is never fitted on what measures it: no predicate of the corpus is said in a held-out case
    # (everyday ones, "is brilliant", "bores me", are said in some tune cases)
    texts = [c.text.lower() for c in js.load().cases if c.split == "heldout"]
    said = [t for t in raw["liked"] + raw["disliked"] if any(t[len("that "):] in x for x in texts)]
    assert not said, said


@pytest.mark.parametrize("predicate, likes", [
    ("sounds draining to me", False), ("would grind me down pretty quickly", False),
    ("is the stuff of nightmares for me", False), ("is something I'd resent", False),
    ("would keep me on my toes", True), ("is something I enjoy", True), ("is what drew me", True),
])
def test_the_model_hears_which_way_a_predicate_no_exemplar_holds_leans(predicate, likes):
    v = verdict.semantic.embed([verdict.MEANING_LEAD + predicate])[0]
    assert (verdict_model.logit(v) > 0) is likes


@pytest.mark.parametrize("sentence, stance", [
    ("Helping people with their accounts just leaves me cold.", -1),  # a verb that acts on "me"
    ("Being all smiley and friendly with every caller feels fake and exhausting to me.", -1),  # "and" inside it
    ("Your training programme sounds like a lot of hassle.", -1),  # how it seems, no "me" said
    ("Working with the public wears me out, honestly.", -1),
    ("The idea of a busy queue gets me going.", None),  # near "gets me down" in words, liked by the model
    ("A lady was yelling at me.", None),  # what happened, not a verdict
    ("The customer sounds upset.", None),  # a person, not a part of the job
    ("Telling me the answer is easy.", None),
])
def test_a_part_of_the_job_judged_in_everyday_words(sentence, stance):
    found = verdict.verdict(sentence)
    assert (found.stance if found else None) == stance


def test_a_dislike_read_by_meaning_denies_the_point_it_names():
    s = typed_score("why-call-center", "A job where every call throws something new at you would grind me down pretty quickly.")
    denied = [e for e in s.metric("key_points").evidence if e.kind is EvidenceKind.KEY_POINT and e.coverage is Coverage.DENIED]
    assert [e.label for e in denied] == ["fast-paced"] and KnockOut.DENIED in knockouts(s.metrics)
    assert "this job needs every day" in s.tips[0].text and "grind me down" in s.tips[0].text


def test_disliked_answers_sit_at_the_bottom_and_their_twins_far_above():
    # blind (d494a4f): bad answers within bounds (<= 10) odd 2 of 6, even 2 of 6; twins above odd 6, even 5.
    # After the verdict model and shapes (tuned on the even pairs): even 4 of 6, odd 3 of 6 (out of
    # sample: "Working with the public wears me out"); twins above their bad answer 12 of 12.
    pairs = _pairs()
    assert all(bad.tier.name == "bottom" and good.tier.name == "short_strong" for _, bad, _, good, _ in pairs)
    assert sum(bad.within_bounds(bs.overall) for _, bad, bs, _, _ in pairs) >= 7, [round(bs.overall) for _, _, bs, _, _ in pairs]
    assert all(gs.overall > bs.overall for _, _, bs, _, gs in pairs)
    assert sum(good.within_bounds(gs.overall) for _, _, _, good, gs in pairs) >= 11


def test_a_hard_side_of_the_job_named_honestly_is_no_dislike_of_the_job():
    honest = _honest()
    assert len(honest) == 6
    for case, s in honest:
        denied = [e for e in s.metric("key_points").evidence if e.coverage is Coverage.DENIED]
        assert not knockouts(s.metrics) and case.within_bounds(s.overall), (case.text, s.overall, denied)


@pytest.mark.parametrize("qid, text", [
    ("why-call-center", "I'm not keen on fast-paced work, but I'm good with people."),
    # a strong answer whose first line reads as a no to patience (a reading the scorer still makes)
    ("explain-technical-simply", "I don't assume anyone is slow just because they don't know the terms. I'd swap "
                                 "'browser' for 'the thing you open to get on the internet', go one click at a time, "
                                 "and ask them to read me what's on the screen."),
])
def test_a_point_denied_beside_points_said_is_named_kindly_not_as_the_end_of_the_interview(qid, text):
    # A candidate's try (twenty-second pass): a 79 answer was told its first line "would end the
    # conversation there". Only a denial that decides the score (KnockOut.DENIED) says that.
    s = typed_score(qid, text)
    assert not knockouts(s.metrics)
    tip = next(t for t in s.tips if t.area == "key_points")
    assert "end the conversation" not in tip.text and "On its own, that line can sound like a no" in tip.text
