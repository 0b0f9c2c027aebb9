"""The interviewer: which questions to ask and in what order, follow-ups, and what it says."""

from __future__ import annotations

import random
import re
import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .areas import ENGLISH_REMINDER, ENGLISH_TARGET, area
from .errors import UserError
from .scoring import thresholds as th
from .types import Answer, Coverage, EvidenceKind, Medium, Question, QuestionKind, Score, Severity, Tip
from .wording import number, per_answer, sentences, with_unit

RETRY_BELOW = 60.0  # a question answered below this overall is asked again (once) later
KIND_ORDER = {QuestionKind.GENERAL: 0, QuestionKind.SITUATIONAL: 1, QuestionKind.BEHAVIORAL: 2,
              QuestionKind.ROLEPLAY: 3}  # warm-up first

GENERIC_PROBES = {
    "example": "Can you walk me through a specific time that happened? What did you do, and how did it turn out?",
    # a what-would-you-do question asks for a plan, not a memory
    "steps": "Walk me through it step by step: what would you do first, and then what?",
    "short": "Could you tell me a little more about that?",
    "off_topic": "Let me bring you back to the question: {question}",
    "english": "Could you give me that answer in English?",
    "sentences": "Could you put that into a sentence or two for me?",
}


@dataclass(frozen=True)
class PlannedQuestion:
    question: Question
    retry_of: float | None = None  # last overall score when this is a retry, else None


def _favoured(q: Question, focus: Sequence[Tip]) -> bool:
    """Whether a question practises one of last time's tips: its kind gives the most practice on
    the tip's area (`Area.favours`), or it is about the tip's topic."""
    return any(q.kind in _favours(t.area) or t.area == q.category for t in focus)


def _favours(name: str) -> tuple[QuestionKind, ...]:
    found = area(name)
    return found.favours if found else ()


def choose_questions(
    pool: Sequence[Question], n: int, *, seed: int | None = None, ask: Sequence[str] = (),
    history: dict[str, list[float]] | None = None, recent: Iterable[str] = (),
    focus: Sequence[Tip] = (),
) -> list[PlannedQuestion]:
    """N questions: mixed categories, tilted toward open tips, one poor answer retried, no recent repeats.

    `--ask` overrides the choice; `--seed` makes it reproducible.
    """
    by_id = {q.id: q for q in pool}
    if ask:
        missing = [i for i in ask if i not in by_id]
        if missing:
            raise UserError(f"--ask: no question {', '.join(repr(m) for m in missing)} in the chosen "
                            "banks (see `mock-interview banks show NAME`)")
        return [PlannedQuestion(by_id[i]) for i in ask]
    if n < 1:
        raise UserError("--questions must be at least 1")
    rng = random.Random(seed)
    history = history or {}
    recent = set(recent)
    plan: list[PlannedQuestion] = []

    poor = [(scores[-1], qid) for qid, scores in history.items()
            if qid in by_id and scores and scores[-1] < RETRY_BELOW]
    if poor and n >= 2:
        last, qid = min(poor)
        plan.append(PlannedQuestion(by_id[qid], retry_of=last))

    chosen = {p.question.id for p in plan}
    categories: Counter[str] = Counter(p.question.category for p in plan)
    roleplays = sum(p.question.is_roleplay for p in plan)
    candidates = [q for q in pool if q.id not in chosen]
    while len(plan) < n and candidates:
        # One role-play call per session is plenty, and a short session is questions first; but
        # a call is asked when nothing else is left (a bank of one question and one call, asked
        # for two, gets both).
        allowed = candidates
        if roleplays or n < 3:
            allowed = [q for q in candidates if not q.is_roleplay] or candidates
        # Mix categories: only the least-asked categories are open for the next pick.
        fewest = min(categories[q.category] for q in allowed)
        open_now = [q for q in allowed if categories[q.category] == fewest]
        weights = []
        for q in open_now:
            w = 1.0
            if _favoured(q, focus):
                w *= 3.0
            if q.id in recent:
                w *= 0.1
            if q.is_roleplay:
                w *= 0.5  # a call takes several turns: not in every session
            weights.append(w)
        q = rng.choices(open_now, weights=weights, k=1)[0]
        candidates.remove(q)
        plan.append(PlannedQuestion(q))
        categories[q.category] += 1
        roleplays += q.is_roleplay
    # Like a real interview: warm-up questions first, the role-play call last.
    plan.sort(key=lambda p: KIND_ORDER.get(p.question.kind, 1))
    return plan


