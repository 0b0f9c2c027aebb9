"""Words of an answer with their times, phrase search, stems and evidence quotes.

Words come from the engine's raw tokens (never a Whisper text normaliser, which deletes
fillers): we only lowercase them and strip punctuation ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..types import Evidence, Transcript

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

SENTENCE_END = re.compile(r"[.!?;:]['\")\]]*$")
_EDGE_PUNCT = re.compile(r"^[^\w']+|[^\w']+$")


@dataclass(frozen=True)
class Token:
    norm: str  # lowercase, letters/digits/apostrophes only
    word: int  # index of the source word (several tokens share one after "I'll" -> "i will")


@dataclass(frozen=True)
class SourceWord:
    raw: str  # as written or transcribed, punctuation kept
    start: float | None
    end: float | None
    probability: float | None

    @property
    def bare(self) -> str:
        return _EDGE_PUNCT.sub("", self.raw.strip())


def normalise_word(raw: str) -> list[str]:
    """One raw word to its plain lowercase parts ("Fast-paced," -> ["fast", "paced"])."""
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
    return out


class Doc:
    """An answer as tokens that remember their source word (and so its time)."""

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        if transcript.words:
            self.words = [SourceWord(w.word, w.start, w.end, w.probability) for w in transcript.words]
        else:
            self.words = [SourceWord(raw, None, None, None) for raw in transcript.text.split()]
        self.tokens: list[Token] = []
        for index, w in enumerate(self.words):
            self.tokens.extend(Token(part, index) for part in normalise_word(w.raw))
        self.text = " ".join(t.norm for t in self.tokens)
        # Character offset of each token in self.text, to turn a regex match into tokens.
        self._starts: list[int] = []
        pos = 0
        for t in self.tokens:
            self._starts.append(pos)
            pos += len(t.norm) + 1

    @property
    def timed(self) -> bool:
        return self.transcript.timed and bool(self.transcript.words)

    @property
    def n_words(self) -> int:
        """Spoken words, counted as the engine or the typist wrote them."""
        return sum(1 for w in self.words if w.bare)

    @cached_property
    def norms(self) -> list[str]:
        return [t.norm for t in self.tokens]

    def speech_span(self) -> tuple[float, float] | None:
        """Start of the first word and end of the last, for timed answers."""
        if not self.timed:
            return None
        return self.words[0].start, self.words[-1].end

    def speech_seconds(self) -> float | None:
        span = self.speech_span()
        return None if span is None else max(0.0, span[1] - span[0])

    # --- finding phrases --------------------------------------------------------------

    def token_at(self, char: int) -> int:
        """The token whose text contains this character offset of self.text."""
        lo, hi = 0, len(self._starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def char_of(self, token: int) -> int:
        """Character offset of a token in self.text (its length past the last token)."""
        return self._starts[token] if token < len(self._starts) else len(self.text)

    def find(self, pattern: re.Pattern[str] | str) -> list[tuple[int, int]]:
        """Token spans [i, j) where a regex over the lowercase words matches."""
        if not self.tokens:
            return []
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        spans = []
        for m in rx.finditer(self.text):
            if m.end() == m.start():
                continue
            spans.append((self.token_at(m.start()), self.token_at(m.end() - 1) + 1))
        return spans

    def find_all(self, patterns) -> list[tuple[int, int]]:
        """Spans for several patterns, overlapping ones counted once, in order."""
        spans = sorted({s for p in patterns for s in self.find(p)})
        kept: list[tuple[int, int]] = []
        for s in spans:
            if kept and s[0] < kept[-1][1]:
                continue
            kept.append(s)
        return kept

    # --- sentences and quotes ---------------------------------------------------------

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Word-index spans of sentences (by punctuation; long unpunctuated runs are chunked)."""
        spans: list[tuple[int, int]] = []
        start = 0
        for i, w in enumerate(self.words):
            if SENTENCE_END.search(w.raw.strip()) or i - start >= 30:
                spans.append((start, i + 1))
                start = i + 1
        if start < len(self.words):
            spans.append((start, len(self.words)))
        return spans

    def starts_sentence(self, token: int) -> bool:
        word = self.tokens[token].word
        if token > 0 and self.tokens[token - 1].word == word:
            return False
        return any(s == word for s, _ in self.sentences)

    def token_words(self, i: int, j: int) -> tuple[int, int]:
        """Token span to source-word span."""
        return self.tokens[i].word, self.tokens[j - 1].word + 1

    def quote_words(self, a: int, b: int, note: str = "") -> Evidence:
        """Evidence quoting source words [a, b) with their times."""
        a, b = max(0, a), min(len(self.words), b)
        text = " ".join(w.raw.strip() for w in self.words[a:b])
        text = re.sub(r"^[^\w'$]+|[^\w'%?!]+$", "", text)
        start = self.words[a].start if b > a else None
        end = self.words[b - 1].end if b > a else None
        return Evidence(quote=text, start=start, end=end, note=note)

    def quote(self, i: int, j: int, note: str = "", context: int = 3, limit: int = 16) -> Evidence:
        """Evidence for token span [i, j): the words found plus a little of their sentence."""
        a, b = self.token_words(i, j)
        s0, s1 = next(((s, e) for s, e in self.sentences if s <= a < e), (a, b))
        a2, b2 = max(s0, a - context), min(max(s1, b), b + context)
        if b2 - a2 > limit:
            a2, b2 = a, min(b2, a + limit)
        return self.quote_words(a2, b2, note)

    def quote_sentence_of(self, word: int, note: str = "", limit: int = 20) -> Evidence:
        s0, s1 = next(((s, e) for s, e in self.sentences if s <= word < e), (word, word + 1))
        return self.quote_words(s0, min(s1, s0 + limit), note)


# --- stems -------------------------------------------------------------------------------

_SUFFIXES = (
    "izations", "ization", "ational", "fulness", "iveness", "ousness",
    "ments", "ment", "ness", "ions", "ion", "ings", "ing", "ised", "ized", "ises", "izes", "ise", "ize",
    "ied", "ies", "ed", "es", "ly", "ful", "ive", "al", "s", "y",
)


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


def format_time(seconds: float | None) -> str:
    """1:12 for 72 s: how a tip points to a moment in the answer."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"
