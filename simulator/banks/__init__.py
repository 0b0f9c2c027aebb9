"""Question banks: safe YAML loading with every problem reported by line, listing, the starter bank.

Problems read `"{path}:{line}: {field}: {message}"`, with 0-based list indexes in the field
(`questions[3].key_points[1]`); problems about the whole file leave the field (or line) out.
Loading never runs code: the YAML is read as a stream of parser events and composed here, so
no constructor ever sees a tag, and size, nesting depth and alias expansion are bounded before
anything is built.

| module | owns |
|---|---|
| `compose.py` | YAML events -> line-numbered nodes, with the depth and alias limits |
| `reading.py` | the file as text (size, encoding, control characters), the problem list |
| `check.py` | nodes -> `Bank`, reporting every problem with its line and field |
| `loading.py` | `load_bank`, `validate_paths`, `bank_files`, `bundled_banks_dir` |
| `catalog.py` | bundled and user banks: `available_banks`, `resolve_banks`, `bundled_banks`, `find_question` |
| `show.py` | `banks list` and `banks show` text |
| `starter.py` | the commented starter bank of `banks new` |
"""

from .catalog import BankInfo, available_banks, bundled_banks, find_question, resolve_banks
from .check import POINT_KEYS, QUESTION_KEYS, TOP_KEYS, TURN_KEYS
from .compose import MAX_DEPTH, MAX_NODES
from .loading import BANK_SUFFIXES, bank_files, bundled_banks_dir, load_bank, validate_paths
from .reading import MAX_FILE_BYTES, MAX_PROBLEMS
from .show import format_bank, format_bank_list
from .starter import STARTER_BANK, starter_bank_text, write_starter_bank

__all__ = [
    "BANK_SUFFIXES", "BankInfo", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "MAX_PROBLEMS",
    "POINT_KEYS", "QUESTION_KEYS", "STARTER_BANK", "TOP_KEYS", "TURN_KEYS", "available_banks", "bank_files",
    "bundled_banks", "bundled_banks_dir", "find_question", "format_bank", "format_bank_list",
    "load_bank", "resolve_banks", "starter_bank_text", "validate_paths", "write_starter_bank",
]
