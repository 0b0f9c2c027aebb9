"""Two readings of key points from the twenty-ninth pass.

A yes in all-inclusive words answers the points the bank says it implies: "I'll take any shift you've got"
is a yes to evenings and weekends too (`implies:` on availability-shifts' "flexible"), unless the answer
says a limit; the key-point tip then does not say "I didn't hear about evenings or about weekends".

A part of the job named in the candidate's own words and then turned down denies the point its words
alone are near: "Sorting out people's muddles on the phone has never appealed to me" (the verdict after
it pulls the whole clause away from every point, so the answer read as "missing", 54, where a recruiter
stops).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring.overall import KnockOut, knockouts  # noqa: E402
from simulator.types import Coverage, EvidenceKind, Transcript  # noqa: E402


def _points(score) -> dict[str, tuple[Coverage, str]]:
    m = score.metric("key_points")
    return {e.label: (e.coverage, e.quote) for e in m.evidence if e.kind is EvidenceKind.KEY_POINT}


def test_any_shift_answers_evenings_weekends_and_holidays():
    score = floors.typed_score("availability-shifts", "Honestly, I'll take any shift you've got, whatever you "
                                                     "need from me.")
    read = _points(score)
    for label in ("evenings", "weekends", "holidays", "flexible"):
        assert read[label][0] is Coverage.COVERED, (label, read)
    assert "any shift" in read["evenings"][1]
    tips = " ".join(t.text for t in score.tips)
    assert "evenings" not in tips and "weekends" not in tips


@pytest.mark.parametrize("text, not_implied", [
    # a limit said, in several ways: the implied points keep their own reading (each of these is read
    # as covered by implication when its guard is taken away)
    ("Whatever you need, I can do any shift from seven in the morning till five.", "evenings"),
    ("Any shift works, except when I have college.", "evenings"),
    ("Any shift works, but I have college some days.", "weekends"),
    ("I can do any shift on weekdays.", "weekends"),
    ("I'll work whatever you need, Monday to Friday.", "weekends"),
    # the implied point named: its own reading stands
    ("I'll take any shift you've got during the week, but weekends are tricky with the kids.", "weekends"),
    ("Any shift at all, apart from Sunday mornings when I have church.", "weekends"),
    # no all-inclusive word: "flexible" alone leaves the recruiter asking
    ("I'm flexible.", "evenings"),
])
def test_a_limit_keeps_each_point_to_its_own_words(text, not_implied):
    question = floors._questions()["availability-shifts"]
    plain = replace(question, key_points=tuple(replace(k, implies=()) for k in question.key_points))
    assert any(k.implies for k in question.key_points)
    read = _points(score_answer(question, Transcript.typed(text)))
    assert read[not_implied] == _points(score_answer(plain, Transcript.typed(text)))[not_implied]


def test_a_denied_point_is_never_covered_by_implication():
    read = _points(floors.typed_score("availability-shifts", "Any shift is fine, I'm not doing weekends though."))
    assert read["weekends"][0] is Coverage.DENIED


@pytest.mark.parametrize("qid, text", [
    ("why-call-center", "Sorting out people's muddles on the phone has never appealed to me, and being chained to "
                        "a headset for eight hours sounds miserable. I'd be counting the minutes."),
    ("why-call-center", "Talking people through their problems all day isn't really my cup of tea, to be honest. "
                        "I'd find it a drag having a different situation thrown at me every few minutes."),
])
def test_a_part_of_the_job_turned_down_in_other_words_denies_it(qid, text):
    score = floors.typed_score(qid, text)
    assert KnockOut.DENIED in knockouts(score.metrics), _points(score)
    assert score.overall <= 10


@pytest.mark.parametrize("qid, text", [
    # the same parts of the job, wanted
    ("why-call-center", "Sorting out people's muddles on the phone has always appealed to me, and a headset for "
                        "eight hours sounds fine. I like the day going quickly."),
    # turned down on a call is no stance on the job ("not my department", then help)
    ("double-billed-caller", "Billing isn't my department, but I'll put you through to them and stay on the line "
                             "so you don't have to explain it twice."),
])
def test_a_part_of_the_job_wanted_or_passed_on_is_not_denied(qid, text):
    score = floors.typed_score(qid, text, turn=1 if qid == "double-billed-caller" else None)
    assert KnockOut.DENIED not in knockouts(score.metrics), _points(score)
