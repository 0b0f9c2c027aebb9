"""The areas an answer is judged on: one record per metric, the only list of them.

Scoring reads which answers an area applies to and its weight; the coach its target, label and
which tips it makes redundant; the interviewer its reminder and the questions that practise
it; the review its mark. A new metric is one row here, one measure function in scoring
(`@measures("name")`) and one tip writer in the coach (`@writes("name")`); tests/test_areas.py
checks that they meet. The numbers themselves, with their sources, are in
`scoring/thresholds.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .scoring import thresholds as th
from .scoring.thresholds import Band
from .types import Choice, QuestionKind

GENERAL, BEHAVIORAL, SITUATIONAL, ROLEPLAY = (QuestionKind.GENERAL, QuestionKind.BEHAVIORAL,
                                              QuestionKind.SITUATIONAL, QuestionKind.ROLEPLAY)


class Family(Choice):
    """Which scoring module measures an area, and which coach module writes its tips."""

    CONTENT = "content"  # what was said: key points, relevance, examples, shape, length
    DELIVERY = "delivery"  # how it sounded: pace, fillers, pauses, voice
    LANGUAGE = "language"  # call-center language: empathy, ownership, positive words, red flags
    CALL = "call"  # handling a role-play call: greeting, verification, next steps, closing


class OnCall(Choice):
    """When a reply on a role-play call is judged on an area. The planned places (all but the
    first two) are where the area naturally belongs in the call (`scoring.plan.call_plan`),
    and `scoring.calls.judge_call` judges them across the whole call, in this order."""

    EVERY_REPLY = "every reply"
    NEVER = "never"  # a reply is not a story
    OPENING = "opening"  # the reply to the first line
    CLOSING = "closing"  # the reply to the last line
    VERIFYING = "verifying"  # the first line whose key points ask for a check, else the first
    UPSET = "upset"  # lines where the customer is upset or the key points ask for it, else the first
    OWNING = "owning"  # every line but a last one that only wraps the call up
    RESOLVING = "resolving"  # where the customer asks for the fix, else where the key points name it

    @property
    def planned(self) -> bool:
        return self not in (OnCall.EVERY_REPLY, OnCall.NEVER)

    @property
    def past_script(self) -> bool:
        """Still judged on a reply past the scripted lines, as on the last line."""
        return self in (OnCall.CLOSING, OnCall.UPSET, OnCall.OWNING)

    @property
    def across_call(self) -> bool:
        """Counted wherever in the call it was said (the greeting and closing have one place)."""
        return self in (OnCall.VERIFYING, OnCall.UPSET, OnCall.OWNING, OnCall.RESOLVING)


class InAnswers(Choice):
    """Which answers other than role-play replies are judged on an area."""

    ALL = "all"
    SCENARIOS = "scenarios"  # behavioral and situational questions: a story or a plan
    CUSTOMER_FACING = "customer-facing"  # scenarios about upset callers (`scoring.plan.is_customer_facing`)
    NONE = "none"


class Better(Choice):
    """Which way an area's measured value (the number `progress` shows) is better."""

    HIGHER = "higher"  # phrases said, key points covered, positive minus negative phrases
    LOWER = "lower"  # red flags
    IN_BAND = "in a band"  # nearer its good range: pace, fillers, the question's length


class WhenSilent(Choice):
    """What an area shows when nothing was said."""

    ZERO = "zero"  # scores 0: nothing to praise either
    KEEP = "keep"  # keeps its measure: a silent recording still has a level
    DROP = "drop"  # left out: no fillers in silence is no achievement