# --- what the interviewer says -------------------------------------------------------------


def reminder(tip: Tip) -> str:
    """Last time's tip as the interviewer recalls it: 'slowing down, you were at 185 words a minute'."""
    found = area(tip.area)
    if tip.target == ENGLISH_TARGET:  # the answer was not in English: that was the tip, not its area
        return ENGLISH_REMINDER
    phrase = found.reminder if found else f"working on {tip.area.replace('_', ' ')}"
    band = found.band if found else None
    if band is not None and tip.value is not None:
        if tip.area == "pace":
            phrase = "slowing down" if tip.value > band.high else "picking up the pace a little"
        elif tip.area == "volume":
            phrase = "speaking up a little" if tip.value < band.low else "backing off the microphone"
        value = number(tip.value)  # as `tips` and `progress` show it: 2.7 hedges, not 3
        # a count's mean over answers as the closing remark says it ("about 3 long pauses an answer")
        shown = per_answer(tip.value, band.unit) if found.counted else with_unit(value, band.unit)
        if tip.area == "fillers" and tip.medium is Medium.TYPED:  # kept a minute; typed answers have none
            shown = with_unit(number(tip.value * 100 / th.TYPED_WORDS_PER_MINUTE), th.FILLERS_PER_100_WORDS.unit)
        phrase += f" (you were at {shown})"
    return phrase


def opening(focus: Sequence[Tip], total: int, roleplay: bool, last_time: bool = True) -> str:
    """One or two short sentences: the first question follows at once (details go on screen)."""
    if focus:
        return f"Welcome back. {recap(focus, last_time)}"
    what = f"{_count_words(total)} question{'s' if total != 1 else ''}"
    if roleplay and total == 1:
        what = "one short role-play call"
    elif roleplay:
        what += ", one of them a short role-play call"
    each = "each" if total > 1 else "it"
    return f"Hi, thanks for making time today. We'll do {what}, so take your time with {each}."


def recap(focus: Sequence[Tip], last_time: bool = True) -> str:
    """The tips being worked on in one short spoken sentence: the first by name (all are on
    screen). `last_time`: they are last session's, not ones still open from earlier sessions."""
    # The figures and the fine print ("(you were at 185 words a minute)") are on screen.
    first = reminder(focus[0]).split(" (")[0]  # whole: "situation, action and result" has commas
    more = ', and more' if len(focus) > 1 else ''
    if not last_time:
        return f"Last time's tips went well, so let's go back to an earlier one: {first}{more}."
    return f"Last time we worked on {first}{more}."


def recap_details(focus: Sequence[Tip], sessions: Mapping[str, int] | None = None, last_time: bool = True) -> str:
    """Last time's tips as the screen shows them, with where the candidate was and, for an area
    given in several sessions (`sessions`: by area, `notebook.history.times_given`), how many."""
    def since(t: Tip) -> str:
        n = (sessions or {}).get(t.area, 1)
        return f" (it has come up in {n} sessions)" if n > 1 else ""
    head = "Last time's tips:" if last_time else "Last time's tips were all met. Still open from earlier sessions:"
    return "\n".join([head] + [f"  - {reminder(t)}{since(t)}" for t in focus])


def plan_line(total: int, roleplay: bool) -> str:
    if roleplay and total == 1:
        return "1 question: a short role-play call."
    return (f"{total} question{'s' if total != 1 else ''}"
            + (", including a short role-play call." if roleplay else "."))


def _count_words(n: int) -> str:
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if 0 <= n < len(words) else str(n)


def ask_line(planned: PlannedQuestion, number: int, total: int) -> str:
    q = planned.question
    lead = f"Question {number} of {total}. "
    if planned.retry_of is not None:
        lead += "I'd like to come back to one from last time, so you can have another go. "
    return lead + q.text


def _has(score: Score, kind: EvidenceKind, name: str | None = None) -> bool:
    return any(e.kind is kind for m in score.metrics if name in (None, m.name) for e in m.evidence)


