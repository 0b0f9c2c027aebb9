"""Exemplar sentences (`exemplars.yaml`): what each red flag, a canned answer and an ending for the
customer sound like, read by the meaning model (`semantic.py`). Data, not code: loading it never
runs anything; a missing or broken file is a fault of the installation, said plainly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..types import RedFlag

SOURCE = Path(__file__).with_suffix(".yaml")


@dataclass(frozen=True)
class Idea:
    """A key-point idea in everyday sentences, joined to every key point holding one of its phrasings."""

    joins: frozenset[str]  # bank phrasings, lowercase
    sentences: tuple[str, ...]
    needs: frozenset[str] = frozenset()  # a clause saying it holds one of these words (none: any)


@dataclass(frozen=True)
class ExemplarSet:
    red_flags: dict[RedFlag, tuple[str, ...]]  # each severe family (and plain negativity, unused)
    fine: tuple[str, ...]  # professional sentences on the same subjects: the counterweight
    cliches: tuple[str, ...]  # canned answers every interviewer hears
    outcomes: dict[str, tuple[str, ...]]  # "story": how it ended for the customer; "plan": what you'd do
    small_talk: dict[str, tuple[str, ...]]  # chat by subject: no answer to any question
    plain_words: dict[str, str]  # idioms and regional words, and their plain words (`plain.py`)
    point_ideas: dict[str, Idea]  # key-point ideas in everyday sentences, by name (`points.py`)
    good_practice: tuple[str, ...] = ()  # what every call needs, refused only in a red flag (`refusal.py`)
    # dishonesty said in plain words, and its honest twins: among red_flags' dishonesty and `fine`
    # for the meaning layer, but not taught to the tone model (`tone.training_rows`)
    plain_dishonesty: tuple[str, ...] = ()
    fine_honest: tuple[str, ...] = ()
    # help for every caller, whatever their conduct ("A rude caller gets the same effort from me")
    fine_terms: tuple[str, ...] = ()
    # what a candidate makes of a part of the job, as "that <predicate>": "liked" and "disliked" (`verdict.py`)
    verdicts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # what a candidate says callers are like, as "that they <predicate>": "scorned" and "understood" (`scorn.py`)
    people_judged: dict[str, tuple[str, ...]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def exemplars() -> ExemplarSet:
    raw = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    return ExemplarSet(
        red_flags={RedFlag(name): tuple(xs) + (tuple(raw.get("plain_dishonesty", ())) if name == "dishonesty" else ())
                   for name, xs in raw["red_flags"].items()},
        fine=tuple(raw["fine"]) + tuple(raw.get("fine_honest", ())) + tuple(raw.get("fine_terms", ())),
        cliches=tuple(raw["cliches"]),
        outcomes={name: tuple(xs) for name, xs in raw["outcomes"].items()},
        small_talk={name: tuple(xs) for name, xs in raw["small_talk"].items()},
        plain_words={str(k): str(v) for k, v in raw["plain_words"].items()},
        point_ideas={name: Idea(frozenset(str(j).lower() for j in idea["joins"]), tuple(idea["say"]),
                                frozenset(str(w).lower() for w in idea.get("needs", ())))
                     for name, idea in raw["point_ideas"].items()},
        good_practice=tuple(raw.get("good_practice", ())),
        plain_dishonesty=tuple(raw.get("plain_dishonesty", ())),
        fine_honest=tuple(raw.get("fine_honest", ())),
        fine_terms=tuple(raw.get("fine_terms", ())),
        verdicts={name: tuple(xs) for name, xs in raw.get("verdicts", {}).items()},
        people_judged={name: tuple(xs) for name, xs in raw.get("people_judged", {}).items()},
    )
