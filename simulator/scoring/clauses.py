"""An answer as clauses: its sentences and the phrases inside them, each with its stance.

The meaning model compares clauses, not single words: a key point is covered by a clause that
means it, a red flag is a clause that means one. The model does not hear "not" well ("I don't
enjoy helping people" sits close to "I enjoy helping people"), so each clause also carries its
stance, read from its words: whether it says something or denies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from .denial_shapes import denied_by_shape, last_wanted
from .lexicon import FILLER_SOUNDS
from .matching import same_word
from .text import SENTENCE_END, Doc
from .words import STOPWORDS, normalise_word

# Words that deny what follows them ("don't" and "won't" arrive spelled out: "do not").
NEGATORS = frozenset({"not", "never", "no", "none", "nothing", "nobody", "neither", "nor", "without",
                      "hardly", "refuse", "refused", "cannot"})
# Words that deny their own object, so that denying them affirms it: "I don't mind weekends",
# "no problem with nights", "no two calls are the same" (said of variety).
DENYING_WORDS = frozenset({"mind", "problem", "problems", "issue", "issues", "hate", "hated", "hates",
                           "dislike", "disliked", "hesitate", "trouble", "worry", "worries", "worried", "bother", "bothers",
                           "bothered", "faze", "fazed", "fussy", "picky",
                           # fear said of the work: "Night shifts don't scare me", "I'm not scared of the phones"
                           "scare", "scares", "scared", "frighten", "frightens", "intimidate", "intimidates",
                           "daunt", "daunts",
                           # boredom said of the work: "I never get bored on the phone", "never a dull day"
                           "bored", "boring", "dull", "tedious"})
# ...but a problem that something is done to is a thing, not a denial: "fixing their problem".
PROBLEMS = frozenset({"problem", "problems", "issue", "issues", "trouble"})
# ...and so is a problem someone has: "I'd rush through their problems" denies nothing.
OWNERS = frozenset({"their", "his", "her", "your", "our", "my"})
SOLVING = frozenset("""fix fixes fixing fixed solve solves solving solved sort sorts sorting sorted resolve
    resolves resolving resolved handle handles handling handled explain explaining explained report
    reporting reported find finding found understand understanding understood""".split())
SOLVING_NEXT = {(w,) for w in SOLVING}  # "someone new with a problem to sort": one to be solved
SOLVING_REACH = 3  # "fixing | their | problem", "sorted | out | the | issue"
ELLIPSIS_BEFORE_NOT = frozenset({"if", "why"})
MIN_PIECE_WORDS = 2  # a phrase shorter than this says too little to compare by meaning
# A denial reaches this many words ahead ("I would never really want to take...") and stops at
# a word that opens another clause ("...sorry, and nobody called back" denies nothing said before).
DENIAL_REACH = 6
# "I'm not going to sit and wait on the courier", "try and": one act in two verbs, one denial
SERIAL_VERBS = frozenset({"sit", "go", "try", "come", "stand", "hang"})
# "...just to get rid of them", "...only to", "...in order to": a purpose, after the act it is for
PURPOSE_BEFORE_TO = frozenset({"just", "only", "simply", "merely", "order"})
DENIAL_STOPS = frozenset({"so", "and", "but", "because", "which", "who", "while", "if", "then",
                          "although", "though", "until", "since"})
SAME = frozenset({"same", "alike", "identical"})  # "no two calls are alike" (twentieth pass)
BEST = frozenset({"beats", "compares", "tops"})  # "nothing beats...": the best, not a denial
# "Late shifts don't bother me" affirms them; "I wouldn't bother checking / to check / with a
# note" is "bother" as an ordinary verb, and only the "not" denies; so is "I wouldn't bother my
# supervisor": bothering someone other than me or us.
BOTHER = frozenset({"bother", "bothers", "bothered"})
BOTHER_VERB_NEXT = frozenset("""to with my the a an your his her their our them him anyone anybody
    someone somebody people""".split())
CONDITIONS = frozenset({"if", "unless", "when"})
# Verbs that take away what follows: toward the words they reach, they deny as "no" would ("I'd
# swap every bit of jargon for..." says "no jargon"; "I avoid jargon" says it too).
REMOVING = frozenset("""avoid avoids avoiding avoided skip skips skipping swap swaps swapping replace replaces
replacing drop drops dropping ditch ditches ditching ignore ignores ignoring ignored neglect neglects neglecting
neglected""".split())
REPLACED_WITH = frozenset({"with", "for", "by", "into"})
# "go round the policy", "get around the rules", "bypass the check": a way past them takes them away
# as "skip" does ("I wouldn't go round the policy on my own" keeps to it; p7-precision).
PAST_IT = frozenset({"bypass", "bypasses", "bypassing", "bypassed", "circumvent", "circumventing"})
ROUND, GOING = frozenset({"round", "around"}), frozenset({"go", "goes", "going", "went", "get", "gets", "getting",
                                                         "got", "work", "working", "worked"})


def _way_round(norms: tuple[str, ...], k: int) -> bool:
    return norms[k] in PAST_IT or (norms[k] in ROUND and k > 0 and norms[k - 1] in GOING)
ECHOES = frozenset({"neither", "nor"})  # "...and neither will weekends" echoes the clause before
# "Helping strangers isn't my thing", "...has never really been my thing": a denial right after
# the words, by "is not", "has never" and the like (one adverb may come between), unless another
# subject comes first: "I'm sorry your sofa hasn't arrived" denies the sofa's arrival, not the apology.
AUXILIARIES = frozenset({"is", "are", "was", "were", "am", "has", "have", "had", "does", "do", "did",
                         "will", "would", "can", "could"})
# The words are the subject of a longer phrase whose verb denies them: "Talking to strangers all
# day doesn't really appeal" (the auxiliary is this many words after them, at most).
PREDICATE_REACH = 6
RULED_OUT = frozenset({"out", "impossible"})  # "...are out", said of the words just before
ADVERBS = frozenset({"really", "just", "ever", "truly", "honestly", "actually", "always", "certainly"})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
SUBJECTS = frozenset({"i", "you", "he", "she", "it", "we", "they", "this", "that", "the", "your", "his",
                      "her", "its", "our", "their", "my"})


# "I wouldn't just say policy is policy", "It's never telling a caller it isn't my problem": a
# denial of saying something denies all of it, whatever its own words deny.
SPEECH_VERBS = frozenset({"say", "saying", "tell", "telling", "reply", "replying", "answer", "answering",
                          "respond", "responding"})
SAYING_REACH = 3  # words from the denial to the verb of saying ("would never just say")


@lru_cache(maxsize=65536)
def norms_of(text: str) -> tuple[str, ...]:
    return tuple(n for raw in text.split() for n in normalise_word(raw))


def _denies(norm: str) -> bool:
    return norm in NEGATORS or norm in DENYING_WORDS


@lru_cache(maxsize=65536)
def denials_of(text: str) -> tuple[bool, ...]:
    """Which words of a clause deny: not the "not" of "if not" or "why not", which stands for a
    clause left unsaid ("If not, I'll open a claim with the courier"). ("...or not?" still denies:
    "Are you going to let me do my job or not?") A question asked of oneself denies what it asks:
    "Why would I let them finish?" says "I wouldn't"."""
    norms = norms_of(text)
    return tuple((_denies(n) and not (n == "not" and k and norms[k - 1] in ELLIPSIS_BEFORE_NOT)
                  and not _not_a_denial(norms, k))
                 or _said_same(norms, k) or _asks_why_i(norms, k) or denied_by_shape(norms, k)
                 for k, n in enumerate(norms))


RHETORICAL = frozenset({"would", "should"})  # "why would I...", "why should we..."
# "I don't think I'd...", "I'm not sure I would...": a denial said before them reaches past these
# "It's not that I enjoy...": nor past "that"
RAISING = frozenset({"think", "thought", "believe", "expect", "suppose", "reckon", "imagine", "guess", "feel",
                     "felt", "sure", "say", "said", "see", "that"})


# "I'm not someone who enjoys...", "not the kind of person who...": the candidate denied to be one
# who does it denies doing it
ONE_WHO = frozenset({"someone", "somebody", "one", "type", "kind", "sort", "person"})


def _not_someone_who(norms: tuple[str, ...], k: int) -> bool:
    """Whether the "who" at k follows a denied identity of the candidate's ("I'm not someone who")."""
    head = norms[max(0, k - 5):k]
    return norms[k] in ("who", "that") and bool(set(head[-3:]) & ONE_WHO) and "i" in head \
        and any(n in NEGATORS for n in head)