def follow_up_line(question: Question, score: Score) -> str | None:
    """The one follow-up for a thin answer (short, no example, off-topic), or None.

    Relevance is judged by meaning (`scoring/relevance.py`), so "Um, I guess, maybe I'm kind of a
    perfectionist" to the weakness question is on topic: it is thin, and gets asked for more, never
    brought back to the question. An answer in another language is asked again in English, a list
    of words in sentences; after a red flag or a denial the interviewer moves on (the feedback says
    why), as a real one would.
    """
    m = {x.name: x for x in score.metrics}
    words = len(score.transcript.text.split())
    if words == 0:
        return None  # nothing was said: a follow-up would only pile on
    if _has(score, EvidenceKind.NOT_ENGLISH):
        return GENERIC_PROBES["english"]
    if _has(score, EvidenceKind.WORD_LIST):
        return GENERIC_PROBES["sentences"]
    severe = any(e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE for x in score.metrics
                 for e in x.evidence)
    if severe or any(e.coverage is Coverage.DENIED for e in m["key_points"].evidence if "key_points" in m):
        return None

    def low(name: str, below: float) -> bool:
        metric = m.get(name)
        return metric is not None and metric.score is not None and metric.score < below

    # Another question answered: by meaning, the answer is nearer another question than this one.
    if low("relevance", th.OFF_TOPIC_LIMIT):
        return GENERIC_PROBES["off_topic"].format(question=question.text)
    thin = words < 60 and (low("length", 50) or low("key_points", 50))
    no_example = low("specificity", 40) and question.kind.is_scenario
    if not (thin or no_example):
        return None
    if question.follow_up and not no_example:
        return question.follow_up
    if no_example:
        return GENERIC_PROBES["steps" if question.kind is QuestionKind.SITUATIONAL else "example"]
    return GENERIC_PROBES["short"]


def closing_intro() -> str:
    return "Thank you. Here's how it went."  # after the last question, or after a Ctrl-C


STOPPED_WITH = {  # after Ctrl-C, by what became of the answer being given
    None: "Your finished answers are saved; here is my feedback on them.",
    "finished": "Your finished answers are saved, the one you had just given too; here is my "
                "feedback on them.",
    "typed": "I kept what you had typed so far as your answer to that question, and it's saved "
             "with its score; here is my feedback.",
    "said": "I kept what you had said so far as your answer to that question, and it's saved "
            "with its score; here is my feedback.",
}


def stop_notice(answered: bool, kept: str | None = None, dropped: bool = False) -> str:
    """What is said when the questions stop early: what was kept of the answer being given
    (`kept`: a key of STOPPED_WITH), or that a second Ctrl-C `dropped` it."""
    lost = ("You pressed Ctrl-C again before your last answer was transcribed and saved, so "
            "that one is not kept. " if dropped else "")
    if not answered:
        return f"Stopping here. {lost}Nothing was answered, so nothing is saved."
    return f"Stopping here. {lost}{STOPPED_WITH[kept]}"


def goodbye() -> str:
    return "The details are on your screen and in your notebook. Good luck!"


def honest_strength(strength: str, answered: int, asked: int) -> str:
    """The coach's fallback praise, "You got through every question", is only said when it is
    true: with questions skipped (or never reached), it says how many were answered."""
    if answered < asked and strength.startswith("You got through every question"):
        return (f"You answered {answered} of {asked} questions, and practising like this is how "
                "people get better at it.")
    return strength


def honest_verdict(verdict: str, answers: Sequence[Answer], plan: Sequence[PlannedQuestion]) -> str:
    """"I'd move you to the next round" needs at least half the interview: on one answer of four
    (the rest skipped, unreadable or never reached) it says what was heard, and what is missing.
    With more heard, it still says what was not: questions, and replies on a call."""
    answered, asked = len({a.question.id for a in answers}), len(plan)
    if verdict != th.VERDICTS[0][1]:
        return verdict
    if answered * 2 < asked:
        return (f"What I heard was strong, but I only heard {answered} of {asked} answers. Answer them all "
                "next time, and I can tell you whether I'd move you to the next round.")
    reached = {a.question.id for a in answers if a.turn is not None}
    replies = sum(len(p.question.turns) for p in plan if p.question.id in reached)
    heard = len({(a.question.id, a.turn) for a in answers if a.turn is not None})
    missing = [f"{answered} of {asked} answers"] if answered < asked else []
    if heard < replies:
        missing.append(f"{heard} of your {replies} replies on the call")
    if not missing:
        return verdict
    return (f"On what I heard, I'd move you to the next round, but I only heard {' and '.join(missing)}. "
            "Answer them all next time, so I can be sure.")


def retry_offer() -> str:
    return "Would you like to try that one again, with that in mind?"


