"""Tips on how it sounded: pace, fillers, pauses, starting, hedging, repeats, clarity, the voice."""

from __future__ import annotations

from ...scoring import lexicon as lx
from ...scoring import thresholds as th
from ...scoring.content import says_nothing
from ...types import EvidenceKind, Metric
from ..context import SHORT_QUOTE_WORDS, Context
from ..phrasing import after_lead, and_list, count_words, figure, format_time, quoted
from ..targets import progress_value
from .registry import writes

FULL_MINUTE_RATE_SECONDS = 15.0  # shorter, the score's filler rate counts a quarter-minute at least


@writes("pace")
def pace(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    wpm = float(m.value)  # this answer's own: the tip names it (the session's figure is the tip's value)
    e = c.first_quote(m)
    stretch = e.value if e is not None and e.kind is EvidenceKind.PACE else None
    said = c.quote_back(c.phrase(e), e, end=",") if stretch is not None else ""
    where = f" {said} at about {figure(stretch)} words a minute." if said else ""
    if wpm > th.PACE.high:
        return (f"You spoke quite fast, about {figure(wpm)} words a minute.{where} On the phone, about 140 is "
                f"easier to follow. For next time, read a short paragraph aloud as if you were leaving a "
                f"voicemail, and take a breath at every full stop.")
    return (f"You spoke a little slowly, about {figure(wpm)} words a minute.{where} Around 140 sounds more "
            f"sure of itself. For next time, tell a one-minute story against a timer, and keep your "
            f"sentences moving without rushing their ends.")


@writes("fillers")
def fillers(m: Metric, c: Context) -> str | None:
    e = c.first_quote(m, EvidenceKind.FILLER)
    if e is None:
        return None
    count = next((x.count for x in m.evidence if x.kind is EvidenceKind.FILLER_TOTAL and x.count is not None), None)
    sounds = {x.label for x in m.evidence if x.kind is EvidenceKind.FILLER} & lx.FILLER_SOUNDS
    if count is not None and count < th.FILLER_TIP_AT_LEAST and not sounds:
        return None  # one "kind of" in a short answer is over the rate, yet no habit to break
    many = "" if count == 1 else (count_words(count, "of them", "of them") if count is not None else "quite a few") + ", "
    if m.unit == th.FILLERS_PER_100_WORDS.unit:
        how_many = f"{many}about {figure(float(m.value or 0))} in every 100 words"
        target = "2 or fewer in every 100 words"
    else:
        seconds = c.doc.speech_seconds() if c.timed else None
        if count and seconds and seconds < FULL_MINUTE_RATE_SECONDS:
            # the score counts a short answer as a quarter-minute at least: "about 12 a minute"
            # for 3 fillers in 6 seconds is not what was said
            how_many = f"{many.rstrip(', ') or 'one'} in about {figure(seconds)} seconds"
        else:
            how_many = f"{many}about {figure(progress_value(m) or 0)} a minute"  # this answer's own
        target = "3 or fewer a minute"
    lead = ("Quite a few fillers crept in" if count is None or count > 3
            else "A filler crept in, and that's a lot for an answer this short" if count == 1
            else "A few fillers crept in for an answer this short")
    return (f"{lead}: {how_many}. {c.quote_back(c.phrase(e, SHORT_QUOTE_WORDS), e)} I'd like "
            f"{target}. A short pause sounds more confident than an \"um\". For next time, record a "
            f"one-minute answer, and each time you feel an \"um\" coming, pause instead.")


@writes("pauses")
def pauses(m: Metric, c: Context) -> str | None:
    e = c.first_quote(m)
    if e is None or e.start is None or e.end is None or not isinstance(m.value, (int, float)):
        return None
    gap = e.end - e.start
    before, _, after = e.quote.partition(" ... ")
    at = after_lead(c.lead(), f"at {format_time(e.start)}")
    return (f"There were {count_words(int(m.value), 'long silence')}. {at} you stopped for "
            f"{figure(gap, 1)} seconds, after {quoted(before, end=',')} before {quoted(after)} On a call, a silence of "
            f"more than two seconds can sound like the line dropped; one now and then is fine. For next "
            f"time, when you need a moment, say so: \"Let me think about that for a second.\"")


@writes("time_to_start")
def time_to_start(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    seconds = float(m.value)  # this answer's own
    return (f"You took about {figure(seconds)} seconds to start. A moment to think is fine, but try to "
            f"begin within about 3 seconds. For next time, start with a bridge while you think, such "
            f"as \"One time that comes to mind is...\"")


@writes("hedging")
def hedging(m: Metric, c: Context) -> str | None:
    if says_nothing(c.doc):
        return None  # "I don't know" alone hedges no claim: it is no answer yet (the specificity tip)
    e = c.first_quote(m, EvidenceKind.HEDGE)
    if e is None:
        return None
    # The words this candidate used, not a fixed pair: "maybe" when they never said it rings false.
    first: dict[str, str] = {}  # each hedge as first spelled, in the order said
    for x in m.evidence:
        if x.kind is EvidenceKind.HEDGE and x.label:
            first.setdefault(x.label.lower(), x.label)
    words = and_list([f"\"{w}\"" for w in list(first.values())[:2]]) or "\"maybe\" and \"I guess\""
    return (f"You softened your answer with words like {words}. {c.quote_back(c.phrase(e), e)} "
            f"Say it like you mean it: one \"maybe\" in a whole answer is plenty. For next "
            f"time, write your answer down, cross out every \"I guess\", \"maybe\" and \"probably\", and "
            f"say it again.")


@writes("repetition")
def repetition(m: Metric, c: Context) -> str | None:
    e = c.first_quote(m)
    if e is None:
        return None
    return (f"You went back over the same words a few times. {c.quote_back(c.phrase(e, SHORT_QUOTE_WORDS), e)} "
            f"Say each point once, then move on. For next time, pick your three points before you start, "
            f"and say each one once.")


@writes("clarity")
def clarity(m: Metric, c: Context) -> str | None:
    e = c.first_quote(m)
    if e is None or not isinstance(m.value, (int, float)):
        return None
    word = e.label if e.kind is EvidenceKind.UNCLEAR and e.label else e.quote
    share = float(m.value)  # this answer's own, the one whose word it names
    at = after_lead(c.lead(), f"at {format_time(e.start)}" if e.start is not None else "in one place")
    context = c.phrase(e, SHORT_QUOTE_WORDS)
    inside = f" in {quoted(context, end='')}" if context and context.strip(".?!,").lower() != word.lower() else ""
    return (f"Some words didn't come through clearly, about {figure(share)} in every 100. {at}, I couldn't "
            f"quite catch \"{word}\"{inside}. For next time, face the microphone, slow down on the ends of your "
            f"words, and read a paragraph aloud, taking care with every consonant.")


@writes("volume")
def volume(m: Metric, c: Context) -> str | None:
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
def monotone(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    e = c.first_quote(m)
    said = c.quote_back(c.phrase(e), e, end=",")
    where = f" {said} almost on one note." if said else ""
    return (f"Your voice stayed quite flat.{where} On the phone, your voice is all the customer has, so "
            f"let it move. For next time, say your greeting three times: once flat, once smiling, and "
            f"once stressing the key word. Then keep the smile.")
