"""The JSON shapes of PRODUCT.md, to and from the typed records (for --json and the notebook)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .types import (
    Answer, Evidence, KeyPoint, Metric, Question, Score, Session, Tip, Transcript, Turn, Word,
)


def _num(x: float | None, digits: int = 3) -> float | None:
    return None if x is None else round(float(x), digits)


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    d = {
        "text": t.text,
        "words": [
            {"word": w.word, "start": _num(w.start), "end": _num(w.end),
             "probability": _num(w.probability, 4)}
            for w in t.words
        ],
        "duration": _num(t.duration),
        "engine": t.engine,
    }
    if t.breaks:
        d["breaks"] = [_num(b) for b in t.breaks]
    return d


def transcript_from_dict(d: dict[str, Any]) -> Transcript:
    return Transcript(
        text=d.get("text", ""),
        words=tuple(Word(w["word"], w["start"], w["end"], w.get("probability", 1.0))
                    for w in d.get("words", ())),
        duration=d.get("duration"),
        engine=d.get("engine", "typed"),
        breaks=tuple(d.get("breaks", ())),
    )


def tip_to_dict(t: Tip) -> dict[str, Any]:
    d: dict[str, Any] = {"area": t.area, "text": t.text}
    if t.value is not None:
        d["value"] = _num(t.value, 2)
    if t.target is not None:
        d["target"] = t.target
    return d


def tip_from_dict(d: dict[str, Any]) -> Tip:
    return Tip(area=d["area"], text=d["text"], value=d.get("value"), target=d.get("target"))


def metric_to_dict(m: Metric) -> dict[str, Any]:
    value = m.value if isinstance(m.value, str) or m.value is None else _num(m.value, 2)
    return {
        "score": None if m.score is None else round(float(m.score), 1),
        "value": value,
        "unit": m.unit,
        "evidence": [
            {"quote": e.quote, "start": _num(e.start, 2), "end": _num(e.end, 2), "note": e.note}
            for e in m.evidence
        ],
    }


def score_to_dict(s: Score) -> dict[str, Any]:
    return {
        "question_id": s.question_id,
        "overall": round(float(s.overall), 1),
        "metrics": {m.name: metric_to_dict(m) for m in s.metrics},
        "tips": [tip_to_dict(t) for t in s.tips],
        "transcript": transcript_to_dict(s.transcript),
    }


def score_from_dict(d: dict[str, Any]) -> Score:
    metrics = tuple(
        Metric(
            name=name, score=m.get("score"), value=m.get("value"), unit=m.get("unit"),
            evidence=tuple(Evidence(e.get("quote", ""), e.get("start"), e.get("end"),
                                    e.get("note", "")) for e in m.get("evidence", ())),
        )
        for name, m in d.get("metrics", {}).items()
    )
    return Score(
        question_id=d["question_id"], overall=d.get("overall", 0.0), metrics=metrics,
        tips=tuple(tip_from_dict(t) for t in d.get("tips", ())),
        transcript=transcript_from_dict(d.get("transcript", {})),
    )


def question_to_dict(q: Question) -> dict[str, Any]:
    return {
        "id": q.id, "text": q.text, "bank": q.bank, "category": q.category, "kind": q.kind,
        "key_points": [list(k.phrasings) for k in q.key_points],
        "follow_up": q.follow_up,
        "answer_seconds": list(q.answer_seconds) if q.answer_seconds else None,
        "turns": [{"line": t.line, "key_points": [list(k.phrasings) for k in t.key_points]}
                  for t in q.turns],
    }


def question_from_dict(d: dict[str, Any]) -> Question:
    return Question(
        id=d["id"], text=d["text"], bank=d.get("bank", ""), category=d.get("category", "general"),
        kind=d.get("kind", "general"),
        key_points=tuple(KeyPoint(tuple(k)) for k in d.get("key_points", ())),
        follow_up=d.get("follow_up"),
        answer_seconds=tuple(d["answer_seconds"]) if d.get("answer_seconds") else None,
        turns=tuple(Turn(t["line"], tuple(KeyPoint(tuple(k)) for k in t.get("key_points", ())))
                    for t in d.get("turns", ())),
    )


def answer_to_dict(a: Answer) -> dict[str, Any]:
    """Score JSON plus what a session needs: the question, the turn, the audio paths."""
    d = score_to_dict(a.score)
    d["question"] = a.question.text
    d["category"] = a.question.category
    d["kind"] = a.question.kind
    d["turn"] = a.turn
    d["customer_line"] = a.question.turns[a.turn - 1].line if a.turn else None
    d["follow_up"] = a.follow_up
    d["audio"] = str(a.audio) if a.audio else None
    d["prompt_audio"] = str(a.prompt_audio) if a.prompt_audio else None
    return d


def session_to_dict(s: Session) -> dict[str, Any]:
    return {
        "session_id": s.id,
        "started": s.started,
        "mode": s.mode,
        "finished": s.finished,
        "answers": [answer_to_dict(a) for a in s.answers],
        "verdict": s.verdict,
        "tips": [tip_to_dict(t) for t in s.tips],
        "focus_from_last_time": [tip_to_dict(t) for t in s.focus_from_last_time],
    }


def path_or_none(value: str | None) -> Path | None:
    return Path(value) if value else None
