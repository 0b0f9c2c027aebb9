"""Small helpers the commands share: output files, confirmations, JSON, counts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import UserError


def output_file(value: str, option: str) -> Path:
    """A file to write: its folder must exist already (a typo must not create folders)."""
    path = Path(value).expanduser()
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise UserError(f"{option} {value}: the folder {folder} {what}; create it first or "
                        "choose another place (nothing was written)")
    if path.is_dir():
        raise UserError(f"{option} {value}: this is a folder; give a file name inside it")
    return path


def confirm(question: str) -> bool:
    """Ask on the terminal; only y or yes is a yes."""
    print(question, end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def split_ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
