"""A role-play call judged as a whole: call handling is spread over the replies.

A reply is scored on what belongs to its place in the call (`call_plan`); the end of the
session asks what the *call* did: did the agent verify the caller at some point, say what
happens next, acknowledge the customer's feelings? A next step given on the resolution turn
counts for the call, however the last "Okay, thanks." sounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Metric, Question, Transcript
from . import call_plan, language
from . import thresholds as th
from .text import Doc

# The call-handling areas judged across the call, and how each reply is measured for them.
JUDGES = {
    "greeting": language.greeting,
    "verification": language.verification,
    "empathy": language.empathy,
    "ownership": language.ownership,
    "next_steps": language.next_steps,
    "closing": language.closing,
}
BY_COUNT = {
    "verification": th.VERIFICATION_BY_COUNT, "empathy": th.EMPATHY_BY_COUNT,
    "ownership": th.OWNERSHIP_BY_COUNT, "next_steps": th.NEXT_STEPS_BY_COUNT,
}


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
    count wherever in the call they were said.
    """
    replies = sorted((t, tr) for t, tr in replies if t is not None)
    if not replies:
        return {}
    plan = call_plan(question)
    last_line = max(1, len(question.turns))
    docs = {turn: Doc(tr) for turn, tr in replies}
    out: dict[str, CallArea] = {}
    first_turn, first_doc = replies[0][0], docs[replies[0][0]]
    if first_turn == 1:
        out["greeting"] = CallArea(language.greeting(first_doc), 1)
    final_turn = replies[-1][0]
    if final_turn >= last_line:
        out["closing"] = CallArea(language.closing(docs[final_turn]), final_turn)
    for area in ("verification", "empathy", "ownership", "next_steps"):
        measured = [(turn, JUDGES[area](doc)) for turn, doc in docs.items() if doc.words]
        if not measured:
            continue
        said = [(turn, m) for turn, m in measured if isinstance(m.value, int) and m.value > 0]
        if said:
            count = sum(int(m.value) for _, m in said)
            evidence = tuple(e for _, m in said for e in m.evidence)[:3]
            score = BY_COUNT[area][min(count, 2)]
            out[area] = CallArea(Metric(area, score, count, "phrases", evidence), said[0][0])
        else:
            natural = min(plan[area])
            turn = natural if natural in docs else min(docs, key=lambda t: abs(t - natural))
            out[area] = CallArea(dict(measured)[turn], turn)
    return out
