"""Key points by meaning and stance: which clause of the answer says each point, or denies it.

A point is covered by a clause that means one of its phrasings (the meaning model) or says its
words (the spelling matcher, `matching.py`), with the same stance: "I don't enjoy helping
people" means the words of "enjoy helping people" and denies them, so it denies the point.
A point's phrasings are joined by the everyday sentences of its idea (`exemplars.yaml`,
point_ideas), a clause holding an idiom is also read in plain words (`plain.py`), and a clause
that says a neighbouring point is not taken for this one ("Evenings are fine" is no word on weekends).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np

from ..types import Coverage, KeyPoint, Transcript
from . import semantic
from . import thresholds as th
from .clauses import Clause, norms_of
from .exemplars import exemplars
from .matching import PointMatch, generic_stems, match_phrase
from .point_denials import can_deny, done_already, taken_back
from .text import Doc
from .times import names_only_other_times, point_time
from .verdict import judged_stance, judged_subject, says
from .words import STOPWORDS, content_words, normalise_word, stem


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
    """The phrasings of a question's key points, embedded once per process, then the everyday
    sentences of the ideas each point joins (`exemplars.yaml`, point_ideas), then each point's own
    example sentences (the bank's `examples:`, embedded when the question is asked)."""

    def __init__(self, points: Sequence[KeyPoint]):
        self.points = tuple(points)
        self.rows: list[tuple[int, str]] = [(i, ph) for i, p in enumerate(self.points)
                                            for ph in p.phrasings if _meaningful(ph)]
        self.said = len(self.rows)  # rows past this are idea and example sentences, compared by meaning only
        ideas = [(i, j) for i, p in enumerate(self.points) for j in _idea_rows(p)]
        self.idea_rows = [j for _, j in ideas]
        self.rows += [(i, semantic.idea_exemplars().texts[j]) for i, j in ideas]
        self.examples = len(self.rows)  # rows from here are the points' example sentences
        self.rows += [(i, ex) for i, p in enumerate(self.points) for ex in p.examples]
        named = exemplars().point_ideas
        # the words a clause must hold to say each row (an idea's `needs`; none for a phrasing or example)
        self.needs = [frozenset()] * self.said + [named[semantic.idea_exemplars().labels[j]].needs for _, j in ideas] \
            + [frozenset()] * (len(self.rows) - self.examples)

    @cached_property
    def vectors(self) -> np.ndarray:
        said = semantic.embed([ph for _, ph in self.rows[:self.said]]) if self.said else np.zeros((0, 384), np.float32)
        parts = [said, semantic.idea_exemplars().vectors[self.idea_rows]] if self.idea_rows else [said]
        if len(self.rows) > self.examples:
            parts.append(semantic.embed([ex for _, ex in self.rows[self.examples:]]))
        return np.vstack(parts) if len(parts) > 1 else said

    @cached_property
    def neighbours(self) -> np.ndarray:
        """Which points are neighbouring ideas: some phrasings of the two are near
        (`th.POINT_NEIGHBOURS`: "evenings" and "weekends", "stayed calm" and "calmed down")."""
        n = len(self.points)
        out = np.zeros((n, n), dtype=bool)
        sims = self.vectors[:self.said] @ self.vectors[:self.said].T
        for a, (i, _) in enumerate(self.rows[:self.said]):
            for b, (j, _) in enumerate(self.rows[:self.said]):
                out[i, j] |= i != j and sims[a, b] >= th.POINT_NEIGHBOURS
        return out


def _idea_rows(point: KeyPoint) -> list[int]:
    """The rows of `semantic.idea_exemplars` whose idea the point joins (by one of its phrasings)."""
    ideas = exemplars().point_ideas
    phrasings = {ph.strip().lower() for ph in point.phrasings}
    return [j for j, name in enumerate(semantic.idea_exemplars().labels) if ideas[name].joins & phrasings]


@lru_cache(maxsize=256)
def point_vectors(points: tuple[KeyPoint, ...]) -> PointVectors:
    return PointVectors(points)


def read_points(points: Sequence[KeyPoint], doc: Doc, clauses: Sequence[Clause], vectors: np.ndarray,
                spelled: Sequence[PointMatch], unsaid: set[int] = frozenset(),
                plain: Sequence[str] = (), plain_vectors: np.ndarray | None = None,
                said_back: frozenset[int] = frozenset(), judged: bool = True,
                on_a_call: bool = False) -> list[PointReading]:
    """Each key point (with phrasings) as covered, partly covered, denied or missing.

    The best clause with the point's stance covers it when near enough (`th.POINT_COVERED`), or
    when it holds the point's words; the best clause of the opposite stance denies it when it is
    nearer than any that says it (`th.POINT_DENIED`). Clauses holding a word of `unsaid` (a red
    flag: "I'd tell them to calm down" is not staying calm) may deny a point, never say it.
    A clause is also read in `plain` words when it holds an idiom (`plain.py`; "" when not), with
    its `plain_vectors`. A clause that says another point (`_nearness`) covers a point only by its
    own words, or about as nearly: "Evenings are fine" is not about weekends. A clause of
    `said_back` (by place: the question said back, `said_back.py`) may deny a point, never say it.
    With `judged`, a clause naming the part of the job its sentence then judges takes that verdict
    (`verdict.says`); not where the question asks about the candidate ("Delegating has never been my
    strong point" answers "What's your greatest weakness?"); a part of the job named in other words
    and turned down denies the point its words alone are near (`_judged_away`), not in a reply on a
    call (`on_a_call`: "Billing isn't my department, but I'll put you through" turns nothing down).
    """
    table = point_vectors(tuple(points))
    sims, readings = _similarities(table, clauses, vectors, plain, plain_vectors)
    by_index = {m.index: m for m in spelled}
    near = _nearness(len(points), table, sims, clauses, doc, spelled)
    heard = _by_example(len(points), table, sims, len(clauses))
    said_back_clauses = [clauses[i] for i in said_back]
    subjects = _subjects_judged_away(clauses) if judged and not on_a_call else []
    out: list[PointReading] = []
    for index, point in enumerate(points):
        if not point.phrasings:
            continue
        cols = [k for k, (i, _) in enumerate(table.rows) if i == index]
        time = point_time(point.phrasings)
        best_say = (0.0, None, point.label)  # (similarity, clause, phrasing)
        best_deny = (0.0, None, point.label)
        pairs = sorted(((float(sims[c_i, k]), c_i, k) for c_i in range(len(clauses)) for k in cols), reverse=True)
        for sim, c_i, k in pairs:
            if sim < th.POINT_PARTIAL or (best_say[1] is not None and best_deny[1] is not None):
                break
            if _neighbours(near[c_i], table.neighbours[index], sim) or not _holds(table.needs[k], clauses[c_i], plain, c_i):
                continue
            if names_sibling(clauses[c_i].text, point.phrasings) or (
                    time is not None and names_only_other_times(clauses[c_i].text, time)):
                continue  # "I can work weekdays" names weekends' sibling; "nine to five" is not the evening
            if k >= table.examples and (sim < th.POINT_COVERED or not heard[c_i, index]):
                continue  # an example says the point or nothing: near one in part is near its subject
            clause, phrasing = clauses[c_i], table.rows[k][1]
            if says(clauses, clause, readings[c_i][k], phrasing, judged):
                if best_say[1] is None and not _inside(clause, unsaid) and c_i not in said_back:
                    best_say = (sim, clause, phrasing)
            elif best_deny[1] is None and (k < table.said or (judged and judged_stance(clauses, clause, phrasing) == -1)) \
                    and can_deny(clause.text, phrasing) and not taken_back(clauses, clause) \
                    and not done_already(clauses, clause):
                # only the bank's own phrasings deny: an everyday sentence is near what is said in
                # its frame ("I didn't let it rattle me" is 0.56 from "I let the customer say
                # everything without interrupting"), and a denial can knock an answer out; or a
                # sentence that names the part of the job and says it is disliked (`verdict.py`)
                best_deny = (sim, clause, phrasing)
        words = by_index.get(index)
        if words is not None and words.covered and words.span is not None:
            clause = _clause_of(clauses, doc.token_words(*words.span)[0])
            if clause is not None:
                if says(clauses, clause, clause.text, words.phrasing, judged):
                    if best_say[0] < 1.0 and not _inside(clause, unsaid) and clause not in said_back_clauses:
                        best_say = (1.0, clause, words.phrasing)
                elif best_deny[0] < th.POINT_DENIED and can_deny(clause.text, words.phrasing) \
                        and not taken_back(clauses, clause) and not done_already(clauses, clause):
                    best_deny = (th.POINT_DENIED, clause, words.phrasing)
        if subjects and best_deny[0] < th.POINT_DENIED and best_say[0] < th.POINT_PARTIAL:
            best_deny = _judged_away(table, index, subjects, clauses) or best_deny
        topical = words.topical if words is not None and best_say[0] >= 1.0 else _meaningful(best_say[2])
        if best_deny[0] >= th.POINT_DENIED and best_deny[0] > best_say[0]:
            out.append(PointReading(point, index, Coverage.DENIED, best_deny[1], best_deny[0], best_deny[2], topical))
        elif best_say[0] >= th.POINT_COVERED:
            out.append(PointReading(point, index, Coverage.COVERED, best_say[1], best_say[0], best_say[2], topical))
        elif best_say[0] >= th.POINT_PARTIAL:
            out.append(PointReading(point, index, Coverage.PARTIAL, best_say[1], best_say[0], best_say[2], topical))
        else:
            out.append(PointReading(point, index, Coverage.MISSING, None, best_say[0], best_say[2], topical))
    return _with_implied(out, clauses)


# A yes in all-inclusive words ("any shift", "whatever you need", "whenever"), which answers the
# points a bank says it implies; and a time of day or a weekday named, which is a limit ("any time
# from eight to six", "whatever you need, Monday to Friday").
ALL_INCLUSIVE = frozenset({"any", "anything", "anytime", "whatever", "whenever", "every", "everything", "all"})
TIMES = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                   "noon", "midday", "midnight", "am", "pm", "o'clock", "monday", "tuesday", "wednesday",
                   "thursday", "friday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "weekday",
                   "weekdays"})
