"""The numpy pitch tracker (simulator/scoring/pitch.py): right on tones, close to Praat on speech,
and a spoken answer is scored without Praat or torch in memory."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from simulator.audio import load
from simulator.scoring import pitch
from simulator.scoring.sound import _spread, semitones

from conftest import ROOT, need_tool

RATE = 16000


def glide(f_start: float, f_end: float, seconds: float) -> np.ndarray:
    """A voiced-like tone (a fundamental and three harmonics) gliding between two pitches."""
    t = np.arange(int(seconds * RATE)) / RATE
    f = np.geomspace(f_start, f_end, len(t))
    phase = 2 * np.pi * np.cumsum(f) / RATE
    wave = sum(np.sin(k * phase) / k for k in range(1, 5))
    return (0.3 * wave / np.max(np.abs(wave))).astype(np.float32)


@pytest.mark.parametrize("f_start,f_end", [(100.0, 100.0), (120.0, 240.0), (300.0, 180.0)])
def test_tones_are_tracked_at_their_pitch(f_start, f_end):
    samples = glide(f_start, f_end, 2.0)
    times, f0 = pitch.track(samples, RATE)
    expected = np.geomspace(f_start, f_end, len(samples))[(times * RATE).astype(int)]
    inner = slice(5, -5)  # frames whose window lies inside the tone
    assert np.all(f0[inner] > 0)
    assert np.max(np.abs(np.log2(f0[inner] / expected[inner])) * 12) < 0.3  # semitones


def test_silence_and_noise_are_unvoiced():
    rng = np.random.default_rng(1)
    tone = glide(150.0, 150.0, 1.0)
    noise = (0.2 * rng.standard_normal(RATE)).astype(np.float32)
    _, f0 = pitch.track(np.concatenate([np.zeros(RATE, np.float32), tone, noise]), RATE)
    silent, voiced, noisy = f0[5:90], f0[110:190], f0[215:290]
    assert not silent.any()
    assert np.all(voiced > 0)
    assert np.mean(noisy > 0) < 0.1
    assert pitch.track(np.zeros(100, np.float32), RATE)[1].size == 0  # shorter than one window


@pytest.mark.slow
def test_pitch_variation_agrees_with_praat_on_speech(speak):
    """Praat's own tracker (praat-parselmouth, a test requirement) on espeak-ng voices from flat
    to lively and on a real reader: the pitch variation the monotone metric reports is within
    0.3 semitones, and the voiced frames agree."""
    parselmouth = pytest.importorskip("parselmouth")
    espeak = need_tool("espeak-ng")
    text = ("Last winter a customer called because her heating bill had doubled and she was "
            "worried she could not pay. I listened, apologized, and called her back the next day.")
    clips = []
    for rng in ("x-low", "medium", "x-high"):
        out = ROOT / "test-artifacts" / f"pitch-{rng}.wav"
        out.parent.mkdir(exist_ok=True)
        ssml = f'<speak><prosody range="{rng}">{text}</prosody></speak>'
        subprocess.run([espeak, "-m", "-v", "en-us", "-s", "150", "-w", str(out), ssml], check=True)
        clips.append(load(out))
    clips.append(load(speak(text, speed=170)))
    for samples in clips:
        snd = parselmouth.Sound(samples.astype(np.float64), sampling_frequency=RATE)
        praat = snd.to_pitch(time_step=0.01, pitch_floor=75.0, pitch_ceiling=500.0)
        praat_f0 = praat.selected_array["frequency"]
        _, ours = pitch.track(samples, RATE)
        assert abs(_spread(semitones(ours)) - _spread(semitones(praat_f0))) < 0.3
        n = min(len(ours), len(praat_f0))
        assert np.mean((ours[:n] > 0) == (praat_f0[:n] > 0)) > 0.9


def test_a_spoken_answer_is_scored_without_praat_or_torch(tmp_path):
    """Memory: Praat (about 70 MB resident once imported) and torch are not on the product's
    scoring path. A fresh interpreter scores an answer with its recording, then lists them."""
    code = """
import json, sys
import numpy as np
from simulator.scoring.measure import measure
from simulator.types import Question, Recording, Transcript, Word
q = Question(id="why-call-center", text="Why do you want to work in a call center?")
rate = 16000
t = np.arange(8 * rate) / rate
samples = (0.2 * np.sin(2 * np.pi * (140 + 20 * np.sin(t)) * t)).astype(np.float32)
words = tuple(Word(f" word{i}", 0.5 + 0.4 * i, 0.8 + 0.4 * i, 0.9) for i in range(18))
transcript = Transcript(text="".join(w.word for w in words).strip(), words=words, duration=8.0,
                        engine="test")
m = measure(q, transcript, Recording(samples), home=sys.argv[1])
metrics = {x.name: x for x in m.metrics}
print(json.dumps({"monotone": metrics["monotone"].value, "volume": metrics["volume"].value,
                  "loaded": [name for name in ("parselmouth", "torch") if name in sys.modules]}))
"""
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["monotone"] is not None and result["volume"] is not None  # the sound was judged
    assert result["loaded"] == []


@pytest.mark.slow
def test_a_long_answer_is_read_in_windows_that_tell_the_same(speak):
    """Over `PITCH_MAX_SECONDS` the pitch is read in evenly spaced windows only (the pass runs
    after the candidate stops): on two minutes of speech the variation it reports is within a
    quarter of a semitone of the whole answer's, in less than two thirds of the frames."""
    from simulator.scoring import thresholds as th
    from simulator.scoring.sound import pitch_track

    sentences = ["At the phone company I answered about sixty calls a day, mostly billing.",
                 "One morning a man called, furious that his internet had been down for a week.",
                 "I listened, said I was sorry, and booked a technician for the same afternoon.",
                 "Then I called him back at five to make sure it was working again."]
    speech = np.concatenate([load(speak(s, speed=speed)) for speed in (140, 160, 180) for s in sentences] * 3)
    assert len(speech) > 1.5 * th.PITCH_MAX_SECONDS * RATE
    whole_times, whole = pitch.track(speech, RATE)
    times, f0 = pitch_track(speech, RATE)
    assert len(f0) < 0.67 * len(whole) and np.all(np.diff(times) > 0)
    assert times[0] < 1 and times[-1] > whole_times[-1] - 1  # from the start to the end
    assert abs(_spread(semitones(f0)) - _spread(semitones(whole))) < 0.25
