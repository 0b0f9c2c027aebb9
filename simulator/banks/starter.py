"""The starter bank that `banks new` writes: every field, commented, valid as written."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from .loading import BANK_SUFFIXES


STARTER_BANK = """\
# A question bank for mock-interview. Check it with: mock-interview banks validate THIS_FILE
# Put it in the banks folder of your data folder to see it in `mock-interview banks list`.
# A bank with the same name as a bundled one (say call-center-core) replaces it.
bank: my-practice-bank          # the name you pass to --bank: a-z, 0-9 and '-'
title: My own practice questions

questions:
  - id: my-why-this-company     # unique, a-z, 0-9 and '-'; used by --ask
    text: Why do you want to work for our company in particular?
    category: motivation        # any label; tips and progress are grouped by it
    kind: general               # general | behavioral | situational | roleplay
    key_points:                 # what a strong answer mentions
      - researched the company  # a plain item is one phrase...
      - [our customers, your customers, the people you serve]  # ...a list: other ways to say it
      - phrasings: [long term, grow with the company, stay and grow]  # a mapping adds...
        examples:               # ...sentences as a candidate says it, heard by meaning only
          - I'd like to still be here in five years, taking on more.
          - I want somewhere I can build a career, not just a job.
    follow_up: What do you know about the customers we serve?   # asked after the answer
    answer_seconds: [30, 90]    # the ideal length of the answer, shortest and longest

  - id: my-busy-day
    text: Tell me about a day at work when everything went wrong at once. What did you do?
    category: stress
    kind: behavioral            # "tell me about a time": situation, action, result
    key_points:
      - [situation, what happened, it was a day when]
      - [prioritized, put first things first, most urgent]
      - [stayed calm, kept calm, took a breath]
      - [result, in the end, what I learned]
    answer_seconds: [60, 150]

  - id: my-saturdays
    text: We're open on Saturdays and late on Thursdays. Could you work one of each a month?
    category: availability
    kind: general
    asks_for: hours             # optional: what any answer must give; hours = days, times or a yes/no
    key_points:
      - [Saturdays, weekends]
      - [Thursday evenings, late shift]
      - phrasings: [any shift, whatever you need, I'm flexible]
        implies: [Saturdays, Thursday evenings]  # "any shift" answers those too, unless a limit is said
      - [notice, plan ahead, arrange]
    answer_seconds: [15, 60]

  - id: my-wrong-order
    kind: roleplay              # the interviewer plays a customer; you answer each line
    category: call-handling
    text: I'll play a customer whose order arrived wrong. Answer the call as the agent.
    turns:
      - line: Hi, I ordered a blue jacket and you sent me a red one.
        key_points:
          - [thank you for calling, thanks for calling]
          - [my name is, this is]
          - [sorry, apologize]
      - Can you just fix it? I need it by Friday.     # a line without key points
      - line: Okay, thanks. That's all.
        key_points:
          - [anything else, something else I can help]
          - [have a great day, have a nice day, take care]
"""


def starter_bank_text() -> str:
    """A commented bank showing every field, valid as written."""
    return STARTER_BANK


def write_starter_bank(path: Path | str) -> Path:
    """Write the starter bank to a new file; UserError rather than overwrite an existing one."""
    path = Path(path)
    if path.exists():
        raise UserError(f"{path} already exists; choose a new file name (nothing was written)")
    if path.suffix.lower() not in BANK_SUFFIXES:
        raise UserError(f"{path}: a bank file name ends in .yaml or .yml")
    try:
        with path.open("x", encoding="utf-8") as f:
            f.write(STARTER_BANK)
    except FileExistsError:
        raise UserError(f"{path} already exists; choose a new file name (nothing was written)")
    except OSError as exc:  # no such folder, read-only, full
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path

