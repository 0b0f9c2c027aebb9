"""Errors the CLI turns into one clear message and exit status 2 (the user can fix them)."""


class UserError(Exception):
    """Bad input or usage: a broken bank, a missing file, no microphone. Exit status 2."""


class BankError(UserError):
    """A question bank that cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class AudioFileError(UserError):
    """An audio file that is missing or that libsndfile cannot read."""


class DeviceError(UserError):
    """No microphone or no speakers, with the way forward in the message."""


class NotebookError(UserError):
    """The notebook database cannot be used (and was not touched)."""


class DataFolderError(UserError):
    """The data folder cannot be created or written: a file, a device, read-only, full."""


class StoppedEarly(KeyboardInterrupt):
    """Ctrl-C before anything worth keeping, with what it stopped already said: exit 130, quietly."""