def _reaches_past(norms: tuple[str, ...], k: int) -> bool:
    """Whether a denial before the subject at k still reaches what follows it: one asked ("why
    would I"), or one said of a thought ("I don't think I...", "It's not that I...")."""
    return (k >= 1 and norms[k - 1] in RAISING) or (k >= 2 and norms[k - 2] == "why" and norms[k - 1] in RHETORICAL) \
        or (k >= 2 and last_wanted(norms, k - 2))  # "the last thing I want is...": what follows is not wanted


def _asks_why_i(norms: tuple[str, ...], k: int) -> bool:
    return norms[k] == "why" and norms[k + 1:k + 2] in {(w,) for w in RHETORICAL} \
        and norms[k + 2:k + 3] in {(w,) for w in FIRST_PERSON_SUBJECTS}


def _not_a_denial(norms: tuple[str, ...], k: int) -> bool:
    """"Nothing beats a caller saying thanks" praises; "Good service isn't always saying yes"
    hedges; "I wouldn't bother checking" only says "wouldn't": none denies what follows. Nor does
    a problem that is being fixed ("It doesn't mean fixing their problem" denies once)."""
    nxt = norms[k + 1] if k + 1 < len(norms) else ""
    return ((norms[k] in ("nothing", "nobody") and nxt in BEST) or (norms[k] == "not" and nxt == "always")
            or (norms[k] in BOTHER and (nxt in BOTHER_VERB_NEXT or nxt.endswith("ing")))
            or (norms[k] in PROBLEMS and any(w in SOLVING for w in norms[max(0, k - SOLVING_REACH):k]))
            or (norms[k] in PROBLEMS and k and norms[k - 1] in OWNERS)  # "rush through their problems"
            or (norms[k] in PROBLEMS and norms[k + 1:k + 2] == ("to",) and norms[k + 2:k + 3] in SOLVING_NEXT))


