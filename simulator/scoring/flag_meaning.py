"""Red flags by meaning: the clauses of an answer nearest a red-flag exemplar (`exemplars.yaml`),
once their stance is read, and clear of every professional sentence said the same way."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..types import RedFlag, Transcript
from . import lexicon as lx
from . import thresholds as th
from . import tone
from .acts import denies_a_red_act
from .attitude import attitude_of
from .cues import owns_fault, own_stance
from .clauses import (Clause, agrees, denials_of, denies_saying, mostly_theirs, norms_of,
                      sentence_of, stance)
from .english import ASSENT
from .flag_readings import (OWN_CONDUCT, activity_named, answer_part, another_persons_doing, conceded, ended_by_policy,
                            frank, made_small_but_fixed, one_of_my_acts, one_reason_of_several, someone_elses,
                            their_doing)
from .semantic import red_flag_exemplars
from .text import Doc
from .tone import belief_put_right, helps_with
from .tone_words import tone_of


@dataclass(frozen=True)
class FlagMatch:
    clause: Clause
    family: RedFlag
    similarity: float  # to its nearest red-flag exemplar
    exemplar: str
    lead: float = 1.0  # how much nearer that exemplar than every professional sentence
    practice: bool = False  # a good practice of the job refused (`refusal.py`), the exemplar that practice
    by_tone: bool = False  # found by the tone model (`_tone`), its family that of the nearest exemplar
    confirmed: tuple[str, ...] = ()  # what confirmed a clause near an exemplar ("sure", "tone word", ...)


def red_flags(clauses: Sequence[Clause], vectors: np.ndarray, theirs: frozenset[int] = frozenset(),
              call: bool = False) -> list[FlagMatch]:
    """Clauses whose nearest exemplar, once the stance is read (a clause that denies what an
    exemplar says is that much further from it, `_stance_cost`), is a red flag, near enough
    (`th.RED_FLAG_MEANING`) and nearer than every professional sentence by `th.RED_FLAG_MARGIN`;
    and confirmed: unmistakably near (`th.RED_FLAG_SURE`), a word of its tone in the sentence,
    several red-flag exemplars near it at once (`th.RED_FLAG_CONSENSUS`), a word of the candidate's
    attitude to the caller in a clause that leans to a red flag (`attitude`), or a phrase far clearer of
    every professional sentence than the usual margin (`th.RED_FLAG_PHRASE_NEAR`). A phrase is read with
    its sentence: not one whose sentence as a whole is nearer the professional sentences
    (`th.RED_FLAG_PHRASE_SENTENCE`). Words someone else said, quoted (`theirs`: "A man told me,
    'you people are useless'"), are theirs: a clause made mostly of them is no red flag. `call`:
    the answer is a reply to a caller (the tone model reads shorter ones, `_tone`)."""
    if not len(clauses):
        return []
    ex_ = red_flag_exemplars()
    sims = vectors @ ex_.vectors.T
    red = np.flatnonzero([bool(label) for label in ex_.labels])
    fine_rows = np.flatnonzero([not label for label in ex_.labels])
    read = []  # per clause: (nearest red flag, its similarity, the nearest professional, consensus)
    for i, clause in enumerate(clauses):
        if sims[i].max() < th.RED_FLAG_MEANING - th.STANCE_PENALTY:
            read.append((0, -1.0, 1.0, -1.0))
            continue
        flags = _nearest(clause, sims[i], red, th.RED_FLAG_CONSENSUS, ex_.texts)
        fine = _nearest(clause, sims[i], fine_rows, 1, ex_.texts)[0][0]
        read.append((flags[0][1], flags[0][0], fine, sum(v for v, _ in flags) / len(flags) - fine))
    lean = {c: r[1] - r[2] for c, r in zip(clauses, read) if c.sentence}

    @lru_cache(maxsize=None)
    def answer_tone() -> float:
        return tone.answer_logit(vectors, tone.tone_rows(clauses, theirs))

    out = []
    near: list[FlagMatch] = []  # phrases near a red flag and clear of the professional sentences, confirmed or not
    for i, (clause, (j, best, fine, consensus)) in enumerate(zip(clauses, read)):
        # ...nor a red flag's act that the candidate denies ("I wouldn't just hang up on them", `acts`)
        if mostly_theirs(clause, theirs) or their_doing(clause) or denies_a_red_act(clause, sims[i], ex_.labels, ex_.texts):
            continue
        sentence = sentence_of(clauses, clause)
        if one_of_my_acts(clause, sentence, ex_.texts[j]) or belief_put_right(sentence, clauses):
            continue
        if conceded(clause, sentence) or (RedFlag(ex_.labels[j]) is RedFlag.DISMISSIVE and helps_with(clause)):
            continue
        if made_small_but_fixed(clause, clauses):  # "not the end of the world, I'll fix it now" (`flag_readings`)
            continue
        if RedFlag(ex_.labels[j]) is RedFlag.DISMISSIVE and ended_by_policy(clause, clauses):  # warned first
            continue
        if (RedFlag(ex_.labels[j]) in OWN_CONDUCT and someone_elses(clause, ex_.texts[j])) or (
                RedFlag(ex_.labels[j]) is RedFlag.MONEY and (one_reason_of_several(clause, clauses) or frank(clause))):
            continue
        if (RedFlag(ex_.labels[j]) is RedFlag.DISHONESTY and another_persons_doing(sentence)) or (
                RedFlag(ex_.labels[j]) is RedFlag.BLAME and owns_fault(clause.text)):  # blame points away (`cues`)
            continue
        leaning = lean.get(sentence, 0.0)
        if not clause.sentence and leaning < th.RED_FLAG_PHRASE_SENTENCE and not _sure_alone(clause, best, fine):
            continue
        # Casual rudeness in a situation no exemplar names: a word of the candidate's attitude to
        # the caller with a clause that leans to a red flag, if less near than the usual bar.
        attitude = attitude_of(clause.text) if best >= th.ATTITUDE_NEAR and best - fine >= th.ATTITUDE_MARGIN else None
        if attitude is not None:
            out.append(FlagMatch(clause, attitude, best, ex_.texts[j], best - fine, confirmed=("attitude",)))
            continue
        # The weaker routes need a whole sentence: a phrase cut out of one can sound like anything (so can
        # the end of a long run cut at a comma, `Clause.cut`).
        whole = clause.sentence and not clause.cut
        clear = whole and best >= th.RED_FLAG_NEAR and best - fine >= th.RED_FLAG_CLEAR_MARGIN \
            and clause.words > th.RED_FLAG_SHORT_SENTENCE  # a short one says too little to judge this way
        if not clear and (best < th.RED_FLAG_MEANING or best - fine < th.RED_FLAG_MARGIN):
            continue
        if not whole:
            near.append(FlagMatch(clause, RedFlag(ex_.labels[j]), best, ex_.texts[j], best - fine))
        # A phrase that stands far out from every professional sentence needs no word of tone:
        # "be my guest", "I've got all day" (`th.RED_FLAG_PHRASE_NEAR`).
        stands_out = not whole and best >= th.RED_FLAG_PHRASE_NEAR and best - fine >= th.RED_FLAG_PHRASE_MARGIN \
            and clause.words >= th.RED_FLAG_PHRASE_WORDS
        why = tuple(name for name, yes in (("sure", best >= th.RED_FLAG_SURE),
                                           ("consensus", whole and consensus >= th.RED_FLAG_CONSENSUS_MARGIN
                                            and not (RedFlag(ex_.labels[j]) in OWN_CONDUCT and activity_named(clause))),
                                           ("tone word", _has_tone(answer_part(sentence, clause, clauses),
                                                                     RedFlag(ex_.labels[j]))),
                                           ("stands out", stands_out)) if yes)
        if why == ("consensus",) and answer_tone() < th.RED_FLAG_CONSENSUS_ANSWER_TONE:
            continue  # several exemplars agree, but the answer as a whole leans professional
        if why:
            out.append(FlagMatch(clause, RedFlag(ex_.labels[j]), best, ex_.texts[j], best - fine, confirmed=why))
    out = [m for m in out if _localised(m, clauses, out, near)]
    return out or _tone(clauses, vectors, theirs, read, sims, ex_.texts, ex_.labels, call)


def _tone(clauses: Sequence[Clause], vectors: np.ndarray, theirs: frozenset[int], read: Sequence[tuple],
          sims: np.ndarray, texts: Sequence[str], labels: Sequence[str], call: bool) -> list[FlagMatch]:
    """When no clause is a red flag by the rules above: the answer's sentences (the candidate's own,
    not kind help; `th.TONE_WORDS` words at least, `th.TONE_WORDS_CALL` in a reply to a caller) that
    as a whole sound like a red flag to the tone model (`tone.py`, over `th.TONE_ANSWER`, or
    `th.TONE_ANSWER_CALL` to a caller, or `th.TONE_ANSWER_SHORT` in an interview answer of
    `th.TONE_WORDS_SHORT` words up to `th.TONE_WORDS`), quoted by one of them at least moderately near
    a red-flag exemplar (`th.TONE_NEAR`; `th.TONE_NEAR_SHORT` in that short answer), with that
    exemplar's family."""
    min_words, bar = (th.TONE_WORDS_CALL, th.TONE_ANSWER_CALL) if call else (th.TONE_WORDS, th.TONE_ANSWER)
    # ...and, to a caller, not a sentence that denies saying something ("I'd never say you'll have to
    # chase them yourself. I'll chase them now."): the model reads what is said, not that it is
    # refused (not in interview answers: "Nobody can say I hung up" denies nothing)
    own = [i for i in tone.tone_rows(clauses, theirs) if not (call and denies_saying(clauses[i].text))
           and not made_small_but_fixed(clauses[i], clauses)]  # reassurance with its fix, as above
    words = sum(clauses[i].words for i in own)
    near_bar = th.TONE_NEAR
    if not call and th.TONE_WORDS_SHORT <= words < min_words:  # a short interview answer: its own, stricter bars
        min_words, bar, near_bar = th.TONE_WORDS_SHORT, th.TONE_ANSWER_SHORT, th.TONE_NEAR_SHORT
    if words < min_words or tone.answer_logit(vectors, own) < bar:
        return []
    if not (near := [i for i in own if read[i][1] >= near_bar]):
        return []
    # the quote: of the sentences the model leans to, the nearest a red-flag exemplar
    z = tone.logits(vectors[near])
    leaning = [i for i, zi in zip(near, z) if zi >= 0] or [near[int(np.argmax(z))]]
    i = max(leaning, key=lambda k: read[k][1])
    # its family: the nearest exemplar of a family the model learned (a refusal exemplar may be nearer:
    # "every cloud and all that" was told it refused the job's basics)
    rows = [r for r, label in enumerate(labels) if label and label not in tone.NOT_TONE]
    j = rows[int(np.argmax(sims[i, rows]))]
    best, fine = float(sims[i, j]), read[i][2]
    if best - fine < th.TONE_LEAD_FLOOR:  # the quote is plainly a professional sentence: hedging, not a red flag
        return []
    return [FlagMatch(clauses[i], RedFlag(labels[j]), best, texts[j], best - fine, by_tone=True)]


