"""Turning down the job's conditions as a settled matter, and brushing a caller off, with nothing
offered in their place.

A recruiter hears "evenings are mine, I don't work them" or "I won't be wearing a headset all day"
as a refusal of the job; "I can't do Sunday mornings, but any other shift is fine" as an honest
limit. A caller hears "there's nothing I can do" or "take it up with the courier" as a brush-off;
"there's nothing I can do about the van, but I can send a replacement today" as help. What tells
them apart is the offer: what the candidate can do, said anywhere in the answer. The sentence
model cannot see this (a limit and a refusal share their words), so it is read from the grammar:
the candidate's own "I don't / won't / never" before a verb of taking the condition on, with a
condition named nearby; and a brush-off's few stock phrasings, not denied, said to a caller."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import RedFlag
from .clauses import Clause, denials_of, mostly_theirs, norms_of, sentence_of
from .flag_meaning import FlagMatch

# What the job asks of its hours and its way of working: the hours of `refusal.CONDITIONS` and the
# tools and routines a call-center job comes with (a headset, a script, monitored calls, training,
# days on site).
CONDITION_WORDS = frozenset("""weekends weekend evenings evening nights night overtime shifts shift holidays
    holiday hours saturdays sundays saturday sunday mondays tuesdays wednesdays thursdays fridays mornings
    christmas headset headsets script scripts monitoring monitored recorded recording training office site
    rota rotas lates earlies""".split())
# "I don't work them", "I won't be doing them", "I never work those", "I'm not having my calls
# listened to": the candidate's own denial, then a verb of taking a condition on (read on the
# normalised words: "don't" is "do not").
REFUSING = re.compile(r"\bi (?:do |will |would |am )?(?:not|never) (?:(?:be|going|to|gonna|ever|even|really) )*"
                      r"(?:work|working|do|doing|wear|wearing|follow|following|read|reading|come|coming|"
                      r"having|sit|sitting|stay|staying|cover|covering|use|using)\b(?! well\b| (?:that|this|it) to\b)")
# Not whether, but how: "I won't follow the script word for word", "I don't read it like a robot".
HOW = frozenset({"word", "blindly", "rigidly", "robotically", "like", "exactly", "straight", "alone"})
# How far back the condition may be named: its own sentence or the one before ("Sundays are
# family day. I don't work them").
CONDITION_REACH = 1

# The brush-off's stock phrasings: nothing to be done, someone else's department, someone else to
# take it up with, whose problem it is ("that's between you and the courier", not "Between you and
# the courier something's gone wrong") (matched on the clause as said, lower case).
BRUSH_OFF = re.compile(r"\b(?:nothing|not much|not a lot|not anything) (?:i|we) (?:can|could) do\b|"
                       r"\bout of (?:my|our) hands\b|\b(?:not|n't) (?:really )?(?:my|our) (?:department|problem)\b|"
                       r"\btake (?:it|that|this) up with\b|(?:\b(?:is|was|are|out|up|it|that|one|matter)|['’]s)(?: really| just| all| now)? "
                       r"between you and (?:the|your)\b|"
                       r"\bnothing to do with (?:me|us)\b|"
                       # the caller sent to chase someone else on their own ("you'll have to chase them yourself")
                       r"\b(?:chase|contact|ring|call|phone|email|deal with|complain to|sort (?:it|that|this) (?:out )?with) "
                       r"(?:[\w'’]+ ){0,3}?(?:yourself|yourselves|themselves|himself|herself)\b")
# Said to a caller when the answer is a role-play reply, or told to one in a story or a plan.
TOLD = re.compile(r"\b(?:told|tell|say|said|explained?)\b")

# An offer: what the candidate can do, or the hours they can give, said without a denial.
CAN_DO = re.compile(r"\b(?:i|we) (?:can|could|will|would|am happy|am glad|am free|am available)\b"
                    r"(?! (?:tell|say|admit|be (?:straight|honest|frank|upfront|clear))\b)|"
                    r"\blet me\b|^but (?:i|we) (?!(?:just )?(?:told|said))")
# "but I can do evenings | until ten on weekdays": hours said as the end of the candidate's own
# offer, with no comma between (the offer's clause runs on into the phrase).
OFFER_RUNS_ON = re.compile(r"\b(?:I|we)(?:'m| am|'d be| would be)? ?(?:can|could|will|'ll|happy to|glad to|able to)\s+"
                           r"(?:\w+\s+)?(?:do|work|cover|manage|start|stay|pick up)\b[^,.;!?]*$", re.IGNORECASE)
AVAILABLE = frozenset({"fine", "free", "happy", "glad", "available", "flexible", "okay", "ok"})
BUT = frozenset({("but",), ("though",), ("however",), ("although",)})
# "...but only if they pay me double" puts a price on the yes: no offer.
PRICE = frozenset({"if", "unless", "only", "otherwise"})


def condition_refusals(clauses: Sequence[Clause], call: bool, theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Each of the candidate's own settled refusals of a condition of the job, when the answer
    offers nothing they can do instead (`offered`). Not on a call: a day named there is the
    caller's ("I won't promise Saturday"), not the job's hours."""
    if call:
        return []
    out = []
    for s in (c for c in clauses if c.sentence):
        if not names_condition(clauses, s) or mostly_theirs(s, theirs):
            continue
        said = " ".join(norms_of(s.text))
        hit = REFUSING.search(said)
        if hit is None or HOW & set(said[hit.end():].split()[:4]):
            continue
        quote = _smallest(s, clauses, lambda c: REFUSING.search(" ".join(norms_of(c.text))) is not None)
        if not offered(clauses, quote, availability=True):
            out.append(FlagMatch(quote, RedFlag.REFUSAL, 1.0, hit.group(0)))
    return out


