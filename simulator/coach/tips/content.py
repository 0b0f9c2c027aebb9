"""Tips on what was said: key points, relevance, a concrete example, the story's shape, length."""

from __future__ import annotations

from ...scoring import lexicon as lx
from ...scoring import thresholds as th
from ...scoring.plan import answer_band
from ...scoring.text import Doc
from ...types import Coverage, EvidenceKind, Metric, QuestionKind, Transcript
from ..context import NOT_COVERED, Context, first_quote, labels_of
from ..phrasing import after_lead, and_list, band_words, duration, format_time, point_name, quoted
from .registry import writes

MIN_WORDS_TO_DRIFT = 20  # an answer shorter than this cannot have drifted off the question


def _call_handling(label: str) -> bool:
    """A key point that is a call-handling phrase ("anything else I can help with"): on a call
    its own tip (closing, greeting...) says it better."""
    doc = Doc(Transcript.typed(label))
    return bool(doc.find_all(lx.GREETING + lx.CLOSING + lx.VERIFICATION + lx.NEXT_STEPS))


@writes("key_points")
def key_points(m: Metric, c: Context) -> str | None:
    missing = labels_of(m, EvidenceKind.KEY_POINT, *NOT_COVERED)
    if c.roleplay:
        missing = [x for x in missing if not _call_handling(x)]
    missing = [point_name(x) for x in missing]
    if not missing:
        return None
    covered = [point_name(x) for x in labels_of(m, EvidenceKind.KEY_POINT, Coverage.COVERED)]
    listed = and_list([f'"{x}"' for x in missing[:3]])
    got = f" You did cover {and_list([repr(x).replace(chr(39), chr(34)) for x in covered[:2]])}, which is good." if covered else ""
    lead = after_lead(c.lead(), "I was listening for")
    return (f"{lead} {listed}, and I didn't clearly hear {'it' if len(missing) == 1 else 'them'}.{got} Say each "
            f"point in plain words, so it can't be missed. For next time, jot down a word for each point "
            f"before you answer, and tick them off as you go.")


@writes("relevance")
def relevance(m: Metric, c: Context) -> str | None:
    if c.doc.n_words < MIN_WORDS_TO_DRIFT:
        return None  # a short answer is short, not off topic: the length or example tip says so
    opening = c.opening()
    said = f", and you opened with {quoted(opening)}" if opening else ""
    missing = [point_name(x) for x in labels_of(c.metrics.get("key_points"), EvidenceKind.KEY_POINT, *NOT_COVERED)]
    wanted = f" I was listening for things like {and_list([chr(34) + x + chr(34) for x in missing[:2]], 'or')}." if missing else ""
    asked = c.customer_line if c.roleplay and c.customer_line else c.question_words()
    who = "The customer said" if c.roleplay and c.customer_line else "I asked"
    asked_and_said = after_lead(f"{who} {quoted(asked, end='')}", said.removeprefix(", ")) if opening else \
        f"{who} {quoted(asked)}"
    return (f"That answer moved away from what was asked. {asked_and_said}{wanted} However "
            f"good the story, it has to answer the question. For next time, answer it in your first "
            f"sentence, then give your example.")


# What a concrete answer lacked, as the interviewer says it, by the part's label.
LACKS = {
    "situation": "a real situation", "example": "an example", "actions": "what you actually did",
    "numbers": "a number", "result": "how it turned out",
    "steps": "the steps in order", "detail": "a concrete detail",
}