def still_meant(m: FlagMatch, plain_vector: np.ndarray) -> bool:
    """A red flag unmistakable as said (`th.RED_FLAG_SURE`, clear of the professional sentences by
    `th.RED_FLAG_CLEAR_MARGIN`) whose clause, in plain words, is still near its family
    (`th.RED_FLAG_MEANING`): the idiom read plainly was not what made it one."""
    if m.similarity < th.RED_FLAG_SURE or m.lead < th.RED_FLAG_CLEAR_MARGIN:
        return False
    ex_ = red_flag_exemplars()
    rows = [j for j, label in enumerate(ex_.labels) if label == m.family.value]
    return bool(rows) and float((ex_.vectors[rows] @ plain_vector).max()) >= th.RED_FLAG_MEANING


def _nearest(clause: Clause, row: np.ndarray, rows: np.ndarray, k: int, texts: Sequence[str]) -> list[tuple[float, int]]:
    """The k exemplars among `rows` nearest the clause once its stance is read, nearest first, as
    (similarity, row). A stance only ever takes away, so exemplars are read from the nearest
    down until none further can make the top k."""
    top: list[tuple[float, int]] = []
    for j in rows[np.argsort(-row[rows])]:
        raw = float(row[j])
        if len(top) >= k and raw <= top[k - 1][0]:
            break
        top.append((raw - _stance_cost(clause, texts[j], raw), int(j)))
        top.sort(reverse=True)
    return top[:k]


