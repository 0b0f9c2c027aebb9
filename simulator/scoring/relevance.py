"""Relevance: whether an answer is about the question asked, in its words or in its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..types import Evidence, EvidenceKind, KeyPoint, Metric
from . import thresholds as th
from . import topics
from .inputs import Inputs, measures
from .matching import generic_stems, same_word, subject_point, synonym_groups
from .text import Doc
from .words import STOPWORDS, content_words, normalise_word, stem


@lru_cache(maxsize=1)
def _field_stems() -> dict[str, frozenset[str]]:
    return {name: frozenset(stem(w) for w in words.split()) for name, words in topics.FIELDS.items()}


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, str]:
    return {stem(k): v for k, v in topics.NEIGHBOURS.items()}


def _concept(word_stem: str) -> str:
    """Synonyms share one concept, so "fixed", "resolved" and "solved" count once."""
    groups = synonym_groups(word_stem)
    return f"group{min(groups)}" if groups else word_stem


def _words(text: str) -> list[str]:
    return [w for w in content_words([n for raw in text.split() for n in normalise_word(raw)]) if len(w) >= 3]


def find_words(doc: Doc, phrase: str, gap: int = 2) -> int | None:
    """Where every word of a short phrase is said, in order, at most `gap` words apart
    ("called back" in "called her back"): content words by stem, small words exactly."""
    wanted = [n for raw in phrase.split() for n in normalise_word(raw)]
    if not wanted:
        return None
    keys = [stem(w) if w not in STOPWORDS else w for w in wanted]

    def same(k: str, norm: str) -> bool:
        return norm == k if k in STOPWORDS else stem(norm) == k

    for start, norm in enumerate(doc.norms):
        if not same(keys[0], norm):
            continue
        pos, ok = start, True
        for k in keys[1:]:
            nxt = next((p for p in range(pos + 1, min(len(doc.norms), pos + 2 + gap)) if same(k, doc.norms[p])), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return start
    return None


def neighbour_phrases(question_text: str, extra: str = "") -> tuple[str, ...]:
    """Semantic neighbours of the question's own words (lexicon.NEIGHBOURS), as phrases."""
    found: dict[str, None] = {}
    for w in _words(f"{question_text} {extra}"):
        for phrase in _neighbours().get(stem(w), "").split(","):
            if phrase.strip():
                found[phrase.strip()] = None
    return tuple(found)


def topic_words(question_text: str, points: Sequence[KeyPoint], category: str,
                extra: str = "") -> dict[str, tuple[str, float]]:
    """The question's own vocabulary: concept -> (a spelling, weight). Words of the question
    itself weigh most, then its key points, then its category; generic call-center words little.
    (Neighbour phrases are matched whole, see `relevance`.)"""
    cat = category.lower().strip()
    sources = (
        (f"{question_text} {extra}", 1.0),
        (" ".join(ph for p in points for ph in p.phrasings), th.KEY_POINT_WORD_WEIGHT),
        (topics.CATEGORY_WORDS.get(cat, cat.replace("-", " ").replace("_", " ")), th.CATEGORY_WORD_WEIGHT),
    )
    topic: dict[str, tuple[str, float]] = {}
    for text, base in sources:
        for w in _words(text):
            key = stem(w)
            weight = base * (th.GENERIC_WORD_WEIGHT if key in generic_stems() else 1.0)
            concept = _concept(key)
            if concept not in topic or topic[concept][1] < weight:
                topic[concept] = (w, weight)
    return topic


def question_fields(question_text: str, category: str, extra: str = "") -> frozenset[str]:
    """The semantic fields a question is about: its category's, and those of its own words."""
    fields = set(topics.CATEGORY_FIELDS.get(category.lower().strip(), ()))
    stems = _field_stems()
    for w in _words(f"{question_text} {extra}"):
        key = stem(w)
        if key not in generic_stems():
            fields.update(name for name, words in stems.items() if key in words)
    return frozenset(fields)


@dataclass(frozen=True)
class Focus:
    """What the answer talks about: its field words in the question's fields, against the
    strongest other field (an answer about feedback that mentions a customer is about feedback)."""

    inside: tuple[int, ...]  # token positions of field words in the question's fields
    distinct: int  # distinct stems among them
    rival: int  # field words of the strongest other field (none of the question's)

    @property
    def fit(self) -> float:
        total = len(self.inside) + self.rival
        return len(self.inside) / total if total else 0.0

    @property
    def value(self) -> float:
        """0 for an answer about something else, up to FOCUS_MAX for one squarely on the fields."""
        amount = min(1.0, self.distinct / th.FOCUS_WORDS_FOR_FULL)
        fit = (self.fit - th.FOCUS_FIT_LOW) / (th.FOCUS_FIT_HIGH - th.FOCUS_FIT_LOW)
        return th.FOCUS_MAX * amount * max(0.0, min(1.0, fit))


