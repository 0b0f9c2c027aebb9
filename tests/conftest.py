"""Shared fixtures. Every test gets its own empty data folder (like simonw/llm's user-dir fixture)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"  # screenshots and reports kept from the last run


@pytest.fixture(scope="session")
def meaning_model(tmp_path_factory) -> Path:
    """The sentence model, converted once for the whole run (about 2 s), not once per data folder."""
    from simulator.meaning import convert

    return convert.ensure_model(tmp_path_factory.mktemp("meaning-model"), progress=False)


@pytest.fixture(scope="session")
def flag_model(tmp_path_factory) -> Path:
    """The red-flag model (the sentence model's layers fine-tuned, `flag_encoder.py`), converted once."""
    from simulator.meaning import convert, flag_encoder

    return convert.ensure_model(tmp_path_factory.mktemp("flag-model"), progress=False, variant=flag_encoder.VARIANT)


# Tests that convert the model on purpose (and damage their copy) get a data folder without it.
OWN_MODEL_MODULES = {"test_meaning"}


@pytest.fixture(autouse=True)
def home(request, tmp_path, monkeypatch, meaning_model, flag_model) -> Path:
    """Point the data folder at a fresh temporary directory for every test. Its converted
    sentence model and red-flag model are links to the ones converted for the run (scoring
    embeds sentences)."""
    path = tmp_path / "home"
    path.mkdir()
    if request.module.__name__.rsplit(".", 1)[-1] not in OWN_MODEL_MODULES:
        (path / "models").mkdir()
        (path / "models" / meaning_model.name).symlink_to(meaning_model, target_is_directory=True)
        (path / "models" / flag_model.name).symlink_to(flag_model, target_is_directory=True)
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(path))
    return path


def need_tool(name: str) -> str:
    """The path of a system tool, or skip the test saying which package provides it."""
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (make install, or .ci/run, installs it)")
    return found


@pytest.fixture(scope="session")
def speak(tmp_path_factory):
    """Synthesize speech with espeak-ng: speak(text, name=None, speed=160) -> WAV path."""
    folder = tmp_path_factory.mktemp("speech")
    cache: dict[tuple[str, int], Path] = {}

    def _speak(text: str, name: str | None = None, speed: int = 160) -> Path:
        key = (text, speed)
        if key not in cache:
            espeak = need_tool("espeak-ng")
            out = folder / f"{name or len(cache)}.wav"
            subprocess.run([espeak, "-v", "en-us", "-s", str(speed), "-w", str(out), text],
                           check=True, capture_output=True)
            cache[key] = out
        return cache[key]

    return _speak


@pytest.fixture(scope="session")
def transcriber():
    """The default engine, loaded once for the whole run."""
    from simulator.transcribe import make_transcriber

    engine = make_transcriber()
    engine.load()
    return engine


def run_cli(*args: str, input: str | None = None, env: dict | None = None, timeout: float = 600):
    """Run `python -m simulator` in a child process, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "simulator", *args], input=input,
                          capture_output=True, text=True, env=full_env, timeout=timeout, cwd=ROOT)


def assert_stored_fit(fit, weights: Path, stale: str) -> None:
    """A model's stored weights (`weights`, a JSON file) are what `fit()` makes of its rows as they
    are now (`stale`: what to run when they are not), and the fit gives the same weights every time.
    The sentence model's int8 kernels differ by CPU (AVX-512 with AMX against others): a fit of the
    same rows on another machine differs by up to ~0.04 per weight (the verdict model's 384 weights,
    fitted on one machine and refitted on an AMX one: 1.7% of the weights' length, cosine 0.99985), so
    the stored fit is checked as a direction and a length, to 3%; on one machine the fit is exact, and
    a changed row changes the fingerprint."""
    import json

    import numpy as np

    w, b, fingerprint = fit()
    stored = json.loads(weights.read_text(encoding="utf-8"))
    assert stored["fingerprint"] == fingerprint, stale
    kept = np.asarray(stored["weights"])
    assert np.linalg.norm(kept - w) <= 0.03 * np.linalg.norm(w) and abs(stored["bias"] - b) < 0.01
    w2, b2, _ = fit()
    assert np.array_equal(w, w2) and b == b2
