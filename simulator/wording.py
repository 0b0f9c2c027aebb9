"""Counts and units as people write them: "1 answer", "2 answers", "1 second", "2.5 seconds";
and a tip's sentences.

The one plural helper for what the product prints (the interviewer's spoken counts, "three
fillers", are `coach.phrasing.count_words`), and the one sentence splitter for tips (the spoken
tip, the closing's cut and the reports' first sentence all cut in the same places).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_UNIT = re.compile(r"(.*?)( a | per |$)(.*)")  # "fillers a minute": the counted noun, then its rate


def plural(n: float, noun: str, many: str | None = None) -> str:
    """'1 answer', '2 answers', '0 answers'; `many` for an irregular plural ('1 reply', '2 replies')."""
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{shown} {noun if _one(shown) else (many or noun + 's')}"


def with_unit(shown: str, unit: str | None) -> str:
    """A number as shown, then its unit, singular after exactly 1: '1 second', '1 filler a minute',
    '1 long pause', '2.5 seconds', '1 of 5 key points'."""
    if not unit:
        return shown
    if unit.startswith("%"):
        return f"{shown}{unit}"  # '12% unclear words'
    return f"{shown} {singular(unit) if _one(shown) else unit}"


def per_answer(mean: float, unit: str) -> str:
    """A count's mean over answers said without a fraction: 'no long pauses', 'about one long
    pause in every 3 answers', 'about 2 long pauses an answer' (never '0.33 long pauses', and not
    '0 long pauses' for a mean of 0.4: one of the answers had one)."""
    if mean < 0.05:
        return f"no {unit}"
    if round(1 / mean) >= 2:  # fewer than one an answer: one in every n answers
        return f"about one {singular(unit)} in every {round(1 / mean)} answers"
    n = max(1, round(mean))
    return f"about {'one' if n == 1 else n} {singular(unit) if n == 1 else unit} an answer"


def singular(unit: str) -> str:
    """A unit with its counted noun in the singular: 'fillers a minute' -> 'filler a minute',
    'long pauses' -> 'long pause'. Units that don't count a noun ('of 5 key points', 'out of 100',
    '% unclear words', 'dBFS') stay as they are."""
    head, rate, rest = _UNIT.match(unit).groups()
    words = head.split()
    if not words or words[0] in ("of", "out") or not words[0][0].isalpha() or not re.fullmatch(r"[a-z]+s", words[-1]):
        return unit
    return " ".join([*words[:-1], words[-1][:-1]]) + rate + rest


def _one(shown: str) -> bool:
    return shown.strip().lstrip("+-") == "1"


# A sentence ends at . ! or ?, with any closing quotes or brackets after it, before a capital or
# an opening quote (or the end). "3.5 seconds" and "e.g. this" go on.
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)\]]*(?=\s+[A-Z\"\u201c]|\s*$)")


def sentences(text: str) -> list[str]:
    """A tip's sentences, never cut inside a quote, straight or curly ('You wrote "I'm sorry. Let
    me fix it."', 'When I asked “We open at six. Could you?” you said...'), and each with
    its closing quote or bracket ('(Say "I'll check.")')."""
    text = text.strip()
    out, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        head = text[:end.end()]
        if head.count('"') % 2 == 0 and head.count("\u201c") <= head.count("\u201d"):
            out.append(text[start:end.end()].strip())
            start = end.end()
    return [s for s in [*out, text[start:].strip()] if s]


def first_sentence(text: str) -> str:
    """A tip's first sentence (all of it when it has one), cut where `sentences` cuts."""
    return next(iter(sentences(text)), text.strip())


def number(value: float) -> str:
    """A measured number as a person reads it, one rule for every line (review, tips, progress,
    "Since last time"): 142, 3.5, 0.35."""
    if float(value) == int(value):
        return str(int(value))
    if abs(value) >= 100:
        return f"{value:.0f}"
    # "0.6 seconds", as its evidence says "after 0.6 s": never a trailing nought ("0.60")
    if abs(value) >= 1:
        return half_up(value, 1)
    text = half_up(value, 2)
    return text[:-1] if text.endswith("0") and not text.endswith(".00") else text


def half_up(value: float, digits: int) -> str:
    """Half up, as written: a saved 2.65 is "2.7" as the table beside it says, never "2.6" (2.65
    is stored just under 2.65)."""
    return str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
