"""An answer as searchable tokens that remember their words' times, and quotes of whole phrases.

Words come from the engine's raw tokens (never a Whisper text normaliser, which deletes
fillers): we only lowercase them and strip punctuation ourselves (`words.normalise_word`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..types import Evidence, Transcript
from . import quoted
from .words import normalise_word

SENTENCE_END = re.compile(r"[.!?;:]['\")\]]*$")
LONGEST_SENTENCE = 30  # words: a run without a full stop is cut into sentences of about this length
PIECE_END = re.compile(r"(?:[,;:\u2013\u2014]|--|\.\.\.|\u2026)['\")\]]*$")
QUOTE_WORDS = 18  # the longest quote a tip reads back, when the phrases allow
# Words that open a new clause, so a quote may start there ("...two months, so I filed...").
CLAUSE_OPENERS = frozenset({"so", "because", "but", "which", "although", "though", "while",
                            "whereas", "unless", "since", "until", "otherwise"})
CLAUSE_SUBJECTS = frozenset({"i", "i'm", "i'd", "i'll", "i've", "we", "we'd", "we'll", "she", "he",
                             "they", "it", "you", "that", "this", "my", "our", "her", "his", "their",
                             "the", "then"})
# Words that open a clause with the opener after them: "just so", "even though", "only because".
LEANS_ON_OPENER = frozenset({"just", "even", "only", "simply", "mainly", "partly", "mostly", "especially"})
LINKS = frozenset({"so", "and", "but", "then", "or"})  # dropped from the front of a quote
LEADS = frozenset({"where", "when", "while"})  # ...and these, before a subject ("where I handled")
# Where a phrase may start inside a long unpunctuated run.
PHRASE_STARTS = CLAUSE_OPENERS | {"and", "then", "when", "if", "i", "we", "she", "he", "they", "to",
                                  "for", "with", "at", "in", "after", "before", "that"}
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


# What a terminal would act on in typed text, not words: escape sequences (CSI "ESC [ 2 J", OSC
# "ESC ] 0 ; title BEL", the one-byte C1 CSI) and other control characters.
TERMINAL_SEQUENCES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
                                r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Typed text as words only: terminal sequences dropped, other control characters as spaces."""
    return CONTROLS.sub(" ", TERMINAL_SEQUENCES.sub("", text))


MIN_QUOTE_WORDS = 3  # a quote shorter than this says nothing a reader can place