def _said_same(norms: tuple[str, ...], k: int) -> bool:
    """"Every day is the same", "calls are all the same": sameness said of something denies its
    variety; "the same afternoon" and "for the same price" deny nothing."""
    return norms[k] in SAME and any(w in AUXILIARIES for w in norms[max(0, k - 3):k])


def after_auxiliary(norms, k: int) -> int:
    """Where the word after the auxiliary at k is, past one adverb: "has | never", "is really | not"."""
    return k + 1 + (k + 1 < len(norms) and norms[k + 1] in ADVERBS)


@lru_cache(maxsize=65536)
def stance(text: str) -> int:
    """+1 when a clause says what its words say, -1 when it denies it: an odd number of denials."""
    return -1 if sum(denials_of(text)) % 2 else 1


@lru_cache(maxsize=65536)
def _shared_words(target: str) -> tuple[str, ...]:
    """The words of a target a clause may share with it: its content words, not its denials."""
    return tuple(w for w in norms_of(target) if w not in STOPWORDS and not _denies(w))


@lru_cache(maxsize=65536)
def stance_toward(text: str, target: str, removing: bool = False) -> int:
    """The clause's stance toward what `target` says: the denials that reach the words they
    share ("I'm so sorry your order hasn't arrived" says "I'm sorry"; "I don't enjoy helping
    people" denies "enjoy helping people"), else the whole clause's stance. With `removing`, a
    verb that takes away the words (`REMOVING`: "swap the jargon for...") denies them too."""
    norms = norms_of(text)
    wanted = _shared_words(target)
    hits = [i for i, n in enumerate(norms) if n not in STOPWORDS and any(same_word(w, n) for w in wanted)
            and not last_wanted(norms, i)]  # "the last people I want" is no "last job"
    if not hits:
        return stance(text)
    first, last = hits[0], hits[-1]
    denying = denials_of(text)
    denials = 0
    k, reach_end = first - 1, first - 1 - DENIAL_REACH
    stop = next((j for j in range(first - 1, -1, -1) if norms[j] in DENIAL_STOPS), None)
    if stop is not None and _not_someone_who(norms, stop):
        denials += 1  # however long the relative clause: "I'm not someone who gets a kick out of sorting..."
        reach_end = max(reach_end, stop)
    while k > max(-1, reach_end):
        if norms[k] in DENIAL_STOPS and not (norms[k] == "and" and k and norms[k - 1] in SERIAL_VERBS):
            break
        if norms[k] in FIRST_PERSON_SUBJECTS and (denials or not _reaches_past(norms, k)):
            # "I wouldn't apologise, I wouldn't hear them out", "I'd never hang up, I'd let them
            # finish": a subject opens a clause, and a denial before it is the last clause's; not
            # "I don't think I'd...", nor "Why would I...", which deny what follows them
            break
        if norms[k] in ECHOES:
            if k == first - 2 and norms[first - 1] in AUXILIARIES:
                # "Nights won't be a problem, and neither will weekends": the words take the
                # stance of what was said before them.
                return stance(" ".join(norms[:k]))
            denials = 1  # "...nights, nor weekends": one denial, whatever came before
            break
        if norms[k] == "or":  # "not listening to the customer or fixing their problem": the
            reach_end = k - 1 - DENIAL_REACH  # denial reaches along its list
        if norms[k] == "to" and k and norms[k - 1] in PURPOSE_BEFORE_TO:
            # "I'd never pass them on just to get rid of them": a purpose is denied with the act
            # it is the purpose of, however long the act
            reach_end = k - 1 - DENIAL_REACH
        # "replace the jargon with everyday words": what something is replaced with is kept
        denials += denying[k] or (removing and (norms[k] in REMOVING or _way_round(norms, k))
                                  and not any(n in REPLACED_WITH for n in norms[k:first]))
        k -= 1
    if first + 1 < last and norms[first + 1] in AUXILIARIES:
        # "Nights won't work for me" denies "happy to work nights": the shared words' subject,
        # then its auxiliary denied, then the rest of the shared words
        nxt = after_auxiliary(norms, first + 1)
        if nxt < last and denying[nxt] and all(k in (first + 1, nxt) or norms[k] in ADVERBS for k in range(first + 1, last)):
            denials += 1
    after = norms[last + 1:last + 1 + PREDICATE_REACH + 4]
    for k, n in enumerate(after[:PREDICATE_REACH]):
        if n in DENIAL_STOPS or n in SUBJECTS:
            break
        if n in AUXILIARIES:
            nxt = after_auxiliary(after, k)
            if nxt < len(after) and ((after[nxt] in NEGATORS and not _not_a_denial(after, nxt)) or (
                    after[nxt] == "the" and last_wanted(after, nxt + 1))) and after[nxt + 1:nxt + 2] not in NO_NEED:  # "the customer didn't have to repeat herself"
                # "...isn't my thing" denies; "...are no problem" affirms
                rest = list(takewhile(lambda w: w not in DENIAL_STOPS, after[nxt + 1:nxt + 6]))
                denials += 1 + sum(w in DENYING_WORDS for w in rest)
            elif nxt < len(after) and after[nxt] in RULED_OUT:
                denials += 1  # "weekends are out"
            break
    # "no two calls are the same": "same" said of the words ("...are the same") answers a denial
    # before them; "double your speed for the same price" says nothing of the kind.
    denials += sum(_said_same(norms, last + 1 + k) for k, n in enumerate(after[:4]) if n not in wanted)
    return -1 if denials % 2 else 1


