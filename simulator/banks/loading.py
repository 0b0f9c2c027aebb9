"""Loading and validating bank files, and where the bundled banks are."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..console import printable
from ..errors import BankError, UserError
from ..types import Bank
from .check import Checker
from .compose import Refused, compose
from .reading import Problems, read_text, syntax_problems

BANK_SUFFIXES = (".yaml", ".yml")


def check_file(path: Path | str, bundled: bool = False) -> tuple[Bank | None, list[str], str | None]:
    """The bank (or None), every problem, and the bank's name when it could be read."""
    path = Path(path)
    problems = Problems(str(path))
    text = read_text(path, problems)
    if text is None:
        return None, problems.all(), None
    try:
        root = compose(text, problems)
    except Refused as refusal:
        problems.add(refusal.line, None, refusal.message)
        return None, problems.all(), None
    except yaml.YAMLError as exc:
        syntax_problems(text, exc, problems)
        return None, problems.all(), None
    if root is None:
        problems.add(None, None, "the file is empty; a bank needs bank: and questions:")
        return None, problems.all(), None
    checker = Checker(problems)
    bank = checker.bank(root, path, bundled)
    return bank, problems.all(), checker.bank_name


def load_bank(path: Path | str, *, bundled: bool = False) -> Bank:
    """Load one bank file; BankError lists every problem in it, one `path:line: field: ...` each."""
    bank, problems, _ = check_file(path, bundled)
    if bank is None:
        raise BankError(problems or [f"{path}: cannot be used as a question bank"])
    return bank


def bank_files(folder: Path) -> list[Path]:
    """The *.yaml and *.yml files directly inside a folder, sorted by name ([] if no folder)."""
    try:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir()
                      if p.suffix.lower() in BANK_SUFFIXES and p.is_file())
    except OSError as exc:
        raise UserError(f"{folder}: cannot read this folder ({exc.strerror or exc})") from None


def validate_paths(paths: list[str | Path]) -> list[str]:
    """Every problem in the files and folders (each *.yaml/*.yml inside); [] when all valid."""
    problems: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                files = bank_files(path)
            except UserError as exc:
                problems.append(printable(str(exc)))
                continue
            if not files:
                problems.append(printable(f"{path}: no .yaml or .yml files in this folder"))
        else:
            files = [path]
        for file in files:
            problems.extend(check_file(file)[1])
    return problems


def bundled_banks_dir() -> Path:
    """The bundled banks: inside the package when installed from a wheel, else the checkout's."""
    package = Path(__file__).resolve().parent.parent  # simulator/
    installed = package / "question_banks"
    return installed if installed.is_dir() else package.parent / "question_banks"

