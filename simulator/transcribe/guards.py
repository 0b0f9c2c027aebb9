"""Guards against words nobody said: both engines pass every decoded chunk through these.

Whisper is a language model as much as a listener. On the edges of speech it writes what
usually comes next in its training data ("Thank you.", "see you in the next one"), as words
with almost no duration and a low probability; and when it loses its place it repeats itself
("I was, uh, I was, uh, ..." 44 times on fast speech). The first kind is dropped; the second
is decoded again in smaller pieces, and what still loops is cut to one occurrence and its time
marked unclear, so nothing is coached on it.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Sequence

from ..types import Word, words_text

# A word this short (seconds) is one the aligner could not place in the audio...
MIN_WORD_SECONDS = 0.02
# ...and one this unlikely, with no time of its own, is the language model talking.
MIN_PROBABILITY_UNTIMED = 0.5
# Words starting this close to (or after) the chunk's end, where only the VAD's padding is,
# are endings Whisper adds when it is unsure, unless it is confident in them.
EDGE_SECONDS = 0.1
MIN_PROBABILITY_AT_EDGE = 0.5
# Whisper's own test for a repetitive window: its text compresses this well (gzip ratio).
MAX_COMPRESSION_RATIO = 2.4
# A phrase of 2-8 words repeated back to back this often, or one word this often, is a loop;
# people repeat themselves two or three times ("no, no, no"), not four.
LOOP_REPEATS = 4
LOOP_REPEATS_ONE_WORD = 5
MAX_LOOP_PHRASE = 8


def bare(word: Word) -> str:
    return re.sub(r"[^\w']", "", word.word.lower())


def drop_invented(words: Sequence[Word], chunk_seconds: float, pad_seconds: float) -> list[Word]:
    """The words minus those the decoder wrote without hearing them.

    `chunk_seconds` is the length of the audio decoded, whose last `pad_seconds` are the
    silence the VAD kept after the speech.
    """
    edge = chunk_seconds - pad_seconds - EDGE_SECONDS
    kept = []
    for w in words:
        untimed = w.end - w.start < MIN_WORD_SECONDS
        if untimed and w.probability < MIN_PROBABILITY_UNTIMED:
            continue
        if w.start >= edge and w.probability < MIN_PROBABILITY_AT_EDGE:
            continue
        kept.append(w)
    return kept


def compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / max(1, len(zlib.compress(data)))


@dataclass(frozen=True)
class Loop:
    """Words [start, end) that repeat one phrase of `size` words back to back."""

    start: int
    end: int
    size: int


def find_loop(words: Sequence[Word]) -> Loop | None:
    """The longest stretch where one phrase repeats too often to be speech, if any."""
    tokens = [bare(w) for w in words]
    best: Loop | None = None
    for size in range(1, MAX_LOOP_PHRASE + 1):
        needed = LOOP_REPEATS_ONE_WORD if size == 1 else LOOP_REPEATS
        i = 0
        while i + size * needed <= len(tokens):
            unit = tokens[i:i + size]
            if not any(unit):
                i += 1
                continue
            j = i + size
            while tokens[j:j + size] == unit:
                j += size
            if (j - i) // size >= needed and (best is None or j - i > best.end - best.start):
                best = Loop(i, j, size)
            i = j if j - i >= size * needed else i + 1
    return best


def is_looping(words: Sequence[Word]) -> bool:
    text = words_text(words)
    return find_loop(words) is not None or (
        len(text) > 40 and compression_ratio(text) > MAX_COMPRESSION_RATIO)


def cut_loops(words: Sequence[Word]) -> tuple[list[Word], list[tuple[float, float]]]:
    """Each loop cut to its first occurrence; the times of what was cut, as unclear spans."""
    words = list(words)
    spans: list[tuple[float, float]] = []
    while (loop := find_loop(words)) is not None:
        keep_end = loop.start + loop.size
        spans.append((words[keep_end].start, words[loop.end - 1].end))
        words = words[:keep_end] + words[loop.end:]
    return words, sorted(spans)
