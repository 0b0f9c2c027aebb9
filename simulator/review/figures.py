"""How numbers, units, times and names read in a review, the same in the terminal and in HTML."""

from __future__ import annotations

from datetime import datetime

from ..types import Answer, Metric, Session
from ..wording import plural, with_unit


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


def number(value: float) -> str:
    """A measured number as a person writes it: 142, 3.5, 0.35."""
    if float(value) == int(value):
        return str(int(value))
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"


def number_short(value: float) -> str:
    """A number in a table cell: 142, 9.5, 0.0."""
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"


def format_value(metric: Metric) -> str:
    """The measured value with its unit: '142 words a minute', '2 of 3 key points', '1 phrase';
    and what was expected of a short answer: '1 of 5 key points (1 point expected in an answer
    this long)'."""
    value = metric.value
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)):
        text = with_unit(number(value), metric.unit)
    else:
        text = f"{value} {metric.unit}" if metric.unit else str(value)
    if metric.expected is not None:
        text += f" ({plural(round(metric.expected), 'point')} expected in an answer this long)"
    return text


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
