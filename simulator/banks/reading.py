"""Reading a bank file as text, and the problems found in it, each `path:line: field: message`."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..console import printable
from .compose import MAX_DEPTH

MAX_FILE_BYTES = 1_000_000
MAX_PROBLEMS = 200  # a hostile file could yield one problem per value; nobody reads past this

# Characters YAML does not allow in a document (C0/C1 controls other than tab and newlines).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

class Problems:
    """Problem lines for one file, capped so hostile input cannot produce megabytes of them."""

    def __init__(self, shown: str):
        self.shown = shown
        self.found: list[tuple[int, str]] = []
        self.dropped = 0

    @property
    def full(self) -> bool:
        return len(self.found) >= MAX_PROBLEMS

    def __bool__(self) -> bool:
        return bool(self.found)

    def add(self, line: int | None, field: str | None, message: str) -> None:
        if self.full:
            self.dropped += 1
            return
        where = self.shown if line is None else f"{self.shown}:{line}"
        text = f"{where}: {field}: {message}" if field else f"{where}: {message}"
        # A key or a file name may hold escape sequences: the report must not run them.
        self.found.append((line or 0, printable(text)))

    def all(self) -> list[str]:
        """In file order, so the list reads top to bottom like the file."""
        more = [f"{self.shown}: ... and {self.dropped} more problems"] if self.dropped else []
        return [text for _, text in sorted(self.found, key=lambda p: p[0])] + more


# --- reading the file ------------------------------------------------------------------------


def read_text(path: Path, problems: Problems) -> str | None:
    """The file as text, or None with the reason in `problems` (missing, huge, binary, ...)."""
    try:
        if not path.exists():
            problems.add(None, None, "no such file")
            return None
        if path.is_dir():
            problems.add(None, None, "is a folder; give a .yaml file")
            return None
        if not path.is_file():
            problems.add(None, None, "is not a regular file")
            return None
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(None, None, f"the file is {size / 1e6:.1f} MB; a question bank must be "
                                     "under 1 MB (is this the right file?)")
            return None
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        problems.add(None, None, f"cannot be read: {exc.strerror or exc}")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.add(None, None, "the file is over 1 MB; a question bank must be under 1 MB")
        return None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        problems.add(line, None, "this is not a text file (it contains NUL bytes); a bank is "
                                 "YAML text saved as UTF-8")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.add(line, None, f"this is not UTF-8 text (byte 0x{data[exc.start]:02x}); save "
                                 "the file as UTF-8")
        return None
    bad_chars = list(_NOT_PRINTABLE.finditer(text))
    for match in bad_chars[:MAX_PROBLEMS]:
        line = text.count("\n", 0, match.start()) + 1
        problems.add(line, None, f"control character U+{ord(match.group()):04X} is not allowed "
                                 "in YAML; delete it")
    return None if bad_chars else text


# Errors whose context (an open bracket, quote or key) is where the problem starts; a block
# mapping's or list's context is only the start of the block the problem sits in.
_STARTS_THE_PROBLEM = re.compile(r"\b(flow|scanning)\b")


def syntax_problems(text: str, exc: yaml.YAMLError, problems: Problems) -> None:
    """Explain a YAML syntax error, pointing first at tab indentation, its usual cause."""
    tab_lines = [n for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and "\t" in line[: len(line) - len(line.lstrip(" \t"))]]
    for n in tab_lines:
        problems.add(n, None, "a tab is used for indentation; YAML needs spaces")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if line in tab_lines:
        return
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "nesting depth" in problem:  # libyaml's own limit, met while it scans ahead
        problems.add(line, None, f"values nested more than {MAX_DEPTH} levels deep; a bank "
                                 "needs about 7")
        return
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None and context_mark.line + 1 != line:
        start = context_mark.line + 1
        if _STARTS_THE_PROBLEM.search(context):
            # An unclosed [ or {, quote or key is where the problem starts: the parser only notices
            # it lines later ("bad.yaml:3: ... (while parsing a flow sequence on line 2)").
            problems.add(start, None, f"not valid YAML: {context} that starts here: {problem} on line {line}")
            return
        problem += f" ({context} on line {start})"  # a block's start may be far above: its line stays
    problems.add(line, None, f"not valid YAML: {problem}")