EXCEPT = frozenset({"except", "apart", "besides", "excluding", "unless", "but"})


def _stems_of(point: KeyPoint) -> set[str]:
    return {stem(w) for p in point.phrasings for w in content_words(list(norms_of(p)))}


def _with_implied(readings: list[PointReading], clauses: Sequence[Clause]) -> list[PointReading]:
    """A point covered in all-inclusive words ("I'll take any shift you've got") also covers the
    points it implies (`KeyPoint.implies`: evenings, weekends) that nothing covers, quoting the same
    clause; not when the answer says a limit (a point denied, a time or a weekday, "except", "but"), names
    the implied point itself ("...except Sundays": its own reading stands) or a sibling of it
    ("weekdays" of weekends)."""
    if any(r.coverage is Coverage.DENIED for r in readings):
        return readings
    said = {n for c in clauses for n in norms_of(c.text)}
    if any(n.isdigit() for n in said) or said & (TIMES | EXCEPT):
        return readings
    stems = {stem(n) for n in content_words(list(said))}
    out = list(readings)
    by_label = {r.point.label.lower(): k for k, r in enumerate(readings)}
    for r in readings:
        if not r.covered or r.clause is None or ALL_INCLUSIVE.isdisjoint(norms_of(r.clause.text)):
            continue
        for label in r.point.implies:
            k = by_label.get(label.lower())
            if k is None:
                continue
            own = _stems_of(out[k].point) - _stems_of(r.point)  # "late shift" names evenings by "late", not "shift"
            if out[k].coverage not in (Coverage.MISSING, Coverage.PARTIAL) or stems & own \
                    or any(names_sibling(c.text, out[k].point.phrasings) for c in clauses):
                continue
            out[k] = replace(out[k], coverage=Coverage.COVERED, clause=r.clause, similarity=r.similarity,
                             phrasing=r.phrasing, topical=r.topical)
    return out


