"""Help on the candidate's terms: service kept for the callers who earn it, held back from the
rest, or withheld to punish. "I only really put the effort in for reasonable people", "I'm happy
to help anyone who treats me with respect. If they don't, the call gets a lot shorter", "If you
won't let me talk, I'm not going to help you", "I made him wait on hold. He learned his lesson."
No insult is said, and the meaning model hears "help the polite ones first" beside "help everyone,
polite or not" (0.66 and 0.64 from their exemplars), so it is read by shape, in three:

- kept for some: "only" with help or effort and callers named by how they behave ("reasonable
  people", "the polite ones"), or help offered to "anyone who" behaves so;
- held back on a condition: a condition on the callers ("if they", "the ones who", "unless") and
  help withheld in the same sentence ("I'm not going to help", "the call gets shorter", "can wait");
- a punishment: a caller taught a lesson.

Help for everyone said in the same words is none: "grateful or not", "whether they're polite or
rude", "every customer", "even if they shout" (`FOR_ALL`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import RedFlag
from .clauses import Clause, mostly_theirs, norms_of
from .flag_meaning import FlagMatch

# How a caller behaves, as the candidate's condition for helping.
CONDUCT = r"(?:polite|nice|rude|grateful|reasonable|respectful|friendly|pleasant|decent|kind|calm|patient|" \
          r"nasty|pushy|difficult|awkward|moaning|shouty)"
PEOPLE = r"(?:people|ones|customers|callers|customer|caller|person|members|clients)"
SERVICE = r"(?:help|helping|effort|look after|looked after|extra mile|out of my way|my time|attention|" \
          r"put the work in)"
KEPT_FOR_SOME = re.compile(
    rf"\bonly\b(?:\s+\w+){{0,8}}?\s+{SERVICE}\b(?:\s+\w+){{0,4}}?\s+(?:the\s+)?{CONDUCT}\s+{PEOPLE}\b|"
    rf"\b{SERVICE}\s+(?:\w+\s+){{0,2}}anyone who (?:is|are|treats|treat|respects|speaks|talks)\b")
# A condition on how the callers behave: "if they don't", "if you won't let me talk", "if someone's
# going to shout at me", "the ones who aren't" ("if they have to wait" is none).
BEHAVING = rf"(?:not|never|{CONDUCT}|shout|shouts|shouting|swear|swears|swearing|yell|yells|yelling|moan|moans)"
CONDITION = re.compile(rf"\b(?:if|unless|once) (?:they|you|he|she|someone|somebody|a caller|the caller|a customer|"
                       rf"the customer|people|callers|customers)(?:'s)?(?: \w+){{0,4}}? {BEHAVING}\b|"
                       rf"\b(?:the ones|anyone|those|{PEOPLE}) who(?: \w+){{0,2}}? {BEHAVING}\b")
WITHHELD = re.compile(r"\b(?:not|never) going to (?:help|go out of my way|go the extra mile)\b|"
                      r"\b(?:will|would|do|does) not (?:help|go out of my way|go the extra mile)\b|"
                      r"\bgets? (?:a lot |much |far |a bit )?shorter\b|\bcan wait\b|\bbare minimum\b|"
                      r"\bback of the queue\b|\bsit (?:in the queue|on hold)\b|"
                      r"\b(?:do|does) not get (?:much|any|a lot)\b")
PUNISHED = re.compile(r"\b(?:learn|learns|learned|learnt|teach|teaches|taught)\s+(?:\w+\s+){0,2}lesson\b")
# Help for everyone, in the same words: "grateful or not", "whatever their tone", "even if they shout".
FOR_ALL = re.compile(r"\bor not\b|\bwhether\b|\bwhatever\b|\bwhoever\b|\bregardless\b|\bevery\b|\beveryone\b|"
                     r"\beven (?:if|when)\b|\bjust as\b|\bthe same\b|\bincluding\b")


def on_own_terms(clauses: Sequence[Clause], theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Each sentence of the candidate's own that keeps help for some callers, holds it back on a
    condition, or punishes one, as a dismissive red flag."""
    out = []
    for s in (c for c in clauses if c.sentence):
        if mostly_theirs(s, theirs):
            continue
        said = " ".join(norms_of(s.text))
        if FOR_ALL.search(said):
            continue
        if KEPT_FOR_SOME.search(said) or (CONDITION.search(said) and WITHHELD.search(said)) or PUNISHED.search(said):
            out.append(FlagMatch(s, RedFlag.DISMISSIVE, 1.0, "help on the candidate's terms"))
    return out
