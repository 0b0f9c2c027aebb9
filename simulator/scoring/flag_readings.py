"""Readings that clear a clause near a red-flag exemplar (`flag_meaning.py`): the scene a caller
sets, a point conceded before "but", one more of the candidate's own acts, pay named as one reason of
several, frankness about the job, and what someone else said or did."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..types import Question, RedFlag
from . import semantic
from . import thresholds as th
from .clauses import FIRST_PERSON_SUBJECTS, Clause, denials_of, norms_of
from .words import STOPWORDS

# "while they're calling me names", "if he swears at me": a phrase that sets the scene with what
# the caller does is the situation, not the candidate's answer to it (their sentence says that).
SCENE = re.compile(r"^(?:while|when|whenever|if|as|once|until|even if|even when|every time)\s+"
                   r"(?:they|he|she|the (?:caller|customer))(?:'re|'s| are| is| was| were| keep| start| call| swear| shout| yell)?\b",
                   re.IGNORECASE)


# "even when a letter we sent them wasn't clear", "if the line is bad": a phrase that opens with
# one of these is the situation the sentence answers; its words are no tone of the answer's.
WHEN = re.compile(r"^(?:even )?(?:while|when|whenever|if|once|until|every time)\b", re.IGNORECASE)


def answer_part(sentence: Clause, clause: Clause, clauses: Sequence[Clause]) -> str:
    """For a phrase, its sentence without the other phrases that set the scene (`WHEN`); a whole
    sentence is read whole."""
    text = sentence.text
    if clause.sentence:
        return text
    for p in clauses:
        if not p.sentence and p != clause and sentence.start <= p.start and p.end <= sentence.end \
                and not (p.start <= clause.start and clause.end <= p.end) and WHEN.match(p.text):
            text = text.replace(p.text, " ")
    return text


def conceded(phrase: Clause, sentence: Clause) -> bool:
    """A phrase conceded before what the candidate did: "It wasn't my department, but I stayed on
    the line and got the right person" (not "..., so I gave him the head office number")."""
    around = _either_side(phrase, sentence)
    return around is not None and CONCEDED.match(around[1]) is not None


def _either_side(phrase: Clause, sentence: Clause) -> tuple[str, str] | None:
    """A phrase's sentence before it and after it; None for a whole sentence."""
    at = sentence.text.find(phrase.text) if not phrase.sentence else -1
    return None if at < 0 else (sentence.text[:at], sentence.text[at + len(phrase.text):])


# ...or before this company preferred: "I applied to a few places, but you're the one I was
# hoping would ring" (not "..., but you're the first to ring").
CONCEDED = re.compile(r"^[\s,;]*but\s+(?:(?:I|we)\b(?!\s*(?:just\s+)?(?:told|said))|"
                      r"(?:you(?:'re|’re| are)|this is|yours is|this (?:job|place|role) is)\s+(?:really\s+)?"
                      r"(?:the one\b|my (?:first|top) choice\b|top of my list\b))", re.IGNORECASE)


# "I'll find out where it is, deal with it, and call you back": a phrase with no subject of its own,
# between an act of the candidate's (not "I'd say..." or "I'd tell them...", which bring in what
# they'd say) and "and" another, is one more of their acts, not words said to the caller: it is no
# red flag when the red flag it is nearest is words said to a caller ("...deal with it, next"), and
# still one when that is an act of the candidate's own ("I'd just hang up on them", "I'd yell back
# louder so they stop"). Read from the exemplar's words, so nothing new is embedded at scoring.
MY_ACT_BEFORE = re.compile(r"^\s*(?:(?:and|then|so)\s+)?(?:I|we)(?:'d|'ll| would| will| can| could)?\s+(?:just\s+)?"
                           r"(?!(?:say|says|said|tell|tells|told|reply|replied|answer|go|goes|went|ask|asked)\b)"
                           r"[a-z]+\b[^\"“”']*,\s*$", re.IGNORECASE)