def _subjects_judged_away(clauses: Sequence[Clause]) -> list[tuple[Clause, np.ndarray]]:
    """Each clause opening a part of the job its sentence says the candidate does not want, with the
    vector of that part alone (`verdict.judged_subject`)."""
    found = [(c, s) for c in clauses if (s := judged_subject(clauses, c))]
    if not found:
        return []
    return list(zip([c for c, _ in found], semantic.embed([s for _, s in found])))


def _judged_away(table: PointVectors, index: int, subjects: Sequence[tuple[Clause, np.ndarray]],
                 clauses: Sequence[Clause]) -> tuple[float, Clause, str] | None:
    """A denial of the point by a part of the job named in everyday words and then turned down
    ("Sorting out people's muddles on the phone has never appealed to me"): the part alone is near
    one of the point's phrasings (`th.SUBJECT_DENIED`), while the whole clause, verdict and all, is
    near none. Read at the bar of a denial, as the words of the point are."""
    rows = [k for k in range(table.said) if table.rows[k][0] == index]
    best = None
    for clause, v in subjects:
        for k in rows:
            sim = float(table.vectors[k] @ v)
            if sim >= th.SUBJECT_DENIED and (best is None or sim > best[0]) and can_deny(clause.text, table.rows[k][1]) \
                    and not taken_back(clauses, clause) and not done_already(clauses, clause):
                best = (sim, clause, table.rows[k][1])
    return None if best is None else (max(best[0], th.POINT_DENIED), best[1], best[2])