@writes("specificity")
def specificity(m: Metric, c: Context) -> str | None:
    missing = labels_of(m, EvidenceKind.PART, *NOT_COVERED)
    lacks = [LACKS.get(part, part) for part in missing]
    opening = c.opening()
    if not lacks or not opening:
        return None
    said = f"{c.said()} {quoted(opening, end=',')}"
    kind = c.question.kind
    if kind is QuestionKind.GENERAL:
        return (f"Can you give me an example? {said} and that's a fair start. Add one concrete detail or a "
                f"short example, like a time you saw it or did it yourself. For next time, after your first "
                f"sentence, say \"For example...\" and add one real moment.")
    if kind is QuestionKind.SITUATIONAL:
        return (f"Walk me through what you'd actually do. {after_lead(c.lead(), 'you said' if c.timed else 'you wrote')} "
                f"{quoted(opening)} Give me your steps in order: what you'd say first, what you'd check, and how "
                f"you'd follow up. For next time, start with \"First, I'd...\" and finish with \"Then I'd follow "
                f"up by...\"")
    number = " A number helps too, like how many calls or how long it took." if "numbers" in missing else ""
    return (f"I'd like a real story here. {said} but I didn't hear {and_list(lacks[:3])}. Tell me about one real "
            f"time: where you were, two or three things you did, and how it turned out.{number} For next time, "
            f"fill in this line before you practise: \"One time at..., a customer..., so I..., and in the "
            f"end...\"")


STRUCTURE_PARTS = {
    "situation": "the situation", "task": "what you needed to do", "action": "what you did",
    "result": "how it turned out", "listen first": "listening first", "steps": "the steps in order",
    "follow-up": "how you'd follow up",
}


@writes("structure")
def structure(m: Metric, c: Context) -> str | None:
    missing = [STRUCTURE_PARTS.get(n, n) for n in labels_of(m, EvidenceKind.PART, *NOT_COVERED)]
    if not missing:
        return None
    found = [STRUCTURE_PARTS.get(e.label, e.label) for e in m.evidence
             if e.quote and e.kind is EvidenceKind.PART and e.coverage is Coverage.COVERED]
    had = f" I heard {and_list(found)}." if found else ""
    if c.question.kind is QuestionKind.BEHAVIORAL and len(missing) >= 3:
        return ("I didn't hear a story with a clear shape. A story lands when it has four parts: the situation, "
                "what you needed to do, what you did, and how it turned out. For next time, write those four on "
                "a card and tell the story once, touching each in order.")
    if c.question.kind is QuestionKind.BEHAVIORAL:
        return (f"Your story was missing {and_list(missing)}.{had} A story lands when it has all four parts: the "
                f"situation, what you needed to do, what you did, and how it turned out. For next time, write "
                f"those four on a card and tell the story once, touching each in order.")
    return (f"Your plan was missing {and_list(missing)}.{had} For a what-would-you-do question, walk me through "
            f"it: listen first, then your steps in order, then how you'd follow up. For next time, start with "
            f"\"First, I'd...\" and end with \"Then I'd follow up by...\"")


@writes("length")
def length(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    low, high = answer_band(c.question, c.turn)
    seconds = float(m.value)
    e = first_quote(m)
    if seconds > high:
        where = f" By the {format_time(high)} mark you were still on {quoted(c.phrase(e))}" if e and c.timed else ""
        return (f"That ran long, {duration(seconds)}, when {band_words(low, high)} is plenty.{where} For next "
                f"time, practise with a timer: make your point, give the example, and stop once you've said "
                f"how it turned out.")
    if c.roleplay:
        return (f"That reply was very short. {c.said()} {quoted(c.opening())} On a call, each reply should move "
                f"things forward: say what you're doing, or what happens next. For next time, after each "
                f"customer line, answer it, then add one sentence about your next step.")
    concrete = c.metrics.get("specificity")
    if concrete is not None and (concrete.score or 0) >= th.STRENGTH_AT_LEAST:
        return None  # short but complete: nothing missing to add
    add = {QuestionKind.GENERAL: "a reason and a short example",
           QuestionKind.SITUATIONAL: "the steps you'd take, and why"}.get(
        c.question.kind, "what happened, what you did, and how it ended")
    return (f"That was short, {duration(seconds)}; I'd like {band_words(low, high)} here. Add {add}. For next "
            f"time, answer out loud, then ask yourself \"and then what?\", and add that.")
