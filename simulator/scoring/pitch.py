"""Voice pitch from the sound, in numpy: an autocorrelation tracker after Boersma (1993).

Praat (through praat-parselmouth) did this before; importing it cost a session about 70 MB of
resident memory and its pass over an answer another 25 MB, for one number per answer (how
much the pitch varies). This tracker follows the same method, with Praat's `To Pitch (ac)`
defaults for what it needs: Hanning-windowed frames three floor periods long, every 10 ms;
the frame's autocorrelation divided by the window's (which keeps peaks at long lags honest);
candidates at its local maxima between the ceiling's and the floor's period, each weighed by
an octave cost; a frame is voiced when its best candidate beats the voicing threshold and it is
not near-silent compared with the loudest frame; the path through the candidates is chosen
with Praat's octave-jump and voicing-change costs (Viterbi). `tests/test_pitch.py` keeps it
close to Praat on speech.
"""

from __future__ import annotations

import numpy as np

TIME_STEP = 0.01  # s between frames
FLOOR, CEILING = 75.0, 500.0  # Hz: Praat's defaults for a speaking voice
PERIODS_PER_WINDOW = 3.0  # Praat's ac method with a Hanning window
VOICING_THRESHOLD = 0.45
SILENCE_THRESHOLD = 0.03  # of the loudest frame's peak
OCTAVE_COST = 0.01  # per octave below the ceiling: favours the higher of equal candidates
OCTAVE_JUMP_COST = 0.35
VOICED_UNVOICED_COST = 0.14
MAX_CANDIDATES = 15
FRAMES_PER_BLOCK = 512  # frames analysed at once: keeps the working memory to a few MB


