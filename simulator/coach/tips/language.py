"""Tips on call-center language (empathy, ownership, positive words, red flags) and on handling
a call (greeting, verification, next steps, closing)."""

from __future__ import annotations

from ...scoring.flags import PRACTICE_NOTE
from ...scoring.overall import tells_no_story
from ...types import Coverage, Evidence, EvidenceKind, Metric, QuestionKind, RedFlag, Severity
from ..context import Context, labels_of
from ..phrasing import and_list, quoted
from .registry import writes


def _a_story(c: Context) -> bool:
    """An interview answer to a "tell me about a time" question: told in the past, of what you did."""
    return not c.roleplay and c.question.kind is QuestionKind.BEHAVIORAL


# ...so a story's ownership target is what you did, not "I will" (the tip asks for "I..." one thing
# you did in each sentence, and its "Aim for" said "'I will', 'let me'").
STORY_OWNERSHIP_TARGET = "say what you did yourself: 'I checked', 'I rang them back'"


def ownership_target(m: Metric, c: Context) -> str | None:
    """The target of an ownership tip on a story; None elsewhere (the area's own)."""
    return STORY_OWNERSHIP_TARGET if m.name == "ownership" and _a_story(c) else None


@writes("empathy")
def empathy(m: Metric, c: Context) -> str | None:
    if not c.transcript.text.strip():
        return None
    if _a_story(c):
        told = "answer" if tells_no_story(c.metrics.get("structure")) else "story"
        # "in your story" last: after the question ('When I asked "...handle it?" in your story, I
        # didn't hear') it read as part of the question
        return (f"I didn't hear how you acknowledged the customer's feelings in your {told}. Tell me what you "
                f"said to calm them, such as \"I told her I was sorry and I could see why she was upset.\" For "
                f"next time, add that one line to your story.")
    # On a call the whole reply is short: quote it. In an interview answer, the opening says nothing
    # about the empathy that is missing, so no quote.
    said = f" {c.quote_back(c.opening())}" if c.roleplay else ""
    return (f"I didn't hear you acknowledge how the customer felt.{said} A caller needs to feel heard before "
            f"the fix, and one line is enough: \"I understand, that's frustrating\" to an upset caller, \"Of "
            f"course, I can help with that\" to a calm one. For next time, write three lines like that you're "
            f"comfortable saying, and use one in your next practice.")


@writes("ownership")
def ownership(m: Metric, c: Context) -> str | None:
    if not c.transcript.text.strip():
        return None
    if _a_story(c):
        # a story is told in the past tense: "I'll..." is advice for a call, not for a story
        told = "answer" if tells_no_story(c.metrics.get("structure")) else "story"
        return (f"I didn't hear what you did yourself in your {told}. Interviewers listen for \"I\": who you "
                f"rang, what you checked, what you sorted out, not only what happened or what the team did. For "
                f"next time, tell the middle of your story as \"I...\", one thing you did in each sentence.")
    opening = c.opening() if c.roleplay else ""
    # On a call the tip is about one reply (another may have owned it): said of that line, not the call.
    lead = (f"{c.quote_back(opening, end=',')} but I didn't hear what you'd do about it." if opening
            else "I didn't hear you take ownership.")
    return (f"{lead} Customers and interviewers both want to know who's "
            f"handling it, so say what you'll do: \"I'll look into it now\", \"Let me sort that out.\" For "
            f"next time, end each answer with what you'll do next, starting with \"I'll...\"")


def _asked_for(e: Evidence, c: Context) -> bool:
    """Whether a "can't" is a key point the question asks for: "The only thing I can't do is
    Tuesday mornings" names the limit the availability question wants (its point `limits`), and
    is no caller to be told what can be done instead."""
    points = c.metrics.get("key_points")
    said = [k.quote for k in (points.evidence if points else ()) if k.kind is EvidenceKind.KEY_POINT
            and k.coverage is Coverage.COVERED and k.quote]
    return any(k in e.quote or e.quote in k for k in said)


_FLAG_FAMILIES = frozenset(f.value for f in RedFlag)