MORE_ACTS_AFTER = re.compile(r"^\s*,?\s*(?:and|then)\b", re.IGNORECASE)


def one_of_my_acts(phrase: Clause, sentence: Clause, exemplar: str) -> bool:
    """The phrase opens with a word of its own (a verb: not "but my manager...", not "you..."),
    after one of the candidate's acts and before "and" another (`MY_ACT_BEFORE`)."""
    around = _either_side(phrase, sentence)
    words = norms_of(phrase.text)
    if around is None or not around[0] or not words or words[0] in STOPWORDS:
        return False
    if MY_ACT_BEFORE.match(around[0]) is None or MORE_ACTS_AFTER.match(around[1]) is None:
        return False
    return not FIRST_PERSON_SUBJECTS & set(norms_of(exemplar))


# "Honestly, the pay is better than the shop... But it's also that I like talking to people": pay,
# the commute or the hours named as one reason, with no "only" or "just", beside another reason the
# answer gives ("also", "mainly", "mostly") is an honest motive, not money alone; not when that
# reason is practical too ("Also it's close to home"). Another reason that is itself a red flag
# ("And also it's easy money") is read, and flagged, on its own.
PRACTICAL = frozenset("pay pays paid money wage wages salary paycheck commute bus hours close near nearby local home travel".split())
ONLY = frozenset("only just all nothing whatever main".split())
ANOTHER_REASON = re.compile(r"\b(?:also|as well|mainly|mostly|more importantly|more than that|on top of that)\b",
                            re.IGNORECASE)


def one_reason_of_several(clause: Clause, clauses: Sequence[Clause]) -> bool:
    said = set(norms_of(clause.text))
    if not PRACTICAL & said or ONLY & said:
        return False
    return any(ANOTHER_REASON.search(c.text) and not PRACTICAL & set(norms_of(c.text)) for c in clauses
               if c.sentence and not (c.start <= clause.start and clause.end <= c.end))


# "I'm not going to pretend it's a dream job.": a sentence of frankness about what the job is not,
# said before the reasons (not "...I love it, it's just a job", nor "I won't pretend I like it",
# "...to care", which say how the candidate feels about the work, nor
# a phrase tagged on to a sentence that says what it is: "I'll answer the phones, I'm not going to
# pretend I love it").
FRANK = re.compile(r"^(?:I(?:'m| am)? ?(?:won't|will not|wouldn't|would not|not going to|'m not going to)|not going to)"
                   r"\s+pretend\b(?!\s+(?:to|that I|I)\s+(?:care|love|like|enjoy))", re.IGNORECASE)


def frank(clause: Clause) -> bool:
    return clause.sentence and FRANK.match(clause.text.strip()) is not None and not ONLY & set(norms_of(clause.text))


# "...and some will want a refund you can't give": a phrase whose subject is other people says
# what they do or want; it is not the candidate's own conduct (a lie, a motive, a refusal) that a
# red flag opening in the first person names ("I'd just give them the refund and not tell anyone";
# not "Maybe a neighbour took it, ..., not much I can do"). Contempt and dismissal can be said of
# others in the third person ("..., customers can sort it out themselves"), so they are not read so.
OWN_CONDUCT = frozenset({RedFlag.DISHONESTY, RedFlag.MONEY, RedFlag.REFUSAL})
OTHERS = frozenset("some people they he she customers callers most many others someone".split())


def someone_elses(clause: Clause, exemplar: str) -> bool:
    words = [w for w in norms_of(clause.text) if w not in ("and", "but", "then")]  # "so he'd stop calling": my purpose
    return bool(words) and words[0] in OTHERS and not {"i", "we", "me", "my"} & set(words) \
        and tuple(norms_of(exemplar)[:1]) in (("i",), ("we",))


