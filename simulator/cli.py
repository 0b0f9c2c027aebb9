"""The command line: parses arguments, wires the stages, and turns errors into messages.

Exit status: 0 success, 2 bad input or usage (one clear message), 1 an unexpected fault
(the traceback goes to the log in the data folder, or to stderr when it cannot be written).
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
from .home import data_home, home_source, log_path, writable_home

log = logging.getLogger("simulator")


# --- argument parsing ----------------------------------------------------------------------


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("faster-whisper", "openai-whisper"), default="faster-whisper",
                   help="speech-to-text engine (default: faster-whisper)")
    p.add_argument("--model", metavar="NAME|PATH", default=None,
                   help="Whisper model: base (default), tiny.en (faster), or the path of a "
                        "local model (see `mock-interview models`)")


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
    p.add_argument("--yes", action="store_true",
                   help="with --all: don't ask first (needed when not run from a terminal)")

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

    p = sub.add_parser("models", parents=[common],
                       help="the speech models installed, the default, and how fast each runs here")
    p.add_argument("--measure", action="store_true",
                   help="time each installed model on this machine now (about a minute)")
    p.add_argument("--json", action="store_true")

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
    ask = tuple(_split_ids(args.ask))
    if not ask and args.questions < 1:
        raise UserError(f"--questions {args.questions}: ask for at least 1 question")
    if (args.end_silence is not None and args.end_silence <= 0) or args.think_time <= 0:
        raise UserError("--end-silence and --think-time must be more than 0 seconds")
    chosen = banks.resolve_banks(args.bank, home)
    pool = [q for b in chosen for q in b.questions]
    questions = args.questions if ask else _questions_available(pool, args.questions, console)
    keys = Keys()
    source = listen.make_source(args.input, listen.TurnRules(
        end_silence=args.end_silence, think_time=args.think_time), keys=keys)
    transcriber = make_transcriber(args.engine, args.model, home)
    speaker = NoVoice() if args.no_voice else VoiceSpeaker(console.notice)
    options = PracticeOptions(
        questions=questions, ask=ask, mode=args.mode, seed=args.seed,
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


def _questions_available(pool, wanted: int, console) -> int:
    """`wanted`, or as many as one session can ask from the pool, with a notice saying so."""
    from .interviewer import choose_questions

    most = len(choose_questions(pool, wanted))  # the interviewer's own rules decide the most
    if most < wanted:
        calls = " (one role-play call a session)" if any(q.is_roleplay for q in pool) else ""
        console.notice(f"--questions {wanted}: only {_count(most, 'question')} available in the "
                       f"chosen banks{calls}; asking {'it' if most == 1 else f'all {most}'}.")
    return most


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_demo(args, home: Path) -> int:
    from . import demo
    from .console import native_output_to

    if args.questions < 1:
        raise UserError(f"--questions {args.questions}: ask for at least 1 question")
    with native_output_to(log_path(home)):  # ALSA, PortAudio, ONNX noise: to the log
        session = demo.run(home, questions=args.questions, seed=args.seed, engine=args.engine,
                           model=args.model, mode=args.mode, json_mode=args.json)
    if args.json:
        from .serialize import session_to_dict

        _print_json(session_to_dict(session))
    return 0


def cmd_score(args, home: Path) -> int:
    from . import banks
    from .assess import score_answer
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
    score = score_answer(question, transcript, recording, turn=args.turn, home=home)
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
    from .assess import score_answer
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
        score = score_answer(question, transcript, recording, turn=item.get("turn"), home=home)
        print(json.dumps({"id": item.get("id"), **score_to_dict(score)}), flush=True)
    return 0


def cmd_transcribe(args, home: Path) -> int:
    from .audio import load
    from .serialize import transcript_to_dict
    from .transcribe import make_transcriber

    from .progressbar import seconds_bar

    samples = load(args.file)
    engine = make_transcriber(args.engine, args.model, home)
    engine.load()
    with seconds_bar(len(samples) / 16_000, f"Transcribing {Path(args.file).name}") as bar:
        transcript = engine.transcribe(samples, on_progress=lambda done: bar.update(done - bar.n))
    if not transcript.words:
        print(f"mock-interview: no speech found in {args.file}", file=sys.stderr)
    if args.json:
        _print_json(transcript_to_dict(transcript))
    elif transcript.words:
        print(transcript.text)
    return 0


def cmd_review(args, home: Path) -> int:
    from . import review
    from .notebook import Notebook

    html = _output_file(args.html, "--html") if args.html else None
    with Notebook(home) as notebook:
        if args.session is None and not args.html and not args.json:
            print(review.format_session_list(notebook.sessions()))
            return 0
        session = notebook.session(notebook.resolve_session_id(args.session))
        if args.html:
            from .review import html as report

            path = report.write_session_report(session, notebook, html)
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
            _print_json([t.to_json() for t in notebook.tips()])
        else:
            print(review.format_tips(notebook))
    return 0


def cmd_progress(args, home: Path) -> int:
    from . import review
    from .notebook import Notebook
    from .notebook.history import session_points

    html = _output_file(args.html, "--html") if args.html else None
    with Notebook(home) as notebook:
        if html:
            from .review import html as report

            path = report.write_progress_report(notebook, html)
            print(f"Wrote {path}", file=sys.stderr)
        if args.json:
            _print_json([p.to_json() for p in session_points(notebook)])
        elif not args.html:
            print(review.format_progress(notebook))
    return 0


def cmd_forget(args, home: Path) -> int:
    from .notebook import Notebook
    from .wording import plural

    if not args.session and not args.all:
        raise UserError("forget: name a session (see `mock-interview review`) or use --all")
    if args.all and not args.yes and not sys.stdin.isatty():
        raise UserError("forget --all deletes every session, tip and recording for good; "
                        "add --yes to confirm (it asks first only when run from a terminal)")
    with Notebook(home) as notebook:
        ids = [s.id for s in notebook.sessions()] if args.all else [notebook.resolve_session_id(args.session)]
        if args.all and not args.yes and ids and not _confirm(
                f"Delete all {_count(len(ids), 'session')} with their tips and recordings from "
                f"{home}? This cannot be undone. [y/N] "):
            print("Nothing was deleted.", file=sys.stderr)
            return 0
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
    print(f"Deleted {plural(len(ids), 'session')} and {plural(removed, 'audio file')}.")
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
        path = banks.write_starter_bank(_output_file(args.path, "banks new"))
        print(f"Wrote {path}. Edit it, check it with `mock-interview banks validate {path}`, "
              f"and use it with `mock-interview practice --bank {path}`.")
    return 0


def cmd_devices(args, home: Path) -> int:
    from .devices import describe_devices

    print(describe_devices())
    return 0


def cmd_models(args, home: Path) -> int:
    from .transcribe import models, speed

    if args.measure:
        speed.measure_all(home, report=lambda line: print(line, file=sys.stderr, flush=True))
    if args.json:
        figures = speed.recorded(home)
        _print_json({"default": models.DEFAULT_MODEL, "models": [
            {"name": name, "description": info.description,
             "installed": models.is_installed(name), "packages": list(info.packages),
             "measured": figures.get(name)} for name, info in models.KNOWN.items()]})
    else:
        print(speed.describe_models(home))
    return 0


COMMANDS = {
    "practice": cmd_practice, "demo": cmd_demo, "score": cmd_score, "transcribe": cmd_transcribe,
    "review": cmd_review, "tips": cmd_tips, "progress": cmd_progress, "forget": cmd_forget,
    "banks": cmd_banks, "devices": cmd_devices, "models": cmd_models,
}


# --- helpers and the entry point -----------------------------------------------------------


def _output_file(value: str, option: str) -> Path:
    """A file to write: its folder must exist already (a typo must not create folders)."""
    path = Path(value).expanduser()
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise UserError(f"{option} {value}: the folder {folder} {what}; create it first or "
                        "choose another place (nothing was written)")
    if path.is_dir():
        raise UserError(f"{option} {value}: this is a folder; give a file name inside it")
    return path


def _confirm(question: str) -> bool:
    """Ask on the terminal; only y or yes is a yes."""
    print(question, end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except EOFError:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _split_ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _print_json(data) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


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
    return path


def _writes_data(args) -> bool:
    """Whether the command writes in the data folder (notebook, recordings, converted models)."""
    if args.command in ("practice", "demo", "review", "tips", "progress", "forget"):
        return True
    return args.command in ("score", "transcribe") and args.engine == "openai-whisper"


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
