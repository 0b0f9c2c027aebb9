"""A part of the job named, then what the candidate makes of it: "Talking people through their
problems all day isn't really my cup of tea", "Going the extra mile for callers was never my
thing", "Leading a team is the last thing I'd want".

The subject names a key point (helping people, the extra mile, leading a team) and the predicate
holds the candidate's stance toward it, often many words later and after words that read as a new
clause ("through their problems", "while they shout"): the clause reading
(`clauses.stance_toward`) stops there and hears the subject said. Read as a whole sentence, the
stance is the predicate's, when the predicate relates the subject to the candidate ("my", "me",
"I"): an odd number of denials denies it ("isn't in my nature", "is not something I've got the
patience for"; "is no problem for me" denies twice and says it); a predicate with no denial is
read by meaning, near a liking or a dislike (`exemplars.yaml`, verdicts: "is the last thing I'd
want", "sounds like a nightmare to me"), or, near none, by the verdict model (`verdict_model.py`:
"sounds draining to me", "would grind me down"); what the part does to the candidate says it too
("the repetition never bores me", "shouting rattles me"; "...leaves me cold" by meaning). How it
seems ("Your training sounds like a lot of hassle") is the candidate's view with no "me" said. A
person named ("A lady was yelling at me") or a thing done is a story, not a verdict. Anything else
has no verdict, and the clause reading stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import semantic, verdict_model
from . import thresholds as th
from .clauses import DENIAL_STOPS, DENYING_WORDS, Clause, agrees, denials_of, sentence_of, stance
from .words import normalise_word

# The verb that joins the subject to what the candidate makes of it: "is", "has been", "sounds",
# "doesn't appeal" (a "do" with its denial).
LINKING = frozenset({"is", "are", "was", "were", "has", "have", "had", "would", "will", "does", "do", "did",
                     "sounds", "sound", "seems", "seem", "feels", "feel", "appeals", "appeal"})
# A sentence opening with one of these is not a named part of the job followed by a verdict:
# "I think...", "What I love is...", "If it's busy...", "There's no...".
NOT_A_SUBJECT = frozenset({"i", "you", "he", "she", "we", "they", "it", "this", "that", "there", "these",
                           "those", "what", "when", "where", "why", "how", "who", "if", "so", "but", "and",
                           "because", "yes", "yeah", "no", "nobody", "nothing", "none", "well", "honestly",
                           "um", "uh", "oh", "okay", "then", "also", "just", "as", "once", "after", "before",
                           "since", "while", "now", "today", "sometimes", "usually", "really", "actually",
                           "basically", "personally", "normally", "anyway", "still", "even", "here", "in",
                           "at", "on", "for", "with", "from", "by", "to", "of", "like", "not", "never"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
# "...isn't just my job, it's my passion": a hedge on how much, not a denial
NOT_ONLY = frozenset({"just", "only", "simply", "merely", "all", "always"})
MAX_SUBJECT = 14  # words: a longer run before the verb is no subject phrase
# A subject phrase may hold "and", "who", "which" or "while" ("Hearing someone out while they
# shout isn't in my nature"); another clause opening in it means the sentence is no simple verdict.
NEW_CLAUSE = DENIAL_STOPS - {"and", "who", "which", "while"}


@dataclass(frozen=True)
class Verdict:
    subject: int  # how many (normalised) words the subject takes: a clause starting later is the predicate
    stance: int  # +1: the candidate wants it, likes it or will do it; -1: not


# A verb that says what the part of the job does to the candidate: "the repetition bores me",
# "Going slowly never frustrates me" (with "me" after it).
TO_ME = frozenset({"bores", "bore", "tires", "tire", "frustrates", "frustrate", "rattles", "rattle", "scares",
                   "scare", "frightens", "frighten", "intimidates", "intimidate", "bothers", "bother", "worries",
                   "worry", "annoys", "annoy", "stresses", "stress", "suits", "suit", "excites", "excite"})
SUITS = frozenset({"suits", "suit", "excites", "excite"})
# what may stand between the subject and that verb: "...never bores me", "...does not really scare me"
BEFORE_VERB = frozenset({"not", "never", "really", "just", "ever", "honestly", "actually", "always", "does", "do",
                         "did", "would", "will", "can", "could"})


def _subject_end(norms: tuple[str, ...]) -> int | None:
    if not norms or norms[0] in NOT_A_SUBJECT or norms[0] in FIRST_PERSON:
        return None
    for k, n in enumerate(norms[1:MAX_SUBJECT + 1], 1):
        if n in FIRST_PERSON or n in NEW_CLAUSE or n == "there":
            return None  # "Talking to people I find easy": the candidate is in the subject
        if norms[k - 1] in ("who", "that", "which"):
            continue  # "someone who is lost": the relative clause's verb, not the sentence's
        if (n in TO_ME or _acts_on_me(norms, k)) and norms[k + 1:k + 2] == ("me",):
            while k > 1 and norms[k - 1] in BEFORE_VERB:
                k -= 1
            return k
        if n in LINKING:
            return k
    return None


MODALS = frozenset({"would", "will", "could", "can", "might", "must"})


def _acts_on_me(norms: tuple[str, ...], k: int) -> bool:
    """Whether the word at k is a verb of what the part of the job does to the candidate, none of
    TO_ME: "...leaves me cold", "...would grind me down", "...gets me going" (a verb in -s, or after
    "would"), to be read by meaning. Not "talking to me", "helping me", "told me"."""
    n = norms[k]
    if n in NOT_A_SUBJECT or n.endswith("ing") or len(n) < 3:
        return False
    return (n.endswith("s") and not n.endswith("ss")) or norms[k - 1] in MODALS


def _words(sentence: str) -> tuple[tuple[str, ...], frozenset[int]]:
    """The sentence's normalised words, and where a comma, colon or semicolon ends one."""
    norms: list[str] = []
    breaks = set()
    for raw in sentence.split():
        norms += normalise_word(raw)
        if raw[-1:] in ",;:":
            breaks.add(len(norms) - 1)
    return tuple(norms), frozenset(breaks)


