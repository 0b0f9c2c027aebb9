"""`practice` and `demo`: a spoken (or typed) session, wired from its stages."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..home import log_path
from .common import count, print_json, split_ids


def cmd_practice(args, home: Path) -> int:
    from ..console import native_output_to

    with native_output_to(log_path(home)):  # ALSA, PortAudio, ONNX noise: to the log
        return _practice(args, home)


def _practice(args, home: Path) -> int:
    from .. import banks, listen
    from ..console import Console, Keys
    from ..notebook import Notebook
    from ..session import Practice, PracticeOptions
    from ..transcribe import make_transcriber
    from ..voice import NoVoice, VoiceSpeaker

    console = Console(json_mode=args.json)
    ask = tuple(split_ids(args.ask))
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
    with Notebook(home, notice=console.notice) as notebook:  # a damaged one: a fresh one
        practice = Practice(questions=pool, source=source, speaker=speaker, transcriber=transcriber,
                            notebook=notebook, console=console, home=home, options=options,
                            bank_names=[b.name for b in chosen], keys=keys)
        session = practice.run()
        if args.json:  # second tries included, as `review --json` gives them
            from ..serialize import session_json

            print_json(session_json(session, notebook.retries(session.id) if session.answers else ()))
    # Stopped early (the microphone gone): exit 2. The session said why when it stopped; said
    # again as the last line, the same paragraph read as a second fault.
    if practice.failure is not None:
        return 2
    return 0


def _questions_available(pool, wanted: int, console) -> int:
    """`wanted`, or as many as one session can ask from the pool, with a notice saying so."""
    from ..interviewer import choose_questions

    most = len(choose_questions(pool, wanted))  # the interviewer's own rules decide the most
    if most < wanted:
        calls = " (one role-play call a session)" if sum(q.is_roleplay for q in pool) > 1 else ""
        console.notice(f"--questions {wanted}: only {count(most, 'question')} available in the "
                       f"chosen banks{calls}; asking {'it' if most == 1 else f'all {most}'}.")
    return most


def cmd_demo(args, home: Path) -> int:
    from .. import demo
    from ..console import native_output_to

    if args.questions < 1:
        raise UserError(f"--questions {args.questions}: ask for at least 1 question")
    with native_output_to(log_path(home)):  # ALSA, PortAudio, ONNX noise: to the log
        done = demo.run(home, questions=args.questions, seed=args.seed, engine=args.engine,
                        model=args.model, mode=args.mode, json_mode=args.json)
    if args.json:
        from ..serialize import session_json

        print_json(session_json(done.session, done.retries))
    return 0