@dataclass(frozen=True)
class Area:
    name: str  # the metric's name in the Score JSON
    family: Family
    label: str  # how it reads in a sentence: "your answer length"
    weight: float  # in the overall; content first: what you say matters more than how smoothly
    reminder: str  # how the interviewer recalls a tip on it: "watching your pace"
    goal: str = ""  # the target in words, for areas measured by their 0-100 score
    band: Band | None = None  # for areas measured by a raw value (pace, fillers...): its good range
    at_least: float = th.TIP_BELOW  # for score-measured areas: the score that meets the target
    # The questions that give the most practice on it (delivery shows on any spoken answer, so
    # it favours the longer kinds, which give the most speech).
    favours: tuple[QuestionKind, ...] = ()
    mark: str | None = None  # how the review marks its evidence in a transcript
    uncertain: bool = False  # judged by matching words: a tip only when clearly weak, never a polish
    covers: tuple[str, ...] = ()  # areas whose tips say nothing more when this one has a tip
    on_call: OnCall = OnCall.EVERY_REPLY
    in_answers: InAnswers = InAnswers.ALL
    by_count: tuple[float, float, float] | None = None  # score by phrases said: 0, 1, 2 or more
    praise_rank: int | None = None  # which strength is praised first (1); None: never praised
    # Its praise quotes nothing ("You answered exactly what I asked"): never said after a red
    # flag, nor in a session that went badly, where it rings hollow.
    praise_unquoted: bool = False
    when_silent: WhenSilent = WhenSilent.ZERO
    # Scores the absence of something (no red flags, no "can't", no fillers): with too few words
    # there was nothing to measure, so a short answer leaves it out rather than scoring 100.
    absence: bool = False
    # What the interviewer says when a second try got better here (coach mode), before a quote
    # of the new answer; areas measured by a raw value say the numbers instead.
    better: str = ""
    # Which way its measured value is better, for areas measured by their score (a band says it
    # for the rest): progress's "better" or "worse" must agree with the numbers it shows.
    value_better: Better = Better.HIGHER
    # Its measured value counts things in one answer (red flags, long pauses, key points): a mean
    # over a session's answers is said as the count in them, "1 red flag in 3 answers", never
    # "0.33 red flags" (`review.figures.count_text`).
    counted: bool = False
    # Progress shows its score, not its measured value: a net count (positive minus negative
    # phrases, "-1 in 3") or a share of 1 ("0.92 out of 1 on the question") says nothing to a
    # person; a review says the value in words (`review.figures.format_value`).
    by_score: bool = False
    # Its tip's whole advice is an example or a story (on a question that wants one): a session's
    # other tips then ask for none on the side, so the example is asked for once (`coach.asks`).
    asks_for_example: bool = False

    @property
    def better_way(self) -> Better:
        """Which way its measured value is better."""
        return Better.IN_BAND if self.band is not None else self.value_better

    @property
    def target(self) -> str:
        """What counts as met, in words, as a tip states it."""
        return self.band.target if self.band is not None else self.goal


