"""How the interviewer puts things: counts, times, lengths, lists and quotes in a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..scoring.lexicon import PAST_IRREGULAR


# How small counts read aloud: "no fillers", "three long silences".
COUNTS_IN_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def count_words(n: int, noun: str, plural: str | None = None) -> str:
    """'one long silence', 'three fillers', '12 fillers': small numbers read as words."""
    word = COUNTS_IN_WORDS[n] if 0 <= n < len(COUNTS_IN_WORDS) else str(n)
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def figure(x: float, digits: int = 0) -> str:
    """A measured number as the interviewer says it: 142, or 2.5 with `digits=1`."""
    return f"{x:.{digits}f}"


def format_time(seconds: float | None) -> str:
    """1:12 for 72 s: how a tip points to a moment in the answer."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def duration(seconds: float) -> str:
    """'about 40 seconds', 'about a minute and a half', 'about 3 minutes'."""
    if seconds < 75:
        return f"about {max(1, round(seconds))} second{'s' if round(seconds) != 1 else ''}"
    halves = round(seconds / 30)
    whole, half = divmod(halves, 2)
    if whole == 1:
        return "about a minute and a half" if half else "about a minute"
    return f"about {whole} and a half minutes" if half else f"about {whole} minutes"


def band_words(low: float, high: float) -> str:
    """'30 to 90 seconds', '1 to 2 minutes'."""
    if high >= 120 and low % 60 == 0 and high % 60 == 0:
        return f"{int(low // 60)} to {int(high // 60)} minutes"
    return f"{figure(low)} to {figure(high)} seconds"


