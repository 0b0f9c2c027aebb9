"""Answers recorded in advance (`--input DIR`), and the base for any source of recordings."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from ..audio import load_recording
from ..errors import AudioFileError, UserError
from ..transcribe import Transcriber
from ..types import Recording
from .source import Heard, Slot

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".mp3", ".aiff", ".aif", ".au", ".opus")


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class RecordedAnswers:
    """A source whose answers are whole recordings: each is transcribed once it is in hand.

    Subclasses say where a slot's recording comes from (`recording`).
    """

    transcribes = True
    notice: Callable[[str], None] = staticmethod(_to_stderr)

    def recording(self, slot: Slot) -> Recording | None:
        raise NotImplementedError

    def listen(self, slot: Slot, transcriber: Transcriber) -> Heard | None:
        recording = self.recording(slot)
        if recording is None or recording.duration == 0:
            return None
        self.notice("(transcribing...)")
        return Heard(transcriber.transcribe(recording.samples), recording)


class FileAnswers(RecordedAnswers):
    """--input DIR: the answer to question X is DIR/X.wav (any format libsndfile reads)."""

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

    def check(self, slots: list[Slot]) -> None:
        """Fail before the session starts if a file that exists cannot be read."""
        import soundfile as sf

        for slot in slots:
            path = self.path_for(slot)
            if path is None:
                continue
            try:
                sf.info(str(path))
            except Exception as exc:
                raise AudioFileError(f"{path}: not an audio file libsndfile can read ({exc})") from None

    def recording(self, slot: Slot) -> Recording | None:
        path = self.path_for(slot)
        return None if path is None else load_recording(path)  # a missing file is a skipped question
