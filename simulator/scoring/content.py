"""Content: key points, relevance to the question, specificity, structure, length."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..types import Coverage, Evidence, EvidenceKind, KeyPoint, Metric
from . import lexicon as lx
from . import thresholds as th
from .text import STOPWORDS, Doc, content_words, normalise_word, stem


# --- word matching -------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _synonym_groups(word_stem: str) -> frozenset[int]:
    return frozenset(i for i, group in enumerate(lx.SYNONYMS) if word_stem in _group_stems(i))


@lru_cache(maxsize=None)
def _group_stems(i: int) -> frozenset[str]:
    return frozenset(stem(w) for w in lx.SYNONYMS[i])


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Two lowercase words mean the same here: same stem, synonyms, or a near spelling."""
    if a == b:
        return True
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    if _synonym_groups(sa) & _synonym_groups(sb):
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
        spans = doc.find_all(getattr(lx, concept))
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
    best, best_span, left = 0, None, 0
    for right in range(len(hits)):
        while hits[right][0] - hits[left][0] >= width:
            left += 1
        found = {k for _, k in hits[left:right + 1]}
        if len(found) > best:
            best, best_span = len(found), (hits[left][0], hits[right][0] + 1)
    share = best / len(wanted)
    if share < 1:
        whole, span = _whole_phrase(doc, phrase)
        if whole:
            return whole, span
    return share, best_span


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
        if lx.KEY_POINT_CONCEPTS.get(self.phrasing.strip().lower()):
            return False
        words = content_words([n for raw in self.phrasing.split() for n in normalise_word(raw)])
        return any(stem(w) not in _generic_stems() for w in words)


def _subject_point(point: KeyPoint) -> bool:
    """A key point with at least one phrasing about the subject (see PointMatch.topical)."""
    return any(PointMatch(point, 1.0, (0, 0), ph).topical for ph in point.phrasings)


def match_points(doc: Doc, points: Sequence[KeyPoint]) -> list[PointMatch]:
    out = []
    for index, point in enumerate(points):
        if not point.phrasings:
            continue
        best = max(((match_phrase(doc, ph), ph) for ph in point.phrasings), key=lambda r: r[0][0])
        (share, span), phrasing = best
        out.append(PointMatch(point, share, span, phrasing, index))
    return out


def key_points(doc: Doc, points: Sequence[KeyPoint], matches: Sequence[PointMatch] | None = None) -> Metric | None:
    """How many of the question's key points the answer covers (None without key points)."""
    matches = match_points(doc, points) if matches is None else matches
    if not matches:
        return None
    credits, evidence, covered = [], [], 0
    for m in matches:
        typed = dict(kind=EvidenceKind.KEY_POINT, label=m.point.label, index=m.index, value=round(m.share, 2))
        if m.covered:
            covered += 1
            credits.append(1.0)
            evidence.append(doc.quote(*m.span, note=f"covers: {m.point.label}", coverage=Coverage.COVERED, **typed))
        else:
            credits.append(m.share * th.KEY_POINT_PARTIAL_CREDIT)
            coverage = Coverage.PARTIAL if m.share > 0 else Coverage.MISSING
            evidence.append(Evidence(quote="", note=f"missing: {m.point.label}", coverage=coverage, **typed))
    score = 100.0 * sum(credits) / len(matches)
    return Metric("key_points", score, covered, f"of {len(matches)} key points", tuple(evidence))


# --- relevance -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in lx.GENERIC_WORDS)


@lru_cache(maxsize=1)
def _field_stems() -> dict[str, frozenset[str]]:
    return {name: frozenset(stem(w) for w in words.split()) for name, words in lx.FIELDS.items()}


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, str]:
    return {stem(k): v for k, v in lx.NEIGHBOURS.items()}


def _concept(word_stem: str) -> str:
    """Synonyms share one concept, so "fixed", "resolved" and "solved" count once."""
    groups = _synonym_groups(word_stem)
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
        (lx.CATEGORY_WORDS.get(cat, cat.replace("-", " ").replace("_", " ")), th.CATEGORY_WORD_WEIGHT),
    )
    topic: dict[str, tuple[str, float]] = {}
    for text, base in sources:
        for w in _words(text):
            key = stem(w)
            weight = base * (th.GENERIC_WORD_WEIGHT if key in _generic_stems() else 1.0)
            concept = _concept(key)
            if concept not in topic or topic[concept][1] < weight:
                topic[concept] = (w, weight)
    return topic


