"""Human-facing output. With --json, stdout carries only the JSON document, so text goes to stderr."""

from __future__ import annotations

import re
import sys
import textwrap
from typing import TextIO


class Console:
    def __init__(self, json_mode: bool = False, out: TextIO | None = None, err: TextIO | None = None):
        self.json_mode = json_mode
        self.err = err or sys.stderr
        self.out = self.err if json_mode else (out or sys.stdout)

    def say(self, text: str = "", who: str | None = None) -> None:
        """A line of the conversation, wrapped for the terminal."""
        prefix = f"{who}: " if who else ""
        body = textwrap.fill(text, width=88, initial_indent=prefix,
                             subsequent_indent=" " * len(prefix)) if text else ""
        print(body, file=self.out, flush=True)

    def line(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def notice(self, text: str) -> None:
        """Status and warnings: always stderr. File names and question ids are never split."""
        lines = []
        for part in text.split("\n"):
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
