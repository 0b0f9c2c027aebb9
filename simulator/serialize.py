"""The JSON shapes of PRODUCT.md, to and from the typed records (for --json and the notebook)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from .coach.retry import Retry, comparison_to_dict
from .types import (
    ASKS, Answer, Coverage, Evidence, EvidenceKind, KeyPoint, Metric, Question, RedFlag, Score, Session, Severity,
    Tip, Transcript, Turn, Word,
)

E = TypeVar("E", bound=Enum)


def _rounded(x: float | None, digits: int = 3) -> float | None:
    """A number as saved: rounded, so the JSON stays short (None stays None)."""
    return None if x is None else round(float(x), digits)


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    d = {
        "text": t.text,
        "words": [
            {"word": w.word, "start": _rounded(w.start), "end": _rounded(w.end),
             "probability": _rounded(w.probability, 4)}
            for w in t.words
        ],
        "duration": _rounded(t.duration),
        "engine": t.engine,
    }
    if t.breaks:
        d["breaks"] = [_rounded(b) for b in t.breaks]
    if t.unclear:  # stretches the engine could not transcribe: not scored
        d["unclear"] = [[_rounded(a), _rounded(b)] for a, b in t.unclear]
    return d


def transcript_from_dict(d: dict[str, Any]) -> Transcript:
    text = d.get("text", "")
    saved = list(d.get("words", ()))
    glued = _glued_in(text, [w["word"].strip() for w in saved])
    return Transcript(
        text=text,
        words=tuple(Word(w["word"].strip(), w["start"], w["end"], w.get("probability", 1.0), glued=g)
                    for w, g in zip(saved, glued)),
        duration=d.get("duration"),
        engine=d.get("engine", "typed"),
        breaks=tuple(d.get("breaks", ())),
        unclear=tuple((a, b) for a, b in d.get("unclear", ())),
    )


def _glued_in(text: str, words: Sequence[str]) -> list[bool]:
    """Which saved words go on from the one before with no space, read from the text they were
    written into (the JSON has no field for it). Rows saved before words lost Whisper's leading
    space (" I", " fast", "-paced") read the same way."""
    out: list[bool] = []
    at, found_last = 0, False
    for word in words:
        found = text.find(word, at) if word else -1
        out.append(found_last and found == at)
        if found >= 0:
            at = found + len(word)
        found_last = found >= 0
    return out


def tip_to_dict(t: Tip) -> dict[str, Any]:
    d: dict[str, Any] = {"area": t.area, "text": t.text}
    if t.value is not None:
        d["value"] = _rounded(t.value, 2)
    if t.target is not None:
        d["target"] = t.target
    return d


def tip_from_dict(d: dict[str, Any]) -> Tip:
    return Tip(area=d["area"], text=d["text"], value=d.get("value"), target=d.get("target"))


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    """The four fields of the first Score JSON, then the typed ones that are set."""
    d: dict[str, Any] = {"quote": e.quote, "start": _rounded(e.start, 2), "end": _rounded(e.end, 2), "note": e.note}
    if e.kind is not None:
        d["kind"] = e.kind.value
    if e.label:
        d["label"] = e.label
    if e.count is not None:
        d["count"] = int(e.count)
    if e.value is not None:
        d["value"] = _rounded(e.value, 4)
    if e.index is not None:
        d["index"] = int(e.index)
    if e.coverage is not None:
        d["coverage"] = e.coverage.value
    if e.severity is not None:
        d["severity"] = e.severity.value
    return d


def _choice(enum: type[E], value: Any) -> E | None:
    """An enum member from its saved value; None when absent or unknown."""
    try:
        return enum(value) if value is not None else None
    except ValueError:
        return None


def evidence_from_dict(metric: str, d: dict[str, Any]) -> Evidence:
    quote, start, end, note = d.get("quote", ""), d.get("start"), d.get("end"), d.get("note", "")
    if "kind" not in d:  # saved before evidence was typed: read the note, once, here
        return legacy_evidence(metric, quote, start, end, note)
    return Evidence(quote, start, end, note, kind=_choice(EvidenceKind, d["kind"]), label=d.get("label", ""),
                    count=d.get("count"), value=d.get("value"), index=d.get("index"),
                    coverage=_choice(Coverage, d.get("coverage")), severity=_choice(Severity, d.get("severity")))


def metric_to_dict(m: Metric) -> dict[str, Any]:
    value = m.value if isinstance(m.value, str) or m.value is None else _rounded(m.value, 2)
    d = {
        "score": None if m.score is None else round(float(m.score), 1),
        "value": value,
        "unit": m.unit,
        "evidence": [evidence_to_dict(e) for e in m.evidence],
    }
    if m.expected is not None:  # an extension of PRODUCT.md's score JSON
        d["expected"] = _rounded(m.expected, 2)
    return d


# Until `expected` had its own field, a short answer's key points said it in their unit.
_LEGACY_EXPECTED = re.compile(r"(of \d+ key points) \((\d+) points? expected in an answer this long\)")


def metric_from_dict(name: str, d: dict[str, Any]) -> Metric:
    evidence = tuple(evidence_from_dict(name, e) for e in d.get("evidence", ()))
    unit, expected = d.get("unit"), d.get("expected")
    if unit and (old := _LEGACY_EXPECTED.fullmatch(unit)):
        unit, expected = old[1], float(old[2])
    return Metric(name=name, score=d.get("score"), value=d.get("value"), unit=unit,
                  evidence=_legacy_filler_counts(evidence), expected=expected)


def score_to_dict(s: Score) -> dict[str, Any]:
    return {
        "question_id": s.question_id,
        "overall": round(float(s.overall), 1),
        "metrics": {m.name: metric_to_dict(m) for m in s.metrics},
        "tips": [tip_to_dict(t) for t in s.tips],
        "transcript": transcript_to_dict(s.transcript),
    }


def score_from_dict(d: dict[str, Any]) -> Score:
    metrics = tuple(metric_from_dict(name, m) for name, m in d.get("metrics", {}).items())
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
        **({"asks_for": q.asks_for} if q.asks_for is not None else {}),
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
        asks_for=d.get("asks_for") if d.get("asks_for") in ASKS else None,  # a later version's word: not read
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
        "strength": s.strength,  # what went well, in the interviewer's words (an extension)
        "tips": [tip_to_dict(t) for t in s.tips],
        "focus_from_last_time": [tip_to_dict(t) for t in s.focus_from_last_time],
        "since_last_time": list(s.progress),  # how those tips went, as said at the end (an extension)
    }


def session_json(s: Session, retries: Sequence[tuple[int, Retry]] = ()) -> dict[str, Any]:
    """The session JSON of `practice --json` and `review --json`: the session, its second tries,
    and no session id when nothing was answered (such a session is not kept, so no id finds it)."""
    out = {**session_to_dict(s), "retries": [retry_to_dict(*r) for r in retries]}
    if not s.answers:
        out["session_id"] = None
    return out


def retry_to_dict(position: int, again: Retry) -> dict[str, Any]:
    """A second try (coach mode) for `review --json`: which answer it retried (1-based), its
    score JSON and what changed (an extension of PRODUCT.md's session JSON)."""
    return {"answer": position, **score_to_dict(again.score),
            "audio": str(again.audio) if again.audio else None,
            "compared": comparison_to_dict(again.comparison)}


def path_or_none(value: str | None) -> Path | None:
    return Path(value) if value else None


# --- evidence saved before it was typed ------------------------------------------------------
#
# Until evidence carried `kind` and its typed fields, the notebook saved only quote, times and a
# note, and the coach read meaning back out of the note. These are the notes scoring wrote then,
# frozen here: rewording a note today must not change how an old session is read.

_COVERED = {"coverage": Coverage.COVERED}
_MISSING = {"coverage": Coverage.MISSING}
_SPECIFICITY_PARTS = {"a real situation": "situation", "an example": "example", "an action you took": "actions",
                      "a number": "numbers", "a result": "result", "the steps in order": "steps",
                      "a concrete detail": "detail"}
_STRUCTURE_PARTS = ("situation", "task", "action", "result", "listen first", "steps", "follow-up")
_PHRASES_FOUND = ("acknowledges the customer", "takes ownership", "verifies the caller",
                  "tells the customer what happens next", "closes the call")
_PHRASES_MISSING = ("no acknowledgement of how the customer feels", "no 'I will' or 'let me': who owns the problem?",
                    "no check of who is calling (account, name, date of birth)",
                    "no next step or time frame for the customer",
                    "no 'anything else I can help with?' or thanks at the end", "no greeting, name or company",
                    # written from the tenth pass on, for a story (read here for rows saved without kinds)
                    "no 'I did...': what did you do yourself?")
_RED_FLAGS = {"blames someone": (RedFlag.BLAME, Severity.SEVERE), "dismissive": (RedFlag.DISMISSIVE, Severity.SEVERE),
              "profanity": (RedFlag.PROFANITY, Severity.SEVERE), "negative": (RedFlag.NEGATIVITY, Severity.MILD),
              # written from issue 10 on, beside the typed fields (read here for rows saved without them)
              "contempt for customers": (RedFlag.CONTEMPT, Severity.SEVERE),
              "turns down the job's conditions": (RedFlag.REFUSAL, Severity.SEVERE),
              "refuses a basic part of the job": (RedFlag.REFUSAL, Severity.SEVERE),
              "only in it for the money": (RedFlag.MONEY, Severity.SEVERE),
              "dishonest": (RedFlag.DISHONESTY, Severity.SEVERE)}
_UNMEASURED = {"typed answer: no pace": "typed", "typed answer: no pauses": "typed",
               "typed answer: no start time": "typed", "typed answer: no clarity": "typed",
               "too little speech to judge the pace": "too little speech", "no speech": "no speech",
               "too little speech to judge clarity": "too little speech",
               "no recording": "no recording",
               "pitch needs praat-parselmouth (pip install praat-parselmouth)": "no pitch tracker",
               "too little voiced speech to judge the pitch": "too little speech"}
_NO_RESULT = ("how it turned out for the customer", "what you would do for the customer")
# (pattern, kind, how the groups fill the typed fields), tried in order.
_NOTE_PATTERNS: tuple[tuple[re.Pattern[str], EvidenceKind, Any], ...] = tuple(
    (re.compile(pattern), kind, fill) for pattern, kind, fill in (
        (r"covers: (.+)", EvidenceKind.KEY_POINT, lambda g: {"label": g[0], **_COVERED}),
        (r"partly covers: (.+)", EvidenceKind.KEY_POINT, lambda g: {"label": g[0], "coverage": Coverage.PARTIAL}),
        (r"denies: (.+)", EvidenceKind.KEY_POINT, lambda g: {"label": g[0], "coverage": Coverage.DENIED}),
        (r"on topic by meaning", EvidenceKind.TOPIC_MEANING, lambda g: {}),
        (r"nearer another question: (.+)", EvidenceKind.NO_TOPIC, lambda g: {"label": g[0]}),
        (r"not about what was asked", EvidenceKind.NO_TOPIC, lambda g: {}),
        (r"not English \((.+)\)", EvidenceKind.NOT_ENGLISH, lambda g: {"label": g[0]}),
        (r"key words without sentences", EvidenceKind.WORD_LIST, lambda g: {}),
        (r"what every candidate says(?:, backed by your own example)?", EvidenceKind.CLICHE, lambda g: {}),
        (r"too little said to judge \(\d+ words?\)", EvidenceKind.UNMEASURED, lambda g: {"label": "too few words"}),
        (r"the answer is not in English \(.+\)", EvidenceKind.UNMEASURED, lambda g: {"label": "not English"}),
        (r"negative: (.+)", EvidenceKind.NEGATIVE,
         lambda g: {"label": _RED_FLAGS[g[0]][0].value} if g[0] in _RED_FLAGS else {}),
        (r"on topic, in your own words: (.*)", EvidenceKind.TOPIC_FIELD, lambda g: {"label": g[0]}),
        (r"on topic: covers (.+)", EvidenceKind.TOPIC_POINT, lambda g: {"label": g[0]}),
        (r"on topic: (.*)", EvidenceKind.TOPIC_WORDS, lambda g: {"label": g[0]}),
        (r"none of the question's own words came up", EvidenceKind.NO_TOPIC, lambda g: {}),
        (r"the answer was past (\d+) seconds here", EvidenceKind.TOO_LONG, lambda g: {"value": float(g[0])}),
        (r"the whole answer was under (\d+) seconds; it starts here", EvidenceKind.TOO_SHORT, lambda g: {"value": float(g[0])}),
        (r"the whole answer, shorter than the (\d+) seconds I'd like", EvidenceKind.TOO_SHORT, lambda g: {"value": float(g[0])}),
        (r"the whole answer", EvidenceKind.TOO_SHORT, lambda g: {}),  # rows saved before the seventh pass
        (r"negative phrasing: say what you can do", EvidenceKind.NEGATIVE, lambda g: {}),
        (r"positive phrasing", EvidenceKind.POSITIVE, lambda g: {}),
        (r"about (\d+) words a minute here", EvidenceKind.PACE, lambda g: {"value": float(g[0])}),
        (r"filler '(.+)'", EvidenceKind.FILLER, lambda g: {"label": g[0]}),
        (r"(\d+) fillers \(([\d.]+) per 100 words\).*", EvidenceKind.FILLER_TOTAL,
         lambda g: {"count": int(g[0]), "value": float(g[1])}),
        (r"hedge", EvidenceKind.HEDGE, lambda g: {}),
        (r"(stutter|restart|said again)", EvidenceKind.REPEAT, lambda g: {"label": g[0]}),
        (r"([\d.]+) s pause", EvidenceKind.PAUSE, lambda g: {"value": float(g[0])}),
        (r"first words after ([\d.]+) s", EvidenceKind.FIRST_WORDS, lambda g: {"value": float(g[0])}),
        (r"'(.*)' was unclear \((\d+)% sure\)", EvidenceKind.UNCLEAR,
         lambda g: {"label": g[0], "value": int(g[1]) / 100}),
        (r"speech level (-?[\d.]+) dBFS, .*", EvidenceKind.LEVEL, lambda g: {"value": float(g[0])}),
        (r"quiet: (-?[\d.]+) dBFS", EvidenceKind.QUIET, lambda g: {"value": float(g[0])}),
        (r"distorted: ([\d.]+)% of samples clipped", EvidenceKind.CLIPPED, lambda g: {"value": float(g[0]) / 100}),
        (r"pitch varied by ([\d.]+) semitones", EvidenceKind.PITCH, lambda g: {"value": float(g[0])}),
        (r"flattest sentence: ([\d.]+) semitones", EvidenceKind.FLAT, lambda g: {"value": float(g[0])}),
    ))


def legacy_evidence(metric: str, quote: str, start: float | None, end: float | None, note: str) -> Evidence:
    """Evidence saved with only a note, typed as scoring types it now (kind None if unknown)."""
    typed: dict[str, Any] = {}
    missing = note.removeprefix("missing: ") if note.startswith("missing: ") else None
    if metric == "key_points" and missing is not None:
        typed = {"kind": EvidenceKind.KEY_POINT, "label": missing, **_MISSING}
    elif metric == "specificity" and (missing or note) in _SPECIFICITY_PARTS:
        typed = {"kind": EvidenceKind.PART, "label": _SPECIFICITY_PARTS[missing or note],
                 **(_MISSING if missing else _COVERED)}
    elif metric == "structure" and note in _NO_RESULT:
        typed = {"kind": EvidenceKind.NO_RESULT, "label": note}
    elif metric == "structure" and (missing or note) in _STRUCTURE_PARTS:
        typed = {"kind": EvidenceKind.PART, "label": missing or note, **(_MISSING if missing else _COVERED)}
    elif metric == "greeting" and note in ("greeting", "name", "company"):
        typed = {"kind": EvidenceKind.PART, "label": note, **_COVERED}
    elif note in _PHRASES_FOUND or note in _PHRASES_MISSING:
        typed = {"kind": EvidenceKind.PHRASE, **(_COVERED if note in _PHRASES_FOUND else _MISSING)}
    elif metric == "professionalism" and note in _RED_FLAGS:
        family, severity = _RED_FLAGS[note]
        typed = {"kind": EvidenceKind.RED_FLAG, "label": family.value, "severity": severity}
    elif note in _UNMEASURED:
        typed = {"kind": EvidenceKind.UNMEASURED, "label": _UNMEASURED[note]}
    else:
        for pattern, kind, fill in _NOTE_PATTERNS:
            found = pattern.fullmatch(note)
            if found:
                typed = {"kind": kind, **fill(found.groups())}
                break
    return Evidence(quote, start, end, note, **typed)


def _legacy_filler_counts(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Old filler evidence gets the answer's filler count from the old summary note, as new evidence has it."""
    total = next((e.count for e in evidence if e.kind is EvidenceKind.FILLER_TOTAL), None)
    if total is None:
        return evidence
    return tuple(replace(e, count=total) if e.kind is EvidenceKind.FILLER and e.count is None else e
                 for e in evidence)
