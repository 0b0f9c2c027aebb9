"""Scores to the interviewer's words: a tip after an answer, and the end-of-session feedback.

The voice is a warm, experienced call-center recruiter, speaking in the first person. Each tip
names the behaviour, points to the evidence (with its time when the answer was spoken), sets
a concrete target and gives one drill. A tip is only given when a metric's evidence supports
it; when nothing needs saying, `answer_tip` returns None and `praise` gives a line of praise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .scoring import thresholds as th
from .scoring.text import format_time
from .types import Answer, Evidence, Metric, Question, Score, Tip, Transcript

# --- what counts as "met" for each area ----------------------------------------------------


@dataclass(frozen=True)
class Target:
    """How progress on an area is measured: a value band, or a 0-100 score at least `at_least`."""

    text: str  # the target in words, as a tip states it
    band: th.Band | None = None  # raw metric value band (pace, fillers...)
    at_least: float = th.TIP_BELOW  # for score-measured areas
    label: str = ""  # how the area reads in a sentence ("your empathy score")


TARGETS: dict[str, Target] = {
    "pace": Target(th.PACE.target, th.PACE),
    "fillers": Target(th.FILLERS_PER_MINUTE.target, th.FILLERS_PER_MINUTE),
    "pauses": Target(th.LONG_PAUSES.target, th.LONG_PAUSES),
    "time_to_start": Target(th.TIME_TO_START.target, th.TIME_TO_START),
    "hedging": Target(th.HEDGES_PER_100_WORDS.target, th.HEDGES_PER_100_WORDS),
    "repetition": Target(th.REPEATS_PER_100_WORDS.target, th.REPEATS_PER_100_WORDS),
    "clarity": Target(th.UNSURE_WORDS_PERCENT.target, th.UNSURE_WORDS_PERCENT),
    "volume": Target(th.SPEECH_LEVEL_DBFS.target, th.SPEECH_LEVEL_DBFS),
    "monotone": Target(th.PITCH_VARIATION_SEMITONES.target, th.PITCH_VARIATION_SEMITONES),
    "key_points": Target("cover the key points of each question", label="key points"),
    "relevance": Target("answer the question that was asked, in your first sentence", label="relevance"),
    "specificity": Target("one real example with actions, a number and a result", label="specific examples"),
    "structure": Target("situation, task, action, result (or clear steps for what-would-you-do questions)", label="structure"),
    "length": Target("keep answers inside the time band for the question", label="answer length"),
    "empathy": Target("acknowledge the customer's feelings before fixing", label="empathy"),
    "ownership": Target("say what you will do: 'I will', 'let me'", label="ownership"),
    "positive_language": Target("say what you can do, not what you can't", label="positive language"),
    "professionalism": Target("no blaming, put-downs or dismissive phrases", at_least=100.0, label="professionalism"),
    "greeting": Target("greet, give your name and the company's", label="greeting"),
    "verification": Target("verify the caller before account details", label="verification"),
    "next_steps": Target("tell the customer what happens next and when", label="next steps"),
    "closing": Target("offer more help and thank the caller", label="closing"),
}


def target_text(area: str) -> str:
    """The target for an area in words, for the notebook."""
    t = TARGETS.get(area)
    return t.text if t else "a score of 70 or more"


def progress_value(metric: Metric) -> float | None:
    """The number tracked for an area: the raw value for band areas, else the 0-100 score.

    Fillers are always per minute: a typed answer's rate per 100 words is turned into a
    per-minute rate at the typed-answer speaking pace, so sessions compare.
    """
    if metric.score is None:
        return None
    target = TARGETS.get(metric.name)
    if target is None or target.band is None:
        return float(metric.score)
    if not isinstance(metric.value, (int, float)):
        return None
    if metric.name == "fillers" and metric.unit == th.FILLERS_PER_100_WORDS.unit:
        return float(metric.value) * th.TYPED_WORDS_PER_MINUTE / 100.0
    return float(metric.value)


def metric_in_range(area: str, value: float | None) -> bool:
    """Whether a tracked value (see `progress_value`) meets the area's target."""
    if value is None:
        return False
    target = TARGETS.get(area)
    if target is None:
        return value >= th.TIP_BELOW
    if target.band is not None:
        return target.band.contains(value)
    return value >= target.at_least


