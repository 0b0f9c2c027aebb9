"""Finding what an evidence item points at among an answer's words: the one locator, shared by
the coach (to quote whole phrases) and the review (to mark the transcript)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Evidence

TIME_SLACK = 0.05  # seconds: evidence times are rounded to 2 decimals, word times to 3

Spoken = tuple[str, "float | None", "float | None"]  # a word as written, and its times (None when typed)


def norm(token: str) -> str:
    """A word as quotes are compared: lowercase, letters, digits and apostrophes."""
    return re.sub(r"[^\w']", "", token.lower().replace("\u2019", "'"))


def find_quote(texts: Sequence[str], quote: str, after: int = 0) -> range | None:
    """Where the quote's words occur in `texts`: first at or after word `after`, else anywhere."""
    wanted = [n for n in (norm(t) for t in quote.split()) if n]
    if not wanted:
        return None
    norms = [norm(t) for t in texts]
    for begin in (after, 0):
        for i in range(begin, len(norms) - len(wanted) + 1):
            if norms[i:i + len(wanted)] == wanted:
                return range(i, i + len(wanted))
    return None


def _by_time(words: Sequence[Spoken], start: float, end: float) -> range | None:
    hits = [k for k, (_, a, b) in enumerate(words) if a is not None and b is not None
            and start - TIME_SLACK <= (a + b) / 2 <= end + TIME_SLACK]
    return range(hits[0], hits[-1] + 1) if hits else None


def locate(words: Sequence[Spoken], e: Evidence, after: int = 0) -> range | None:
    """The words an evidence item is about: those spoken in its times, else those it quotes."""
    if e.start is not None and e.end is not None:
        found = _by_time(words, e.start, e.end)
        if found is not None:
            return found
    return find_quote([text for text, _, _ in words], e.quote, after)
