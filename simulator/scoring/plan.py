"""What an answer is measured against: its key points, its length band, and on a role-play call
which call-handling areas belong to the reply."""

from __future__ import annotations

import re

from ..areas import OnCall, call_areas
from ..types import KeyPoint, Question, QuestionKind, Transcript, Turn
from . import lexicon as lx
from . import thresholds as th
from .text import Doc

# Questions where acknowledging feelings is part of a good answer: upset or difficult callers,
# or key points that ask for it.
EMPATHY_CUES = re.compile(
    r"\b(?:angry|upset|frustrat\w*|irate|rude|complain\w*|complaint|swear\w*|insult\w*|abus\w*|"
    r"yell\w*|shout\w*|bad news|demand\w*|unresolved|difficult|apologi[sz]\w*|sorry|"
    r"empath\w*|acknowledg\w*|understand how|charged twice)\b"
)
# What a customer says when they are upset, so acknowledging it belongs in the reply.
UPSET_LINE = re.compile(
    r"\b(?:angry|upset|frustrat\w*|ridiculous|unacceptable|nobody|no one|third time|again|still|"
    r"worst|terrible|fed up|sick of|furious|waste|cancel\w*|complain\w*|seriously|not good enough|"
    r"disappointed|annoy\w*|for nothing|twice|right now)\b")
# An exclamation is upset unless it is relief or thanks ("It works! Thank you!").
GLAD_LINE = re.compile(r"\b(?:thank\w*|great|perfect|wonderful|lovely|brilliant|awesome|works|working|"
                       r"connected|fixed|glad|happy)\b")
# What a customer asks when the fix is due: the reply to it should say what happens next.
ASKS_RESOLUTION = re.compile(
    r"\b(?:how long|when will|when do|when can|what happens|money back|going to (?:do|fix|give)|"
    r"what now|what can you do|what are you going to|fixed by|by when)\b")


def is_customer_facing(question: Question) -> bool:
    """Whether empathy is part of a good answer: role-play, or a question about upset callers."""
    if question.is_roleplay:
        return True
    if not question.kind.is_scenario:
        return False
    text = " ".join([question.text, question.category, *(ph for k in question.key_points for ph in k.phrasings)])
    return bool(EMPATHY_CUES.search(text.lower()))


def asks_for_example(question: Question) -> bool:
    """Whether an example makes a general answer concrete ("Why a call center?", "Your greatest
    strength?"), or its facts do (`th.FACTS_NOT_EXAMPLES`: "What's your availability?")."""
    return not (question.kind is QuestionKind.GENERAL and question.category in th.FACTS_NOT_EXAMPLES)


def specificity_parts(question: Question) -> dict[str, float]:
    """What makes an answer to this question concrete, and each part's weight."""
    if not asks_for_example(question):
        return th.SPECIFICITY_PARTS["facts"]
    return th.SPECIFICITY_PARTS.get(question.kind, th.SPECIFICITY_PARTS[QuestionKind.BEHAVIORAL])


def is_call_reply(question: Question, turn: int | None) -> bool:
    """A reply on a role-play call (any answer given with a turn is one)."""
    return question.is_roleplay or turn is not None


def reply_context(question: Question, turn: int | None) -> tuple[str, tuple[KeyPoint, ...]]:
    """The customer's line a reply answers ("" when none), and the key points it is judged on."""
    turns = question.turns
    if turn is not None and turns and 1 <= turn <= len(turns):
        t = turns[turn - 1]
        return t.line, t.key_points or (question.key_points if len(turns) == 1 else ())
    if turn is not None and turns:  # a reply past the scripted lines: the end of the call
        return "", ()
    return "", question.key_points


