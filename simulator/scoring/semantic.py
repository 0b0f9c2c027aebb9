"""What the meaning model says about an answer: how near each clause is to each key point, to
the red-flag and call-language exemplars, and how near the whole answer is to the question
asked rather than to the other questions of the bundled banks.

The model (`simulator.meaning`) is loaded on first use, in the process's one embedder; the
fixed texts (exemplars, the bundled questions) are embedded once per process. An answer's
clauses may already be in the embedder's cache: `prepare` embeds them while the candidate
speaks.
"""

from __future__ import annotations

import re

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..banks import bundled_banks
from ..meaning import process_embedder
from ..meaning.embedder import release_freed_memory
from ..types import KeyPoint, Question, QuestionKind, RedFlag, Transcript
from .exemplars import exemplars
from . import lexicon as lx
from . import thresholds as th
from .clauses import Clause, agrees, clauses, denials_of, denies_saying, stance
from .plan import reply_context
from .text import Doc

_lock = threading.Lock()
_home: list[Path | None] = [None]


def use_home(home: Path | None) -> None:
    """The data folder to convert the model into, if this process has not loaded it yet."""
    if home is not None:
        _home[0] = home


_warming: list[threading.Thread] = []


def warm_up() -> None:
    """Load the model and embed the fixed sentences in a background thread, once per process."""
    with _lock:
        if _warming:
            return
        # Not a daemon: native code still running when the interpreter tears down aborts the
        # process, so an embedding program waits for it (the CLI ends with os._exit instead).
        thread = threading.Thread(target=_warm, name="judgment-warm-up")
        _warming.append(thread)
    thread.start()


def _warm() -> None:
    red_flag_exemplars()
    cliche_exemplars()
    outcome_exemplars()
    contrast_profiles()
    small_talk_profiles()
    release_freed_memory()


def embed(texts: Sequence[str]) -> np.ndarray:
    return process_embedder(_home[0]).embed(list(texts))


def embed_fixed(texts: Sequence[str], name: str) -> np.ndarray:
    """Vectors of sentences every run needs, kept on disk beside the model (`Embedder.embed_fixed`)."""
    return process_embedder(_home[0]).embed_fixed(list(texts), name)


def prefetch(texts: Sequence[str]):
    return process_embedder(_home[0]).prefetch(list(texts))


# --- fixed texts, embedded once ------------------------------------------------------------


@dataclass(frozen=True)
class Exemplars:
    """Labelled sentences and their vectors: a label per row, "" for the FINE counterweight."""

    labels: tuple[str, ...]
    texts: tuple[str, ...]
    stances: np.ndarray  # +1 / -1 per row
    vectors: np.ndarray


def _exemplars(groups: dict[str, Sequence[str]], fine: Sequence[str], name: str) -> Exemplars:
    labels, texts = [], []
    for label, sentences in groups.items():
        labels += [label] * len(sentences)
        texts += list(sentences)
    labels += [""] * len(fine)
    texts += list(fine)
    return Exemplars(tuple(labels), tuple(texts), np.array([stance(t) for t in texts]), embed_fixed(texts, name))


@lru_cache(maxsize=1)
def red_flag_exemplars() -> Exemplars:
    ex = exemplars()
    return _exemplars({f.value: xs for f, xs in ex.red_flags.items()}, ex.fine, "red-flags")


@lru_cache(maxsize=1)
def cliche_exemplars() -> Exemplars:
    return _exemplars({"cliche": exemplars().cliches}, (), "cliches")


@lru_cache(maxsize=1)
def outcome_exemplars() -> Exemplars:
    return _exemplars(dict(exemplars().outcomes), (), "outcomes")


# --- what a question is about --------------------------------------------------------------


def point_text(point: KeyPoint) -> str:
    return ", ".join(point.phrasings)


def profile_texts(question: Question, line: str = "", points: Sequence[KeyPoint] | None = None) -> list[str]:
    """The texts that say what a question is about: the question, the customer's line on a call,
    and each key point (its phrasings in one line)."""
    points = question.key_points if points is None else points
    if points == () and question.turns:
        points = question.turns[0].key_points
        line = line or question.turns[0].line
    return [t for t in (question.text, line, *(point_text(p) for p in points)) if t.strip()]


def profile(texts: Sequence[str]) -> np.ndarray:
    v = embed(texts).mean(axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-12)


@lru_cache(maxsize=1)
def contrast_questions() -> tuple[Question, ...]:
    """The other questions an answer might belong to: every bundled question."""
    return tuple(q for bank in bundled_banks() for q in bank.questions)