def _cant_phrase(e: Evidence, c: Context) -> bool:
    """A negative phrase this tip's advice fits ("I can't do that", "you'll have to"): not a red flag
    counted here too ("I hated the silence": the professionalism tip speaks of it, in its own words),
    nor a limit the question asks for."""
    return e.kind is EvidenceKind.NEGATIVE and bool(e.quote) and e.label not in _FLAG_FAMILIES and not _asked_for(e, c)


def _only_negativity(m: Metric, c: Context) -> Evidence | None:
    """The plain negativity quoted when no "can't" phrase of this tip's advice was heard, else None."""
    if any(_cant_phrase(x, c) for x in m.evidence):
        return None
    return next((x for x in m.evidence if x.kind is EvidenceKind.NEGATIVE and x.quote
                 and x.label == RedFlag.NEGATIVITY.value), None)


@writes("positive_language")
def positive_language(m: Metric, c: Context) -> str | None:
    mild = _only_negativity(m, c)
    if mild:  # "I hated the silence" is all it heard: that red flag's advice, not "can't"
        return _flag_tip(mild, RedFlag.NEGATIVITY, c)
    cant = [x for x in m.evidence if _cant_phrase(x, c)]
    if not cant:
        return None
    e = c.first_quote(m, EvidenceKind.NEGATIVE)
    if e is None or not _cant_phrase(e, c):
        e = cant[0]
    return (f"{c.quote_back(c.phrase(e), e)} A customer hears the \"can't\" and stops listening. Say what you "
            f"can do instead: \"What I can do is...\" For next time, take three \"I can't\" sentences from "
            f"your practice and turn each into \"What I can do is...\"")


# What each red flag tells an interviewer, and what to say instead. Said kindly and plainly: this
# would end a real interview, so it comes before anything else.
RED_FLAG_ADVICE = {
    RedFlag.CONTEMPT: ("That's how you'd be talking about the people you'd be helping, and in a real interview it "
                       "would end things there.",
                       "Talk about callers the way you'd want them to hear it: \"Some callers are frustrated, "
                       "and I understand why.\""),
    RedFlag.BLAME: ("Speaking badly of a past manager or colleague would end most interviews: I'd wonder what "
                    "you'd say about us.",
                    "Say what you learned there and what you're looking for now: \"I learned a lot, and I'm "
                    "ready for...\""),
    RedFlag.DISMISSIVE: ("Brushing off an upset caller is the opposite of this job, and in a real interview it "
                         "would end things there.",
                         "Say what you'd do for them instead: \"I'm sorry this happened. Let me sort it out.\""),
    RedFlag.REFUSAL: ("Turning down the job's basic hours or duties would end a real interview.",
                      "If you have a real limit, name it and everything you can do: \"I can work any shift "
                      "except Sunday mornings.\""),
    RedFlag.MONEY: ("Saying it's only for the money, or an easy job, would end a real interview: I'd expect you "
                    "to leave at the first chance.",
                    "Tell me what draws you to the work itself; the pay can be part of it, not all of it."),
    RedFlag.DISHONESTY: ("That sounds like bending the truth, and honesty is the one thing a call center can't "
                         "train, so it would end a real interview.",
                         "Say what you'd do that's above board: \"I'd ask my supervisor.\""),
    RedFlag.PROFANITY: ("Please keep the language clean, even in practice; it slips out under pressure.",
                        "Say that sentence again with a clean word in its place."),
    RedFlag.NEGATIVITY: ("I'd keep the negativity out of an interview: what you disliked is what I'd remember.",
                         "Say what you're looking for instead: \"I want a job where...\""),
}