def _stance_cost(clause: Clause, exemplar: str, similarity: float) -> float:
    """How much further a clause is from an exemplar for its stance (`th.STANCE_PENALTY` when it
    denies what the exemplar says), read with the words before it in its sentence: "I wouldn't
    swear back or hang up on them" does not say "I'd hang up on them", and "I wouldn't just say
    policy is policy" says no red flag at all. Exemplars too far to matter are not read."""
    if similarity < th.RED_FLAG_MEANING - th.STANCE_PENALTY:
        return 0.0
    said = set(norms_of(clause.text))
    if exemplar in _yes_at_a_price() and "i" in said and not PRICE & said:
        # "I'll do overtime if they pay me triple" refuses in its condition: the candidate's plain
        # "I'll do the overtime" says the yes without the price
        return th.STANCE_PENALTY
    if (exemplar in _no_to_it() and ASSENT & said and not SUBJECT_PRONOUNS & said and not PRICE & said
            and stance(clause.said) > 0):
        # "Overtime, fine by me." is an elliptical yes to what "Overtime? No thanks, I have a life."
        # turns down: read toward the subject they share they agree, but the verdict said of it is
        # the opposite. Only a verdict said of a bare subject: in "I'd hope the others would be
        # happy to pick those up" the assent is someone else's
        return th.STANCE_PENALTY
    if exemplar in _refusals() and ACCEPTS.search(clause.text) and not any(denials_of(clause.text)):
        # "if it's mandatory I get it": the condition accepted, what "Hard pass on anything mandatory" refuses
        return th.STANCE_PENALTY
    if agrees(clause.said, exemplar) and not denies_saying(clause.said):
        return 0.0
    return th.STANCE_PENALTY


