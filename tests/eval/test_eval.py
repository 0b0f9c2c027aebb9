"""The scoring ranks a strong answer above weaker kinds of answer, on questions it was not tuned on too."""

from __future__ import annotations

import pytest

import evalset

MIN_ACCURACY = 0.95


@pytest.fixture(scope="module")
def pairs():
    return evalset.pairs(evalset.load())


def test_the_set_is_big_enough():
    questions = evalset.load()
    assert len(questions) >= 40
    assert {q.question.kind for q in questions} == {"general", "behavioral", "situational", "roleplay"}
    assert sum(q.split == "holdout" for q in questions) >= len(questions) // 2 - 1
    for q in questions:
        assert set(q.answers) == {"strong", *evalset.KINDS}, q.question.id
        assert q.answers["off_topic"] != q.answers["strong"], q.question.id


@pytest.mark.parametrize("kind", evalset.KINDS)
@pytest.mark.parametrize("split", ["tune", "holdout"])
def test_strong_answers_win_per_kind(pairs, kind, split):
    sub = [p for p in pairs if p.kind == kind and p.split == split]
    wrong = [f"{p.question}: {p.strong} <= {p.other}" for p in sub if not p.correct]
    assert evalset.accuracy(sub) >= MIN_ACCURACY, wrong


def test_strong_answers_win_on_length_matched_pairs(pairs):
    matched = [p for p in pairs if p.length_matched]
    assert len(matched) >= 40
    assert evalset.accuracy(matched) >= MIN_ACCURACY


def test_relevance_tells_a_strong_answer_from_an_answer_to_another_question():
    """Relevance is judged by meaning against the bundled questions (issue 10). Here the "other
    question" is often a near twin (two customer stories), so the figure is the ordering and the
    gap, not a fixed limit: the strong answer is never told it drifted, and an answer to another
    question is clearly less relevant."""
    from simulator.scoring import thresholds as th

    rs = evalset.relevance(evalset.load())
    for split in ("tune", "holdout"):
        figures = evalset.relevance_report([r for r in rs if r.split == split], th.TIP_BELOW, th.OFF_TOPIC_LIMIT)
        assert figures["strong_not_tipped"] >= MIN_ACCURACY, (split, figures)
        assert figures["mean_strong"] - figures["mean_off_topic"] >= 40, (split, figures)
    answers = [r for r in rs if r.kind != "roleplay"]
    assert sum(r.strong > r.off_topic for r in answers) / len(answers) >= 0.85