def _similarities(table: PointVectors, clauses: Sequence[Clause], vectors: np.ndarray, plain: Sequence[str],
                  plain_vectors: np.ndarray | None) -> tuple[np.ndarray, list[list[str]]]:
    """Each clause's similarity to each phrasing, as said or in plain words (the nearer), and the
    reading whose stance is read against that phrasing."""
    if not len(clauses) or not table.rows:
        return np.zeros((len(clauses), len(table.rows))), [[c.text] * len(table.rows) for c in clauses]
    said = vectors @ table.vectors.T
    said[:, table.examples:] -= th.POINT_EXAMPLE_MARGIN  # an example sentence is heard at a higher bar
    if plain_vectors is None or not any(plain):
        return said, [[c.text] * len(table.rows) for c in clauses]
    plainly = plain_vectors @ table.vectors.T
    plainly[:, table.examples:] -= th.POINT_EXAMPLE_MARGIN
    for c_i, text in enumerate(plain):  # its words, said plainly: "loop in my manager" says "ask my supervisor"
        for k in range(table.said) if text else ():
            if _says_in_plain_words(text, clauses[c_i].text, table.rows[k][1]):
                plainly[c_i, k] = 1.0
    sims = np.maximum(said, plainly)
    readings = [[plain[c_i] if plain[c_i] and plainly[c_i, k] > said[c_i, k] else c.text
                 for k in range(len(table.rows))] for c_i, c in enumerate(clauses)]
    return sims, readings


@lru_cache(maxsize=65536)
def _says_in_plain_words(plain: str, said: str, phrasing: str) -> bool:
    """Whether a clause in plain words holds a phrasing's words (`matching.match_phrase`) by a word
    its idiom became, and one that names the subject: "ask my manager" for "loop in my manager"; not
    "call" for "rings" (every answer says "call": "Say a man rings asking..." made "one call")."""
    doc = Doc(Transcript.typed(plain))
    share, span = match_phrase(doc, phrasing)
    if span is None or share < th.KEY_POINT_COVERED_SHARE:
        return False
    own = set(norms_of(said))
    return any(n not in own and n not in STOPWORDS and stem(n) not in generic_stems()
               for n in doc.norms[span[0]:span[1]])


def _holds(needs: frozenset[str], clause: Clause, plain: Sequence[str], c_i: int) -> bool:
    """Whether a clause holds one of the words an idea needs (as said or in plain words)."""
    return not needs or bool(needs & (set(norms_of(clause.text)) | set((plain[c_i] if plain else "").split())))