# "A colleague of mine once changed an order date to push a refund through.": what someone else
# did, told with no "I" or "we" of the candidate's in it, is their dishonesty, not the candidate's
# (a colleague blamed is still blame: this reads the dishonesty family only). `someone_elses`
# reads a phrase opening with "they" or "some people"; this, a whole sentence told about one named person.
SOMEONE_ELSE = re.compile(r"^(?:(?:a|one|another|my|our|this|that|the)\s+)?(?:(?:old|former|new)\s+)?"
                          r"(?:colleague|co-?worker|workmate|team ?mate|mate|friend|guy|girl|lad|agent)s?\b"
                          r"|^(?:he|she|someone|somebody)\b", re.IGNORECASE)


def another_persons_doing(sentence: Clause) -> bool:
    return SOMEONE_ELSE.match(sentence.text) is not None and not FIRST_PERSON_SUBJECTS & set(norms_of(sentence.text))


# "A call comes in, you find out what they need...", "the phone rings and...": a phrase whose subject
# is the call (or the phone, the line, a caller) arriving, in the present, is the scene the answer
# walks through, not the candidate's conduct (p8-precision: "A call comes in" was read as "Click,
# next caller."). Clause structure (that subject, that verb), not the words of any red flag.
ARRIVAL = re.compile(r"^(?:so\s+|then\s+|and\s+)?(?:a|the|another|the next|every)\s+(?:new\s+)?"
                     r"(?:call|phone|customer|caller|ticket|chat)s?\s+(?:comes?|rings?|lands?|pops?)(?:\s+(?:in|through|up))?\b",
                     re.IGNORECASE)


def their_doing(clause: Clause) -> bool:
    return not clause.sentence and (SCENE.match(clause.text) is not None or ARRIVAL.match(clause.text) is not None)


# "Sorting problems out, even better.": a clause that opens with a gerund and has no first person in
# it names an activity (here one the candidate likes), not something the candidate does or would do;
# the lie, the motive or the refusal an exemplar in the first person names ("I'd mark it as sorted
# even though it's not fixed") is no more than its subject shared. Read only where nothing but
# several exemplars agreeing confirms the clause (`flag_meaning`, consensus): three exemplars near
# a gerund share its subject, not a stance (p8-precision).
NOT_GERUNDS = frozenset("nothing something anything everything thing morning evening during".split())
MINE = frozenset("i we me my us our myself".split())


def activity_named(clause: Clause) -> bool:
    words = norms_of(clause.text)
    return bool(words) and not MINE & set(words) and (
        (words[0].endswith("ing") and words[0] not in NOT_GERUNDS) or described(words))


# "You sit there with a headset taking one call after another.": the work told in the generic "you" of
# a description, a verb of the present after it, names what the job is like, not what the candidate wants
# from it (fresh14). Not "you can...", "you just...", "you get paid...": an easy seat said so.
DESCRIBING = frozenset("sit sits take takes answer pull work deal talk spend log listen type".split())


def described(words: Sequence[str]) -> bool:
    return len(words) > 1 and words[0] == "you" and words[1] in DESCRIBING


# "...I'd warn them once that I'll have to end the call. If it doesn't stop I'd follow policy, hang up and flag it
# to my lead": a call ended by the abuse policy after the caller was warned is the job done, not a caller brushed
# off; only the clause that says the policy or the ending itself (fresh14).
WARNED = re.compile(r"\bwarn(?:s|ed|ing)?\b|\b(?:give|gave|giving) (?:them|him|her) a (?:fair |clear |final )?warning\b|"
                    r"\b(?:let|tell|told) (?:them|him|her) (?:know )?(?:that )?(?:I|we)(?:'ll|'d| will| would) "
                    r"(?:have to )?(?:end|close|disconnect)", re.IGNORECASE)
ENDED_BY_POLICY = re.compile(r"\b(?:policy|procedure|end the call|ending the call|hang up|disconnect)\b", re.IGNORECASE)


