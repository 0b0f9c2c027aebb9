"""Sentences to meaning vectors: all-MiniLM-L6-v2 as an int8 CTranslate2 encoder, with a cache.

Thread-safe: a background thread may embed the sentences of an answer while the candidate is
still speaking; a later call for the same sentences finds them in the cache.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import UserError
from ..home import data_home
from .convert import BASE, CACHE_FORMAT, CACHE_NAME, Variant, ensure_model, is_temporary

MODEL_ID = f"{CACHE_NAME}/{CACHE_FORMAT}"  # the vectors of fixed sentences are kept per model

DIM = 384
FIXED_BATCH = 8  # sentences a forward pass when embedding fixed lists
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model; longer text is cut


def cache_key(sentence: str) -> str:
    """The tokenizer splits on whitespace, so runs of spaces cannot change the vector."""
    return " ".join(sentence.split())


class Embedder:
    """`embed(sentences)` -> (n, 384) float32 rows of length 1; cosine similarity is a dot product.

    Nothing heavy is imported or read until the first `load()` or `embed()`. The model is
    converted once into the data folder (`models/all-MiniLM-L6-v2-ct2-int8/`) and reused.
    """

    def __init__(self, home: Path | None = None, threads: int | None = None,
                 cache_size: int = 4096, batch_size: int = 32, progress: bool | None = None,
                 variant: Variant = BASE):
        self.home = home
        self.variant = variant  # the sentence model, or the red-flag model (`flag_encoder.py`)
        self.threads = threads or min(2, os.cpu_count() or 1)
        self.cache_size = cache_size
        self.batch_size = batch_size
        self.progress = progress  # the one-time conversion's bar: None = only on a terminal
        self.model_dir: Path | None = None
        self.computed = 0  # sentences run through the model (cache misses), for tests and benchmarks
        self._encoder = None
        self._tokenizer = None
        self._vocab: frozenset[str] | None = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()  # the cache dict
        self._model_lock = threading.Lock()  # loading, and one forward pass at a time
        self._background: ThreadPoolExecutor | None = None

    # --- loading ---------------------------------------------------------------------------

    def is_word(self, word: str) -> bool:
        """Whether the model's vocabulary holds this as a whole word (not only as pieces)."""
        self.load()
        if self._vocab is None:
            self._vocab = frozenset(k for k in self._tokenizer.get_vocab() if not k.startswith("##"))
        return word in self._vocab

    def load(self) -> None:
        """Convert (first time only) and load the model now; it is otherwise loaded on first use."""
        with self._model_lock:
            self._load_locked()

    def _load_locked(self) -> None:
        if self._encoder is not None:
            return
        try:
            import ctranslate2
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise UserError(f"the sentence model cannot start ({exc}): run `make install`") from None
        home = self.home or data_home()
        folder = ensure_model(home, progress=self.progress, variant=self.variant)
        try:
            encoder, tokenizer = self._open(ctranslate2, Tokenizer, folder)
        except Exception:  # damaged after its manifest was written: convert again, once
            folder = ensure_model(home, force=True, progress=self.progress, variant=self.variant)
            try:
                encoder, tokenizer = self._open(ctranslate2, Tokenizer, folder)
            except Exception as exc:
                raise UserError(f"{folder}: {self.variant.label} cannot be loaded ({exc}); "
                                "delete that folder and try again") from None
        if is_temporary(folder):  # no writable data folder: the copy was for this run, in memory now
            shutil.rmtree(folder, ignore_errors=True)
        self._encoder, self._tokenizer, self.model_dir = encoder, tokenizer, folder

    def _open(self, ctranslate2, Tokenizer, folder: Path):
        tokenizer = shared_tokenizer(Tokenizer, folder / "tokenizer.json")
        encoder = ctranslate2.Encoder(str(folder), device="cpu", compute_type="default",
                                      intra_threads=self.threads)
        return encoder, tokenizer

    # --- embedding -------------------------------------------------------------------------

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row of 384 per sentence, in order; repeats come from the cache."""
        if isinstance(sentences, str):
            raise TypeError("embed() takes a list of sentences, not one string")
        keys = [cache_key(s) for s in sentences]
        if not keys:
            return np.zeros((0, DIM), np.float32)
        found = self._lookup(keys)
        if len(found) < len(set(keys)):
            with self._model_lock:
                self._load_locked()
                found.update(self._lookup([k for k in keys if k not in found]))  # a racer's work
                missing = list(dict.fromkeys(k for k in keys if k not in found))
                if missing:
                    vectors = self._forward(missing)
                    self.computed += len(missing)
                    found.update(zip(missing, vectors))
                    self._store(missing, vectors)
        return np.stack([found[k] for k in keys])

    def prefetch(self, sentences: Sequence[str]) -> Future:
        """Embed in a background thread (one at a time, in order); the result lands in the cache."""
        with self._cache_lock:
            if self._background is None:
                self._background = ThreadPoolExecutor(1, thread_name_prefix="embed")
        return self._background.submit(self.embed, list(sentences))

    def embed_fixed(self, sentences: Sequence[str], name: str) -> np.ndarray:
        """Like `embed`, for a fixed list of sentences that every run needs (exemplars, the bundled
        questions): their vectors are kept on disk beside the converted model, so later runs read
        them instead of computing them (and never pay the batch's memory peak). Not cached in memory."""
        texts = [cache_key(s) for s in sentences]
        digest = hashlib.sha256("\n".join([MODEL_ID, *texts]).encode("utf-8")).hexdigest()[:20]
        with self._model_lock:
            self._load_locked()
        path = self.model_dir / "vectors" / f"{name}-{digest}.npy"
        try:
            vectors = np.load(path, allow_pickle=False)
            if vectors.shape == (len(texts), DIM) and vectors.dtype == np.float32:
                return vectors
        except (OSError, ValueError):
            pass
        vectors = np.empty((len(texts), DIM), np.float32)
        for start in range(0, len(texts), FIXED_BATCH):  # small batches: a small memory peak
            with self._model_lock:
                vectors[start:start + FIXED_BATCH] = self._forward(texts[start:start + FIXED_BATCH])
                self.computed += len(texts[start:start + FIXED_BATCH])
        release_freed_memory()
        try:
            path.parent.mkdir(exist_ok=True, mode=0o700)
            part = path.with_suffix(f".{os.getpid()}.tmp")
            with open(part, "wb") as f:
                np.save(f, vectors, allow_pickle=False)
            os.replace(part, path)
        except OSError:
            pass  # a read-only data folder: computed again next time
        return vectors

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarity of every sentence of `a` with every sentence of `b`: shape (len a, len b)."""
        return self.embed(a) @ self.embed(b).T

    def _lookup(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        with self._cache_lock:
            found = {}
            for k in keys:
                if k in self._cache:
                    self._cache.move_to_end(k)
                    found[k] = self._cache[k]
            return found

    def _store(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        with self._cache_lock:
            for k, v in zip(keys, vectors):
                v = v.copy()
                v.flags.writeable = False  # callers get copies from np.stack; the cache stays true
                self._cache[k] = v
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def _forward(self, texts: list[str]) -> np.ndarray:
        """Mean of the last layer over real tokens, then unit length (sentence-transformers' recipe)."""
        encodings = self._tokenizer.encode_batch(texts)
        out = np.empty((len(texts), DIM), np.float32)
        # Sorted by length so each batch pads little: one long sentence must not make twenty
        # short ones pay for its length.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            rows = order[start:start + self.batch_size]
            ids = [encodings[i].ids for i in rows]
            hidden = np.asarray(self._encoder.forward_batch(ids).last_hidden_state)
            lengths = np.array([len(x) for x in ids])
            mask = (np.arange(hidden.shape[1])[None, :] < lengths[:, None]).astype(np.float32)
            pooled = (hidden * mask[:, :, None]).sum(1) / lengths[:, None]
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


_tokenizers: dict[str, object] = {}
_tokenizers_lock = threading.Lock()


def shared_tokenizer(Tokenizer, path: Path):
    """One tokenizer per tokenizer.json content: the sentence model and the red-flag model read text
    the same way, and each loaded copy costs about 8 MB. Only read once set up (encoding is thread-safe)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with _tokenizers_lock:
        if digest not in _tokenizers:
            tokenizer = Tokenizer.from_str(data.decode("utf-8"))
            tokenizer.no_padding()  # the file pads everything to 128 tokens; batches pad themselves
            tokenizer.enable_truncation(MAX_TOKENS)
            _tokenizers[digest] = tokenizer
        return _tokenizers[digest]


def release_freed_memory() -> None:
    """Hand memory freed after a large batch back to the system (glibc keeps it otherwise)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


_shared: dict[Path, Embedder] = {}
_shared_lock = threading.Lock()


def shared_embedder(home: Path | None = None) -> Embedder:
    """One Embedder per data folder for the whole process, so its cache is shared."""
    key = data_home(home).resolve()
    with _shared_lock:
        if key not in _shared:
            _shared[key] = Embedder(key)
        return _shared[key]


_process: list[Embedder] = []


def process_embedder(home: Path | None = None) -> Embedder:
    """The one Embedder this process judges answers with. The converted model is the same in
    every data folder, so the first call decides where it is converted and cached (`home`, else
    the default data folder) and every later call, whatever its `home`, shares its model and its
    cache: sentences embedded while the candidate speaks are found when the answer is scored."""
    with _shared_lock:
        if not _process:
            key = data_home(home).resolve()
            _process.append(_shared.setdefault(key, Embedder(key)))
        return _process[0]
