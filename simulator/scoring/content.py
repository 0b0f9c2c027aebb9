"""Content: key points, specificity, structure and length (relevance has its own module)."""

from __future__ import annotations

from ..types import Coverage, Evidence, EvidenceKind, Metric, QuestionKind
from ..wording import plural
from . import delivery
from . import lexicon as lx
from . import thresholds as th
from .actions import action_spans
from .clauses import norms_of
from .inputs import Inputs, measures
from .plan import specificity_parts
from .text import Doc

@measures("key_points")
def key_points(x: Inputs) -> Metric | None:
    """How many of the question's (or the customer line's) key points the answer says, by
    meaning and stance (`points.py`): a point said the other way round ("I don't enjoy helping
    people") is denied and earns nothing. None without key points."""
    doc, readings = x.doc, x.points_read
    if not readings:
        return None
    credits, evidence, covered = [], [], 0
    for r in readings:
        typed = dict(kind=EvidenceKind.KEY_POINT, label=r.point.label, index=r.index,
                     value=round(r.similarity, 2), coverage=r.coverage)
        if r.coverage is Coverage.COVERED:
            covered += 1
            credits.append(1.0)
        elif r.coverage is Coverage.PARTIAL:
            share = (r.similarity - th.POINT_PARTIAL) / (th.POINT_COVERED - th.POINT_PARTIAL)
            credits.append(th.KEY_POINT_PARTIAL_CREDIT * max(0.0, min(1.0, share)))
        else:
            credits.append(0.0)
        note = {Coverage.COVERED: "covers", Coverage.PARTIAL: "partly covers", Coverage.DENIED: "denies",
                Coverage.MISSING: "missing"}[r.coverage]
        if r.clause is not None and r.coverage is not Coverage.MISSING:
            evidence.append(doc.quote_words(r.clause.start, r.clause.end, note=f"{note}: {r.point.label}", **typed))
        else:
            evidence.append(Evidence(quote="", note=f"{note}: {r.point.label}", **typed))
    # A short answer is judged on what it said: it cannot be expected to cover every point
    # (the length metric says it was short); a full answer is expected to cover them all.
    # (A reply on a call answers one line: two of its points make it whole.)
    floor = 1.0 if doc.n_words < th.KEY_POINTS_FROM_WORDS else \
        th.KEY_POINTS_AT_LEAST if x.call_reply else th.KEY_POINTS_EXPECTED_FLOOR
    expected = min(len(readings), max(floor, doc.n_words / th.WORDS_PER_KEY_POINT))
    score = min(100.0, 100.0 * sum(credits) / expected)
    # "100 ... 1 of 5 key points" reads as a mistake without what was expected (said beside it)
    evidence += _padding(x)
    return Metric("key_points", score, covered, f"of {len(readings)} key points", tuple(evidence),
                  expected=round(expected, 2) if expected < len(readings) else None)


def _padding(x: Inputs) -> list[Evidence]:
    """In a padded answer (`th.PADDED_SHARE` of its words, at least `th.PADDED_WORDS` long), each run
    of words that only says the question, the setting or the caller back, or fills time: what the
    key points' cap (`Cap.PADDED`) and its tip read. Nothing in an answer that is not padded."""
    doc, padded = x.doc, sorted(x.padded)
    share = len(padded) / doc.n_words if doc.n_words else 0.0
    if doc.n_words < th.PADDED_WORDS or share < th.PADDED_SHARE:
        return []
    runs: list[list[int]] = []
    for k in padded:
        if runs and k == runs[-1][1]:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    runs.sort(key=lambda r: r[0] - r[1])  # the longest first: the tip quotes it
    return [doc.quote_words(a, b, note="said back", kind=EvidenceKind.SAID_BACK, value=round(share, 2))
            for a, b in runs]


def _numbers(doc: Doc) -> list[int]:
    out = []
    for i, n in enumerate(doc.norms):
        nxt = doc.norms[i + 1] if i + 1 < len(doc.norms) else ""
        if any(c.isdigit() for c in n) or n in lx.SPOKEN_NUMBERS or (n == "one" and nxt in lx.UNITS):
            out.append(i)
    return out


def says_nothing(doc: Doc) -> bool:
    """The whole answer is "I don't know", "I'm not sure", "No idea" (`lx.NO_ANSWER`): no answer,
    which the coach says as such, not as what every candidate says nor as hedging."""
    return bool(doc.words) and lx.NO_ANSWER.fullmatch(doc.text) is not None


