"""A session's closing tips say each piece of advice once.

The specificity tip's whole advice is an example ("Can you give me an example?", "Tell me about one
real time"); the key-points and length tips ask for one on the side ("with a reason or a moment that
shows it", "Add a reason and a short example"). Read together at the end of a session, "give an
example" twice is a recruiter repeating herself: the tip whose advice IS the example keeps it, and
the others say the rest of their advice without it (each writer honours `Context.example_asked`).
With no such tip, the first tip that asks for an example keeps the ask and the later ones drop it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..areas import AREAS
from ..scoring.plan import asks_for_example
from ..types import Metric, QuestionKind, Tip
from .context import Context
from .tips import write_tip

def _is_example_tip(tip: Tip, ctx: Context) -> bool:
    """The tip's advice is the example itself (not the steps of a plan, not the facts of a rota)."""
    q = ctx.question
    area = AREAS.get(tip.area)
    return (area is not None and area.asks_for_example and not ctx.roleplay and asks_for_example(q)
            and q.kind is not QuestionKind.SITUATIONAL)


def one_ask_each(tips: Sequence[Tip], written: Sequence[tuple[Metric, Context]],
                 finish: Callable[[str, Context], str]) -> list[Tip]:
    """The tips, with an example asked for once: tips that ask for one on the side, rewritten
    without it when the example tip (or an earlier side ask) already says it. `written`: each tip's
    metric and context; `finish`: what the session does to a written tip's text (names the question)."""
    out = list(tips)
    owner = next((i for i, (t, (_, c)) in enumerate(zip(tips, written)) if _is_example_tip(t, c)), None)
    for i, (tip, (metric, ctx)) in enumerate(zip(tips, written)):
        if i == owner or ctx.example_asked:
            continue
        first = write_tip(metric, replace(ctx, quoted_words=set()))
        quiet = replace(ctx, example_asked=True, quoted_words=set())
        again = write_tip(metric, quiet)
        if first is None or again is None or again.text == first.text:
            continue  # this tip asks for no example on the side
        if owner is None:
            owner = i  # the first side ask keeps it
            continue
        out[i] = replace(tip, text=finish(again.text, quiet))
    return out
