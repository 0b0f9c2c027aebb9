"""`banks`, `devices` and `models`: what this machine has to practise with."""

from __future__ import annotations

import sys
from pathlib import Path

from ..wording import plural
from .common import output_file, print_json


def cmd_banks(args, home: Path) -> int:
    from .. import banks

    if args.banks_command == "list":
        print(banks.format_bank_list(banks.available_banks(home)))
    elif args.banks_command == "show":
        print(banks.format_bank(banks.resolve_banks([args.name], home)[0]))
    elif args.banks_command == "validate":
        problems = banks.validate_paths(args.paths)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 2
        print(f"OK: {plural(len(args.paths), 'bank file')} {'is' if len(args.paths) == 1 else 'are'} valid.")
    elif args.banks_command == "new":
        path = banks.write_starter_bank(output_file(args.path, "banks new"))
        print(f"Wrote {path}. Edit it, check it with `mock-interview banks validate {path}`, "
              f"and use it with `mock-interview practice --bank {path}`.")
    return 0


def cmd_devices(args, home: Path) -> int:
    from ..devices import describe_devices

    print(describe_devices())
    return 0


def cmd_models(args, home: Path) -> int:
    from ..transcribe import models, speed

    if args.measure:
        speed.measure_all(home, report=lambda line: print(line, file=sys.stderr, flush=True))
    if args.json:
        figures = speed.recorded(home)
        print_json({"default": models.DEFAULT_MODEL, "models": [
            {"name": name, "description": info.description,
             "installed": models.is_installed(name), "packages": list(info.packages),
             "measured": figures.get(name)} for name, info in models.KNOWN.items()]})
    else:
        print(speed.describe_models(home))
    return 0
