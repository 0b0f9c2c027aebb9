"""A role-play key point as what the agent does for the caller, in plain words, to follow
"I didn't hear you ...": "offer a cheaper plan", "say when the money will be back". Never the
bank's label recited as a line to say back."""

from __future__ import annotations

from ..scoring import lexicon as lx
from ..scoring.text import Doc
from ..types import Transcript
from .phrasing import as_you, starts_with_verb

INTRODUCTIONS = lx.rx(r"my name", r"this is", r"you are speaking")  # the greeting's tip says these better


def call_handling(label: str) -> bool:
    """A key point that is a call-handling phrase ("anything else I can help with"): on a call
    its own tip and praise (closing, greeting...) say it better."""
    doc = Doc(Transcript.typed(label))
    return bool(doc.find_all(lx.GREETING + lx.CLOSING + lx.VERIFICATION + lx.NEXT_STEPS + INTRODUCTIONS))

# The bundled calls' points, by label (their first phrasing), as the caller would miss them.
# A label not here is read by the rules in `line_idea`.
LINE_IDEAS = {
    "i'm sorry": "say sorry", "i'm so sorry": "say sorry", "i apologize": "say sorry",
    "i understand": "show them you understand how they feel", "i can help": "tell them you can help",
    "i can help with that": "tell them you can help", "look into it": "say you'll look into it",
    "verify": "check it's really them on the account", "refund": "confirm the refund",
    "three to five days": "say when they'll see it", "confirmation": "offer them a confirmation",
    "make sure it doesn't happen again": "say how you'll stop it happening again",
    "may i ask": "ask how they use the service", "cheaper plan": "offer a cheaper plan",
    "three years": "thank them for their years with you", "the price": "tell them the price",
    "no contract": "say whether there's a contract", "would you like": "offer to switch them",
    "starting today": "say when the change starts", "thank you for staying": "thank them for staying",
    "don't worry": "tell her it isn't her fault", "thank you margaret": "use her name",
    "the box": "tell her what the box is", "step by step": "promise to go one step at a time",
    "unplug": "give her the first step", "the black cord": "tell her which cord it is",
    "take your time": "tell her there's no rush", "tell me when": "ask her to tell you what she sees",
    "wait a minute": "say how long to wait before plugging it back in", "great": "tell her she did well",
    "if it happens again": "say what to do if it happens again",
    "two days off work": "acknowledge the two days they took off work",
    "earliest appointment": "offer the earliest appointment", "credit": "offer something for the trouble",
    "notes on the account": "say you'll note it all on the account",
    "am i speaking with": "check who you're speaking with", "the reason for my call": "say why you're calling",
    "i'll be quick": "respect that they're busy", "faster internet": "say what the call is about",
    "ask a question": "ask a question about how they use the internet",
    "good time": "offer to call back at a better time", "a month": "tell them what it costs a month",
    "you'd get": "say what they'd get for it", "of course": "accept their answer without pressure",
    "call you back": "offer to send the details or follow up", "thirty days": "explain the thirty-day limit",
    "warranty": "mention the warranty", "what i can do": "say what you can do",
    "you're right": "agree where they're right", "replacement": "offer a replacement",
    "check with my supervisor": "offer to check with your supervisor", "honest": "be honest about what's possible",
    "business days": "say how long it will take", "return label": "mention the return label",
    "check the tracking": "check the tracking", "neighbors": "suggest checking with the neighbours",
    "reship": "offer to send it again", "express": "offer faster delivery", "before saturday": "get it there before Saturday",
    "claim": "open a claim", "tracking number": "give them the new tracking number",
    "happy birthday": "wish the birthday well",
}


# What a label of the caller's courtesies means the agent does: "sorry" is said, not mentioned.
COURTESIES = ((lx.rx(r"(?:i'm |i am |so |very |really )*sorry", r"apologi[sz]e", r"my apologies"), "say sorry"),
              (lx.rx(r"(?:is there )?anything else"), "ask if there's anything else you can help with"),
              (lx.rx(r"thank(?:s| you)"), "thank them"))


def line_idea(label: str) -> str:
    """What the agent does, after "you": the bundled calls' own words, else a courtesy as it is
    done ("say sorry"), else a label that starts with a verb as it is ("check the tracking",
    "book an engineer"), else "mention" what it names."""
    low = " ".join(label.strip().lower().split())
    if not low:
        return ""
    if low in LINE_IDEAS:
        return LINE_IDEAS[low]
    words = low.split()
    if words[0] in ("i", "i'm", "i'll", "i'd", "i've", "we", "we'll", "won't", "don't", "never", "no"):
        return f"say something like \"{label.strip()}\""  # a line of the author's own: said as a line
    doc = Doc(Transcript.typed(low))
    done = next((said for words_for, said in COURTESIES if any(i == 0 for i, _ in doc.find_all(words_for))), None)
    if done:
        return done
    said = " ".join(label.split())
    if starts_with_verb(words):
        return as_you(said[0].lower() + said[1:])
    return "mention " + as_you(said)