def _profiles(parts: Sequence[Sequence[str]], name: str) -> np.ndarray:
    """One unit vector per group of sentences: the mean of their vectors."""
    flat = embed_fixed([t for texts in parts for t in texts], name)
    out, at = [], 0
    for texts in parts:
        v = flat[at:at + len(texts)].mean(axis=0)
        out.append(v / max(float(np.linalg.norm(v)), 1e-12))
        at += len(texts)
    return np.stack(out)


@lru_cache(maxsize=1)
def contrast_profiles() -> np.ndarray:
    return _profiles([profile_texts(q) for q in contrast_questions()], "bundled-questions")


@lru_cache(maxsize=1)
def small_talk_profiles() -> np.ndarray:
    """Chat by subject (the weather, a match, the bus in): rivals of every question, named by none."""
    return _profiles(list(exemplars().small_talk.values()), "small-talk")


@dataclass(frozen=True)
class Topic:
    """How near the answer is to the question asked, against the nearest unrelated question."""

    own: float  # cosine of the answer with the question's profile
    rival: float  # ...with the nearest bundled question on another subject
    rival_question: str  # that question's text; "" when the rival is small talk (`small_talk_profiles`)

    @property
    def margin(self) -> float:
        return self.own - self.rival


@lru_cache(maxsize=1)
def _roleplay_rows() -> np.ndarray:
    return np.array([q.kind is QuestionKind.ROLEPLAY for q in contrast_questions()])


def _rival_rows(roleplay: bool, category: str) -> np.ndarray:
    """Which bundled questions may be an answer's rivals: for a call, every one; for an interview
    question, interview questions; for a question about yourself, only the questions about you
    and why you want the job (`th.ABOUT_YOU`): a weakness or a strength may come from any skill
    ("I'm not the quickest typist, so I did a course" answers "What's your weakness?", not "How
    are you with computers?")."""
    if roleplay:
        return np.ones(len(contrast_questions()), dtype=bool)
    if category in th.ABOUT_YOU:
        return np.array([q.category in th.PERSONAL for q in contrast_questions()])
    return ~_roleplay_rows()


def topic(answer: np.ndarray, question_profile: np.ndarray, roleplay: bool = False, category: str = "") -> Topic:
    """The answer (the mean of its sentences' vectors) against the question and its rivals: the
    bundled questions whose profile is not close to this one's (`th.RIVAL_BELOW`). An interview
    question's rivals are interview questions, not calls: "I bank with you, and when my card was
    cloned your team sorted it" to "Why us?" tells of a call, and is no reply to a caller; a
    call's rivals are every other question (a reply to a caller can answer an interview question
    instead)."""
    others = contrast_profiles()
    related = others @ question_profile
    sims = others @ answer
    rivals = np.where((related < th.RIVAL_BELOW) & _rival_rows(roleplay, category), sims, -1.0)
    k = int(np.argmax(rivals))
    rival = float(rivals[k]) if rivals[k] > -1.0 else 0.0
    chat = small_talk_profiles()
    chatty = float(np.where(chat @ question_profile < th.RIVAL_BELOW, chat @ answer, -1.0).max())
    if chatty > rival:  # nearer small talk than any question: no other question to name
        return Topic(float(answer @ question_profile), chatty, "")
    return Topic(float(answer @ question_profile), rival, contrast_questions()[k].text)


# --- red flags by meaning -----------------------------------------------------------------


@dataclass(frozen=True)
class FlagMatch:
    clause: Clause
    family: RedFlag
    similarity: float  # to its nearest red-flag exemplar
    exemplar: str
    lead: float = 1.0  # how much nearer that exemplar than every professional sentence


