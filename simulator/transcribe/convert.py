"""A CTranslate2 Whisper model (the packaged tiny.en) turned back into an openai-whisper checkpoint.

openai-whisper would download its weights; the only weights on the machine are CTranslate2's.
Both hold the same tensors under other names (CTranslate2 fuses the attention projections),
so the conversion is a renaming plus a few splits, written once into the data folder.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import UserError
from ..home import private_mkdir

if TYPE_CHECKING:
    import torch

CT2_BINARY_VERSION = 6  # the layout ctranslate2/specs/model_spec.py `_serialize` writes
CACHE_FORMAT = 1  # bump when the checkpoint layout written here changes

# CTranslate2's DataType enum order (include/ctranslate2/types.h).
_DTYPE_NAMES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")

_PARAM = {"weight": "weight", "bias": "bias", "gamma": "weight", "beta": "bias"}
_MODULES = {
    "encoder/conv1": "encoder.conv1",
    "encoder/conv2": "encoder.conv2",
    "encoder/layer_norm": "encoder.ln_post",
    "decoder/layer_norm": "decoder.ln",
    "decoder/embeddings": "decoder.token_embedding",
}
_WHOLE = {
    "encoder/position_encodings/encodings": "encoder.positional_embedding",
    "decoder/position_encodings/encodings": "decoder.positional_embedding",
}
# Per layer: CTranslate2 module -> the openai-whisper modules its rows hold, in order.
_LAYER_MODULES = {
    ("self_attention", "linear_0"): ("attn.query", "attn.key", "attn.value"),
    ("self_attention", "linear_1"): ("attn.out",),
    ("self_attention", "layer_norm"): ("attn_ln",),
    ("attention", "linear_0"): ("cross_attn.query",),
    ("attention", "linear_1"): ("cross_attn.key", "cross_attn.value"),
    ("attention", "linear_2"): ("cross_attn.out",),
    ("attention", "layer_norm"): ("cross_attn_ln",),
    ("ffn", "linear_0"): ("mlp.0",),
    ("ffn", "linear_1"): ("mlp.2",),
    ("ffn", "layer_norm"): ("mlp_ln",),
}
_LAYER_NAME = re.compile(r"(encoder|decoder)/layer_(\d+)/(\w+)/(\w+)/(weight|bias|gamma|beta)")
_TIED_PROJECTION = ("decoder/projection/weight", "decoder/embeddings/weight")


@dataclass(frozen=True)
class Variable:
    """One tensor's entry in model.bin: where its bytes are and what they hold."""

    name: str
    shape: tuple[int, ...]
    dtype: str
    offset: int
    nbytes: int


@dataclass(frozen=True)
class Ct2Model:
    path: Path
    spec: str
    revision: int
    variables: dict[str, Variable]
    aliases: dict[str, str]  # alias -> the variable whose bytes it shares