# A clause that ends by accepting what it names (fresh14).
ACCEPTS = re.compile(r"\b(?:I (?:get|understand|accept|respect) (?:it|that)|fair enough|that's fair|(?:that )?makes sense)"
                     r"[\s.!,]*$", re.IGNORECASE)


# Who a clause is about when it has a subject of its own (an elliptical clause has none).
SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "others"})
# The words that put a price on a yes ("if", "unless", "otherwise", "only", "as long as").
PRICE = frozenset({"if", "unless", "otherwise", "only", "long"})


@lru_cache(maxsize=1)
def _refusals() -> frozenset[str]:
    """The refusal exemplars."""
    ex_ = red_flag_exemplars()
    return frozenset(t for t, label in zip(ex_.texts, ex_.labels) if label == RedFlag.REFUSAL.value)


@lru_cache(maxsize=1)
def _yes_at_a_price() -> frozenset[str]:
    """The refusal exemplars that say yes on a condition."""
    return frozenset(t for t in _refusals() if PRICE & set(norms_of(t)))


@lru_cache(maxsize=1)
def _no_to_it() -> frozenset[str]:
    """The refusal exemplars that say no (an elliptical yes, "Weekends, sure", is their opposite)."""
    return frozenset(t for t in _refusals() if stance(t) < 0)


@lru_cache(maxsize=16384)
def _has_tone(text: str, family: RedFlag | None = None) -> bool:
    """A word of the red flag's tone in the clause's sentence (`tone_words`; any red flag's, for
    None); not the "no" of a number put right ("in two days, no, three days")."""
    text = OPENER.sub("", NEEDS_A_MOAN.sub("", text))
    said = Doc(Transcript.typed(own_stance(CANDID.sub("", REPAIRED_NUMBER.sub(r"\2", text)))))
    return bool(said.find_all(tone_of(family)))


