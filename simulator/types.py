"""The typed records that travel between stages. All frozen: a stage never edits another's output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

SAMPLE_RATE = 16_000  # everything after `audio.load` is 16 kHz mono float32

Kind = Literal["general", "behavioral", "situational", "roleplay"]
KINDS: tuple[str, ...] = ("general", "behavioral", "situational", "roleplay")


# --- question bank -------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyPoint:
    """Something a strong answer covers, with alternative phrasings (the first is its label)."""

    phrasings: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.phrasings[0]


@dataclass(frozen=True)
class Turn:
    """One customer line in a role-play call, and what a good reply to it covers."""

    line: str
    key_points: tuple[KeyPoint, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    bank: str = ""
    category: str = "general"
    kind: str = "general"
    key_points: tuple[KeyPoint, ...] = ()
    follow_up: str | None = None
    # The ideal answer length in seconds; None means "use the default band for the kind".
    answer_seconds: tuple[float, float] | None = None
    turns: tuple[Turn, ...] = ()

    @property
    def is_roleplay(self) -> bool:
        return self.kind == "roleplay"


@dataclass(frozen=True)
class Bank:
    name: str
    title: str
    path: Path | None
    questions: tuple[Question, ...]
    bundled: bool = False  # shipped with the product (question_banks/), not a user's file

    def get(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


# --- audio and transcripts -----------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Recording:
    """One spoken answer: 16 kHz mono float32 samples, and how the recording ended."""

    samples: np.ndarray
    sample_rate: int = SAMPLE_RATE
    path: Path | None = None  # where the audio was saved (or read from)
    # Seconds from the end of the prompt to the first speech; None when unknown (files).
    time_to_start: float | None = None
    ended_by: str = "file"  # silence | enter | time-limit | file | interrupted

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class Word:
    word: str  # as the engine wrote it, with its leading space and punctuation
    start: float
    end: float
    probability: float = 1.0


@dataclass(frozen=True)
class Transcript:
    text: str
    words: tuple[Word, ...] = ()
    # Length of the audio in seconds; None for typed answers (no pace, no pauses).
    duration: float | None = None
    engine: str = "typed"
    # Times where a follow-up answer begins: the silence before one is not a pause mid-answer.
    breaks: tuple[float, ...] = ()
    # (start, end) times where the engine could not give trustworthy words (a decoding loop,
    # cut to its first occurrence): what was said there is unknown, so nothing in them is
    # scored or coached.
    unclear: tuple[tuple[float, float], ...] = ()

    @property
    def timed(self) -> bool:
        """True when the words carry real times from audio."""
        return self.duration is not None

    @staticmethod
    def typed(text: str) -> "Transcript":
        return Transcript(text=text.strip(), words=(), duration=None, engine="typed")

    def then(self, other: "Transcript", gap: float = 0.0) -> "Transcript":
        """This transcript followed by another (a follow-up answer), times shifted to fit."""
        if not self.timed or not other.timed:
            return Transcript.typed(f"{self.text} {other.text}".strip())
        offset = (self.duration or 0.0) + gap
        shifted = tuple(
            Word(w.word, w.start + offset, w.end + offset, w.probability) for w in other.words
        )
        return Transcript(
            text=f"{self.text} {other.text}".strip(),
            words=self.words + shifted,
            duration=offset + (other.duration or 0.0),
            engine=self.engine,
            breaks=self.breaks + (offset,) + tuple(b + offset for b in other.breaks),
            unclear=self.unclear + tuple((a + offset, b + offset) for a, b in other.unclear),
        )


# --- scores and feedback -------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: float | None = None
    end: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Metric:
    name: str
    score: float | None  # 0-100, or None when the input cannot measure it (pace from text)
    value: float | str | None = None
    unit: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Tip:
    area: str  # the metric (or family) the tip is about, e.g. "pace", "fillers"
    text: str  # what the interviewer says, first person, kind and specific
    value: float | None = None  # the metric's value when the tip was given, for progress
    target: str | None = None  # the range that counts as met, in words ("120-160 words a minute")


@dataclass(frozen=True)
class Score:
    question_id: str
    overall: float  # 0-100 from the metrics that could be measured
    metrics: tuple[Metric, ...]
    tips: tuple[Tip, ...]
    transcript: Transcript

    def metric(self, name: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name), None)


@dataclass(frozen=True)
class Answer:
    """A scored answer as it is saved in the notebook."""

    question: Question
    score: Score
    turn: int | None = None  # 1-based customer line for role-play replies, else None
    follow_up: str | None = None  # the follow-up that was asked, scored with the answer
    audio: Path | None = None  # the candidate's audio in the data folder
    prompt_audio: Path | None = None  # the interviewer's prompt, for replay in review


@dataclass(frozen=True)
class Session:
    id: str
    started: str  # ISO 8601, local time with offset
    answers: tuple[Answer, ...] = ()
    verdict: str = ""
    tips: tuple[Tip, ...] = ()
    focus_from_last_time: tuple[Tip, ...] = ()
    mode: str = "interview"
    finished: bool = False
