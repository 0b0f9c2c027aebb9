"""Cheating the caller or the numbers with nothing admitted in words: a pretence, or a record set
against what happened.

Call-center cheating is told as a knack, not confessed: "you're breaking up, click", "I put on a
deeper voice and say I'm the team leader", "tell them our system's down and to ring back tomorrow",
"you code half your calls as resolved whatever happened", "sit in aux when the queue's mental". The
sentence model hears the subject (a bad line, a supervisor, an outage, a wrap code, not-ready) and
finds the professional sentences on it just as near: an honest agent's line really breaks up, and
she rings back; she asks a real supervisor; she uses not-ready for a real note. What makes it
cheating is the shape of the sentence, read here: the candidate's own pretending; a bad line with
the call ended and no call back by the candidate; an outage told on a condition of the call, the caller
sent away and no call back; a record marked whatever happened; not-ready taken when the queue is busy; an act done so the
call comes off one's own numbers; a caller asked for a top score. Each reading has its guard: a
denial in its own phrase ("I'd never pretend"), role-play in training, an honest record ("the wrap
code that matches what actually happened"), the candidate's own call back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import RedFlag
from .clauses import Clause, denials_of, mostly_theirs
from .flag_meaning import FlagMatch
from .untruths import own_phrase

_I = re.IGNORECASE
# The candidate pretending, to a caller: "I pretend my headset's playing up", "make out I can't
# hear", "put on a deeper voice", "say I'm the team leader". Not in training ("we pretend to be
# customers in role-play"), which `TRAINING` guards.
PRETEND = re.compile(r"\b(?:pretend(?:s|ed|ing)?|mak(?:e|es|ing) out|made out|put(?:s|ting)? on (?:a|my|an) (?:\w+ )?voice"
                     r"|(?:say|said|tell (?:them|him|her)|claim(?:ed)?) (?:that )?I(?:'m| am| was) (?:the|a|their|your) "
                     r"(?:\w+ )?(?:supervisor|manager|team ?leader|boss))\b", _I)
# Not a pretence: saying one cannot or will not pretend ("I find it hard to pretend everything's
# fine", "I'm rubbish at pretending", "I won't pretend I know every product").
CANNOT = re.compile(r"\b(?:can't|cannot|can not|won't|wouldn't|don't|never|not going to|hard to|rubbish at|bad at"
                    r"|no good at|not good at|terrible at|hate|struggle to|refuse to)\s+(?:\w+\s+)?$", _I)
TRAINING = re.compile(r"\b(?:role[- ]?play\w*|training|trainer|practi[cs]e|game|acting)\b", _I)
# A reply that fetches a supervisor and then speaks as one: "I'll get my supervisor. ... Hi, this
# is Mark, the supervisor."
FETCHED = re.compile(r"\b(?:get|fetch|grab|find|ask) (?:my|a|the) (?:supervisor|manager|team ?leader)\b", _I)
SPEAKS_AS = re.compile(r"\bthis is \w+,? (?:the|your) (?:\w+ )?(?:supervisor|manager|team ?leader)\b", _I)
# A bad line, then the call ended by the candidate: "you're breaking up, click", "'hello? I can't
# hear you' and cut him off". An honest agent rings back ("I called him straight back").
BAD_LINE = re.compile(r"\b(?:breaking up|can'?t hear (?:you|a thing)|losing you|bad line|crackl\w*"
                      r"|line(?:'s| is) (?:terrible|awful|bad|breaking))", _I)
ENDED = re.compile(r"\b(?:cut (?:him|her|them|you|it) off|drop(?:ped|ping)? the (?:call|line)|hang up|end(?:ed)? the call"
                   r"|click|put the phone down|lose the line)\b", _I)
OWN_CALL_BACK = re.compile(r"\b(?:I|we)(?:'ll|'d| will| would)? (?:\w+ )?(?:call|ring|phone|called|rang|phoned) (?:\w+ )?"
                           r"(?:straight |right )?back\b", _I)
# A hang-up disguised as the caller's: "it looks like their end dropped", "it counts as a short call".
DISGUISED = re.compile(r"\blooks? (?:like|as if) (?:their|his|her|the (?:caller|customer)'s) (?:end|line|side|phone)"
                       r"|\bcounts? as a (?:short|dropped) call|\bso (?:that )?it looks (?:like|as if)"
                       r"|\bmak(?:e|es|ing) (?:it|them|that) look (?:like|as if)", _I)
# An outage told to the caller on a condition of the call, which makes it made up: "if it's too
# technical I'd say our systems are down", "if someone's got a complicated billing thing I just tell
# them our system's down". An outage only named ("I'm sorry, our systems are down, could you call
# back?"; "if the system's down I ask them to call back") may be true: nothing in the words says
# otherwise, and a weak answer is no lie. Not when the candidate keeps the case or calls back.
DOWN = r"(?:system|systems|computer|computers|network)(?:'s| is| are|'re)? (?:just |all )?(?:down|gone down|crashed|not working)\b"
OUTAGE = re.compile(r"\b(?:tell|told|say|said|claim(?:ed)?|make out)(?: (?:them|him|her|the caller|the customer))?"
                    r"(?: that)? (?:our |the |my )?" + DOWN, _I)
# On a call in role-play the scene is the caller's line: an outage the line never names is made up
# ("I'm so sorry, the system's just gone down so I can't do anything else today. You'll have to call
# back another day" to a caller who wants a supervisor).
NAMED_OUTAGE = re.compile(r"\b" + DOWN, _I)
SCENE_OUTAGE = re.compile(r"\b(?:system|systems|computer|computers|network|down|outage|offline|crash\w*)\b|not working", _I)
ON_A_CONDITION = re.compile(r"\b(?:if|when|whenever|once)\b", _I)
SENT_AWAY = re.compile(r"\b(?:ring|call|try)(?:ing)? (?:us )?(?:back|again)\b|\btry tomorrow\b|\banother (?:time|day)\b", _I)
KEPT = re.compile(r"\b(?:keep|leave|kept|left) (?:your|the|their|her|his) (?:case|ticket) open|\btook (?:her|his|their|your) number"
                  r"|\breally (?:was|is|were|did)\b", _I)
# A record set whatever happened: "code half your calls as resolved whatever happened", "close the
# case before they've even tested the fix", "tick satisfied on the ones that don't come back".
MARKED = re.compile(r"\b(?:I|you|we|just|and|only)\s+(?:just\s+|only\s+)?(?:mark|tick|code|close|log)(?:s|ed|ing)?\b"
                    r"|\bmarking\b|\bticking\b", _I)
CONTRARY = re.compile(r"\bwhatever happened|\bregardless\b|\beven (?:if|when|though) (?:it's |it is |it was |you |they |I )?"
                      r"(?:not|just|haven't|didn't|never)\b|\bbefore (?:they|the caller|the customer)(?:'ve| have)? even\b"
                      r"|\b(?:don't|didn't|never) come back\b|\bthe grumpy\b|\bthe unhappy\b|\bso it looks\b", _I)
HONEST_RECORD = re.compile(r"\b(?:accurate\w*|honest\w*|truthful\w*|actually happened|really happened|matches)\b", _I)
# Not-ready, aux or wrap-up taken to dodge the queue: "flick yourself to aux when the queue's
# mental", "leave the phone in wrap-up so I don't get a long one".
STATUS = re.compile(r"\b(?:aux|not ready|wrap[- ]?up|after[- ]call work|log(?:ged)? (?:off|out))\b", _I)
DODGE = re.compile(r"\bwhen (?:the queue|it)(?:'s| is| gets)? (?:\w+ )?(?:busy|mental|mad|crazy|manic|heaving)\b"
                   r"|\bso (?:that )?I don't (?:get|take|have to take)\b|(?<!when )(?<!if )\bnobody (?:really )?checks\b"
                   r"|\bfor ages\b|\bqueue sorts itself\b", _I)
# An act done to take the call off one's own numbers or hands: "send them to another department
# so they come off your handle time", "the wrong queue on purpose... it's not my call any more".
OFFLOADED = re.compile(r"\bso (?:they|it) comes? off (?:my|your) (?:handle time|stats|numbers|figures)"
                       r"|\bnot my (?:call|problem) any ?more\b|\bwrong \w+ on purpose\b"
                       r"|\bso I don't get (?:a|another) (?:long|hard|tough|difficult|awkward) (?:one|call)", _I)
LONG_ONE = re.compile(r"\bif it(?:'s| is) going to be a (?:long|hard|tough) (?:one|call)\b", _I)
PASSED_ON = re.compile(r"\b(?:put (?:it|them|him|her) through|transfer\w*|pass (?:it|them) on|let them deal with it)\b", _I)
# A caller asked for the top score: "just tick five stars, it helps me out".
TOP_SCORE = re.compile(r"\b(?:tick|give|put|rate|score)\s+(?:me\s+|us\s+|it\s+)?(?:five|5|ten|10|top|full)\s*"
                       r"(?:stars?|out of|marks)\b", _I)


def pretences(clauses: Sequence[Clause], theirs: frozenset[int] = frozenset(), line: str | None = None) -> list[FlagMatch]:
    """The first sentence of the answer that cheats the caller or the numbers by its shape (see the
    module's doc), not denied in its own phrase and not mostly someone else's words: a dishonesty
    red flag quoting it. `line`: on a call, the caller's line the reply answers."""
    sentences = sorted((c for c in clauses if c.sentence), key=lambda c: c.start)
    whole = " ".join(s.text for s in sentences)
    called_back = bool(OWN_CALL_BACK.search(whole))
    for k, s in enumerate(sentences):
        if mostly_theirs(s, theirs):
            continue
        nxt = sentences[k + 1].text if k + 1 < len(sentences) else ""
        found = _reading(s.text, nxt, whole, called_back, line)
        if found is not None and not any(denials_of(own_phrase(s.text[:found.start()]))):
            return [FlagMatch(s, RedFlag.DISHONESTY, 1.0, found.group(0))]
    return []


def _reading(text: str, nxt: str, whole: str, called_back: bool, line: str | None = None) -> re.Match | None:
    m = PRETEND.search(text)
    if m and not TRAINING.search(whole) and not CANNOT.search(text[:m.start()]):
        return m
    m = SPEAKS_AS.search(text)
    if m and FETCHED.search(whole[:whole.find(m.group(0))]):
        return m
    m = BAD_LINE.search(text)
    if m and (ENDED.search(text[m.end():]) or ENDED.search(nxt)) and not called_back:
        return m
    m = DISGUISED.search(text)
    if m:
        return m
    m = OUTAGE.search(text)
    if m is None or not ON_A_CONDITION.search(text[:m.start()]):
        m = NAMED_OUTAGE.search(text) if line is not None and not SCENE_OUTAGE.search(line) else None
    if m and (SENT_AWAY.search(text[m.end():]) or SENT_AWAY.search(nxt)) \
            and not called_back and not KEPT.search(whole):
        return m
    m = MARKED.search(text)
    if m and CONTRARY.search(text) and not HONEST_RECORD.search(text):
        return m
    m = STATUS.search(text)
    if m and DODGE.search(text):
        return m
    m = OFFLOADED.search(text)
    if m:
        return m
    m = LONG_ONE.search(text)
    if m and PASSED_ON.search(text[m.end():]):
        return m
    return TOP_SCORE.search(text)
