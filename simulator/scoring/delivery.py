"""Delivery: pace, fillers, pauses, time to start, hedging, repetition, clarity (the voice
itself, volume and monotone, is in `sound.py`).

Fillers are found on the raw words (punctuation stripped here), never after a Whisper text
normaliser, which deletes them.
"""

from __future__ import annotations

from ..types import Evidence, EvidenceKind, Metric
from ..wording import plural
from . import lexicon as lx
from . import thresholds as th
from .inputs import Inputs, measures
from .language import phrases
from .text import Doc
from .words import STOPWORDS

MIN_PACE_SECONDS = 4.0  # shorter speech gives a pace too noisy to judge
MIN_PACE_WORDS = 8
MIN_CLARITY_WORDS = 5  # fewer words give a share of unclear ones too coarse to judge
PAUSE_QUOTE_WORDS = 6  # the words either side of a long pause that its evidence quotes

# A comma, an ellipsis or a dash after a word: a break in speech, so "like" next to it is a filler.
SPOKEN_BREAKS = (",", "...", "\u2026", "-")
# Why a metric could not be measured (the label of its UNMEASURED evidence).
TYPED = "typed"
TOO_LITTLE_SPEECH = "too little speech"
NO_SPEECH = "no speech"
NO_RECORDING = "no recording"
NO_PITCH_TRACKER = "no pitch tracker"


def unmeasured(name: str, unit: str | None, why: str, reason: str) -> Metric:
    """A metric the input cannot measure: `why` for people, `reason` the short label for code."""
    return Metric(name, None, None, unit, (Evidence(quote="", note=why, kind=EvidenceKind.UNMEASURED, label=reason),))


def _untimed(x: Inputs, name: str, unit: str | None, typed: str) -> Metric:
    """A time-based metric with no timed words: a typed answer, or a recording with no speech in
    it (not "typed": it was spoken, and nothing was heard)."""
    if x.transcript.timed:
        return unmeasured(name, unit, "no speech", NO_SPEECH)
    return unmeasured(name, unit, typed, TYPED)


def _per_100(count: int, words: int) -> float:
    return 100.0 * count / words if words else 0.0


def _minutes(doc: Doc) -> float | None:
    seconds = doc.speech_seconds()
    return None if not seconds else seconds / 60.0


# --- pace ----------------------------------------------------------------------------------


@measures("pace")
def pace(x: Inputs) -> Metric:
    doc, unit = x.doc, th.PACE.unit
    if not doc.timed:
        return _untimed(x, "pace", unit, "typed answer: no pace")
    seconds = doc.speech_seconds() or 0.0
    if seconds < MIN_PACE_SECONDS or doc.n_words < MIN_PACE_WORDS:
        return unmeasured("pace", unit, "too little speech to judge the pace", TOO_LITTLE_SPEECH)
    wpm = doc.n_words / seconds * 60.0
    evidence = []
    if not th.PACE.contains(wpm):
        # The fastest (or slowest) sentence is the one to point at.
        rates = []
        for s0, s1 in doc.sentences:
            n = s1 - s0
            span = (doc.words[s1 - 1].end or 0) - (doc.words[s0].start or 0)
            if n >= 5 and span > 1.0:
                rates.append((n / span * 60.0, s0, s1))
        if rates:
            rate, s0, s1 = max(rates) if wpm > th.PACE.high else min(rates)
            evidence.append(doc.quote_sentence_of(s0, note=f"about {rate:.0f} words a minute here",
                                                  kind=EvidenceKind.PACE, value=float(round(rate))))
    return Metric("pace", th.PACE.score(wpm), round(wpm, 1), unit, tuple(evidence))


# --- fillers -------------------------------------------------------------------------------


