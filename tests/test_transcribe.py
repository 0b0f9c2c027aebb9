"""The default engine on real speech: words with times, no words from silence or noise."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import soundfile as sf

from simulator import audio
from simulator.errors import UserError
from simulator.transcribe import make_transcriber, packaged_model_dir

from conftest import run_cli

pytestmark = pytest.mark.slow

SENTENCE = "I want to work in a call center because I really enjoy helping people."


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def test_the_bundled_model_is_a_local_ctranslate2_folder():
    folder = packaged_model_dir()
    assert (folder / "model.bin").stat().st_size > 10_000_000
    assert json.loads((folder / "config.json").read_text())["alignment_heads"]


def test_speech_becomes_words_with_increasing_times(transcriber, speak):
    samples = audio.load(speak(SENTENCE))
    t = transcriber.transcribe(samples)
    assert "call center" in t.text.lower() and "helping people" in t.text.lower()
    starts = [w.start for w in t.words]
    assert starts == sorted(starts)
    assert 0 <= t.words[0].start < 1.0 and t.words[-1].end <= t.duration + 0.05
    assert all(0 <= w.probability <= 1 for w in t.words)
    assert t.duration == pytest.approx(len(samples) / 16_000)


def test_silence_and_noise_give_no_words(transcriber):
    rng = np.random.default_rng(1)
    assert transcriber.transcribe(np.zeros(16_000 * 8, np.float32)).words == ()
    noise = (rng.standard_normal(16_000 * 8) * 0.1).astype(np.float32)
    assert transcriber.transcribe(noise).words == ()
    hum = (0.2 * np.sin(2 * np.pi * 60 * np.arange(16_000 * 8) / 16_000)).astype(np.float32)
    assert transcriber.transcribe(hum).words == ()


def test_speech_after_long_silence_keeps_its_real_time(transcriber, speak):
    samples = audio.load(speak(SENTENCE))
    padded = np.concatenate([np.zeros(16_000 * 5, np.float32), samples])
    t = transcriber.transcribe(padded)
    assert "helping" in t.text.lower()
    assert 4.5 < t.words[0].start < 6.0  # VAD-gated, yet times map back to the original audio


def test_a_48k_stereo_flac_gives_the_same_words(transcriber, speak, tmp_path):
    mono = audio.load(speak(SENTENCE))
    import soxr

    hi = soxr.resample(mono, 16_000, 48_000)
    path = tmp_path / "answer.flac"
    sf.write(path, np.stack([hi, hi], axis=1), 48_000, format="FLAC")
    assert words_of(transcriber.transcribe(audio.load(path)).text) == words_of(transcriber.transcribe(mono).text)


def test_fillers_are_kept(transcriber, speak):
    t = transcriber.transcribe(audio.load(speak("Um, I think, uh, that I would stay calm.")))
    assert {"um", "uh"} & set(words_of(t.text))


def test_a_hub_name_is_refused_with_a_way_forward():
    with pytest.raises(UserError, match="not available offline"):
        make_transcriber("faster-whisper", "large-v3")
    with pytest.raises(UserError, match="unknown engine"):
        make_transcriber("whisper.cpp")


def test_transcribe_command_text_and_json(speak):
    wav = speak(SENTENCE)
    plain = run_cli("transcribe", str(wav))
    assert plain.returncode == 0, plain.stderr
    assert "call center" in plain.stdout.lower()
    as_json = run_cli("transcribe", str(wav), "--json")
    data = json.loads(as_json.stdout)  # stdout is only the JSON document
    assert data["words"] and {"word", "start", "end", "probability"} <= set(data["words"][0])


def test_transcribe_command_on_a_missing_or_broken_file_exits_2(tmp_path):
    missing = run_cli("transcribe", str(tmp_path / "nope.wav"))
    assert missing.returncode == 2 and "nope.wav" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"\x00" * 100)
    result = run_cli("transcribe", str(broken))
    assert result.returncode == 2 and "broken.wav" in result.stderr and "Traceback" not in result.stderr


def test_decoding_resumes_when_whisper_stops_before_the_speech_does(speak):
    """Whisper sometimes ends a chunk after its first sentence; the rest must still be decoded."""
    from simulator.transcribe import DecodeOptions
    from simulator.transcribe.chunks import transcribe_in_chunks
    from simulator.types import Word

    first = audio.load(speak("I stayed calm and listened to the customer."))
    second = audio.load(speak("Then I fixed the billing error and called her back."))
    samples = np.concatenate([first, np.zeros(4_000, np.float32), second])
    calls = []

    def decode(chunk):  # like Whisper on a bad day: one word at the start of whatever it gets
        calls.append(len(chunk) / 16_000)
        return [Word(" word", 0.2, 0.6, 0.9)] if len(calls) <= 2 else []

    t = transcribe_in_chunks(samples, DecodeOptions(), decode, "test")
    assert len(calls) >= 2 and calls[1] < calls[0]  # resumed on what was left, not from the start
    assert t.words[1].start > t.words[0].end  # the resumed words sit later on the timeline
