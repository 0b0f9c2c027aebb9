"""Delivery: pace, fillers, pauses, time to start, hedging, repetition, clarity, volume, monotone.

Fillers are found on the raw words (punctuation stripped here), never after a Whisper text
normaliser, which deletes them.
"""

from __future__ import annotations

import logging

import numpy as np

from ..types import Evidence, EvidenceKind, Metric, Recording
from . import lexicon as lx
from . import thresholds as th
from .language import phrases
from .text import STOPWORDS, Doc

log = logging.getLogger(__name__)

MIN_PACE_SECONDS = 4.0  # shorter speech gives a pace too noisy to judge
MIN_PACE_WORDS = 8
PAUSE_QUOTE_WORDS = 6  # the words either side of a long pause that its evidence quotes

# Why a metric could not be measured (the label of its UNMEASURED evidence).
TYPED = "typed"
TOO_LITTLE_SPEECH = "too little speech"
NO_SPEECH = "no speech"
NO_RECORDING = "no recording"
NO_PITCH_TRACKER = "no pitch tracker"


def _none(name: str, unit: str | None, why: str, reason: str) -> Metric:
    """A metric the input cannot measure: `why` for people, `reason` the short label for code."""
    return Metric(name, None, None, unit, (Evidence(quote="", note=why, kind=EvidenceKind.UNMEASURED, label=reason),))


def _per_100(count: int, words: int) -> float:
    return 100.0 * count / words if words else 0.0


def _minutes(doc: Doc) -> float | None:
    seconds = doc.speech_seconds()
    return None if not seconds else seconds / 60.0


# --- pace ----------------------------------------------------------------------------------


def pace(doc: Doc) -> Metric:
    unit = th.PACE.unit
    if not doc.timed:
        return _none("pace", unit, "typed answer: no pace", TYPED)
    seconds = doc.speech_seconds() or 0.0
    if seconds < MIN_PACE_SECONDS or doc.n_words < MIN_PACE_WORDS:
        return _none("pace", unit, "too little speech to judge the pace", TOO_LITTLE_SPEECH)
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


def _raw_has_comma(doc: Doc, token: int) -> bool:
    raw = doc.words[doc.tokens[token].word].raw.strip()
    return raw.endswith((",", "...", "\u2026", "-"))