def _predicate(norms: tuple[str, ...], breaks: frozenset[int], verb: int) -> tuple[str, ...]:
    """From the verb to the end of its clause: the next comma or clause word ("and", "but", "so"...)."""
    out = []
    for k in range(verb, len(norms)):
        if out and norms[k] in DENIAL_STOPS and norms[k] != "who" and not _joins_words(norms, k, out):
            break
        out.append(norms[k])
        if k in breaks:
            break
    return tuple(out)


def _joins_words(norms: tuple[str, ...], k: int, before: list[str]) -> bool:
    """An "and" between two words of one verdict, before the candidate is named: "feels fake and
    exhausting to me"; not "...is boring and I hate it", "...and it never stops"."""
    nxt = norms[k + 1:k + 2]
    return (norms[k] == "and" and not FIRST_PERSON & set(before) and bool(nxt)
            and nxt[0] not in NOT_A_SUBJECT and nxt[0] not in FIRST_PERSON)


# A subject that is a person, not a part of the job: "A lady was...", "The customer is..."
PEOPLE = frozenset({"customer", "customers", "caller", "callers", "client", "clients", "lady", "man", "woman",
                    "gentleman", "guy", "person", "manager", "boss", "supervisor", "colleague", "colleagues",
                    "coworker", "coworkers", "mum", "dad", "friend", "friends"})
DETERMINERS = frozenset({"a", "an", "the", "one", "this", "that", "our", "their", "your", "some", "another"})
# what follows a verb in -ing when it is done, not what something is like: "was yelling at me",
# "were wrecking my sleep" (not "is exhausting to me", "sounds boring")
DONE_TO = frozenset({"at", "me", "my", "us", "our", "on", "up", "down", "out"})


def _someone(norms: tuple[str, ...]) -> bool:
    return norms[0] in PEOPLE or (norms[0] in DETERMINERS and norms[1:2] != () and norms[1] in PEOPLE)


def _doing(predicate: tuple[str, ...]) -> bool:
    return (len(predicate) > 2 and predicate[1].endswith("ing") and predicate[2] in DONE_TO
            and predicate[0] in {"is", "are", "was", "were"})


# "Your training sounds like a lot of hassle": how it seems to the candidate, with no "me" said
SEEMING = frozenset({"sounds", "sound", "seems", "seem", "feels", "feel"})


@lru_cache(maxsize=4096)
def verdict(sentence: str) -> Verdict | None:
    """What the candidate makes of the part of the job the sentence opens with, or None."""
    shape = _shape(sentence)
    if not isinstance(shape, tuple):
        return shape
    subject, predicate = shape
    liked, disliked, likes = _nearness(predicate)
    # near one verdict, unless the model leans the other way: "gets me going" is 0.76 from "gets
    # me down" in words, and the model hears it liked
    if disliked >= th.VERDICT_NEAR and disliked - liked >= th.VERDICT_MARGIN and likes <= 0:
        return Verdict(subject, -1)
    if liked >= th.VERDICT_NEAR and liked - disliked >= th.VERDICT_MARGIN and likes >= 0:
        return Verdict(subject, 1)
    if max(liked, disliked) >= th.VERDICT_MODEL_NEAR and abs(likes) >= th.VERDICT_MODEL_SURE:
        return Verdict(subject, 1 if likes > 0 else -1)
    return None


