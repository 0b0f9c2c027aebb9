"""How numbers, units, times and names read in a review, the same in the terminal and in HTML."""

from __future__ import annotations

import math
from datetime import datetime

from ..areas import area
from ..coach.targets import pitch_words, volume_words
from ..scoring import thresholds as th
from ..types import Answer, Metric, Session
from ..wording import half_up, number, per_answer, plural, with_unit  # number: as the coach says it


def clock(seconds: float | None) -> str:
    """m:ss for a moment in a recording."""
    if seconds is None:
        return "--:--"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def metric_label(name: str) -> str:
    """'key_points' -> 'Key points'."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def counted(name: str, unit: str | None) -> bool:
    """Whether a metric's measured value counts things in one answer (`Area.counted`)."""
    found = area(name)
    return found is not None and found.counted and bool(unit) and not unit.endswith("out of 100")


def whole(value: float) -> int:
    """The nearest whole number, half up."""
    return int(math.floor(value + 0.5))  # half up: 2.5 key points is about 3, never "about 2"


def count_text(value: float, answers: int | None, unit: str, bare: bool = False) -> str:
    """A count's mean over a session's answers as a person says it: '1 red flag in 3 answers',
    '2 long pauses' (one answer), 'about 3 of 5 key points' (a share of each answer's own points
    does not add up across answers); with the answers unknown, per answer ('about one long pause
    in every 3 answers'). `bare`: without the unit, said before it ('0 in 2 answers'), unless the
    answers are unknown."""
    unit_of = (lambda shown: shown) if bare else (lambda shown: with_unit(shown, unit))
    if unit.startswith("of "):
        shown = str(whole(value))
        return unit_of(shown if float(value) == whole(value) else f"about {shown}")
    if not answers:  # how many answers is not known: per answer, never a rounded "0" for 0.4
        return per_answer(value, unit)
    text = unit_of(str(whole(value * answers)))
    return text if answers == 1 else f"{text} in {plural(answers, 'answer')}"


def count_cell(value: float, answers: int | None, unit: str) -> str:
    """The same in a table cell, its unit beside the row: '1 in 3', '2', '3'."""
    if unit.startswith("of ") or not answers:
        return str(whole(value))
    total = whole(value * answers)
    return str(total) if answers == 1 else f"{total} in {answers}"


def number_short(value: float) -> str:
    """A number in a table cell: 142, 9.5, 0.0."""
    return f"{value:.0f}" if abs(value) >= 10 else half_up(value, 1)


def format_value(metric: Metric) -> str:
    """The measured value with its unit: '142 words a minute', '2 of 3 key points', '1 phrase';
    and what was expected of a short answer: '1 of 5 key points (1 point expected in an answer
    this long)'."""
    value = metric.value
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and metric.unit == th.RELEVANCE.unit:  # "0.92 out of 1" beside 92
        text = "on the question" if value >= th.ON_TOPIC else "away from the question"
    elif isinstance(value, (int, float)) and metric.name == "volume":  # said once, in words first
        text = f"{volume_words(value)} ({value:.0f} {metric.unit})" if metric.unit else volume_words(value)
    elif isinstance(value, (int, float)) and metric.name == "monotone":
        text = f"{pitch_words(value)} ({with_unit(number(value), metric.unit)})" if metric.unit else pitch_words(value)
    elif isinstance(value, (int, float)) and " minus " in (metric.unit or ""):  # positive minus negative phrases
        text = net_text(value, said=bool(metric.evidence))
    elif isinstance(value, (int, float)):
        text = with_unit(number(value), metric.unit)
    else:
        text = f"{value} {metric.unit}" if metric.unit else str(value)
    if metric.expected is not None:  # a half is said as one (2.5: `th.KEY_POINTS_EXPECTED_FLOOR`)
        half = round(metric.expected * 2) == metric.expected * 2 and metric.expected % 1
        text += f" ({plural(metric.expected if half else round(metric.expected), 'point')} expected in an answer this long)"
    return text


def net_text(value: float, said: bool = True) -> str:
    """Positive minus negative phrases as a person says it: '2 more positive than negative
    phrases', '1 more negative than positive phrase', 'as many positive as negative phrases'
    ('no positive or negative phrases' when neither kind was `said`), never '-1 positive minus negative phrases'."""
    n = whole(abs(value))
    if n == 0:
        return "as many positive as negative phrases" if said else "no positive or negative phrases"
    more, fewer = ("positive", "negative") if value > 0 else ("negative", "positive")
    return f"{n} more {more} than {fewer} {'phrase' if n == 1 else 'phrases'}"


def score_band(score: float | None) -> str:
    """good | fair | weak | none, for colours and labels."""
    if score is None:
        return "none"
    return "good" if score >= 75 else "fair" if score >= 50 else "weak"


def answer_context(answer: Answer) -> list[tuple[str, str]]:
    """What was said to the candidate before this answer, as (who, line) pairs."""
    lines = [("Interviewer", answer.question.text)]
    if answer.turn and 0 < answer.turn <= len(answer.question.turns):
        lines.append(("Customer", answer.question.turns[answer.turn - 1].line))
    if answer.follow_up:
        lines.append(("Follow-up", answer.follow_up))
    return lines


def session_overall(session: Session) -> float | None:
    if not session.answers:
        return None
    return sum(a.score.overall for a in session.answers) / len(session.answers)


def when(started: str) -> str:
    """'2025-03-01T09:10:00+01:00' -> '2025-03-01 09:10'."""
    return started[:16].replace("T", " ")


def date_label(started: str) -> str:
    """'Mar 1, 9:10', for charts and the HTML report."""
    try:
        return datetime.fromisoformat(started).strftime("%b %d, %H:%M").replace(" 0", " ")
    except ValueError:
        return started[:16]
