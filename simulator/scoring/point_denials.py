"""Which clauses may deny a key point, and which denials are taken back: "I never worked weekends,
but I'm happy to now" takes its "no" back; "If I can't fix it, I find out who can" plans for a case;
"there's no permanent role" states a fact; "Nobody has asked me to learn" tells what others did."""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import FIRST_PERSON, Clause, about_others, denials_of, norms_of, sentence_of
from .matching import same_word
from .refusal import QUALIFIED
from .words import STOPWORDS

# "..., but I'm happy to now": a "but" whose clause says only that the candidate is willing takes
# back the "no" before it, and refers to it ("I never worked weekends, but I'm happy to now"); a
# "but" that names something else ("I don't work weekends, but I can do evenings") takes nothing back.
CONTRASTS = frozenset({"but", "though", "although"})
WILLING = frozenset({"happy", "glad", "willing", "keen", "fine", "open", "ready", "up"})
ONLY_REFERRING = WILLING | frozenset({"now", "today", "this", "time", "here", "really", "more", "than",
                                      "absolutely", "definitely", "certainly", "completely", "totally", "perfectly",
                                      "learn", "try", "change", "doing", "do", "it", "them", "that"})


def taken_back(clauses: Sequence[Clause], clause: Clause) -> bool:
    """Whether the sentence holding `clause` takes its denial back: "I never worked weekends in my
    last job, but I'm happy to now"."""
    sentence = sentence_of(clauses, clause)
    norms, denying = norms_of(sentence.text), denials_of(sentence.text)
    first = next((k for k, d in enumerate(denying) if d), None)
    if first is None:
        return False
    turn = next((k for k in range(first + 1, len(norms)) if norms[k] in CONTRASTS), None)
    if turn is None or any(denying[turn:]):
        return False
    tail = {n for n in norms[turn + 1:] if n not in STOPWORDS}
    return bool(tail & WILLING) and tail <= ONLY_REFERRING


# "I don't need to ask the security questions again, you passed them a minute ago": done on this
# call, not skipped; but a check passed on another occasion ("...when you rang last week") is no
# check on this call, and its "again" still skips it.
AGAIN = frozenset({"again"})
OTHER_OCCASION = frozenset({"yesterday", "week", "weeks", "month", "months", "year", "years", "days", "last",
                            "previous", "before", "time"})


def done_already(clauses: Sequence[Clause], clause: Clause) -> bool:
    """Whether the clause's denial is only of doing something again, and the answer places the
    first time on no other occasion (`OTHER_OCCASION`)."""
    norms, denying = norms_of(clause.text), denials_of(clause.text)
    first = next((k for k, d in enumerate(denying) if d), None)
    if first is None or not AGAIN & set(norms[first:]):
        return False
    return not any(OTHER_OCCASION & set(norms_of(c.text)) for c in clauses if c.sentence)


# "If I can't fix it, I find out who can": a "can't" inside an "if" is a case planned for.
IF_WORDS = frozenset({"if", "unless", "when", "whenever"})


def _only_in_condition(clause: str) -> bool:
    """Whether every denial of the clause is inside the condition it opens with."""
    head = clause.split(",")[0]
    norms = norms_of(head)
    return bool(norms) and norms[0] in IF_WORDS and sum(denials_of(head)) == sum(denials_of(clause)) > 0


def can_deny(clause: str, phrasing: str) -> bool:
    """Whether a clause that does not say a point can deny it: a denial of the candidate's own, or
    a phrasing that denies nothing said the other way. A clause that denies nothing does not deny
    a point phrased in the negative ("so they don't call back"): "if something slips you ring them
    before they ring you" says something else, and a knock-out's tip points at a "don't" or "never"."""
    if about_others(clause) or _only_in_condition(clause):
        return False
    norms, denying = norms_of(clause), denials_of(clause)
    first = next((k for k, d in enumerate(denying) if d), None)
    if first is not None and (QUALIFIED & set(norms[first:]) or "without" in norms[first + 1:]):
        # how or when, not whether ("I won't transfer you blind", "...until I've checked"); or a
        # denial answered by a "without" ("never has to ring off without an answer" always answers)
        return False
    if first is not None and (_states_a_fact(norms, first) or _nobody_did(norms, first)):
        return False
    if _acknowledged(norms):
        return False
    if first is not None and _only_without_elsewhere(norms, denying, phrasing):
        return False
    return first is not None or not any(denials_of(phrasing))


def _only_without_elsewhere(norms: tuple[str, ...], denying: tuple[bool, ...], phrasing: str) -> bool:
    """A clause whose only denial is a "without" denies the words after it, and no others: "I can do
    the basics now without asking anyone" denies no "so now I" (it is the progress); "I'd do it
    without checking the account" still denies "check the account"."""
    if any(d and n != "without" for d, n in zip(denying, norms)):
        return False
    after = set(norms[norms.index("without") + 1:])
    return not any(same_word(w, n) for w in norms_of(phrasing) if w not in STOPWORDS for n in after)


def _states_a_fact(norms: tuple[str, ...], first: int) -> bool:
    """A "there is no ..." with no one of the candidate's in it states a fact about the world, not
    the candidate's stance: "My contract ends in May and there's no permanent role" gives a reason
    for leaving, it denies nothing said about the last job. Not "there's no way I'd...", nor
    "there's nothing I enjoyed", which are the candidate's own."""
    return first >= 2 and norms[first - 2] == "there" and norms[first - 1] in {"is", "are", "was", "were"} \
        and norms[first + 1:first + 2] not in {("way",), ("chance",), ("point",)} \
        and not FIRST_PERSON & set(norms[first:])


def _nobody_did(norms: tuple[str, ...], first: int) -> bool:
    """A clause that opens with "Nobody" or "No one" says what others at the place did not do, not
    the candidate's stance: "Nobody has asked me to learn anything new since my first week" is a
    reason for leaving (it denied "positive about my last job" and knocked the answer out)."""
    return first == 0 and (norms[:1] == ("nobody",) or norms[:2] == ("no", "one"))


# "I know a lot of the calls will be the same three questions over and over": a hard side of the job
# the candidate says they know about is the job described, not the candidate's stance toward it (it
# denied "every call is different" and knocked out an answer that went on "I keep it fresh by...").
# The stance, if any, is in what the candidate says of it next ("...and that does my head in").
KNOWING = frozenset({"know", "understand", "realise", "realize", "appreciate", "accept", "expect"})
# what may come before it: "I'll be honest, I know...", "To be fair, I fully understand...", "Of course I know..."
KNOWING_LEAD = frozenset({"i", "will", "be", "to", "honest", "frank", "fair", "do", "fully", "totally", "completely",
                          "already", "well", "obviously", "of", "course", "honestly", "so", "and", "but", "look",
                          "yes", "yeah", "sure", "that"})


def _acknowledged(norms: tuple[str, ...]) -> bool:
    """A clause that opens with "I know (that) ..." (or understand, realise, accept, expect) and says
    nothing of the candidate's own after it."""
    k = next((k for k, n in enumerate(norms) if n in KNOWING), None)
    if k is None or "i" not in norms[:k] or not set(norms[:k]) <= KNOWING_LEAD:
        return False
    return not FIRST_PERSON & set(norms[k + 1:])
