"""The command line's options and commands (PRODUCT.md's contract, extended)."""

from __future__ import annotations

import argparse

from .. import __version__


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
    p.add_argument("--bank", action="append", default=[], metavar="NAME|PATH",
                   help="the bank to find --question in (repeatable; default: every bank)")
    p.add_argument("--question", metavar="ID", help="the question's id in the bank")
    p.add_argument("--question-text", metavar="TEXT", help="a question that is in no bank")
    p.add_argument("--turn", type=int, default=None, help="role-play: the customer line replied to (1-based)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--text", metavar="TEXT", help="the answer, as typed")
    src.add_argument("--text-file", metavar="FILE", help="the answer, from a UTF-8 text file")
    src.add_argument("--audio", metavar="FILE", help="the answer, recorded (WAV, FLAC, OGG, MP3...)")
    src.add_argument("--batch", metavar="FILE.jsonl", help="one JSON line per answer; one line out per line in")
    _engine_options(p)
    p.add_argument("--json", action="store_true", help="print the score as JSON on stdout")

    p = sub.add_parser("transcribe", parents=[common], help="transcribe an audio file")
    p.add_argument("file", metavar="FILE", help="the recording (WAV, FLAC, OGG, MP3...)")
    _engine_options(p)
    p.add_argument("--json", action="store_true", help="print the words with their times as JSON on stdout")

    p = sub.add_parser("review", parents=[common], help="look back at a session (or list them)")
    p.add_argument("session", nargs="?", default=None, metavar="SESSION_ID|latest")
    p.add_argument("--html", metavar="FILE", help="write an HTML report (works offline)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("tips", parents=[common], help="the notebook: saved tips and progress on each")
    p.add_argument("--all", action="store_true",
                   help="also the tips replaced by a newer one of the same area")
    p.add_argument("--json", action="store_true", help="every tip, replaced ones too, as JSON on stdout")

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
    p.add_argument("--questions", type=int, default=4, metavar="N",
                   help="how many questions (default 4, one of them a role-play call)")
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="the same seed picks the same questions and answers again")
    _engine_options(p)
    p.add_argument("--mode", choices=("interview", "coach"), default="interview",
                   help="interview: feedback at the end (default); coach: a short tip after each answer")
    p.add_argument("--json", action="store_true", help="print the session JSON on stdout")
    return parser
