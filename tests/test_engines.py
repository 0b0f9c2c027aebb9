"""The openai-whisper engine: its converted checkpoint, and the same words as faster-whisper."""

from __future__ import annotations

import base64
import difflib
import gzip
import json
import os
import re
import shutil
import struct
import sys
from pathlib import Path

import numpy as np
import pytest

from simulator.audio import load
from simulator.errors import UserError
from simulator.transcribe import make_transcriber, packaged_model_dir
from simulator.transcribe.convert import (alignment_heads_dump, cache_is_current, cache_path,
                                          ensure_checkpoint, read_header, whisper_dims)
from simulator.transcribe.faster import FasterWhisperTranscriber
from simulator.transcribe.openai import OpenAIWhisperTranscriber
from simulator.types import SAMPLE_RATE, words_text

SENTENCES = {
    "short": "Hello, my name is Maria and I have three years of experience in customer service.",
    "medium": "When a caller is upset, I listen first, I say sorry for the trouble, and then I "
              "explain what I can do for them today and when they will hear back from me.",
    # Over 30 s, so Whisper decodes it in more than one window.
    "long": "When a customer calls in upset, I first listen carefully without interrupting. "
            "Then I apologize for the trouble and repeat the problem back to make sure I "
            "understood it. After that I explain what I can do right now, and I give a clear "
            "time for any follow up. For example, last year a caller was charged twice for the "
            "same order. I stayed calm, checked the account, issued the refund while she was on "
            "the line, and sent her a confirmation email. She thanked me and later left a "
            "positive review of our team. I think patience and clear communication matter most "
            "in this job, and I always try to end the call with the customer feeling heard.",
}


def plain(word) -> str:
    """A word without case or punctuation, for comparing engines."""
    return re.sub(r"[^\w']", "", word.word.lower())


def words_of(transcript) -> list[str]:
    return [plain(w) for w in transcript.words]


@pytest.fixture(scope="session")
def openai_engine(tmp_path_factory):
    engine = make_transcriber("openai-whisper", home=tmp_path_factory.mktemp("openai-home"))
    engine.load()
    return engine


@pytest.fixture(scope="session")
def float32_faster():
    engine = FasterWhisperTranscriber(compute_type="float32")  # the PyTorch engine's precision
    engine.load()
    return engine


@pytest.fixture(scope="session")
def sentence_audio(speak):
    return {name: load(speak(text, name=name)) for name, text in SENTENCES.items()}


# --- the conversion ------------------------------------------------------------------------


@pytest.mark.slow
def test_conversion_gives_a_checkpoint_whisper_loads_with_the_source_dims(home, capsys):
    import torch
    import whisper
    from whisper.model import sinusoids

    source = packaged_model_dir()
    cache = ensure_checkpoint(source, cache_path(home, "tiny.en"), progress=True)
    assert cache == home / "models" / "openai-whisper" / "tiny.en.pt"
    assert "Converting tiny.en for openai-whisper" in capsys.readouterr().err  # progress bar

    model = whisper.load_model(str(cache), device="cpu")
    dims = vars(model.dims)
    assert dims == whisper_dims(read_header(source / "model.bin"))
    vocabulary = (source / "vocabulary.txt").read_text(encoding="utf-8").splitlines()
    assert dims["n_vocab"] == len(vocabulary) and not model.is_multilingual
    assert (dims["n_audio_layer"], dims["n_text_layer"], dims["n_text_state"]) == (4, 4, 384)
    # CTranslate2 stores the encoder's sinusoids; they must land where Whisper expects them.
    expected = sinusoids(dims["n_audio_ctx"], dims["n_audio_state"])
    assert torch.allclose(model.encoder.positional_embedding, expected, atol=1e-3)
    assert model.decoder.blocks[0].attn.key.bias is None


@pytest.mark.slow
def test_base_converts_for_openai_whisper_as_the_multilingual_model_it_is(home):
    from simulator.transcribe.models import joined_base

    engine = OpenAIWhisperTranscriber("base", home=home)
    engine.load()
    assert cache_path(home, "base").is_file()
    model = engine._model
    assert model.is_multilingual and model.num_languages == 99
    assert (model.dims.n_audio_layer, model.dims.n_text_layer, model.dims.n_text_state) == (6, 6, 512)
    config = json.loads((joined_base(home) / "config.json").read_text())
    heads = model.alignment_heads.to_dense().nonzero().tolist()
    assert sorted(heads) == sorted(config["alignment_heads"])  # word timing as the source has it


