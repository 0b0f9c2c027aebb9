"""Matching an answer's words to a key point's: by stem, synonym or a near spelling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..types import KeyPoint
from . import lexicon as lx
from . import thresholds as th
from . import topics
from .text import Doc
from .words import STOPWORDS, content_words, normalise_word, stem


@lru_cache(maxsize=None)
def synonym_groups(word_stem: str) -> frozenset[int]:
    return frozenset(i for i, group in enumerate(topics.SYNONYMS) if word_stem in _group_stems(i))


@lru_cache(maxsize=None)
def _group_stems(i: int) -> frozenset[str]:
    return frozenset(stem(w) for w in topics.SYNONYMS[i])


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Two lowercase words mean the same here: same stem, synonyms, or a near spelling."""
    if a == b:
        return True
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    if synonym_groups(sa) & synonym_groups(sb):
        return True
    if len(a) >= th.FUZZY_MIN_WORD_LENGTH and len(b) >= th.FUZZY_MIN_WORD_LENGTH:
        return fuzz.ratio(a, b) >= th.FUZZY_WORD_RATIO
    return False


def phrase_words(phrase: str) -> list[str]:
    """The words of a phrasing that must be found; [] when only the whole phrase will do."""
    norms = [n for raw in phrase.split() for n in normalise_word(raw)]
    words = content_words(norms)
    if len(words) < 2 and len(norms) >= 3:
        return []  # "went out of my way": one content word would match anything with "way"
    return words or [n for n in norms if n not in lx.FILLER_SOUNDS]


def match_phrase(doc: Doc, phrase: str) -> tuple[float, tuple[int, int] | None]:
    """Share of the phrase's content words found close together, and the token span."""
    if not doc.tokens:
        return 0.0, None
    concept = lx.KEY_POINT_CONCEPTS.get(phrase.strip().lower())
    if concept is not None:  # "result", "example": found by what they name, not the word
        spans = doc.find_all(concept)
        if concept is lx.RESULT:
            spans = _after_first_action(doc, spans)
        if spans:
            return 1.0, spans[0]
    wanted = phrase_words(phrase)
    if not wanted:
        return _whole_phrase(doc, phrase, th.SHORT_PHRASE_RATIO)
    hits: list[tuple[int, int]] = []  # (token position, index of the wanted word)
    for pos, norm in enumerate(doc.norms):
        if norm in STOPWORDS and norm not in wanted:
            continue
        for k, w in enumerate(wanted):
            if same_word(w, norm):
                hits.append((pos, k))
    if not hits:
        return 0.0, None
    width = max(th.KEY_POINT_WINDOW_WORDS, 2 * len(wanted) + 4)
    best, best_span, best_found, best_rank, left = 0, None, set(), (0, False, 0), 0
    for right in range(len(hits)):
        while hits[right][0] - hits[left][0] >= width:
            left += 1
        found = {k for _, k in hits[left:right + 1]}
        # the tightest window holding them: "the account number so I can verify the account? Let
        # me pull up your account" says "pull up your account" at its end, not at "account number"
        tight = left
        while {k for _, k in hits[tight + 1:right + 1]} == found:
            tight += 1
        span = (hits[tight][0], hits[right][0] + 1)
        # ...and, as tight, the one in the phrasing's order ("account? Let me pull" is not it)
        rank = (len(found), _in_order(hits[tight:right + 1]), span[0] - span[1])
        if best_span is None or rank > best_rank:
            best, best_span, best_found, best_rank = len(found), span, found, rank
    share = best / len(wanted)
    if share < 1 and all(stem(wanted[k]) in generic_stems() for k in best_found):
        # Part of a phrasing found only in words every answer uses says nothing of it: "A call
        # center gives me that every day" has "call" and "every" of "every call is different",
        # and not "different", the word that makes it the point (it was told "about the fast pace").
        share, best_span = 0.0, None
    if share < 1:
        whole, span = _whole_phrase(doc, phrase)
        if whole:
            return whole, span
    return share, best_span


def _in_order(hits: list[tuple[int, int]]) -> bool:
    """Whether the wanted words first appear in the window in the phrasing's order."""
    firsts = [k for n, (_, k) in enumerate(hits) if k not in {j for _, j in hits[:n]}]
    return firsts == sorted(firsts)


def _after_first_action(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A result follows what was done: a change told before the candidate's first action is the
    problem ("a customer called because her heating bill had doubled"), not how it turned out.
    An answer with no action keeps every span."""
    actions = doc.find_all(lx.ACTIONS)
    return [s for s in spans if s[0] >= actions[0][0]] if actions else spans


def _whole_phrase(doc: Doc, phrase: str, ratio: float = th.WHOLE_PHRASE_RATIO) -> tuple[float, tuple[int, int] | None]:
    """The phrase itself, heard slightly wrong ("fast paced" as "fastpaced") still counts."""
    joined = " ".join(n for w in phrase.split() for n in normalise_word(w))
    if len(joined) < 8:
        return 0.0, None
    al = fuzz.partial_ratio_alignment(joined, doc.text)
    if al is None or al.score < ratio:
        return 0.0, None
    return 1.0, (doc.token_at(al.dest_start), doc.token_at(max(al.dest_start, al.dest_end - 1)) + 1)


@dataclass(frozen=True)
class PointMatch:
    """How well the answer covers one key point: the best phrasing's share and where it was heard."""

    point: KeyPoint
    share: float
    span: tuple[int, int] | None
    phrasing: str
    index: int = 0  # the point's place among the question's (or the customer line's) key points

    @property
    def covered(self) -> bool:
        return self.share >= th.KEY_POINT_COVERED_SHARE and self.span is not None

    @property
    def topical(self) -> bool:
        """Covered by words about the subject, not by a generic part of any answer ("result",
        "so I"): only these say the answer is about what was asked."""
        if self.phrasing.strip().lower() in lx.KEY_POINT_CONCEPTS:
            return False
        words = content_words([n for raw in self.phrasing.split() for n in normalise_word(raw)])
        return any(stem(w) not in generic_stems() for w in words)


def subject_point(point: KeyPoint) -> bool:
    """A key point with at least one phrasing about the subject (see PointMatch.topical)."""
    return any(PointMatch(point, 1.0, (0, 0), ph).topical for ph in point.phrasings)


def match_points(doc: Doc, points: Sequence[KeyPoint]) -> list[PointMatch]:
    """How well the answer covers each key point (points without phrasings are left out)."""
    out = []
    for index, point in enumerate(points):
        if not point.phrasings:
            continue
        best = max(((match_phrase(doc, ph), ph) for ph in point.phrasings), key=lambda r: r[0][0])
        (share, span), phrasing = best
        out.append(PointMatch(point, share, span, phrasing, index))
    return out


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    """Stems of the words almost every call-center answer uses (`topics.GENERIC_WORDS`)."""
    return frozenset(stem(w) for w in topics.GENERIC_WORDS)