def _like_is_filler(doc: Doc, i: int) -> bool:
    """'like' as a filler, not as a verb ('I like helping') or a preposition ('feel like')."""
    prev = doc.norms[i - 1] if i else ""
    starts_sentence = i == 0 or doc.tokens[i - 1].word != doc.tokens[i].word and any(
        s == doc.tokens[i].word for s, _ in doc.sentences)
    if not starts_sentence and prev in lx.LIKE_NOT_FILLER_BEFORE:
        return False
    if _raw_has_comma(doc, i) or (i and _raw_has_comma(doc, i - 1)):
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
        elif w == "you" and nxt == "know" and (_raw_has_comma(doc, i + 1) or (
                prev not in lx.YOU_KNOW_VERB_BEFORE and after not in lx.YOU_KNOW_VERB_AFTER and after != "")):
            out.append((i, i + 2, "you know"))
            i += 2
            continue
        elif w == "i" and nxt == "mean" and (_raw_has_comma(doc, i + 1) or (
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


def fillers(doc: Doc) -> Metric:
    found = find_fillers(doc)
    per_100 = _per_100(len(found), doc.n_words)
    minutes = _minutes(doc) if doc.timed else None
    counts: dict[str, int] = {}
    for *_, label in found:
        counts[label] = counts.get(label, 0) + 1
    summary = ", ".join(f"'{k}' x{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    # Word marks keep a short window around the filler (the review marks each one by its quote).
    evidence = [doc.quote(i, j, note=f"filler '{label}'", context=3, snap=False, kind=EvidenceKind.FILLER,
                          label=label, count=len(found)) for i, j, label in found[:4]]
    if found:
        evidence.insert(0, Evidence(quote="", note=f"{len(found)} fillers ({per_100:.1f} per 100 words): {summary}",
                                    kind=EvidenceKind.FILLER_TOTAL, count=len(found), value=round(per_100, 2)))
    if minutes:
        value = len(found) / max(minutes, 0.25)  # a 5-second answer is not "60 a minute" per filler
        score = min(th.FILLERS_PER_MINUTE.score(value), th.FILLERS_PER_100_WORDS.score(per_100))
        return Metric("fillers", score, round(value, 2), th.FILLERS_PER_MINUTE.unit, tuple(evidence))
    return Metric("fillers", th.FILLERS_PER_100_WORDS.score(per_100), round(per_100, 2),
                  th.FILLERS_PER_100_WORDS.unit, tuple(evidence))


# --- hedging and repetition ----------------------------------------------------------------


def hedging(doc: Doc) -> Metric:
    spans = phrases(doc, lx.HEDGES)
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
        if seq[p] == seq[p - 1] and seq[p] not in ALLOWED_DOUBLES and doc.tokens[idx[p]].word != doc.tokens[idx[p - 1]].word:
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


def repetition(doc: Doc) -> Metric:
    found = find_repeats(doc)
    per_100 = _per_100(len(found), doc.n_words)
    evidence = tuple(doc.quote(i, j, note=label, context=2, snap=False, kind=EvidenceKind.REPEAT, label=label)
                     for i, j, label in found[:4])
    return Metric("repetition", th.REPEATS_PER_100_WORDS.score(per_100), round(per_100, 2),
                  th.REPEATS_PER_100_WORDS.unit, evidence)


# --- timing --------------------------------------------------------------------------------


def pauses(doc: Doc) -> Metric:
    unit = th.LONG_PAUSES.unit
    if not doc.timed:
        return _none("pauses", unit, "typed answer: no pauses", TYPED)
    found = []
    for a, b in doc.segments:  # the silence before a follow-up answer is not a pause mid-answer
        for k in range(a + 1, b):
            gap = (doc.words[k].start or 0) - (doc.words[k - 1].end or 0)
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


def time_to_start(doc: Doc, recording: Recording | None) -> Metric:
    unit = th.TIME_TO_START.unit
    if not doc.timed and (recording is None or recording.time_to_start is None):
        return _none("time_to_start", unit, "typed answer: no start time", TYPED)
    if recording is not None and recording.time_to_start is not None:
        seconds = float(recording.time_to_start)
    elif doc.words:
        # From the start of the part the first word is in: a first answer with no words (a
        # follow-up answered instead) is timed from the follow-up's own start.
        seconds = float(doc.words[0].start or 0.0) - doc.segment_starts[doc.segment_of(0)]
    else:
        return _none("time_to_start", unit, "no speech", NO_SPEECH)
    evidence = ()
    if doc.words:
        evidence = (doc.opening(note=f"first words after {seconds:.1f} s", kind=EvidenceKind.FIRST_WORDS,
                                value=round(seconds, 2)),)
    return Metric("time_to_start", th.TIME_TO_START.score(seconds), round(seconds, 2), unit, evidence)


def clarity(doc: Doc) -> Metric:
    unit = th.UNSURE_WORDS_PERCENT.unit
    if not doc.timed:
        return _none("clarity", unit, "typed answer: no clarity", TYPED)
    fillers_at = {doc.tokens[i].word for i, _, _ in find_fillers(doc)}
    scored = [(k, w) for k, w in enumerate(doc.words) if w.bare and k not in fillers_at]
    if not scored:
        return _none("clarity", unit, "no speech", NO_SPEECH)
    unsure = [(w.probability or 0.0, k) for k, w in scored if (w.probability or 0.0) < th.UNSURE_WORD_PROBABILITY]
    percent = 100.0 * len(unsure) / len(scored)
    evidence = tuple(doc.quote_words(max(0, k - 2), k + 3, note=f"'{doc.words[k].bare}' was unclear ({p:.0%} sure)",
                                     kind=EvidenceKind.UNCLEAR, label=doc.words[k].bare, value=round(p, 2))
                     for p, k in sorted(unsure)[:3])
    return Metric("clarity", th.UNSURE_WORDS_PERCENT.score(percent), round(percent, 1), unit, evidence)


# --- the sound itself ----------------------------------------------------------------------


def _speech_mask(doc: Doc, n: int, rate: int) -> np.ndarray:
    """Samples inside words (or all samples when there are no word times)."""
    mask = np.zeros(n, dtype=bool)
    if doc.timed:
        for w in doc.words:
            mask[int(max(0.0, w.start or 0) * rate):int(max(0.0, w.end or 0) * rate)] = True
    if not mask.any():
        mask[:] = True
    return mask


def _db(power: float) -> float:
    return 10.0 * np.log10(power) if power > 0 else -120.0


def volume(doc: Doc, recording: Recording | None) -> Metric:
    unit = th.SPEECH_LEVEL_DBFS.unit
    if recording is None or not len(recording.samples):
        return _none("volume", unit, "no recording", NO_RECORDING)
    x = np.asarray(recording.samples, dtype=np.float64)
    rate = recording.sample_rate
    mask = _speech_mask(doc, len(x), rate)
    level = _db(float(np.mean(np.square(x[mask])))) if mask.any() else -120.0
    clipped = float(np.mean(np.abs(x) >= th.CLIPPING_LEVEL))
    score = th.SPEECH_LEVEL_DBFS.score(level)
    evidence: list[Evidence] = []
    if clipped > th.CLIPPED_SHARE_LIMIT:
        score = min(score, th.CLIPPED_SCORE_CAP)
    if doc.timed and doc.words:
        per_sentence = []
        for s0, s1 in doc.sentences:
            a = int((doc.words[s0].start or 0) * rate)
            b = int((doc.words[s1 - 1].end or 0) * rate)
            if b > a:
                seg = x[a:b]
                per_sentence.append((_db(float(np.mean(np.square(seg)))), float(np.mean(np.abs(seg) >= th.CLIPPING_LEVEL)), s0, s1))
        if per_sentence and clipped > th.CLIPPED_SHARE_LIMIT:
            _, share, s0, s1 = max(per_sentence, key=lambda r: r[1])
            evidence.append(doc.quote_words(s0, min(s1, s0 + 16), note=f"distorted: {share:.1%} of samples clipped",
                                            kind=EvidenceKind.CLIPPED, value=round(share, 4)))
        elif per_sentence and level < th.SPEECH_LEVEL_DBFS.low:
            db, _, s0, s1 = min(per_sentence)
            evidence.append(doc.quote_words(s0, min(s1, s0 + 16), note=f"quiet: {db:.0f} dBFS",
                                            kind=EvidenceKind.QUIET, value=round(db, 1)))
    evidence.insert(0, Evidence(quote="", note=f"speech level {level:.0f} dBFS, {clipped:.2%} clipped",
                                kind=EvidenceKind.LEVEL, value=round(level, 1)))
    return Metric("volume", score, round(level, 1), unit, tuple(evidence))


def pitch_track(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Times (s) and voice pitch (Hz, 0 when unvoiced) of each 10 ms frame, in one Praat pass."""
    import parselmouth  # heavy and optional: only when there is audio to judge

    snd = parselmouth.Sound(np.asarray(samples, dtype=np.float64), sampling_frequency=rate)
    pitch = snd.to_pitch(time_step=0.01, pitch_floor=75.0, pitch_ceiling=500.0)
    return np.asarray(pitch.xs()), pitch.selected_array["frequency"]


def semitones(f0: np.ndarray) -> np.ndarray:
    """Voiced frames in semitones from their median."""
    voiced = f0[f0 > 0]
    return 12.0 * np.log2(voiced / np.median(voiced)) if len(voiced) else voiced


def _spread(semitones: np.ndarray) -> float:
    """A robust standard deviation (10th-90th percentile range / 2.56), immune to octave slips."""
    lo, hi = np.percentile(semitones, [10, 90])
    return float(hi - lo) / 2.563


def monotone(doc: Doc, recording: Recording | None) -> Metric:
    unit = th.PITCH_VARIATION_SEMITONES.unit
    if recording is None or not len(recording.samples):
        return _none("monotone", unit, "no recording", NO_RECORDING)
    try:
        # One pass over the whole answer; sentences are slices of it (a pass per sentence
        # cost a 60 s answer about 250 ms after the candidate stopped talking).
        times, f0 = pitch_track(recording.samples, recording.sample_rate)
        st = semitones(f0)
    except ImportError:
        return _none("monotone", unit, "pitch needs praat-parselmouth (pip install praat-parselmouth)",
                     NO_PITCH_TRACKER)
    if len(st) * 0.01 < th.PITCH_MIN_VOICED_SECONDS:
        return _none("monotone", unit, "too little voiced speech to judge the pitch", TOO_LITTLE_SPEECH)
    spread = _spread(st)
    evidence = [Evidence(quote="", note=f"pitch varied by {spread:.1f} semitones", kind=EvidenceKind.PITCH,
                         value=round(spread, 2))]
    if doc.timed and doc.words and spread < th.PITCH_VARIATION_SEMITONES.low:
        flats = []
        for s0, s1 in doc.sentences:
            a, b = doc.words[s0].start or 0.0, doc.words[s1 - 1].end or 0.0
            if b - a > 1.5:
                seg = semitones(f0[(times >= a) & (times <= b)])
                if len(seg) > 50:
                    flats.append((_spread(seg), s0, s1))
        if flats:
            sd, s0, s1 = min(flats)
            evidence.append(doc.quote_words(s0, min(s1, s0 + 16), note=f"flattest sentence: {sd:.1f} semitones",
                                            kind=EvidenceKind.FLAT, value=round(sd, 2)))
    return Metric("monotone", th.PITCH_VARIATION_SEMITONES.score(spread), round(spread, 2), unit, tuple(evidence))