@measures("specificity")
def specificity(x: Inputs) -> Metric:
    """How concrete the answer is, by what the question asks for (each part saturates):
    behavioral, a real situation, actions you took, numbers and a result; situational, the
    concrete steps you would take; general, a short example or a concrete detail (no numbers
    needed)."""
    doc = x.doc
    parts = specificity_parts(x.question)
    facts = "example" not in parts and "situation" not in parts
    # What every candidate says sets up no example of its own: "I love helping people at my job"
    # is no example, and no detail, for the words "at my job". (What it goes on to do still counts:
    # "I'd stay calm, let them finish, and then ask for their account" is a cliché with actions.)
    canned_words = {k for c in x.cliches for k in range(c.start, c.end)}
    actions = action_spans(doc, plan=x.question.kind is QuestionKind.SITUATIONAL)
    numbers = _numbers(doc)
    situation = [(i, j) for i, j in _situations(x) if not set(range(*doc.token_words(i, j))) <= canned_words]
    # A moment in which the candidate does nothing is no example of theirs: "once a waiter
    # remembered my order" is the candidate as a customer (it made a thin answer score 67), "once a
    # customer shouted at my manager" a bystander. With no action of theirs in the answer, a moment
    # in which they are only "my" or "me" is someone else's ("At the shop I take the complaints" is theirs).
    if not actions and not action_spans(doc, plan=True):
        situation = [(i, j) for i, j in situation if not _someone_elses(doc, i)]
    steps = doc.find_all(lx.STEPS)
    found = {
        "situation": (situation, 1), "example": (situation, 1), "actions": (actions, th.SPECIFIC_ACTIONS_FOR_FULL),
        "numbers": (numbers and [(n, n + 1) for n in numbers], th.SPECIFIC_NUMBERS_FOR_FULL),
        "result": (_outcome_span(x), 1), "steps": (steps, 2),
        # a concrete detail: a number, a thing you did, or a real place (and for a question of
        # facts, a day or a time of day: "Saturdays", "Tuesday mornings")
        "detail": (sorted(set(actions) | {(n, n + 1) for n in numbers} | set(situation)
                          | set(doc.find_all(lx.SCHEDULE) if facts else ())), th.SPECIFIC_DETAILS_FOR_FULL),
    }
    score, evidence, summary = 0.0, [], []
    for part, weight in parts.items():
        spans, full = found[part]
        spans = list(spans or [])
        score += weight * min(1.0, len(spans) / full)
        summary.append(plural(len(spans), PART_NOUNS.get(part, part)))
        if not spans:
            evidence.append(Evidence(quote="", note=f"missing: {SPECIFICITY_NAMES[part]}",
                                     kind=EvidenceKind.PART, label=part, coverage=Coverage.MISSING))
            continue
        for i, j in spans[:2 if part in ("actions", "steps", "detail") else 1]:
            evidence.append(_part_quote(doc, i, j, note=SPECIFICITY_NAMES[part], kind=EvidenceKind.PART, label=part,
                                        coverage=Coverage.COVERED))
    sentences = [c for c in x.clauses if c.sentence]
    canned = x.cliches
    # Mostly canned, or opened with a canned line as its answer ("My weakness is that I work too
    # hard."): what every candidate says (the overall is capped when no example of its own follows).
    if sentences and (len(canned) / len(sentences) >= th.CLICHE_SHARE or canned[:1] == sentences[:1]):
        # Backed by an example of its own, the line is no fault: the review says so beside the score.
        note = "what every candidate says" + (", backed by your own example" if score >= th.STRENGTH_AT_LEAST else "")
        for c in canned[:2]:
            evidence.append(doc.quote_words(c.start, c.end, note=note, kind=EvidenceKind.CLICHE))
    return Metric("specificity", score, ", ".join(summary), None, tuple(evidence))


PART_NOUNS = {"actions": "action", "numbers": "number", "steps": "step"}  # the rest are singular


def _situations(x: Inputs) -> list[tuple[int, int]]:
    """Where a real situation or an example is set up. Not one: "For example." with nothing after
    it in its sentence; a workplace in the question's own words ("in a call center", to "Why do
    you want to work in a call center?") or one wished for ("I'd love to work in a bank"): the
    place asked about, or hoped for, is no moment of the candidate's own."""
    doc = x.doc
    asked = f" {' '.join(norms_of(x.question.text))} "
    out = []
    for i, j in doc.find_all(lx.SITUATION):
        a, b = doc.token_words(i, j)
        _, end = doc.sentence_of(a)
        if doc.norms[i] == "for" and end - b < th.EXAMPLE_WORDS_AFTER:
            continue
        if doc.norms[i] in ("at", "in") and (f" {' '.join(doc.norms[i:j])} " in asked or _wished(doc, i)):
            continue
        out.append((i, j))
    return out


# What a candidate says about what they think, not what they do ("Being nice, I think").
OPINION_VERBS = frozenset({"think", "guess", "suppose", "mean", "hope", "believe", "reckon", "feel", "felt",
                           "thought", "know", "would", "am", "was"})


def _someone_elses(doc: Doc, i: int) -> bool:
    """Whether the sentence of token i has the candidate in it only as "my" or "me" ("a waiter
    remembered my order"), never as the one who does something ("I take", "we get"; an opinion,
    "I think", is not doing)."""
    a, b = doc.sentence_of(doc.tokens[i].word)
    k = [t for t, tok in enumerate(doc.tokens) if a <= tok.word < b]
    does = any(doc.norms[t] in ("i", "we") and t + 1 < len(doc.norms) and doc.norms[t + 1] not in OPINION_VERBS
               for t in k)
    return not does and any(doc.norms[t] in ("my", "me") for t in k)


