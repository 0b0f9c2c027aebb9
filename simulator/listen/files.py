"""Answers recorded in advance (`--input DIR`), and the base for any source of recordings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Sequence

from ..audio import load_recording, unreadable
from ..errors import UserError
from ..transcribe import Transcriber
from ..types import Recording
from .source import Heard, Slot, Unusable

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".mp3", ".aiff", ".aif", ".au", ".opus")


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class RecordedAnswers:
    """A source whose answers are whole recordings: each is transcribed once it is in hand.

    Subclasses say where a slot's recording comes from (`recording`); `prepare` may check them.
    """

    transcribes = True
    instructions = ""
    no_answer = "no recording: skipped"
    retry_hint = ""
    notice: Callable[[str], None] = staticmethod(_to_stderr)

    def recording(self, slot: Slot) -> Recording | None:
        raise NotImplementedError

    def can_answer(self, slot: Slot) -> bool:
        return True

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        return []

    def wants_retry(self, slot: Slot) -> bool:
        return False

    def listen(self, slot: Slot, transcriber: Transcriber) -> Heard | None:
        recording = self.recording(slot)
        if recording is None or recording.duration == 0:
            return None
        self.notice("(transcribing...)")
        return Heard(transcriber.transcribe(recording.samples), recording)


class FileAnswers(RecordedAnswers):
    """--input DIR: the answer to question X is DIR/X.wav (any format libsndfile reads); in
    coach mode, DIR/X.retry.wav, when it exists, is the second try after the tip."""

    def __init__(self, folder: Path, notice: Callable[[str], None] | None = None):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise UserError(f"{self.folder}: no such folder of recorded answers (--input DIR)")
        if notice is not None:
            self.notice = notice

    def path_for(self, slot: Slot) -> Path | None:
        for suffix in AUDIO_SUFFIXES:
            path = self.folder / f"{slot.stem}{suffix}"
            if path.is_file():
                return path
        return None

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        """Open and decode every file these slots would use; report the unreadable ones, and
        the answers with no file at all (follow-ups and retries are optional, so not those)."""
        problems = []
        for slot in slots:
            path = self.path_for(slot)
            if path is None:
                if not slot.optional:
                    problems.append(Unusable(
                        slot, f"no file {slot.stem}.wav (or .flac, .ogg...) in {self.folder}"))
                continue
            why = unreadable(path)
            if why is not None:
                problems.append(Unusable(slot, why, path))
        return problems

    def wants_retry(self, slot: Slot) -> bool:
        return self.path_for(slot) is not None

    def can_answer(self, slot: Slot) -> bool:
        return self.path_for(slot) is not None

    def recording(self, slot: Slot) -> Recording | None:
        path = self.path_for(slot)
        return None if path is None else load_recording(path)  # a missing file is a skipped question
