"""Terse spoken answers are answers, not keyword lists (tests/judgment/terse_cases.yaml, written and
labelled before the rule that reads them changed). Said out loud, "Nights fine. Weekends, yes. Not
Mondays, college." is a string of elliptical sentences: each fragment names its subject and says
something of it. A list names labels and says nothing of any ("Evenings. Weekends. Bank holidays.").
Both are short of the small words sentences are made of; only the list earns nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import floors  # noqa: E402

from simulator.scoring.english import is_word_list  # noqa: E402
from simulator.types import EvidenceKind  # noqa: E402

# Measured blind (main at 0569745): 4 of 15 terse answers knocked out as key words without
# sentences, 9 of 15 above 15, 16 of 23 within bounds, 8 of 8 lists at or below 15 (a sixteenth
# terse answer, already precision4/availability-shifts/17, was taken out of the file). After the
# elliptical reading (english.is_elliptical): none, 12, 19, 8; and once an elliptical yes is no
# longer read as the refusal exemplar it shares its subject with ("Overtime, fine by me" beside
# "Overtime? No thanks, I have a life.", flag_meaning._stance_cost): none, 13, 20, 8. The two terse
# answers still low are knocked out by other rules ("Sorting problems out, even better" read by
# meaning as marking a ticket sorted; "Problem fixed first time..." as nearer another question).
TERSE_ABOVE_15, WITHIN = 13, 20


@pytest.fixture(scope="module")
def cases():
    return floors.scored("terse")


def _listed(score) -> bool:
    return any(e.kind is EvidenceKind.WORD_LIST for m in score.metrics for e in m.evidence)


def test_no_terse_answer_is_read_as_key_words_without_sentences(cases):
    terse = [(f, s) for f, s in cases if f.case.family != "keyword_stuffing"]
    assert len(terse) == 15
    assert [f.case.text for f, s in terse if _listed(s)] == []
    assert sum(s.overall > 15 for f, s in terse) >= TERSE_ABOVE_15, [(f.case.text, s.overall) for f, s in terse]


def test_every_keyword_list_stays_at_the_bottom(cases):
    lists = [(f, s) for f, s in cases if f.case.family == "keyword_stuffing"]
    assert len(lists) == 8
    assert [(f.case.text, s.overall) for f, s in lists if s.overall > 15] == []


def test_terse_cases_within_bounds(cases):
    assert sum(f.case.within_bounds(s.overall) for f, s in cases) >= WITHIN


@pytest.mark.parametrize("text", [
    "Nights fine. Weekends fine. Holidays fine. Short notice, usually fine too.",
    "Weekends, yes. Nights, yes. Bank holidays, yes. Mondays I have college till two.",
    # a speech recogniser's transcript, with no full stops
    "nights fine weekends fine holidays fine short notice usually fine too",
    "Overtime sure. Sundays never. Saturdays okay. Nights fine.",
])
def test_elliptical_sentences_are_not_a_word_list(text):
    assert not is_word_list(text)


@pytest.mark.parametrize("text", [
    "enjoy helping people fast-paced every call is different good communicator solve problems",
    "helping people, people person, communication skills, variety, solving problems, career, "
    "learn and grow, fast paced, good communicator",
    "Evenings. Weekends. Bank holidays. Early shifts. Late shifts. Rotas.",
    "evenings weekends Saturday Sunday flexible any shift holidays whatever you need",
    "Customer service. Communication. Teamwork. Patience. Problem solving. Reliability.",
])
def test_labels_are_still_a_word_list(text):
    assert is_word_list(text)


def test_an_elliptical_yes_is_not_the_refusal_it_shares_its_subject_with():
    assert floors.typed_flags("overtime-peak-season", "Overtime, fine by me. Extra hours at Christmas, sure.") == []
    assert floors.typed_flags("availability-shifts", "Weekends, sure. Nights, fine by me.") == []
    # the no, and the yes at a price, are still refusals
    assert floors.typed_flags("overtime-peak-season", "Overtime? Not a chance, I have a life.")
    assert floors.typed_flags("overtime-peak-season", "Overtime, sure, if you pay me triple.")
    assert floors.typed_flags("availability-shifts", "Weekends? No thanks, they are mine.")