SPOKEN_FEEDBACK_SECONDS = 40.0  # PRODUCT.md: at most 45 s; the estimate below errs long
SPOKEN_WORDS_PER_SECOND = 2.5  # espeak-ng at 165 words a minute, with its pauses: about 2.7


def spoken_seconds(text: str) -> float:
    """How long a line takes to say, estimated from its words (erring long)."""
    return len(text.split()) / SPOKEN_WORDS_PER_SECOND


def spoken_tip(text: str, budget: float = th.COACH_TIP_SPOKEN_SECONDS) -> str:
    """Coach mode: the part of a tip said right after the answer, within `budget` seconds (the
    whole tip is on screen and in the notebook). A tip reads: what I noticed (often a quote of
    the answer), why it matters, what to do, then "For next time..." and a drill. The drill is
    for later and the quote is what the candidate just said, so what is said is the rest if it
    fits, else what I noticed and what to do, else one of the two: what to do when it stands on
    its own (it shows how: a colon, a line to say in quotes), else what I noticed; failing all
    that, the shortest sentence."""
    said = sentences(text)
    if not said:
        return text
    drill = next((i for i, s in enumerate(said) if s.startswith("For next time")), len(said))
    body = said[:drill] or said
    rest = [s for s in body if not _quotes_back(s)] or body
    for choice in (body, rest, [rest[0], rest[-1]]):
        spoken = " ".join(dict.fromkeys(choice))
        if spoken_seconds(spoken) <= budget:
            return spoken
    ask, noticed = rest[-1], rest[0]
    for one in ([ask, noticed] if re.search(r'[:"]', ask) else [noticed, ask]):
        if spoken_seconds(one) <= budget:
            return one
    return min(rest, key=spoken_seconds)  # a whole sentence, even a little long, not half of one


def _quotes_back(sentence: str) -> bool:
    """'You wrote "I need a job."', 'I asked "..." and you wrote "..."': the candidate's own words
    (or the question) read back, with little else in the sentence."""
    return '"' in sentence and len(re.sub(r'"[^"]*"', " ", sentence).split()) <= 5


def spoken_feedback(verdict: str, strength: str, tips: Sequence[Tip],
                    budget: float = SPOKEN_FEEDBACK_SECONDS) -> list[tuple[str, str]]:
    """What the interviewer says at the end, as (name, line): the verdict, one strength and
    the top one or two tips, within `budget` seconds; the rest is only printed. A tip too long
    for what is left is cut after its first sentences (never mid-sentence)."""
    lines = [("closing", closing_intro()), ("verdict", verdict)]
    if strength:
        lines.append(("strength", strength))
    lines.append(("goodbye", goodbye()))
    left = budget - sum(spoken_seconds(text) for _, text in lines)
    for i, tip in enumerate(tips[:2], 1):
        text = tip.text if spoken_seconds(tip.text) <= left else _first_sentences(tip.text, left)
        if not text or (i > 1 and text != tip.text):
            break  # the second tip only when it fits whole
        lines.insert(-1, (f"tip-{i}", text))
        left -= spoken_seconds(text)
    return lines


def _first_sentences(text: str, seconds: float) -> str:
    """The longest run of whole first sentences that can be said in `seconds` ("" if none), cut
    where `wording.sentences` cuts: never inside a quote."""
    kept = ""
    for sentence in sentences(text):
        longer = f"{kept} {sentence}".strip()
        if spoken_seconds(longer) > seconds:
            break
        kept = longer
    return kept


def feedback_text(verdict: str, strength: str, tips: Sequence[Tip], progress: Sequence[str],
                  review_command: str) -> str:
    """The whole feedback as printed: more than is spoken; `review_command` shows it again."""
    def item(text: str, lead: str, indent: str = "    ") -> str:
        return textwrap.fill(text, width=88, initial_indent=lead,
                             subsequent_indent=indent + " " * (len(lead) - len(indent)))

    lines = ["", "Feedback", item(verdict, "  Verdict: ", "  ")]
    if strength:
        lines.append(item(strength, "  What went well: ", "  "))
    if tips:
        lines.append("  Tips (saved in your notebook):")
        lines += [item(tip.text, f"    {i}. ") for i, tip in enumerate(tips, 1)]
    if progress:
        lines.append("  Since last time:")
        lines += [item(remark, "    - ") for remark in progress]
    lines += [f"  See it again: {review_command}", ""]
    return "\n".join(lines)
