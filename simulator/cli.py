"""The command line: parses arguments, wires the stages, and turns errors into messages.

Exit status: 0 success, 2 bad input or usage (one clear message), 1 an unexpected fault
(the traceback goes to the log in the data folder).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import traceback
from pathlib import Path

from . import __version__
from .errors import UserError
from .home import data_home, log_path

log = logging.getLogger("simulator")


# --- argument parsing ----------------------------------------------------------------------


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("faster-whisper", "openai-whisper"), default="faster-whisper",
                   help="speech-to-text engine (default: faster-whisper)")
    p.add_argument("--model", metavar="NAME|PATH", default=None,
                   help="Whisper model: tiny.en (bundled, default) or a local model path")


def build_parser() -> argparse.ArgumentParser:
    # --home works before or after the command; SUPPRESS keeps a subcommand from resetting it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", metavar="DIR", default=argparse.SUPPRESS,
                        help="data folder (default: $MOCK_INTERVIEW_HOME, else your user data folder)")

    parser = argparse.ArgumentParser(
        prog="mock-interview",
        description="An offline mock interview coach for call-center jobs: it asks, listens, "
                    "scores, and tells you what to work on.")
    parser.add_argument("--home", metavar="DIR", default=None,
                        help="data folder (default: $MOCK_INTERVIEW_HOME, else your user data folder)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("practice", parents=[common], help="a practice session (microphone by default)")
    p.add_argument("--bank", action="append", default=[], metavar="NAME|PATH",
                   help="question bank to draw from (repeatable; default: all banks)")
    p.add_argument("--questions", type=int, default=5, metavar="N", help="how many questions (default 5)")
    p.add_argument("--ask", metavar="ID,ID,...", default=None, help="ask exactly these questions, in order")
    p.add_argument("--input", metavar="mic|keyboard|DIR", default=None,
                   help="where answers come from: the microphone (default when there is one), "
                        "typed answers, or a folder of recordings DIR/<question-id>.wav")
    p.add_argument("--no-voice", action="store_true", help="show questions as text; don't speak them")
    p.add_argument("--end-silence", type=float, default=None, metavar="SECONDS",
                   help="microphone: a fixed silence that ends every answer (default: it depends "
                        "on what you said: about 1.2 s after a finished sentence, up to 3.5 s after "
                        "an unfinished one)")
    p.add_argument("--think-time", type=float, default=10.0, metavar="SECONDS",
                   help="microphone: how long you may think before your first word (default 10)")
    p.add_argument("--mode", choices=("interview", "coach"), default="interview",
                   help="interview: feedback at the end (default); coach: a short tip after each answer")
    _engine_options(p)
    p.add_argument("--seed", type=int, default=None, help="reproduce the same choice of questions")
    p.add_argument("--no-follow-ups", action="store_true", help="never ask follow-up questions")
    p.add_argument("--no-retries", action="store_true",
                   help="coach mode: don't offer to try a question again after its tip")
    p.add_argument("--json", action="store_true", help="print the session as JSON on stdout")

    p = sub.add_parser("score", parents=[common], help="score one answer (text or audio), or a batch")
    p.add_argument("--bank", action="append", default=[], metavar="NAME|PATH")
    p.add_argument("--question", metavar="ID", help="the question's id in the bank")
    p.add_argument("--question-text", metavar="TEXT", help="a question that is in no bank")
    p.add_argument("--turn", type=int, default=None, help="role-play: the customer line replied to (1-based)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--text", metavar="TEXT")
    src.add_argument("--text-file", metavar="FILE")
    src.add_argument("--audio", metavar="FILE")
    src.add_argument("--batch", metavar="FILE.jsonl", help="one JSON line per answer; one line out per line in")
    _engine_options(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("transcribe", parents=[common], help="transcribe an audio file")
    p.add_argument("file", metavar="FILE")
    _engine_options(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("review", parents=[common], help="look back at a session (or list them)")
    p.add_argument("session", nargs="?", default=None, metavar="SESSION_ID|latest")
    p.add_argument("--html", metavar="FILE", help="write an HTML report (works offline)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("tips", parents=[common], help="the notebook: saved tips and progress on each")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("progress", parents=[common], help="each metric's trend across sessions")
    p.add_argument("--html", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("forget", parents=[common], help="delete sessions and their audio")
    p.add_argument("session", nargs="?", default=None, metavar="SESSION_ID")
    p.add_argument("--all", action="store_true", help="delete every session, tip and recording")

    p = sub.add_parser("banks", parents=[common], help="list, show, validate or start question banks")
    bsub = p.add_subparsers(dest="banks_command", metavar="ACTION", required=True)
    bsub.add_parser("list", parents=[common], help="the banks available")
    b = bsub.add_parser("show", parents=[common], help="every question in a bank")
    b.add_argument("name", metavar="NAME|PATH")
    b = bsub.add_parser("validate", parents=[common], help="check bank files; every problem, with its line")
    b.add_argument("paths", nargs="+", metavar="PATH")
    b = bsub.add_parser("new", parents=[common], help="write a commented starter bank")
    b.add_argument("path", metavar="PATH")

    sub.add_parser("devices", parents=[common], help="audio inputs and outputs, and what to do without them")

    p = sub.add_parser("demo", parents=[common],
                       help="a whole spoken session with a synthetic candidate (no microphone needed)")
    p.add_argument("--questions", type=int, default=4, metavar="N")
    p.add_argument("--seed", type=int, default=None)
    _engine_options(p)
    p.add_argument("--mode", choices=("interview", "coach"), default="interview")
    p.add_argument("--json", action="store_true")
    return parser


# --- commands ------------------------------------------------------------------------------


def cmd_practice(args, home: Path) -> int:
    from .console import native_output_to

    with native_output_to(log_path(home)):  # ALSA, PortAudio, ONNX noise: to the log
        return _practice(args, home)


def _practice(args, home: Path) -> int:
    from . import banks, listen
    from .console import Console, Keys
    from .notebook import Notebook
    from .session import Practice, PracticeOptions
    from .transcribe import make_transcriber
    from .voice import NoVoice, VoiceSpeaker

    console = Console(json_mode=args.json)
    chosen = banks.resolve_banks(args.bank, home)
    pool = [q for b in chosen for q in b.questions]
    if (args.end_silence is not None and args.end_silence <= 0) or args.think_time <= 0:
        raise UserError("--end-silence and --think-time must be more than 0 seconds")
    keys = Keys()
    source = listen.make_source(args.input, listen.TurnRules(
        end_silence=args.end_silence, think_time=args.think_time), keys=keys)
    transcriber = make_transcriber(args.engine, args.model, home)
    speaker = NoVoice() if args.no_voice else VoiceSpeaker(console.notice)
    options = PracticeOptions(
        questions=args.questions, ask=tuple(_split_ids(args.ask)), mode=args.mode, seed=args.seed,
        follow_ups=not args.no_follow_ups, retries=not args.no_retries)
    with Notebook(home) as notebook:
        practice = Practice(questions=pool, source=source, speaker=speaker, transcriber=transcriber,
                            notebook=notebook, console=console, home=home, options=options,
                            bank_names=[b.name for b in chosen], keys=keys)
        session = practice.run()
    if args.json:
        from .serialize import session_to_dict

        _print_json(session_to_dict(session))
    return 0


def cmd_demo(args, home: Path) -> int:
    from . import demo
    from .console import native_output_to

    with native_output_to(log_path(home)):  # ALSA, PortAudio, ONNX noise: to the log
        session = demo.run(home, questions=args.questions, seed=args.seed, engine=args.engine,
                           model=args.model, mode=args.mode, json_mode=args.json)
    if args.json:
        from .serialize import session_to_dict

        _print_json(session_to_dict(session))
    return 0


def cmd_score(args, home: Path) -> int:
    from . import banks
    from .scoring import score_answer
    from .serialize import score_to_dict
    from .types import Question

    if args.batch:
        return _score_batch(args, home)
    if bool(args.question) == bool(args.question_text):
        raise UserError("score: give either --bank NAME --question ID, or --question-text TEXT")
    if args.question:
        question = banks.find_question(banks.resolve_banks(args.bank, home), args.question)
    else:
        question = Question(id="custom", text=args.question_text)
    if not (args.text or args.text_file or args.audio):
        raise UserError("score: give the answer with --text, --text-file or --audio")
    transcript, recording = _answer_input(args, home)
    score = score_answer(question, transcript, recording, turn=args.turn)
    if args.json:
        _print_json(score_to_dict(score))
    else:
        from .review import format_score

        print(format_score(question, score))
    return 0


def _answer_input(args, home: Path):
    from .types import Transcript

    if args.text is not None:
        return Transcript.typed(args.text), None
    if args.text_file:
        return Transcript.typed(_read_text(args.text_file)), None
    from .audio import load_recording
    from .transcribe import make_transcriber

    recording = load_recording(args.audio)
    return make_transcriber(args.engine, args.model, home).transcribe(recording.samples), recording


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (UnicodeDecodeError, IsADirectoryError) as exc:
        raise UserError(f"{path}: not a UTF-8 text file ({exc.__class__.__name__})") from None


def _score_batch(args, home: Path) -> int:
    """One JSON line out per line in, with the same id. Bad lines are errors, named by line."""
    from . import banks
    from .audio import load_recording
    from .scoring import score_answer
    from .serialize import score_to_dict
    from .transcribe import make_transcriber
    from .types import Transcript

    chosen = banks.resolve_banks(args.bank, home)
    lines = _read_text(args.batch).splitlines()
    jobs = []
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{args.batch}:{n}"
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UserError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise UserError(f"{where}: expected an object like {{\"id\": 1, \"question\": \"ID\", \"text\": \"...\"}}")
        unknown = set(item) - {"id", "question", "text", "audio", "turn"}
        if unknown:
            raise UserError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if "question" not in item or not isinstance(item["question"], str):
            raise UserError(f"{where}: field 'question' (a question id) is required")
        if ("text" in item) == ("audio" in item):
            raise UserError(f"{where}: give exactly one of 'text' or 'audio'")
        try:
            question = banks.find_question(chosen, item["question"])
        except UserError as exc:
            raise UserError(f"{where}: {exc}") from None
        if "audio" in item and not Path(item["audio"]).expanduser().exists():
            raise UserError(f"{where}: audio file {item['audio']} does not exist")
        jobs.append((where, item, question))
    transcriber = None
    for where, item, question in jobs:
        recording = None
        if "text" in item:
            transcript = Transcript.typed(str(item["text"]))
        else:
            transcriber = transcriber or make_transcriber(args.engine, args.model, home)
            try:
                recording = load_recording(Path(item["audio"]).expanduser())
            except UserError as exc:
                raise UserError(f"{where}: {exc}") from None
            transcript = transcriber.transcribe(recording.samples)
        score = score_answer(question, transcript, recording, turn=item.get("turn"))
        print(json.dumps({"id": item.get("id"), **score_to_dict(score)}), flush=True)
    return 0


def cmd_transcribe(args, home: Path) -> int:
    from .audio import load
    from .serialize import transcript_to_dict
    from .transcribe import make_transcriber

    from .progress import seconds_bar

    samples = load(args.file)
    engine = make_transcriber(args.engine, args.model, home)
    engine.load()
    with seconds_bar(len(samples) / 16_000, f"Transcribing {Path(args.file).name}") as bar:
        transcript = engine.transcribe(samples, on_progress=lambda done: bar.update(done - bar.n))
    if args.json:
        _print_json(transcript_to_dict(transcript))
    else:
        print(transcript.text)
    return 0


def cmd_review(args, home: Path) -> int:
    from . import review
    from .notebook import Notebook

    with Notebook(home) as notebook:
        if args.session is None and not args.html and not args.json:
            print(review.format_session_list(notebook.sessions()))
            return 0
        session = notebook.session(notebook.resolve_session_id(args.session))
        if args.html:
            from . import report

            path = report.write_session_report(session, notebook, Path(args.html))
            print(f"Wrote {path}", file=sys.stderr)
        if args.json:
            from .serialize import session_to_dict

            _print_json(session_to_dict(session))
        elif not args.html:
            print(review.format_session(session))
    return 0


def cmd_tips(args, home: Path) -> int:
    from . import review
    from .notebook import Notebook

    with Notebook(home) as notebook:
        if args.json:
            _print_json([dict(r) for r in notebook.tips()])
        else:
            print(review.format_tips(notebook))
    return 0


def cmd_progress(args, home: Path) -> int:
    from . import review
    from .notebook import Notebook

    with Notebook(home) as notebook:
        if args.html:
            from . import report

            path = report.write_progress_report(notebook, Path(args.html))
            print(f"Wrote {path}", file=sys.stderr)
        if args.json:
            _print_json(review.progress_data(notebook))
        elif not args.html:
            print(review.format_progress(notebook))
    return 0


def cmd_forget(args, home: Path) -> int:
    from .notebook import Notebook

    if not args.session and not args.all:
        raise UserError("forget: name a session (see `mock-interview review`) or use --all")
    with Notebook(home) as notebook:
        ids = [s.id for s in notebook.sessions()] if args.all else [notebook.resolve_session_id(args.session)]
        removed = 0
        for session_id in ids:
            for path in notebook.delete_session(session_id):
                if path.exists() and home in path.parents:  # never delete the user's own input files
                    path.unlink()
                    removed += 1
            folder = home / "audio" / session_id
            if folder.is_dir():
                for leftover in folder.iterdir():
                    leftover.unlink()
                    removed += 1
                folder.rmdir()
    print(f"Deleted {len(ids)} session(s) and {removed} audio file(s).")
    return 0


def cmd_banks(args, home: Path) -> int:
    from . import banks

    if args.banks_command == "list":
        print(banks.format_bank_list(banks.available_banks(home)))
    elif args.banks_command == "show":
        print(banks.format_bank(banks.resolve_banks([args.name], home)[0]))
    elif args.banks_command == "validate":
        problems = banks.validate_paths(args.paths)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 2
        print(f"OK: {len(args.paths)} path(s) valid.")
    elif args.banks_command == "new":
        path = banks.write_starter_bank(Path(args.path))
        print(f"Wrote {path}. Edit it, check it with `mock-interview banks validate {path}`, "
              f"and use it with `mock-interview practice --bank {path}`.")
    return 0


def cmd_devices(args, home: Path) -> int:
    from .devices import describe_devices

    print(describe_devices())
    return 0


COMMANDS = {
    "practice": cmd_practice, "demo": cmd_demo, "score": cmd_score, "transcribe": cmd_transcribe,
    "review": cmd_review, "tips": cmd_tips, "progress": cmd_progress, "forget": cmd_forget,
    "banks": cmd_banks, "devices": cmd_devices,
}


# --- helpers and the entry point -----------------------------------------------------------


def _split_ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


def _setup_logging(home: Path) -> None:
    path = log_path(home)
    os.close(os.open(path, os.O_CREAT | os.O_APPEND, 0o600))  # it may quote what you said
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _sigterm_as_interrupt(signum, frame):
    raise KeyboardInterrupt  # a polite stop: the session closes and keeps its answers


def _limit_malloc_arenas() -> None:
    """Two glibc malloc arenas instead of one per thread: the decoder's, VAD's and capture
    threads otherwise each keep freed memory (about 20 MB less at peak, no slower)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # -8 is M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def main(argv: list[str] | None = None) -> int:
    _limit_malloc_arenas()
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _sigterm_as_interrupt)
    home = None
    try:
        home = data_home(args.home)
        _setup_logging(home)
        return COMMANDS[args.command](args, home)
    except UserError as exc:
        print(f"mock-interview: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nmock-interview: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        where = log_path(home) if home else "the terminal"
        if home is not None:
            log.error("unexpected fault\n%s", traceback.format_exc())
        print(f"mock-interview: unexpected error: {sys.exc_info()[1]!r}. "
              f"Details are in {where}; please report it.", file=sys.stderr)
        if home is None:
            traceback.print_exc()
        return 1
