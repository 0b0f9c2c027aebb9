"""The overall score of an answer, and the knock-outs: what would end a real interview whatever
else was said.

The overall is the weighted mean of the metrics that could be measured (weights in
`areas.py`). A knock-out scales it down to the bottom of the scale (0-10, as a recruiter would
mark it): a red flag, an answer to another question, the job's basics denied, key words without
sentences, an answer not in English. A very short answer cannot earn much, whatever it says.
Each knock-out is read from the metrics' typed evidence, so the coach reads the same verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..areas import AREAS, Family, weight
from ..types import Choice, Coverage, EvidenceKind, Metric, Question
from . import lexicon as lx
from . import thresholds as th
from .flags import severe_red_flags


class KnockOut(Choice):
    """Why an answer sits at the bottom of the scale, in the order the coach raises them."""

    RED_FLAG = "a red flag"
    DENIED = "the job's basics denied"
    NOT_ENGLISH = "not English"
    WORD_LIST = "key words without sentences"
    OFF_TOPIC = "another question answered"


class Cap(Choice):
    """What keeps an answer from scoring high without knocking it out."""

    CLICHE = "a cliché with no example"
    RAMBLE = "a long answer that never gets to the point"
    OFF_POINT = "a long answer that says little of what was asked"
    COMPOSURE = "only your own calm, nothing for the caller"
    NOTHING_DONE = "a reply on a call that does nothing the caller needs"
    NO_STORY = "no story, when one was asked for"
    HEDGED = "every sentence hedged"
    NO_FACTS = "asked for facts, none given"
    NOT_YOURS = "a long story in which you did nothing yourself"
    NO_DEED = "a story in which you did nothing yourself"
    SYMPATHY_ONLY = "sympathy on a call, and nothing done"
    PADDED = "the question said back around one thin point"


def _evidence(metrics: dict[str, Metric], name: str, kind: EvidenceKind) -> list:
    m = metrics.get(name)
    return [e for e in m.evidence if e.kind is kind] if m is not None else []


def denied_points(m: Metric | None) -> tuple[int, int]:
    """(denials, points said) in a key-points metric. A denial is a clause that denies one or
    more points: "There's just no full-time role for me there" read against two points is one
    thing said, not two."""
    if m is None:
        return 0, 0
    points = [e for e in m.evidence if e.kind is EvidenceKind.KEY_POINT]
    return (len({(e.start, e.end, e.quote) for e in points if e.coverage is Coverage.DENIED}),
            sum(e.coverage is Coverage.COVERED for e in points))


def knockouts(metrics: Sequence[Metric]) -> list[KnockOut]:
    """Every knock-out the metrics show, most important first."""
    by_name = {m.name: m for m in metrics}
    out = []
    if _evidence(by_name, "relevance", EvidenceKind.NOT_ENGLISH):
        out.append(KnockOut.NOT_ENGLISH)
    if _evidence(by_name, "key_points", EvidenceKind.WORD_LIST):
        out.append(KnockOut.WORD_LIST)
    if severe_red_flags(by_name.get("professionalism")):
        out.append(KnockOut.RED_FLAG)
    denied, said = denied_points(by_name.get("key_points"))
    if (denied and not said) or (denied >= 2 and denied > said):
        out.append(KnockOut.DENIED)
    if _drifted(by_name.get("relevance"), th.OFF_TOPIC_LIMIT):
        out.append(KnockOut.OFF_TOPIC)
    return out


def _drifted(relevance: Metric | None, below: float) -> bool:
    """Relevance under this, with the evidence that the answer is about something else (rows
    saved before issue 10 scored relevance by shared words, and say so in their evidence)."""
    return (relevance is not None and relevance.score is not None and relevance.score < below
            and any(e.kind is EvidenceKind.NO_TOPIC for e in relevance.evidence))


# The metric whose evidence shows each knock-out and cap: its tip is the one to give first.
KNOCKOUT_AREAS = {KnockOut.RED_FLAG: "professionalism", KnockOut.DENIED: "key_points",
                  KnockOut.NOT_ENGLISH: "relevance", KnockOut.WORD_LIST: "key_points", KnockOut.OFF_TOPIC: "relevance"}
CAP_AREAS = {Cap.CLICHE: "specificity", Cap.RAMBLE: "structure", Cap.OFF_POINT: "key_points",
             Cap.COMPOSURE: "key_points", Cap.NOTHING_DONE: "key_points", Cap.NO_STORY: "structure",
             Cap.HEDGED: "hedging", Cap.NO_FACTS: "specificity", Cap.NOT_YOURS: "ownership",
             Cap.NO_DEED: "ownership", Cap.SYMPATHY_ONLY: "ownership", Cap.PADDED: "key_points"}


def deciding_rank(area: str) -> int:
    """How early the coach raises what an area decided, across a session (a red flag first)."""
    order = list(dict.fromkeys([*KNOCKOUT_AREAS.values(), *CAP_AREAS.values()]))
    return order.index(area) if area in order else len(order)


def deciding_areas(metrics: Sequence[Metric], words: int | None = None, personal: bool = False,
                   call: bool = False) -> list[str]:
    """The areas that decided the answer's score, most important first: each knock-out's, then a
    cap's (a cliché without an example, a long story without an ending). `personal`: the question
    is about the candidate (`is_personal`); `call`: the answer is a reply on a call."""
    out = [KNOCKOUT_AREAS[k] for k in knockouts(metrics)]
    by_name = {m.name: m for m in metrics}
    if _drifted(by_name.get("relevance"), th.ON_TOPIC_LIMIT):
        out.append("relevance")  # drifting off the question scaled the answer down
    out += [CAP_AREAS[c] for c in caps(metrics, words, personal, call)]
    return list(dict.fromkeys(out))


def caps(metrics: Sequence[Metric], words: int | None = None, personal: bool = False,
         call: bool = False) -> list[Cap]:
    """Every cap the metrics show, in the order the coach raises them (`deciding_areas`)."""
    by_name = {m.name: m for m in metrics}
    found = {
        Cap.CLICHE: bool(_evidence(by_name, "specificity", EvidenceKind.CLICHE)) and not _concrete(metrics),
        Cap.RAMBLE: bool(_evidence(by_name, "structure", EvidenceKind.NO_RESULT)) and (words or 0) >= th.RAMBLE_WORDS,
        Cap.OFF_POINT: _off_point(by_name, words),
        Cap.COMPOSURE: _only_composure(by_name, personal),
        Cap.NOTHING_DONE: call and _nothing_done(by_name),
        Cap.NO_STORY: tells_no_story(by_name.get("structure")),
        Cap.HEDGED: _hedged(by_name),
        Cap.NO_FACTS: _no_facts(by_name),
        Cap.NOT_YOURS: _not_yours(by_name, words),
        Cap.NO_DEED: _no_deed(by_name, words),
        Cap.SYMPATHY_ONLY: call and _sympathy_only(by_name),
        # the question, the setting or the caller said back around one thin point (`th.PADDED_SHARE`)
        Cap.PADDED: bool(_evidence(by_name, "key_points", EvidenceKind.SAID_BACK)),
    }
    return [c for c, applies in found.items() if applies]


# The most a capped answer can score.
CAP_LIMITS = {Cap.CLICHE: th.CLICHE_CAP, Cap.RAMBLE: th.RAMBLE_CAP, Cap.OFF_POINT: th.RAMBLE_CAP,
              Cap.COMPOSURE: th.COMPOSURE_CAP, Cap.NOTHING_DONE: th.NOTHING_DONE_CAP, Cap.NO_STORY: th.NO_STORY_CAP,
              Cap.HEDGED: th.HEDGED_CAP, Cap.NO_FACTS: th.NO_FACTS_CAP, Cap.NOT_YOURS: th.RAMBLE_CAP,
              Cap.NO_DEED: th.THIN_CAP, Cap.SYMPATHY_ONLY: th.THIN_CAP, Cap.PADDED: th.PADDED_CAP}


def is_personal(question: Question) -> bool:
    """A question about the candidate (`th.PERSONAL`): no caller's problem is at stake."""
    return question.category in th.PERSONAL


