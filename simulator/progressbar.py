"""Progress bars and slow-work notices for long work, on stderr, only where a person is watching.

Not to be confused with progress across sessions (`notebook.history`, `review`)."""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import Iterator


@contextlib.contextmanager
def slow_notice(message: str, after: float = 1.0) -> Iterator[None]:
    """Say `message` on stderr if the work inside takes longer than `after` seconds."""
    done = threading.Event()

    def warn():
        if not done.wait(after):
            print(message, file=sys.stderr, flush=True)

    thread = threading.Thread(target=warn, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()


def seconds_bar(total: float, description: str):
    """A tqdm bar counting seconds of audio; hidden when stderr is not a terminal."""
    from tqdm import tqdm

    return tqdm(total=round(total, 1), unit="s", desc=description, file=sys.stderr, disable=None,
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {n:.0f}/{total:.0f} s of audio [{elapsed}<{remaining}]",
                leave=False)