@lru_cache(maxsize=65536)
def denies_saying(text: str) -> bool:
    """Whether the clause denies that one would say something ("I'd never tell them to calm down")."""
    norms = norms_of(text)
    return any(n in NEGATORS and any(v in SPEECH_VERBS for v in norms[i + 1:i + 1 + SAYING_REACH])
               for i, n in enumerate(norms))


NOT_FRAGMENT = frozenset({("not",), ("never",)})  # "..., not exciting": a contrast said as a fragment


@lru_cache(maxsize=65536)
def agrees(text: str, target: str) -> bool:
    """Whether a clause says what a target sentence says (rather than denying it). A clause that
    shares no word with the target and denies nothing says it in its own words. Both stances are
    read toward the words they share: "They aren't angry at me" says what "The customer isn't
    angry at me, they're angry at the situation" says about anger."""
    norms, aim = norms_of(text), norms_of(target)
    if len(aim) > 1 and aim[0] in CONDITIONS and aim[0] in norms[:-1]:
        # A condition is said by the clause's own condition, whatever its main clause denies:
        # "I can't continue if the language goes on" says "if the language continues".
        return agrees(" ".join(norms[norms.index(aim[0]) + 1:]), " ".join(aim[1:]))
    said = [n for n in norms if n not in STOPWORDS]
    shared = tuple(w for w in _shared_words(target) if any(same_word(w, n) for n in said))
    if not shared and not any(denials_of(text)):
        return True
    if not shared and norms[:1] in NOT_FRAGMENT and len(norms) <= 3 and sum(denials_of(text)) % 2:
        # "..., not exciting": a contrast that denies its own word, and says nothing of others ("never
        # boring"); "not a problem" denies twice and says yes
        return False
    toward = " ".join(shared) if shared else target
    # A verb that takes away says no only to a target that says no ("I'd swap the jargon for..."
    # says "no jargon"); "I'd fake being busy to skip calls" is something done, read as said.
    wanted = stance_toward(target, toward)
    return stance_toward(text, toward, removing=wanted < 0) == wanted


