"""One answer measured: which areas apply (`areas.AREAS`), each area's measure, the overall."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..areas import AREAS, Area, InAnswers, OnCall, WhenSilent
from ..types import EvidenceKind, Metric, Question, Recording, Transcript
from . import content, delivery, language, relevance, semantic, sound  # noqa: F401  (each registers its measures)
from . import thresholds as th
from .delivery import unmeasured
from .english import guess_language, is_word_list
from .inputs import MEASURES, Inputs
from .overall import KnockOut, is_personal, knockouts, overall_score
from .plan import is_call_reply, is_customer_facing, judged_on_call
from ..wording import plural
from .words import normalise_word

__all__ = ["MEASURES", "KnockOut", "Measurement", "knockouts", "measure", "metric_names", "overall_score"]

NOT_ENGLISH = "not English"  # why a metric was not measured (the label of its UNMEASURED evidence)
TOO_FEW_WORDS = "too few words"


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


def _silent(metrics: list[Metric]) -> list[Metric]:
    """Nothing was said: every content and language score is 0 (nothing to praise either)."""
    out = []
    for m in metrics:
        rule = AREAS[m.name].when_silent
        if rule is WhenSilent.DROP:
            continue
        out.append(m if m.score is None or rule is WhenSilent.KEEP else replace(m, score=0.0))
    return out


def _too_short_to_judge(metrics: list[Metric], words: int) -> list[Metric]:
    """A short answer is not carried by metrics that had nothing to measure: those that score
    the absence of something, and found nothing, are left out (null)."""
    out = []
    for m in metrics:
        nothing_found = not any(e.kind in (EvidenceKind.RED_FLAG, EvidenceKind.NEGATIVE, EvidenceKind.POSITIVE, EvidenceKind.FILLER,
                                           EvidenceKind.HEDGE, EvidenceKind.REPEAT) for e in m.evidence)
        if AREAS[m.name].absence and m.score is not None and nothing_found:
            out.append(unmeasured(m.name, m.unit, f"too little said to judge ({plural(words, 'word')})", TOO_FEW_WORDS))
        else:
            out.append(m)
    return out


def _not_english(x: Inputs, names: tuple[str, ...], language: str) -> list[Metric]:
    """An answer in another language: not scored as English. Relevance says so; the rest is null."""
    said = x.doc.opening(note=f"not English ({language})", kind=EvidenceKind.NOT_ENGLISH, label=language)
    out = []
    for name in names:
        if name == "relevance":
            out.append(Metric("relevance", 0.0, 0.0, th.RELEVANCE.unit, (said,) if said else ()))
        else:
            out.append(unmeasured(name, None, f"the answer is not in English ({language})", NOT_ENGLISH))
    return out


def _word_list(metrics: list[Metric], x: Inputs) -> list[Metric]:
    """Key words without sentences earn nothing for the points they name."""
    said = x.doc.opening(note="key words without sentences", kind=EvidenceKind.WORD_LIST)
    return [replace(m, score=0.0, value=0, evidence=(said,) if said else ()) if m.name == "key_points" else m
            for m in metrics]


def _relevance_kept(metrics: list[Metric], first: Inputs) -> list[Metric]:
    """A follow-up adds to an answer's relevance, never takes it away: the bank's own follow-ups
    ask something else ("What will be the hardest part of this job?"), and an angry-customer story
    told in reply made a fair answer to "Why a call center?" a knock-out (70 to 9). A question
    re-asked after an answer that drifted is credited when the follow-up answers it."""
    before = MEASURES["relevance"](first)
    return [before if m.name == "relevance" and before is not None and m.score is not None
            and before.score is not None and before.score > m.score else m for m in metrics]


def measure(question: Question, transcript: Transcript, recording: Recording | None = None,
            turn: int | None = None, home: Path | None = None, before_follow_up: Transcript | None = None) -> Measurement:
    """Measure one answer (or one role-play reply when `turn` is given). Never raises on odd input.
    `home` is where the meaning model is converted if this process has not loaded it yet.
    `before_follow_up`: for an answer joined with its follow-up, the answer as it was first given."""
    semantic.use_home(home)
    x = Inputs(question, transcript, recording, turn)
    names = metric_names(question, turn)
    words = x.doc.n_words
    guess = guess_language(transcript.text)
    if not guess.english:
        final = tuple(_not_english(x, names, guess.language))
        return Measurement(final, overall_score(final))
    metrics = [m for name in names if (m := MEASURES[name](x)) is not None]
    if before_follow_up is not None:
        metrics = _relevance_kept(metrics, Inputs(question, before_follow_up, None, turn))
    if not any(normalise_word(w.raw) for w in x.doc.words):
        metrics = _silent(metrics)
    elif words < th.MIN_WORDS_TO_JUDGE_ABSENCE:
        metrics = _too_short_to_judge(metrics, words)
    if is_word_list(transcript.text):
        metrics = _word_list(metrics, x)
    final = tuple(metrics)
    return Measurement(final, 0.0 if words == 0 else overall_score(final, words, is_personal(question),
                                                                   is_call_reply(question, turn)))