def _wished(doc: Doc, i: int) -> bool:
    """Whether the place at token i is one the candidate would like to work in ("...to work in a
    bank"), not one they worked in ("I used to work in a bank" is a past of their own)."""
    return doc.norms[max(0, i - 2):i] == ["to", "work"] and (i < 3 or doc.norms[i - 3] != "used")


def _part_quote(doc: Doc, i: int, j: int, **typed) -> Evidence:
    """Evidence for a part of a concrete answer: the phrase it sits in; after "For example," or
    "For instance," the words that follow, which are the example ("For example." alone is none)."""
    _, b = doc.token_words(i, j)
    if doc.norms[i] == "for" and doc.norms[j - 1] in ("example", "instance") and b < len(doc.words):
        return doc.quote_words(*doc.phrase(b, b + 1, lo=b), **typed)
    return doc.quote(i, j, **typed)


# How each part of a concrete answer is named in evidence (and in tips: "I didn't hear ...").
SPECIFICITY_NAMES = {
    "situation": "a real situation", "example": "an example", "actions": "an action you took",
    "numbers": "a number", "result": "a result", "steps": "the steps in order",
    "detail": "a concrete detail",
}


@measures("structure")
def structure(x: Inputs) -> Metric | None:
    """STAR for behavioral answers; clear steps for situational ones; None for other kinds."""
    doc, kind = x.doc, x.question.kind
    if kind is QuestionKind.BEHAVIORAL:
        parts = {
            "situation": doc.find_all(lx.SITUATION),
            "task": doc.find_all(lx.TASK),
            "action": action_spans(doc),
            "result": _outcome_span(x),
        }
        needed = {"situation": 1, "task": 1, "action": 2, "result": 1}
    elif kind is QuestionKind.SITUATIONAL:
        parts = {
            "listen first": doc.find_all(lx.EMPATHY + lx.LISTEN_FIRST),
            "steps": doc.find_all(lx.STEPS),
            "action": action_spans(doc, plan=True),
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
            evidence.append(_part_quote(doc, *spans[0], note=name, kind=EvidenceKind.PART, label=name,
                                        coverage=Coverage.COVERED))
        else:
            evidence.append(Evidence(quote="", note=f"missing: {name}", kind=EvidenceKind.PART, label=name,
                                     coverage=Coverage.MISSING))
    if not _outcome_span(x) and doc.words:
        ending = doc.ending(note=NO_OUTCOME[kind], kind=EvidenceKind.NO_RESULT, label=NO_OUTCOME[kind])
        if ending is not None:
            evidence.append(ending)
    return Metric("structure", score, ", ".join(found) or "none", None, tuple(evidence))


# What a story or a plan lacked when it never said what it did for the customer.
NO_OUTCOME = {QuestionKind.BEHAVIORAL: "how it turned out for the customer",
              QuestionKind.SITUATIONAL: "what you would do for the customer"}


def _outcome_span(x: Inputs) -> list[tuple[int, int]]:
    """Where the story says how it ended for the customer (or the plan what you would do): the
    clause that means it, else the words that say it ("in the end", "she thanked me"; "I'd
    offer..."); [] when nothing does. Learning a lesson is not how it ended for the customer."""
    clause, near = x.outcome
    if clause is not None and near >= th.OUTCOME_MEANING:
        first = next(k for k, t in enumerate(x.doc.tokens) if t.word >= clause.start)
        last = max(k for k, t in enumerate(x.doc.tokens) if t.word < clause.end)
        return [(first, last + 1)]
    if x.question.kind is QuestionKind.SITUATIONAL:
        return x.doc.find(lx.ACTION_PLAN)[:1]
    return x.doc.find_all(lx.CUSTOMER_RESULT)[:1]


@measures("length")
def length(x: Inputs) -> Metric:
    """Length in seconds of speech (typed answers: words at a speaking pace) against the band.

    Words said again (the same phrases repeated) do not count: an answer said twice is not longer.
    """
    doc, repeated_share = x.doc, delivery.repeated_share(x.doc)
    low, high = x.band
    if doc.timed:
        seconds = doc.speech_seconds() or 0.0
    else:
        seconds = doc.n_words / th.TYPED_WORDS_PER_MINUTE * 60
    seconds *= max(0.0, 1.0 - repeated_share)
    scale = th.Band(low, high, low * th.LENGTH_ZERO_BELOW, high * th.LENGTH_ZERO_ABOVE, "seconds",
                    f"{low:.0f} to {high:.0f} seconds")
    score = scale.score(seconds)
    if seconds < low:  # short falls off gently: a brief answer that answers is not a failure
        score = 100.0 * (seconds / low) ** th.LENGTH_SHORT_EXPONENT
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
        opening = doc.opening(note=f"the whole answer, shorter than the {low:.0f} seconds I'd like",
                              kind=EvidenceKind.TOO_SHORT, value=float(low))
        if opening is not None:  # its first sentence: never the answer and its follow-up as one
            evidence.append(opening)
    return Metric("length", score, round(seconds, 1), "seconds", tuple(evidence))
