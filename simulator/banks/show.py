"""`banks list` and `banks show`: text for the terminal, with bank text made safe to print."""

from __future__ import annotations

from pathlib import Path

from ..console import printable
from ..types import Asks, Bank, KeyPoint
from .catalog import BankInfo


def _tilde(path: Path) -> str:
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def format_bank_list(infos: list[BankInfo]) -> str:
    """The `banks list` table, then a note for each replaced or broken bank."""
    header = ("NAME", "QUESTIONS", "CATEGORIES", "TITLE", "SOURCE")
    rows = []
    notes = []
    for info in infos:
        if info.error:
            source = "yours, broken" if not info.bundled else "bundled, broken"
            first = info.error.splitlines()[0]
            count = len(info.error.splitlines())
            more = f" (+{count - 1} more; run `mock-interview banks validate {info.path}`)" \
                if count > 1 else ""
            notes.append(f"{info.name}: cannot be used: {first}{more}")
        elif info.bundled:
            source = "bundled, replaced" if info.shadowed_by else "bundled"
            if info.shadowed_by:
                notes.append(f"{info.name}: your bank {_tilde(info.shadowed_by)} replaces the "
                             "bundled one")
        else:
            source = f"yours ({_tilde(info.path)})"
        plural = "s" if info.roleplays > 1 else ""
        calls = f" ({info.roleplays} call{plural})" if info.roleplays else ""
        counts = f"{info.questions}{calls}"
        rows.append((info.name, counts if not info.error else "-",
                     _clip(", ".join(info.categories), 32) or "-", _clip(info.title, 50), source))
    if not rows:
        return "No question banks found."
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
             for row in (header, *rows)]
    return printable("\n".join(lines + ([""] + notes if notes else [])))


def _points_lines(points: tuple[KeyPoint, ...], indent: str) -> list[str]:
    lines = []
    for point in points:
        others = point.phrasings[1:]
        also = f"  (also: {', '.join(others)})" if others else ""
        lines.append(f"{indent}- {point.label}{also}")
        lines += [f"{indent}    e.g. \"{example}\"" for example in point.examples]
        if point.implies:
            lines.append(f"{indent}    said in all-inclusive words, also answers: {', '.join(point.implies)}")
    return lines


# What each `asks_for:` value asks of an answer, as `banks show` says it.
ASKS_FOR_MEANS = {Asks.HOURS: "an answer names days, hours or shifts, or says yes or no to them"}


def format_bank(bank: Bank) -> str:
    """`banks show NAME`: every question with its kind, category, key points, follow-up, turns."""
    where = f"bundled, {bank.path}" if bank.bundled else str(bank.path or "")
    lines = [f"{bank.name}: {bank.title or '(no title)'}", f"{len(bank.questions)} questions"
             + (f" - {where}" if where else ""), ""]
    for question in bank.questions:
        band = (f"{question.answer_seconds[0]:g}-{question.answer_seconds[1]:g} s"
                if question.answer_seconds else "default length")
        lines.append(f"{question.id}  [{question.kind}, {question.category}, {band}]")
        lines.append(f"  {question.text}")
        if question.key_points:
            lines.append("  Key points:")
            lines += _points_lines(question.key_points, "    ")
        if question.asks_for is not None:
            lines.append(f"  Asks for: {question.asks_for} ({ASKS_FOR_MEANS[question.asks_for]})")
        if question.follow_up:
            lines.append(f"  Follow-up: {question.follow_up}")
        if question.turns:
            lines.append("  Customer lines:")
            for n, turn in enumerate(question.turns, 1):
                lines.append(f"    {n}. \"{turn.line}\"")
                lines += _points_lines(turn.key_points, "       ")
        lines.append("")
    return printable("\n".join(lines).rstrip() + "\n")