# The same, for a line said to a caller on a role-play call: what the caller would feel on hearing
# it, and a better line to say to them (the interview wording, "how you'd be talking about the people
# you'd be helping", reads as if the line were about callers, not to one).
CALL_RED_FLAG_ADVICE = {
    RedFlag.CONTEMPT: ("A caller hearing that would feel doubted or talked down to, just when they need your help.",
                       "Take them at their word and move to the fix: \"Thanks for checking. Let me look into it "
                       "for you.\""),
    RedFlag.BLAME: ("A caller hearing you blame a colleague or another team would trust the whole company less.",
                    "Own it for the company: \"I'm sorry about that. Let me put it right for you.\""),
    RedFlag.DISMISSIVE: ("A caller hearing that would feel brushed off, just when they need your help.",
                         "Say what you'll do for them instead: \"I'm sorry this happened. Let me sort it out.\""),
    RedFlag.REFUSAL: ("A caller hearing a flat no would feel there's nowhere left to go.",
                      "Tell them what you can do: \"What I can do today is...\""),
    RedFlag.MONEY: ("A caller hearing that would feel they're only a job to you.",
                    "Keep the call about them: \"Let's get this sorted for you.\""),
    RedFlag.DISHONESTY: ("Telling a caller something that isn't true comes back on them, and on you.",
                         "Tell them only what you know, and what you'll find out: \"I'll check that and call "
                         "you back.\""),
    RedFlag.PROFANITY: ("A caller should never hear that word, even when the call is hard.",
                        "Say that sentence again with a clean word in its place."),
    RedFlag.NEGATIVITY: ("A caller hearing that would feel worse, not helped.",
                         "Tell them what you can do: \"What I can do is...\""),
}


# A refusal of what the job is ("I wouldn't apologise"), not of its hours: said as kindly and
# as plainly, with what to say instead (`scoring.refusal`).
PRACTICE_ADVICE = ("Saying you won't do a basic part of the job, like listening, apologising or following up, "
                   "would end a real interview.",
                   "Tell me what you would do instead: \"I'd let them finish, say I'm sorry, and sort it out "
                   "for them.\"")
PRACTICE_TARGET = "what you would do for the caller, not what you won't"
# ...and to "Why do you want to work in a call center?" ("I don't really enjoy helping people"): no
# caller to let finish, so what to say instead is what you do like about the work (a walkthrough's
# motivation answer was told "I'd let them finish, say I'm sorry, and sort it out for them").
MOTIVE_ADVICE = ("Saying you don't want what this job is about would end a real interview.",
                 "Tell me what you do like about the work instead, with one real moment that shows it.")
# ...and its target: "what you would do for the caller" fits a call, not "Why do you want this job?"
MOTIVE_TARGET = "what you do like about the work, not what you don't"


def _refuses_practice(e: Evidence | None) -> bool:
    return e is not None and e.label == RedFlag.REFUSAL.value and e.note == PRACTICE_NOTE


# Of several red flags, a tip quotes the first said, unless it is only about money: "the money is
# good" is the mildest thing a recruiter would stop at, beside contempt for customers or a caller
# brushed off.
MILDEST = RedFlag.MONEY.value


def gravity(m: Metric) -> int:
    """0 when an answer has a red flag graver than money talk, 1 when money talk is its only one,
    2 with none: of two answers scored alike, the session's tip is about the graver one."""
    labels = {e.label for e in m.evidence if e.kind is EvidenceKind.RED_FLAG}
    return 2 if not labels else 1 if labels == {MILDEST} else 0


# What a professionalism tip aims for, by the red flag it quotes (the area's own target, "no
# blaming, put-downs or dismissive phrases", says nothing to a candidate who turned down weekends).
FLAG_TARGETS = {
    RedFlag.REFUSAL: "name a real limit once, then everything you can do",
    RedFlag.MONEY: "a reason for wanting the work itself, beyond the pay",
    RedFlag.DISHONESTY: "what you'd do that's above board",
    RedFlag.PROFANITY: "clean language, even in practice",
    RedFlag.NEGATIVITY: "what you're looking for, not what you disliked",
}


def _flag_quoted(m: Metric, c: Context | None = None) -> tuple[Evidence | None, RedFlag]:
    """The red flag a professionalism tip quotes, and its family: money talk last, wherever it
    was said (contempt for customers before "the money is good")."""
    severe = [e for e in m.evidence if e.kind is EvidenceKind.RED_FLAG and e.quote and e.severity is Severity.SEVERE]
    severe.sort(key=lambda e: e.label == MILDEST)
    e = severe[0] if severe else (c.first_quote(m) if c is not None else None)
    labelled = e is not None and e.kind is EvidenceKind.RED_FLAG and e.label in _FLAG_FAMILIES
    return e, RedFlag(e.label) if labelled else RedFlag.NEGATIVITY


def _motive(c: Context) -> bool:
    """A refusal said to a motivation question ("Why a call center?"), not on a call: its advice is
    what you like about the work (`MOTIVE_ADVICE`)."""
    return not c.roleplay and c.question.category == "motivation"


