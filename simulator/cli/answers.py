"""`score` and `transcribe`: one answer, or a batch, without a session."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import UserError
from ..home import log_path
from .common import print_json


def cmd_score(args, home: Path) -> int:
    from ..console import native_output_to

    with native_output_to(log_path(home)):  # libsndfile's mpg123 notes on a bad file: to the log
        return _score(args, home)


def _score(args, home: Path) -> int:
    from .. import banks
    from ..assess import score_answer
    from ..serialize import score_to_dict
    from ..types import Question

    if args.batch:
        return _score_batch(args, home)
    if bool(args.question) == bool(args.question_text):
        raise UserError("score: give either --bank NAME --question ID, or --question-text TEXT")
    if args.question:
        question = banks.find_question(banks.resolve_banks(args.bank, home), args.question)
    else:
        question = Question(id="custom", text=args.question_text)
    if args.text is None and not (args.text_file or args.audio):
        raise UserError("score: give the answer with --text, --text-file or --audio")
    check_turn(question, args.turn, "--turn")
    transcript, recording = _answer_input(args, home)
    if recording is None and not transcript.text:
        raise UserError("score: the answer is empty (nothing to score)")
    score = score_answer(question, transcript, recording, turn=args.turn, home=home)
    if args.json:
        print_json(score_to_dict(score))
    else:
        from ..review import format_score

        print(format_score(question, score))
    return 0


def check_turn(question, turn, where: str) -> None:
    """A reply's turn must be one of the call's customer lines (1-based), and only a call has them."""
    if turn is None:
        return
    if not question.is_roleplay:
        raise UserError(f"{where} {turn}: {question.id} is not a role-play call, so its answer has no turns")
    if isinstance(turn, bool) or not isinstance(turn, int) or not 1 <= turn <= len(question.turns):
        raise UserError(f"{where} {turn}: {question.id} has customer lines 1 to {len(question.turns)}")


def _answer_input(args, home: Path):
    from ..types import Transcript

    if args.text is not None:
        return Transcript.typed(args.text), None
    if args.text_file:
        return Transcript.typed(_read_text(args.text_file)), None
    from ..audio import load_recording
    from ..transcribe import make_transcriber

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
    from .. import banks
    from ..audio import load_recording
    from ..assess import score_answer
    from ..serialize import score_to_dict
    from ..transcribe import make_transcriber
    from ..types import Transcript

    chosen = banks.resolve_banks(args.bank, home)
    lines = _read_text(args.batch).splitlines()
    jobs, problems = [], []
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{args.batch}:{n}"
        try:  # every bad line is named at once: a file with four mistakes takes one run, not four
            jobs.append((where, *_batch_line(where, raw, chosen)))
        except UserError as exc:
            problems.append(str(exc))
    if problems:
        shown = problems[:BATCH_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        raise UserError("\n".join(shown + ([f"...and {more} more bad lines"] if more else [])))
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


BATCH_PROBLEMS_SHOWN = 20


def _batch_line(where: str, raw: str, chosen) -> tuple[dict, object]:
    """One line of a batch, checked: its item and question, or a UserError naming the line."""
    from .. import banks

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
    if "text" in item and not str(item["text"]).strip():
        raise UserError(f"{where}: the answer is empty (nothing to score)")  # as `score --text ""`
    try:
        question = banks.find_question(chosen, item["question"])
    except UserError as exc:
        raise UserError(f"{where}: {exc}") from None
    check_turn(question, item.get("turn"), f"{where}: turn")
    if "audio" in item and not Path(item["audio"]).expanduser().exists():
        raise UserError(f"{where}: audio file {item['audio']} does not exist")
    return item, question


def cmd_transcribe(args, home: Path) -> int:
    from ..console import native_output_to

    with native_output_to(log_path(home)):  # libsndfile's mpg123 notes, CTranslate2's warnings: to the log
        return _transcribe(args, home)


def _transcribe(args, home: Path) -> int:
    from ..audio import cut_short, load_recording
    from ..serialize import transcript_to_dict
    from ..transcribe import make_transcriber

    from ..progressbar import seconds_bar

    # Nothing is judged here, so the part a cut-short file holds is still worth its text: said
    # plainly, then transcribed (`score` and `practice` refuse it: half an answer scores badly).
    samples = load_recording(args.file, whole=False).samples
    why = cut_short(args.file)
    if why is not None:
        print(f"mock-interview: {args.file} {why}; transcribing the part it holds.", file=sys.stderr)
    engine = make_transcriber(args.engine, args.model, home)
    engine.load()
    with seconds_bar(len(samples) / 16_000, f"Transcribing {Path(args.file).name}") as bar:
        transcript = engine.transcribe(samples, on_progress=lambda done: bar.update(done - bar.n))
    if not transcript.words:
        print(f"mock-interview: no speech found in {args.file}", file=sys.stderr)
    if args.json:
        print_json(transcript_to_dict(transcript))
    elif transcript.words:
        print(transcript.text)
    return 0