def _like_is_filler(doc: Doc, i: int) -> bool:
    """'like' as a filler, not as a verb ('I like helping') or a preposition ('feel like')."""
    prev = doc.norms[i - 1] if i else ""
    starts_sentence = i == 0 or doc.tokens[i - 1].word != doc.tokens[i].word and any(
        s == doc.tokens[i].word for s, _ in doc.sentences)
    if not starts_sentence and prev in lx.LIKE_NOT_FILLER_BEFORE:
        return False
    if doc.ends_with(i, SPOKEN_BREAKS) or (i and doc.ends_with(i - 1, SPOKEN_BREAKS)):
        return True
    return not starts_sentence and prev in lx.LIKE_FILLER_BEFORE


def find_fillers(doc: Doc) -> list[tuple[int, int, str]]:
    """Token spans of fillers: um, uh, er, like, you know, I mean, basically, actually, sort of..."""
    n = doc.norms
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(n):
        w, prev = n[i], n[i - 1] if i else ""
        nxt = n[i + 1] if i + 1 < len(n) else ""
        after = n[i + 2] if i + 2 < len(n) else ""
        if w in lx.FILLER_SOUNDS or w in lx.FILLER_WORDS:
            out.append((i, i + 1, w))
        elif w == "like" and _like_is_filler(doc, i):
            out.append((i, i + 1, w))
        elif w == "you" and nxt == "know" and (doc.ends_with(i + 1, SPOKEN_BREAKS) or (
                prev not in lx.YOU_KNOW_VERB_BEFORE and after not in lx.YOU_KNOW_VERB_AFTER and after != "")):
            out.append((i, i + 2, "you know"))
            i += 2
            continue
        elif w == "i" and nxt == "mean" and (doc.ends_with(i + 1, SPOKEN_BREAKS) or (
                prev not in lx.I_MEAN_VERB_BEFORE and after not in lx.I_MEAN_VERB_AFTER)):
            out.append((i, i + 2, "I mean"))
            i += 2
            continue
        elif w in ("kind", "sort") and nxt == "of" and prev not in lx.KIND_OF_NOUN_BEFORE:
            out.append((i, i + 2, f"{w} of"))
            i += 2
            continue
        i += 1
    return out


