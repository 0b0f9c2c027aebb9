"""Scores to the interviewer's words: a tip after an answer, and the end-of-session feedback.

The voice is a warm, experienced call-center recruiter on a phone screen, speaking in the first
person: short sentences, concrete, no jargon. Each tip names the behaviour, quotes what was
said (whole phrases, with the time when the answer was spoken), sets a concrete target and
gives one drill. A tip is only given when the evidence supports it; when nothing needs saying,
`answer_tip` returns None and `praise` gives a line of praise. A role-play call is judged as a
whole at the end of the session (`scoring.calls`): a next step given on one reply counts for
the call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .areas import AREAS, area, call_areas, weight
from .scoring import lexicon as lx
from .scoring import thresholds as th
from .scoring.calls import judge_call
from .scoring.language import severe_red_flags
from .scoring.plan import answer_band
from .scoring.text import Doc
from .types import (
    Answer, Coverage, Evidence, EvidenceKind, Metric, Question, QuestionKind, RedFlag, Score, Tip, Transcript,
)

# --- what counts as "met" for each area (`areas.AREAS`) -------------------------------------


def target_text(area: str) -> str:
    """The target for an area in words, for the notebook."""
    found = AREAS.get(area)
    return found.target if found else "a score of 70 or more"


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


def _distance(name: str, value: float) -> float:
    found = area(name)
    if found is not None and found.band is not None:
        return found.band.distance(value)
    at_least = found.at_least if found else th.TIP_BELOW
    return max(0.0, at_least - value)


def _area_label(name: str) -> str:
    """How an area reads in a sentence ("answer length"), also for one no longer measured."""
    found = area(name)
    return found.label if found else name.replace("_", " ")


# --- phrasing helpers ----------------------------------------------------------------------

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TIP_QUOTE_WORDS = 16  # the longest quote a tip reads back (whole phrases, so often shorter)
SHORT_QUOTE_WORDS = 10  # for quotes inside a longer sentence (fillers, pauses)
QUESTION_WORDS = 24  # a question is quoted whole up to this length
MIN_WORDS_TO_DRIFT = 20  # an answer shorter than this cannot have drifted off the question


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """'one long silence', 'three fillers', '12 fillers': small numbers read as words."""
    word = NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def _num(x: float, digits: int = 0) -> str:
    return f"{x:.{digits}f}"


def format_time(seconds: float | None) -> str:
    """1:12 for 72 s: how a tip points to a moment in the answer."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def _duration(seconds: float) -> str:
    """'about 40 seconds', 'about a minute and a half', 'about 3 minutes'."""
    if seconds < 75:
        return f"about {max(1, round(seconds))} second{'s' if round(seconds) != 1 else ''}"
    halves = round(seconds / 30)
    whole, half = divmod(halves, 2)
    if whole == 1:
        return "about a minute and a half" if half else "about a minute"
    return f"about {whole} and a half minutes" if half else f"about {whole} minutes"


def _band_words(low: float, high: float) -> str:
    """'30 to 90 seconds', '1 to 2 minutes'."""
    if high >= 120 and low % 60 == 0 and high % 60 == 0:
        return f"{int(low // 60)} to {int(high // 60)} minutes"
    return f"{_num(low)} to {_num(high)} seconds"