def flag_target(m: Metric, c: Context) -> str | None:
    """The target of a professionalism tip on this metric, when its red flag has one of its own;
    a refusal's fits the question, as its advice does."""
    if m.name == "positive_language":
        return FLAG_TARGETS[RedFlag.NEGATIVITY] if _only_negativity(m, c) else None
    if m.name != "professionalism":
        return None
    e, family = _flag_quoted(m)
    if _refuses_practice(e):
        return MOTIVE_TARGET if _motive(c) else PRACTICE_TARGET
    return FLAG_TARGETS.get(family)


@writes("professionalism")
def professionalism(m: Metric, c: Context) -> str | None:
    """The offending clause quoted back, what it tells an interviewer, and what to say instead."""
    e, family = _flag_quoted(m, c)
    return None if e is None else _flag_tip(e, family, c)


def _flag_tip(e: Evidence, family: RedFlag, c: Context) -> str:
    point, instead = (CALL_RED_FLAG_ADVICE[family] if c.roleplay else
                      (MOTIVE_ADVICE if _motive(c) else PRACTICE_ADVICE)
                      if _refuses_practice(e) else RED_FLAG_ADVICE[family])
    return (f"{c.quote_back(c.phrase(e), e)} {point} {instead} For next time, say the better line out loud "
            f"until it comes first.")


@writes("greeting")
def greeting(m: Metric, c: Context) -> str | None:
    have = set(labels_of(m, EvidenceKind.PART, Coverage.COVERED))
    names = {"greeting": "a hello", "name": "your name", "company": "the company's name"}
    missing = [names[p] for p in ("greeting", "name", "company") if p not in have]
    if not missing:
        return None
    opening = c.opening()
    opened = "On the call, you opened" if c.in_session else "You opened"
    opened = f"{opened} with {quoted(opening, end=',')} and I" if opening else "I"
    return (f"Open the call with a hello, your name and the company. {opened} missed {and_list(missing)}. Try: \"Thank you for calling Acme, my name is Sam. How can I help "
            f"you today?\" For next time, say your greeting five times, until it comes out on its own.")


@writes("verification")
def verification(m: Metric, c: Context) -> str | None:
    return (f"You didn't check who I was. {c.quote_back(c.opening())} Before you look at an account, "
            f"verify the caller: \"Can I take your account number and the name on the account?\" For next "
            f"time, ask that early in every practice call.")


def _heard(m: Metric) -> list[str]:
    """The area's phrases the candidate said, as said."""
    return [e.quote or e.label for e in m.evidence if e.kind is EvidenceKind.PHRASE and e.coverage is Coverage.COVERED]


@writes("next_steps")
def next_steps(m: Metric, c: Context) -> str | None:
    heard = _heard(m)
    if heard:  # one step said: ask for the rest, never "I didn't hear"
        return (f"You told the customer one thing that happens next: {quoted(heard[0])} Make it the whole "
                f"picture, what you'll do and when they'll see it: \"I've put that through, and you'll see it "
                f"within two working days.\" For next time, end your fix with what you'll do, and when.")
    return (f"I didn't hear what happens next. {c.quote_back(c.ending())} Give the customer one clear next "
            f"step and a time frame: \"I've put that through, and you'll see it within two working days,\" or "
            f"what to do if it happens again. For next time, end your fix with what you'll do, and when.")


@writes("closing")
def closing(m: Metric, c: Context) -> str | None:
    heard = _heard(m)
    offered = any("anything else" in h.lower() for h in heard)
    thanked = any("thank" in h.lower() for h in heard)
    if heard and (offered or thanked):  # half a closing: ask for the other half
        missing = "thank the caller: \"Thank you for calling.\"" if offered else \
            "offer more help: \"Is there anything else I can help you with today?\""
        return (f"You closed the call with {quoted(heard[0])} That's good; also {missing} For next time, "
                f"practise the whole closing until it comes out on its own.")
    ending = c.ending()
    where = "At the end of the call" if c.in_session else "At the end"
    said = f"{where} you said {quoted(ending)}" if ending else ""
    return (f"Close the call properly. {said} Offer more help and thank the "
            f"caller: \"Is there anything else I can help you with today? Thank you for calling.\" For next "
            f"time, practise that closing line until it comes out on its own.")