def question_fields(question_text: str, category: str, extra: str = "") -> frozenset[str]:
    """The semantic fields a question is about: its category's, and those of its own words."""
    fields = set(lx.CATEGORY_FIELDS.get(category.lower().strip(), ()))
    stems = _field_stems()
    for w in _words(f"{question_text} {extra}"):
        key = stem(w)
        if key not in _generic_stems():
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
        if key in _generic_stems():
            continue
        hit = {name for name, words in stems.items() if key in words}
        if hit & fields:
            inside.append(pos)
            distinct.add(key)
        for name in hit - fields if not hit & fields else ():
            others[name] = others.get(name, 0) + 1
    return Focus(tuple(inside), len(distinct), max(others.values(), default=0))


def relevance(doc: Doc, question_text: str, points: Sequence[KeyPoint], category: str,
              extra: str = "", matches: Sequence[PointMatch] | None = None) -> Metric:
    """Whether the answer talks about what was asked, judged three ways, the best counting:
    it echoes the question's words (or their neighbours); most of what it talks about lies in
    the question's semantic fields; or it covers key points in words about the subject."""
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
    matches = match_points(doc, points) if matches is None else matches
    topical = [m for m in matches if m.covered and m.topical]
    # Key points that can only be covered in words about the subject: the share covered.
    subject_points = [m for m in matches if m.point.phrasings and _subject_point(m.point)]
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


# --- specificity and structure -------------------------------------------------------------


def _actions(doc: Doc) -> list[tuple[int, int]]:
    """First-person actions ('I refunded', 'we fixed', 'I'd check'), and the verbs chained on
    after them in the same sentence ('I listened, apologized, found her a room')."""
    spans = []
    for rxp in (lx.ACTION_PAST, lx.ACTION_PLAN):
        for i, j in doc.find(rxp):
            if doc.norms[j - 1] not in lx.NOT_ACTIONS:
                spans.append((i, j))
    chained = []
    for i, j in spans:
        sentence_end = next((e for s, e in doc.sentences if s <= doc.tokens[i].word < e), len(doc.words))
        k = j
        while k + 1 < len(doc.tokens) and doc.tokens[k + 1].word < sentence_end:
            joiner, verb = doc.norms[k], doc.norms[k + 1]
            if joiner in ("and", "then") or _raw_has_comma(doc, k):
                if _is_past_verb(verb) or (joiner in ("and", "then") and doc.norms[k + 1] in lx.PAST_IRREGULAR):
                    chained.append((k + 1, k + 2))
            k += 1
    return sorted(set(spans) | set(chained))


def _is_past_verb(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4 and word not in lx.NOT_ACTIONS) or word in lx.PAST_IRREGULAR


def _raw_has_comma(doc: Doc, token: int) -> bool:
    return doc.words[doc.tokens[token].word].raw.rstrip().endswith((",", ";"))


def _numbers(doc: Doc) -> list[int]:
    out = []
    for i, n in enumerate(doc.norms):
        nxt = doc.norms[i + 1] if i + 1 < len(doc.norms) else ""
        if any(c.isdigit() for c in n) or n in lx.NUMBER_WORDS or (n == "one" and nxt in lx.UNITS):
            out.append(i)
    return out


def specificity(doc: Doc, kind: str = "behavioral") -> Metric:
    """How concrete the answer is, by what the question asks for (each part saturates):
    behavioral, a real situation, actions you took, numbers and a result; situational, the
    concrete steps you would take; general, a short example or a concrete detail (no numbers
    needed)."""
    parts = th.SPECIFICITY_PARTS.get(kind, th.SPECIFICITY_PARTS["behavioral"])
    actions = _actions(doc)
    numbers = _numbers(doc)
    situation = doc.find_all(lx.SITUATION)
    result = doc.find_all(lx.RESULT)
    steps = doc.find_all(lx.STEPS)
    found = {
        "situation": (situation, 1), "example": (situation, 1), "actions": (actions, th.SPECIFIC_ACTIONS_FOR_FULL),
        "numbers": (numbers and [(n, n + 1) for n in numbers], th.SPECIFIC_NUMBERS_FOR_FULL),
        "result": (result, 1), "steps": (steps, 2),
        # a concrete detail: a number, a thing you did, or a real place
        "detail": (sorted(set(actions) | {(n, n + 1) for n in numbers} | set(situation)), th.SPECIFIC_DETAILS_FOR_FULL),
    }
    score, evidence, summary = 0.0, [], []
    for part, weight in parts.items():
        spans, full = found[part]
        spans = list(spans or [])
        score += weight * min(1.0, len(spans) / full)
        summary.append(f"{len(spans)} {part}")
        if not spans:
            evidence.append(Evidence(quote="", note=f"missing: {SPECIFICITY_NAMES[part]}",
                                     kind=EvidenceKind.PART, label=part, coverage=Coverage.MISSING))
            continue
        for i, j in spans[:2 if part in ("actions", "steps", "detail") else 1]:
            evidence.append(doc.quote(i, j, note=SPECIFICITY_NAMES[part], kind=EvidenceKind.PART, label=part,
                                      coverage=Coverage.COVERED))
    return Metric("specificity", score, ", ".join(summary), None, tuple(evidence))


