"""Typed answers (`--input keyboard`)."""

from __future__ import annotations

import select
import sys
from typing import Callable, Sequence, TextIO

from ..console import Keys, NoKeys
from ..transcribe import Transcriber
from ..types import Transcript
from .source import Heard, InterruptedAnswer, Slot, Unusable

END_MARK = "."  # a line with only this sends the answer, like an empty line
PASTE_GAP = 0.05  # seconds: lines that follow an empty line this fast were pasted with it

HOW_TO_TYPE = ("Type your answer; it can take several lines. Send it with an empty line "
               "(or a line with just a dot). An empty line first skips the question.")


class KeyboardAnswers:
    """Typed answers, as many lines each as the candidate likes, ended by an empty line (or
    a line holding only "."), so a pasted paragraph stays one answer; an empty line first
    skips the question; the end of input stops the session (after sending what was typed).

    On a terminal, an empty line inside a paste (a paragraph break) does not end the answer:
    lines that arrive with it, faster than anyone types, belong to the same answer. Lines
    typed while the question was being spoken (`keys`) start the answer."""

    transcribes = False
    instructions = HOW_TO_TYPE
    no_answer = "skipped"
    retry_hint = "Type your second try, or just an empty line to move on."

    def __init__(self, stdin: TextIO | None = None, prompt: Callable[[str], None] | None = None,
                 keys: Keys | None = None):
        self.stdin = stdin or sys.stdin
        self.prompt = prompt or (lambda text: print(text, end="", file=sys.stderr, flush=True))
        self.keys = keys or NoKeys()
        self.terminal = self.keys.live
        self._ended = False  # the input ended after the last answer

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        return []

    def can_answer(self, slot: Slot) -> bool:
        return True

    def wants_retry(self, slot: Slot) -> bool:
        return True  # the retry is typed, or skipped with an empty line, like any answer

    def listen(self, slot: Slot, transcriber: Transcriber | None = None) -> Heard | None:
        if self._ended:
            raise EOFError  # stdin closed: the session ends with what it has
        lines = [line for line in self.keys.take() if line.strip()]
        self.prompt("Your answer (send it with an empty line): " if not lines else
                    "Your answer, go on (send it with an empty line):\n")
        try:
            while True:
                raw = self.stdin.readline()
                if raw == "":  # end of input: what was typed is still an answer
                    self._ended = True
                    if lines:
                        break
                    raise EOFError
                line = raw.rstrip("\n")
                if line.strip() == END_MARK:
                    if not lines:
                        return None  # a dot first sends nothing: skipped, like an empty line
                    break
                if not line.strip():
                    if not lines:
                        return None  # an empty line first: skipped
                    if self._pasting():
                        continue  # a paragraph break inside pasted text
                    break
                lines.append(line.strip())
        except KeyboardInterrupt:
            # Ctrl-C before sending: the lines typed so far are the answer, as the end of input
            # makes them one. (A line not yet ended with Enter is the terminal's: Ctrl-C wipes it.)
            if lines:
                raise InterruptedAnswer(Heard(Transcript.typed(" ".join(lines)))) from None
            raise
        return Heard(Transcript.typed(" ".join(lines)))

    def _pasting(self) -> bool:
        if not self.terminal:
            return False
        try:
            ready, _, _ = select.select([self.stdin], [], [], PASTE_GAP)
        except (OSError, ValueError):
            return False
        return bool(ready)
