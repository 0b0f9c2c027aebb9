"""Words as the scoring compares them: lowercase parts, contractions spelled out, rough stems."""

from __future__ import annotations

import re
from functools import lru_cache

def rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """Word-bounded patterns over the normalised words (`lexicon` re-exports it)."""
    return tuple(re.compile(rf"\b(?:{p})\b") for p in patterns)


# Contractions spelled out, so one pattern ("i will") finds "I'll" and "I will" alike.
CONTRACTIONS = {
    "i'm": "i am", "i'll": "i will", "i'd": "i would", "i've": "i have",
    "you're": "you are", "you'll": "you will", "you'd": "you would", "you've": "you have",
    "we're": "we are", "we'll": "we will", "we'd": "we would", "we've": "we have",
    "they're": "they are", "they'll": "they will", "they'd": "they would", "they've": "they have",
    "he's": "he is", "she's": "she is", "it's": "it is", "that's": "that is",
    "there's": "there is", "what's": "what is", "here's": "here is", "let's": "let us",
    "he'll": "he will", "she'll": "she will", "it'll": "it will", "he'd": "he would",
    "she'd": "she would", "that'll": "that will",
    "can't": "can not", "cannot": "can not", "won't": "will not", "don't": "do not",
    "doesn't": "does not", "didn't": "did not", "isn't": "is not", "aren't": "are not",
    "wasn't": "was not", "weren't": "were not", "couldn't": "could not",
    "wouldn't": "would not", "shouldn't": "should not", "haven't": "have not",
    "hasn't": "has not", "hadn't": "had not",
}

STOPWORDS = frozenset("""
a an the and or but if so of to in on at by for with from as is are was were be been being am
i me my mine we us our you your he him his she her it its they them their this that these those
there here what which who whom whose when where why how do does did done doing have has had
having will would shall should can could may might must not no nor than then too very just also
about into over under again further once all any both each few more most other some such only
own same s t don now up down out off really get got go going went one would've ll re ve d m
let like well oh yes yeah okay ok um uh er
""".split())


def normalise_word(raw: str) -> list[str]:
    """One raw word to its plain lowercase parts ("Fast-paced," -> ["fast", "paced"])."""
    return list(_normalised(raw))


@lru_cache(maxsize=65536)
def _normalised(raw: str) -> tuple[str, ...]:
    text = raw.strip().lower().replace("\u2019", "'").replace("\u2018", "'")
    out: list[str] = []
    for part in re.split(r"[-/\u2013\u2014]+", text):
        part = re.sub(r"[^a-z0-9'%$.,]", "", part)
        part = re.sub(r"(?<=\d)[.,](?=\d)", "", part)  # 1,000 and 2.5 stay one number
        part = part.replace("$", "").replace(",", "").replace(".", "")
        part = part.strip("'")
        if part.endswith("%"):
            out.extend([part[:-1], "percent"] if part[:-1] else ["percent"])
            continue
        if part:
            out.extend(CONTRACTIONS.get(part, part).split())
    return tuple(out)


_SUFFIXES = (
    "izations", "ization", "ational", "fulness", "iveness", "ousness",
    "ments", "ment", "ness", "ions", "ion", "ings", "ing", "ised", "ized", "ises", "izes", "ise", "ize",
    "ied", "ies", "ed", "es", "ly", "ful", "ive", "al", "s", "y",
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough English stem, the same on both sides of a comparison (apologized ~ apology)."""
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopp -> stop, planned -> plan
    return w


def content_words(norms: list[str]) -> list[str]:
    return [n for n in norms if n not in STOPWORDS and len(n) > 1]
