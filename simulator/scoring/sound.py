"""Delivery from the sound itself: volume (level and clipping) and monotone (pitch variation)."""

from __future__ import annotations

import numpy as np

from ..types import Evidence, EvidenceKind, Metric
from . import thresholds as th
from .delivery import NO_RECORDING, TOO_LITTLE_SPEECH, unmeasured
from .inputs import Inputs, measures
from . import pitch
from .text import Doc


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


def _power(x: np.ndarray) -> float:
    """Mean square, accumulated in float64."""
    return float(np.einsum("i,i->", x, x, dtype=np.float64)) / len(x)


def _clipped_share(x: np.ndarray) -> float:
    return float(np.count_nonzero(np.abs(x) >= th.CLIPPING_LEVEL)) / len(x)


def _no_sound(name: str) -> Metric:
    """A typed answer has no sound at all: the metric is there, with nothing measured."""
    return Metric(name, None, None, None, ())


@measures("volume")
def volume(x: Inputs) -> Metric:
    doc, recording, unit = x.doc, x.recording, th.SPEECH_LEVEL_DBFS.unit
    if not doc.timed and recording is None:
        return _no_sound("volume")
    if recording is None or not len(recording.samples):
        return unmeasured("volume", unit, "no recording", NO_RECORDING)
    # float32 as recorded; sums are taken in float64 (no float64 copy of a whole answer).
    x = np.asarray(recording.samples, dtype=np.float32)
    rate = recording.sample_rate
    mask = _speech_mask(doc, len(x), rate)
    level = _db(_power(x[mask])) if mask.any() else -120.0
    clipped = _clipped_share(x)
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
                per_sentence.append((_db(_power(seg)), _clipped_share(seg), s0, s1))
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
    """Times (s) and voice pitch (Hz, 0 when unvoiced) of each 10 ms frame (pitch.py); over
    `th.PITCH_MAX_SECONDS`, of the frames in `th.PITCH_WINDOWS` evenly spaced windows only."""
    if len(samples) <= th.PITCH_MAX_SECONDS * rate:
        return pitch.track(samples, rate)
    window = int(th.PITCH_MAX_SECONDS / th.PITCH_WINDOWS * rate)
    starts = np.linspace(0, len(samples) - window, th.PITCH_WINDOWS).astype(int)
    parts = [pitch.track(samples[s:s + window], rate) for s in starts]
    return (np.concatenate([t + s / rate for (t, _), s in zip(parts, starts)]),
            np.concatenate([f0 for _, f0 in parts]))


def semitones(f0: np.ndarray) -> np.ndarray:
    """Voiced frames in semitones from their median."""
    voiced = f0[f0 > 0]
    return 12.0 * np.log2(voiced / np.median(voiced)) if len(voiced) else voiced


def _spread(semitones: np.ndarray) -> float:
    """A robust standard deviation (10th-90th percentile range / 2.56), immune to octave slips."""
    lo, hi = np.percentile(semitones, [10, 90])
    return float(hi - lo) / 2.563


@measures("monotone")
def monotone(x: Inputs) -> Metric:
    doc, recording, unit = x.doc, x.recording, th.PITCH_VARIATION_SEMITONES.unit
    if not doc.timed and recording is None:
        return _no_sound("monotone")
    if recording is None or not len(recording.samples):
        return unmeasured("monotone", unit, "no recording", NO_RECORDING)
    # One pass over the whole answer; sentences are slices of it (a pass per sentence
    # cost a 60 s answer about 250 ms after the candidate stopped talking).
    times, f0 = pitch_track(recording.samples, recording.sample_rate)
    st = semitones(f0)
    if len(st) * 0.01 < th.PITCH_MIN_VOICED_SECONDS:
        return unmeasured("monotone", unit, "too little voiced speech to judge the pitch", TOO_LITTLE_SPEECH)
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