def names_condition(clauses: Sequence[Clause], clause: Clause) -> bool:
    """Whether the clause's sentence, or the one before it, names a condition of the job."""
    sentences = [c for c in clauses if c.sentence]
    held = sentence_of(clauses, clause)
    n = sentences.index(held) if held in sentences else 0
    near = " ".join(x.text for x in sentences[max(0, n - CONDITION_REACH):n + 1])
    return bool(CONDITION_WORDS & set(norms_of(near)))


# "Late" as punctuality ("I've never once been late for a shift", "late to work"), not late hours
# ("stay late", "late shifts"): a clause that says only this turns down no condition of the job.
PUNCTUAL = re.compile(r"\b(?:been|be|am|is|was|were|running|arrived?|turned up|turn up|get|got) (?:\w+ )?late"
                      r"(?: (?:for|to) (?:a |the |my |any |one )?(?:shift|work|job|call|meeting|training))?\b|"
                      r"\blate (?:for|to) (?:a |the |my |any |one )?(?:shift|work|job|call|meeting|training)\b")


def punctual(clause: Clause) -> bool:
    """Whether every "late" of the clause is punctuality, and it names no other condition of the job."""
    said = " ".join(norms_of(clause.text))
    rest = PUNCTUAL.sub(" ", said)
    return rest != said and "late" not in rest.split() and not CONDITION_WORDS & set(rest.split())


