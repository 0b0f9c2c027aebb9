"""Scoring: a question and an answer (typed or spoken) to explainable metrics and an overall.

`measure` is the one entry point; it measures and gives no advice (the coach does, and
`simulator.assess` joins the two). Each metric family lives in its own module; every
threshold and weight is in `thresholds.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import KeyPoint, Metric, Question, Recording, Transcript, Turn
from . import content, delivery, language
from . import lexicon as lx
from . import thresholds as th
from .text import Doc, normalise_word

__all__ = ["measure", "Measurement", "overall_score", "is_customer_facing", "metric_names", "call_plan",
           "CALL_AREAS"]

# Questions where acknowledging feelings is part of a good answer: upset or difficult callers,
# or key points that ask for it.
EMPATHY_CUES = re.compile(
    r"\b(?:angry|upset|frustrat\w*|irate|rude|complain\w*|complaint|swear\w*|insult\w*|abus\w*|"
    r"yell\w*|shout\w*|bad news|demand\w*|unresolved|difficult|apologi[sz]\w*|sorry|"
    r"empath\w*|acknowledg\w*|understand how|charged twice)\b"
)


def is_customer_facing(question: Question) -> bool:
    """Whether empathy is part of a good answer: role-play, or a question about upset callers."""
    if question.is_roleplay:
        return True
    if question.kind not in ("behavioral", "situational"):
        return False
    text = " ".join([question.text, question.category, *(ph for k in question.key_points for ph in k.phrasings)])
    return bool(EMPATHY_CUES.search(text.lower()))


def _roleplay_context(question: Question, turn: int | None) -> tuple[str, tuple[KeyPoint, ...], bool, bool]:
    """The customer's line, the key points, and whether this reply opens and/or closes the call."""
    turns = question.turns
    if turn is not None and turns and 1 <= turn <= len(turns):
        t = turns[turn - 1]
        points = t.key_points or (question.key_points if len(turns) == 1 else ())
        return t.line, points, turn == 1, turn == len(turns)
    if turn is not None and turns:  # a reply past the scripted lines: the end of the call
        return "", (), False, True
    first = turn is None or turn <= 1
    return "", question.key_points, first, True


# What a customer says when they are upset, so acknowledging it belongs in the reply.
UPSET_LINE = re.compile(
    r"\b(?:angry|upset|frustrat\w*|ridiculous|unacceptable|nobody|no one|third time|again|still|"
    r"worst|terrible|fed up|sick of|furious|waste|cancel\w*|complain\w*|seriously|not good enough|"
    r"disappointed|annoy\w*|for nothing|twice|right now)\b")
# An exclamation is upset unless it is relief or thanks ("It works! Thank you!").
GLAD_LINE = re.compile(r"\b(?:thank\w*|great|perfect|wonderful|lovely|brilliant|awesome|works|working|"
                       r"connected|fixed|glad|happy)\b")
# What a customer asks when the fix is due: the reply to it should say what happens next.
ASKS_RESOLUTION = re.compile(
    r"\b(?:how long|when will|when do|when can|what happens|money back|going to (?:do|fix|give)|"
    r"what now|what can you do|what are you going to|fixed by|by when)\b")
CALL_AREAS = ("greeting", "verification", "empathy", "ownership", "next_steps", "closing")


def _points_say(points: tuple[KeyPoint, ...], patterns, unless=()) -> bool:
    """Whether a turn's key points ask for this kind of phrase ("verify", "three to five days"),
    leaving out phrasings that are the `unless` kind ("thanks for your patience" is a closing)."""
    for point in points:
        for phrasing in point.phrasings:
            doc = Doc(Transcript.typed(phrasing))
            if doc.find_all(patterns) and not (unless and doc.find_all(unless)):
                return True
    return False


def _upset(line: str) -> bool:
    text = line.lower()
    return bool(UPSET_LINE.search(text)) or ("!" in text and not GLAD_LINE.search(text))


def call_plan(question: Question) -> dict[str, frozenset[int]]:
    """On which customer lines (1-based) each call-handling area is judged in a single reply:
    where it naturally belongs in the call. The greeting opens the call; verification comes on
    the first line whose key points ask for it (else the first); empathy wherever the customer is
    upset or the key points ask for it (else on the first line); next steps where the customer asks for the fix ("how
    long?"), else on the last line whose key points name a time frame or a reference, else on
    the last line; the closing on the last line; ownership on every line but a last one that
    only wraps the call up.
    `calls.judge_call` judges these areas across the whole call."""
    turns = question.turns or (Turn(line="", key_points=question.key_points),)
    n = len(turns)
    numbered = list(enumerate(turns, 1))
    verification = next((k for k, t in numbered
                         if _points_say(t.key_points, lx.VERIFICATION, unless=lx.RESOLUTION_CUES)), 1)
    # Next steps: where the customer asks for the fix, else the last line whose key points are
    # about what happens next, else the last line.
    asked = [k for k, t in numbered if "?" in t.line and ASKS_RESOLUTION.search(t.line.lower())]
    cued = [k for k, t in numbered if _points_say(t.key_points, lx.RESOLUTION_CUES)]
    steps = asked[0] if asked else (cued[-1] if cued else n)
    upset = {k for k, t in numbered if _upset(t.line)}
    empathy = upset | {k for k, t in numbered if _points_say(t.key_points, lx.EMPATHY, unless=lx.CLOSING)}
    last = turns[-1]
    wraps_up = (n > 1 and steps != n and "?" not in last.line
                and (not last.key_points or _points_say(last.key_points, lx.CLOSING)))
    return {
        "greeting": frozenset({1}),
        "verification": frozenset({verification}),
        "empathy": frozenset(empathy or {1}),
        "ownership": frozenset(k for k in range(1, n + 1) if not (wraps_up and k == n)),
        "next_steps": frozenset({steps}),
        "closing": frozenset({n}),
    }


