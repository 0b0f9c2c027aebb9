"""The typed records that travel between stages. All frozen: a stage never edits another's output."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Iterable

import numpy as np

SAMPLE_RATE = 16_000  # everything after `audio.load` is 16 kHz mono float32


class Choice(str, Enum):
    """A closed set of words that prints, formats and compares as its value ("coach" == Mode.COACH),
    as `enum.StrEnum` does from Python 3.11 (3.10 is still supported)."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(str.__str__(self), spec)


class QuestionKind(Choice):
    GENERAL = "general"  # "Why do you want to work in a call center?"
    BEHAVIORAL = "behavioral"  # "Tell me about a time...": a story from the past
    SITUATIONAL = "situational"  # "What would you do if...": a plan
    ROLEPLAY = "roleplay"  # the interviewer plays a customer on a call

    @property
    def is_scenario(self) -> bool:
        """Answered with a scenario, lived or planned: a story has a shape, a plan has steps."""
        return self in (QuestionKind.BEHAVIORAL, QuestionKind.SITUATIONAL)


KINDS: tuple[str, ...] = tuple(k.value for k in QuestionKind)  # as a bank spells them


class Asks(Choice):
    """What a question asks for, when its bank says so (`asks_for:`): an answer that gives none of
    it, and sits nearer another question, answers that other question (`scoring/intent.py`)."""

    HOURS = "hours"  # when you can work, or whether you will: days, times, shifts, a yes or a no


ASKS: tuple[str, ...] = tuple(a.value for a in Asks)  # as a bank spells them


class EndReason(Choice):
    """How a recording ended."""

    SILENCE = "silence"
    ENTER = "enter"
    TIME_LIMIT = "time-limit"
    FILE = "file"
    INTERRUPTED = "interrupted"


class Mode(Choice):
    INTERVIEW = "interview"  # feedback at the end
    COACH = "coach"  # a short tip after each answer


class Medium(Choice):
    """How a session's answers were given. Progress compares like with like: a typed answer has
    no "um" to count and no pace, so typed sessions are compared with typed ones only."""

    TYPED = "typed"
    SPOKEN = "spoken"

    @staticmethod
    def of(answers: Iterable[Answer]) -> Medium | None:
        """Spoken when any answer was recorded (its transcript has times), typed otherwise;
        None for no answers."""
        media = {Medium.SPOKEN if a.score.transcript.timed else Medium.TYPED for a in answers}
        return (Medium.SPOKEN if Medium.SPOKEN in media else Medium.TYPED) if media else None

    @staticmethod
    def alike(a: Medium | None, b: Medium | None) -> bool:
        """Whether two sessions' figures compare (an unknown medium compares with any)."""
        return a is None or b is None or a == b


# --- question bank -------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyPoint:
    """Something a strong answer covers, with alternative phrasings (the first is its label), and
    example sentences as a candidate would say it: read by meaning only, never matched by
    spelling nor shown, so a paraphrase in everyday words is heard ("I pull up their account
    while we talk" for "use the computer")."""

    phrasings: tuple[str, ...]
    examples: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()  # other points' labels an all-inclusive yes answers too ("any shift": evenings)

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
    kind: QuestionKind = QuestionKind.GENERAL  # a bank's spelling ("roleplay") is accepted and converted
    key_points: tuple[KeyPoint, ...] = ()
    follow_up: str | None = None
    # The ideal answer length in seconds; None means "use the default band for the kind".
    answer_seconds: tuple[float, float] | None = None
    turns: tuple[Turn, ...] = ()
    asks_for: Asks | None = None  # what an answer must give to answer it at all; None: not said

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", QuestionKind(self.kind))
        if self.asks_for is not None:
            object.__setattr__(self, "asks_for", Asks(self.asks_for))

    @property
    def is_roleplay(self) -> bool:
        return self.kind is QuestionKind.ROLEPLAY


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
    ended_by: EndReason = EndReason.FILE  # its value ("silence") is accepted and converted

    def __post_init__(self) -> None:
        object.__setattr__(self, "ended_by", EndReason(self.ended_by))

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@dataclass(frozen=True)
class Word:
    word: str  # as the engine wrote it, punctuation kept, without the space Whisper writes before it
    start: float
    end: float
    probability: float = 1.0
    # Goes on from the word before with no space between: Whisper writes "fast-paced" as the
    # pieces "fast" and "-paced", and "3-5" as "3" and "-5".
    glued: bool = False


