"""Trying a question again, right away: what changed between two tries of the same question.

In coach mode, after the tip, the candidate may answer the same question once more. The two
Scores are compared area by area (`compare`), and the interviewer says what changed, quoting
the new answer ("You gave an example this time: 'At the returns desk...'"). The area of the
tip comes first, whatever happened to it; another area only after, and only when the second
try brought it to its target (`remark`). What the second try no longer needs is not repeated
as an open tip at the end of the session (`feedback.session_feedback`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from ..areas import area
from ..types import Coverage, EvidenceKind, Metric, Score
from .targets import metric_in_range, progress_value

MOVED = 15.0  # points on an area's 0-100 score that count as a real change, not noise
QUOTE_WORDS = 10  # a quote in the interviewer's remark is cut to this many words

@dataclass(frozen=True)
class Change:
    """One area's score on both tries, with what the second try said there."""

    area: str
    before: float  # 0-100
    after: float
    value_before: float | str | None = None
    value_after: float | str | None = None
    unit: str | None = None
    quote: str = ""  # evidence from the second try of what it did there
    part: str = ""  # which part of the answer the quote is (an evidence label: "example", "actions")
    # Whether each try met the area's target (as the notebook counts a tip met); None in
    # comparisons saved before this was kept.
    met_before: bool | None = None
    met_after: bool | None = None

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def improved(self) -> bool:
        return self.delta >= MOVED

    @property
    def fixed(self) -> bool:
        """Better, and on target now: a real change, not a weak area a little less weak ("I
        guess" still there, in a longer answer) nor a good one a little better."""
        return self.improved and self.met_after is not False and self.met_before is not True


@dataclass(frozen=True)
class Comparison:
    """Two tries of one question: what improved, what did not, and the overall scores."""

    question_id: str
    overall_before: float
    overall_after: float
    improved: tuple[Change, ...]  # most improved first
    not_improved: tuple[Change, ...]  # the tip's area when it did not move, then what got worse
    focus: str | None = None  # the area of the tip given before the retry

    @property
    def focus_change(self) -> Change | None:
        """The tip's area on both tries (None when it was not measured on one of them)."""
        return next((c for c in (*self.improved, *self.not_improved) if c.area == self.focus), None)

    @property
    def focus_fixed(self) -> bool:
        """Whether the second try did what the tip asked: the tip's area got better, on target."""
        change = self.focus_change
        return change is not None and change.improved and change.met_after is not False

    @property
    def focus_improved(self) -> bool | None:
        """Whether the area of the tip got better (None when there was no tip, or it can't tell)."""
        if self.focus is None:
            return None
        if any(c.area == self.focus for c in self.improved):
            return True
        if any(c.area == self.focus for c in self.not_improved):
            return False
        return None


@dataclass(frozen=True)
class Retry:
    """A second try of a question, as saved in the notebook beside the first."""

    score: Score
    comparison: Comparison
    audio: Path | None = None


def by_answer(retries: Iterable[tuple[int, Retry]]) -> dict[int, Retry]:
    """Each second try by the place (from 0) of the answer it retried in the session's answers
    (`Notebook.retries` gives positions from 1)."""
    return {position - 1: r for position, r in retries}


def comparison_to_dict(c: Comparison) -> dict:
    return asdict(c)


def comparison_from_dict(d: dict) -> Comparison:
    changes = {k: tuple(Change(**x) for x in d.get(k, ())) for k in ("improved", "not_improved")}
    return Comparison(d["question_id"], d["overall_before"], d["overall_after"],
                      focus=d.get("focus"), **changes)


def compare(first: Score, second: Score, focus: str | None = None) -> Comparison:
    """Area by area, the areas measured on both tries; `focus` is the tip's area."""
    changes = []
    for before in first.metrics:
        after = second.metric(before.name)
        if after is None or before.score is None or after.score is None:
            continue
        changes.append(Change(before.name, round(before.score, 1), round(after.score, 1),
                              before.value, after.value, after.unit, *_quote(after),
                              metric_in_range(before.name, progress_value(before)),
                              metric_in_range(after.name, progress_value(after))))
    improved = sorted((c for c in changes if c.improved), key=lambda c: -c.delta)
    if focus is not None:  # the area they were asked to work on is said first
        improved.sort(key=lambda c: c.area != focus)
    stuck = [c for c in changes if c.area == focus and not c.improved]
    worse = sorted((c for c in changes if c.delta <= -MOVED and c.area != focus), key=lambda c: c.delta)
    return Comparison(first.question_id, round(first.overall, 1), round(second.overall, 1),
                      tuple(improved), tuple(stuck + worse), focus)


