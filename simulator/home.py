"""Where the data folder is: --home, else $MOCK_INTERVIEW_HOME, else the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MOCK_INTERVIEW_HOME"


def data_home(explicit: str | os.PathLike | None = None) -> Path:
    """The data folder, created (owner-only) if it does not exist yet."""
    if explicit:
        home = Path(explicit).expanduser()
    elif os.environ.get(ENV_VAR):
        home = Path(os.environ[ENV_VAR]).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir("mock-interview", appauthor=False))
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home


def audio_dir(home: Path) -> Path:
    path = home / "audio"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def models_dir(home: Path) -> Path:
    path = home / "models"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def user_banks_dir(home: Path) -> Path:
    return home / "banks"


def log_path(home: Path) -> Path:
    return home / "mock-interview.log"
