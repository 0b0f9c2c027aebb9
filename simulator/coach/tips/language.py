"""Tips on call-center language (empathy, ownership, positive words, red flags) and on handling
a call (greeting, verification, next steps, closing)."""

from __future__ import annotations

from ...types import Coverage, EvidenceKind, Metric, QuestionKind, RedFlag
from ..context import Context, first_quote, labels_of
from ..phrasing import and_list, quoted
from .registry import writes


@writes("empathy")
def empathy(m: Metric, c: Context) -> str | None:
    if not c.transcript.text.strip():
        return None
    if not c.roleplay and c.question.kind is QuestionKind.BEHAVIORAL:
        return (f"In your story, I didn't hear how you acknowledged the customer's feelings. {c.said()} "
                f"{quoted(c.opening())} Tell me what you said to calm them, such as \"I told her I was sorry and "
                f"I could see why she was upset.\" For next time, add that one line to your story.")
    return (f"I didn't hear you acknowledge how the customer felt. {c.said()} {quoted(c.opening())} An upset "
            f"caller needs to feel heard before the fix, and one line is enough: \"I'm sorry, I can see how "
            f"frustrating that is.\" For next time, write three lines like that you're comfortable saying, "
            f"and use one in your next practice.")


@writes("ownership")
def ownership(m: Metric, c: Context) -> str | None:
    if not c.transcript.text.strip():
        return None
    return (f"I didn't hear you take ownership. {c.said()} {quoted(c.opening(), end=',')} but not \"I will\" or "
            f"\"let me\". Customers and interviewers both want to know who's handling it. For next time, end "
            f"each answer with what you'll do next, starting with \"I'll...\"")


@writes("positive_language")
def positive_language(m: Metric, c: Context) -> str | None:
    e = first_quote(m, EvidenceKind.NEGATIVE)
    if e is None:
        return None
    return (f"{c.said(e)} {quoted(c.phrase(e))} A customer hears the \"can't\" and stops listening. Say what you "
            f"can do instead: \"What I can do is...\" For next time, take three \"I can't\" sentences from "
            f"your practice and turn each into \"What I can do is...\"")


@writes("professionalism")
def professionalism(m: Metric, c: Context) -> str | None:
    e = first_quote(m)
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
    return f"{c.said(e)} {quoted(c.phrase(e))} {point} For next time, {drill}"


@writes("greeting")
def greeting(m: Metric, c: Context) -> str | None:
    have = set(labels_of(m, EvidenceKind.PART, Coverage.COVERED))
    names = {"greeting": "a hello", "name": "your name", "company": "the company's name"}
    missing = [names[p] for p in ("greeting", "name", "company") if p not in have]
    if not missing:
        return None
    opened = "On the call, you opened" if c.in_session else "You opened"
    return (f"Open the call with a hello, your name and the company. {opened} with {quoted(c.opening(), end=',')} "
            f"and I missed {and_list(missing)}. Try: \"Thank you for calling Acme, my name is Sam. How can I help "
            f"you today?\" For next time, say your greeting five times, until it comes out on its own.")


@writes("verification")
def verification(m: Metric, c: Context) -> str | None:
    return (f"You didn't check who I was. {c.said()} {quoted(c.opening())} Before you look at an account, "
            f"verify the caller: \"Can I take your account number and the name on the account?\" For next "
            f"time, ask that early in every practice call.")


@writes("next_steps")
def next_steps(m: Metric, c: Context) -> str | None:
    return (f"I didn't hear what happens next. {c.said()} {quoted(c.ending())} Give the customer one clear next "
            f"step and a time frame: \"I've put the refund through, and you'll see it in three to five working "
            f"days.\" For next time, end your fix with what you'll do, and when.")


@writes("closing")
def closing(m: Metric, c: Context) -> str | None:
    where = "At the end of the call" if c.in_session else "At the end"
    return (f"Close the call properly. {where} you said {quoted(c.ending())} Offer more help and thank the "
            f"caller: \"Is there anything else I can help you with today? Thank you for calling.\" For next "
            f"time, practise that closing line until it comes out on its own.")