def _only_composure(by_name: dict[str, Metric], personal: bool) -> bool:
    """Every key point said is about the agent's own calm ("stay calm", "don't take it
    personally"), and nothing acknowledges the caller or owns their problem; never on a question
    about the candidate (`personal`), where patience is a fine greatest strength."""
    if personal:
        return False
    m = by_name.get("key_points")
    said = [e for e in (m.evidence if m is not None else ()) if e.kind is EvidenceKind.KEY_POINT
            and e.coverage is Coverage.COVERED]
    if not said or not all(any(p.search((e.label or "").lower()) for p in lx.COMPOSURE_POINT) for e in said):
        return False
    return not _cares(by_name)


def _cares(by_name: dict[str, Metric]) -> bool:
    """Something acknowledges the caller or owns their problem: an empathy or ownership phrase."""
    caring = [a.name for a in AREAS.values() if a.family is Family.LANGUAGE and a.by_count is not None]  # empathy, ownership
    return any((by_name[n].value or 0) > 0 for n in caring if n in by_name)


def _nothing_done(by_name: dict[str, Metric]) -> bool:
    """A reply on a call that says none of what the caller needs at that line (no key point, even
    in part), with nothing that acknowledges them or owns their problem: whatever its delivery,
    nothing was done for them ("Honestly, no idea where it is. These things happen.")."""
    m = by_name.get("key_points")
    return m is not None and m.score is not None and m.score <= 0 and not _cares(by_name)


