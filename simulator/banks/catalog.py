"""Listing and choosing banks: bundled and user banks, which one wins a name, and questions by id."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..console import printable
from ..errors import BankError, UserError
from ..home import user_banks_dir
from ..types import KINDS, Bank, Question
from .loading import BANK_SUFFIXES, bank_files, bundled_banks_dir, check_file, load_bank


@dataclass(frozen=True)
class BankInfo:
    """One bank file as `banks list` shows it."""

    name: str
    title: str
    path: Path
    bundled: bool
    questions: int = 0
    categories: tuple[str, ...] = ()
    kinds: tuple[tuple[str, int], ...] = ()  # (kind, number of questions), in KINDS order
    shadowed_by: Path | None = None  # the user's bank that replaces this bundled one
    wins: bool = True  # False when another bank with this name is used instead
    error: str | None = None  # the problems, when the file cannot be used

    @property
    def roleplays(self) -> int:
        return dict(self.kinds).get("roleplay", 0)


@dataclass(frozen=True)
class _Entry:
    info: BankInfo
    bank: Bank | None
    problems: tuple[str, ...]


def _entry(path: Path, bundled: bool) -> _Entry:
    bank, problems, name = check_file(path, bundled)
    if bank is None:
        info = BankInfo(name=name or path.stem, title="", path=path, bundled=bundled,
                        error="\n".join(problems) or "cannot be used")
        return _Entry(info, None, tuple(problems))
    kinds = tuple((k, n) for k in KINDS if (n := sum(q.kind == k for q in bank.questions)))
    categories = tuple(sorted({q.category for q in bank.questions}))
    info = BankInfo(name=bank.name, title=bank.title, path=path, bundled=bundled,
                    questions=len(bank.questions), categories=categories, kinds=kinds)
    return _Entry(info, bank, ())


def _catalog(home: Path) -> list[_Entry]:
    """Bundled then user banks; a user bank wins over a bundled one with its name."""
    entries: list[_Entry] = []
    winner: dict[str, _Entry] = {}
    user = [_entry(p, False) for p in bank_files(user_banks_dir(home))]
    for entry in user:
        first = winner.get(entry.info.name)
        if first is not None:
            message = (f"{entry.info.path}: another of your banks, {first.info.path}, is also "
                       f"named {entry.info.name!r}; rename one")
            entry = _Entry(replace(entry.info, wins=False, error=message), None, (message,))
        else:
            winner[entry.info.name] = entry
        entries.append(entry)
    for path in bank_files(bundled_banks_dir()):
        entry = _entry(path, True)
        mine = winner.get(entry.info.name)
        if mine is not None and mine.info.bundled:
            message = f"{path}: another bundled bank, {mine.info.path}, has the same name"
            entry = _Entry(replace(entry.info, wins=False, error=message), None, (message,))
        elif mine is not None:
            entry = _Entry(replace(entry.info, wins=False, shadowed_by=mine.info.path),
                           entry.bank, entry.problems)
        else:
            winner[entry.info.name] = entry
        entries.append(entry)
    return sorted(entries, key=lambda e: (e.info.name, not e.info.wins, not e.info.bundled))


def bundled_banks() -> list[Bank]:
    """The bundled banks only, by file name (what the demo's sample answers are written for)."""
    return [load_bank(path, bundled=True) for path in bank_files(bundled_banks_dir())]


def available_banks(home: Path) -> list[BankInfo]:
    """Bundled and user banks (home/banks), sorted by name; broken ones carry their `error`."""
    return [entry.info for entry in _catalog(home)]


def _looks_like_path(spec: str) -> bool:
    return spec.lower().endswith(BANK_SUFFIXES) or "/" in spec or os.sep in spec


def resolve_banks(specs: list[str] | None, home: Path,
                  warn: Callable[[str], None] | None = None) -> list[Bank]:
    """The banks to practise with, from names (user banks win) or .yaml paths; [] means all.

    Question ids must be unique across the chosen banks so `--ask ID` and saved answers are
    never ambiguous: a clash raises UserError naming both banks (rename an id, or pick one bank).
    A broken bank that is asked for raises its BankError; in the default set it is skipped,
    with one line to `warn` (stderr by default), as `banks list` shows it broken and goes on.
    """
    specs = list(specs or [])
    catalog = _catalog(home)
    winners = {e.info.name: e for e in catalog if e.info.wins}
    chosen: list[Bank] = []
    if not specs:
        for entry in catalog:
            if entry.bank is None:
                (warn or _warn_on_stderr)(skipped_bank_warning(entry.info, catalog))
            elif entry.info.wins:
                chosen.append(entry.bank)
        if not chosen:
            raise UserError(f"no usable question banks (looked in {bundled_banks_dir()} and "
                            f"{user_banks_dir(home)})")
    for spec in specs:
        entry = None if _looks_like_path(spec) else winners.get(spec)
        if entry is not None:
            if entry.bank is None:
                raise BankError(list(entry.problems))
            bank = entry.bank
        elif _looks_like_path(spec) or Path(spec).is_file():
            bank = load_bank(spec)
        else:
            names = ", ".join(sorted(winners)) or "none"
            raise UserError(f"no bank named {spec!r}. Available: {names}. Or give the path to "
                            "a .yaml file.")
        if not any(_same_bank(bank, other) for other in chosen):
            chosen.append(bank)
    _check_unique_ids(chosen)
    return chosen


def skipped_bank_warning(info: BankInfo, catalog: list[_Entry]) -> str:
    """One line: which bank is skipped, its first problem, and how to see the rest."""
    problems = (info.error or "cannot be used").splitlines()
    more = (f" (+{len(problems) - 1} more; run `mock-interview banks validate {info.path}`)"
            if len(problems) > 1 else "")
    replaced = any(e.info.shadowed_by == info.path for e in catalog)
    also = f"; the bundled {info.name} stays replaced until you fix it" if replaced else ""
    whose = "the bundled" if info.bundled else "your"
    return printable(f"skipping {whose} bank {info.name}, which cannot be used: "
                     f"{problems[0]}{more}{also}")


def _warn_on_stderr(message: str) -> None:
    print(f"mock-interview: {message}", file=sys.stderr, flush=True)


def _same_bank(a: Bank, b: Bank) -> bool:
    if a.path is not None and b.path is not None:
        return a.path.resolve() == b.path.resolve()
    return a is b


def _check_unique_ids(banks: list[Bank]) -> None:
    owner: dict[str, Bank] = {}
    for bank in banks:
        for question in bank.questions:
            first = owner.setdefault(question.id, bank)
            if first is not bank:
                raise UserError(
                    f"question id {question.id!r} is in two banks: {first.name} ({first.path}) "
                    f"and {bank.name} ({bank.path}). Rename one of the ids, or choose one of the "
                    "banks with --bank.")


def find_question(banks: list[Bank], question_id: str) -> Question:
    """The question with this id; UserError naming the banks searched (and close ids) if none."""
    for bank in banks:
        question = bank.get(question_id)
        if question is not None:
            return question
    ids = [q.id for bank in banks for q in bank.questions]
    close = difflib.get_close_matches(question_id, ids, n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    names = ", ".join(b.name for b in banks) or "no banks"
    raise UserError(f"no question with id {question_id!r} in {names}.{hint} "
                    "`mock-interview banks show NAME` lists the ids.")