def ended_by_policy(clause: Clause, clauses: Sequence[Clause]) -> bool:
    return ENDED_BY_POLICY.search(clause.text) is not None and any(
        WARNED.search(c.text) and not any(denials_of(c.text)) for c in clauses if c.sentence and c.start <= clause.start)


# "It's not the end of the world, I'll fix it now": the caller's loss said to be small, and in the same
# answer the candidate's own promise to put it right at once, is reassurance, not a brush-off (r8-sarcasm;
# `attitude` reads "not the end of the world", "you'll live" as the loss made small). Only a fix said
# with its time: "I'll put it back when I get round to it, you'll survive" promises nothing.
MADE_SMALL = re.compile(r"\bnot the end of the world\b|\b(?:he|she|they|you)(?:'ll| will) (?:survive|live)\b",
                        re.IGNORECASE)
FIX_NOW = re.compile(r"\b(?:I|we)(?:'ll| will|'m going to| am going to)\s+(?:\w+\s+){0,2}?(?:fix|sort|refund|put|get|"
                     r"send|book|raise|chase|replace|reset|cancel|credit)\b[^.?!]*?\b(?:now|today|right away|"
                     r"straight away|this (?:morning|afternoon|evening|call))\b|\blet's (?:\w+\s+){0,2}?(?:fix|sort|"
                     r"get)\b[^.?!]*?\b(?:now|today|right away|straight away)\b", re.IGNORECASE)


def made_small_but_fixed(clause: Clause, clauses: Sequence[Clause]) -> bool:
    return MADE_SMALL.search(clause.text) is not None and any(
        FIX_NOW.search(c.text) and "get round to" not in c.text.lower() for c in clauses if c.sentence)


# --- money as the only reason: a red flag where the motive is asked ------------------------------
# "I just need the money at the moment" to "What is a weakness?" or "I need the pay" to "What would
# you do if a caller swore at you?" (a need of the candidate's own, `states_a_need`) answers nothing
# asked: a recruiter marks it a non-answer (weak), not a confession of motive that ends the
# interview, and a tip about money as the only reason would answer a question nobody put (motive_cases.yaml, eighteenth pass). The motive is asked by
# every question of th.MOTIVE_CATEGORIES, and by any other whose profile comes th.MOTIVE_NEAR to a
# motive said plainly (MOTIVE_SENTENCES).
MOTIVE_SENTENCES = ("I want this job because of what it is and what I enjoy about it.",
                    "The reason I applied for this job.")


@lru_cache(maxsize=1)
def _motive_vectors() -> np.ndarray:
    return semantic.embed(list(MOTIVE_SENTENCES))


NEEDS = frozenset({"need", "needs", "needed"})


def states_a_need(clause: str) -> bool:
    """The candidate says what they need ("I need the pay", "I just need a job"): a circumstance,
    which is a motive only where the motive is asked. Sarcasm, a stopgap or the bare minimum read
    in the same family ("I'd give this a few months, tops") are red flags wherever they are said."""
    norms = set(norms_of(clause))
    return bool(NEEDS & norms) and "i" in norms


def asks_motive(category: str, question_profile: np.ndarray) -> bool:
    """A question of th.MOTIVE_CATEGORIES asks the motive unless its profile is far from one
    (th.MOTIVE_NEAR_IN_CATEGORY: "what does a representative do all day?" sits in the category but
    asks what the job is, not why they want it); any other question, if th.MOTIVE_NEAR to one."""
    norm = float(np.linalg.norm(question_profile)) or 1.0
    near = float(np.max(_motive_vectors() @ question_profile) / norm)
    return near >= (th.MOTIVE_NEAR_IN_CATEGORY if category in th.MOTIVE_CATEGORIES else th.MOTIVE_NEAR)


def asks_motive_of(question: Question) -> bool:
    """`asks_motive` for an interview question as the coach holds it (its text and key points)."""
    return asks_motive(question.category, semantic.profile(semantic.profile_texts(question)))