def words_text(words: Iterable[Word]) -> str:
    """Words as one line of text: a space before each, none before a glued piece."""
    out: list[str] = []
    for w in words:
        if w.word:
            out.append(w.word if w.glued and out else f" {w.word}")
    return "".join(out).strip()


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

    def glued(self) -> tuple[bool, ...]:
        """For each word, whether it goes on from the one before with no space ("fast" "-paced",
        "3" "-5")."""
        return tuple(k > 0 and w.glued and bool(w.word) for k, w in enumerate(self.words))

    def then(self, other: "Transcript", gap: float = 0.0) -> "Transcript":
        """This transcript followed by another (a follow-up answer), times shifted to fit."""
        if not self.timed or not other.timed:
            # Typed: no times to mark the break, so the answer ends with its own sentence and a
            # quote can never run from the answer into the follow-up.
            first = self.text.strip()
            if first and other.text.strip() and first[-1] not in ".?!":
                first += "."
            return Transcript.typed(f"{first} {other.text}".strip())
        offset = (self.duration or 0.0) + gap
        shifted = tuple(replace(w, start=w.start + offset, end=w.end + offset) for w in other.words)
        return Transcript(
            text=f"{self.text} {other.text}".strip(),
            words=self.words + shifted,
            duration=offset + (other.duration or 0.0),
            engine=self.engine,
            breaks=self.breaks + (offset,) + tuple(b + offset for b in other.breaks),
            unclear=self.unclear + tuple((a + offset, b + offset) for a, b in other.unclear),
        )


# --- scores and feedback -------------------------------------------------------------------


class EvidenceKind(Choice):
    """What an evidence item shows, and which of its typed fields it fills (see `Evidence`)."""

    # content
    KEY_POINT = "key_point"  # label: the key point; index: its place among the question's (or the
    #                          customer line's) key points; coverage; value: share of its words heard
    TOPIC_FIELD = "topic_field"  # on topic in the answer's own words; label: those words, comma-separated
    TOPIC_POINT = "topic_point"  # on topic by a key point said in words about the subject; label, index
    TOPIC_WORDS = "topic_words"  # the question's own words came up; label: those words, comma-separated
    TOPIC_MEANING = "topic_meaning"  # on topic by meaning; quote: the sentence nearest the question;
    #                                  value: how much nearer the question than any other (cosine)
    NO_TOPIC = "no_topic"  # nearer another question than this one; quote: the first sentence;
    #                        label: that other question; value: the margin (negative)
    NOT_ASKED = "not_asked"  # an answer off topic gives none of what its question asks for; no quote;
    #                          label: the `Asks` value; value: the relevance it was held to when that made
    #                          it an answer to another question (`scoring.relevance.answers_another`), else None
    PART = "part"  # a part of a concrete answer, a story, a plan or a greeting; label: which
    #                (situation, actions, numbers, result, task, steps, greeting, name...); coverage
    TOO_LONG = "too_long"  # where the answer ran past its band; value: the band's upper end (s)
    TOO_SHORT = "too_short"  # the whole of a short answer; value: the band's lower end (s)
    CLICHE = "cliche"  # a canned sentence every interviewer hears ("I'm a people person"), in an answer
    #                    made mostly of them
    NO_RESULT = "no_result"  # a story that never says how it turned out; quote: how it ended
    WORD_LIST = "word_list"  # key words without sentences; quote: how the list began
    SAID_BACK = "said_back"  # in a padded answer (`th.PADDED_SHARE`), a run of words that only says the
    #                          question, the setting or the caller back, or fills time; value: the answer's
    #                          share of such words
    NOT_ENGLISH = "not_english"  # the answer is not in English; label: the language it seems to be
    # call-center language
    PHRASE = "phrase"  # a phrase the area listens for ("I'm sorry", "let me"); label: the words said;
    #                    coverage: covered, or missing (quote: how the answer opened)
    POSITIVE = "positive"  # "what I can do is"; label: the words said
    NEGATIVE = "negative"  # "I can't", "there's nothing I can do"; label: the words said
    RED_FLAG = "red_flag"  # label: its family (a RedFlag value); severity; quote: the clause it was said in;
    #                        value: how near its nearest exemplar sentence (found by meaning), else None
    # delivery
    PACE = "pace"  # the fastest (or slowest) sentence; value: its words a minute
    FILLER = "filler"  # label: the filler ("um", "you know"); count: fillers in the whole answer
    FILLER_TOTAL = "filler_total"  # no quote; count: fillers in the answer; value: per 100 words
    HEDGE = "hedge"  # label: the hedge said ("I guess")
    REPEAT = "repeat"  # label: stutter, restart or said again
    PAUSE = "pause"  # the words either side of a long silence; value: its length (s)
    FIRST_WORDS = "first_words"  # value: seconds from the question to them
    UNCLEAR = "unclear"  # label: the word; value: how sure the recogniser was (0-1)
    LEVEL = "level"  # no quote; value: the speech level of the answer (dBFS)
    QUIET = "quiet"  # the quietest sentence; value: its level (dBFS)
    CLIPPED = "clipped"  # the most distorted sentence; value: its share of clipped samples (0-1)
    PITCH = "pitch"  # no quote; value: the pitch variation of the answer (semitones)
    FLAT = "flat"  # the flattest sentence; value: its pitch variation (semitones)
    UNMEASURED = "unmeasured"  # no quote; label: why (typed, too little speech, no recording...)