def _hedged(by_name: dict[str, Metric]) -> bool:
    """Hedged throughout ("Hard to say, really. Hopefully still working, maybe..."): however on topic,
    an answer that commits to nothing is not a strong one (`th.HEDGED_PER_100_WORDS`)."""
    m = by_name.get("hedging")
    return m is not None and isinstance(m.value, (int, float)) and m.value >= th.HEDGED_PER_100_WORDS \
        and sum(e.kind is EvidenceKind.HEDGE for e in m.evidence) >= th.HEDGED_AT_LEAST


def _no_facts(by_name: dict[str, Metric]) -> bool:
    """Asked for facts (its specificity is judged on concrete details alone, `th.FACTS_NOT_EXAMPLES`),
    the answer gave none and made at most one point: "I'm pretty flexible really, whatever works" is
    willing, and vague. ("Sure, that's fine with me. Peak season is when customers need us most, so
    I'm happy to stay on with some notice" names no day, and says three things a recruiter wants.)"""
    m = by_name.get("specificity")
    parts = [e for e in (m.evidence if m is not None else ()) if e.kind is EvidenceKind.PART]
    _, said = denied_points(by_name.get("key_points"))
    return bool(parts) and {e.label for e in parts} == {"detail"} \
        and not any(e.coverage is Coverage.COVERED for e in parts) and said < th.KEY_POINTS_AT_LEAST


def _not_yours(by_name: dict[str, Metric], words: int | None) -> bool:
    """A long story (`th.RAMBLE_WORDS`) in which the candidate did nothing themselves: no action of
    theirs for the customer (ownership found none), only what happened, what a colleague did, "I
    think I said something". Asked for a time they handled it, a recruiter hears a ramble ("...and
    then my colleague came over, and it sort of got sorted in the end I think" scored 79)."""
    story, owned = by_name.get("structure"), by_name.get("ownership")
    return story is not None and story.score is not None and owned is not None and owned.score is not None \
        and owned.value == 0 and (words or 0) >= th.RAMBLE_WORDS


def _no_deed(by_name: dict[str, Metric], words: int | None) -> bool:
    """Asked for a real time, a story shorter than a ramble (`th.RAMBLE_WORDS`) in which the
    candidate does nothing at all: no action of theirs (structure found none, `actions.py`), only
    what happened to them or in front of them, or what usually happens ("Once a customer shouted at
    my manager in the shop...", "I've had loads of angry customers... it's usually fine in the end").
    A recruiter marks it thin, whatever it covers (`th.THIN_CAP`); a long one is `_not_yours`."""
    parts = [e for e in (by_name["structure"].evidence if "structure" in by_name else ()) if e.kind is EvidenceKind.PART]
    return {e.label for e in parts} == STORY_PARTS and (words or 0) < th.RAMBLE_WORDS \
        and any(e.label == "action" and e.coverage is Coverage.MISSING for e in parts)


