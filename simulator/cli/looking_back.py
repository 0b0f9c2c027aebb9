"""`review`, `tips`, `progress` and `forget`: the notebook, read and pruned."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UserError
from .common import confirm, count, output_file, print_json


def cmd_review(args, home: Path) -> int:
    from .. import review
    from ..notebook import Notebook

    html = output_file(args.html, "--html") if args.html else None
    with Notebook(home) as notebook:
        if args.session is None and not args.html and not args.json:
            print(review.format_session_list(notebook.sessions()))
            return 0
        session = notebook.session(notebook.resolve_session_id(args.session))
        retries = notebook.retries(session.id)
        if args.html:
            from ..review import html as report

            path = report.write_session_report(session, notebook, html)
            print(f"Wrote {path}", file=sys.stderr)
        if args.json:
            from ..serialize import session_json

            print_json(session_json(session, retries))
        elif not args.html:
            print(review.format_session(session, retries=retries))
    return 0


def cmd_tips(args, home: Path) -> int:
    from .. import review
    from ..notebook import Notebook
    from ..notebook.history import tips_json

    with Notebook(home) as notebook:
        if args.json:
            print_json(tips_json(notebook))
        else:
            print(review.format_tips(notebook, every=args.all))
    return 0


def cmd_progress(args, home: Path) -> int:
    from .. import review
    from ..notebook import Notebook
    from ..notebook.history import session_points

    html = output_file(args.html, "--html") if args.html else None
    with Notebook(home) as notebook:
        if html:
            from ..review import html as report

            path = report.write_progress_report(notebook, html)
            print(f"Wrote {path}", file=sys.stderr)
        if args.json:
            print_json([p.to_json() for p in session_points(notebook)])
        elif not args.html:
            print(review.format_progress(notebook))
    return 0


def cmd_forget(args, home: Path) -> int:
    from ..notebook import Notebook
    from ..wording import plural

    if not args.session and not args.all:
        raise UserError("forget: name a session (see `mock-interview review`) or use --all")
    if args.all and not args.yes and not sys.stdin.isatty():
        raise UserError("forget --all deletes every session, tip and recording for good; "
                        "add --yes to confirm (it asks first only when run from a terminal)")
    with Notebook(home) as notebook:
        ids = [s.id for s in notebook.sessions()] if args.all else [notebook.resolve_session_id(args.session)]
        if args.all and not args.yes and ids and not confirm(
                f"Delete all {count(len(ids), 'session')} with their tips and recordings from "
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