@measures("fillers")
def fillers(x: Inputs) -> Metric:
    doc = x.doc
    found = find_fillers(doc)
    per_100 = _per_100(len(found), doc.n_words)
    minutes = _minutes(doc) if doc.timed else None
    counts: dict[str, int] = {}
    for *_, label in found:
        counts[label] = counts.get(label, 0) + 1
    summary = ", ".join(f"'{k}' x{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    # Every filler counted has its evidence, so the review marks each one; a quote keeps a short
    # window around its filler.
    evidence = [doc.quote(i, j, note=f"filler '{label}'", context=3, snap=False, kind=EvidenceKind.FILLER,
                          label=label, count=len(found)) for i, j, label in found]
    if found:
        evidence.insert(0, Evidence(quote="", note=f"{plural(len(found), 'filler')} ({per_100:.1f} per 100 words): {summary}",
                                    kind=EvidenceKind.FILLER_TOTAL, count=len(found), value=round(per_100, 2)))
    if minutes:
        value = len(found) / max(minutes, 0.25)  # a 5-second answer is not "60 a minute" per filler
        score = min(th.FILLERS_PER_MINUTE.score(value), th.FILLERS_PER_100_WORDS.score(per_100))
        return Metric("fillers", score, round(value, 2), th.FILLERS_PER_MINUTE.unit, tuple(evidence))
    return Metric("fillers", th.FILLERS_PER_100_WORDS.score(per_100), round(per_100, 2),
                  th.FILLERS_PER_100_WORDS.unit, tuple(evidence))


# --- hedging and repetition ----------------------------------------------------------------


# "I'd be honest and say I'm not sure", "If I don't know the answer, I...": the line a candidate would say to
# a caller, or the case a question asks about, is no hedge in the answer (new-user probe, twenty-sixth pass:
# both were told "You softened your answer with words like 'I'm not sure'" to "What if you don't know?").
OWN_LINE_VERBS = frozenset({"say", "saying", "said", "tell", "telling", "told", "admit", "admitting", "admitted",
                            "explain", "explaining", "explained"})
LISTENERS = frozenset({"them", "him", "her", "you", "the", "customer", "caller", "honestly", "straight", "that"})
CONDITIONS = frozenset({"if", "when", "whenever"})


def said_or_supposed(doc, i: int) -> bool:
    """Whether a hedge in the first person ("I'm not sure") is a line the candidate would say, after "say",
    "tell them", "admit", or a case supposed after "if" / "when"."""
    if doc.norms[i] != "i":
        return False
    before = doc.norms[max(0, i - 3):i]
    if before[-1:] and before[-1] in CONDITIONS:
        return True
    k = len(before) - 1
    while k >= 0 and before[k] in LISTENERS:
        k -= 1
    return k >= 0 and before[k] in OWN_LINE_VERBS


@measures("hedging")
def hedging(x: Inputs) -> Metric:
    doc = x.doc
    spans = [(i, j) for i, j in phrases(doc, lx.HEDGES) if not said_or_supposed(doc, i)]
    per_100 = _per_100(len(spans), doc.n_words)
    evidence = tuple(doc.quote(i, j, note="hedge", snap=False, kind=EvidenceKind.HEDGE, label=doc.said(i, j))
                     for i, j in spans[:4])
    return Metric("hedging", th.HEDGES_PER_100_WORDS.score(per_100), round(per_100, 2),
                  th.HEDGES_PER_100_WORDS.unit, evidence)


ALLOWED_DOUBLES = frozenset({"very", "really", "so", "no", "yes", "bye", "ha", "many", "much",
                             "more", "again", "far", "long", "over", "had", "that", "is", "on",
                             "and", "one", "two", "times"})


def find_repeats(doc: Doc) -> list[tuple[int, int, str]]:
    """Stutters ('I I'), restarts ('I was I was') and the same four words said again."""
    fillers_at = {k for i, j, _ in find_fillers(doc) for k in range(i, j)}
    idx = [k for k in range(len(doc.tokens)) if k not in fillers_at]
    seq = [doc.norms[k] for k in idx]
    out: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for p in range(1, len(seq)):
        if seq[p] == seq[p - 1] and seq[p] not in ALLOWED_DOUBLES and not seq[p].isdigit() \
                and doc.tokens[idx[p]].word != doc.tokens[idx[p - 1]].word:
            # digits said twice are a number ("nine nine", "$49.99" heard as "4 .9 .9"), not a stutter
            out.append((idx[p - 1], idx[p] + 1, "stutter"))
            used.update((p - 1, p))
        elif p >= 3 and seq[p - 3:p - 1] == seq[p - 1:p + 1] and not used & {p - 3, p - 2, p - 1, p}:
            out.append((idx[p - 3], idx[p] + 1, "restart"))
            used.update(range(p - 3, p + 1))
    seen: dict[tuple[str, ...], int] = {}
    for p in range(len(seq) - 3):
        gram = tuple(seq[p:p + 4])
        if sum(1 for g in gram if g not in STOPWORDS) < 2:
            continue
        if gram in seen and p - seen[gram] >= 4 and not used & set(range(p, p + 4)):
            out.append((idx[p], idx[p + 3] + 1, "said again"))
            used.update(range(p, p + 4))
        seen.setdefault(gram, p)
    return sorted(out)


def repeated_share(doc: Doc) -> float:
    """The share of the answer's tokens that only repeat what was already said."""
    if not doc.tokens:
        return 0.0
    repeated = sum(j - i for i, j, _ in find_repeats(doc))
    return min(1.0, repeated / len(doc.tokens))


@measures("repetition")
def repetition(x: Inputs) -> Metric:
    doc = x.doc
    found = find_repeats(doc)
    per_100 = _per_100(len(found), doc.n_words)
    evidence = tuple(doc.quote(i, j, note=label, context=2, snap=False, kind=EvidenceKind.REPEAT, label=label)
                     for i, j, label in found[:4])
    return Metric("repetition", th.REPEATS_PER_100_WORDS.score(per_100), round(per_100, 2),
                  th.REPEATS_PER_100_WORDS.unit, evidence)


# --- timing --------------------------------------------------------------------------------


@measures("pauses")
def pauses(x: Inputs) -> Metric:
    doc, unit = x.doc, th.LONG_PAUSES.unit
    if not doc.timed:
        return _untimed(x, "pauses", unit, "typed answer: no pauses")
    found = []
    for a, b in doc.segments:  # the silence before a follow-up answer is not a pause mid-answer
        for k in range(a + 1, b):
            gap = (doc.words[k].start or 0) - (doc.words[k - 1].end or 0)
            if doc.unclear_within(doc.words[k - 1].end or 0, doc.words[k].start or 0):
                continue  # words the engine could not make out, not a silence
            if gap > th.LONG_PAUSE_SECONDS:
                found.append((gap, k))
    evidence = []
    for gap, k in found[:4]:
        a, b = doc.segments[doc.segment_of(k)]
        before = doc.quote_words(*doc.phrase(k - 1, k, PAUSE_QUOTE_WORDS, lo=a, hi=k))
        after = doc.quote_words(*doc.phrase(k, k + 1, PAUSE_QUOTE_WORDS, lo=k, hi=b))
        evidence.append(Evidence(f"{before.quote} ... {after.quote}", doc.words[k - 1].end,
                                 doc.words[k].start, f"{gap:.1f} s pause", kind=EvidenceKind.PAUSE,
                                 value=round(gap, 2)))
    return Metric("pauses", th.LONG_PAUSES.score(len(found)), len(found), unit, tuple(evidence))


@measures("time_to_start")
def time_to_start(x: Inputs) -> Metric:
    doc, recording, unit = x.doc, x.recording, th.TIME_TO_START.unit
    if not doc.timed and (recording is None or recording.time_to_start is None):
        return _untimed(x, "time_to_start", unit, "typed answer: no start time")
    if recording is not None and recording.time_to_start is not None:
        seconds = float(recording.time_to_start)
    elif doc.words:
        # From the start of the part the first word is in: a first answer with no words (a
        # follow-up answered instead) is timed from the follow-up's own start.
        seconds = float(doc.words[0].start or 0.0) - doc.segment_starts[doc.segment_of(0)]
    else:
        return unmeasured("time_to_start", unit, "no speech", NO_SPEECH)
    evidence = ()
    if doc.words:
        evidence = (doc.opening(note=f"first words after {seconds:.1f} s", kind=EvidenceKind.FIRST_WORDS,
                                value=round(seconds, 2)),)
    return Metric("time_to_start", th.TIME_TO_START.score(seconds), round(seconds, 2), unit, evidence)


@measures("clarity")
def clarity(x: Inputs) -> Metric:
    doc, unit = x.doc, th.UNSURE_WORDS_PERCENT.unit
    if not doc.timed:
        return _untimed(x, "clarity", unit, "typed answer: no clarity")
    fillers_at = {doc.tokens[i].word for i, _, _ in find_fillers(doc)}
    scored = [(k, w) for k, w in enumerate(doc.words) if w.bare and k not in fillers_at]
    if not scored:
        return unmeasured("clarity", unit, "no speech", NO_SPEECH)
    if len(scored) < MIN_CLARITY_WORDS:  # one unsure word of two is "50% unclear": too few to judge
        return unmeasured("clarity", unit, "too little speech to judge clarity", TOO_LITTLE_SPEECH)
    unsure = [(w.probability or 0.0, k) for k, w in scored if (w.probability or 0.0) < th.UNSURE_WORD_PROBABILITY]
    percent = 100.0 * len(unsure) / len(scored)
    evidence = tuple(doc.quote_words(max(0, k - 2), k + 3, note=f"'{doc.words[k].bare}' was unclear ({p:.0%} sure)",
                                     kind=EvidenceKind.UNCLEAR, label=doc.words[k].bare, value=round(p, 2))
                     for p, k in sorted(unsure)[:3])
    return Metric("clarity", th.UNSURE_WORDS_PERCENT.score(percent), round(percent, 1), unit, evidence)
