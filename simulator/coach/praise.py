"""Praise: what was strong in an answer (or a session), quoting it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..areas import AREAS
from ..scoring import lexicon as lx
from ..scoring import thresholds as th
from ..scoring.plan import asks_for_example
from ..scoring.text import Doc
from ..types import Coverage, EvidenceKind, Metric, Question, QuestionKind, Score, Transcript
from .context import TIP_QUOTE_WORDS, Context, labels_of
from .lines import call_handling, line_idea
from .phrasing import and_list, figure, idea, quoted, tidy

HEDGE_IN_QUOTE = re.compile(r"\b(?:maybe|probably|i guess|perhaps|hopefully)\b", re.IGNORECASE)


Praise = Callable[[Metric, Context], "str | None"]  # a line quoting the evidence, or None
PRAISES: dict[str, Praise] = {}


def praises(name: str) -> Callable[[Praise], Praise]:
    """Register the line of praise for an area of `areas.AREAS` that has a `praise_rank`."""

    def register(line: Praise) -> Praise:
        if name not in AREAS or AREAS[name].praise_rank is None:
            raise ValueError(f"{name!r} has no praise_rank in simulator/areas.py")
        PRAISES[name] = line
        return line

    return register


def praise_quote(m: Metric, c: Context, line: str, *parts: str, heard: float | None = None) -> str | None:
    """The line with the first quote worth praising (never one with a red flag, a "can't" or a hedge,
    nor a word heard less surely than `heard` or the context's `heard_at_least`); with `parts`, only
    the evidence of those parts of a concrete answer."""
    heard = max(heard or 0.0, c.heard_at_least or th.UNSURE_WORD_PROBABILITY)
    for e in m.evidence:
        if not e.quote or (parts and not (e.kind is EvidenceKind.PART and e.label in parts)):
            continue
        quote = c.phrase(e)
        if quote and not _unpraisable(quote) and not c.unclear(quote, below=heard):
            return line.format(q=quoted(quote))
    return None


def surest_quote(m: Metric, c: Context, line: str, order: Sequence[tuple[str, ...]] = ((),)) -> str | None:
    """`praise_quote`, with a quote heard surely (`th.SURE_WORD_PROBABILITY`) if there is one:
    reading back a misheard phrase as praise tells the candidate we weren't listening. `order`:
    the parts to look in, first choice first (every part by default); a quote heard surely in any
    of them comes before one that may be misheard."""
    for heard in (th.SURE_WORD_PROBABILITY, th.UNSURE_WORD_PROBABILITY):
        for parts in order:
            if said := praise_quote(m, c, line, *parts, heard=heard):
                return said
    return None


def _unpraisable(quote: str) -> bool:
    """A quote with a hedge, a red flag or a "can't" in it: not one to hold up as good."""
    doc = Doc(Transcript.typed(quote))
    return bool(HEDGE_IN_QUOTE.search(quote) or doc.find_all(
        lx.BLAME + lx.DISMISSIVE + lx.PROFANITY + lx.NEGATIVITY + lx.NEGATIVE))


@praises("specificity")
def _praise_example(m: Metric, c: Context) -> str | None:
    if c.question.kind is QuestionKind.SITUATIONAL:  # a plan is no example: it is what you'd do
        return surest_quote(m, c, "You walked me through what you'd actually do: {q} "
                                  "That's what makes an answer stick.",
                            [(part,) for part in ("steps", "actions", "detail")])
    kind = "a concrete example" if c.question.kind is QuestionKind.GENERAL else "a real example"
    if not asks_for_example(c.question):  # a question of facts: its specifics, not an example
        return surest_quote(m, c, "You gave me the specifics: {q} That's what lets me plan around you.",
                            [("detail",)])
    # What you did, or how it ended, says more than how the story began; then the story itself
    # where it is told ("like the time...", "For example, ..."), before the place it is set in.
    line = f"You gave me {kind}: {{q}} That's what makes an answer stick."
    for heard in (th.SURE_WORD_PROBABILITY, th.UNSURE_WORD_PROBABILITY):
        for parts in (("actions",), ("result",), ("numbers",), None, ("situation",), ("example",)):
            said = _told_example(m, c, line, heard) if parts is None else praise_quote(m, c, line, *parts, heard=heard)
            if said:
                return said
    return None


# Where an example is told: its words, not the sentence before them ("I enjoy helping people.")
# ("once" is left out: "Once I have the account, I'll fix it" tells no story)
STORY_STARTS = lx.rx(r"for (?:example|instance)", r"(?:like|remember|there was) (?:the|a|one) time", r"one time")


def _told_example(m: Metric, c: Context, line: str, heard: float) -> str | None:
    """The line quoting the first example told with a story's opening words, when the answer has
    an example: the words after "For example," or the phrase from "like the time"."""
    if not any(e.kind is EvidenceKind.PART and e.label in ("situation", "example") and e.quote for e in m.evidence):
        return None
    doc = c.doc
    heard = max(heard, c.heard_at_least or th.UNSURE_WORD_PROBABILITY)
    for i, j in doc.find_all(STORY_STARTS):
        a, b = doc.token_words(i, j)
        _, end = doc.sentence_of(a)
        if doc.norms[i] == "for":
            if end - b < th.EXAMPLE_WORDS_AFTER:
                continue  # "For example." with nothing after it
            a = b
        elif doc.norms[i] in ("like", "remember"):
            a += 1  # "the time an elderly man's prescription went missing", not "like the time..."
        quote = c.words(*doc.phrase(a, a + 1, TIP_QUOTE_WORDS, lo=a, hi=end))
        if quote and not _unpraisable(quote) and not c.unclear(quote, below=heard):
            return line.format(q=quoted(quote))
    return None


@praises("empathy")
def _praise_empathy(m: Metric, c: Context) -> str | None:
    if c.roleplay:
        return surest_quote(m, c, "You led with empathy: {q} That's exactly what an upset caller needs to hear.")
    return surest_quote(m, c, "You showed real care for the customer: {q}")


@praises("key_points")
def _praise_points(m: Metric, c: Context) -> str | None:
    if c.roleplay:  # what was done for the caller; greeting and closing have their own praise
        done = [line_idea(x) for x in labels_of(m, EvidenceKind.KEY_POINT, Coverage.COVERED) if not call_handling(x)]
        done = [x for x in dict.fromkeys(done) if x]
        return f"You remembered to {and_list(done[:2])}: that's what the caller needed right then." if done else None
    ideas = [idea(x, c.question.kind.value) for x in labels_of(m, EvidenceKind.KEY_POINT, Coverage.COVERED)]
    ideas = [x for x in dict.fromkeys(ideas) if x]
    return f"You told me {and_list(ideas[:2])}: that's what I was listening for." if ideas else None


@praises("greeting")
def _praise_greeting(m: Metric, c: Context) -> str | None:
    return "Your greeting was spot on: a hello, your name and the company." if (m.score or 0) >= 100 else None


@praises("structure")
def _praise_structure(m: Metric, c: Context) -> str | None:
    return "Your story had a clear shape, from the situation through to how it turned out."


@praises("ownership")
def _praise_ownership(m: Metric, c: Context) -> str | None:
    return surest_quote(m, c, "You took ownership: {q}")


@praises("next_steps")
def _praise_next_steps(m: Metric, c: Context) -> str | None:
    return surest_quote(m, c, "You told the customer what happens next: {q}")


@praises("closing")
def _praise_closing(m: Metric, c: Context) -> str | None:
    return "You closed the call warmly and offered more help."


@praises("relevance")
def _praise_relevance(m: Metric, c: Context) -> str | None:
    return "You answered exactly what I asked."


@praises("fillers")
def _praise_fillers(m: Metric, c: Context) -> str | None:
    return "Your delivery was clean, with hardly a filler." if m.unit == th.FILLERS_PER_MINUTE.unit else None


@praises("pace")
def _praise_pace(m: Metric, c: Context) -> str | None:
    return (f"Your pace was just right, about {figure(float(m.value))} words a minute."
            if isinstance(m.value, (int, float)) else None)


@praises("professionalism")
def _praise_professionalism(m: Metric, c: Context) -> str | None:
    return "You stayed positive and professional throughout."


def _praise_order() -> list[tuple[str, Praise]]:
    """The areas with a line of praise, most meaningful first (`Area.praise_rank`)."""
    ranked = sorted((a.praise_rank, name) for name, a in AREAS.items() if a.praise_rank is not None)
    return [(name, PRAISES[name]) for _, name in ranked]


def praise_for(metrics: dict[str, tuple[Metric, Context]], scores: dict[str, float] | None = None,
               red_flag: bool = False, went_badly: bool = False) -> str | None:
    """The first line of praise, most meaningful area first, that the evidence supports: the
    area scored at least STRENGTH_AT_LEAST (`scores` for a session), and never a red flag's. Praise
    that quotes words heard surely comes first, whatever its area; then any. After a red flag or
    in a session that went badly, only praise that quotes what was said."""
    skip = frozenset(n for n, a in AREAS.items() if a.praise_unquoted) if red_flag or went_badly else frozenset()
    # A misheard word read back as praise ("a busy mental office") says we weren't listening.
    return (_first_praise(metrics, scores, skip, th.SURE_WORD_PROBABILITY)
            or _first_praise(metrics, scores, skip, None))


def _first_praise(metrics: dict[str, tuple[Metric, Context]], scores: dict[str, float] | None,
                  skip: frozenset[str], heard_at_least: float | None) -> str | None:
    for name, line in _praise_order():
        if name in skip:
            continue
        if name not in metrics:
            continue
        m, ctx = metrics[name]
        value = (scores or {}).get(name, m.score)
        if value is None or value < th.STRENGTH_AT_LEAST:
            continue
        text = line(m, replace(ctx, heard_at_least=heard_at_least) if heard_at_least else ctx)
        if text and not HEDGE_IN_QUOTE.search(text):  # never praise a hedge as a strength
            return text
    return None


def praise(score: Score, question: Question | None = None, turn: int | None = None) -> str:
    """A line of honest praise for one answer (what scored best, with its evidence)."""
    q = question or Question(id=score.question_id, text="", kind=QuestionKind.BEHAVIORAL)  # unknown: as for a story
    ctx = Context(q, score.transcript, turn)
    text = praise_for({m.name: (m, ctx) for m in score.metrics})
    return tidy(text) if text else "Thank you. Let's keep going."
