"""A neighbouring idea does not cover a key point: "I can work weekdays" says nothing of weekends
(u9-padding). The cases of `judgment/padding2_points.yaml` are held by `test_judgment_padding2.py`;
this holds the rule that reads siblings (`points.names_sibling`)."""

from __future__ import annotations

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.scoring.points import names_sibling
from simulator.types import Coverage, EvidenceKind, Transcript

BANK = {q.id: q for b in bundled_banks() for q in b.questions}


def _coverage(qid: str, text: str) -> dict[str, Coverage]:
    s = score_answer(BANK[qid], Transcript.typed(text))
    return {e.label: e.coverage for e in s.metric("key_points").evidence if e.kind is EvidenceKind.KEY_POINT}


def test_weekdays_are_a_sibling_of_weekends_not_weekends():
    assert _coverage("availability-shifts", "I can work weekdays, any time from eight in the morning to six.").get(
        "weekends") is not Coverage.COVERED
    # the point itself, and its own words beside a sibling, still cover it
    assert _coverage("availability-shifts", "Weekends are fine, any of them.")["weekends"] is Coverage.COVERED
    assert _coverage("availability-shifts", "Weekdays and weekends are both fine.")["weekends"] is Coverage.COVERED


def test_siblings_are_compounds_of_one_word_not_endings_of_one_verb():
    assert names_sibling("I can work weekdays", ("weekends", "Saturday"))
    assert names_sibling("Weeknights are fine", ("weekends",))
    assert not names_sibling("Weekends are fine", ("weekends",))  # the point's own word
    assert not names_sibling("I've been practicing", ("I practised",))  # practis+ed, practic+ing: endings
    assert not names_sibling("I'd like to be training people", ("trainer",))  # train+ing, train+er
