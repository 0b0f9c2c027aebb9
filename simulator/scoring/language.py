"""Call-center language: empathy, ownership, positive phrasing, red flags, call handling."""

from __future__ import annotations

import numpy as np

from ..areas import AREAS
from ..types import Coverage, EvidenceKind, Metric, QuestionKind, RedFlag, Severity
from . import lexicon as lx
from . import semantic
from . import thresholds as th
from .actions import actions
from .clauses import agrees, norms_of
from .exemplars import exemplars
from .flags import PRACTICE_NOTE, RED_FLAG_NOTES, RED_FLAG_SEVERITY, negated, phrases, severe_red_flags  # noqa: F401
from .inputs import Inputs, measures
from .text import Doc

def by_count(area: str, n: int) -> float:
    """The score of an area judged by how many of its phrases were said: 0, 1, 2 or more."""
    scores = AREAS[area].by_count
    assert scores is not None, f"{area} is not judged by its phrases"
    return scores[min(n, 2)]


def _metric(name: str, doc: Doc, spans, note: str, missing: str) -> Metric:
    evidence = tuple(doc.quote(i, j, note=note, kind=EvidenceKind.PHRASE, label=doc.said(i, j),
                               coverage=Coverage.COVERED) for i, j in spans[:3])
    if not spans:
        # where it was missing: the answer's first sentence or phrases, never cut mid-phrase ("I'm sending a")
        evidence = (doc.opening(note=missing, kind=EvidenceKind.PHRASE, coverage=Coverage.MISSING),) if doc.words else ()
    return Metric(name, by_count(name, len(spans)), len(spans), "phrases", evidence)


def _flagged_words(x: Inputs) -> set[int]:
    """The words of sentences that hold a red flag: nothing said there counts as care or ownership
    ("I'd tell them to calm down or I'll hang up" takes no ownership of anything)."""
    out: set[int] = set()
    for f in x.red_flags:
        a, _ = x.doc.sentence_of(f.start)
        _, b = x.doc.sentence_of(max(f.start, f.end - 1))
        out.update(range(a, b))
    return out