def _and(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _q(quote: str, end: str = ".") -> str:
    """A quote closing a sentence: "like this." (no doubled stop after a question mark)."""
    quote = quote.strip()
    if not quote:
        return '""'
    if quote[-1:] in ".?!":
        return f'"{quote}"'
    return f'"{quote}{end}"'


def _after(lead: str, rest: str) -> str:
    """'When I asked "Why?"' + 'you said' -> 'When I asked "Why?", you said' (a comma inside a
    quote that ends without its own stop: 'the customer said "that\'s it then," you said')."""
    if not lead:
        return rest[0].upper() + rest[1:]
    if lead.endswith('"') and lead[-2:-1] not in "?!.":
        return f'{lead[:-1]}," {rest}'
    return f"{lead}, {rest}"


def _first(m: Metric, *kinds: EvidenceKind) -> Evidence | None:
    """The first evidence with a quote (and of one of these kinds, when given)."""
    for e in m.evidence:
        if e.quote and (not kinds or e.kind in kinds):
            return e
    return None


def _labels(m: Metric | None, kind: EvidenceKind, *coverage: Coverage) -> list[str]:
    """The labels of a metric's evidence of this kind (and coverage), in order."""
    if m is None:
        return []
    return [e.label for e in m.evidence if e.kind is kind and e.coverage in coverage]


NOT_COVERED = (Coverage.MISSING, Coverage.PARTIAL)


def _norm(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower().replace("\u2019", "'"))


def _locate(doc: Doc, e: Evidence) -> tuple[int, int] | None:
    """The words of the answer an evidence item quotes: by its times, else by its words."""
    if e.start is not None and e.end is not None and doc.timed:
        hits = [k for k, w in enumerate(doc.words) if w.start is not None and w.end is not None
                and e.start - 0.05 <= (w.start + w.end) / 2 <= e.end + 0.05]
        if hits:
            return hits[0], hits[-1] + 1
    wanted = [n for n in (_norm(t) for t in e.quote.split()) if n]
    norms = [_norm(w.raw) for w in doc.words]
    for i in range(len(norms) - len(wanted) + 1):
        if wanted and norms[i:i + len(wanted)] == wanted:
            return i, i + len(wanted)
    return None


@dataclass(frozen=True)
class Context:
    """What a tip writer needs besides the metric."""

    question: Question
    transcript: Transcript
    turn: int | None = None
    in_session: bool = False  # end of session: name the question (or the customer's line)
    metrics: dict[str, Metric] = field(default_factory=dict)
    value: float | None = None  # the session's value for the area, when aggregated

    @property
    def timed(self) -> bool:
        return self.transcript.timed

    @property
    def roleplay(self) -> bool:
        return self.question.is_roleplay or self.turn is not None

    @property
    def doc(self) -> Doc:
        return Doc(self.transcript)

    @property
    def customer_line(self) -> str:
        """The customer's words this reply answered: their question, else their longest sentence."""
        turns = self.question.turns
        if not turns or not self.turn:
            return ""
        doc = Doc(Transcript.typed(turns[min(self.turn, len(turns)) - 1].line))
        if not doc.words:
            return ""
        asks = [(s, e) for s, e in doc.sentences if doc.words[e - 1].raw.rstrip().endswith("?")]
        s0, s1 = asks[-1] if asks else max(doc.sentences, key=lambda se: se[1] - se[0])
        return doc.quote_words(*doc.phrase(s0, s0 + 1, 14, hi=s1)).quote

    def question_words(self) -> str:
        """The question as the interviewer would recall it: its asking sentence, whole."""
        doc = Doc(Transcript.typed(self.question.text))
        if not doc.words:
            return ""
        asking = next(((s, e) for s, e in reversed(doc.sentences) if doc.words[e - 1].raw.rstrip().endswith("?")),
                      doc.sentences[0])
        return doc.quote_words(*doc.phrase(asking[0], asking[0] + 1, QUESTION_WORDS, hi=asking[1])).quote

    def lead(self) -> str:
        """At the end of a session, what the evidence answered: 'When I asked "...?"' or, on a
        call, 'On the call, when the customer said "..."'; '' for a tip right after the answer."""
        if not self.in_session:
            return ""
        if self.roleplay:
            line = self.customer_line
            return f"On the call, when the customer said {_q(line, end='')}" if line else "On the call"
        return f"When I asked {_q(self.question_words(), end='')}"

    def said(self, e: Evidence | None = None, verb: str = "said") -> str:
        """'At 1:12 you said' / 'You wrote', after the lead at the end of a session."""
        verb = verb if self.timed else "wrote"
        # At the end of a session a time is worth saying only inside a longer answer.
        late = e is not None and e.start is not None and (not self.in_session or e.start >= 1.0)
        if late and not (self.in_session and self.roleplay):
            moment = f"at {format_time(e.start)} you {verb}"
        else:
            moment = f"you {verb}"
        return _after(self.lead(), moment)

    def phrase(self, e: Evidence | None, limit: int = TIP_QUOTE_WORDS) -> str:
        """An evidence quote grown or trimmed to whole phrases of what was said."""
        if e is None or not e.quote:
            return ""
        doc = self.doc
        span = _locate(doc, e)
        if span is None:
            return e.quote
        a, b = span
        if b - a > limit:  # a long evidence span: quote the phrases around its first words
            b = a + 1
        return doc.quote_words(*doc.phrase(a, b, limit)).quote

    def unclear(self, quote: str) -> bool:
        """Whether the recogniser was unsure of a word in this quote (not one to praise aloud)."""
        doc = self.doc
        span = _locate(doc, Evidence(quote=quote))
        if span is None or not doc.timed:
            return False
        return any((w.probability or 0.0) < th.UNSURE_WORD_PROBABILITY for w in doc.words[span[0]:span[1]])

    def opening(self, limit: int = TIP_QUOTE_WORDS) -> str:
        e = self.doc.opening(limit=limit)
        return e.quote if e else ""

    def ending(self, limit: int = TIP_QUOTE_WORDS) -> str:
        e = self.doc.ending(limit=limit)
        return e.quote if e else ""


def _point_name(label: str) -> str:
    """A key point as an interviewer says it: 'result' reads 'how it turned out'."""
    return POINT_NAMES.get(label.strip().lower(), label)


POINT_NAMES = {
    "result": "how it turned out", "the result": "how it turned out", "outcome": "how it turned out",
    "situation": "the situation", "example": "an example", "an example": "an example",
    "what i did": "what you did", "learned": "what you learned", "empathy": "some empathy",
    "verify": "a check of who's calling", "closing": "a proper close", "greeting": "a greeting",
    "next steps": "what happens next", "take ownership": "you taking ownership",
}


# --- one writer per area: behaviour, evidence, target, drill -------------------------------

Writer = Callable[[Metric, Context], "str | None"]  # None: the evidence does not support a tip
WRITERS: dict[str, Writer] = {}


def writes(name: str) -> Callable[[Writer], Writer]:
    """Register the tip writer of an area of `areas.AREAS` (one per area)."""

    def register(writer: Writer) -> Writer:
        if name not in AREAS:
            raise ValueError(f"{name!r} is not an area in simulator/areas.py")
        if name in WRITERS:
            raise ValueError(f"{name!r} has two tip writers")
        WRITERS[name] = writer
        return writer

    return register



@writes("pace")
def _pace(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    wpm = c.value if c.value is not None else float(m.value)
    e = _first(m)
    stretch = e.value if e is not None and e.kind is EvidenceKind.PACE else None
    where = (f" {c.said(e)} {_q(c.phrase(e), end=',')} at about {_num(stretch)} words a minute."
             if stretch is not None else "")
    if wpm > th.PACE.high:
        return (f"You spoke quite fast, about {_num(wpm)} words a minute.{where} On the phone, about 140 is "
                f"easier to follow. For next time, read a short paragraph aloud as if you were leaving a "
                f"voicemail, and take a breath at every full stop.")
    return (f"You spoke a little slowly, about {_num(wpm)} words a minute.{where} Around 140 sounds more "
            f"sure of itself. For next time, tell a one-minute story against a timer, and keep your "
            f"sentences moving without rushing their ends.")


@writes("fillers")
def _fillers(m: Metric, c: Context) -> str | None:
    e = _first(m, EvidenceKind.FILLER)
    if e is None:
        return None
    count = next((x.count for x in m.evidence if x.kind is EvidenceKind.FILLER_TOTAL and x.count is not None), None)
    many = _count(count, "of them", "of them") if count is not None else "quite a few"
    if m.unit == th.FILLERS_PER_100_WORDS.unit:
        how_many = f"{many}, about {_num(float(m.value or 0))} in every 100 words"
        target = "2 or fewer in every 100 words"
    else:
        rate = c.value if c.value is not None else progress_value(m)
        how_many = f"{many}, about {_num(rate or 0)} a minute"
        target = "3 or fewer a minute"
    return (f"Quite a few fillers crept in: {how_many}. {c.said(e)} {_q(c.phrase(e, SHORT_QUOTE_WORDS))} I'd like "
            f"{target}. A short pause sounds more confident than an \"um\". For next time, record a "
            f"one-minute answer, and each time you feel an \"um\" coming, pause instead.")


@writes("pauses")
def _pauses(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None or e.start is None or e.end is None or not isinstance(m.value, (int, float)):
        return None
    gap = e.end - e.start
    before, _, after = e.quote.partition(" ... ")
    at = _after(c.lead(), f"at {format_time(e.start)}")
    return (f"There were {_count(int(m.value), 'long silence')}. {at} you stopped for "
            f"{_num(gap, 1)} seconds, after {_q(before, end=',')} before {_q(after)} On a call, a silence of "
            f"more than two seconds can sound like the line dropped; one now and then is fine. For next "
            f"time, when you need a moment, say so: \"Let me think about that for a second.\"")


@writes("time_to_start")
def _time_to_start(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    seconds = c.value if c.value is not None else float(m.value)
    return (f"You took about {_num(seconds)} seconds to start. A moment to think is fine, but try to "
            f"begin within about 3 seconds. For next time, start with a bridge while you think, such "
            f"as \"One time that comes to mind is...\"")


@writes("hedging")
def _hedging(m: Metric, c: Context) -> str | None:
    e = _first(m, EvidenceKind.HEDGE)
    if e is None:
        return None
    return (f"You softened your answer with words like \"maybe\" and \"I guess\". {c.said(e)} "
            f"{_q(c.phrase(e))} Say it like you mean it: one \"maybe\" in a whole answer is plenty. For next "
            f"time, write your answer down, cross out every \"I guess\", \"maybe\" and \"probably\", and "
            f"say it again.")


@writes("repetition")
def _repetition(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None:
        return None
    return (f"You went back over the same words a few times. {c.said(e)} {_q(c.phrase(e, SHORT_QUOTE_WORDS))} "
            f"Say each point once, then move on. For next time, pick your three points before you start, "
            f"and say each one once.")


@writes("clarity")
def _clarity(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None or not isinstance(m.value, (int, float)):
        return None
    word = e.label if e.kind is EvidenceKind.UNCLEAR and e.label else e.quote
    share = c.value if c.value is not None else float(m.value)
    at = _after(c.lead(), f"at {format_time(e.start)}" if e.start is not None else "in one place")
    context = c.phrase(e, SHORT_QUOTE_WORDS)
    inside = f" in {_q(context, end='')}" if context and context.strip(".?!,").lower() != word.lower() else ""
    return (f"Some words didn't come through clearly, about {_num(share)} in every 100. {at}, I couldn't "
            f"quite catch \"{word}\"{inside}. For next time, face the microphone, slow down on the ends of your "
            f"words, and read a paragraph aloud, taking care with every consonant.")


@writes("volume")
def _volume(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    if any(e.kind is EvidenceKind.CLIPPED and e.quote for e in m.evidence):
        return ("Your recording was distorting in the loud parts. Move the microphone a hand's width "
                "from your mouth, or turn the input level down. For next time, record ten seconds, play "
                "it back, and adjust before you start.")
    if float(m.value) < th.SPEECH_LEVEL_DBFS.low:
        return ("You were a little hard to hear. Speak up a bit, or bring the microphone closer. For next "
                "time, record ten seconds, play it back, and adjust before you start.")
    return ("Your recording was very loud. Move the microphone back a little. For next time, record ten "
            "seconds, play it back, and adjust before you start.")


@writes("monotone")
def _monotone(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    e = _first(m)
    where = f" {c.said(e)} {_q(c.phrase(e), end=',')} almost on one note." if e else ""
    return (f"Your voice stayed quite flat.{where} On the phone, your voice is all the customer has, so "
            f"let it move. For next time, say your greeting three times: once flat, once smiling, and "
            f"once stressing the key word. Then keep the smile.")


def _call_handling(label: str) -> bool:
    """A key point that is a call-handling phrase ("anything else I can help with"): on a call
    its own tip (closing, greeting...) says it better."""
    doc = Doc(Transcript.typed(label))
    return bool(doc.find_all(lx.GREETING + lx.CLOSING + lx.VERIFICATION + lx.NEXT_STEPS))


@writes("key_points")
def _key_points(m: Metric, c: Context) -> str | None:
    missing = _labels(m, EvidenceKind.KEY_POINT, *NOT_COVERED)
    if c.roleplay:
        missing = [x for x in missing if not _call_handling(x)]
    missing = [_point_name(x) for x in missing]
    if not missing:
        return None
    covered = [_point_name(x) for x in _labels(m, EvidenceKind.KEY_POINT, Coverage.COVERED)]
    listed = _and([f'"{x}"' for x in missing[:3]])
    got = f" You did cover {_and([repr(x).replace(chr(39), chr(34)) for x in covered[:2]])}, which is good." if covered else ""
    lead = _after(c.lead(), "I was listening for")
    return (f"{lead} {listed}, and I didn't clearly hear {'it' if len(missing) == 1 else 'them'}.{got} Say each "
            f"point in plain words, so it can't be missed. For next time, jot down a word for each point "
            f"before you answer, and tick them off as you go.")


@writes("relevance")
def _relevance(m: Metric, c: Context) -> str | None:
    if c.doc.n_words < MIN_WORDS_TO_DRIFT:
        return None  # a short answer is short, not off topic: the length or example tip says so
    opening = c.opening()
    said = f", and you opened with {_q(opening)}" if opening else ""
    missing = [_point_name(x) for x in _labels(c.metrics.get("key_points"), EvidenceKind.KEY_POINT, *NOT_COVERED)]
    wanted = f" I was listening for things like {_and([chr(34) + x + chr(34) for x in missing[:2]], 'or')}." if missing else ""
    asked = c.customer_line if c.roleplay and c.customer_line else c.question_words()
    who = "The customer said" if c.roleplay and c.customer_line else "I asked"
    asked_and_said = _after(f"{who} {_q(asked, end='')}", said.removeprefix(", ")) if opening else \
        f"{who} {_q(asked)}"
    return (f"That answer moved away from what was asked. {asked_and_said}{wanted} However "
            f"good the story, it has to answer the question. For next time, answer it in your first "
            f"sentence, then give your example.")


# What a concrete answer lacked, as the interviewer says it, by the part's label.
LACKS = {
    "situation": "a real situation", "example": "an example", "actions": "what you actually did",
    "numbers": "a number", "result": "how it turned out",
    "steps": "the steps in order", "detail": "a concrete detail",
}


@writes("specificity")
def _specificity(m: Metric, c: Context) -> str | None:
    missing = _labels(m, EvidenceKind.PART, *NOT_COVERED)
    lacks = [LACKS.get(part, part) for part in missing]
    opening = c.opening()
    if not lacks or not opening:
        return None
    said = f"{c.said()} {_q(opening, end=',')}"
    kind = c.question.kind
    if kind is QuestionKind.GENERAL:
        return (f"Can you give me an example? {said} and that's a fair start. Add one concrete detail or a "
                f"short example, like a time you saw it or did it yourself. For next time, after your first "
                f"sentence, say \"For example...\" and add one real moment.")
    if kind is QuestionKind.SITUATIONAL:
        return (f"Walk me through what you'd actually do. {_after(c.lead(), 'you said' if c.timed else 'you wrote')} "
                f"{_q(opening)} Give me your steps in order: what you'd say first, what you'd check, and how "
                f"you'd follow up. For next time, start with \"First, I'd...\" and finish with \"Then I'd follow "
                f"up by...\"")
    number = " A number helps too, like how many calls or how long it took." if "numbers" in missing else ""
    return (f"I'd like a real story here. {said} but I didn't hear {_and(lacks[:3])}. Tell me about one real "
            f"time: where you were, two or three things you did, and how it turned out.{number} For next time, "
            f"fill in this line before you practise: \"One time at..., a customer..., so I..., and in the "
            f"end...\"")


STRUCTURE_PARTS = {
    "situation": "the situation", "task": "what you needed to do", "action": "what you did",
    "result": "how it turned out", "listen first": "listening first", "steps": "the steps in order",
    "follow-up": "how you'd follow up",
}


@writes("structure")
def _structure(m: Metric, c: Context) -> str | None:
    missing = [STRUCTURE_PARTS.get(n, n) for n in _labels(m, EvidenceKind.PART, *NOT_COVERED)]
    if not missing:
        return None
    found = [STRUCTURE_PARTS.get(e.label, e.label) for e in m.evidence
             if e.quote and e.kind is EvidenceKind.PART and e.coverage is Coverage.COVERED]
    had = f" I heard {_and(found)}." if found else ""
    if c.question.kind is QuestionKind.BEHAVIORAL and len(missing) >= 3:
        return ("I didn't hear a story with a clear shape. A story lands when it has four parts: the situation, "
                "what you needed to do, what you did, and how it turned out. For next time, write those four on "
                "a card and tell the story once, touching each in order.")
    if c.question.kind is QuestionKind.BEHAVIORAL:
        return (f"Your story was missing {_and(missing)}.{had} A story lands when it has all four parts: the "
                f"situation, what you needed to do, what you did, and how it turned out. For next time, write "
                f"those four on a card and tell the story once, touching each in order.")
    return (f"Your plan was missing {_and(missing)}.{had} For a what-would-you-do question, walk me through "
            f"it: listen first, then your steps in order, then how you'd follow up. For next time, start with "
            f"\"First, I'd...\" and end with \"Then I'd follow up by...\"")


@writes("length")
def _length(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    low, high = _band_of(c)
    seconds = float(m.value)
    e = _first(m)
    if seconds > high:
        where = f" By the {format_time(high)} mark you were still on {_q(c.phrase(e))}" if e and c.timed else ""
        return (f"That ran long, {_duration(seconds)}, when {_band_words(low, high)} is plenty.{where} For next "
                f"time, practise with a timer: make your point, give the example, and stop once you've said "
                f"how it turned out.")
    if c.roleplay:
        return (f"That reply was very short. {c.said()} {_q(c.opening())} On a call, each reply should move "
                f"things forward: say what you're doing, or what happens next. For next time, after each "
                f"customer line, answer it, then add one sentence about your next step.")
    concrete = c.metrics.get("specificity")
    if concrete is not None and (concrete.score or 0) >= th.STRENGTH_AT_LEAST:
        return None  # short but complete: nothing missing to add
    add = {QuestionKind.GENERAL: "a reason and a short example",
           QuestionKind.SITUATIONAL: "the steps you'd take, and why"}.get(
        c.question.kind, "what happened, what you did, and how it ended")
    return (f"That was short, {_duration(seconds)}; I'd like {_band_words(low, high)} here. Add {add}. For next "
            f"time, answer out loud, then ask yourself \"and then what?\", and add that.")


def _band_of(c: Context) -> tuple[float, float]:
    return answer_band(c.question, c.turn)


@writes("empathy")
def _empathy(m: Metric, c: Context) -> str | None:
    if not c.transcript.text.strip():
        return None
    if not c.roleplay and c.question.kind is QuestionKind.BEHAVIORAL:
        return (f"In your story, I didn't hear how you acknowledged the customer's feelings. {c.said()} "
                f"{_q(c.opening())} Tell me what you said to calm them, such as \"I told her I was sorry and "
                f"I could see why she was upset.\" For next time, add that one line to your story.")
    return (f"I didn't hear you acknowledge how the customer felt. {c.said()} {_q(c.opening())} An upset "
            f"caller needs to feel heard before the fix, and one line is enough: \"I'm sorry, I can see how "
            f"frustrating that is.\" For next time, write three lines like that you're comfortable saying, "
            f"and use one in your next practice.")


@writes("ownership")
def _ownership(m: Metric, c: Context) -> str | None:
    if not c.transcript.text.strip():
        return None
    return (f"I didn't hear you take ownership. {c.said()} {_q(c.opening(), end=',')} but not \"I will\" or "
            f"\"let me\". Customers and interviewers both want to know who's handling it. For next time, end "
            f"each answer with what you'll do next, starting with \"I'll...\"")


@writes("positive_language")
def _positive(m: Metric, c: Context) -> str | None:
    e = _first(m, EvidenceKind.NEGATIVE)
    if e is None:
        return None
    return (f"{c.said(e)} {_q(c.phrase(e))} A customer hears the \"can't\" and stops listening. Say what you "
            f"can do instead: \"What I can do is...\" For next time, take three \"I can't\" sentences from "
            f"your practice and turn each into \"What I can do is...\"")


@writes("professionalism")
def _professionalism(m: Metric, c: Context) -> str | None:
    e = _first(m)
    if e is None:
        return None
    family = e.label if e.kind is EvidenceKind.RED_FLAG else ""
    if family == RedFlag.PROFANITY:
        point = "Please keep the language clean, even in practice; it slips out under pressure."
        drill = "say that sentence again with a clean word in its place, out loud, three times."
    elif family == RedFlag.DISMISSIVE:
        point = ("That would make an upset caller angrier, and it would worry me in an interview. "
                 "Try \"I understand, let's sort this out together\" instead.")
        drill = "say the calm version out loud until it comes first."
    elif family == RedFlag.BLAME:
        point = ("Even when it's true, blaming a customer, a colleague or a past employer makes me wonder "
                 "what you'd say about us. Talk about what you did.")
        drill = "tell that story again, give the other side in one fair sentence, then say what you did."
    else:
        point = "I'd keep the negativity out of an interview. Talk about what you learned, and what you'd like next."
        drill = "tell it again, ending with what you learned."
    return f"{c.said(e)} {_q(c.phrase(e))} {point} For next time, {drill}"


@writes("greeting")
def _greeting(m: Metric, c: Context) -> str | None:
    have = set(_labels(m, EvidenceKind.PART, Coverage.COVERED))
    names = {"greeting": "a hello", "name": "your name", "company": "the company's name"}
    missing = [names[p] for p in ("greeting", "name", "company") if p not in have]
    if not missing:
        return None
    opened = "On the call, you opened" if c.in_session else "You opened"
    return (f"Open the call with a hello, your name and the company. {opened} with {_q(c.opening(), end=',')} "
            f"and I missed {_and(missing)}. Try: \"Thank you for calling Acme, my name is Sam. How can I help "
            f"you today?\" For next time, say your greeting five times, until it comes out on its own.")


@writes("verification")
def _verification(m: Metric, c: Context) -> str | None:
    return (f"You didn't check who I was. {c.said()} {_q(c.opening())} Before you look at an account, "
            f"verify the caller: \"Can I take your account number and the name on the account?\" For next "
            f"time, ask that early in every practice call.")


@writes("next_steps")
def _next_steps(m: Metric, c: Context) -> str | None:
    return (f"I didn't hear what happens next. {c.said()} {_q(c.ending())} Give the customer one clear next "
            f"step and a time frame: \"I've put the refund through, and you'll see it in three to five working "
            f"days.\" For next time, end your fix with what you'll do, and when.")


@writes("closing")
def _closing(m: Metric, c: Context) -> str | None:
    where = "At the end of the call" if c.in_session else "At the end"
    return (f"Close the call properly. {where} you said {_q(c.ending())} Offer more help and thank the "
            f"caller: \"Is there anything else I can help you with today? Thank you for calling.\" For next "
            f"time, practise that closing line until it comes out on its own.")




def _covers(name: str) -> tuple[str, ...]:
    """Tips that say nothing more once this one is given (an off-topic answer needs one tip, not
    four; a reply that skipped the closing needs no "that was short" as well)."""
    found = area(name)
    return found.covers if found else ()


def _uncertain(name: str) -> bool:
    """Judged by matching words, where a near miss may be the candidate's own phrasing: a tip
    only when clearly weak, never as a polish tip."""
    found = area(name)
    return found is not None and found.uncertain


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
    boost = 1000.0 if (m.name == "professionalism" and severe_red_flags(m)) else 0.0
    if m.name == "relevance" and (m.score or 0.0) < th.OFF_TOPIC_LIMIT:
        boost = 500.0
    return boost + weight(m.name) * (100.0 - (m.score or 0.0))


def answer_tips(question: Question, metrics: Sequence[Metric], transcript: Transcript,
                turn: int | None = None, limit: int = 3) -> tuple[Tip, ...]:
    """Every tip the evidence supports for one answer, most useful first (at most `limit`)."""
    if not transcript.text.strip():
        return (Tip("length", "I didn't catch an answer there. Take a breath, and start with one sentence "
                    "that answers the question; then give me an example. For next time, say your first "
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
            skipped.update(_covers(m.name))
        if len(tips) >= limit:
            break
    return tuple(tips)


def answer_tip(question: Question, score: Score) -> Tip | None:
    """The one short tip spoken after an answer in coach mode; None when nothing needs saying
    (say `praise(score)` then)."""
    return score.tips[0] if score.tips else None


# --- praise --------------------------------------------------------------------------------

Praise = Callable[[Metric, Context], "str | None"]  # a line quoting the evidence, or None
PRAISES: dict[str, Praise] = {}


def praises(name: str) -> Callable[[Praise], Praise]:
    """Register the line of praise for an area of `areas.AREAS` that has a `praise_rank`."""

    def register(line: Praise) -> Praise:
        if name not in AREAS or AREAS[name].praise_rank is None:
            raise ValueError(f"{name!r} has no praise_rank in simulator/areas.py")
        PRAISES[name] = line
        return line

    return register


def _praise_quote(m: Metric, c: Context, line: str, *parts: str) -> str | None:
    """The line with the first quote worth praising (never one with a red flag, a "can't" or a hedge);
    with `parts`, only the evidence of those parts of a concrete answer."""
    for e in m.evidence:
        if not e.quote or (parts and not (e.kind is EvidenceKind.PART and e.label in parts)):
            continue
        quote = c.phrase(e)
        if quote and not _unpraisable(quote) and not c.unclear(quote):
            return line.format(q=_q(quote))
    return None


def _unpraisable(quote: str) -> bool:
    doc = Doc(Transcript.typed(quote))
    return bool(HEDGE_IN_QUOTE.search(quote) or doc.find_all(
        lx.BLAME + lx.DISMISSIVE + lx.PROFANITY + lx.NEGATIVITY + lx.NEGATIVE))


@praises("specificity")
def _praise_example(m: Metric, c: Context) -> str | None:
    kind = "a concrete example" if c.question.kind is QuestionKind.GENERAL else "a real example"
    return _praise_quote(m, c, f"You gave me {kind}: {{q}} That's what makes an answer stick.",
                         "situation", "example", "numbers", "result")


@praises("empathy")
def _praise_empathy(m: Metric, c: Context) -> str | None:
    if c.roleplay:
        return _praise_quote(m, c, "You led with empathy: {q} That's exactly what an upset caller needs to hear.")
    return _praise_quote(m, c, "You showed real care for the customer: {q}")


@praises("key_points")
def _praise_points(m: Metric, c: Context) -> str | None:
    labels = [f'"{_point_name(x)}"' for x in _labels(m, EvidenceKind.KEY_POINT, Coverage.COVERED)]
    return f"You covered what matters: {_and(labels[:3])}." if labels else None


@praises("greeting")
def _praise_greeting(m: Metric, c: Context) -> str | None:
    return "Your greeting was spot on: a hello, your name and the company." if (m.score or 0) >= 100 else None


@praises("structure")
def _praise_structure(m: Metric, c: Context) -> str | None:
    return "Your story had a clear shape, from the situation through to how it turned out."


@praises("ownership")
def _praise_ownership(m: Metric, c: Context) -> str | None:
    return _praise_quote(m, c, "You took ownership: {q}")


@praises("next_steps")
def _praise_next_steps(m: Metric, c: Context) -> str | None:
    return _praise_quote(m, c, "You told the customer what happens next: {q}")


@praises("closing")
def _praise_closing(m: Metric, c: Context) -> str | None:
    return "You closed the call warmly and offered more help."


@praises("relevance")
def _praise_relevance(m: Metric, c: Context) -> str | None:
    return "You answered exactly what I asked."


@praises("fillers")
def _praise_fillers(m: Metric, c: Context) -> str | None:
    return "Your delivery was clean, with hardly a filler." if m.unit == th.FILLERS_PER_MINUTE.unit else None


@praises("pace")
def _praise_pace(m: Metric, c: Context) -> str | None:
    return (f"Your pace was just right, about {_num(float(m.value))} words a minute."
            if isinstance(m.value, (int, float)) else None)


@praises("professionalism")
def _praise_professionalism(m: Metric, c: Context) -> str | None:
    return "You stayed positive and professional throughout."


def _praise_order() -> list[tuple[str, Praise]]:
    """The areas with a line of praise, most meaningful first (`Area.praise_rank`)."""
    ranked = sorted((a.praise_rank, name) for name, a in AREAS.items() if a.praise_rank is not None)
    return [(name, PRAISES[name]) for _, name in ranked]


HEDGE_IN_QUOTE = re.compile(r"\b(?:maybe|probably|i guess|perhaps|hopefully)\b", re.IGNORECASE)


def _praise_for(metrics: dict[str, tuple[Metric, Context]], scores: dict[str, float] | None = None,
                red_flag: bool = False) -> str | None:
    for name, line in _praise_order():
        if red_flag and name == "professionalism":
            continue
        if name not in metrics:
            continue
        m, ctx = metrics[name]
        value = (scores or {}).get(name, m.score)
        if value is None or value < th.STRENGTH_AT_LEAST:
            continue
        text = line(m, ctx)
        if text and not HEDGE_IN_QUOTE.search(text):  # never praise a hedge as a strength
            return text
    return None


def praise(score: Score, question: Question | None = None, turn: int | None = None) -> str:
    """A line of honest praise for one answer (what scored best, with its evidence)."""
    q = question or Question(id=score.question_id, text="", kind=QuestionKind.BEHAVIORAL)  # unknown: as for a story
    ctx = Context(q, score.transcript, turn)
    text = _praise_for({m.name: (m, ctx) for m in score.metrics})
    return tidy(text) if text else "Thank you. Let's keep going."

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


Pairs = list[tuple[Answer, Metric]]


def _calls(answers: Sequence[Answer]) -> dict[str, list[Answer]]:
    """Role-play replies grouped into calls: the replies with a turn to one question."""
    calls: dict[str, list[Answer]] = {}
    for a in answers:
        if a.turn is not None:
            calls.setdefault(a.question.id, []).append(a)
    return calls


def _call_pairs(replies: list[Answer]) -> dict[str, tuple[Answer, Metric]]:
    """Each call-handling area judged across one call, with the reply it points to."""
    heard = [a for a in replies if a.score.transcript.text.strip()]
    by_turn = {a.turn: a for a in heard}
    judged = judge_call(replies[0].question, [(a.turn, a.score.transcript) for a in heard])
    return {area: (by_turn[j.turn], j.metric) for area, j in judged.items() if j.turn in by_turn}


def _aggregate(answers: Sequence[Answer]) -> dict[str, tuple[float, float, Pairs]]:
    """Per area: mean score, mean tracked value, and the answers where it was measured. A role-
    play call counts once for its call-handling areas, judged across all its replies."""
    judged_across_call = {a.name for a in call_areas()}
    out: dict[str, Pairs] = {}
    for a in answers:
        if not a.score.transcript.text.strip():
            continue  # nothing was heard: that answer has its own "I didn't catch that" tip
        for m in a.score.metrics:
            if m.score is not None and not (a.turn is not None and m.name in judged_across_call):
                out.setdefault(m.name, []).append((a, m))
    for replies in _calls(answers).values():
        for area, pair in _call_pairs(replies).items():
            out.setdefault(area, []).append(pair)
    result = {}
    for name, pairs in out.items():
        scores = [m.score for _, m in pairs]
        values = [v for _, m in pairs if (v := progress_value(m)) is not None]
        result[name] = (sum(scores) / len(scores), sum(values) / len(values) if values else float("nan"), pairs)
    return result


def _value_phrase(name: str, value: float) -> str:
    found = area(name)
    if name == "volume":
        return "a bit quiet" if value < th.SPEECH_LEVEL_DBFS.low else (
            "very loud" if value > th.SPEECH_LEVEL_DBFS.high else "a good level")
    if name == "monotone":
        return "quite flat" if value < th.PITCH_VARIATION_SEMITONES.low else "nice and lively"
    if name == "clarity":
        return f"{_num(value)} unclear words in every 100"
    if found is not None and found.band is not None:
        return f"{_num(value)} {found.band.unit}"
    return f"{_num(value)} out of 100 on {_area_label(name)}"


def _progress(focus: Sequence[Tip], agg) -> tuple[str, ...]:
    remarks = []
    for tip in focus:
        entry = agg.get(tip.area)
        label = _area_label(tip.area) if area(tip.area) else tip.area
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
    overall = sum(a.score.overall for a in answers) / len(answers)
    red_flag = any(severe_red_flags(a.score.metric("professionalism")) for a in answers)
    agg = _aggregate(answers)
    # What was strong: the best-evidenced area, quoting the answer where it scored best.
    best: dict[str, tuple[Metric, Context]] = {}
    for name, (_, _, pairs) in agg.items():
        # the best-scoring evidence, from the strongest answer when several tie
        answer, metric = max(pairs, key=lambda p: (p[1].score, p[0].score.overall))
        best[name] = (metric, Context(answer.question, answer.score.transcript, answer.turn))
    strength = _praise_for(best, {n: s for n, (s, _, _) in agg.items()}, red_flag) or (
        "You got through every question, and practising like this is how people get better at it.")
    # Tips: areas below the bar, weighted by how much they cost and how often they came up.
    open_focus = {t.area for t in focus}
    candidates = []
    for name, (mean, value, pairs) in agg.items():
        found = area(name)
        if found is not None and found.band is not None and value == value:
            mean = found.band.score(value)  # 20 fillers a minute is a problem even if one answer was clean
        if name == "professionalism" and red_flag:
            mean = 0.0  # a red flag is always raised, however the other answers went
        if name not in WRITERS or mean >= th.POLISH_BELOW:
            continue
        impact = weight(name) * (100.0 - mean) + (1000.0 if name == "professionalism" and red_flag else 0.0)
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
        if mean >= th.TIP_BELOW and (tips or metric.score >= th.POLISH_BELOW or _uncertain(name)):
            continue  # a polish tip only when nothing else came up, and only on firm evidence
        ctx = Context(answer.question, answer.score.transcript, answer.turn, in_session=len(answers) > 1,
                      metrics={m.name: m for m in answer.score.metrics},
                      value=None if value != value else value)
        tip = _tip(metric, ctx)
        if tip:
            tips.append(tip)
            skipped.update(_covers(name))
    return Feedback(verdict_for(overall, red_flag), tidy(strength), tuple(tips), round(overall, 1),
                    tuple(tidy(p) for p in _progress(focus, agg)))