def answer_band(question: Question, turn: int | None = None) -> tuple[float, float]:
    """The ideal length in seconds: the question's own band, else the default for its kind (one
    reply on a call, when the call has scripted lines)."""
    if is_call_reply(question, turn):
        kind, own = QuestionKind.ROLEPLAY, None if question.turns else question.answer_seconds
    else:
        kind, own = question.kind, question.answer_seconds
    if own:
        return float(own[0]), float(own[1])
    return th.DEFAULT_ANSWER_SECONDS.get(kind, th.DEFAULT_ANSWER_SECONDS[QuestionKind.GENERAL])


# --- role-play calls: where each call-handling area belongs -----------------------------------


def _points_say(points: tuple[KeyPoint, ...], patterns, unless=()) -> bool:
    """Whether a turn's key points ask for this kind of phrase ("verify", "three to five days"),
    leaving out phrasings that are the `unless` kind ("thanks for your patience" is a closing)."""
    for point in points:
        for phrasing in point.phrasings:
            doc = Doc(Transcript.typed(phrasing))
            if doc.find_all(patterns) and not (unless and doc.find_all(unless)):
                return True
    return False


def _upset(line: str) -> bool:
    text = line.lower()
    return bool(UPSET_LINE.search(text)) or ("!" in text and not GLAD_LINE.search(text))


def call_plan(question: Question) -> dict[str, frozenset[int]]:
    """On which customer lines (1-based) each call-handling area is judged in a single reply:
    where it naturally belongs in the call (`areas.OnCall`). The greeting opens the call;
    verification comes on the first line whose key points ask for it (else the first); empathy
    wherever the customer is upset or the key points ask for it (else on the first line); next
    steps where the customer asks for the fix ("how long?"), else on the last line whose key
    points name a time frame or a reference, else on the last line; the closing on the last
    line; ownership on every line but a last one that only wraps the call up.
    `calls.judge_call` judges these areas across the whole call."""
    turns = question.turns or (Turn(line="", key_points=question.key_points),)
    n = len(turns)
    numbered = list(enumerate(turns, 1))
    verification = next((k for k, t in numbered
                         if _points_say(t.key_points, lx.VERIFICATION, unless=lx.RESOLUTION_CUES)), 1)
    asked = [k for k, t in numbered if "?" in t.line and ASKS_RESOLUTION.search(t.line.lower())]
    cued = [k for k, t in numbered if _points_say(t.key_points, lx.RESOLUTION_CUES)]
    steps = asked[0] if asked else (cued[-1] if cued else n)
    upset = {k for k, t in numbered if _upset(t.line)}
    empathy = upset | {k for k, t in numbered if _points_say(t.key_points, lx.EMPATHY, unless=lx.CLOSING)}
    last = turns[-1]
    wraps_up = (n > 1 and steps != n and "?" not in last.line
                and (not last.key_points or _points_say(last.key_points, lx.CLOSING)))
    lines = {
        OnCall.OPENING: frozenset({1}),
        OnCall.VERIFYING: frozenset({verification}),
        OnCall.UPSET: frozenset(empathy or {1}),
        OnCall.OWNING: frozenset(k for k in range(1, n + 1) if not (wraps_up and k == n)),
        OnCall.RESOLVING: frozenset({steps}),
        OnCall.CLOSING: frozenset({n}),
    }
    return {a.name: lines[a.on_call] for a in call_areas()}


def call_line(question: Question, turn: int | None) -> int:
    """The customer line a reply answers, for the call plan; a reply past the script is the last."""
    n = max(1, len(question.turns))
    return max(1, min(turn or 1, n)) if (turn or 1) <= n else n


def judged_on_call(question: Question, turn: int | None) -> frozenset[str]:
    """The call-handling areas a reply is judged on where it stands in the call; past the
    scripted lines, only those that still belong at the end of a call."""
    plan = call_plan(question)
    at = call_line(question, turn)
    past_script = turn is not None and bool(question.turns) and turn > len(question.turns)
    return frozenset(a.name for a in call_areas()
                     if at in plan[a.name] and (a.on_call.past_script or not past_script))
