"""Content: key points, relevance to the question, specificity, structure, length."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from ..types import Evidence, KeyPoint, Metric
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


def key_points(doc: Doc, points: Sequence[KeyPoint]) -> Metric | None:
    """How many of the question's key points the answer covers (None without key points)."""
    points = [p for p in points if p.phrasings]
    if not points:
        return None
    credits, evidence, covered = [], [], 0
    for point in points:
        share, span = max((match_phrase(doc, ph) for ph in point.phrasings), key=lambda r: r[0])
        if share >= th.KEY_POINT_COVERED_SHARE:
            covered += 1
            credits.append(1.0)
            evidence.append(doc.quote(*span, note=f"covers: {point.label}", context=2))
        else:
            credits.append(share * th.KEY_POINT_PARTIAL_CREDIT)
            note = f"missing: {point.label}"
            evidence.append(Evidence(quote="", note=note))
    score = 100.0 * sum(credits) / len(points)
    return Metric("key_points", score, covered, f"of {len(points)} key points", tuple(evidence))


# --- relevance -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in lx.GENERIC_WORDS)


def _concept(word_stem: str) -> str:
    """Synonyms share one concept, so "fixed", "resolved" and "solved" count once."""
    groups = _synonym_groups(word_stem)
    return f"group{min(groups)}" if groups else word_stem


def topic_words(question_text: str, points: Sequence[KeyPoint], category: str,
                extra: str = "") -> dict[str, tuple[str, float]]:
    """The question's own vocabulary: concept -> (a spelling, weight). Words of the question
    itself weigh most, then its key points, then its category; generic call-center words little."""
    cat = category.lower().strip()
    sources = (
        (f"{question_text} {extra}", 1.0),
        (" ".join(ph for p in points for ph in p.phrasings), th.KEY_POINT_WORD_WEIGHT),
        (lx.CATEGORY_WORDS.get(cat, cat.replace("-", " ").replace("_", " ")), th.CATEGORY_WORD_WEIGHT),
    )
    topic: dict[str, tuple[str, float]] = {}
    for text, base in sources:
        for w in content_words([n for raw in text.split() for n in normalise_word(raw)]):
            if len(w) < 3:
                continue
            key = stem(w)
            weight = base * (th.GENERIC_WORD_WEIGHT if key in _generic_stems() else 1.0)
            concept = _concept(key)
            if concept not in topic or topic[concept][1] < weight:
                topic[concept] = (w, weight)
    return topic


def relevance(doc: Doc, question_text: str, points: Sequence[KeyPoint], category: str,
              extra: str = "") -> Metric:
    """Whether the answer talks about what was asked: the question's words, echoed in the answer."""
    topic = topic_words(question_text, points, category, extra)
    answer_words = [(i, n) for i, n in enumerate(doc.norms) if n not in STOPWORDS and len(n) >= 3]
    found: dict[str, list[int]] = {}
    for pos, norm in answer_words:
        for concept, (spelling, _) in topic.items():
            if same_word(spelling, norm):
                found.setdefault(concept, []).append(pos)
    total = sum(w for _, w in topic.values())
    got = sum(topic[c][1] for c in found)
    recall = got / min(max(total, 1e-9), th.RELEVANCE_TOPIC_WORD_CAP) if total else 0.0
    # Share of sentences that touch a specific (not generic) topic word.
    specific = sorted(p for c, ps in found.items() if topic[c][1] >= th.CATEGORY_WORD_WEIGHT for p in ps)
    touched_words = {doc.tokens[p].word for p in specific}
    touched = sum(1 for s0, s1 in doc.sentences if any(s0 <= w < s1 for w in touched_words))
    share = touched / len(doc.sentences) if doc.sentences else 0.0
    value = min(1.0, 0.6 * min(1.0, recall) + 0.4 * share) if doc.tokens else 0.0
    names = sorted({topic[c][0] for c in found if topic[c][1] >= th.CATEGORY_WORD_WEIGHT})
    evidence: list[Evidence] = []
    if specific:
        evidence.append(doc.quote(specific[0], specific[0] + 1, note="on topic: " + ", ".join(names[:8])))
    elif doc.tokens:
        evidence.append(doc.quote_sentence_of(0, note="none of the question's own words came up"))
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


def specificity(doc: Doc) -> Metric:
    """A concrete situation, actions you took, numbers and a result (each saturates)."""
    parts = th.SPECIFICITY_PARTS
    actions = _actions(doc)
    numbers = _numbers(doc)
    situation = doc.find_all(lx.SITUATION)
    result = doc.find_all(lx.RESULT)
    score = (parts["actions"] * min(1.0, len(actions) / th.SPECIFIC_ACTIONS_FOR_FULL)
             + parts["numbers"] * min(1.0, len(numbers) / th.SPECIFIC_NUMBERS_FOR_FULL)
             + parts["situation"] * (1.0 if situation else 0.0)
             + parts["result"] * (1.0 if result else 0.0))
    evidence = []
    if situation:
        evidence.append(doc.quote(*situation[0], note="a real situation"))
    for i, j in actions[:3]:
        evidence.append(doc.quote(i, j, note="an action you took", context=2))
    if numbers:
        evidence.append(doc.quote(numbers[0], numbers[0] + 1, note="a number", context=3))
    if result:
        evidence.append(doc.quote(*result[0], note="a result"))
    found = (f"{len(actions)} actions, {len(numbers)} numbers, "
             f"{'a' if situation else 'no'} situation, {'a' if result else 'no'} result")
    return Metric("specificity", score, found, None, tuple(evidence))


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
            evidence.append(doc.quote(*spans[0], note=name))
        else:
            evidence.append(Evidence(quote="", note=f"missing: {name}"))
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
        evidence.append(doc.quote_sentence_of(over, note=f"the answer was past {high:.0f} seconds here"))
    elif doc.words and seconds < low:
        evidence.append(doc.quote_words(0, min(len(doc.words), 20), note="the whole answer"))
    return Metric("length", scale.score(seconds), round(seconds, 1), "seconds", tuple(evidence))
