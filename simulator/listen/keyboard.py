"""Typed answers (`--input keyboard`)."""

from __future__ import annotations

import sys
from typing import Callable, Sequence, TextIO

from ..transcribe import Transcriber
from ..types import Transcript
from .source import Heard, Slot, Unusable


class KeyboardAnswers:
    """One typed line per answer; an empty line skips, end of input stops."""

    transcribes = False

    def __init__(self, stdin: TextIO | None = None, prompt: Callable[[str], None] | None = None):
        self.stdin = stdin or sys.stdin
        self.prompt = prompt or (lambda text: print(text, end="", file=sys.stderr, flush=True))

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        return []

    def listen(self, slot: Slot, transcriber: Transcriber | None = None) -> Heard | None:
        self.prompt("Your answer (one line, Enter to send, empty line to skip): ")
        line = self.stdin.readline()
        if line == "":
            raise EOFError  # stdin closed: the session ends with what it has
        return Heard(Transcript.typed(line)) if line.strip() else None