@pytest.mark.slow
def test_converting_again_reuses_the_cache(home, capsys):
    source = packaged_model_dir()
    cache = ensure_checkpoint(source, cache_path(home, "tiny.en"), progress=True)
    written = cache.stat().st_mtime_ns
    capsys.readouterr()

    assert ensure_checkpoint(source, cache_path(home, "tiny.en"), progress=True) == cache
    assert cache.stat().st_mtime_ns == written
    assert "Converting" not in capsys.readouterr().err


@pytest.mark.slow
def test_a_truncated_cache_is_detected_and_rebuilt(home):
    import whisper

    source = packaged_model_dir()
    cache = ensure_checkpoint(source, cache_path(home, "tiny.en"), progress=False)
    size = cache.stat().st_size
    with open(cache, "r+b") as f:
        f.truncate(size // 2)
    assert not cache_is_current(source, cache)

    ensure_checkpoint(source, cache, progress=False)
    assert cache.stat().st_size == size and cache_is_current(source, cache)
    whisper.load_model(str(cache), device="cpu")
    assert not list(cache.parent.glob(".*.tmp"))  # no temporary file left behind


@pytest.mark.slow
def test_a_cache_damaged_in_place_is_rebuilt_when_the_engine_loads(home):
    cache = ensure_checkpoint(packaged_model_dir(), cache_path(home, "tiny.en"), progress=False)
    size = cache.stat().st_size
    with open(cache, "r+b") as f:  # same size, so only loading it can tell
        f.write(b"\0" * 4096)

    engine = OpenAIWhisperTranscriber("tiny.en", home=home)
    engine.load()
    assert engine._model.dims.n_vocab == 51864
    assert cache.stat().st_size == size and cache.read_bytes()[:4] != b"\0" * 4


@pytest.mark.slow
def test_a_changed_source_model_is_converted_again(home, tmp_path):
    folder = tmp_path / "my-tiny"
    shutil.copytree(packaged_model_dir(), folder)
    engine = make_transcriber("openai-whisper", model=str(folder), home=home)
    cache = cache_path(home, "my-tiny")
    ensure_checkpoint(folder, cache, progress=False)
    assert cache_is_current(folder, cache)

    stat = (folder / "model.bin").stat()
    os.utime(folder / "model.bin", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert not cache_is_current(folder, cache)
    engine.load()  # a CTranslate2 folder given with --model converts like the packaged one
    assert cache_is_current(folder, cache)


def test_config_alignment_heads_become_whispers_own_mask_for_tiny_en():
    import whisper

    config = json.loads((packaged_model_dir() / "config.json").read_text())
    ours = alignment_heads_dump(config["alignment_heads"], n_layer=4, n_head=6)

    def mask(dump: bytes) -> bytes:
        return gzip.decompress(base64.b85decode(dump))

    assert mask(ours) == mask(whisper._ALIGNMENT_HEADS["tiny.en"])


def test_a_damaged_or_foreign_model_bin_is_a_user_error(tmp_path):
    truncated = tmp_path / "truncated.bin"
    truncated.write_bytes((packaged_model_dir() / "model.bin").read_bytes()[:1_000_000])
    with pytest.raises(UserError, match="not a readable CTranslate2 model.bin"):
        read_header(truncated)

    name = b"TransformerSpec"
    foreign = tmp_path / "foreign.bin"
    foreign.write_bytes(struct.pack("<IH", 6, len(name) + 1) + name + b"\0"
                        + struct.pack("<III", 1, 0, 0))
    with pytest.raises(UserError, match="a TransformerSpec model, not Whisper"):
        read_header(foreign)


# --- choosing a model ----------------------------------------------------------------------


def test_an_unknown_model_name_says_it_is_not_available_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with pytest.raises(UserError) as raised:
        make_transcriber("openai-whisper", model="base.en")
    message = str(raised.value)
    assert "'base.en' is not available offline" in message
    assert str(tmp_path / "whisper" / "base.en.pt") in message
    assert "--model" in message and "tiny.en" in message


def test_a_missing_checkpoint_path_names_the_file(tmp_path):
    with pytest.raises(UserError, match="no such model file"):
        make_transcriber("openai-whisper", model=str(tmp_path / "medium.pt"))


def test_a_file_that_is_not_a_checkpoint_is_a_user_error(tmp_path):
    bogus = tmp_path / "notes.pt"
    bogus.write_text("not a checkpoint")
    engine = make_transcriber("openai-whisper", model=str(bogus))
    with pytest.raises(UserError, match="not an openai-whisper checkpoint"):
        engine.load()


def test_without_openai_whisper_installed_the_error_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "whisper", None)  # makes `import whisper` fail
    with pytest.raises(UserError, match=re.escape("pip install '.[openai-whisper]'")):
        make_transcriber("openai-whisper")


@pytest.mark.slow
def test_a_name_already_in_whispers_download_folder_is_used(home, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    downloads = tmp_path / "cache" / "whisper"
    downloads.mkdir(parents=True)
    converted = ensure_checkpoint(packaged_model_dir(), cache_path(home, "tiny.en"), progress=False)
    shutil.copy(converted, downloads / "tiny-copy.pt")

    engine = make_transcriber("openai-whisper", model="tiny-copy", home=home)
    engine.load()
    assert engine.source.checkpoint == downloads / "tiny-copy.pt"
    assert engine._model.alignment_heads.to_dense().sum() == 8  # config.json's heads, kept


# --- the same words as faster-whisper ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SENTENCES))
def test_both_engines_write_the_same_words(name, sentence_audio, openai_engine, float32_faster,
                                           transcriber):
    samples = sentence_audio[name]
    progress: list[float] = []
    ours = openai_engine.transcribe(samples, on_progress=progress.append)
    assert ours.engine == "openai-whisper" and len(ours.words) >= 10
    assert progress == sorted(progress) and progress[-1] == ours.duration
    assert ours.text == words_text(ours.words)
    assert all(w.word and w.word == w.word.strip() for w in ours.words)  # not Whisper's " I"

    # Same weights at the same precision: the same words, at the same times.
    same_precision = float32_faster.transcribe(samples)
    assert words_of(ours) == words_of(same_precision)
    for a, b in zip(ours.words, same_precision.words):
        assert abs(a.start - b.start) <= 0.2 and abs(a.end - b.end) <= 0.2, (a, b)

    # The default engine runs int8, and rounding can flip a close call ("a" for "her" in
    # "long"), so against it the words agree almost everywhere rather than always; a word beside
    # a flipped one can move by a few hundredths more, the rest stay put.
    default = transcriber.transcribe(samples)
    matcher = difflib.SequenceMatcher(None, words_of(ours), words_of(default), autojunk=False)
    assert matcher.ratio() >= 0.9, (ours.text, default.text)
    shifts = [abs(ours.words[block.a + i].start - default.words[block.b + i].start)
              for block in matcher.get_matching_blocks() for i in range(block.size)]
    assert max(shifts) <= 0.5 and float(np.median(shifts)) <= 0.05

    if name == "long":
        assert ours.duration > 30 and ours.words[-1].end > 30  # past Whisper's first 30 s window
        assert len([p for p in progress if p < ours.duration]) >= 2  # one report per chunk


@pytest.mark.slow
def test_word_times_survive_the_silence_the_speech_gate_removes(speak, openai_engine,
                                                                float32_faster):
    first = load(speak("Thank you for calling, how can I help you today?", name="first"))
    second = load(speak("I can fix that for you right now.", name="second"))
    gap = np.zeros(4 * SAMPLE_RATE, dtype=np.float32)
    samples = np.concatenate([first, gap, second, gap[: 2 * SAMPLE_RATE]])

    ours = openai_engine.transcribe(samples)
    reference = float32_faster.transcribe(samples)
    assert words_of(ours) == words_of(reference)
    assert ours.duration == pytest.approx(len(samples) / SAMPLE_RATE)
    second_start = next(w.start for w in ours.words if plain(w) == "fix")
    assert second_start > (len(first) + len(gap)) / SAMPLE_RATE - 0.5  # after the gap, not in it
    for a, b in zip(ours.words, reference.words):
        assert abs(a.start - b.start) <= 0.2, (a, b)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["silence", "white noise"])
def test_silence_and_noise_give_no_words(kind, openai_engine, transcriber):
    if kind == "silence":
        samples = np.zeros(5 * SAMPLE_RATE, dtype=np.float32)
    else:
        samples = np.random.default_rng(7).normal(0, 0.1, 5 * SAMPLE_RATE).astype(np.float32)
    for engine in (openai_engine, transcriber):
        result = engine.transcribe(samples)
        assert result.words == () and result.text == "", (engine.name, result.text)
        assert result.duration == pytest.approx(5.0)
