"""The scoring evaluation set: call-center questions, each with answers of several kinds.

Pairwise accuracy = how often the strong answer scores above an answer of another kind to
the same question. Used by tests/eval/test_eval.py and benchmarks/eval_scoring.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from simulator.assess import score_answer
from simulator.types import KeyPoint, Question, Transcript, Turn

HERE = Path(__file__).resolve().parent
KINDS = ("weak", "generic", "off_topic", "rambling", "negative", "hedging")
LENGTH_MATCH = 1.3  # a pair is length-matched when the longer answer has at most 30% more words


@dataclass(frozen=True)
class EvalQuestion:
    question: Question
    split: str  # "tune" (rules were adjusted looking at it) or "holdout"
    turn: int | None
    answers: dict[str, str]  # kind -> text, "strong" included


def _points(items) -> tuple[KeyPoint, ...]:
    return tuple(KeyPoint(tuple(i) if isinstance(i, list) else (i,)) for i in items or ())


def load() -> list[EvalQuestion]:
    raw: list[dict] = []
    for path in sorted(HERE.glob("*.yaml")):
        raw += yaml.safe_load(path.read_text())["questions"]
    strong = {q["id"]: q["answers"]["strong"] for q in raw}
    out = []
    for q in raw:
        question = Question(
            id=q["id"], text=q["text"], bank="eval", category=q.get("category", "general"),
            kind=q.get("kind", "general"), key_points=_points(q.get("key_points")),
            turns=tuple(Turn(t["line"], _points(t.get("key_points"))) for t in q.get("turns", ())),
        )
        answers = dict(q["answers"])
        answers["off_topic"] = strong[q["off_topic_from"]]
        out.append(EvalQuestion(question, q["split"], q.get("turn"), answers))
    return out


@dataclass(frozen=True)
class Pair:
    question: str
    split: str
    kind: str
    strong: float
    other: float
    length_matched: bool

    @property
    def correct(self) -> bool:
        return self.strong > self.other


def pairs(questions: list[EvalQuestion]) -> list[Pair]:
    out = []
    for eq in questions:
        scores = {k: score_answer(eq.question, Transcript.typed(t), turn=eq.turn).overall
                  for k, t in eq.answers.items()}
        n_strong = len(eq.answers["strong"].split())
        for kind in KINDS:
            n = len(eq.answers[kind].split())
            matched = max(n, n_strong) <= LENGTH_MATCH * min(n, n_strong)
            out.append(Pair(eq.question.id, eq.split, kind, scores["strong"], scores[kind], matched))
    return out


@dataclass(frozen=True)
class Relevance:
    """The relevance metric for a question's strong answer and for its off-topic answer."""

    question: str
    kind: str
    split: str
    strong: float
    off_topic: float


def relevance(questions: list[EvalQuestion]) -> list[Relevance]:
    out = []
    for eq in questions:
        got = {k: score_answer(eq.question, Transcript.typed(eq.answers[k]), turn=eq.turn).metric("relevance").score
               for k in ("strong", "off_topic")}
        out.append(Relevance(eq.question.id, eq.question.kind, eq.split, got["strong"], got["off_topic"]))
    return out


def relevance_report(rs: list[Relevance], tip_below: float, off_topic_limit: float) -> dict:
    """How often a strong answer is not told it drifted, and a fluent answer to another question
    is (role-play replies to another call are still call replies, so they are left out of the
    second figure)."""
    answers = [r for r in rs if r.kind != "roleplay"]
    return {
        "strong_not_tipped": sum(r.strong >= tip_below for r in rs) / len(rs) if rs else None,
        "off_topic_low": (sum(r.off_topic < off_topic_limit for r in answers) / len(answers)) if answers else None,
        "mean_strong": round(sum(r.strong for r in rs) / len(rs), 1) if rs else None,
        "mean_off_topic": round(sum(r.off_topic for r in answers) / len(answers), 1) if answers else None,
    }


def accuracy(ps: list[Pair]) -> float | None:
    return sum(p.correct for p in ps) / len(ps) if ps else None


def report(ps: list[Pair]) -> dict:
    """Accuracy overall, per kind, per split, and on length-matched pairs."""
    figures: dict = {"pairs": len(ps), "overall": accuracy(ps)}
    figures["per_kind"] = {k: accuracy([p for p in ps if p.kind == k]) for k in KINDS}
    for split in ("tune", "holdout"):
        sub = [p for p in ps if p.split == split]
        figures[split] = {"overall": accuracy(sub),
                          "per_kind": {k: accuracy([p for p in sub if p.kind == k]) for k in KINDS}}
    matched = [p for p in ps if p.length_matched]
    figures["length_matched"] = {"pairs": len(matched), "accuracy": accuracy(matched),
                                 "per_kind": {k: accuracy([p for p in matched if p.kind == k])
                                              for k in KINDS if any(p.kind == k for p in matched)}}
    return figures
