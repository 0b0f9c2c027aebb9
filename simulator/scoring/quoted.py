"""Quoted speech: which words of an answer someone else said.

"A man told me, word for word, 'you people are useless'" quotes the caller: those words are not
the candidate's red flag, negative phrase or action. "I said 'I'm so sorry'" is the candidate's
own line, and counts as theirs.
"""

from __future__ import annotations

from collections.abc import Sequence

QUOTE_MARKS = ("'", '"', "\u2018", "\u201c")
CONTRACTIONS_AFTER_QUOTE = frozenset({"em", "cause", "til", "n", "s"})  # 'em, 'cause: no quote
SPEECH = frozenset({"said", "says", "told", "tells", "shouted", "yelled", "screamed", "asked", "went",
                    "goes", "snapped", "demanded", "replied", "shouting", "yelling", "screaming", "saying",
                    "wrote", "called"})
SELF = frozenset({"i", "we"})


def others_words(raws: Sequence[str], bares: Sequence[str], sentences: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The indexes of words inside quotation marks after a speech verb whose subject is not the
    candidate; `raws` as written, `bares` without their edge punctuation, `sentences` as spans."""
    out: set[int] = set()
    for s0, s1 in sentences:
        k = s0
        while k < s1:
            raw = raws[k].strip()
            if raw[:1] in QUOTE_MARKS and raw.lower().lstrip("'\"\u2018\u201c") not in CONTRACTIONS_AFTER_QUOTE:
                end = next((j for j in range(k, s1) if _closes_quote(raws[j], j == k)), None)
                if end is not None and _someone_else_says(bares[s0:k]):
                    out.update(range(k, end + 1))
                k = (end if end is not None else k) + 1
            else:
                k += 1
    return frozenset(out)


def _closes_quote(raw: str, opening: bool) -> bool:
    word = raw.strip().rstrip(".,!?;:)")
    if opening:
        word = word[1:]
    return len(word) > 1 and word[-1] in ("'", '"', "\u2019", "\u201d") and not word.lower().endswith(("s'", "in'"))


def _someone_else_says(before: Sequence[str]) -> bool:
    """The words before a quote in its sentence report speech, and not the candidate's own."""
    before = [w.lower() for w in before]
    verbs = [k for k, w in enumerate(before) if w in SPEECH]
    if not verbs:
        return False
    k = verbs[-1]
    subject = before[max(0, k - 3):k]
    return not (SELF & set(subject))
