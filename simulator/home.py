"""Where the data folder is: --home, else $MOCK_INTERVIEW_HOME, else the platform's user data dir."""

from __future__ import annotations

import errno
import os
import shlex
import tempfile
from pathlib import Path

from .errors import DataFolderError

ENV_VAR = "MOCK_INTERVIEW_HOME"


def data_home(explicit: str | os.PathLike | None = None) -> Path:
    """The data folder's path (not created: `writable_home` does that for commands that write)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("mock-interview", appauthor=False))


def review_command(session_id: str, home: Path) -> str:
    """How to see a session again; names the data folder unless it is the default one."""
    command = f"mock-interview review {session_id}"
    if home.resolve() != data_home(None).resolve():
        command += f" --home {shlex.quote(str(home))}"
    return command


def home_source(explicit: str | os.PathLike | None = None) -> str:
    """Where the data folder's path came from, for messages."""
    if explicit:
        return "--home"
    return f"${ENV_VAR}" if os.environ.get(ENV_VAR) else "the default"


def private_mkdir(path: Path) -> None:
    """Create a folder and every missing folder above it owner-only (`mkdir(parents=True,
    mode=...)` gives the parents the default mode: a data folder first made by `score` was
    readable by everyone)."""
    missing = []
    while not os.path.lexists(path) and path != path.parent:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def writable_home(home: Path, source: str = "--home") -> Path:
    """The data folder, created owner-only if missing, after proving a file can be written in it.

    Raises DataFolderError, one sentence naming the folder, when it is a file or a device,
    read-only, immutable, on a full disk, or otherwise unusable.
    """
    try:
        private_mkdir(home)
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=home)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataFolderError(
            f"the data folder {home} (from {source}) cannot be used: {_why(home, exc)}; "
            "choose a folder you can write to with --home DIR") from None
    return home


def audio_dir(home: Path) -> Path:
    return _subfolder(home / "audio")


def models_dir(home: Path) -> Path:
    return _subfolder(home / "models")


def user_banks_dir(home: Path) -> Path:
    return home / "banks"


def log_path(home: Path) -> Path:
    return home / "mock-interview.log"


def _subfolder(path: Path) -> Path:
    try:
        private_mkdir(path)
    except OSError as exc:
        raise DataFolderError(f"cannot create {path} in the data folder: {_why(path, exc)}; "
                              "choose another data folder with --home DIR") from None
    return path


def _why(path: Path, exc: OSError) -> str:
    """The reason in plain words: it is a file, read-only, full..."""
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        try:
            if path.exists() and not path.is_dir():
                return "it is a file, not a folder" if path.is_file() else "it is not a folder"
        except OSError:
            pass
        return "part of its path is a file, not a folder"
    if exc.errno == errno.ENOENT:
        return "it cannot be created there"
    if exc.errno == errno.EROFS:
        return "it is on a read-only file system"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "you may not write there (read-only or immutable)"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return (exc.strerror or str(exc)).lower()