def read_header(path: Path) -> Ct2Model:
    """The variable table of a CTranslate2 model.bin, without reading the tensors."""
    try:
        with open(path, "rb") as f:
            version = _read(f, "I")
            if version != CT2_BINARY_VERSION:
                raise UserError(f"{path}: CTranslate2 binary version {version} is not supported "
                                f"(expected {CT2_BINARY_VERSION})")
            spec, revision = _read_string(f), _read(f, "I")
            variables: dict[str, Variable] = {}
            for _ in range(_read(f, "I")):
                name = _read_string(f)
                shape = tuple(_read(f, "I") for _ in range(_read(f, "B")))
                dtype = _DTYPE_NAMES[_read(f, "B")]
                nbytes = _read(f, "I")
                variables[name] = Variable(name, shape, dtype, f.tell(), nbytes)
                f.seek(nbytes, os.SEEK_CUR)
            aliases = {_read_string(f): _read_string(f) for _ in range(_read(f, "I"))}
    except (struct.error, IndexError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: not a readable CTranslate2 model.bin ({exc})") from None
    if spec != "WhisperSpec":
        raise UserError(f"{path}: a {spec} model, not Whisper")
    return Ct2Model(path, spec, revision, variables, aliases)


def _read(f: BinaryIO, fmt: str) -> int:
    size = struct.calcsize("<" + fmt)
    data = f.read(size)
    if len(data) != size:
        raise struct.error("the file ends early")
    return struct.unpack("<" + fmt, data)[0]


def _read_string(f: BinaryIO) -> str:
    data = f.read(_read(f, "H"))
    return data.rstrip(b"\0").decode("utf-8")


def _load_tensor(f: BinaryIO, var: Variable) -> "torch.Tensor":
    import torch

    f.seek(var.offset)
    data = bytearray(f.read(var.nbytes))
    if len(data) != var.nbytes:
        raise UserError(f"{f.name}: the file ends inside {var.name}")
    return torch.frombuffer(data, dtype=getattr(torch, var.dtype)).reshape(var.shape)


def whisper_dims(model: Ct2Model) -> dict[str, int]:
    """openai-whisper's ModelDimensions, read off the tensor shapes and head counts."""
    v = model.variables

    def layers(side: str) -> int:
        found = {int(m.group(2)) for name in v if (m := _LAYER_NAME.fullmatch(name))
                 and m.group(1) == side}
        return max(found) + 1

    with open(model.path, "rb") as f:
        heads = {side: int(_load_tensor(f, v[f"{side}/num_heads"]))
                 for side in ("encoder", "decoder")}
    return {
        "n_mels": v["encoder/conv1/weight"].shape[1],
        "n_audio_ctx": v["encoder/position_encodings/encodings"].shape[0],
        "n_audio_state": v["encoder/position_encodings/encodings"].shape[1],
        "n_audio_head": heads["encoder"],
        "n_audio_layer": layers("encoder"),
        "n_vocab": v["decoder/embeddings/weight"].shape[0],
        "n_text_ctx": v["decoder/position_encodings/encodings"].shape[0],
        "n_text_state": v["decoder/position_encodings/encodings"].shape[1],
        "n_text_head": heads["decoder"],
        "n_text_layer": layers("decoder"),
    }


def whisper_tensors(name: str, tensor: "torch.Tensor") -> list[tuple[str, "torch.Tensor"]]:
    """The openai-whisper state-dict entries one CTranslate2 variable becomes (none: a setting)."""
    if tensor.dim() == 0:  # flags and head counts, not weights
        return []
    if name in _WHOLE:
        return [(_WHOLE[name], tensor)]
    module, _, param = name.rpartition("/")
    if module in _MODULES and param in _PARAM:
        return [(f"{_MODULES[module]}.{_PARAM[param]}", tensor)]
    match = _LAYER_NAME.fullmatch(name)
    if not match or (match.group(3), match.group(4)) not in _LAYER_MODULES:
        raise UserError(f"unexpected variable {name!r}: not a Whisper model this converter knows")
    side, layer, block, linear, param = match.groups()
    targets = _LAYER_MODULES[(block, linear)]
    out = []
    for target, part in zip(targets, tensor.chunk(len(targets), dim=0)):
        if target.endswith(".key") and param == "bias":
            # Whisper's key projection has no bias; CTranslate2 padded the fused bias with zeros.
            if part.abs().max() != 0:
                raise UserError(f"{name}: a key bias that is not zero cannot be kept by Whisper")
            continue
        out.append((f"{side}.blocks.{layer}.{target}.{_PARAM[param]}", part.clone()))
    return out


def alignment_heads_dump(pairs: list[list[int]], n_layer: int, n_head: int) -> bytes:
    """The [layer, head] pairs as openai-whisper's `set_alignment_heads` wants them."""
    import numpy as np

    mask = np.zeros((n_layer, n_head), dtype=bool)
    for layer, head in pairs:
        mask[layer, head] = True
    return base64.b85encode(gzip.compress(mask.tobytes()))


def convert(model_dir: Path, label: str = "the model", progress: bool | None = None) -> dict:
    """The checkpoint dict `whisper.load_model` reads: dims, model_state_dict (float16 as stored).

    An extra key, alignment_heads, keeps config.json's word-timing heads. The progress bar goes
    to stderr: always (True), never (False), or only when it is a terminal (None).
    """
    import torch
    from tqdm import tqdm

    model = read_header(model_dir / "model.bin")
    dims = whisper_dims(model)
    for alias, target in model.aliases.items():
        if (alias, target) != _TIED_PROJECTION:
            raise UserError(f"{model.path}: alias {alias} -> {target} has no place in Whisper")
    if "decoder/projection/weight" in model.variables:
        raise UserError(f"{model.path}: an output projection not tied to the embeddings")

    state: dict[str, torch.Tensor] = {}
    bar = tqdm(model.variables.values(), desc=f"Converting {label} for openai-whisper",
               unit="tensor", file=sys.stderr,
               disable=None if progress is None else not progress)
    with open(model.path, "rb") as f:
        for var in bar:
            if var.dtype not in ("float32", "float16", "bfloat16") and var.shape:
                raise UserError(f"{model.path}: {var.name} is quantized ({var.dtype}); "
                                "convert from a float16 or float32 CTranslate2 model")
            state.update(whisper_tensors(var.name, _load_tensor(f, var)))
    _check_against_whisper(state, dims, model.path)
    return {
        "dims": dims,
        "model_state_dict": state,
        "alignment_heads": _alignment_pairs(model_dir, dims),
    }


def _alignment_pairs(model_dir: Path, dims: dict[str, int]) -> list[list[int]]:
    """config.json's alignment heads, or Whisper's default (every head of the last half)."""
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text()) if config_path.is_file() else {}
    pairs = config.get("alignment_heads")
    if not pairs:
        n_layer, n_head = dims["n_text_layer"], dims["n_text_head"]
        return [[layer, head] for layer in range(n_layer // 2, n_layer) for head in range(n_head)]
    return [[int(layer), int(head)] for layer, head in pairs]


def _check_against_whisper(state: dict, dims: dict[str, int], source: Path) -> None:
    """Every parameter Whisper expects, with its shape, and nothing else."""
    import torch
    from whisper.model import AudioEncoder, TextDecoder

    d = dims
    with torch.device("meta"):  # shapes only, no memory
        parts = {
            "encoder": AudioEncoder(d["n_mels"], d["n_audio_ctx"], d["n_audio_state"],
                                    d["n_audio_head"], d["n_audio_layer"]),
            "decoder": TextDecoder(d["n_vocab"], d["n_text_ctx"], d["n_text_state"],
                                   d["n_text_head"], d["n_text_layer"]),
        }
    expected = {f"{part}.{k}": tuple(t.shape)
                for part, module in parts.items() for k, t in module.state_dict().items()}
    got = {k: tuple(t.shape) for k, t in state.items()}
    if got != expected:
        missing = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        wrong = sorted(k for k in set(got) & set(expected) if got[k] != expected[k])
        raise UserError(f"{source}: does not map onto Whisper (missing {missing[:3]}, "
                        f"unexpected {extra[:3]}, wrong shape {wrong[:3]})")


# --- the cache in the data folder ----------------------------------------------------------


def cache_path(home: Path, name: str) -> Path:
    return home / "models" / "openai-whisper" / f"{name}.pt"


def _sidecar(cache: Path) -> Path:
    return cache.with_name(cache.name + ".json")


def _fingerprint(model_dir: Path) -> dict:
    """What the cache was made from; any change means convert again."""
    source = (model_dir / "model.bin").resolve()
    stat = source.stat()
    return {"format": CACHE_FORMAT, "source": str(source), "source_size": stat.st_size,
            "source_mtime_ns": stat.st_mtime_ns}


def cache_is_current(model_dir: Path, cache: Path) -> bool:
    """True when the cache was made from this model.bin and was written completely."""
    try:
        recorded = json.loads(_sidecar(cache).read_text())
        return (recorded.pop("checkpoint_size") == cache.stat().st_size
                and recorded == _fingerprint(model_dir))
    except (OSError, ValueError, KeyError, AttributeError):
        return False


def ensure_checkpoint(model_dir: Path, cache: Path, force: bool = False,
                      progress: bool | None = None) -> Path:
    """The converted checkpoint, converting (and caching) it if the cache is missing or stale."""
    if not force and cache_is_current(model_dir, cache):
        return cache
    import torch

    checkpoint = convert(model_dir, label=cache.stem, progress=progress)
    private_mkdir(cache.parent)
    write_atomically(cache, lambda f: torch.save(checkpoint, f))
    record = {**_fingerprint(model_dir), "checkpoint_size": cache.stat().st_size}
    write_atomically(_sidecar(cache), lambda f: f.write(json.dumps(record, indent=1).encode()))
    return cache


def write_atomically(path: Path, write, accept=lambda: True) -> None:
    """Write beside `path`, then rename, if `accept()` agrees: no reader sees half a file."""
    private_mkdir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        if accept():
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