def brush_offs(clauses: Sequence[Clause], call: bool, theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Each brush-off said to a caller ("there's nothing I can do", "take it up with the courier"),
    not denied ("I'd never tell you to take it up with the courier"), when the answer offers
    nothing the candidate will do for them (`offered`)."""
    out = []
    for s in (c for c in clauses if c.sentence):
        text = s.text.lower()
        hit = BRUSH_OFF.search(text)
        if hit is None or mostly_theirs(s, theirs):
            continue
        if not call and not TOLD.search(text[:hit.start()]):
            continue  # in an interview, a brush-off is one told to a caller ("I told her it wasn't my department")
        quote = _smallest(s, clauses, lambda c: BRUSH_OFF.search(c.text.lower()) is not None)
        # denied in its own phrase ("I'd never tell you to take it up with the courier"), not by a
        # "not" that denies something else before it ("The courier lost it, not us, so you'll...")
        own = quote.text.lower()
        if any(denials_of(own[:BRUSH_OFF.search(own).start()])):
            continue
        if not offered(clauses, quote, availability=False):
            out.append(FlagMatch(quote, RedFlag.DISMISSIVE, 1.0, hit.group(0)))
    return out


def gives_hours(clauses: Sequence[Clause], clause: Clause) -> bool:
    """Whether a phrase, with no denial, says what the candidate can give: one turning on "but",
    with no price ("but I'm happy to do evenings" read near "My evenings are mine" is the offer,
    not a refusal), or one that only finishes their offer ("I can't do weekends but I can do
    evenings until ten on weekdays": "until ten on weekdays", near "Weekdays nine to five, and
    that's not up for discussion" by its subject). Not one after a break ("Weekday mornings,
    that's it", "My evenings belong to me")."""
    if any(denials_of(clause.text)):
        return False
    # a turn to the candidate's own "I'm happy to" ("so I'd hope the others would..." is none)
    norms = norms_of(clause.text)
    if norms[:1] in BUT and not PRICE & set(norms) and CAN_DO.search(" ".join(norms)):
        return True
    if clause.sentence:
        return False
    sentence = sentence_of(clauses, clause)
    at = sentence.text.find(clause.text)
    return at > 0 and OFFER_RUNS_ON.search(sentence.text[:at]) is not None


def offered(clauses: Sequence[Clause], refused: Clause, availability: bool) -> bool:
    """Whether some phrase of the answer, outside the refusal, says what the candidate can do
    ("but I can send a replacement today", "let me see what I can do") or, for hours
    (`availability`), turns after the limit to what they can give ("..., but any other shift is
    fine"), without a denial or a price."""
    for c in clauses:
        if (c.start <= refused.start and refused.end <= c.end) \
                or (not refused.sentence and refused.start <= c.start and c.end <= refused.end):
            continue  # the refusal itself ("there's nothing I can do" holds "I can do")
        norms = norms_of(c.text)
        if availability and c.sentence and c.start > refused.start and REST_OF_THE_HOURS.search(" ".join(norms)) \
                and (AVAILABLE | YES) & set(norms) and not any(denials_of(c.text)) and not PRICE & set(norms) \
                and not BROAD & set(norms_of(refused.text)):
            # ...or every other hour granted after a narrow limit, in a sentence of its own: "Not
            # Wednesday mornings, college. Everything else, yes." makes the limit an exception; not
            # "Not weekends, not evenings. Everything else, yes.", the easy hours left (p7-precision)
            return True
        if c.sentence and any(p.start >= c.start and p.end <= c.end and not p.sentence for p in clauses):
            continue  # read its phrases instead: one denied phrase says nothing of the others
        if any(denials_of(c.text)) or PRICE & set(norms):
            continue
        if availability and c.start > refused.start and norms[:1] in BUT \
                and (AVAILABLE & set(norms) or CAN_DO.search(" ".join(norms))):
            # the limit, then what they can give: "..., but Saturdays and evenings are fine" (not
            # "Weekdays are fine. Weekends I'd rather not", which gives only the easy hours first)
            return True
        if availability and c.start > refused.start and not c.sentence and AVAILABLE & set(norms) \
                and norms_of(sentence_of(clauses, c).text)[:1] in BUT:
            # ...or hours said fine in a later phrase of a sentence turning on "But" ("I won't do
            # nights... But evenings | until ten and both weekend days are fine"); not a bare "I'll
            # be there" ("But sure, I'll be there, smiling through it" is sarcasm's yes)
            return True
        if availability and c.start > refused.start and norms[:1] == ("and",) and ALSO & set(norms) \
                and CONDITION_WORDS & set(norms):
            # ...or more hours added after them: "Weekdays nine to five, and Saturdays too" (it sat 0.83
            # from "Weekdays nine to five, and that's not up for discussion")
            return True
        if not availability and CAN_DO.search(" ".join(norms)):
            return True
    return False


ALSO = frozenset({"too", "also", "well"})  # "..., and Saturdays too / as well / also"


# "everything else", "any other shift", "the rest of the week": the hours left after a limit.
REST_OF_THE_HOURS = re.compile(r"\b(?:everything|anything|any|all|every) (?:else|other)\b|\bthe rest\b|\bany time other\b")
YES = frozenset({"yes", "yeah", "yep", "sure", "absolutely", "definitely"})
# The hours a call center's week turns on: a limit on all of them is no exception.
BROAD = frozenset("weekend weekends evening evenings night nights late overtime holidays".split())


def _smallest(sentence: Clause, clauses: Sequence[Clause], says) -> Clause:
    """The shortest phrase of the sentence that says it, or the sentence."""
    inside = [c for c in clauses if sentence.start <= c.start and c.end <= sentence.end and says(c)]
    return min(inside, key=lambda c: c.words, default=sentence)
