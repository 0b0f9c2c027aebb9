"""Word error rate against a known script.

Normalisation: lower case, hyphens split words, punctuation other than apostrophes dropped,
numbers under 1000 written as words ("60" -> "sixty", as the script spells them). Fillers
("um", "uh") are kept on both sides: the script contains them and the product must hear them
(Whisper's own English normaliser would delete them, so it is not used).
"""

from __future__ import annotations

import re

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number(n: int) -> list[str]:
    if n < 20:
        return [ONES[n]]
    if n < 100:
        return [TENS[n // 10]] + ([ONES[n % 10]] if n % 10 else [])
    return [ONES[n // 100], "hundred"] + (_number(n % 100) if n % 100 else [])


def normalise(text: str) -> list[str]:
    words = []
    for token in re.findall(r"[a-z0-9']+", text.lower().replace("-", " ")):
        token = token.strip("'")
        if token.isdigit() and int(token) < 1000:
            words += _number(int(token))
        elif token:
            words.append(token)
    return words


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(substitutions + deletions + insertions, words in the reference)."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        diagonal, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (r != h))
    return row[-1], len(ref)


def wer(reference: str, hypothesis: str) -> float:
    errors, total = word_errors(reference, hypothesis)
    return errors / max(1, total)