def _distance(area: str, value: float) -> float:
    target = TARGETS.get(area)
    if target is not None and target.band is not None:
        return target.band.distance(value)
    at_least = target.at_least if target else th.TIP_BELOW
    return max(0.0, at_least - value)


# --- phrasing helpers ----------------------------------------------------------------------


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


@dataclass(frozen=True)
class Context:
    """What a tip writer needs besides the metric."""

    question: Question
    transcript: Transcript
    turn: int | None = None
    in_session: bool = False  # end of session: name the question the evidence comes from
    metrics: dict[str, Metric] = field(default_factory=dict)
    value: float | None = None  # the session's value for the area, when aggregated

    @property
    def timed(self) -> bool:
        return self.transcript.timed

    def where(self, e: Evidence | None, verb: str = "said") -> str:
        """'At 1:12 you said' / 'You wrote', with the question named at the end of a session."""
        lead = ""
        if self.in_session:
            if self.turn:
                lead = f"On the call, in reply {self.turn}, "
            else:
                lead = f"When I asked \"{_short(self.question.text, 10)}\", "
        if e is not None and e.start is not None:
            moment = f"at {format_time(e.start)} you {verb}"
        else:
            moment = f"you {verb if self.timed else 'wrote'}"
        text = lead + moment
        return text[0].upper() + text[1:]


def _first(m: Metric, *notes: str) -> Evidence | None:
    """The first evidence with a quote (and one of these notes, when given)."""
    for e in m.evidence:
        if e.quote and (not notes or any(e.note.startswith(n) for n in notes)):
            return e
    return None


def _and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _q(quote: str, end: str = ".") -> str:
    """A quote closing a sentence: "like this." (no doubled full stop after a question mark)."""
    quote = quote.strip()
    if end == "." and quote[-1:] in ".?!":
        return f'"{quote}"'
    return f'"{quote}{end}"' if end != "," else f'"{quote},"'


def _opening_evidence(c: Context) -> Evidence | None:
    """The first sentence of the answer (with its time), for tips about the answer as a whole."""
    from .scoring.text import Doc

    doc = Doc(c.transcript)
    if not doc.words:
        return None
    s0, s1 = doc.sentences[0]
    return doc.quote_words(s0, min(s1, s0 + 14))


def _num(x: float, digits: int = 0) -> str:
    return f"{x:.{digits}f}"


# --- one writer per area: behaviour, evidence, target, drill -------------------------------

Writer = Callable[[Metric, Context], "str | None"]