# In report order: the order metrics appear in a Score.
AREAS: dict[str, Area] = {a.name: a for a in (
    Area("key_points", Family.CONTENT, "key points", 3.0, "covering the key points of each question",
         better="You covered more of what I was listening for this time",
         goal="cover the key points of each question", favours=(GENERAL, SITUATIONAL, BEHAVIORAL),
         uncertain=True, praise_rank=3, counted=True),
    Area("relevance", Family.CONTENT, "relevance", 2.0, "answering the exact question, right from your first sentence",
         better="You went straight to the question this time",
         goal="answer the question that was asked, in your first sentence", favours=(GENERAL, SITUATIONAL),
         uncertain=True, covers=("key_points", "specificity", "structure"), praise_rank=9, praise_unquoted=True,
         by_score=True),
    Area("specificity", Family.CONTENT, "specific examples", 2.0, "giving a concrete example",
         better="You gave an example this time",
         goal="concrete answers: a real example, what you did and how it turned out",
         favours=(BEHAVIORAL, SITUATIONAL), uncertain=True, covers=("length",), on_call=OnCall.NEVER, praise_rank=1,
         asks_for_example=True),
    Area("structure", Family.CONTENT, "structure", 1.5, "telling your examples as situation, action and result",
         better="Your example had a beginning, what you did and how it ended this time",
         goal="situation, task, action, result (or clear steps for what-would-you-do questions)",
         favours=(BEHAVIORAL,), uncertain=True, covers=("specificity",), on_call=OnCall.NEVER,
         in_answers=InAnswers.SCENARIOS, praise_rank=4, asks_for_example=True),
    Area("greeting", Family.CALL, "greeting", 1.5, "opening the call with your name and the company's",
         better="You opened the call properly this time",
         goal="greet, give your name and the company's", favours=(ROLEPLAY,), on_call=OnCall.OPENING,
         in_answers=InAnswers.NONE, praise_rank=7),
    Area("verification", Family.CALL, "verification", 1.0, "verifying the caller before discussing the account",
         better="You verified the caller this time",
         goal="verify the caller before account details", favours=(ROLEPLAY,), on_call=OnCall.VERIFYING,
         in_answers=InAnswers.NONE, by_count=th.VERIFICATION_BY_COUNT),
    Area("next_steps", Family.CALL, "next steps", 1.5, "telling the customer what happens next, and when",
         better="You told the customer what happens next this time",
         goal="tell the customer what happens next and when", favours=(ROLEPLAY,), covers=("length",),
         on_call=OnCall.RESOLVING, in_answers=InAnswers.NONE, by_count=th.NEXT_STEPS_BY_COUNT, praise_rank=6),
    Area("closing", Family.CALL, "closing", 1.0, "closing the call by offering more help",
         better="You closed the call well this time",
         goal="offer more help and thank the caller", favours=(ROLEPLAY,), covers=("length", "key_points"),
         on_call=OnCall.CLOSING, in_answers=InAnswers.NONE, by_count=th.CLOSING_BY_COUNT, praise_rank=8),
    Area("length", Family.CONTENT, "answer length", 2.0, "keeping your answers to the right length",
         better="The length was about right this time",
         goal="keep answers to the right length for the question", favours=(BEHAVIORAL, GENERAL),
         value_better=Better.IN_BAND),  # each question has its own band
    Area("empathy", Family.LANGUAGE, "empathy", 1.5, "acknowledging how the customer feels before fixing things",
         better="You acknowledged how the customer felt this time",
         goal="acknowledge the customer's feelings before fixing", favours=(ROLEPLAY, SITUATIONAL),
         uncertain=True, on_call=OnCall.UPSET, in_answers=InAnswers.CUSTOMER_FACING,
         by_count=th.EMPATHY_BY_COUNT, praise_rank=2),
    Area("ownership", Family.LANGUAGE, "ownership", 1.0, "taking ownership, with 'I will' and 'let me'",
         better="You took ownership this time",
         goal="say what you will do: 'I will', 'let me'", favours=(ROLEPLAY, SITUATIONAL), uncertain=True,
         on_call=OnCall.OWNING, in_answers=InAnswers.SCENARIOS, by_count=th.OWNERSHIP_BY_COUNT, praise_rank=5),
    Area("positive_language", Family.LANGUAGE, "positive language", 1.0,
         "saying what you can do rather than what you can't",
         better="You said what you could do this time", goal="say what you can do, not what you can't",
         favours=(ROLEPLAY, SITUATIONAL), absence=True, by_score=True),
    Area("professionalism", Family.LANGUAGE, "professionalism", 2.0, "keeping it professional, with no blaming",
         better="You kept it professional this time",
         goal="no blaming, put-downs or dismissive phrases", at_least=100.0, favours=(BEHAVIORAL, SITUATIONAL),
         mark="flag", praise_rank=12, praise_unquoted=True, absence=True, when_silent=WhenSilent.DROP,
         value_better=Better.LOWER, counted=True),
    Area("pace", Family.DELIVERY, "pace", 1.0, "watching your pace", band=th.PACE, favours=(BEHAVIORAL, GENERAL),
         praise_rank=11, better="Your pace was easier to follow this time"),
    Area("fillers", Family.DELIVERY, "fillers", 1.5, "cutting down the ums and uhs", band=th.FILLERS_PER_MINUTE,
         favours=(BEHAVIORAL, GENERAL), mark="filler", praise_rank=10, when_silent=WhenSilent.DROP, absence=True,
         better="You used fewer fillers this time"),
    Area("hedging", Family.DELIVERY, "hedging", 1.0, "sounding sure of yourself, with fewer 'I guess' and 'maybe'",
         better="You sounded surer of yourself this time",
         band=th.HEDGES_PER_100_WORDS, favours=(GENERAL, BEHAVIORAL), mark="hedge", when_silent=WhenSilent.DROP,
         absence=True),
    Area("repetition", Family.DELIVERY, "repetition", 1.0, "saying each thing once",
         better="You said each thing once this time", band=th.REPEATS_PER_100_WORDS,
         favours=(BEHAVIORAL, GENERAL), when_silent=WhenSilent.DROP, absence=True),
    Area("pauses", Family.DELIVERY, "pauses", 0.5, "keeping long pauses short", band=th.LONG_PAUSES,
         favours=(BEHAVIORAL, GENERAL), mark="pause", better="You kept your pauses short this time", counted=True),
    Area("time_to_start", Family.DELIVERY, "time to start", 0.5, "starting your answers a little sooner",
         band=th.TIME_TO_START, better="You started sooner this time"),
    Area("clarity", Family.DELIVERY, "clarity", 0.5, "speaking a little more clearly", band=th.UNSURE_WORDS_PERCENT,
         better="You spoke more clearly this time"),
    Area("volume", Family.DELIVERY, "volume", 0.5, "getting your speaking volume right", band=th.SPEECH_LEVEL_DBFS,
         when_silent=WhenSilent.KEEP, better="Your volume was better this time"),
    Area("monotone", Family.DELIVERY, "monotone", 0.5, "putting a bit more life into your voice",
         band=th.PITCH_VARIATION_SEMITONES, better="You put more life into your voice this time"),
)}


# The target of a tip given on an answer not in English (its area is the one it was judged on,
# relevance): what it asked for, and how the interviewer recalls it next time.
ENGLISH_TARGET = "answer in English, so I can coach what you said"
ENGLISH_REMINDER = "answering in English, so I can coach what you said"


def area(name: str) -> Area | None:
    """The area a metric or a saved tip is about; None for a name no longer measured."""
    return AREAS.get(name)


def weight(name: str) -> float:
    found = AREAS.get(name)
    return found.weight if found else 1.0


def call_areas() -> tuple[Area, ...]:
    """The areas a role-play call is judged on as a whole, in the order `judge_call` gives them."""
    order = list(OnCall)
    return tuple(sorted((a for a in AREAS.values() if a.on_call.planned), key=lambda a: order.index(a.on_call)))