def _sympathy_only(by_name: dict[str, Metric]) -> bool:
    """A reply on a call that is kind and does nothing: no action or ownership of the caller's
    problem (ownership judged there, and none heard) and not all the line's key points ("Oh no, I'm
    sorry to hear that. That's really not nice, especially for a birthday." scored 58)."""
    owned, points = by_name.get("ownership"), by_name.get("key_points")
    return owned is not None and owned.score is not None and owned.value == 0 \
        and points is not None and points.score is not None and points.score < 100.0


STORY_PARTS = frozenset({"situation", "task", "action", "result"})  # a behavioral answer's structure


def tells_no_story(structure: Metric | None) -> bool:
    """Asked for a real time ("Tell me about a time..."), the answer tells none: its structure
    metric found no situation, task, action or result at all, only what you usually do ("I just
    tend to listen and sort it out")."""
    parts = [e for e in (structure.evidence if structure is not None else ()) if e.kind is EvidenceKind.PART]
    return bool(parts) and {e.label for e in parts} == STORY_PARTS \
        and not any(e.coverage is Coverage.COVERED for e in parts)


def _off_point(by_name: dict[str, Metric], words: int | None) -> bool:
    """A long answer that says few of the question's key points (by meaning): it talks around
    the question, whatever kind it is ("So I have been looking at a lot of companies lately...")."""
    m = by_name.get("key_points")
    return (words or 0) >= th.RAMBLE_WORDS and m is not None and m.score is not None \
        and m.score < th.RAMBLE_POINTS_BELOW


def _concrete(metrics: Sequence[Metric]) -> bool:
    """Whether the answer gave a real example or a concrete detail of its own; or, told as steps
    in order ("Stay calm and let them vent. Then apologise, ask for the tracking number and give them
    a real answer."), a plan whose stock opening is only its first step (s8-tips: it was capped at 40
    as a cliché): steps that make a clear shape (structure) and are mostly concrete (specificity)."""
    by_name = {m.name: m for m in metrics}
    concrete = (by_name["specificity"].score or 0.0) if "specificity" in by_name else 0.0
    shaped = (by_name["structure"].score or 0.0) if "structure" in by_name else 0.0
    return concrete >= th.STRENGTH_AT_LEAST or (concrete >= th.CLICHE_PLAN_AT and shaped >= th.STRENGTH_AT_LEAST)


def weighted_mean(metrics: Sequence[Metric]) -> float:
    present = [(m.score, weight(m.name)) for m in metrics if m.score is not None]
    if not present:
        return 0.0
    return sum(s * w for s, w in present) / sum(w for _, w in present)


def overall_score(metrics: Sequence[Metric], words: int | None = None, personal: bool = False,
                  call: bool = False) -> float:
    """The weighted mean of the metrics present; scaled to the bottom of the scale by a knock-out
    (an answer drifting off topic is scaled down gradually); at most `th.POINTS_PER_WORD` a word
    for an answer of a few words."""
    total = weighted_mean(metrics)
    found = knockouts(metrics)
    if KnockOut.NOT_ENGLISH in found:
        return 0.0
    if found and found != [KnockOut.OFF_TOPIC]:
        total *= th.KNOCKED_OUT
    relevance = next((m for m in metrics if m.name == "relevance"), None)
    if relevance is not None and relevance.score is not None:
        share = (relevance.score - th.OFF_TOPIC_LIMIT) / (th.ON_TOPIC_LIMIT - th.OFF_TOPIC_LIMIT)
        total *= th.KNOCKED_OUT + (1 - th.KNOCKED_OUT) * max(0.0, min(1.0, share))
    if words is not None:
        total = min(total, th.POINTS_PER_WORD * words)
    total = min([total] + [CAP_LIMITS[c] for c in caps(metrics, words, personal, call)])
    return round(max(0.0, min(100.0, total)), 1)