def _pace(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    wpm = c.value if c.value is not None else float(m.value)
    e = _first(m)
    where = f" {c.where(e)} \"{e.quote}\" at {e.note.split('about ')[-1]}." if e else ""
    if wpm > th.PACE.high:
        return (f"You're racing a little: you were at about {_num(wpm)} words a minute.{where} On the phone "
                f"I'd like about 140, so the customer can keep up. For next time: read a paragraph aloud "
                f"as if you were leaving a voicemail, and take a breath at every full stop.")
    return (f"Your pace was on the slow side, about {_num(wpm)} words a minute.{where} Aim for about "
            f"140, so you sound sure of yourself. For next time: tell a one-minute story against a timer "
            f"and try to finish it in the minute without rushing the ends of your sentences.")


def _fillers(m: Metric, c: Context) -> str | None:
    e = _first(m, "filler")
    if e is None:
        return None
    count = next((x.note.split(" fillers")[0] for x in m.evidence if " fillers (" in x.note), "")
    if m.unit == th.FILLERS_PER_100_WORDS.unit:
        how_many = f"{count} of them, about {_num(float(m.value or 0))} in every 100 words"
        target = "2 or fewer per 100 words"
    else:
        rate = c.value if c.value is not None else progress_value(m)
        how_many = f"{count} of them, about {_num(rate or 0)} a minute"
        target = "3 or fewer a minute"
    return (f"The little fillers crept in: {how_many}. {c.where(e)} {_q(e.quote)} I'd like {target}; a "
            f"short silence sounds far more confident than an 'um'. For next time: record a one-minute "
            f"answer, and whenever you feel a filler coming, close your mouth and pause instead.")


def _pauses(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None or e.start is None or e.end is None:
        return None
    gap = e.end - e.start
    between = '" and "'.join(e.quote.split(" ... ", 1))
    return (f"There were {m.value} long silences. At {format_time(e.start)} you stopped for {_num(gap, 1)} "
            f"seconds between \"{between}\". On a call, a silence over two seconds "
            f"feels like the line dropped; I'd like no more than one. For next time: when you need a moment, "
            f"say so out loud, 'let me think about that for a second', and keep going.")


def _time_to_start(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    return (f"You took about {_num(float(m.value))} seconds before your first word. A breath to think is fine, "
            f"but aim to start within about 3 seconds. For next time: open with a bridge sentence, such "
            f"as 'One time that comes to mind is...', while you gather your thoughts.")


def _hedging(m: Metric, c: Context) -> str | None:
    e = _first(m, "hedge")
    if e is None:
        return None
    return (f"You softened your answer with hedges. {c.where(e)} {_q(e.quote)} I want to hear you sure "
            f"of what you did and would do: at most one 'maybe' or 'I guess' per 100 words. For next "
            f"time: write the answer out, strike every 'I guess', 'maybe' and 'probably', and say it "
            f"again with 'I did' and 'I would'.")


def _repetition(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None:
        return None
    return (f"You went back over the same words a few times. {c.where(e)} {_q(e.quote)} Say each point "
            f"once and move on: no more than 2 repeats per 100 words. For next time: before you answer, "
            f"pick your three points, say each one once, then stop.")


def _clarity(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None or not isinstance(m.value, (int, float)):
        return None
    word = e.note.split("'")[1] if "'" in e.note else e.quote
    return (f"Some words didn't come through clearly, about {_num(float(m.value))}% of them. "
            f"{c.where(e)} \"{e.quote}\", and I couldn't quite catch \"{word}\". I'd like under 10%. "
            f"For next time: slow down on the ends of words and face the microphone; read a paragraph "
            f"aloud, exaggerating every consonant, then read it normally.")


def _volume(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    clipped = any("clipped" in e.note and e.quote for e in m.evidence)
    e = _first(m)
    where = f" {c.where(e)} \"{e.quote}\" ({e.note})." if e else ""
    if clipped:
        return (f"Your recording was distorting: the loudest parts clipped.{where} Move the microphone a "
                f"hand's width from your mouth or turn the input level down. For next time: record ten "
                f"seconds, play it back, and adjust before you start.")
    if float(m.value) < th.SPEECH_LEVEL_DBFS.low:
        return (f"You were hard to hear: your speech sat at about {_num(float(m.value))} dBFS.{where} Aim for "
                f"{th.SPEECH_LEVEL_DBFS.target}: speak up a little or bring the microphone closer. For next "
                f"time: record ten seconds, play it back, and adjust before you start.")
    return (f"Your recording was very loud, about {_num(float(m.value))} dBFS.{where} Aim for "
            f"{th.SPEECH_LEVEL_DBFS.target}. For next time: move the microphone back a little.")


def _monotone(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    e = _first(m)
    where = f" {c.where(e)} \"{e.quote}\" almost on one note." if e else ""
    return (f"Your voice stayed quite flat: the pitch moved by about {_num(float(m.value), 1)} semitones, "
            f"and lively speech moves 2 or more.{where} On the phone, your voice is all the customer has. "
            f"For next time: say your greeting three times, once flat, once smiling, once stressing the "
            f"key word, and keep the smile.")


def _key_points(m: Metric, c: Context) -> str | None:
    missing = [e.note.removeprefix("missing: ") for e in m.evidence if e.note.startswith("missing: ")]
    if not missing:
        return None
    covered = [e.note.removeprefix("covers: ") for e in m.evidence if e.note.startswith("covers: ")]
    listed = _and([f"'{x}'" for x in missing[:3]])
    got = f" You covered {_and([repr(x) for x in covered[:2]])}, which is good." if covered else ""
    about = f" to \"{_short(c.question.text, 12)}\"" if c.in_session else ""
    return (f"I was listening for {listed} and didn't clearly hear {'it' if len(missing) == 1 else 'them'} in "
            f"your answer{about}.{got} Say each point in plain words, so an interviewer can't miss it. For "
            f"next time: before you answer, jot down three words for the points you want to make, and tick "
            f"them off as you speak.")


def _relevance(m: Metric, c: Context) -> str | None:
    e = _opening_evidence(c)
    opening = f" Your answer opened with {_q(e.quote)}" if e else ""
    missing = [x.note.removeprefix("missing: ") for x in c.metrics.get("key_points", Metric("", None)).evidence
               if x.note.startswith("missing: ")]
    wanted = f" I was listening for things like {'; '.join(repr(x) for x in missing[:2])}." if missing else ""
    return (f"That answer drifted away from what I asked. I asked {_q(_short(c.question.text, 16))}{opening}"
            f"{wanted} However good the story, it has to answer the question. For next time: echo the "
            f"question in your first sentence, then give your example.")


def _specificity(m: Metric, c: Context) -> str | None:
    value = str(m.value or "")
    general = c.question.kind == "general"
    if general and not ("no situation" in value and ", 0 numbers" in value):
        return None  # a general answer with a real place or a number is concrete enough
    lacks = []
    if value.startswith("0 actions") or (value.startswith("1 actions") and not general):
        lacks.append("what you actually did")
    if ", 0 numbers" in value:
        lacks.append("a number")
    if "no situation" in value:
        lacks.append("a real situation")
    if "no result" in value and not general:
        lacks.append("how it turned out")
    if not lacks:
        return None
    e = _opening_evidence(c)
    if e is None:
        return None
    return (f"I'd like something more concrete. {c.where(e)} {_q(e.quote, end=',')} but I didn't hear "
            f"{_and(lacks)}. Give me one real "
            f"example: the situation, two or three things you did, a number, and the result. For next time: "
            f"fill in 'One time at ..., a customer ..., so I ..., and in the end ...' before you practise.")


def _structure(m: Metric, c: Context) -> str | None:
    missing = [e.note.removeprefix("missing: ") for e in m.evidence if e.note.startswith("missing: ")]
    if not missing:
        return None
    found = [e.note for e in m.evidence if e.quote and not e.note.startswith("missing")]
    had = f" You gave me the {_and(found)}, but" if found else ""
    if c.question.kind == "behavioral":
        return (f"Your story was missing the {_and(missing)}.{had} a story lands when it has all four "
                f"parts: situation, task, action, result. For next time: write the four words on a card and "
                f"tell the story once, touching each one in order.")
    had = f" You gave me the {_and(found)}." if found else ""
    return (f"Your plan was missing the {_and(missing)}.{had} For a what-would-you-do question, walk "
            f"me through it: listen first, then your steps in order, then how you'd follow up. For next "
            f"time: start your answer with 'First I would...' and end it with 'then I'd follow up by...'.")


def _length(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    band = _band_of(c)
    seconds = float(m.value)
    e = _first(m)
    if seconds > band[1]:
        where = f" {c.where(e)} \"{e.quote}\" after the two-minute mark." if e and seconds > 120 and band[1] <= 120 else ""
        if e and not where:
            where = f" By this point you were already past {_num(band[1])} seconds: \"{e.quote}\"."
        return (f"That ran long, about {_num(seconds)} seconds when {_num(band[0])} to {_num(band[1])} is plenty."
                f"{where} For next time: practise with a timer, lead with your point, and stop once you've "
                f"given the result.")
    concrete = c.metrics.get("specificity")
    if concrete is not None and (concrete.score or 0) >= th.STRENGTH_AT_LEAST:
        return None  # short but complete: nothing missing to add
    return (f"That was short, about {_num(seconds)} seconds; I'd like {_num(band[0])} to {_num(band[1])}. "
            f"Add an example: what happened, what you did, and how it ended. For next time: answer out "
            f"loud, then ask yourself 'and then what?' and add that.")


def _band_of(c: Context) -> tuple[float, float]:
    from .scoring.content import answer_band

    if c.question.is_roleplay or c.turn is not None:
        return answer_band("roleplay", None if c.question.turns else c.question.answer_seconds)
    return answer_band(c.question.kind, c.question.answer_seconds)


def _opening(c: Context) -> str:
    return _short(c.transcript.text, 12)


def _empathy(m: Metric, c: Context) -> str | None:
    if not c.transcript.text:
        return None
    return (f"I didn't hear you acknowledge how the customer felt. You {'started' if c.timed else 'opened'} "
            f"with \"{_opening(c)}\". An upset caller needs to feel heard before the fix: at least one line "
            f"like 'I'm sorry, I can see how frustrating that is'. For next time: write three "
            f"acknowledgement lines you're comfortable saying, and open your next practice with one.")


def _ownership(m: Metric, c: Context) -> str | None:
    if not c.transcript.text:
        return None
    return (f"I didn't hear you take ownership: no 'I will' or 'let me' in \"{_opening(c)}\". Customers and "
            f"interviewers both want to know who is handling it. Aim for at least two clear 'I will' "
            f"statements. For next time: end each answer with what you personally would do next.")


def _positive(m: Metric, c: Context) -> str | None:
    e = _first(m, "negative")
    if e is None:
        return None
    return (f"{c.where(e)} {_q(e.quote)} A customer hears the 'can't' and stops listening. Say what you "
            f"can do instead: 'What I can do is...'. For next time: take three 'I can't' sentences from "
            f"your practice and rewrite each one as 'What I can do is...'.")


def _professionalism(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None:
        return None
    if e.note == "profanity":
        point = "Please keep the language clean, even in practice; it slips out under pressure."
    elif e.note == "dismissive":
        point = ("That would make an upset caller angrier, and it would worry me in an interview. "
                 "Try 'I understand, let's sort this out together' instead.")
    elif e.note == "blames someone":
        point = ("Even when it's true, blaming a customer, a colleague or a past employer makes me wonder "
                 "what you'd say about us. Talk about what you did.")
    else:
        point = "I'd keep the negativity out of an interview: talk about what you learned and what you'd like next."
    return (f"{c.where(e)} {_q(e.quote)} {point} The target is no blaming or put-downs at all. For next "
            f"time: tell that story again, give the other side in one fair sentence, then say what you did.")


def _greeting(m: Metric, c: Context) -> str | None:
    have = set(str(m.value or "").split(", ")) - {"none"}
    missing = [p for p in ("greeting", "name", "company") if p not in have]
    if not missing:
        return None
    return (f"Open the call with a greeting, your name and the company. You opened with \"{_opening(c)}\", "
            f"and I missed the {' and the '.join(missing)}. Try: 'Thank you for calling Acme, my name is "
            f"Sam, how can I help you today?' For next time: say your greeting five times until it comes "
            f"out on its own.")


def _verification(m: Metric, c: Context) -> str | None:
    return (f"You went ahead without checking who I was. You opened with \"{_opening(c)}\". Before any "
            f"account details, verify the caller: 'Can I take the account number and the name on the "
            f"account?' For next time: add that question straight after your greeting in every practice call.")


def _next_steps(m: Metric, c: Context) -> str | None:
    words = c.transcript.text.split()
    ending = " ".join(words[-12:])
    return (f"I didn't hear what happens next. You ended with {_q(ending)} Give the customer one clear "
            f"next step and a time frame: 'I'll process the refund now; you'll see it within 3 to 5 "
            f"working days.' For next time: finish every reply with what you'll do and when.")


def _closing(m: Metric, c: Context) -> str | None:
    words = c.transcript.text.split()
    ending = " ".join(words[-12:])
    return (f"Close the call properly. You ended with {_q(ending)} Offer more help and thank the caller: "
            f"'Is there anything else I can help you with today? Thank you for calling.' For next time: "
            f"practise that closing line until it's automatic.")


WRITERS: dict[str, Writer] = {
    "pace": _pace, "fillers": _fillers, "pauses": _pauses, "time_to_start": _time_to_start,
    "hedging": _hedging, "repetition": _repetition, "clarity": _clarity, "volume": _volume,
    "monotone": _monotone, "key_points": _key_points, "relevance": _relevance,
    "specificity": _specificity, "structure": _structure, "length": _length, "empathy": _empathy,
    "ownership": _ownership, "positive_language": _positive, "professionalism": _professionalism,
    "greeting": _greeting, "verification": _verification, "next_steps": _next_steps, "closing": _closing,
}
# Tips that say the same thing as a more important one are dropped (an off-topic answer needs
# one tip, not four).
# Areas judged by matching words, where a near miss may be the candidate's own phrasing: they
# earn a tip only when clearly weak, never as a polish tip.
UNCERTAIN = frozenset({"key_points", "relevance", "specificity", "structure", "empathy", "ownership"})
COVERED_BY = {"relevance": ("key_points", "specificity", "structure")}


def tidy(text: str) -> str:
    """No doubled stops after a quoted sentence ('"...?".' reads '"...?"')."""
    return re.sub(r'([.?!,])"([.,])', r'\1"', re.sub(r"\s{2,}", " ", text)).strip()


def _tip(m: Metric, c: Context) -> Tip | None:
    writer = WRITERS.get(m.name)
    text = writer(m, c) if writer else None
    if not text:
        return None
    text = tidy(text)
    value = c.value if c.value is not None else progress_value(m)
    return Tip(area=m.name, text=text, value=None if value is None else round(value, 2), target=target_text(m.name))


def _impact(m: Metric) -> float:
    """How much fixing this would help; a red flag and an off-topic answer always come first."""
    from .scoring.language import severe_red_flags

    boost = 1000.0 if (m.name == "professionalism" and severe_red_flags(m)) else 0.0
    if m.name == "relevance" and (m.score or 0.0) < th.OFF_TOPIC_LIMIT:
        boost = 500.0
    return boost + th.WEIGHTS.get(m.name, 1.0) * (100.0 - (m.score or 0.0))


def answer_tips(question: Question, metrics: Sequence[Metric], transcript: Transcript,
                turn: int | None = None, limit: int = 3) -> tuple[Tip, ...]:
    """Every tip the evidence supports for one answer, most useful first (at most `limit`)."""
    if not transcript.text.strip():
        return (Tip("length", "I didn't catch an answer there. Take a breath, and start with one sentence "
                    "that answers the question; then give me an example. For next time: say your first "
                    "sentence out loud as soon as you hear the question, even before it's perfect.",
                    value=0.0, target=target_text("length")),)
    by_name = {m.name: m for m in metrics}
    ctx = Context(question, transcript, turn, metrics=by_name)
    weak = sorted((m for m in metrics if m.score is not None and m.score < th.TIP_BELOW), key=_impact, reverse=True)
    tips: list[Tip] = []
    skipped: set[str] = set()
    for m in weak:
        if m.name in skipped:
            continue
        tip = _tip(m, ctx)
        if tip:
            tips.append(tip)
            skipped.update(COVERED_BY.get(m.name, ()))
        if len(tips) >= limit:
            break
    return tuple(tips)


def answer_tip(question: Question, score: Score) -> Tip | None:
    """The one short tip spoken after an answer in coach mode; None when nothing needs saying
    (say `praise(score)` then)."""
    return score.tips[0] if score.tips else None


# --- praise --------------------------------------------------------------------------------

# Areas we can praise, most meaningful first, with a line that quotes the evidence.
PRAISE: tuple[tuple[str, Callable[[Metric], "str | None"]], ...] = (
    ("specificity", lambda m: (f"You gave me a real example, \"{e.quote}\", and that's what makes an answer stick."
                               if (e := _first(m, "a real situation", "a number", "a result")) else None)),
    ("empathy", lambda m: (f"You led with empathy: \"{e.quote}\" is exactly what an upset caller needs to hear."
                           if (e := _first(m)) else None)),
    ("key_points", lambda m: (f"You covered what matters: {_and(labels[:3])}." if (labels := [
        repr(e.note.removeprefix("covers: ")) for e in m.evidence if e.note.startswith("covers")]) else None)),
    ("structure", lambda m: "Your story had a clear shape, from the situation through to the result."),
    ("ownership", lambda m: (f"You took ownership: \"{e.quote}\"." if (e := _first(m)) else None)),
    ("greeting", lambda m: "Your greeting was spot on: name, company and an offer to help."),
    ("next_steps", lambda m: (f"You told the customer what happens next: \"{e.quote}\"." if (e := _first(m)) else None)),
    ("closing", lambda m: "You closed the call warmly and offered more help."),
    ("relevance", lambda m: "You answered exactly what I asked."),
    ("fillers", lambda m: ("Your delivery was clean, hardly a filler in it."
                           if m.unit == th.FILLERS_PER_MINUTE.unit else None)),
    ("pace", lambda m: (f"Your pace was just right, about {_num(float(m.value))} words a minute."
                        if isinstance(m.value, (int, float)) else None)),
    ("professionalism", lambda m: "You stayed positive and professional throughout."),
)


HEDGE_IN_QUOTE = re.compile(r"\b(?:maybe|probably|i guess|perhaps|hopefully)\b", re.IGNORECASE)


def _praise_for(metrics: dict[str, Metric], scores: dict[str, float] | None = None,
                red_flag: bool = False) -> str | None:
    for name, line in PRAISE:
        if red_flag and name == "professionalism":
            continue
        m = metrics.get(name)
        value = (scores or {}).get(name, m.score if m else None)
        if m is None or value is None or value < th.STRENGTH_AT_LEAST:
            continue
        text = line(m)
        if text and not HEDGE_IN_QUOTE.search(text):  # never praise a hedge as a strength
            return text
    return None


def praise(score: Score) -> str:
    """A line of honest praise for one answer (what scored best, with its evidence)."""
    text = _praise_for({m.name: m for m in score.metrics})
    return text or "Thank you. Let's keep going."


# --- the end of the session ----------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    verdict: str  # the interviewer's words: "I'd move you to the next round."
    strength: str  # what was strong, said first
    tips: tuple[Tip, ...]  # 1-3, most useful first (none when nothing needs work)
    overall: float  # the mean overall of the answers
    progress: tuple[str, ...] = ()  # remarks on last time's tips

    def spoken(self) -> str:
        """Everything in the order an interviewer says it."""
        return "\n".join([self.verdict, self.strength, *self.progress, *(t.text for t in self.tips)])


def verdict_for(overall: float, red_flag: bool = False) -> str:
    text = next(v for cut, v in th.VERDICTS if overall >= cut)
    if red_flag and overall >= th.VERDICTS[0][0]:
        return th.RED_FLAG_VERDICT
    return text


def _aggregate(answers: Sequence[Answer]) -> dict[str, tuple[float, float, list[tuple[Answer, Metric]]]]:
    """Per area: mean score, mean tracked value, and the answers where it was measured."""
    out: dict[str, list[tuple[Answer, Metric]]] = {}
    for a in answers:
        if not a.score.transcript.text.strip():
            continue  # nothing was heard: that answer has its own "I didn't catch that" tip
        for m in a.score.metrics:
            if m.score is not None:
                out.setdefault(m.name, []).append((a, m))
    result = {}
    for name, pairs in out.items():
        scores = [m.score for _, m in pairs]
        values = [v for _, m in pairs if (v := progress_value(m)) is not None]
        result[name] = (sum(scores) / len(scores), sum(values) / len(values) if values else float("nan"), pairs)
    return result


def _value_phrase(area: str, value: float) -> str:
    t = TARGETS.get(area)
    if t is not None and t.band is not None:
        digits = 1 if area in ("monotone",) else 0
        return f"{_num(value, digits)} {t.band.unit}"
    label = t.label if t and t.label else area.replace("_", " ")
    return f"{_num(value)} out of 100 on {label}"


def _progress(focus: Sequence[Tip], agg) -> tuple[str, ...]:
    remarks = []
    for tip in focus:
        entry = agg.get(tip.area)
        label = (TARGETS[tip.area].label or tip.area.replace("_", " ")) if tip.area in TARGETS else tip.area
        if entry is None or entry[1] != entry[1]:  # not measured today (nan)
            remarks.append(f"We didn't get to measure {label.replace('_', ' ')} today; let's check it next time.")
            continue
        now = entry[1]
        then = tip.value
        if then is None:
            met = metric_in_range(tip.area, now)
            remarks.append(f"On {label}: {'you hit the target today, well done' if met else 'still one to work on'}.")
            continue
        before, today = _value_phrase(tip.area, then), _value_phrase(tip.area, now)
        if metric_in_range(tip.area, now):
            remarks.append(f"Last time you were at {before}; today {today}. That's right on target, well done.")
        elif _distance(tip.area, now) < 0.85 * _distance(tip.area, then):
            remarks.append(f"Last time you were at {before}; today {today}. That's better. Keep at it; "
                           f"the target: {target_text(tip.area)}.")
        else:
            remarks.append(f"Last time you were at {before}; today {today}. That one still needs work; "
                           f"the target: {target_text(tip.area)}.")
    return tuple(remarks)


def session_feedback(answers: Sequence[Answer], focus: Sequence[Tip] = ()) -> Feedback:
    """The verdict, what was strong, 1-3 tips (most useful first) and progress on last time's tips."""
    if not answers:
        return Feedback("We didn't get to any answers today, so I can't give you a verdict yet.",
                        "Showing up to practise is the first step.", (), 0.0,
                        _progress(focus, {}))
    from .scoring.language import severe_red_flags

    overall = sum(a.score.overall for a in answers) / len(answers)
    red_flag = any(severe_red_flags(a.score.metric("professionalism")) for a in answers)
    agg = _aggregate(answers)
    # What was strong: the best-evidenced area, quoting the answer where it scored best.
    best_metrics = {name: max(pairs, key=lambda p: p[1].score)[1] for name, (_, _, pairs) in agg.items()}
    strength = _praise_for(best_metrics, {n: s for n, (s, _, _) in agg.items()}, red_flag) or (
        "You got through every question, and practising like this is how people get better at it.")
    # Tips: areas below the bar, weighted by how much they cost and how often they came up.
    open_focus = {t.area for t in focus}
    candidates = []
    for name, (mean, value, pairs) in agg.items():
        target = TARGETS.get(name)
        if target is not None and target.band is not None and value == value:
            mean = target.band.score(value)  # 20 fillers a minute is a problem even if one answer was clean
        if name == "professionalism" and red_flag:
            mean = 0.0  # a red flag is always raised, however the other answers went
        if name not in WRITERS or mean >= th.POLISH_BELOW:
            continue
        weight = th.WEIGHTS.get(name, 1.0)
        impact = weight * (100.0 - mean) + (1000.0 if name == "professionalism" and red_flag else 0.0)
        if name in open_focus and mean < th.TIP_BELOW:
            impact += 100.0  # still open from last time: worth saying again
        candidates.append((impact, name, mean, value, pairs))
    candidates.sort(key=lambda c: c[0], reverse=True)
    tips: list[Tip] = []
    skipped: set[str] = set()
    for _, name, mean, value, pairs in candidates:
        if len(tips) >= th.MAX_SESSION_TIPS or name in skipped:
            continue
        if mean >= th.TIP_BELOW and tips:
            continue  # a polish tip only when nothing more important was found
        answer, metric = min(pairs, key=lambda p: p[1].score)
        if mean >= th.TIP_BELOW and (tips or metric.score >= th.POLISH_BELOW or name in UNCERTAIN):
            continue  # a polish tip only when nothing else came up, and only on firm evidence
        ctx = Context(answer.question, answer.score.transcript, answer.turn, in_session=len(answers) > 1,
                      metrics={m.name: m for m in answer.score.metrics},
                      value=None if value != value else value)
        tip = _tip(metric, ctx)
        if tip:
            tips.append(tip)
            skipped.update(COVERED_BY.get(name, ()))
    return Feedback(verdict_for(overall, red_flag), tidy(strength), tuple(tips), round(overall, 1),
                    tuple(tidy(p) for p in _progress(focus, agg)))
