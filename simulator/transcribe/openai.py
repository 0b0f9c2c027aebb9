"""The second engine: openai-whisper (PyTorch) on the CPU, decoding the same speech chunks as the default one.

Its weights are the packaged CTranslate2 models (base, tiny.en) converted back once (convert.py),
so the two engines run the same network and, with the same decoding, write the same words.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import UserError
from ..home import data_home
from ..types import Transcript, Word
from . import DEFAULT_MODEL, DecodeOptions
from .chunks import transcribe_in_chunks
from .convert import cache_path, ensure_checkpoint
from .models import KNOWN, check_model, model_folder
from .words import whisper_words

INSTALL_HINT = "pip install torch==2.13.0 && pip install '.[openai-whisper]' (or `make install`)"


@dataclass(frozen=True)
class ModelSource:
    """Where the weights come from: a checkpoint file, or a CTranslate2 folder to convert first
    (for a model known by name, the folder is found when the model loads: see models.py)."""

    name: str
    checkpoint: Path | None = None
    ct2_dir: Path | None = None


def whisper_cache_dir() -> Path:
    """Where openai-whisper keeps the checkpoints it downloaded (its own default)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "whisper"


def resolve_model(model: str) -> ModelSource:
    """base or tiny.en (packaged), a .pt checkpoint, a CTranslate2 folder, or a name already in
    openai-whisper's download folder.

    Never a download: whisper.load_model("base.en") would reach for the network.
    """
    if model in KNOWN:
        check_model(model)
        return ModelSource(model)
    path = Path(model).expanduser()
    if path.is_file():
        return ModelSource(path.stem, checkpoint=path)
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise UserError(f"--model {path}: neither a .pt checkpoint nor a CTranslate2 model "
                            "folder (model.bin missing)")
        return ModelSource(path.name, ct2_dir=path)
    if path.suffix == ".pt" or os.sep in model:
        raise UserError(f"--model {path}: no such model file or folder")
    downloaded = whisper_cache_dir() / f"{model}.pt"
    if downloaded.is_file():
        return ModelSource(model, checkpoint=downloaded)
    raise UserError(
        f"model {model!r} is not available offline: the models here are {', '.join(KNOWN)} "
        f"(see `mock-interview models`). To use {model}, copy its openai-whisper checkpoint to "
        f"{downloaded} (whisper.load_model({model!r}) saves it there on a machine with internet "
        "access), or pass the path of a .pt checkpoint with --model"
    )


def _require_whisper() -> None:
    if importlib.util.find_spec("whisper") is None or importlib.util.find_spec("torch") is None:
        raise UserError(f"the openai-whisper engine is not installed: run {INSTALL_HINT}")


class OpenAIWhisperTranscriber:
    name = "openai-whisper"

    def __init__(self, model: str = DEFAULT_MODEL, home: Path | None = None,
                 options: DecodeOptions = DecodeOptions(), cpu_threads: int | None = None):
        _require_whisper()
        self.source = resolve_model(model)
        self.home = home
        self.options = options
        self.cpu_threads = cpu_threads or min(4, os.cpu_count() or 1)
        self._model = None
        self._lock = threading.Lock()  # load once, even when a background thread races us
        # One transcription at a time: word timing hooks the model's attention while it runs.
        self._decoding = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._model is None:
                try:
                    import torch
                    import whisper  # noqa: F401  (fails here when the extra is half-installed)
                except ImportError as exc:
                    raise UserError(f"the openai-whisper engine cannot start ({exc}): "
                                    f"run {INSTALL_HINT}") from None
                from ..progressbar import slow_notice

                torch.set_num_threads(self.cpu_threads)
                with slow_notice("Loading the openai-whisper model..."):
                    self._model = self._load_model()
                    _warm_up(self._model, self.options.language)

    def _load_model(self):
        if self.source.checkpoint is not None:
            return _load_checkpoint(self.source.checkpoint, self.source.name)
        home = self.home or data_home()
        ct2_dir = self.source.ct2_dir or model_folder(self.source.name, home).path
        cache = cache_path(home, self.source.name)
        checkpoint = ensure_checkpoint(ct2_dir, cache)
        try:
            return _load_checkpoint(checkpoint, self.source.name)
        except Exception:  # a cache damaged after it was written: make it again, once
            return _load_checkpoint(ensure_checkpoint(ct2_dir, cache, force=True),
                                    self.source.name)

    def transcribe(self, samples: np.ndarray,
                   on_progress: Callable[[float], None] | None = None) -> Transcript:
        """Words with times; `on_progress(seconds_done)` is called as each chunk is decoded."""
        self.load()
        return transcribe_in_chunks(samples, self.options, self._decode_chunk, self.name, on_progress)

    def _decode_chunk(self, audio: np.ndarray) -> list[Word]:
        """One stretch of speech (already found by the VAD) to words, times from its start."""
        import torch
        import whisper

        o = self.options
        # openai-whisper's beam search with one beam is not its greedy decoder; faster-whisper
        # decodes greedily at beam_size=1, so only ask for beams when there are several.
        beams = {"beam_size": o.beam_size} if o.beam_size > 1 else {}
        with self._decoding, torch.no_grad():
            result = whisper.transcribe(
                self._model, audio,
                verbose=None,
                language=o.language,
                temperature=o.temperature,
                initial_prompt=o.initial_prompt,
                condition_on_previous_text=o.condition_on_previous_text,
                no_speech_threshold=o.no_speech_threshold,
                logprob_threshold=o.log_prob_threshold,
                word_timestamps=True,
                fp16=False,
                **beams,
            )
        words: list[Word] = []
        for segment in result["segments"]:
            words += whisper_words((w["word"], w["start"], w["end"], w["probability"])
                                   for w in segment.get("words", ()))
        return words


def _warm_up(model, language: str) -> None:
    """Compile and cache now what the first transcription would otherwise wait for (~2 s)."""
    import torch
    from whisper.timing import dtw
    from whisper.tokenizer import get_tokenizer

    dtw(torch.zeros(2, 2))  # numba compiles word alignment on first use
    get_tokenizer(model.is_multilingual, num_languages=model.num_languages, language=language,
                  task="transcribe")  # the call whisper.transcribe makes, cached


def _load_checkpoint(path: Path, name: str):
    """A Whisper model from a checkpoint file, with the right word-timing heads."""
    import torch
    import whisper
    from whisper.model import ModelDimensions, Whisper

    from .convert import alignment_heads_dump

    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=True)
        dims = ModelDimensions(**checkpoint["dims"])
        model = Whisper(dims)
        model.load_state_dict(checkpoint["model_state_dict"])
    except Exception as exc:
        raise UserError(f"{path}: not an openai-whisper checkpoint ({exc})") from None
    if checkpoint.get("alignment_heads"):  # written by convert.py, from config.json
        dump = alignment_heads_dump(checkpoint["alignment_heads"], dims.n_text_layer,
                                    dims.n_text_head)
        model.set_alignment_heads(dump)
    elif name in whisper._ALIGNMENT_HEADS:  # an official checkpoint, named as whisper names it
        model.set_alignment_heads(whisper._ALIGNMENT_HEADS[name])
    return model.eval()