def and_list(items: Sequence[str], word: str = "and") -> str:
    """'a, b and c' (or 'a or b')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def quoted(quote: str, end: str = ".") -> str:
    """A quote closing a sentence: "like this." (no doubled stop after a question mark)."""
    quote = quote.strip()
    if not quote:
        return '""'
    if quote[-1:] in ".?!":
        return f'"{quote}"'
    return f'"{quote}{end}"'


def after_lead(lead: str, rest: str) -> str:
    """'When I asked "Why?"' + 'you said' -> 'When I asked "Why?", you said' (a comma inside a
    quote that ends without its own stop: 'the customer said "that\'s it then," you said')."""
    if not lead:
        return rest[0].upper() + rest[1:]
    if lead.endswith('"') and lead[-2:-1] not in "?!.":
        return f'{lead[:-1]}," {rest}'
    if lead.endswith('."'):  # 'When I asked "Tell me about a time...," in your story': no full stop mid-sentence
        return f'{lead[:-2]}," {rest}'
    return f"{lead}, {rest}"


def tidy(text: str) -> str:
    """No doubled stops after a quoted sentence ('"...?".' reads '"...?"')."""
    return re.sub(r'([.?!,])"([.,])', r'\1"', re.sub(r"\s{2,}", " ", text)).strip()


def point_name(label: str) -> str:
    """A key point as an interviewer says it: 'result' reads 'how it turned out'."""
    return POINT_NAMES.get(label.strip().lower(), label)


POINT_NAMES = {
    "result": "how it turned out", "the result": "how it turned out", "outcome": "how it turned out",
    "situation": "the situation", "example": "an example", "an example": "an example",
    "what i did": "what you did", "learned": "what you learned", "empathy": "some empathy",
    "verify": "a check of who's calling", "closing": "a proper close", "greeting": "a greeting",
    "next steps": "what happens next", "take ownership": "you taking ownership",
}


# --- key points as ideas, in plain words ----------------------------------------------------

# A key point is named as an idea ("how you'd stay calm", "anything about weekends"), never
# recited as a label for the candidate to say back. Labels that do not read as an idea by the
# rules below have their own words here.
IDEAS = {
    "first": "where you'd start", "limits": "any limits on your availability", "situation": "the situation",
    "result": "how it turned out", "example": "an example", "for example": "an example",
    "progress": "the progress you've made", "changed": "what changed", "values": "what you value",
    "value": "what it's worth to the customer", "kind": "kindness", "tone": "your tone", "ticket": "a ticket number",
    "my name": "your name", "my name is": "your name", "customer asks": "what the customer asked for",
    "fast-paced": "the fast pace", "extra": "the extra mile", "great": "what went well", "clear": "being clear",
    "available": "your availability", "strength": "your strengths", "experience": "your experience",
    "currently": "what you do now", "a month": "how long it took", "three years": "how long you've done it",
    "benefit": "what's in it for the customer", "express": "a faster option", "internet": "the connection",
    "the box": "the equipment", "the black cord": "the cables", "headset": "your setup", "sleep": "rest",
    "smile": "a smile in your voice", "gentle": "a gentle tone", "quickly": "speed", "notice": "some notice",
    "routine": "a routine", "plan": "a plan", "policy": "the policy", "feedback": "feedback", "report": "reporting it",
    "training": "training", "typing": "typing", "outage": "checking for an outage", "claim": "a claim",
    "refund": "a refund", "credit": "a credit", "replacement": "a replacement", "reship": "sending it again",
    "verify": "checking who's calling", "verify first": "checking who's calling first", "empathy": "some empathy",
    "ownership": "owning it", "own it": "owning it", "patience": "patience", "patient": "patience",
    "honest": "honesty", "be honest": "honesty", "reliable": "reliability", "organized": "being organised",
    "flexible": "flexibility", "stable": "stability", "polite": "politeness", "friendly": "friendliness",
    "confidence": "confidence", "recognition": "recognition", "listening": "listening", "listen": "listening",
    "what I did": "what you did", "learned": "what you learned", "hi": "a greeting", "the number": "the number",
    "in my seat": "getting to know the job", "problems I handled": "problems you've handled",
    "what I'm proud of": "what you're proud of", "what I want here": "what you want here",
    "what I do about it": "what you do about it", "what I can do": "what you can do",
    "what I could do": "what you could do", "my role": "your part in it", "my calls first": "your own calls first",
    "thank you Margaret": "thanking the customer by name", "yes I do": "a clear yes", "you'd get": "what they'd get",
    "you're right": "agreeing where they're right", "why this job": "why this job",
    "feel valued": "making the customer feel valued", "warning": "a warning", "yes that works": "a clear answer",
    "happy to": "that you're happy to do it", "the first time": "fixing it the first time", "on time": "being on time",
    "not just words": "meaning it, not just saying it", "team depends on me": "that the team depends on you",
    "this role has that": "why this role fits", "let me find out": "finding out for them",
    "blame the line": "saying the line is bad, not them", "no distractions": "a quiet place without distractions",
    "customers a day": "how many customers a day", "job title": "your job title",
    "with this company": "staying with this company", "team lead": "moving up, say to team lead",
    "good reputation": "the company's reputation", "your customers": "their customers",
    "researched the company": "what you found out about the company", "better fit": "why this is a better fit",
    "positive about my last job": "something good about your last job", "what does success look like": "what success looks like here",
    "customer service experience": "your customer service experience", "outside of work": "what you do outside work",
    "targets": "the targets", "a real weakness": "a real weakness", "working on it": "what you're doing about it",
    "evenings": "evenings", "weekends": "weekends", "holidays": "holidays", "attendance record": "your attendance",
    "quiet room": "a quiet room", "good team": "the team", "the team": "the team", "next steps": "what happens next",
    "tone of voice": "your tone of voice", "positive language": "positive language", "verbal cues": "what you hear in their voice",
    "knowledge base": "the knowledge base", "what carries over": "what carries over from your last job",
    "helps the customer": "how it helps the customer", "helps customers": "how it helps customers",
    "helps me improve": "how it helps you improve", "customer first": "putting the customer first",
    "customer experience": "the customer's experience", "customer satisfaction": "customer satisfaction",
    "customer happier": "a happier customer", "looking for growth": "room to grow", "looking forward": "what you're looking forward to",
    "solving problems": "solving problems", "average handle time": "average handle time", "talk time": "talk time",
    "learn": "that you want to learn", "confirmation": "a confirmation for the customer",
    "acknowledge": "acknowledging how they feel", "redirect": "steering the call back", "explain": "explaining it",
    "escalate": "passing it up when you need to", "apologize": "an apology", "document": "writing it up",
    "notes": "your notes", "comfortable": "that you're comfortable with it", "scorecard": "the scorecard",
    "shortcuts": "the shortcuts you use", "restart": "restarting it", "technician": "sending a technician",
    "breaks": "your breaks", "deadline": "the deadline", "practice": "practising", "unplug": "unplugging it",
    "warranty": "the warranty", "neighbors": "checking with the neighbours", "benefits": "the benefits",
    "offer": "what you'd offer them", "outside my authority": "what's outside your authority",
    "a strength for the phones": "a strength of yours that helps on the phones",
}
_IDEAS = {k.lower(): v for k, v in IDEAS.items()}
_ADJECTIVES = frozenset("""good happy comfortable calm patient friendly organized organised positive reliable
    flexible available fast quick honest proud clear""".split())
VERBS = frozenset("""enjoy like love help solve fix find learn grow move stay keep take let listen
    acknowledge apologize apologise explain check ask offer follow verify confirm compare steer get
    make become start give tell say show use work handle own treat thank put call send note
    prioritize prioritise plan meet hit set stick admit understand respect know accept adapt be blame
    care correct document escalate finish focus leave look politely put read redirect remember repeat
    report research restart shake share sit slow spell talk test track try unplug walk wait wrap""".split())
_PAST = frozenset("""apologized asked communicated explained figured found fixed helped listened looked
    prioritized solved stayed talked changed learned""".split())
_ME_TO_YOU = {"i": "you", "i'm": "you're", "i'd": "you'd", "i'll": "you'll", "i've": "you've",
              "me": "you", "my": "your", "myself": "yourself", "am": "are", "we": "you"}


# A word after which a label's first word is a verb taking its object ("book an engineer",
# "reassure them"; after a particle, "pull up your account"), whether or not it is in VERBS...
_OBJECT_STARTS = frozenset("""a an the them him her it its their his your my our some any this that these
    those""".split())
_PARTICLES = frozenset("up back out down off over".split())
# ...unless that first word is one of these, or a question word, a preposition ("at the moment",
# "for the trouble"), a helping verb ("is this", "have a great day") or a word that often leads
# a noun phrase ("just a minute", "worth it").
_NO_VERB = _OBJECT_STARTS | frozenset("""what how when where why which who whose anything something
    everything nothing all every each no not one two three at in on for after before within around past
    over outside above under with without from of to by during into about through until since if as
    is are was were am be been do does did have has had can could will would should may might must
    just so very really too only worth lost felt heard thought knew""".split())


def starts_with_verb(words: Sequence[str]) -> bool:
    """Whether a label reads as an action: its first word a verb we know, or a plain verb followed
    by its object ("book an engineer", "reassure them"). Not a word ending as a verb's other forms
    do ("makes the caller", "dollars a month", "checking the line"), nor a past tense ("lost a day":
    what happened, not what to do)."""
    if not words:
        return False
    first = words[0]
    if first in VERBS:
        return True
    other_form = first.endswith(("ing", "ed", "ly")) or (first.endswith("s") and not first.endswith("ss"))
    rest = words[2:] if len(words) > 2 and words[1] in _PARTICLES else words[1:]
    return (bool(rest) and rest[0] in _OBJECT_STARTS and first.isalpha() and first not in _NO_VERB
            and not other_form and first not in PAST_IRREGULAR)


def as_you(phrase: str) -> str:
    return " ".join(_ME_TO_YOU.get(w.lower(), w) for w in phrase.split())


_CLAUSE_STARTS = ("that ", "how ", "what ", "what's ", "where ", "why ", "when ", "whether ", "something ", "about ")


def idea(label: str, kind: str = "general") -> str:
    """A key point as an idea in plain words, to follow "I didn't hear ..." or "You told me ...":
    "how you'd stay calm", "that you enjoy helping people", "how you apologized", "about weekends"."""
    low = label.strip().lower()
    if not low:
        return ""
    if low in _IDEAS:
        found = _IDEAS[low]
        return found if found.startswith(_CLAUSE_STARTS) else "about " + found
    words = low.split()
    if words[0] in ("i", "i'm", "i'll", "i'd", "i've", "we"):
        return f"something like \"{label.strip()}\""
    if words[0] in ("don't", "never", "not", "no"):
        return "that you " + as_you(low) if words[0] != "not" else as_you(low)
    if words[0] in _PAST:
        return "how you " + as_you(low)
    if words[0] in _ADJECTIVES:
        return "that you're " + as_you(low)
    if words[0].endswith("ing") and words[0] not in VERBS:
        return "about " + as_you(low)
    if starts_with_verb(words):
        if kind == "general":
            return "that you " + as_you(low)
        return ("how you " if kind == "behavioral" else "how you'd ") + as_you(low)
    return "about " + as_you(low)
