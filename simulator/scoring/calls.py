"""A role-play call judged as a whole: call handling is spread over the replies.

A reply is scored on what belongs to its place in the call (`plan.call_plan`); the end of the
session asks what the *call* did: did the agent verify the caller at some point, say what
happens next, acknowledge the customer's feelings? A next step given on the resolution turn
counts for the call, however the last "Okay, thanks." sounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..areas import OnCall, call_areas
from ..types import Metric, Question, Transcript
from .inputs import Inputs
from .language import by_count
from .measure import MEASURES
from .plan import call_plan


@dataclass(frozen=True)
class CallArea:
    """One call-handling area for the whole call, and the reply (turn) it points to: where the
    evidence was said, or where it was missing (the line it naturally belongs to)."""

    metric: Metric
    turn: int


def judge_call(question: Question, replies: Sequence[tuple[int, Transcript]]) -> dict[str, CallArea]:
    """Call-level metrics from the replies of one call, `(turn, transcript)` in any order.

    The greeting is judged on the reply to the first line and the closing on the reply to the
    last (only when the call got that far); verification, empathy, ownership and next steps
    count wherever in the call they were said, and when never said are judged on a reply where
    they belong (none of those heard: not judged).
    """
    replies = sorted(((t, tr) for t, tr in replies if t is not None), key=lambda r: r[0])
    if not replies:
        return {}
    plan = call_plan(question)
    last_line = max(1, len(question.turns))
    heard = {turn: Inputs(question, tr, turn=turn) for turn, tr in replies}
    first_turn, final_turn = replies[0][0], replies[-1][0]
    out: dict[str, CallArea] = {}
    for area in call_areas():
        measure = MEASURES[area.name]
        if area.on_call is OnCall.OPENING:
            if first_turn == 1:
                out[area.name] = CallArea(measure(heard[1]), 1)
        elif area.on_call is OnCall.CLOSING:
            if final_turn >= last_line:
                out[area.name] = CallArea(measure(heard[final_turn]), final_turn)
        else:
            measured = [(turn, measure(x)) for turn, x in heard.items() if x.doc.words]
            if not measured:
                continue
            said = [(turn, m) for turn, m in measured if isinstance(m.value, int) and m.value > 0]
            if said:
                count = sum(int(m.value) for _, m in said)
                evidence = tuple(e for _, m in said for e in m.evidence)[:3]
                out[area.name] = CallArea(Metric(area.name, by_count(area.name, count), count, "phrases", evidence),
                                          said[0][0])
            else:
                # Not said: judged on a reply where it belongs. When none of those was heard
                # (skipped, unreadable, never reached), nobody knows: a reply before it is not to blame.
                turn = next((t for t in sorted(plan[area.name]) if t in dict(measured)), None)
                if turn is not None:
                    out[area.name] = CallArea(dict(measured)[turn], turn)
    return out