def track(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Times (s, frame centres) and pitch (Hz, 0 when unvoiced) of each 10 ms frame."""
    x = np.asarray(samples, dtype=np.float32)
    window_len = int(round(PERIODS_PER_WINDOW / FLOOR * rate))
    step = int(round(TIME_STEP * rate))
    if len(x) < window_len:
        return np.zeros(0), np.zeros(0)
    n_frames = 1 + (len(x) - window_len) // step
    times = (np.arange(n_frames) * step + window_len / 2) / rate
    min_lag = max(2, int(np.floor(rate / CEILING)))
    max_lag = min(window_len - 1, int(np.ceil(rate / FLOOR)))
    window = np.hanning(window_len + 2)[1:-1].astype(np.float32)
    n_fft = 1 << int(np.ceil(np.log2(window_len + max_lag + 2)))  # no wrap-around up to max_lag
    window_ac = np.fft.irfft(np.abs(np.fft.rfft(window, n_fft)) ** 2, n_fft)[:max_lag + 2]
    window_ac = (window_ac / window_ac[0]).astype(np.float32)
    mean = float(np.mean(x))
    global_peak = max(float(np.max(x)) - mean, mean - float(np.min(x))) or 1.0
    # A frame this quiet is unvoiced on every path: its unvoiced strength beats the strongest
    # voiced candidate (at most 1 + OCTAVE_COST * log2(CEILING / FLOOR)) by more than the two
    # voicing changes it could save. Its autocorrelation is not worth computing.
    strongest = 1.0 + OCTAVE_COST * np.log2(CEILING / FLOOR) + 2 * VOICED_UNVOICED_COST

    cand_f = np.zeros((n_frames, MAX_CANDIDATES + 1), np.float32)  # column 0: unvoiced
    cand_s = np.full((n_frames, MAX_CANDIDATES + 1), -np.inf, np.float32)
    for first in range(0, n_frames, FRAMES_PER_BLOCK):
        count = min(FRAMES_PER_BLOCK, n_frames - first)
        starts = (first + np.arange(count)) * step
        frames = x[starts[:, None] + np.arange(window_len)[None, :]]
        frames = frames - frames.mean(axis=1, keepdims=True)
        local_peak = np.max(np.abs(frames), axis=1)
        unvoiced = VOICING_THRESHOLD + np.maximum(
            0.0, 2.0 - (local_peak / global_peak) / (SILENCE_THRESHOLD / (1.0 + VOICING_THRESHOLD)))
        cand_s[first:first + count, 0] = unvoiced
        live = np.flatnonzero(unvoiced < strongest)
        if not len(live):
            continue
        spectrum = np.fft.rfft(frames[live] * window, n_fft, axis=1)
        ac = np.fft.irfft(spectrum.real ** 2 + spectrum.imag ** 2, n_fft, axis=1)[:, :max_lag + 2]
        energy = ac[:, :1]
        ac = np.where(energy > 0, ac / np.where(energy > 0, energy, 1.0), 0.0) / window_ac
        freqs, strengths = cand_f[first + live], cand_s[first + live]
        _candidates(ac, min_lag, max_lag, rate, freqs, strengths)
        cand_f[first + live], cand_s[first + live] = freqs, strengths
    return times, _best_path(cand_f, cand_s)


def _candidates(ac: np.ndarray, min_lag: int, max_lag: int, rate: int,
                freqs: np.ndarray, strengths: np.ndarray) -> None:
    """The strongest local maxima of each frame's autocorrelation, into columns 1.. of the outputs."""
    lags = np.arange(min_lag, max_lag + 1)
    mid, left, right = ac[:, lags], ac[:, lags - 1], ac[:, lags + 1]
    peaks = (mid > left) & (mid >= right)
    # Parabolic interpolation of each peak's lag and height.
    curve = left - 2 * mid + right
    shift = np.where(curve < 0, 0.5 * (left - right) / np.where(curve < 0, curve, -1.0), 0.0)
    height = mid - 0.25 * (left - right) * shift
    lag = lags[None, :] + shift
    # Praat's candidates: a clear peak (half the voicing threshold), its pitch within the range.
    peaks &= (mid > 0.5 * VOICING_THRESHOLD) & (lag > rate / CEILING) & (lag < rate / FLOOR)
    octaves = np.log2(FLOOR * np.where(peaks, lag, rate / FLOOR) / rate)
    # Above 1 only where dividing by the window blew a long lag up: Praat takes the inverse.
    height = np.where(height > 1.0, 1.0 / np.maximum(height, 1.0), height)
    strength = np.where(peaks, height - OCTAVE_COST * octaves, -np.inf)
    keep = min(MAX_CANDIDATES, strength.shape[1])
    best = np.argpartition(-strength, keep - 1, axis=1)[:, :keep]
    rows = np.arange(len(ac))[:, None]
    strengths[:, 1:keep + 1] = strength[rows, best]
    found = np.isfinite(strength[rows, best])
    freqs[:, 1:keep + 1] = np.where(found, rate / np.where(found, lag[rows, best], 1.0), 0.0)


def _best_path(freqs: np.ndarray, strengths: np.ndarray) -> np.ndarray:
    """Praat's path finder: the sequence of candidates with the best strengths less transition costs."""
    n = len(freqs)
    if n == 0:
        return np.zeros(0)
    k = 1 + int(np.isfinite(strengths[:, 1:]).sum(axis=1).max())  # candidates any frame has
    order = np.argsort(~np.isfinite(strengths[:, 1:]), axis=1, kind="stable")[:, :k - 1] + 1
    rows = np.arange(n)[:, None]
    columns = np.concatenate([np.zeros((n, 1), np.int64), order], axis=1)
    freqs, strengths = freqs[rows, columns], strengths[rows, columns]
    voiced = freqs > 0
    log_f = np.log2(np.where(voiced, freqs, 1.0))
    scale = 0.01 / TIME_STEP
    score = strengths[0].astype(np.float64)
    back = np.zeros((n, k), np.int16)
    across = np.arange(k)
    for first in range(1, n, FRAMES_PER_BLOCK):  # the transition costs, a block at a time
        last = min(n, first + FRAMES_PER_BLOCK)
        before, after = slice(first - 1, last - 1), slice(first, last)
        both = voiced[before][:, :, None] & voiced[after][:, None, :]
        jump = OCTAVE_JUMP_COST * np.abs(log_f[before][:, :, None] - log_f[after][:, None, :])
        change = VOICED_UNVOICED_COST * (voiced[before][:, :, None] != voiced[after][:, None, :])
        costs = scale * np.where(both, jump, change)
        for j, i in enumerate(range(first, last)):
            total = score[:, None] - costs[j]
            best = total.argmax(axis=0)
            back[i] = best
            score = total[best, across] + strengths[i]
    path = np.empty(n, np.int64)
    path[-1] = int(np.argmax(score))
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return freqs[np.arange(n), path].astype(np.float64)
