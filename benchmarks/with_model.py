"""Run another benchmark module with a model other than the default, changing nothing else.

    python -m benchmarks.with_model MODEL MODULE [ARGS...]    e.g. with_model tiny.en latency

In this process, `make_transcriber()` without a model gives MODEL; `practice` commands the
session benchmark starts get `--model MODEL`.
"""

from __future__ import annotations

import importlib
import sys

import simulator.transcribe as transcribe


def main(argv: list[str]) -> int:
    model, module, rest = argv[0], argv[1], argv[2:]
    transcribe.DEFAULT_MODEL = model  # make_transcriber reads it at call time
    bench = importlib.import_module(f"benchmarks.{module}")
    if hasattr(bench, "practice_command"):
        command = bench.practice_command
        bench.practice_command = lambda home: command(home) + ["--model", model]
    return bench.main(rest)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