# Whose stance a denial is: "it was not what she wanted to hear" denies nothing of the candidate's,
# "Helping people has never been my thing" does.
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine", "we", "us", "our"})
OTHERS = frozenset({"it", "he", "she", "they", "his", "her", "its", "their", "there", "him", "them"})
# "...so the customer didn't have to repeat herself": the caller named is someone else too;
# and what they had no need to do is no denial of them
NO_NEED = frozenset({("have",), ("need",), ("needed",)})
CALLERS = frozenset({"customer", "customers", "caller", "callers", "client", "clients"})


def sentence_of(clauses: Sequence[Clause], clause: Clause) -> Clause:
    """The sentence of the answer that holds the clause (the clause itself when none does)."""
    return next((c for c in clauses if c.sentence and c.start <= clause.start and clause.end <= c.end), clause)


def mostly_theirs(clause: Clause, theirs: frozenset[int]) -> bool:
    """Whether most of the clause's words are someone else's (a caller quoted, the question said
    back): what they said is no stance of the candidate's."""
    return sum(k in theirs for k in range(clause.start, clause.end)) * 2 > clause.words


@lru_cache(maxsize=65536)
def about_others(text: str) -> bool:
    """Whether a clause's denial is someone else's: someone else is named before it, or it is
    said to the caller ("No need to apologise", "Don't worry"), and the candidate is nowhere in it
    ("...though it was not what she wanted to hear", "he wasn't interested")."""
    norms, denying = norms_of(text), denials_of(text)
    first = next((k for k, d in enumerate(denying) if d), None)
    if first is None or FIRST_PERSON & set(norms):
        return False
    said_to_them = norms[:2] in (("do", "not"), ("no", "need")) or norms[1:3] == ("do", "not")
    return said_to_them or any(n in OTHERS or n in CALLERS for n in norms[:first])


@dataclass(frozen=True)
class Clause:
    """A sentence of the answer, or a phrase inside one, as the meaning model reads it."""

    text: str  # the words as said, without fillers
    start: int  # its words in the Doc: [start, end)
    end: int
    sentence: bool  # a whole sentence (else a phrase of one)
    stance: int  # +1 says it, -1 denies it
    lead: str = ""  # a phrase with its sentence's words before it ("I wouldn't swear back or hang up"
    # for "hang up"): a denial earlier in the sentence may reach it; "" for a whole sentence
    cut: bool = False  # a sentence cut out of a longer run at a comma (`text.LONGEST_SENTENCE`): "giving that
    # back to new agents fairly." ends "...so in five years I'd like to be on the quality side,"

    @property
    def said(self) -> str:
        """The words whose denials reach this clause: its lead-in and itself."""
        return self.lead or self.text

    @property
    def words(self) -> int:
        return self.end - self.start


def _words_of(doc: Doc, a: int, b: int) -> str:
    """The clause as said, without "um" and "uh" (they carry no meaning)."""
    kept = [w.raw.strip() for w in doc.words[a:b] if w.bare and w.bare.lower() not in FILLER_SOUNDS]
    return " ".join(kept).strip(" ,;:-")


def clauses(doc: Doc) -> tuple[Clause, ...]:
    """The sentences of an answer, then the phrases of each sentence that has several (a follow-up
    answer always starts a new sentence, so no clause spans an answer and its follow-up)."""
    out: list[Clause] = []
    seen: set[str] = set()

    def add(a: int, b: int, sentence: bool, lead: str = "", cut: bool = False) -> None:
        text = _words_of(doc, a, b)
        if not text or text.lower() in seen:
            return
        seen.add(text.lower())
        out.append(Clause(text, a, b, sentence, stance(text), lead if lead != text else "", cut))

    starts = {a for a, _ in doc.segments}
    for a, b in doc.sentences:
        add(a, b, True, cut=a > 0 and a not in starts and not SENTENCE_END.search(doc.words[a - 1].raw.strip()))
    for a, b in doc.pieces:
        if b - a >= MIN_PIECE_WORDS and (a, b) not in doc.sentences:
            s0 = next((s for s, e in doc.sentences if s <= a < e), a)
            add(a, b, False, _words_of(doc, s0, b))
    return tuple(out)