def red_flags(clauses: Sequence[Clause], vectors: np.ndarray, theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Clauses whose nearest exemplar, once the stance is read (a clause that denies what an
    exemplar says is that much further from it, `_stance_cost`), is a red flag, near enough
    (`th.RED_FLAG_MEANING`) and nearer than every professional sentence by `th.RED_FLAG_MARGIN`;
    and confirmed: unmistakably near (`th.RED_FLAG_SURE`), a word of its tone in the sentence,
    several red-flag exemplars near it at once (`th.RED_FLAG_CONSENSUS`), or a phrase far clearer of
    every professional sentence than the usual margin (`th.RED_FLAG_PHRASE_NEAR`). A phrase is read with
    its sentence: not one whose sentence as a whole is nearer the professional sentences
    (`th.RED_FLAG_PHRASE_SENTENCE`). Words someone else said, quoted (`theirs`: "A man told me,
    'you people are useless'"), are theirs: a clause made mostly of them is no red flag."""
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
    sentences = [c for c in clauses if c.sentence]
    lean = {c: r[1] - r[2] for c, r in zip(clauses, read) if c.sentence}
    out = []
    near: list[FlagMatch] = []  # phrases near a red flag and clear of the professional sentences, confirmed or not
    for clause, (j, best, fine, consensus) in zip(clauses, read):
        if sum(k in theirs for k in range(clause.start, clause.end)) * 2 > clause.words:
            continue
        sentence = _sentence_of(clause, sentences)
        leaning = lean.get(sentence, 0.0)
        if not clause.sentence and leaning < th.RED_FLAG_PHRASE_SENTENCE and not _sure_alone(clause, best, fine):
            continue
        # The weaker routes need a whole sentence: a phrase cut out of one can sound like anything.
        whole = clause.sentence
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
        if best >= th.RED_FLAG_SURE or (whole and consensus >= th.RED_FLAG_CONSENSUS_MARGIN) \
                or _has_tone(sentence.text) or stands_out:
            out.append(FlagMatch(clause, RedFlag(ex_.labels[j]), best, ex_.texts[j], best - fine))
    return [m for m in out if _localised(m, clauses, out, near)]


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
    if agrees(clause.said, exemplar) and not denies_saying(clause.said):
        return 0.0
    return th.STANCE_PENALTY


def _sentence_of(clause: Clause, sentences: Sequence[Clause]) -> Clause:
    return next((s for s in sentences if s.start <= clause.start and clause.end <= s.end), clause)


@lru_cache(maxsize=16384)
def _has_tone(text: str) -> bool:
    """A word of a red flag's tone in the clause's sentence (`lexicon.TONE`); not the "no" of a
    number put right ("in two days, no, three days")."""
    return bool(Doc(Transcript.typed(REPAIRED_NUMBER.sub(r"\2", text))).find_all(lx.TONE))


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
    # A sentence that is one phrase and a tag ("..., if I'm honest", "..., I'm afraid") says what
    # that phrase says: the flag is that phrase's.
    return not inside or any(f.clause in inside for f in flagged) \
        or any(f.clause in inside and f.family is m.family for f in near) \
        or any(p.words >= th.RED_FLAG_MAIN_PHRASE * c.words for p in inside)


def cliches(clauses: Sequence[Clause], vectors: np.ndarray) -> list[Clause]:
    """The sentences that mean one of the canned answers every interviewer hears (the whole
    sentence, or phrases of it that make up at least `th.CLICHE_SHARE` of its words: "Being nice
    to people, I think.")."""
    ex_ = cliche_exemplars()
    canned = []
    for i, clause in enumerate(clauses):
        sims = ex_.vectors @ vectors[i]
        j = int(np.argmax(sims))
        if sims[j] >= th.CLICHE_MEANING and agrees(clause.text, ex_.texts[j]):
            canned.append(clause)
    out = []
    for s in (c for c in clauses if c.sentence):
        # Canned when what is canned is most of it: "Being nice to people, I think." is, "I'd stay
        # calm, tell them I'm sorry and ask for their account so I can fix it" is not. A sentence
        # with a phrase of its own that sets up a real situation is read by its phrases: "I enjoy
        # helping people because at my last job in a bakery I fixed customer orders every day" is
        # near a cliché as a whole, but most of it is the bakery.
        parts = [c for c in canned if c.start >= s.start and c.end <= s.end]
        if any(_sets_up_a_situation(c.text) for c in clauses
               if not c.sentence and c not in canned and s.start <= c.start and c.end <= s.end):
            parts = [c for c in parts if not c.sentence]
        words = {k for c in parts for k in range(c.start, c.end)}
        if words and len(words) >= th.CLICHE_SHARE * s.words:
            out.append(s)
    return out


@lru_cache(maxsize=16384)
def _sets_up_a_situation(text: str) -> bool:
    return bool(Doc(Transcript.typed(text)).find_all(lx.SITUATION))


def outcome(clauses: Sequence[Clause], vectors: np.ndarray, kind: str) -> tuple[Clause | None, float]:
    """The clause that says how a story ended for the customer (`kind` "story") or what you
    would do for them ("plan"), by meaning, and how near it is."""
    ex_ = outcome_exemplars()
    rows = np.array([label == kind for label in ex_.labels])
    best, near = None, 0.0
    for i, clause in enumerate(clauses):
        sims = np.where(rows, ex_.vectors @ vectors[i], -1.0)
        j = int(np.argmax(sims))
        if sims[j] > near and agrees(clause.text, ex_.texts[j]):
            best, near = clause, float(sims[j])
    return best, near


def prepare(question: Question, text: str, turn: int | None = None):
    """Prefetch the clauses of an answer heard so far, and the question's key points (see
    `assess.prepare`); returns the prefetch's Future."""
    warm_up()
    line, points = reply_context(question, turn)
    doc = Doc(Transcript.typed(text))
    texts = [c.text for c in clauses(doc)]
    texts += [ph for p in points for ph in p.phrasings] + profile_texts(question, line, points)
    return prefetch(texts)