def focus(doc: Doc, fields: frozenset[str]) -> Focus:
    stems = _field_stems()
    inside, distinct = [], set()
    others: dict[str, int] = {}
    for pos, norm in enumerate(doc.norms):
        if norm in STOPWORDS or len(norm) < 3:
            continue
        key = stem(norm)
        if key in generic_stems():
            continue
        hit = {name for name, words in stems.items() if key in words}
        if hit & fields:
            inside.append(pos)
            distinct.add(key)
        for name in hit - fields if not hit & fields else ():
            others[name] = others.get(name, 0) + 1
    return Focus(tuple(inside), len(distinct), max(others.values(), default=0))


@measures("relevance")
def relevance(x: Inputs) -> Metric:
    """Whether the answer talks about what was asked, judged three ways, the best counting:
    it echoes the question's words (or their neighbours); most of what it talks about lies in
    the question's semantic fields; or it covers key points in words about the subject. On a
    call, the customer's line counts as part of the question."""
    doc, question_text, points, category, extra = x.doc, x.question.text, x.points, x.question.category, x.line
    topic = topic_words(question_text, points, category, extra)
    answer_words = [(i, n) for i, n in enumerate(doc.norms) if n not in STOPWORDS and len(n) >= 3]
    found: dict[str, list[int]] = {}
    for pos, norm in answer_words:
        for concept, (spelling, _) in topic.items():
            if same_word(spelling, norm):
                found.setdefault(concept, []).append(pos)
    # Neighbour phrases heard whole ("called her back") join the found topic words.
    for phrase in neighbour_phrases(question_text, extra):
        key = "~" + phrase
        topic[key] = (phrase, th.NEIGHBOUR_WORD_WEIGHT)
        at = find_words(doc, phrase)
        if at is not None:
            found[key] = [at]
    total = sum(w for c, w in ((c, v[1]) for c, v in topic.items()) if not c.startswith("~") or c in found)
    got = sum(topic[c][1] for c in found)
    recall = got / min(max(total, 1e-9), th.RELEVANCE_TOPIC_WORD_CAP) if total else 0.0
    # Share of sentences that touch a specific (not generic) topic word.
    specific = sorted(p for c, ps in found.items() if topic[c][1] >= th.CATEGORY_WORD_WEIGHT for p in ps)
    touched_words = {doc.tokens[p].word for p in specific}
    touched = sum(1 for s0, s1 in doc.sentences if any(s0 <= w < s1 for w in touched_words))
    share = touched / len(doc.sentences) if doc.sentences else 0.0
    echo = min(1.0, 0.6 * min(1.0, recall) + 0.4 * share) if doc.tokens else 0.0

    on_field = focus(doc, question_fields(question_text, category, extra))
    matches = x.matches
    topical = [m for m in matches if m.covered and m.topical]
    # Key points that can only be covered in words about the subject: the share covered.
    subject_points = [m for m in matches if m.point.phrasings and subject_point(m.point)]
    by_points = th.KEY_POINT_RELEVANCE * min(1.0, len(topical) / max(1, len(subject_points))
                                             / th.TOPICAL_POINT_SHARE_FOR_FULL)
    value = max(echo, on_field.value, by_points) if doc.tokens else 0.0

    names = sorted({topic[c][0] for c in found if topic[c][1] >= th.CATEGORY_WORD_WEIGHT})
    evidence: list[Evidence] = []
    if value > echo and on_field.value >= by_points and on_field.inside:
        field_words = sorted({doc.norms[p] for p in on_field.inside})
        words = ", ".join(field_words[:8])
        evidence.append(doc.quote(on_field.inside[0], on_field.inside[0] + 1,
                                  note="on topic, in your own words: " + words,
                                  kind=EvidenceKind.TOPIC_FIELD, label=words))
    elif value > echo and topical:
        point = topical[0]
        evidence.append(doc.quote(*point.span, note="on topic: covers " + point.point.label,
                                  kind=EvidenceKind.TOPIC_POINT, label=point.point.label,
                                  index=point.index))
    elif specific:
        words = ", ".join(names[:8])
        evidence.append(doc.quote(specific[0], specific[0] + 1, note="on topic: " + words,
                                  kind=EvidenceKind.TOPIC_WORDS, label=words))
    elif doc.tokens:
        evidence.append(doc.quote_sentence_of(0, note="none of the question's own words came up",
                                              kind=EvidenceKind.NO_TOPIC))
    return Metric("relevance", th.RELEVANCE.score(value), round(value, 2), th.RELEVANCE.unit,
                  tuple(evidence))
