"""The command line: parses arguments, wires the stages, and turns errors into messages.

One module per group of commands (`practice.py`, `answers.py`, `looking_back.py`, `setup.py`),
the options in `parser.py`. Exit status: 0 success, 2 bad input or usage (one clear message),
1 an unexpected fault (the traceback goes to the log in the data folder, or to stderr when it
cannot be written).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import signal
import sys
import traceback
from pathlib import Path

from ..errors import StoppedEarly, UserError
from ..home import data_home, home_source, log_path, writable_home
from .answers import cmd_score, cmd_transcribe
from .looking_back import cmd_forget, cmd_progress, cmd_review, cmd_tips
from .parser import build_parser
from .practice import cmd_demo, cmd_practice
from .setup import cmd_banks, cmd_devices, cmd_models

log = logging.getLogger("simulator")

COMMANDS = {
    "practice": cmd_practice, "demo": cmd_demo, "score": cmd_score, "transcribe": cmd_transcribe,
    "review": cmd_review, "tips": cmd_tips, "progress": cmd_progress, "forget": cmd_forget,
    "banks": cmd_banks, "devices": cmd_devices, "models": cmd_models,
}


def _setup_logging(home: Path) -> Path | None:
    """Log to mock-interview.log in the data folder, or to stderr when it cannot be opened
    (a read-only command on a folder that is missing or not writable). Returns the log file."""
    for old in list(log.handlers):  # main() may run more than once in one process
        log.removeHandler(old)
    path: Path | None = log_path(home)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))  # it may quote you
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
        log.setLevel(logging.INFO)
    except OSError:
        handler, path = logging.StreamHandler(sys.stderr), None
        log.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    if path is not None and not faulthandler.is_enabled():  # (pytest, PYTHONFAULTHANDLER: theirs)
        # A crash in native code (speech, audio, the models) leaves every thread's Python stack
        # in the log: stderr is the terminal's, or the log only while native output is kept off it.
        faulthandler.enable(file=handler.stream, all_threads=True)
    return path


def _writes_data(args) -> bool:
    """Whether the command writes in the data folder (notebook, recordings, converted models)."""
    if args.command in ("practice", "demo", "review", "tips", "progress", "forget"):
        return True
    return args.command in ("score", "transcribe") and args.engine == "openai-whisper"


def _sigterm_as_interrupt(signum, frame):
    raise KeyboardInterrupt  # a polite stop: the session closes and keeps its answers


def limit_malloc_arenas() -> None:
    """Two glibc malloc arenas instead of one per thread: the decoder's, VAD's and capture
    threads otherwise each keep freed memory (about 20 MB less at peak, no slower)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # -8 is M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def main(argv: list[str] | None = None) -> int:
    limit_malloc_arenas()
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    # Ctrl-C always stops a session (keeping its answers): a program started in the background by
    # a shell without job control inherits SIGINT ignored, and Python then never raises
    # KeyboardInterrupt (a demo ran on to its end through a Ctrl-C).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    log_file = None
    try:
        home = data_home(args.home)
        if _writes_data(args):
            writable_home(home, home_source(args.home))
        log_file = _setup_logging(home)
        return COMMANDS[args.command](args, home)
    except UserError as exc:
        print(f"mock-interview: {exc}", file=sys.stderr)
        return 2
    except StoppedEarly:
        return 130
    except KeyboardInterrupt:
        print("\nmock-interview: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        # To the log file, or to stderr (logging's last resort) when there is none.
        log.error("unexpected fault\n%s", traceback.format_exc())
        where = f"Details are in {log_file}" if log_file else "The details are above"
        print(f"mock-interview: unexpected error: {sys.exc_info()[1]!r}. {where}; please report it.",
              file=sys.stderr)
        return 1


def run() -> None:
    """The `mock-interview` program: `main`, then out at once.

    The speech and meaning models run native thread pools; tearing them down with the
    interpreter while one still works (a Ctrl-C in the first seconds, before a model has
    finished loading) aborts the process ("terminate called without an active exception",
    exit -6) after everything was said and saved. By the time `main` returns, every answer is
    committed and every message printed, so the process ends here without that teardown.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be shown anyway
            pass
    logging.shutdown()
    os._exit(code)
