"""A session's answers by the question asked: a role-play call is one question, its replies
the lines of one call, so a review shows the call's scenario once and counts the call once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Answer, Question
from ..wording import plural


@dataclass(frozen=True)
class Asked:
    """One question of a session with what was answered to it: one answer, or a call's replies."""

    number: int  # its place among the session's questions, 1 first
    question: Question
    answers: tuple[tuple[int, Answer], ...]  # (place among the session's answers, 1 first; answer)

    @property
    def is_call(self) -> bool:
        return self.answers[0][1].turn is not None


def by_question(answers: Sequence[Answer]) -> list[Asked]:
    """The answers in order, a call's replies (one question, each with its turn) together."""
    groups: list[list[tuple[int, Answer]]] = []
    for i, a in enumerate(answers, 1):
        last = groups[-1][-1][1] if groups else None
        if last is not None and a.turn is not None and last.turn is not None and last.question.id == a.question.id:
            groups[-1].append((i, a))
        else:
            groups.append([(i, a)])
    return [Asked(n, g[0][1].question, tuple(g)) for n, g in enumerate(groups, 1)]


def replies(count: int) -> str:
    return plural(count, "reply", "replies")


def answers_count(answers: Sequence[Answer]) -> str:
    """How much a session holds, as a candidate counts it: '4 answers'; with a call, '3 questions,
    one a call of 3 replies' (a call's replies are not answers to as many questions)."""
    asked = by_question(answers)
    calls = [q for q in asked if q.is_call]
    if not calls:
        return plural(len(answers), "answer")
    lines = sum(len(q.answers) for q in calls)
    if len(asked) == 1:
        return f"a call of {replies(lines)}"
    if len(calls) == len(asked):
        return f"{plural(len(calls), 'call')} ({replies(lines)})"
    if len(calls) == 1:
        return f"{plural(len(asked), 'question')}, one a call of {replies(lines)}"
    return f"{plural(len(asked), 'question')}, {len(calls)} of them calls ({replies(lines)})"
