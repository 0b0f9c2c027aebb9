"""Key points by meaning and stance: which clause of the answer says each point, or denies it.

A point is covered by a clause that means one of its phrasings (the meaning model) or says its
words (the spelling matcher, `matching.py`), with the same stance: "I don't enjoy helping
people" means the words of "enjoy helping people" and denies them, so it denies the point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from ..types import Coverage, KeyPoint
from . import semantic
from . import thresholds as th
from .clauses import Clause, about_others, agrees
from .matching import PointMatch
from .text import Doc
from .words import content_words, normalise_word


@dataclass(frozen=True)
class PointReading:
    """How the answer treats one key point."""

    point: KeyPoint
    index: int  # its place among the question's (or the customer line's) key points
    coverage: Coverage
    clause: Clause | None  # the clause that says (or denies) it; None when missing
    similarity: float  # how near that clause is to the point's nearest phrasing (1.0: its words)
    phrasing: str  # the phrasing it is nearest to
    topical: bool  # said in words about the subject, not by a generic part of any answer

    @property
    def covered(self) -> bool:
        return self.coverage is Coverage.COVERED


def _meaningful(phrasing: str) -> bool:
    """A phrasing the meaning model can compare: one with a content word ("first" has none)."""
    return bool(content_words([n for raw in phrasing.split() for n in normalise_word(raw)]))


class PointVectors:
    """The phrasings of a question's key points, embedded once per process."""

    def __init__(self, points: Sequence[KeyPoint]):
        self.points = tuple(points)
        self.rows: list[tuple[int, str]] = [(i, ph) for i, p in enumerate(self.points)
                                            for ph in p.phrasings if _meaningful(ph)]

    @cached_property
    def vectors(self) -> np.ndarray:
        return semantic.embed([ph for _, ph in self.rows]) if self.rows else np.zeros((0, 384), np.float32)


@lru_cache(maxsize=256)
def point_vectors(points: tuple[KeyPoint, ...]) -> PointVectors:
    return PointVectors(points)


def read_points(points: Sequence[KeyPoint], doc: Doc, clauses: Sequence[Clause], vectors: np.ndarray,
                spelled: Sequence[PointMatch], unsaid: set[int] = frozenset()) -> list[PointReading]:
    """Each key point (with phrasings) as covered, partly covered, denied or missing.

    The best clause with the point's stance covers it when near enough (`th.POINT_COVERED`), or
    when it holds the point's words; the best clause of the opposite stance denies it when it is
    nearer than any that says it (`th.POINT_DENIED`). Clauses holding a word of `unsaid` (a red
    flag: "I'd tell them to calm down" is not staying calm) may deny a point, never say it.
    """
    table = point_vectors(tuple(points))
    sims = vectors @ table.vectors.T if len(clauses) and table.rows else np.zeros((len(clauses), len(table.rows)))
    by_index = {m.index: m for m in spelled}
    out: list[PointReading] = []
    for index, point in enumerate(points):
        if not point.phrasings:
            continue
        cols = [k for k, (i, _) in enumerate(table.rows) if i == index]
        best_say = (0.0, None, point.label)  # (similarity, clause, phrasing)
        best_deny = (0.0, None, point.label)
        pairs = sorted(((float(sims[c_i, k]), c_i, k) for c_i in range(len(clauses)) for k in cols), reverse=True)
        for sim, c_i, k in pairs:
            if sim < th.POINT_PARTIAL or (best_say[1] is not None and best_deny[1] is not None):
                break
            clause, phrasing = clauses[c_i], table.rows[k][1]
            if agrees(clause.text, phrasing):
                if best_say[1] is None and not _inside(clause, unsaid):
                    best_say = (sim, clause, phrasing)
            elif best_deny[1] is None and not about_others(clause.text):
                best_deny = (sim, clause, phrasing)
        words = by_index.get(index)
        if words is not None and words.covered and words.span is not None:
            clause = _clause_of(clauses, doc.token_words(*words.span)[0])
            if clause is not None:
                if agrees(clause.text, words.phrasing):
                    if best_say[0] < 1.0 and not _inside(clause, unsaid):
                        best_say = (1.0, clause, words.phrasing)
                elif best_deny[0] < th.POINT_DENIED and not about_others(clause.text):
                    best_deny = (th.POINT_DENIED, clause, words.phrasing)
        topical = words.topical if words is not None and best_say[0] >= 1.0 else _meaningful(best_say[2])
        if best_deny[0] >= th.POINT_DENIED and best_deny[0] > best_say[0]:
            out.append(PointReading(point, index, Coverage.DENIED, best_deny[1], best_deny[0], best_deny[2], topical))
        elif best_say[0] >= th.POINT_COVERED:
            out.append(PointReading(point, index, Coverage.COVERED, best_say[1], best_say[0], best_say[2], topical))
        elif best_say[0] >= th.POINT_PARTIAL:
            out.append(PointReading(point, index, Coverage.PARTIAL, best_say[1], best_say[0], best_say[2], topical))
        else:
            out.append(PointReading(point, index, Coverage.MISSING, None, best_say[0], best_say[2], topical))
    return out


def _inside(clause: Clause, words: set[int]) -> bool:
    return any(clause.start <= k < clause.end for k in words)


def _clause_of(clauses: Sequence[Clause], first: int) -> Clause | None:
    """The smallest clause holding a word (the first of a spelled match)."""
    holding = [c for c in clauses if c.start <= first < c.end]
    return min(holding, key=lambda c: c.words) if holding else None