def _call_turn(question: Question, turn: int | None) -> int:
    """The customer line a reply answers, for the call plan; a reply past the script is the last."""
    n = max(1, len(question.turns))
    return max(1, min(turn or 1, n)) if (turn or 1) <= n else n


def metric_names(question: Question, turn: int | None = None) -> tuple[str, ...]:
    """The metrics an answer to this question gets, in report order."""
    roleplay = question.is_roleplay or turn is not None
    names = ["key_points", "relevance"]
    plan: dict[str, frozenset[int]] = {}
    if roleplay:
        plan = call_plan(question)
        at = _call_turn(question, turn)
        past_script = turn is not None and question.turns and turn > len(question.turns)
        for area in ("greeting", "verification", "next_steps", "closing"):
            if at in plan[area] and not (past_script and area != "closing"):
                names.append(area)
    else:
        names.append("specificity")
        if question.kind in ("behavioral", "situational"):
            names.append("structure")
    names.append("length")
    if roleplay:
        at = _call_turn(question, turn)
        names += [area for area in ("empathy", "ownership") if at in plan[area]]
    else:
        if is_customer_facing(question):
            names.append("empathy")
        if question.kind in ("behavioral", "situational"):
            names.append("ownership")
    names += ["positive_language", "professionalism", "pace", "fillers", "hedging", "repetition",
              "pauses", "time_to_start", "clarity", "volume", "monotone"]
    return tuple(names)


def on_topic_score(by_name: dict[str, Metric]) -> float | None:
    """How clearly the answer is about the question: the relevance score, which already counts
    an answer in its own words (its fields) and key points covered in words about the subject.
    Key points covered only by generic parts ("a situation", "a result") do not make an answer
    to another question on topic."""
    m = by_name.get("relevance")
    return m.score if m is not None else None


def overall_score(metrics: tuple[Metric, ...]) -> float:
    """Weighted mean of the metrics present, scaled down for an off-topic answer, capped by red flags."""
    present = [(m.score, th.WEIGHTS.get(m.name, 1.0)) for m in metrics if m.score is not None]
    if not present:
        return 0.0
    total = sum(s * w for s, w in present) / sum(w for _, w in present)
    by_name = {m.name: m for m in metrics}
    on_topic = on_topic_score(by_name)
    if on_topic is not None and on_topic < th.OFF_TOPIC_LIMIT:
        total *= th.OFF_TOPIC_FLOOR + (1 - th.OFF_TOPIC_FLOOR) * on_topic / th.OFF_TOPIC_LIMIT
    if language.severe_red_flags(by_name.get("professionalism")):
        total = min(total, th.RED_FLAG_OVERALL_CAP)
    return round(max(0.0, min(100.0, total)), 1)


@dataclass(frozen=True)
class Measurement:
    """One answer measured: its metrics in report order, and the overall they give."""

    metrics: tuple[Metric, ...]
    overall: float


def measure(question: Question, transcript: Transcript, recording: Recording | None = None,
            turn: int | None = None) -> Measurement:
    """Measure one answer (or one role-play reply when `turn` is given). Never raises on odd input."""
    doc = Doc(transcript)
    names = metric_names(question, turn)
    roleplay = question.is_roleplay or turn is not None
    if roleplay:
        line, points, _, _ = _roleplay_context(question, turn)
        band = question.answer_seconds if not question.turns else None
        band = content.answer_band("roleplay", band)
    else:
        line, points = "", question.key_points
        band = content.answer_band(question.kind, question.answer_seconds)
    matches = content.match_points(doc, points)
    builders = {
        "key_points": lambda: content.key_points(doc, points, matches),
        "relevance": lambda: content.relevance(doc, question.text, points, question.category, extra=line,
                                               matches=matches),
        "specificity": lambda: content.specificity(doc, question.kind),
        "structure": lambda: content.structure(doc, question.kind),
        "length": lambda: content.length(doc, band, delivery.repeated_share(doc)),
        "greeting": lambda: language.greeting(doc),
        "verification": lambda: language.verification(doc),
        "next_steps": lambda: language.next_steps(doc),
        "closing": lambda: language.closing(doc),
        "empathy": lambda: language.empathy(doc),
        "ownership": lambda: language.ownership(doc),
        "positive_language": lambda: language.positive_language(doc),
        "professionalism": lambda: language.professionalism(doc),
        "pace": lambda: delivery.pace(doc),
        "fillers": lambda: delivery.fillers(doc),
        "hedging": lambda: delivery.hedging(doc),
        "repetition": lambda: delivery.repetition(doc),
        "pauses": lambda: delivery.pauses(doc),
        "time_to_start": lambda: delivery.time_to_start(doc, recording),
        "clarity": lambda: delivery.clarity(doc),
        "volume": lambda: delivery.volume(doc, recording) if doc.timed or recording is not None else None,
        "monotone": lambda: delivery.monotone(doc, recording) if doc.timed or recording is not None else None,
    }
    metrics: list[Metric] = []
    for name in names:
        metric = builders[name]()
        if metric is None and name in ("volume", "monotone"):
            metric = Metric(name, None, None, None, ())
        if metric is not None:
            metrics.append(metric)
    if not any(normalise_word(w.raw) for w in doc.words):
        # Nothing was said: every content and language score is 0 (nothing to praise either).
        metrics = [m if m.score is None or m.name in ("volume",) else
                   Metric(m.name, 0.0, m.value, m.unit, m.evidence) for m in metrics]
        metrics = [m for m in metrics if m.name not in ("fillers", "hedging", "repetition")]
    final = tuple(metrics)
    return Measurement(final, 0.0 if doc.n_words == 0 else overall_score(final))
