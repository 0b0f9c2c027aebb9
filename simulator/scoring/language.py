"""Call-center language: empathy, ownership, positive phrasing, red flags, call handling."""

from __future__ import annotations

from ..areas import AREAS
from ..types import Coverage, EvidenceKind, Metric, RedFlag, Severity
from . import lexicon as lx
from . import thresholds as th
from .inputs import Inputs, measures
from .text import Doc

NEGATORS = frozenset({"never", "not", "no", "avoid", "avoided", "without", "instead", "rather",
                      "refuse", "refused", "nobody"})
CLAUSE_BREAKS = frozenset({"so", "and", "but", "because", "then", "when", "which", "who"})
NEGATION_WINDOW = 6  # tokens before a phrase where "never"/"not" cancels it


def negated(doc: Doc, i: int) -> bool:
    """'I would never tell a customer to calm down': the phrase at token i is denied."""
    first_word = doc.tokens[i].word
    sentence_start = next((s for s, e in doc.sentences if s <= first_word < e), 0)
    for k in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
        if doc.tokens[k].word < sentence_start:
            return False
        norm = doc.norms[k]
        if norm in CLAUSE_BREAKS:
            return False
        if norm in NEGATORS:
            return True
    return False


def phrases(doc: Doc, patterns) -> list[tuple[int, int]]:
    """Spans of phrases that are said, not denied."""
    return [s for s in doc.find_all(patterns) if not negated(doc, s[0])]


def by_count(area: str, n: int) -> float:
    """The score of an area judged by how many of its phrases were said: 0, 1, 2 or more."""
    scores = AREAS[area].by_count
    assert scores is not None, f"{area} is not judged by its phrases"
    return scores[min(n, 2)]


def _metric(name: str, doc: Doc, spans, note: str, missing: str) -> Metric:
    evidence = tuple(doc.quote(i, j, note=note, kind=EvidenceKind.PHRASE, label=doc.said(i, j),
                               coverage=Coverage.COVERED) for i, j in spans[:3])
    if not spans:
        evidence = (doc.quote_words(0, min(len(doc.words), 16), note=missing, kind=EvidenceKind.PHRASE,
                                    coverage=Coverage.MISSING),) if doc.words else ()
    return Metric(name, by_count(name, len(spans)), len(spans), "phrases", evidence)


@measures("empathy")
def empathy(x: Inputs) -> Metric:
    return _metric("empathy", x.doc, phrases(x.doc, lx.EMPATHY),
                   "acknowledges the customer", "no acknowledgement of how the customer feels")


@measures("ownership")
def ownership(x: Inputs) -> Metric:
    """'I will', 'let me', and the things *I* did or would do ('I checked', not 'we checked')."""
    doc = x.doc
    spans = phrases(doc, lx.OWNERSHIP)
    taken = {k for i, j in spans for k in range(i, j)}
    for i, j in doc.find(lx.ACTION_PAST) + doc.find(lx.ACTION_PLAN):
        if doc.norms[i] == "i" and doc.norms[j - 1] not in lx.NOT_ACTIONS and i not in taken and not negated(doc, i):
            spans.append((i, j))
    spans.sort()
    return _metric("ownership", doc, spans, "takes ownership", "no 'I will' or 'let me': who owns the problem?")


@measures("positive_language")
def positive_language(x: Inputs) -> Metric:
    doc = x.doc
    good = phrases(doc, lx.POSITIVE)
    bad = phrases(doc, lx.NEGATIVE)
    score = th.POSITIVE_BASE + th.POSITIVE_PER_PHRASE * len(good) - th.NEGATIVE_PER_PHRASE * len(bad)
    evidence = [doc.quote(i, j, note="negative phrasing: say what you can do", kind=EvidenceKind.NEGATIVE,
                          label=doc.said(i, j)) for i, j in bad[:3]]
    evidence += [doc.quote(i, j, note="positive phrasing", kind=EvidenceKind.POSITIVE, label=doc.said(i, j))
                 for i, j in good[:2]]
    return Metric("positive_language", max(0.0, min(100.0, score)), len(good) - len(bad),
                  "positive minus negative phrases", tuple(evidence))