def meaning_texts(texts: Sequence[str]) -> list[str]:
    """What `verdict` would read by meaning in these sentences and clauses, as it embeds them: to
    embed while the candidate speaks (`assess.prepare`)."""
    return [MEANING_LEAD + shape[1] for t in texts if isinstance(shape := _shape(t), tuple)]


def _shape(sentence: str) -> Verdict | tuple[int, str] | None:
    """The sentence's verdict when its words decide it, (subject, predicate) when the predicate is
    to be read by meaning, None when it is not a part of the job named and then judged."""
    norms, breaks = _words(sentence)
    if norms[:1] in (("and",), ("but",)):  # a clause of a longer sentence: "..., and a day on the phones sounds..."
        shape = _shape(" ".join(sentence.split()[1:]))
        if isinstance(shape, Verdict):
            return Verdict(shape.subject + 1, shape.stance)
        return None if shape is None else (shape[0] + 1, shape[1])
    found = _found_it(norms)
    if found is not None:
        return found
    raw = sentence.split()
    cut = next((k for k, w in enumerate(raw) if w[-1:] == ","), None)
    if cut is not None and _words(" ".join(raw[:cut + 1]))[0] in CANDOUR:  # "To be frank, talking to customers..."
        shape, skipped = _shape(" ".join(raw[cut + 1:])), len(_words(" ".join(raw[:cut + 1]))[0])
        if isinstance(shape, Verdict):
            return Verdict(shape.subject + skipped, shape.stance)
        return None if shape is None else (shape[0] + skipped, shape[1])
    verb = _subject_end(norms)
    if verb is None:
        verb = _topic_end(norms, breaks)
    if verb is None or any(denials_of(" ".join(norms[:verb]))):
        return None  # "None of it is a problem": a denial in the subject turns the predicate round
    predicate = _predicate(norms, breaks, verb)
    if _someone(norms) or _doing(predicate):
        return None  # "A lady was yelling at me" tells what happened, not what the candidate makes of it
    if not predicate or not FIRST_PERSON & set(predicate) and predicate[0] not in SEEMING:
        return None  # "Being rude isn't acceptable" is a fact, not the candidate's stance
    text = " ".join(predicate)
    denying = [d and not (n == "no" and predicate[k + 1:k + 2] == ("end",))  # "frustrates me no end"
               for k, (n, d) in enumerate(zip(predicate, denials_of(text)))]
    first = next((k for k, d in enumerate(denying) if d), None)
    if first is not None and set(predicate[first + 1:first + 2]) & NOT_ONLY:
        return None
    # what it does to the candidate says no by itself ("bores me"), unless it is what suits them
    said_against = sum(denying) + any(n in TO_ME and n not in SUITS and n not in DENYING_WORDS for n in predicate) \
        + _puts_off(predicate)
    if first is not None or said_against:
        return Verdict(verb, -1 if said_against % 2 else 1)
    return verb, text


# How it is told, before the sentence proper: "To be frank, ...", "Honestly, ..."
CANDOUR = frozenset({("honestly",), ("frankly",), ("truthfully",), ("seriously",), ("look",), ("well",),
                     ("to", "be", "honest"), ("to", "be", "frank"), ("to", "be", "fair"), ("in", "all", "honesty"),
                     ("if", "i", "am", "honest"), ("i", "must", "say")})
# What takes up a part of the job named first and set off by a comma: "Evenings on the phones, that one
# fills me with dread", "..., it's not for me" ("it is"), "..., which sounds rewarding to me".
TAKEN_UP = (("that", "one"), ("that",), ("it",), ("this",), ("which",))
LIKING = frozenset({"love", "like", "enjoy", "adore"})
ADVERBS = frozenset({"honestly", "really", "just", "frankly", "actually", "probably", "genuinely", "truly"})


def _topic_end(norms: tuple[str, ...], breaks: frozenset[int]) -> int | None:
    """Where the predicate starts when the part of the job is named first, set off by a comma, and
    then taken up by a pronoun ("Evenings and weekends on the phones, that one fills me with dread")
    or judged by the candidate ("Talking to customers all day, I can't get excited about it"); None
    in any other shape."""
    end = min(breaks, default=None)
    if end is None or end + 1 > MAX_SUBJECT or end + 1 >= len(norms) or norms[0] in NOT_A_SUBJECT \
            or norms[0] in FIRST_PERSON or FIRST_PERSON & set(norms[:end + 1]) or NEW_CLAUSE & set(norms[:end + 1]):
        return None
    rest = norms[end + 1:]
    taken = next((len(t) for t in TAKEN_UP if rest[:len(t)] == t), None)
    verb = next((n for n in rest[1:] if n not in ADVERBS), None)
    if taken is not None and rest[:1] == ("which",) and verb not in LINKING | SEEMING:
        return None  # "..., which I've never done full time": what the candidate has done, not a verdict
    if taken is not None:
        return end + 1 + taken
    clause_end = min((b for b in breaks if b > end), default=len(norms) - 1)
    own = norms[end + 1:clause_end + 1]
    if rest[:1] == ("i",) and {"it", "that", "them"} & set(own) and (any(denials_of(" ".join(own))) or LIKING & set(own)):
        return end + 1  # "..., I can't get excited about it", "..., I'd love it": the candidate's own verdict
    return None