class Doc:
    """An answer as tokens that remember their source word (and so its time)."""

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        if transcript.words:
            self.words = [SourceWord(w.word, w.start, w.end, w.probability) for w in transcript.words]
        else:
            self.words = [SourceWord(raw, None, None, None) for raw in plain(transcript.text).split()]
        self.tokens: list[Token] = []
        for index, w in enumerate(self.words):
            self.tokens.extend(Token(part, index) for part in normalise_word(w.raw))
        self._glued = transcript.glued() if transcript.words else (False,) * len(self.words)
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
        """Seconds from the first word to the last, leaving out the gap before each follow-up
        and the stretches the engine could not transcribe (their words are unknown)."""
        if not self.timed:
            return None
        total = 0.0
        for a, b in self.segments:
            if b > a:
                start, end = self.words[a].start or 0.0, self.words[b - 1].end or 0.0
                total += max(0.0, end - start - self.unclear_within(start, end))
        return total

    def unclear_within(self, start: float, end: float) -> float:
        """Seconds of `Transcript.unclear` stretches between two times."""
        return sum(max(0.0, min(end, b) - max(start, a)) for a, b in self.transcript.unclear)

    # --- follow-ups: the answer and each follow-up answer are separate segments ---------

    @cached_property
    def segment_starts(self) -> list[float]:
        """When each part of the answer began: 0, then each `Transcript.breaks` time."""
        if not self.timed:
            return [0.0]
        return [0.0, *sorted(b for b in self.transcript.breaks if b > 0)]

    @cached_property
    def segments(self) -> list[tuple[int, int]]:
        """Word spans of the answer and of each follow-up answer (one span without breaks)."""
        starts = self.segment_starts
        bounds = [0]
        for t in starts[1:]:
            k = bounds[-1]
            while k < len(self.words) and (self.words[k].start or 0.0) < t:
                k += 1
            bounds.append(k)
        bounds.append(len(self.words))
        return [(bounds[i], bounds[i + 1]) for i in range(len(starts))]

    def segment_of(self, word: int) -> int:
        return next((n for n, (a, b) in enumerate(self.segments) if a <= word < b), 0)

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
        """Word-index spans of sentences (by punctuation; long unpunctuated runs are chunked;
        a follow-up answer always starts a new sentence)."""
        spans: list[tuple[int, int]] = []
        ends = {b for _, b in self.segments}
        start = cut = 0  # cut: where the last comma or new clause lets a long run be cut
        for i, w in enumerate(self.words):
            if i > start and (self._opens_clause(i) or PIECE_END.search(self.words[i - 1].raw.strip())):
                cut = i
            if i - start >= LONGEST_SENTENCE and cut - start >= LONGEST_SENTENCE // 3:
                # A long run is cut where a clause ends, not in the middle of one ("...then
                # writing | notes so nobody has to ask them again").
                spans.append((start, cut))
                start = cut
            if SENTENCE_END.search(w.raw.strip()) or i - start >= LONGEST_SENTENCE or i + 1 in ends:
                spans.append((start, i + 1))
                start = i + 1
        if start < len(self.words):
            spans.append((start, len(self.words)))
        return spans

    @cached_property
    def others_words(self) -> frozenset[int]:
        """Words someone else said, quoted (`quoted.others_words`): "A man told me, word for word,
        'you people are useless'", not the candidate's own line ("I said 'I'm so sorry'")."""
        return quoted.others_words([w.raw for w in self.words], [w.bare for w in self.words], self.sentences)

    def quoted_from_others(self, token: int) -> bool:
        """Whether the token is in words someone else said (`others_words`)."""
        return self.tokens[token].word in self.others_words

    def sentence_of(self, word: int) -> tuple[int, int]:
        return next(((s, e) for s, e in self.sentences if s <= word < e), (word, word + 1))

    @cached_property
    def pieces(self) -> list[tuple[int, int]]:
        """Word spans of phrases: sentences cut at commas, colons and dashes, and before a word
        that opens a new clause ("so", "because", "and she..."). Quotes are made of whole pieces."""
        out: list[tuple[int, int]] = []
        for s0, s1 in self.sentences:
            start = s0
            for k in range(s0, s1):
                if k > start and self._opens_clause(k):
                    out.append((start, k))
                    start = k
                if k + 1 < s1 and PIECE_END.search(self.words[k].raw.strip()):
                    out.append((start, k + 1))
                    start = k + 1
            if start < s1:
                out.append((start, s1))
        return out

    def _opens_clause(self, k: int) -> bool:
        word = self.words[k].bare.lower()
        nxt = self.words[k + 1].bare.lower() if k + 1 < len(self.words) else ""
        if word in CLAUSE_OPENERS:  # ...unless a word that leans on it comes first: "just so she..."
            return not (k and self.words[k - 1].bare.lower() in LEANS_ON_OPENER)
        if word in LEANS_ON_OPENER:
            return nxt in CLAUSE_OPENERS
        return word in ("and", "then", "or") and nxt in CLAUSE_SUBJECTS

    def phrase(self, a: int, b: int, limit: int = QUOTE_WORDS, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        """The word span [a, b) grown to whole pieces of its sentence, at most `limit` words when
        the pieces allow (and inside [lo, hi)): what a person would quote back."""
        hi = len(self.words) if hi is None else hi
        if not self.words or a >= b:
            return a, b
        s0, s1 = self.sentence_of(a)
        s0, s1 = max(s0, lo), min(max(s1, b), hi)
        if s1 - s0 <= limit:
            return s0, s1
        inside = [p for p in self.pieces if p[0] < s1 and p[1] > s0]
        inside = [(max(p0, s0), min(p1, s1)) for p0, p1 in inside]
        first = next(n for n, p in enumerate(inside) if p[1] > a)
        last = next((n for n, p in enumerate(inside) if p[1] >= b), len(inside) - 1)
        span = (inside[first][0], inside[last][1])
        if span[1] - span[0] > limit and last == first:
            return self._window(a, b, span, limit)
        grew = True
        while grew:
            grew = False
            # A quote that starts its own clause only grows on; one that starts mid-list ("set up a
            # plan, and...") or leans on the clause before ("because...") first grows back.
            order = ("on",) if self._clause_start(span[0], s0) else ("back", "on")
            for way in order:
                if way == "on" and last + 1 < len(inside) and inside[last + 1][1] - span[0] <= limit:
                    last += 1
                    span, grew = (span[0], inside[last][1]), True
                elif way == "back" and first > 0 and span[1] - inside[first - 1][0] <= limit:
                    first -= 1
                    span, grew = (inside[first][0], span[1]), True
        # "so I filed a correction" reads back better as "I filed a correction".
        first_word = self.words[span[0]].bare.lower()
        after = self.words[span[0] + 1].bare.lower() if span[0] + 1 < len(self.words) else ""
        if span[0] < a and span[1] - span[0] > 2 and (
                first_word in LINKS or (first_word in LEADS and after in CLAUSE_SUBJECTS)):
            span = (span[0] + 1, span[1])
        if span[1] - span[0] < MIN_QUOTE_WORDS < s1 - s0:
            # A piece too short to say anything ("Ever," of "Ever since the leisure centre put me
            # on the front desk..."): the words around it, cut where a phrase starts.
            return self._window(a, b, (s0, s1), limit)
        return span

    def _clause_start(self, k: int, sentence_start: int) -> bool:
        """Whether a quote starting at word k starts a clause of its own ("I filed...", "and
        she was..."), rather than mid-phrase ("set up a plan") or a clause that leans on the
        one before ("because her bill...")."""
        if k <= sentence_start:
            return True
        word = self.words[k].bare.lower()
        nxt = self.words[k + 1].bare.lower() if k + 1 < len(self.words) else ""
        return word in CLAUSE_SUBJECTS or (word in LINKS | LEADS and nxt in CLAUSE_SUBJECTS)

    def _window(self, a: int, b: int, piece: tuple[int, int], limit: int) -> tuple[int, int]:
        """One unpunctuated run longer than the limit: cut before words that start a phrase."""
        p0, p1 = piece
        if b - a >= limit:
            return a, b
        start = max(p0, min(a, b - limit))
        for k in range(start, a + 1):
            if self.words[k].bare.lower() in PHRASE_STARTS or k == p0:
                start = k
                break
        end = min(p1, start + limit)
        for k in range(end, b - 1, -1):
            if k == p1 or self.words[k].bare.lower() in PHRASE_STARTS:
                end = k
                break
        return start, max(end, b)

    def ends_with(self, token: int, marks: tuple[str, ...]) -> bool:
        """Whether the word a token comes from is written ending in one of these marks (",")."""
        return self.words[self.tokens[token].word].raw.strip().endswith(marks)

    def starts_sentence(self, token: int) -> bool:
        word = self.tokens[token].word
        if token > 0 and self.tokens[token - 1].word == word:
            return False
        return any(s == word for s, _ in self.sentences)

    def token_words(self, i: int, j: int) -> tuple[int, int]:
        """Token span to source-word span."""
        return self.tokens[i].word, self.tokens[j - 1].word + 1

    def quote_words(self, a: int, b: int, note: str = "", **typed) -> Evidence:
        """Evidence quoting source words [a, b) with their times (`typed`: its kind, label...)."""
        a, b = max(0, a), min(len(self.words), b)
        text = "".join(("" if k > a and self._glued[k] else " ") + self.words[k].raw.strip() for k in range(a, b)).strip()
        text = re.sub(r"^[^\w'$]+|[^\w'%?!]+$", "", text)
        start = self.words[a].start if b > a else None
        end = self.words[b - 1].end if b > a else None
        return Evidence(quote=text, start=start, end=end, note=note, **typed)

    def quote(self, i: int, j: int, note: str = "", context: int = 3, limit: int = QUOTE_WORDS,
              snap: bool = True, **typed) -> Evidence:
        """Evidence for token span [i, j): the whole phrase or clause it sits in (`snap`), or
        the words found plus `context` words of their sentence either side (for word marks)."""
        a, b = self.token_words(i, j)
        if snap:
            return self.quote_words(*self.phrase(a, b, limit), note, **typed)
        s0, s1 = self.sentence_of(a)
        a2, b2 = max(s0, a - context), min(max(s1, b), b + context)
        if b2 - a2 > limit:
            a2, b2 = a, min(b2, a + limit)
        return self.quote_words(a2, b2, note, **typed)

    def said(self, i: int, j: int) -> str:
        """The words of token span [i, j) as they were said (for an evidence label)."""
        a, b = self.token_words(i, j)
        return " ".join(w.bare for w in self.words[a:b] if w.bare)

    def quote_sentence_of(self, word: int, note: str = "", limit: int = 20, **typed) -> Evidence:
        """The sentence a word is in, cut to whole pieces when it is longer than `limit`."""
        if not self.words:
            return Evidence(quote="", note=note, **typed)
        word = max(0, min(word, len(self.words) - 1))
        return self.quote_words(*self.phrase(word, word + 1, limit), note, **typed)

    def opening(self, note: str = "", limit: int = QUOTE_WORDS, **typed) -> Evidence | None:
        """The answer's first sentence (or its first phrases), for tips about the whole answer."""
        if not self.words:
            return None
        s0, s1 = self.sentences[0]
        if s1 - s0 < MIN_QUOTE_WORDS and len(self.sentences) > 1 and self.segment_of(s1) == self.segment_of(s0):
            # "Honestly?" read back alone says nothing of the answer: the next sentence goes with it
            t0, t1 = self.sentences[1]
            return self.quote_words(s0, self.phrase(t0, t0 + 1, max(1, limit - (s1 - s0)), hi=t1)[1], note, **typed)
        return self.quote_words(*self.phrase(s0, s0 + 1, limit, hi=s1), note, **typed)

    def ending(self, note: str = "", limit: int = QUOTE_WORDS, **typed) -> Evidence | None:
        """The answer's last sentence (or its last phrases): how it ended."""
        if not self.words:
            return None
        s0, s1 = self.sentences[-1]
        a, b = self.phrase(s1 - 1, s1, limit, lo=s0)
        return self.quote_words(a, b, note, **typed)

