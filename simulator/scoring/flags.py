"""Red flags: clauses that would end a real interview, found by meaning and by their words, and
the phrase finder that knows when a phrase is denied ("I would never tell a customer to calm down")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import EvidenceKind, Metric, RedFlag, Severity
from . import lexicon as lx
from .clauses import AUXILIARIES, after_auxiliary, denies_saying, norms_of
from .lexicon import rx
from .flag_meaning import FlagMatch
from .text import Doc

NEGATORS = frozenset({"never", "not", "no", "avoid", "avoided", "without", "instead", "rather",
                      "refuse", "refused", "nobody"})
CLAUSE_BREAKS = frozenset({"so", "and", "but", "because", "then", "when", "which", "who"})
NEGATION_WINDOW = 6  # tokens before a phrase where "never"/"not" cancels it


def _phrase_start(doc: Doc, i: int) -> int:
    """The first word of the phrase that token i is in."""
    first_word = doc.tokens[i].word
    return next((s for s, e in doc.pieces if s <= first_word < e), 0)


def negated(doc: Doc, i: int) -> bool:
    """'I would never tell a customer to calm down': the phrase at token i is denied (by a word
    before it in the same phrase: "sorry it hasn't arrived, let me look" denies nothing)."""
    phrase_start = _phrase_start(doc, i)
    for k in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
        if doc.tokens[k].word < phrase_start:
            return False
        norm = doc.norms[k]
        if norm in CLAUSE_BREAKS:
            return False
        if norm in NEGATORS or (norm == "than" and _rather_before(doc, k, phrase_start)):
            return True
    return False


# "I'd rather tell someone it's late than lie to them", "sooner ... than": the act after "than" is
# the one the candidate turns down, however long the one they prefer (v6-precision3).
PREFERRING = frozenset({"rather", "sooner"})


def _rather_before(doc: Doc, k: int, phrase_start: int) -> bool:
    return any(doc.norms[m] in PREFERRING for m in range(k - 1, -1, -1) if doc.tokens[m].word >= phrase_start)


def denied_after(doc: Doc, j: int) -> bool:
    """'Telling someone to calm down has never once calmed anyone': the phrase ending before token
    j is what its sentence says is not done (an auxiliary and a denial right after it)."""
    after = doc.norms[j:j + 3]
    if not after or after[0] not in AUXILIARIES:
        return False
    nxt = after_auxiliary(after, 0)
    return nxt < len(after) and after[nxt] in NEGATORS


# "'Calm down' is the worst thing you can say", "...only makes it worse": the phrase named, then
# judged by its sentence as a thing not to say (the words right after it).
JUDGED_AFTER = re.compile(r"^(?:is|was|would be|are) (?:the (?:worst|last) thing|(?:a |the )?(?:worst|bad|terrible) "
                          r"(?:thing|idea)|never (?:the answer|a good idea|helpful))|^(?:never|does not|do not|did not|"
                          r"will not|would not) (?:works?|helps?|calms?)\b|^(?:only |just )?makes? (?:it|things|them|people) worse")


def judged_after(doc: Doc, j: int) -> bool:
    return JUDGED_AFTER.match(" ".join(doc.norms[j:j + 6])) is not None


# "I used to feel like an idiot", "she feels like an idiot with her phone": a word of contempt
# that says how someone felt is a feeling, not a name the candidate calls anyone.
FELT = frozenset({"feel", "feels", "felt", "feeling"})


def felt(doc: Doc, i: int) -> bool:
    before = doc.norms[max(0, i - 4):i]
    while before and before[-1] in ("a", "an", "like", "bit", "total", "complete", "right", "such"):
        before = before[:-1]
    return bool(before) and before[-1] in FELT


# "I used to tell customers what they wanted to hear... It backfired, so now I only promise what I
# can see on the system": a habit the candidate had, said with what they do now, is a weakness
# owned and put right, the answer a weakness question asks for ("...and I still do" is not). So is
# a trait owned ("I can be kind of stubborn about saying sorry for stuff that wasn't my fault")
# with what the candidate learned or started doing since ("What I've learned is it's not about
# blame... once I started saying it that way it got a whole lot easier"); "...and I'm not planning
# on changing that" says no change, and the words stay a red flag.
USED_TO = re.compile(r"\bi (?:used to|can be|tend to|struggle|struggled|have a habit|had a habit)\b")
NOW = re.compile(r"\b(?:now|nowadays|these days|since then|i have learned|i learned|i have learnt|i learnt|"
                 r"i stopped|once i started|since i started)\b")
# "I'm not changing now", "I'm not going to change now": no change said ("...not my fault. Now I own it" is one)
NOT_NOW = re.compile(r"\b(?:not|never)\s+(?:going\s+to\s+\w+\s+|\w+ing\s+)?(?:now|nowadays)$")


def outgrown(doc: Doc, i: int) -> bool:
    """The words at token i follow "I used to" (or another trait owned: "I can be", "I tend to") in
    their sentence, and from them to the end of the next sentence the candidate says what they do now."""
    word = doc.tokens[i].word
    s0, s1 = doc.sentence_of(word)
    end = doc.sentence_of(s1)[1] if s1 < len(doc.words) else s1

    def said(a: int, b: int) -> str:
        return " ".join(t.norm for t in doc.tokens if a <= t.word < b)
    after = said(word, end)
    return USED_TO.search(said(s0, word)) is not None and any(
        not NOT_NOW.search(after[:m.end()]) for m in NOW.finditer(after))


def reported(doc: Doc, i: int, reports: Sequence[int]) -> bool:
    """The words at token i are someone else's, reported earlier in their phrase ("he called me
    an idiot", "she said I was useless"); `reports`: the tokens where the answer reports speech."""
    phrase_start = _phrase_start(doc, i)
    return any(doc.tokens[a].word >= phrase_start and a < i for a in reports)


