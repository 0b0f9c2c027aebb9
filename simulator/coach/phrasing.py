"""How the interviewer puts things: counts, times, lengths, lists and quotes in a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence


# How small counts read aloud: "no fillers", "three long silences".
COUNTS_IN_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(n: int, noun: str, plural: str | None = None) -> str:
    """'one long silence', 'three fillers', '12 fillers': small numbers read as words."""
    word = COUNTS_IN_WORDS[n] if 0 <= n < len(COUNTS_IN_WORDS) else str(n)
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def figure(x: float, digits: int = 0) -> str:
    """A measured number as the interviewer says it: 142, or 2.5 with `digits=1`."""
    return f"{x:.{digits}f}"


def format_time(seconds: float | None) -> str:
    """1:12 for 72 s: how a tip points to a moment in the answer."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def duration(seconds: float) -> str:
    """'about 40 seconds', 'about a minute and a half', 'about 3 minutes'."""
    if seconds < 75:
        return f"about {max(1, round(seconds))} second{'s' if round(seconds) != 1 else ''}"
    halves = round(seconds / 30)
    whole, half = divmod(halves, 2)
    if whole == 1:
        return "about a minute and a half" if half else "about a minute"
    return f"about {whole} and a half minutes" if half else f"about {whole} minutes"


def band_words(low: float, high: float) -> str:
    """'30 to 90 seconds', '1 to 2 minutes'."""
    if high >= 120 and low % 60 == 0 and high % 60 == 0:
        return f"{int(low // 60)} to {int(high // 60)} minutes"
    return f"{figure(low)} to {figure(high)} seconds"


def and_list(items: Sequence[str], word: str = "and") -> str:
    """'a, b and c' (or 'a or b')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def quoted(quote: str, end: str = ".") -> str:
    """A quote closing a sentence: "like this." (no doubled stop after a question mark)."""
    quote = quote.strip()
    if not quote:
        return '""'
    if quote[-1:] in ".?!":
        return f'"{quote}"'
    return f'"{quote}{end}"'


def after_lead(lead: str, rest: str) -> str:
    """'When I asked "Why?"' + 'you said' -> 'When I asked "Why?", you said' (a comma inside a
    quote that ends without its own stop: 'the customer said "that\'s it then," you said')."""
    if not lead:
        return rest[0].upper() + rest[1:]
    if lead.endswith('"') and lead[-2:-1] not in "?!.":
        return f'{lead[:-1]}," {rest}'
    return f"{lead}, {rest}"


def tidy(text: str) -> str:
    """No doubled stops after a quoted sentence ('"...?".' reads '"...?"')."""
    return re.sub(r'([.?!,])"([.,])', r'\1"', re.sub(r"\s{2,}", " ", text)).strip()


def point_name(label: str) -> str:
    """A key point as an interviewer says it: 'result' reads 'how it turned out'."""
    return POINT_NAMES.get(label.strip().lower(), label)


POINT_NAMES = {
    "result": "how it turned out", "the result": "how it turned out", "outcome": "how it turned out",
    "situation": "the situation", "example": "an example", "an example": "an example",
    "what i did": "what you did", "learned": "what you learned", "empathy": "some empathy",
    "verify": "a check of who's calling", "closing": "a proper close", "greeting": "a greeting",
    "next steps": "what happens next", "take ownership": "you taking ownership",
}