# How each part of a concrete answer is named in evidence (and in tips: "I didn't hear ...").
SPECIFICITY_NAMES = {
    "situation": "a real situation", "example": "an example", "actions": "an action you took",
    "numbers": "a number", "result": "a result", "steps": "the steps in order",
    "detail": "a concrete detail",
}


def structure(doc: Doc, kind: str) -> Metric | None:
    """STAR for behavioral answers; clear steps for situational ones; None for other kinds."""
    if kind == "behavioral":
        parts = {
            "situation": doc.find_all(lx.SITUATION),
            "task": doc.find_all(lx.TASK),
            "action": _actions(doc),
            "result": doc.find_all(lx.RESULT),
        }
        needed = {"situation": 1, "task": 1, "action": 2, "result": 1}
    elif kind == "situational":
        parts = {
            "listen first": doc.find_all(lx.EMPATHY + lx.LISTEN_FIRST),
            "steps": doc.find_all(lx.STEPS),
            "action": _actions(doc),
            "follow-up": doc.find_all(lx.FOLLOW_UP),
        }
        needed = {"listen first": 1, "steps": 1, "action": 2, "follow-up": 1}
    else:
        return None
    score, found, evidence = 0.0, [], []
    for name, spans in parts.items():
        share = min(1.0, len(spans) / needed[name])
        score += 25.0 * share
        if spans:
            found.append(name)
            evidence.append(doc.quote(*spans[0], note=name, kind=EvidenceKind.PART, label=name,
                                      coverage=Coverage.COVERED))
        else:
            evidence.append(Evidence(quote="", note=f"missing: {name}", kind=EvidenceKind.PART, label=name,
                                     coverage=Coverage.MISSING))
    return Metric("structure", score, ", ".join(found) or "none", None, tuple(evidence))


def answer_band(kind: str, answer_seconds: tuple[float, float] | None) -> tuple[float, float]:
    if answer_seconds:
        return float(answer_seconds[0]), float(answer_seconds[1])
    return th.DEFAULT_ANSWER_SECONDS.get(kind, th.DEFAULT_ANSWER_SECONDS["general"])


def length(doc: Doc, band: tuple[float, float], repeated_share: float = 0.0) -> Metric:
    """Length in seconds of speech (typed answers: words at a speaking pace) against the band.

    Words said again (the same phrases repeated) do not count: an answer said twice is not longer.
    """
    low, high = band
    if doc.timed:
        seconds = doc.speech_seconds() or 0.0
    else:
        seconds = doc.n_words / th.TYPED_WORDS_PER_MINUTE * 60
    seconds *= max(0.0, 1.0 - repeated_share)
    scale = th.Band(low, high, low * th.LENGTH_ZERO_BELOW, high * th.LENGTH_ZERO_ABOVE, "seconds",
                    f"{low:.0f} to {high:.0f} seconds")
    evidence = []
    if doc.words and seconds > high:
        if doc.timed:
            start = doc.words[0].start or 0.0
            over = next((k for k, w in enumerate(doc.words) if (w.start or 0) - start > high), len(doc.words) - 1)
        else:
            over = min(len(doc.words) - 1, int(high / 60 * th.TYPED_WORDS_PER_MINUTE))
        evidence.append(doc.quote_sentence_of(over, note=f"the answer was past {high:.0f} seconds here",
                                              kind=EvidenceKind.TOO_LONG, value=float(high)))
    elif doc.words and seconds < low:
        evidence.append(doc.quote_words(0, min(len(doc.words), 20), note="the whole answer",
                                        kind=EvidenceKind.TOO_SHORT, value=float(low)))
    return Metric("length", scale.score(seconds), round(seconds, 1), "seconds", tuple(evidence))
