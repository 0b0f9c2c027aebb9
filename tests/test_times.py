"""Times of the week named outside a key point never cover it (`scoring/times.py`): "I can only do Monday to
Friday, nine to five" covered "evenings" and "weekends" by meaning (81/100 to the availability question, with
both praised); a time inside the point, or a paraphrase naming no time, still covers it. And more hours added
after the working week ("Weekdays nine to five, and Saturdays too") are an offer, not a refusal (`conditions.offered`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

from simulator.scoring.times import names_only_other_times, point_time  # noqa: E402
from simulator.types import Coverage  # noqa: E402


@pytest.mark.parametrize("clause, time, outside", [
    ("I can only do Monday to Friday, nine to five", "weekend", True),
    ("I can only do Monday to Friday, nine to five", "evening", True),
    ("weekdays", "weekend", True),
    ("9-5", "evening", True),
    ("9am-5pm", "evening", True),
    ("7am to 3pm", "evening", True),
    ("mornings are best for me", "evening", True),
    ("I can work until five most days", "evening", True),
    ("nine o'clock to five", "evening", True),
    ("eight till eight", "evening", False),
    ("I'm free until 10pm most days", "evening", False),
    ("until ten", "evening", False),
    ("six to midnight", "evening", False),
    ("Monday to Sunday", "weekend", False),
    ("nine to five on weekdays but evenings too", "evening", False),
    ("both days at the end of the week", "weekend", False),  # a paraphrase names no time: read by meaning
    ("I have two kids and five years of experience", "evening", False),
])
def test_a_time_outside_the_point(clause, time, outside):
    assert names_only_other_times(clause, time) is outside


def test_which_points_are_about_a_time():
    assert point_time(["evenings", "nights", "late shift", "until ten"]) == "evening"
    assert point_time(["weekends", "Saturday", "Sunday"]) == "weekend"
    assert point_time(["flexible", "any shift"]) is None


def _coverage(text: str) -> dict[str, Coverage]:
    score = floors.typed_score("availability-shifts", text)
    return {e.label: e.coverage for e in score.metric("key_points").evidence if e.coverage is not None}


@pytest.mark.parametrize("text", ["I can only do Monday to Friday, nine to five.",
                                  "Monday to Friday, nine to five, that's what I can do.",
                                  "Weekdays, nine till five."])
def test_weekday_daytime_hours_cover_neither_evenings_nor_weekends(text):
    read = _coverage(text)
    assert read["evenings"] is not Coverage.COVERED and read["weekends"] is not Coverage.COVERED


@pytest.mark.parametrize("text, label", [
    ("I can work Monday to Sunday, eight till eight.", "evenings"),
    ("I can work Monday to Sunday, eight till eight.", "weekends"),
    ("I'm available both days at the end of the week.", "weekends"),
    ("I'm free most evenings, even the last shift of the day.", "evenings"),
])
def test_a_time_inside_the_point_still_covers_it(text, label):
    assert _coverage(text)[label] is Coverage.COVERED


@pytest.mark.parametrize("text, flagged", [
    # more hours added after the working week are an offer (it sat 0.83 from "Weekdays nine to five, and that's
    # not up for discussion" and was knocked out as a refusal)
    ("Weekdays nine to five, and Saturdays too.", False),
    ("Weekdays nine to five, and Saturdays as well.", False),
    ("Weekdays nine to five, and that's not up for discussion.", True),
    ("Weekdays nine to five, and no weekends either.", True),
])
def test_hours_added_after_the_working_week_are_no_refusal(text, flagged):
    assert bool(floors.severe_flags(floors.typed_score("availability-shifts", text))) is flagged