@measures("professionalism")
def professionalism(x: Inputs) -> Metric:
    """Red flags: blaming, dismissing, profanity (severe) and plain negativity (mild)."""
    doc = x.doc
    found: list[tuple[tuple[int, int], RedFlag]] = []
    for patterns, family in ((lx.BLAME, RedFlag.BLAME), (lx.DISMISSIVE, RedFlag.DISMISSIVE),
                             (lx.PROFANITY, RedFlag.PROFANITY), (lx.NEGATIVITY, RedFlag.NEGATIVITY)):
        spans = phrases(doc, patterns)
        if family is RedFlag.DISMISSIVE:
            spans += [sp for sp in phrases(doc, lx.DISMISSIVE_OPENERS) if doc.starts_sentence(sp[0])]
        for span in spans:
            if not any(span[0] < s[1] and s[0] < span[1] for s, _ in found):
                found.append((span, family))
    found.sort()
    severe = sum(1 for _, family in found if RED_FLAG_SEVERITY[family] is Severity.SEVERE)
    mild = len(found) - severe
    score = 100.0 - th.RED_FLAG_SEVERE * severe - th.RED_FLAG_MILD * mild
    evidence = tuple(doc.quote(i, j, note=RED_FLAG_NOTES[family], kind=EvidenceKind.RED_FLAG, label=family.value,
                               severity=RED_FLAG_SEVERITY[family]) for (i, j), family in found[:4])
    return Metric("professionalism", max(0.0, score), len(found), "red flags", evidence)


RED_FLAG_NOTES = {RedFlag.BLAME: "blames someone", RedFlag.DISMISSIVE: "dismissive",
                  RedFlag.PROFANITY: "profanity", RedFlag.NEGATIVITY: "negative"}
# Blaming, dismissing and swearing cap the overall; plain negativity only costs points.
RED_FLAG_SEVERITY = {RedFlag.BLAME: Severity.SEVERE, RedFlag.DISMISSIVE: Severity.SEVERE,
                     RedFlag.PROFANITY: Severity.SEVERE, RedFlag.NEGATIVITY: Severity.MILD}


def severe_red_flags(metric: Metric | None) -> int:
    if metric is None:
        return 0
    return sum(1 for e in metric.evidence if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE)


# --- role-play call handling ---------------------------------------------------------------

OPENING_TOKENS = 25  # the greeting belongs at the start of the first reply


@measures("greeting")
def greeting(x: Inputs) -> Metric:
    """Turn 1: a greeting, your name and the company's name."""
    doc = x.doc
    limit = doc.char_of(OPENING_TOKENS)
    parts = th.GREETING_PARTS
    found, evidence = [], []
    checks = (("greeting", lx.GREETING), ("name", (lx.NAME,)), ("company", (lx.COMPANY,)))
    for name, patterns in checks:
        spans = [s for p in patterns for s in doc.find(p) if doc.char_of(s[0]) < limit]
        if spans:
            found.append(name)
            evidence.append(doc.quote(*min(spans), note=name, kind=EvidenceKind.PART, label=name,
                                      coverage=Coverage.COVERED))
    score = float(sum(parts[n] for n in found))
    if not found and doc.words:
        evidence.append(doc.quote_words(0, min(len(doc.words), 12), note="no greeting, name or company",
                                        kind=EvidenceKind.PHRASE, coverage=Coverage.MISSING))
    return Metric("greeting", score, ", ".join(found) or "none", None, tuple(evidence))


@measures("verification")
def verification(x: Inputs) -> Metric:
    return _metric("verification", x.doc, phrases(x.doc, lx.VERIFICATION),
                   "verifies the caller", "no check of who is calling (account, name, date of birth)")


@measures("next_steps")
def next_steps(x: Inputs) -> Metric:
    return _metric("next_steps", x.doc, phrases(x.doc, lx.NEXT_STEPS),
                   "tells the customer what happens next", "no next step or time frame for the customer")


@measures("closing")
def closing(x: Inputs) -> Metric:
    return _metric("closing", x.doc, phrases(x.doc, lx.CLOSING),
                   "closes the call", "no 'anything else I can help with?' or thanks at the end")
