"""One answer measured: which areas apply (`areas.AREAS`), each area's measure, the overall."""

from __future__ import annotations

from dataclasses import dataclass

from ..areas import AREAS, Area, InAnswers, OnCall, WhenSilent, weight
from ..types import Metric, Question, Recording, Transcript
from . import content, delivery, language, relevance, sound  # noqa: F401  (each registers its measures)
from . import thresholds as th
from .inputs import MEASURES, Inputs
from .language import severe_red_flags
from .plan import is_call_reply, is_customer_facing, judged_on_call
from .words import normalise_word

__all__ = ["MEASURES", "Measurement", "measure", "metric_names", "overall_score"]


@dataclass(frozen=True)
class Measurement:
    """One answer measured: its metrics in report order, and the overall they give."""

    metrics: tuple[Metric, ...]
    overall: float


def _applies(area: Area, question: Question, call_reply: bool, judged: frozenset[str]) -> bool:
    if call_reply:
        return area.on_call is OnCall.EVERY_REPLY or area.name in judged
    if area.in_answers is InAnswers.SCENARIOS:
        return question.kind.is_scenario
    if area.in_answers is InAnswers.CUSTOMER_FACING:
        return is_customer_facing(question)
    return area.in_answers is InAnswers.ALL


def metric_names(question: Question, turn: int | None = None) -> tuple[str, ...]:
    """The metrics an answer to this question gets (a reply on a call: at this turn), in report order."""
    call_reply = is_call_reply(question, turn)
    judged = judged_on_call(question, turn) if call_reply else frozenset()
    return tuple(a.name for a in AREAS.values() if _applies(a, question, call_reply, judged))


def on_topic_score(by_name: dict[str, Metric]) -> float | None:
    """How clearly the answer is about the question: the relevance score, which already counts
    an answer in its own words (its fields) and key points covered in words about the subject.
    Key points covered only by generic parts ("a situation", "a result") do not make an answer
    to another question on topic."""
    m = by_name.get("relevance")
    return m.score if m is not None else None


def overall_score(metrics: tuple[Metric, ...]) -> float:
    """Weighted mean of the metrics present, scaled down for an off-topic answer, capped by red flags."""
    present = [(m.score, weight(m.name)) for m in metrics if m.score is not None]
    if not present:
        return 0.0
    total = sum(s * w for s, w in present) / sum(w for _, w in present)
    by_name = {m.name: m for m in metrics}
    on_topic = on_topic_score(by_name)
    if on_topic is not None and on_topic < th.OFF_TOPIC_LIMIT:
        total *= th.OFF_TOPIC_FLOOR + (1 - th.OFF_TOPIC_FLOOR) * on_topic / th.OFF_TOPIC_LIMIT
    if severe_red_flags(by_name.get("professionalism")):
        total = min(total, th.RED_FLAG_OVERALL_CAP)
    return round(max(0.0, min(100.0, total)), 1)


def _silent(metrics: list[Metric]) -> list[Metric]:
    """Nothing was said: every content and language score is 0 (nothing to praise either)."""
    out = []
    for m in metrics:
        rule = AREAS[m.name].when_silent
        if rule is WhenSilent.DROP:
            continue
        out.append(m if m.score is None or rule is WhenSilent.KEEP else Metric(m.name, 0.0, m.value, m.unit,
                                                                               m.evidence))
    return out


def measure(question: Question, transcript: Transcript, recording: Recording | None = None,
            turn: int | None = None) -> Measurement:
    """Measure one answer (or one role-play reply when `turn` is given). Never raises on odd input."""
    x = Inputs(question, transcript, recording, turn)
    metrics = [m for name in metric_names(question, turn) if (m := MEASURES[name](x)) is not None]
    if not any(normalise_word(w.raw) for w in x.doc.words):
        metrics = _silent(metrics)
    final = tuple(metrics)
    return Measurement(final, 0.0 if x.doc.n_words == 0 else overall_score(final))
