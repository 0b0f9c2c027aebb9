"""Quoted and reported speech: which words of an answer someone else said.

"A man told me, word for word, 'you people are useless'" quotes the caller: those words are not
the candidate's red flag, negative phrase or action. "I said 'I'm so sorry'" is the candidate's
own line, and counts as theirs. Spoken answers come without quote marks ("he said you lot are
useless", "she told me I was an idiot and I said I understood"): speech reported after someone
else's speech verb is theirs too, up to where the candidate speaks again (`reported_words`).
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
    out: set[int] = set(reported_words(raws, bares, sentences))
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


# Unquoted reported speech. A verb of speech whose subject is someone else ("he said", "the caller
# shouted", "a lady who screamed"), or whose object is the candidate ("she told me", "he called me",
# "they called us"), reports their words; "and I quote" carries the report on. The report runs to
# the sentence's end or to where the candidate is the subject again after a joint ("..., so I stayed
# calm", "and I said I understood"), not to "I was" right after the verb ("told me I was an idiot").
SAID_BY = frozenset({"said", "says", "shouted", "yelled", "screamed", "snapped", "demanded", "replied",
                     "goes", "went", "swore", "kept", "started", "opened"})  # not "asked me to": a request
TO_ME = frozenset({"told", "tells", "called", "calls", "calling"})
OBJECT_ME = frozenset({"me", "us"})
THIRD = frozenset({"he", "she", "they", "you", "who", "someone", "somebody", "caller", "customer", "client",
                   "man", "woman", "lady", "guy", "gentleman", "bloke", "person", "one", "people", "callers",
                   "customers", "mum", "dad", "member"})
LEADS_ON = frozenset({"with", "that", "on", "about", "saying"})  # "started with", "went on about", "kept saying"
ADVERBS = frozenset({"once", "just", "then", "even", "literally", "actually", "also", "earlier", "again",
                     "basically", "immediately", "straight", "first", "still", "honestly", "really"})
SELF_SAYS = frozenset({"i", "we", "i'd", "i'm", "i'll", "i've", "we'd", "we're", "we'll", "we've"})
JOINTS = frozenset({"and", "so", "but", "then", "because", "which", "while", "when", "until", "till", "after"})


def reported_words(raws: Sequence[str], bares: Sequence[str], sentences: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The indexes of words someone else said, reported without quote marks after their verb."""
    low = [b.lower() for b in bares]
    out: set[int] = set()
    for s0, s1 in sentences:
        k = s0
        while k < s1:
            start = _report_starts(low, k, s0, s1)
            if start is None:
                k += 1
                continue
            end = _report_ends(raws, low, start, s1)
            out.update(range(start, end))
            k = max(end, k + 1)
    return frozenset(out)


def _report_starts(low: Sequence[str], k: int, s0: int, s1: int) -> int | None:
    """Where the words reported by a speech verb at k begin, or None if k reports none of someone
    else's."""
    w = low[k]
    if w in TO_ME and k + 1 < s1 and low[k + 1] in OBJECT_ME:
        subject = _subject(low, k, s0)
        if subject is not None and subject in SELF:
            return None
        start = k + 2
    elif w in SAID_BY and _subject(low, k, s0) in THIRD:
        start = k + 1
    else:
        return None
    while start < s1 and low[start] in LEADS_ON:
        start += 1
    if start + 2 < s1 and low[start] == "and" and low[start + 1] == "i" and low[start + 2] == "quote":
        start += 3  # "he said, and I quote, ..."
    if start >= s1 or low[start] in JOINTS or (low[start] in SELF_SAYS and w not in TO_ME):
        return None  # "he said and I said...", "she said I'd..." tell nothing of theirs; "told me I was" does
    return start


def _subject(low: Sequence[str], k: int, s0: int) -> str | None:
    """The subject word before the verb at k (adverbs skipped), None at the sentence's start."""
    j = k - 1
    while j >= s0 and low[j] in ADVERBS:
        j -= 1
    return low[j] if j >= s0 else None


def _report_ends(raws: Sequence[str], low: Sequence[str], start: int, s1: int) -> int:
    """The end of a report begun at `start`: before a joint (or a comma) that the candidate follows
    as the subject ("..., so I stayed calm"), except "and I quote"; or before the candidate as a
    subject straight after the words reported ("calling me names I'll just...", not "said I was")."""
    for j in range(start + 1, s1):
        if low[j] in SELF_SAYS and low[j - 1] not in SAID_BY | TO_ME | LEADS_ON | OBJECT_ME:
            return j
        joint = low[j] in JOINTS or raws[j - 1].rstrip().endswith((",", ";", ":"))
        if not joint:
            continue
        n = j + 1 if low[j] in JOINTS else j
        while n < s1 and low[n] in ADVERBS:
            n += 1
        if n < s1 and low[n] in SELF_SAYS and not (n + 1 < s1 and low[n + 1] == "quote"):
            return j
    return s1