def _nearness(n_points: int, table: PointVectors, sims: np.ndarray, clauses: Sequence[Clause], doc: Doc,
              spelled: Sequence[PointMatch]) -> np.ndarray:
    """How near each clause is to each point: its best phrasing by meaning, or 1.0 where the
    clause holds words of the point that name its subject ("evenings", not "result")."""
    near = np.zeros((len(clauses), n_points))
    for k, (i, _) in enumerate(table.rows if len(clauses) else ()):
        near[:, i] = np.maximum(near[:, i], sims[:, k])
    for m in spelled:
        if m.covered and m.span is not None and m.topical:
            first = doc.token_words(*m.span)[0]
            for c_i, c in enumerate(clauses):
                if c.start <= first < c.end:
                    near[c_i, m.index] = 1.0
    return near


def _by_example(n_points: int, table: PointVectors, sims: np.ndarray, n_clauses: int) -> np.ndarray:
    """Which point each clause may say by an example sentence: the one whose examples it is nearest
    (a sentence makes one point; a clause in the question's frame, "I would explain it slowly", sits
    near examples of several), and only when it is also somewhat near that point's own phrasings
    (`th.POINT_EXAMPLE_SUPPORT`): an example widens a point's reach, it does not replace it."""
    out = np.zeros((n_clauses, n_points), dtype=bool)
    if not n_clauses or len(table.rows) == table.examples:
        return out
    by_example = np.full((n_clauses, n_points), -1.0)
    support = np.zeros((n_clauses, n_points))
    for k, (i, _) in enumerate(table.rows):
        if k >= table.examples:
            by_example[:, i] = np.maximum(by_example[:, i], sims[:, k])
        elif k < table.said:
            support[:, i] = np.maximum(support[:, i], sims[:, k])
    return (by_example >= by_example.max(axis=1, keepdims=True)) & (support >= th.POINT_EXAMPLE_SUPPORT)


def _neighbours(near: np.ndarray, neighbours: np.ndarray, sim: float) -> bool:
    """Whether a clause as near as `sim` to a point by meaning says a neighbouring point instead:
    one it is near enough to cover, and nearer by `th.POINT_NEIGHBOUR_MARGIN` ("Evenings are fine"
    is 0.55 from "weekends" and says "evenings"). A point that is no neighbour may be said in the
    same clause: "the reviews from your customers are great" says both."""
    others = near[neighbours]
    return bool(others.size) and float(others.max()) >= th.POINT_COVERED \
        and float(others.max()) - sim >= th.POINT_NEIGHBOUR_MARGIN


def names_sibling(clause: str, phrasings: Sequence[str]) -> bool:
    """Whether the clause names a sibling of a one-word phrasing of the point ("weekdays" of
    "weekends") and none of the point's own words: by meaning it sits as near the point as the point
    itself, and says the neighbour."""
    said = {stem(w) for w in content_words(list(norms_of(clause)))}
    own = {stem(w) for p in phrasings for w in content_words(list(norms_of(p)))}
    if said & own:
        return False
    single = {ws[0] for ws in (content_words(list(norms_of(p))) for p in phrasings) if len(ws) == 1}
    return any(_siblings(w, p) for w in set(content_words(list(norms_of(clause)))) for p in single)


def _siblings(a: str, b: str) -> bool:
    """Two compounds of one word with different words after it: week+days, week+ends, week+nights
    (whole words to the sentence model); not practis+ed and practic+ing, nor train+er and train+ing."""
    k = _prefix(a, b)
    return k >= th.SIBLING_STEM and stem(a) != stem(b) and semantic.is_word(a[:k]) \
        and all(len(t) >= th.SIBLING_TAIL and semantic.is_word(t) for t in (a[k:], b[k:]))


def _prefix(a: str, b: str) -> int:
    return next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _inside(clause: Clause, words: set[int]) -> bool:
    return any(clause.start <= k < clause.end for k in words)


def _clause_of(clauses: Sequence[Clause], first: int) -> Clause | None:
    """The smallest clause holding a word (the first of a spelled match)."""
    holding = [c for c in clauses if c.start <= first < c.end]
    return min(holding, key=lambda c: c.words) if holding else None