def remark(comparison: Comparison, spoken: bool = False) -> str:
    """What the interviewer says after the retry. First the area of the tip: better (quoting the
    new answer), better but not there yet, not better, or not measured on that try. Then at most
    one other area the second try fixed (never a quote already read back), and the overall scores,
    never at odds with what came before. `spoken`: the line said aloud quotes nothing (the quote
    stays on screen): a misheard quote read back ("Last, bring at the garden center...") sounds
    like the interviewer got their words wrong, and the candidate has just said them."""
    quoted: set[str] = set()
    parts = []
    focus, change = comparison.focus, comparison.focus_change
    if comparison.focus_improved:
        parts.append(_better(change, quoted, spoken))
        if not comparison.focus_fixed:
            parts.append(f"That's closer, though {area(focus).reminder if area(focus) else _name(focus)} "
                         "needs a little more.")
    elif comparison.focus_improved is False:
        parts.append(f"{_needs_work(focus)} still needs work; that's the one to keep practising.")
    elif focus is not None:  # not measured on one of the tries
        parts.append(f"I couldn't measure your {_name(focus)} on that try, so that's one for next time.")
    others = [c for c in comparison.improved if c.area != focus and c.fixed]
    parts += [_better(c, quoted, spoken) for c in others[:1 if focus is not None else 2]]
    praised = comparison.focus_improved or bool(others)
    before, after = comparison.overall_before, comparison.overall_after
    if after >= before + 5:
        parts.append(f"Overall, {after:.0f} out of 100 against {before:.0f} the first time.")
    elif after <= before - 5:
        lead = "Overall, though, the first try" if praised else "Your first try"
        parts.append(f"{lead} was stronger: {before:.0f} against {after:.0f} now, so hold on to what "
                     "worked there.")
    elif not praised and comparison.focus_improved is None:
        parts.append(f"That came out about the same as the first time: {before:.0f}, then {after:.0f}.")
    else:
        parts.append(f"Overall about the same: {before:.0f}, then {after:.0f}.")
    return " ".join(parts)


def _better(change: Change, quoted: set[str], spoken: bool = False) -> str:
    """What got better in one area: its numbers (areas measured by a value), else the area's line
    with a quote of the new answer that no earlier part of the remark read back (`quoted`); no
    quote in a `spoken` line."""
    known = area(change.area)
    if change.area == "length":  # the answer's opening is no evidence of its length
        if (change.after or 0) >= 100:
            return f"{known.better}." if known else "The length was about right this time."
        grew = isinstance(change.value_after, (int, float)) and isinstance(change.value_before, (int, float)) \
            and change.value_after > change.value_before
        return "You gave me more this time." if grew else "You kept it tighter this time."
    lead = known.better if known and known.better else f"Your {_name(change.area)} got better this time"
    if change.area == "specificity" and change.part not in ("", "example", "situation"):
        lead = "You were more concrete this time"  # a plan's steps, a story's actions: no example
    if known and known.band and isinstance(change.value_before, (int, float)) \
            and isinstance(change.value_after, (int, float)):
        unit = f" {change.unit}" if change.unit else ""
        return (f"{lead.removesuffix(' this time')}: {_number(change.value_after)}{unit} "
                f"this time, against {_number(change.value_before)} before.")
    if not change.quote or change.quote in quoted or spoken:
        return f"{lead}."
    quoted.add(change.quote)
    end = "" if change.quote.endswith(("...", ".", "?", "!")) else "."
    return f'{lead}: "{change.quote}"{end}'


# Evidence of what an answer did (not of a problem in it, such as a hedge, a red flag, a canned
# line or how a short answer opened): what a remark on a better second try may quote.
SHOWS_WHAT_WAS_DONE = frozenset({EvidenceKind.PART, EvidenceKind.PHRASE, EvidenceKind.KEY_POINT,
                                 EvidenceKind.POSITIVE, EvidenceKind.TOPIC_MEANING})
# The parts of a concrete answer to quote first: an example says "you gave an example" best.
EXAMPLE_FIRST = ("example", "situation", "actions", "steps", "result", "numbers", "detail")


def _quote(metric: Metric) -> tuple[str, str]:
    """What the second try did in this area, cut to QUOTE_WORDS words, and which part it is: the
    example first, then any evidence of something done ("", "" when there is none)."""
    done = [e for e in metric.evidence if e.quote.strip() and e.kind in SHOWS_WHAT_WAS_DONE
            and e.coverage in (None, Coverage.COVERED)]
    done.sort(key=lambda e: EXAMPLE_FIRST.index(e.label) if e.label in EXAMPLE_FIRST else len(EXAMPLE_FIRST))
    if not done:
        return "", ""
    words = done[0].quote.strip().split()
    quote = " ".join(words)
    if len(words) > QUOTE_WORDS:
        quote = " ".join(words[:QUOTE_WORDS]).rstrip(",;:") + "..."
    return quote, done[0].label or ""


def _name(name: str) -> str:
    known = area(name)
    return known.label if known else name.replace("_", " ")


def _number(value: float) -> str:
    return f"{value:.1f}" if abs(value) < 10 and value != int(value) else f"{value:.0f}"


def _needs_work(name: str) -> str:
    """'Giving a concrete example': the area as the interviewer recalls it (`Area.reminder`)."""
    known = area(name)
    what = known.reminder if known else name.replace("_", " ")
    return what[0].upper() + what[1:]