# "Honestly, you guys were the first to call me back", "To be honest, ...": a sentence opened with a word of
# candour says how it is told, not the shrug "honestly" is inside one ("it's honestly just a job"; fresh14).
OPENER = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(?:honestly|to be honest|in all honesty|truthfully)\s*,", re.IGNORECASE)
# "Some callers need a moan first, so you stay patient": a caller's need to let off steam, said as a need, is
# the candidate's patience with it, not scorn for the moaning ("they just want to moan" is still read).
NEEDS_A_MOAN = re.compile(r"\bneeds? (?:a|to) (?:good )?(?:moan|rant|vent|whinge|grumble)\b", re.IGNORECASE)


# "I won't pretend I love losing Saturdays, but...", "I'm not going to lie, ...": frankness before
# a yes, not a denial's tone (but "I won't pretend to care" is one).
CANDID = re.compile(r"\b(?:I(?:'m| am)? ?(?:won't|will not|wouldn't|would not|not going to|'m not going to)|"
                    r"not going to)\s+(?:pretend|lie)\b(?!\s+(?:to|that I|I)\s+care)", re.IGNORECASE)


# "two days no three days", "5, no, 6": a number said again, put right.
REPAIRED_NUMBER = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)\b"
                             r"(?:\s+\w+)?[\s,.]+no[\s,.]+(\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                             r"twenty|thirty)\b", re.IGNORECASE)


def _sure_alone(phrase: Clause, best: float, fine: float) -> bool:
    """A phrase unmistakably a red flag (`th.RED_FLAG_SURE`), far from every professional sentence
    (`th.RED_FLAG_PHRASE_MARGIN`) and with no denial before it in its sentence, is one whatever the
    rest of the sentence says: "Parcels go missing all the time, it's really not a big deal"; not
    "I wouldn't swear back or hang up on them", nor "...and follow the policy if it continues"."""
    before = phrase.lead[:len(phrase.lead) - len(phrase.text)] if phrase.lead.endswith(phrase.text) else ""
    return best >= th.RED_FLAG_SURE and best - fine >= th.RED_FLAG_PHRASE_MARGIN and not any(denials_of(before))


def _localised(m: FlagMatch, clauses: Sequence[Clause], flagged: Sequence[FlagMatch],
               near: Sequence[FlagMatch] = ()) -> bool:
    """A long sentence mixes several things: it is a red flag only when one of its phrases is one
    too, or means the same family nearly as clearly ("My evenings are quite precious to me, so I'd
    hope the others would pick those up"), or when it is unmistakable (`th.RED_FLAG_SURE`, and
    clear of the professional sentences by `th.RED_FLAG_CLEAR_MARGIN`: "I'd tell them calmly that
    I want to help but can't carry on if the language continues, ..." is near "I'd tell them I
    can't help" and nearly as near a calm limit set by the book)."""
    c = m.clause
    sure = m.similarity >= th.RED_FLAG_SURE and m.lead >= th.RED_FLAG_CLEAR_MARGIN
    if not c.sentence or sure or c.words <= th.RED_FLAG_SHORT_SENTENCE:
        return True
    inside = [p for p in clauses if not p.sentence and c.start <= p.start and p.end <= c.end]
    scene = sum(p.words for p in inside if their_doing(p))
    if scene and m.lead >= th.RED_FLAG_CLEAR_MARGIN:
        # "If they call me names, I've got a few of my own ready": the scene set, the sentence
        # clear of every professional one says what its answer to it says
        inside = [p for p in inside if not their_doing(p)]
        return not inside or any(p.words >= th.RED_FLAG_MAIN_PHRASE * (c.words - scene) for p in inside)
    # A sentence that is one phrase and a tag ("..., if I'm honest", "..., I'm afraid") says what
    # that phrase says: the flag is that phrase's.
    return not inside or any(f.clause in inside for f in flagged) \
        or any(f.clause in inside and f.family is m.family for f in near) \
        or any(p.words >= th.RED_FLAG_MAIN_PHRASE * c.words for p in inside)
