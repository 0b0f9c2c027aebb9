"""Where answers come from, behind one protocol (`AnswerSource`): the microphone (transcribed
while the candidate speaks, ended by `EndOfTurn`), recorded files, or the keyboard.

    source.prepare(slots) -> [Unusable]              before the session
    source.listen(slot, transcriber) -> Heard | None  one answer
"""

from __future__ import annotations

import os
from pathlib import Path

from ..console import Keys
from ..errors import UserError
from .endpoint import Decision, EndOfTurn, Ending, EndReason, Phase, TurnRules, ending_of
from .files import FileAnswers, RecordedAnswers
from .keyboard import KeyboardAnswers
from .microphone import Meter, Microphone
from .source import AnswerSource, Heard, InterruptedAnswer, Slot, Unusable

__all__ = ["AnswerSource", "Decision", "EndOfTurn", "Ending", "EndReason", "FileAnswers", "Heard", "InterruptedAnswer",
           "KeyboardAnswers", "Meter", "Microphone", "Phase", "RecordedAnswers", "Slot", "TurnRules",
           "Unusable", "ending_of", "make_source"]


def make_source(spec: str | None, rules: TurnRules = TurnRules(),
                keys: Keys | None = None) -> AnswerSource:
    """--input mic|keyboard|DIR; the default is the microphone when there is one. `keys` are
    the lines typed while the interviewer speaks (typed answers may start there)."""
    if spec in (None, "", "mic"):
        return Microphone(rules, keys=keys)  # DeviceError, saying what to do, when there is none
    if spec == "keyboard":
        return KeyboardAnswers(keys=keys)
    path = Path(os.path.expanduser(spec))
    if not path.exists():
        raise UserError(f"--input {spec}: expected mic, keyboard or a folder of recorded answers; "
                        f"there is no folder {path}")
    return FileAnswers(path)
