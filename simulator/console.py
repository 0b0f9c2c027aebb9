"""Human-facing output. With --json, stdout carries only the JSON document, so text goes to stderr.

Also the terminal's other jobs in a session: Enter while the interviewer speaks skips the
line (`Keys`), Ctrl-C waits while the answer being given is finished and saved (`CTRL_C`),
and what native libraries print (ALSA's "underrun occurred", PortAudio, ONNX Runtime and
CTranslate2 warnings) goes to the log instead of the screen (`native_output_to`).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import sys
import textwrap
import threading
from pathlib import Path
from typing import Iterator, TextIO


class Console:
    def __init__(self, json_mode: bool = False, out: TextIO | None = None, err: TextIO | None = None):
        self.json_mode = json_mode
        self.err = err or sys.stderr
        self.out = self.err if json_mode else (out or sys.stdout)

    # Everything printed here may quote what the candidate typed: it goes through `printable`,
    # so a typed escape code is shown, never acted on by the terminal.

    def say(self, text: str = "", who: str | None = None) -> None:
        """A line of the conversation, wrapped for the terminal."""
        text = printable(text)
        prefix = f"{who}: " if who else ""
        body = textwrap.fill(text, width=88, initial_indent=prefix,
                             subsequent_indent=" " * len(prefix)) if text else ""
        print(body, file=self.out, flush=True)

    def line(self, text: str = "") -> None:
        print(printable(text), file=self.out, flush=True)

    def notice(self, text: str) -> None:
        """Status and warnings: always stderr. File names and question ids are never split."""
        lines = []
        for part in printable(text).split("\n"):
            indent = part[:len(part) - len(part.lstrip())]  # a listed item keeps its indent
            lines.append(textwrap.fill(part, width=88, subsequent_indent=indent + "  ",
                                       break_long_words=False, break_on_hyphens=False))
        print("\n".join(lines), file=self.err, flush=True)


# C0 controls other than tab and newline, DEL and C1 controls: a terminal acts on them (ESC
# sequences clear the screen, move the cursor, retitle the window; CR overwrites the line).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from a bank or an answer, safe to print: control characters shown as `\\x1b` etc."""
    return CONTROL_CHARACTERS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Keys:
    """Lines typed at the terminal while the interviewer speaks.

    `pressed()` is asked every few milliseconds during a spoken line: True once a line was
    typed (Enter), which skips what is being said. The lines are kept: `take()` hands them
    to typed answers (typing may start while the question is spoken), `drop()` discards what
    was typed before a question was shown. Off when stdin is not a terminal (a pipe, a file),
    so scripted input is never read ahead.
    """

    def __init__(self, stdin: TextIO | None = None, live: bool | None = None):
        self.stdin = stdin or sys.stdin
        self.live = _isatty(self.stdin) if live is None else live
        self._typed: list[str] = []

    def pressed(self) -> bool:
        if not self.live:
            return False
        try:
            ready, _, _ = select.select([self.stdin], [], [], 0)
        except (OSError, ValueError):  # stdin closed under us
            self.live = False
            return False
        if not ready:
            return False
        line = self.stdin.readline()
        if line == "":  # end of input: nothing more will be typed
            self.live = False
            return False
        self._typed.append(line.rstrip("\n"))
        return True

    def take(self) -> list[str]:
        """The lines typed since the last take or drop, oldest first."""
        typed, self._typed = self._typed, []
        return typed

    def drop(self) -> list[str]:
        """Forget what was typed so far (before a question was shown); returns its non-empty lines."""
        return [line for line in self.take() if line.strip()]


class NoKeys(Keys):
    """No terminal to watch (tests, the demo)."""

    def __init__(self) -> None:
        super().__init__(live=False)


class CtrlC:
    """Ctrl-C, held back while an answer is being finished, so that the answer is kept.

    Inside `scope()` (nested scopes share one state), Ctrl-C raises KeyboardInterrupt as usual
    until `hold()` is called (the microphone calls it as it starts recording). From then until
    the outermost scope ends, the first Ctrl-C is only noted in `pressed`: the code looks at it
    where it can stop cleanly (the recording ends, the answer is transcribed and saved), and
    `take()`s it. A second Ctrl-C raises KeyboardInterrupt at once; one still noted when the
    outermost scope ends is raised there. Main thread only (Python's signals are delivered
    there); elsewhere, or when Ctrl-C is ignored or left to the system, scopes change nothing.
    """

    def __init__(self) -> None:
        self.pressed = False
        self._depth = 0
        self._holding = False
        self._previous: object = None  # the handler the outermost scope replaced, or None

    @contextlib.contextmanager
    def scope(self) -> Iterator["CtrlC"]:
        if threading.current_thread() is not threading.main_thread():
            yield self
            return
        if self._depth == 0:
            previous = signal.getsignal(signal.SIGINT)
            if callable(previous):
                self.pressed, self._holding = False, False
                self._previous = previous
                signal.signal(signal.SIGINT, self._handler)
        self._depth += 1
        raised = True
        try:
            yield self
            raised = False
        finally:
            self._depth -= 1
            if self._depth == 0 and self._previous is not None:
                signal.signal(signal.SIGINT, self._previous)  # type: ignore[arg-type]
                self._previous, self._holding = None, False
                if self.take() and not raised:
                    raise KeyboardInterrupt

    @property
    def holding(self) -> bool:
        return self._holding

    def hold(self) -> None:
        """From now until the outermost scope ends, the first Ctrl-C is noted, not raised."""
        if self._previous is not None and threading.current_thread() is threading.main_thread():
            self._holding = True

    def press(self) -> None:
        """Note a stop that came another way (a KeyboardInterrupt caught while holding)."""
        if self._holding:
            self.pressed = True

    def take(self) -> bool:
        """Whether Ctrl-C was pressed and not yet acted on; it is acted on now."""
        pressed, self.pressed = self.pressed, False
        return pressed

    def _handler(self, signum, frame) -> None:
        if self._holding and not self.pressed:
            self.pressed = True
            return
        self._previous(signum, frame)  # type: ignore[misc]  # Python's own: KeyboardInterrupt


CTRL_C = CtrlC()  # the process has one Ctrl-C


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def native_output_to(log: Path) -> Iterator[None]:
    """Send what native libraries write to the process's stderr (file descriptor 2) to `log`,
    while `sys.stderr` (every message of ours) keeps going to the terminal.

    Native code writes to fd 2 directly, below Python: the only way to keep it off the
    screen is to point fd 2 elsewhere, and give Python a new stream on the old terminal.
    Objects holding the old `sys.stderr` must look it up again (they write to the log).
    Does nothing when stderr is not a real file descriptor.
    """
    try:
        sys.stderr.flush()
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        target = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError:  # no writable data folder: the command itself says so if it needs one
        yield
        return
    terminal = os.dup(fd)
    os.dup2(target, fd)
    os.close(target)
    previous = sys.stderr
    stream = sys.stderr = os.fdopen(terminal, "w", buffering=1, errors="backslashreplace",
                                    encoding=previous.encoding or "utf-8")
    try:
        yield
    finally:
        stream.flush()
        os.dup2(terminal, fd)
        sys.stderr = previous
        stream.close()