def _helpful(x: Inputs, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Phrases that do something for the caller: not inside a red flag ("shut up and let me
    talk", "I'll hang up"), and not serving the agent ("let me finish", "I'll go on break")."""
    flagged = _flagged_words(x)
    out = []
    for i, j in spans:
        if x.doc.tokens[i].word in flagged:
            continue
        after = x.doc.norms[j] if j < len(x.doc.norms) else ""
        if after in lx.SELF_SERVING or _composure(x.doc.norms, j - 1) or _composure(x.doc.norms, j):
            continue
        out.append((i, j))
    return out


def _composure(norms, k: int) -> bool:
    """The verb at token k keeps the agent's own composure ("stay calm", "keep my voice level")."""
    if not 0 <= k < len(norms):
        return False
    verb = norms[k]
    return verb in lx.COMPOSURE_VERBS or (verb in lx.KEEPING_VERBS
                                          and any(n in lx.COMPOSURE for n in norms[k + 1:k + 4])) \
        or any(p.match(" ".join(norms[k:k + 4])) for p in lx.COMPOSURE_ACTS)


@measures("empathy")
def empathy(x: Inputs) -> Metric:
    """Phrases that acknowledge the customer (`lx.EMPATHY`), and clauses that do it in words of
    their own (`_acknowledging`)."""
    said = phrases(x.doc, lx.EMPATHY)
    taken = {k for i, j in said for k in range(i, j)}
    said += [s for s in _acknowledging(x) if not taken & set(range(*s))]
    return _metric("empathy", x.doc, _helpful(x, sorted(said)),
                   "acknowledges the customer", "no acknowledgement of how the customer feels")


def _acknowledging(x: Inputs) -> list[tuple[int, int]]:
    """Token spans of clauses that acknowledge a feeling in their own words ("I told him I could see
    why a surprise charge would upset anyone"): near a sentence of the `acknowledge` idea
    (`exemplars.yaml`, point_ideas; as said or in plain words) with its stance, and naming the
    feeling (the idea's `needs`): "I'd tell them I can't help them" is as near those sentences, and
    acknowledges nothing."""
    ex_ = semantic.idea_exemplars()
    rows = [j for j, label in enumerate(ex_.labels) if label == "acknowledge"]
    feelings = exemplars().point_ideas["acknowledge"].needs
    if not x.clauses or not rows:
        return []
    sims = np.maximum(x.clause_vectors @ ex_.vectors[rows].T, x.plain_vectors @ ex_.vectors[rows].T)
    out = []
    for c_i, clause in enumerate(x.clauses):
        k = int(np.argmax(sims[c_i]))
        words = set(norms_of(clause.text)) | set(x.plain_readings[c_i].split())
        if sims[c_i, k] >= th.EMPATHY_MEANING and words & feelings and agrees(clause.text, ex_.texts[rows[k]]):
            tokens = [t for t, tok in enumerate(x.doc.tokens) if clause.start <= tok.word < clause.end]
            if tokens:
                out.append((tokens[0], tokens[-1] + 1))
    return out


@measures("ownership")
def ownership(x: Inputs) -> Metric:
    """'I will', 'let me', and the things *I* did or would do ('I checked', not 'we checked'),
    when they do something for the caller."""
    doc = x.doc
    spans = phrases(doc, lx.OWNERSHIP)
    taken = {k for i, j in spans for k in range(i, j)}
    # ...and each verb of a list after one "I": "I rang three other nurseries, found one, and drove
    # it over" owns the problem three times, in the past tense a story is told in
    for a in actions(doc, plan=x.question.kind is QuestionKind.SITUATIONAL):
        i, j = a.span
        if a.subject == "i" and doc.norms[j - 1] not in lx.NOT_OWNERSHIP and i not in taken and not negated(doc, i) \
                and doc.norms[j:j + 1] not in (["no"], ["nothing"], ["none"]):
            # "I've got no idea", "I did nothing": no action taken
            spans.append((i, j))
    spans = _helpful(x, sorted(spans))
    # a story is told in the past: what was missing is what *you* did, not an "I will"
    missing = ("no 'I did...': what did you do yourself?" if x.question.kind is QuestionKind.BEHAVIORAL
               else "no 'I will' or 'let me': who owns the problem?")
    return _metric("ownership", doc, spans, "takes ownership", missing)


@measures("positive_language")
def positive_language(x: Inputs) -> Metric:
    """What you can do, not what you can't: positive phrases raise it, negative ones and every
    red flag (the most negative language of all) lower it."""
    doc = x.doc
    good = _helpful(x, phrases(doc, lx.POSITIVE))
    bad = phrases(doc, lx.NEGATIVE)
    flags = x.red_flags
    score = (th.POSITIVE_BASE + th.POSITIVE_PER_PHRASE * len(good) - th.NEGATIVE_PER_PHRASE * len(bad)
             - th.RED_FLAG_NEGATIVE * len(flags))
    evidence = [doc.quote(i, j, note="negative phrasing: say what you can do", kind=EvidenceKind.NEGATIVE,
                          label=doc.said(i, j)) for i, j in bad[:3]]
    evidence += [doc.quote_words(f.start, f.end, note=("negative" if f.family is RedFlag.NEGATIVITY
                                                       else "negative: " + RED_FLAG_NOTES[f.family]),
                                 kind=EvidenceKind.NEGATIVE, label=f.family.value) for f in flags[:2]]
    evidence += [doc.quote(i, j, note="positive phrasing", kind=EvidenceKind.POSITIVE, label=doc.said(i, j))
                 for i, j in good[:2]]
    return Metric("positive_language", max(0.0, min(100.0, score)), len(good) - len(bad) - len(flags),
                  "positive minus negative phrases", tuple(evidence))


@measures("professionalism")
def professionalism(x: Inputs) -> Metric:
    """Red flags, by meaning and by their words: contempt for customers, blaming past employers
    or colleagues, dismissing the caller, refusing the job's basic conditions, money-only
    motivation, dishonesty, profanity (severe: each caps the answer), and plain negativity (mild)."""
    doc, flags = x.doc, x.red_flags
    severe = sum(1 for f in flags if RED_FLAG_SEVERITY[f.family] is Severity.SEVERE)
    mild = len(flags) - severe
    score = 100.0 - th.RED_FLAG_SEVERE * severe - th.RED_FLAG_MILD * mild
    evidence = tuple(doc.quote_words(f.start, f.end, note=PRACTICE_NOTE if f.practice else RED_FLAG_NOTES[f.family],
                                     kind=EvidenceKind.RED_FLAG,
                                     label=f.family.value, severity=RED_FLAG_SEVERITY[f.family], value=f.similarity)
                     for f in flags[:4])
    return Metric("professionalism", max(0.0, score), len(flags), "red flags", evidence)


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
    spans = phrases(x.doc, lx.NEXT_STEPS)
    # ...and what you are doing to fix it, in your own words ("I'm sending a replacement today")
    taken = {k for i, j in spans for k in range(i, j)}
    spans += [a.span for a in actions(x.doc, plan=True) if a.subject == "i" and not taken & set(range(*a.span))
              and _base(x.doc.norms[a.end - 1]) in lx.FIX_VERBS and not negated(x.doc, a.start)]
    return _metric("next_steps", x.doc, sorted(_helpful(x, spans)),
                   "tells the customer what happens next", "no next step or time frame for the customer")


def _base(verb: str) -> str:
    """A verb's base form, near enough to look it up: "sending" send, "putting" put, "issuing" issue."""
    if verb.endswith("ing") and len(verb) > 5:
        stem = verb[:-3]
        if stem in lx.FIX_VERBS or len(stem) < 3:
            return stem
        if stem[-1] == stem[-2] and stem[:-1] in lx.FIX_VERBS:
            return stem[:-1]
        return stem + "e"
    return verb


@measures("closing")
def closing(x: Inputs) -> Metric:
    return _metric("closing", x.doc, phrases(x.doc, lx.CLOSING),
                   "closes the call", "no 'anything else I can help with?' or thanks at the end")