def unsaid(doc: Doc, i: int) -> bool:
    """Its sentence denies saying the words at token i ("It's never telling a caller that it
    isn't my problem"), however far before them the denial is."""
    first_word = doc.tokens[i].word
    s0, _ = doc.sentence_of(first_word)
    return denies_saying(" ".join(w.raw for w in doc.words[s0:first_word]))


def alone(doc: Doc, span: tuple[int, int]) -> bool:
    """A word said on its own: its phrase ends with it ("Whatever, ...", "Whatever."); a sentence
    ends a phrase too."""
    last_word = doc.tokens[span[1] - 1].word
    return any(e == last_word + 1 for _, e in doc.pieces)


# Words that start what comes next in a run typed without commas: "tell them its sorted even if it
# isnt and move on" ends its denial before "and".
NEXT_CLAUSE = frozenset({"and", "but", "so", "then"})


def ends_claim(doc: Doc, span: tuple[int, int]) -> bool:
    """`alone`, or followed straight away by a word that starts the next clause (`NEXT_CLAUSE`)."""
    if alone(doc, span):
        return True
    nxt = doc.tokens[span[1]].norm if span[1] < len(doc.tokens) else ""
    return nxt in NEXT_CLAUSE


def phrases(doc: Doc, patterns) -> list[tuple[int, int]]:
    """Spans of phrases that are said, not denied, by the candidate (not quoted from someone else)."""
    return [s for s in doc.find_all(patterns) if not negated(doc, s[0]) and not denied_after(doc, s[1])
            and not judged_after(doc, s[1]) and not doc.quoted_from_others(s[0])]


@dataclass(frozen=True)
class Flag:
    """A red flag in an answer: the words of its clause, its family, and how it was found."""

    start: int  # word span in the Doc: [start, end)
    end: int
    family: RedFlag
    similarity: float | None = None  # to its nearest exemplar, when found by meaning
    practice: bool = False  # a good practice of the job refused ("I wouldn't apologise"), not a condition


LEXICAL_FAMILIES = ((lx.CONTEMPT, RedFlag.CONTEMPT), (lx.BLAME, RedFlag.BLAME), (lx.DISMISSIVE, RedFlag.DISMISSIVE),
                    (lx.DISHONESTY, RedFlag.DISHONESTY), (lx.PROFANITY, RedFlag.PROFANITY),
                    (lx.EASY_JOB, RedFlag.MONEY), (lx.NEGATIVITY, RedFlag.NEGATIVITY))


