"""Advice on one answer: the tips its evidence supports, most useful first."""

from __future__ import annotations

from collections.abc import Sequence

from ..areas import Family, area, weight
from ..scoring import thresholds as th
from ..scoring.content import says_nothing
from ..scoring.overall import KnockOut, deciding_areas, is_personal, knockouts
from ..scoring.plan import is_call_reply
from ..types import Metric, Question, Score, Tip, Transcript
from .context import Context
from .targets import target_text
from .tips import covered_by, write_tip


def is_call_area(name: str) -> bool:
    """A call-handling area (greeting, next steps, closing...): its tip is what that reply needed."""
    found = area(name)
    return found is not None and found.family is Family.CALL


def _impact(m: Metric, deciding: list[str]) -> float:
    """How much fixing this would help; what decided the score (a red flag, another question
    answered, a point denied, a cliché...) always comes first."""
    boost = 1000.0 * (len(deciding) - deciding.index(m.name)) if m.name in deciding else 0.0
    return boost + weight(m.name) * (100.0 - (m.score or 0.0))


def answer_tips(question: Question, metrics: Sequence[Metric], transcript: Transcript,
                turn: int | None = None, limit: int = 3) -> tuple[Tip, ...]:
    """Every tip the evidence supports for one answer, most useful first (at most `limit`)."""
    if not transcript.text.strip():
        return (Tip("length", "I didn't catch an answer there. Take a breath, and start with one sentence "
                    "that answers the question; then give me an example. For next time, say your first "
                    "sentence out loud as soon as you hear the question, even before it's perfect.",
                    value=0.0, target=target_text("length")),)
    by_name = {m.name: m for m in metrics}
    ctx = Context(question, transcript, turn, metrics=by_name)
    deciding = deciding_areas(metrics, ctx.doc.n_words, is_personal(question), is_call_reply(question, turn))
    if says_nothing(ctx.doc) and set(knockouts(metrics)) <= {KnockOut.OFF_TOPIC}:
        # "I don't know" as the whole answer: the one thing to hear is that there was no answer yet
        # (read by meaning, "No idea." may sit nearer another question: it answers none)
        deciding = ["specificity"] + [d for d in deciding if d != "specificity"]
        limit = 1
    weak = sorted((m for m in metrics if m.score is not None and (m.score < th.TIP_BELOW or m.name in deciding)),
                  key=lambda m: _impact(m, deciding), reverse=True)
    if knockouts(metrics):
        limit = 1  # what would end a real interview is the one thing to hear about this answer
    tips: list[Tip] = []
    skipped: set[str] = set()
    for m in weak:
        if m.name in skipped:
            continue
        tip = write_tip(m, ctx)
        if tip:
            if is_call_area(m.name) and "length" in covered_by(m.name):
                # ...and on a call, a length tip given before it: "That reply was very short" beside
                # "Close the call properly", both quoting "Okay, thanks.", said the same thing twice
                tips = [t for t in tips if t.area != "length"]
            tips.append(tip)
            skipped.update(covered_by(m.name))
        if len(tips) >= limit:
            break
    if is_call_reply(question, turn) and len(tips) > 1:
        # A short call reply's other tips name what it was missing (the greeting, empathy, what
        # you'll do), which is why it was short: "That reply was very short" as well, quoting the
        # same line, is a second way of saying it. A recruiter gives the one that says what to add;
        # length stays the tip when it is all there is to say. Tips only: the score is unchanged.
        tips = [t for t in tips if t.area != "length"]
    return tuple(tips)


def answer_tip(question: Question, score: Score) -> Tip | None:
    """The one short tip spoken after an answer in coach mode; None when nothing needs saying
    (say `praise(score)` then)."""
    return score.tips[0] if score.tips else None
