"""Whisper's words as the rest of the product reads them: both engines make their Words here."""

from __future__ import annotations

from typing import Iterable

from ..types import Word


def whisper_words(pieces: Iterable[tuple[str, float, float, float]]) -> list[Word]:
    """(text, start, end, probability) as Whisper gives them, to Words.

    Whisper writes each word with the space before it (" I", " like"), and a piece of the word
    before with none ("-paced" after " fast"). The space is dropped here, so JSON, quotes and the
    screen all get "I"; a piece written without one is marked glued, so text rebuilt from the
    words still reads "fast-paced". The first word of a decoded stretch starts a word.
    """
    out: list[Word] = []
    for text, start, end, probability in pieces:
        word = text.strip()
        out.append(Word(word, float(start), float(end), float(probability),
                        glued=bool(out) and bool(word) and not text[:1].isspace()))
    return out