class Coverage(Choice):
    COVERED = "covered"
    PARTIAL = "partial"  # some of its words were heard, not enough to count
    MISSING = "missing"
    DENIED = "denied"  # said the other way round: "I don't enjoy helping people"


class RedFlag(Choice):
    """The families of red flags, as `Evidence.label` of a RED_FLAG."""

    BLAME = "blame"  # insulting or blaming past employers, managers or colleagues
    DISMISSIVE = "dismissive"  # dismissing the caller: "calm down", "not my problem", hanging up
    PROFANITY = "profanity"
    NEGATIVITY = "negativity"  # "I hated it", "boring"
    CONTEMPT = "contempt"  # contempt for customers: "customers are idiots", "lazy callers"
    REFUSAL = "refusal"  # refusing the job's basic conditions: "I won't work weekends"
    MONEY = "money"  # money-only or "easy job" motivation: "it's just a paycheck"
    DISHONESTY = "dishonesty"  # "I'd call in sick", "nobody checks"


class Severity(Choice):
    SEVERE = "severe"  # caps the overall and is always raised
    MILD = "mild"


@dataclass(frozen=True)
class Evidence:
    """What a metric points at: a quote with its times, a note for people, and typed fields for code.

    Code reads `kind` and the typed fields, never the note: notes are stored in the notebook and
    may be reworded. Which fields a kind fills is listed with `EvidenceKind`.
    """

    quote: str
    start: float | None = None
    end: float | None = None
    note: str = ""  # for people, never parsed
    kind: EvidenceKind | None = None  # None only for an old saved note that could not be read
    label: str = ""  # what it names: a key point, a filler, a part, a red flag's family
    count: int | None = None  # how many in the whole answer (fillers)
    value: float | None = None  # the number it measures (words a minute, seconds, dBFS...)
    index: int | None = None  # which key point, 0-based
    coverage: Coverage | None = None  # for key points, parts and phrases
    severity: Severity | None = None  # for red flags


@dataclass(frozen=True)
class Metric:
    name: str
    score: float | None  # 0-100, or None when the input cannot measure it (pace from text)
    value: float | str | None = None
    unit: str | None = None
    evidence: tuple[Evidence, ...] = ()
    # How much of the unit an answer this long was expected to reach, when less than all of it: a
    # short answer is judged on 1 of 5 key points, not on all 5 ("1 of 5 key points" scores 100).
    expected: float | None = None


@dataclass(frozen=True)
class Tip:
    area: str  # the metric (or family) the tip is about, e.g. "pace", "fillers"
    text: str  # what the interviewer says, first person, kind and specific
    value: float | None = None  # the metric's value when the tip was given, for progress
    target: str | None = None  # the range that counts as met, in words ("120-160 words a minute")
    medium: Medium | None = None  # the answers it was given on, as the notebook reads it back


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
    mode: Mode = Mode.INTERVIEW  # its value ("coach") is accepted and converted
    finished: bool = False
    strength: str = ""  # what was strong, as the interviewer said it at the end
    progress: tuple[str, ...] = ()  # how last time's tips went ("Since last time"), as said at the end

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", Mode(self.mode))
