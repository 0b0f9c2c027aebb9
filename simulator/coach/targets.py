"""What counts as met for each area (its row in `areas.AREAS`), and the number tracked for it."""

from __future__ import annotations

from ..areas import AREAS, area
from ..scoring import thresholds as th
from ..types import Metric


def target_text(area: str) -> str:
    """The target for an area in words, for the notebook."""
    found = AREAS.get(area)
    return found.target if found else "a score of 70 or more"


def target_phrase(target: str) -> str:
    """A target said after a colon ("Aim for: ...", "the target: ..."): its own colon becomes
    brackets. A new user read "Aim for: concrete answers: a real example, ..." with two colons (a
    notebook keeps targets as they were said, so this is done where they are shown)."""
    head, colon, rest = target.strip().rstrip(".").partition(": ")
    return f"{head} ({rest})" if colon and rest else head


def aim_for(target: str) -> str:
    """'Aim for: concrete answers (a real example, what you did and how it turned out)'."""
    return f"Aim for: {target_phrase(target)}"


def volume_words(db: float) -> str:
    """A speech level as a candidate understands it: the review says this, then the dBFS."""
    band = th.SPEECH_LEVEL_DBFS
    return "a bit quiet" if db < band.low else "very loud" if db > band.high else "a comfortable level"


def pitch_words(semitones: float) -> str:
    """How much the voice moved, in words, before the semitones."""
    return "quite flat" if semitones < th.PITCH_VARIATION_SEMITONES.low else "nice and lively"


def metric_target(metric: Metric) -> str:
    """The target in the metric's own unit: a typed answer's fillers are per 100 words (it has no
    minute; its tip says "2 or fewer in every 100 words", and so does its "Aim for")."""
    if metric.name == "fillers" and metric.unit == th.FILLERS_PER_100_WORDS.unit:
        return th.FILLERS_PER_100_WORDS.target
    return target_text(metric.name)


def progress_value(metric: Metric) -> float | None:
    """The number tracked for an area: the raw value for band areas, else the 0-100 score.

    Fillers are always per minute: a typed answer's rate per 100 words is turned into a
    per-minute rate at the typed-answer speaking pace, so sessions compare.
    """
    if metric.score is None:
        return None
    found = area(metric.name)
    if found is None or found.band is None:
        return float(metric.score)
    if not isinstance(metric.value, (int, float)):
        return None
    if metric.name == "fillers" and metric.unit == th.FILLERS_PER_100_WORDS.unit:
        return float(metric.value) * th.TYPED_WORDS_PER_MINUTE / 100.0
    return float(metric.value)


def typed_fillers_per_100_words(per_minute: float) -> float:
    """A typed session's tracked filler rate (`progress_value`) back in its own unit."""
    return per_minute * 100.0 / th.TYPED_WORDS_PER_MINUTE


def metric_in_range(name: str, value: float | None) -> bool:
    """Whether a tracked value (see `progress_value`) meets the area's target."""
    if value is None:
        return False
    found = area(name)
    if found is None:
        return value >= th.TIP_BELOW
    if found.band is not None:
        return found.band.contains(value)
    return value >= found.at_least


def distance(name: str, value: float) -> float:
    found = area(name)
    if found is not None and found.band is not None:
        return found.band.distance(value)
    at_least = found.at_least if found else th.TIP_BELOW
    return max(0.0, at_least - value)


def area_label(name: str) -> str:
    """How an area reads in a sentence ("answer length"), also for one no longer measured."""
    found = area(name)
    return found.label if found else name.replace("_", " ")
