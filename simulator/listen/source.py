"""The one interface every answer source meets: microphone, recorded files, keyboard (and the
demo's synthetic candidate, and the tests' scripted answers)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..transcribe import Transcriber
from ..types import SAMPLE_RATE, Question, Recording, Transcript

FOLLOW_UP_GAP = 1.0  # seconds of silence between an answer and its follow-up in the saved audio


@dataclass(frozen=True)
class Slot:
    """What is being answered: names the file in --input DIR and the saved audio."""

    question_id: str
    turn: int | None = None  # role-play reply number, 1-based
    follow_up: bool = False
    max_seconds: float | None = None  # cut the answer off here (None: the source's default)
    retry: bool = False  # a second try of the question, right after its tip (coach mode)

    @property
    def stem(self) -> str:
        if self.follow_up:
            return f"{self.question_id}.follow-up"
        if self.retry:
            return f"{self.question_id}.retry"
        if self.turn and self.turn > 1:
            return f"{self.question_id}.{self.turn}"
        return self.question_id

    @property
    def optional(self) -> bool:
        """A follow-up answer or a retry: not having one is no problem."""
        return self.follow_up or self.retry


@dataclass(frozen=True)
class Heard:
    """One answer: its transcript, and the audio it came from (None for typed answers)."""

    transcript: Transcript
    recording: Recording | None = None

    def then(self, follow_up: "Heard") -> "Heard":
        """An answer and its follow-up, as one transcript (and one recording, times lined up)."""
        if self.recording is None or follow_up.recording is None:
            # Joined the one way transcripts are: a typed answer ends its sentence first, so a quote
            # never runs from the answer into the follow-up.
            return Heard(self.transcript.then(follow_up.transcript))
        gap = np.zeros(int(FOLLOW_UP_GAP * SAMPLE_RATE), np.float32)
        samples = np.concatenate([self.recording.samples, gap, follow_up.recording.samples])
        recording = Recording(samples=samples, time_to_start=self.recording.time_to_start,
                              ended_by=follow_up.recording.ended_by)
        return Heard(self.transcript.then(follow_up.transcript, gap=FOLLOW_UP_GAP), recording)


class InterruptedAnswer(KeyboardInterrupt):
    """Ctrl-C while an answer was being given (typed lines not yet sent, speech the microphone
    heard, or an answer it had just closed): that is the answer. The session saves and scores
    it like a finished one, then stops. `error`: not Ctrl-C but the microphone that stopped
    mid-answer (the session stops the same way, then exits with that message)."""

    def __init__(self, heard: Heard, error: Exception | None = None):
        super().__init__()
        self.heard = heard
        self.error = error


@dataclass(frozen=True)
class Unusable:
    """A slot a source already knows it cannot answer, and why (found before the session)."""

    slot: Slot
    reason: str  # "the file is empty", "no recording", ...
    path: Path | None = None


class AnswerSource(Protocol):
    # True when answers are audio for the speech model (the session loads it early).
    transcribes: bool
    instructions: str  # how to answer, shown once before the first question ("" for none)
    no_answer: str  # the notice when `listen` gives None ("no answer heard: moving on")
    retry_hint: str  # how to take or leave the offer of a second try ("" when nothing to do)

    def can_answer(self, slot: Slot) -> bool:
        """Whether an answer for this slot may come at all: a folder with no file for a
        follow-up has none, so the follow-up is not asked."""

    def wants_retry(self, slot: Slot) -> bool:
        """After the tip in coach mode: whether the candidate takes the offer to answer the
        question again (`slot` is the retry's). The retry itself comes from `listen(slot)`."""

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        """Before the session: check what can be checked for these slots (every recorded file
        is opened and decoded). The slots returned will be skipped."""

    def listen(self, slot: Slot, transcriber: Transcriber) -> Heard | None:
        """The answer for one slot, or None when nothing was said (a skipped question).

        KeyboardInterrupt and EOFError end the session (InterruptedAnswer after keeping the part
        already given); AudioFileError or an engine failure
        skip this answer only; DeviceError means no further answer can be heard."""


def answer_limit(q: Question) -> float | None:
    # Cut off at twice the ideal maximum: long enough never to interrupt a good answer.
    return q.answer_seconds[1] * 2 if q.answer_seconds else None


def planned_slots(questions: Sequence[Question], follow_ups: bool,
                  retries: bool = False) -> list[Slot]:
    """Every answer the planned questions may ask for (follow-ups and retries too: any may be
    asked)."""
    slots = []
    for q in questions:
        if q.is_roleplay:
            slots += [Slot(q.id, turn=n, max_seconds=answer_limit(q)) for n in range(1, len(q.turns) + 1)]
        else:
            slots.append(Slot(q.id, max_seconds=answer_limit(q)))
            if follow_ups:
                slots.append(Slot(q.id, follow_up=True, max_seconds=answer_limit(q)))
            if retries:
                slots.append(Slot(q.id, retry=True, max_seconds=answer_limit(q)))
    return slots


SOME_UNUSABLE = "Some recorded answers can't be used, so their questions will be skipped:"
NO_USABLE_ANSWER = "None of the recorded answers can be used, so there is no interview to run:"


def unusable_notice(problems: Sequence[Unusable], heading: str = SOME_UNUSABLE) -> str:
    """One notice, before the questions, naming every answer that will be skipped and why."""
    lines = [heading]
    for u in problems:
        lines.append(f"  {u.path if u.path is not None else u.slot.stem}: {u.reason}")
    return "\n".join(lines)