def find_red_flags(doc: Doc, meant: Sequence[FlagMatch]) -> list[Flag]:
    """Every red flag, one per clause: by meaning first (the clause means an exemplar of a
    family, `flag_meaning.red_flags`), then by words; the quote is the clause it was said in."""
    found: list[Flag] = []

    def taken(a: int, b: int) -> bool:
        return any(a < f.end and f.start < b for f in found)

    for m in sorted(meant, key=lambda m: (-m.similarity, m.clause.sentence)):
        c = m.clause
        if not taken(c.start, c.end):
            found.append(Flag(c.start, c.end, m.family, round(m.similarity, 2), m.practice))
    reports = [a for a, _ in doc.find_all(lx.REPORTED)]
    for patterns, family in LEXICAL_FAMILIES:
        spans = [sp for sp in phrases(doc, patterns) if not reported(doc, sp[0], reports) and not unsaid(doc, sp[0])
                 and not (family is RedFlag.CONTEMPT and felt(doc, sp[0]))
                 and not (family is not RedFlag.PROFANITY and outgrown(doc, sp[0]))]
        if family is RedFlag.DISMISSIVE:
            spans += [sp for sp in phrases(doc, lx.DISMISSIVE_OPENERS) if doc.starts_sentence(sp[0])]
            spans += [sp for sp in phrases(doc, lx.INTERJECTIONS) if doc.starts_sentence(sp[0]) and alone(doc, sp)]
        if family is RedFlag.DISHONESTY:
            spans += [sp for sp in phrases(doc, lx.OWNED_UP_LIE) if ends_claim(doc, sp) and not unsaid(doc, sp[0])]
        for i, j in spans:
            a, b = doc.token_words(i, j)
            a, b = doc.phrase(a, b)
            if not taken(a, b):
                found.append(Flag(a, b, family))
    return sorted((f for f in found if not _fault_then_fix(doc, f)), key=lambda f: f.start)


# "It wasn't my fault, it was the courier's: ... I didn't argue or pass the blame, I apologised":
# whose fault it was, said before the fix the candidate owned, sets a story's scene; a bare "not
# my fault, blame the courier", or one followed by nothing the candidate did, is still blame.
FAULT_DISCLAIMED = rx(r"not (?:really |exactly )?(?:my|our) fault")
OWNED_FIX = rx(r"i (?:still )?(?:apologised|apologized|said sorry|said i was sorry)",
               r"i did not (?:argue|pass|blame|make excuses)",
               r"i (?:fixed|resolved|sorted|handled|took care|made sure|followed up|owned)",
               r"(?:let me|i will|i am going to) (?:sort|fix|get|put|send|chase|find)")


def _fault_then_fix(doc: Doc, flag: Flag) -> bool:
    """A blame that only says whose fault it was, followed by the fix the candidate owned."""
    if flag.family not in (RedFlag.BLAME, RedFlag.DISMISSIVE):
        return False
    said = " ".join(n for w in doc.words[flag.start:flag.end] for n in norms_of(w.raw))
    if not any(p.search(said) for p in FAULT_DISCLAIMED):
        return False
    return any(doc.tokens[i].word >= flag.end for i, _ in phrases(doc, OWNED_FIX))


RED_FLAG_NOTES = {RedFlag.BLAME: "blames someone", RedFlag.DISMISSIVE: "dismissive",
                  RedFlag.PROFANITY: "profanity", RedFlag.NEGATIVITY: "negative",
                  RedFlag.CONTEMPT: "contempt for customers", RedFlag.REFUSAL: "turns down the job's conditions",
                  RedFlag.MONEY: "only in it for the money", RedFlag.DISHONESTY: "dishonest"}
# A refusal of what the job is, rather than of its hours ("I wouldn't apologise", `refusal.py`).
PRACTICE_NOTE = "refuses a basic part of the job"
# Every family but plain negativity caps the overall; negativity only costs points.
RED_FLAG_SEVERITY = {family: Severity.MILD if family is RedFlag.NEGATIVITY else Severity.SEVERE for family in RedFlag}


def severe_red_flags(metric: Metric | None) -> int:
    if metric is None:
        return 0
    return sum(1 for e in metric.evidence if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE)