def _puts_off(predicate: tuple[str, ...]) -> bool:
    """ "...puts me off", "...would put me right off": a dislike said in words, so "...don't put me off"
    is a denied dislike, a yes (read by meaning, the denial alone turned it into a no)."""
    return any(n in ("put", "puts") and "me" in predicate[k + 1:k + 3] and "off" in predicate[k + 2:k + 5]
               for k, n in enumerate(predicate))


# "I'd find it a drag having...", "I find it rewarding helping...": the verdict before the part of the job
FINDING = frozenset({"find", "finds", "found"})


def _found_it(norms: tuple[str, ...]) -> tuple[int, str] | None:
    """"I (would) find it <verdict> <doing something>": the whole clause, and its verdict to read
    by meaning ("is <verdict>"); None in any other shape."""
    k = 1 + (norms[1:2] in (("would",), ("do",), ("did",), ("always",)))
    if norms[:1] != ("i",) or norms[k:k + 1] not in {(w,) for w in FINDING} or norms[k + 1:k + 2] != ("it",):
        return None
    rest = norms[k + 2:]
    end = next((j for j, n in enumerate(rest) if n.endswith("ing") and j), None)
    if end is None or any(denials_of(" ".join(norms[:k + 2 + end]))):
        return None
    return len(norms), "is " + " ".join(rest[:end])


MEANING_LEAD = "that "  # a predicate is read as "that <predicate>", as the exemplars are written


def _nearness(predicate: str) -> tuple[float, float, float]:
    """How near "that <predicate>" is to the nearest liking and to the nearest dislike, and the
    verdict model's log-odds that it likes what it is said of."""
    liked, disliked = verdict_model.row_vectors()
    v = semantic.embed([MEANING_LEAD + predicate])[0]
    return float((liked @ v).max()), float((disliked @ v).max()), verdict_model.logit(v)


def says(clauses: Sequence[Clause], clause: Clause, reading: str, phrasing: str, judged: bool = True) -> bool:
    """Whether the clause (read as `reading`) says a phrasing rather than denying it: when it names
    the part of the job its sentence opens with, what the sentence's predicate makes of it
    ("Going the extra mile was never my thing"), for a phrasing said the positive
    way (and when `judged`); else its own stance toward the phrasing's words (`clauses.agrees`)."""
    if judged:
        found = judged_stance(clauses, clause, phrasing)
        if found is not None:
            return found > 0
    return agrees(reading, phrasing)


def judged_subject(clauses: Sequence[Clause], clause: Clause) -> str | None:
    """The words of the part of the job the clause opens, when its sentence then says the candidate
    does not want it ("Sorting out people's muddles on the phone has never appealed to me"): to be
    compared with the key points by itself, since the verdict after it pulls the whole clause away
    from what the part of the job means."""
    for scope in dict.fromkeys((clause, sentence_of(clauses, clause))):
        judged = verdict(scope.text)
        if judged is not None and judged.stance < 0 and clause.start - scope.start < judged.subject:
            return " ".join(_subject_words(_words(scope.text)[0][:judged.subject]))
    return None


def _subject_words(norms: tuple[str, ...]) -> tuple[str, ...]:
    """A subject without the "and" or the opener before it, or the pronoun that takes it up after it."""
    if norms[:1] in (("and",), ("but",)):
        norms = norms[1:]
    opener = next((len(c) for c in CANDOUR if norms[:len(c)] == c), 0)
    norms = norms[opener:]
    taken = next((len(t) for t in TAKEN_UP if len(norms) > len(t) and norms[-len(t):] == t), 0)
    return norms[:len(norms) - taken]


def judged_stance(clauses: Sequence[Clause], clause: Clause, phrasing: str) -> int | None:
    """What the clause's sentence makes of the part of the job the clause names (+1, -1), for a
    phrasing said the positive way; None when it names none, or is not judged."""
    if stance(phrasing) <= 0:
        return None
    for scope in dict.fromkeys((clause, sentence_of(clauses, clause))):  # its own words, then its sentence's
        judged = verdict(scope.text)
        if judged is not None and clause.start - scope.start < judged.subject:
            return judged.stance
    return None
