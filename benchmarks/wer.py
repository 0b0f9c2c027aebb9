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


def error_counts(reference: str, hypothesis: str) -> tuple[int, int, int, int]:
    """(substitutions, deletions, insertions, words in the reference), from one alignment
    with the fewest errors (among those, the fewest insertions)."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    # Each cell: (errors, insertions, substitutions, deletions); tuples compare in that order.
    row = [(j, j, 0, 0) for j in range(len(hyp) + 1)]
    for i, r in enumerate(ref, 1):
        diagonal, row[0] = row[0], (i, 0, 0, i)
        for j, h in enumerate(hyp, 1):
            up, left = row[j], row[j - 1]
            options = [(up[0] + 1, up[1], up[2], up[3] + 1),  # r deleted
                       (left[0] + 1, left[1] + 1, left[2], left[3])]  # h inserted
            if r == h:
                options.append(diagonal)
            else:
                options.append((diagonal[0] + 1, diagonal[1], diagonal[2] + 1, diagonal[3]))
            diagonal, row[j] = row[j], min(options)
    errors, insertions, substitutions, deletions = row[-1]
    return substitutions, deletions, insertions, len(ref)


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(substitutions + deletions + insertions, words in the reference)."""
    substitutions, deletions, insertions, words = error_counts(reference, hypothesis)
    return substitutions + deletions + insertions, words


def wer(reference: str, hypothesis: str) -> float:
    errors, total = word_errors(reference, hypothesis)
    return errors / max(1, total)
