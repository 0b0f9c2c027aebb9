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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..banks import bundled_banks
from ..meaning import process_embedder
from ..meaning.embedder import release_freed_memory
from ..meaning.flag_encoder import flag_embedder
from ..types import KeyPoint, Question, QuestionKind, Transcript
from .exemplars import exemplars
from . import lexicon as lx
from . import thresholds as th
from .clauses import Clause, agrees, clauses, stance
from .plain import plain
from .plan import reply_context
from .text import Doc

_lock = threading.Lock()
_home: list[Path | None] = [None]


def use_home(home: Path | None) -> None:
    """The data folder to convert the model into, if this process has not loaded it yet."""
    if home is not None:
        _home[0] = home


def data_home_used() -> Path | None:
    """The data folder given to `use_home` (None: the default one)."""
    return _home[0]


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
    idea_exemplars()
    practice_exemplars()  # the job's good practice, for refusals of it (`refusal.py`)
    contrast_profiles()
    small_talk_profiles()
    flag_embedder(_home[0]).load()  # the red-flag model (`flag_model.py`), converted on first use
    release_freed_memory()


def embed(texts: Sequence[str]) -> np.ndarray:
    return process_embedder(_home[0]).embed([said_in_words(t) for t in texts])


def is_word(word: str) -> bool:
    """Whether the sentence model knows this as a whole word ("week", "ends"; not "practi")."""
    return process_embedder(_home[0]).is_word(word)


def embed_fixed(texts: Sequence[str], name: str) -> np.ndarray:
    """Vectors of sentences every run needs, kept on disk beside the model (`Embedder.embed_fixed`)."""
    return process_embedder(_home[0]).embed_fixed(list(texts), name)


def prefetch(texts: Sequence[str]):
    return process_embedder(_home[0]).prefetch([said_in_words(t) for t in texts])


# A whole number on its own (not a price, a decimal, a time or a figure with thousands: "49.99",
# "3:30", "1,000"), as speech recognition writes a spoken one.
_NUMBER = re.compile(r"(?<![\d.,:$£€])\b(\d{1,3})\b(?![.,:]\d)")
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words_for(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    rest = n % 100
    return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words_for(rest))


def said_in_words(text: str) -> str:
    """The text with its whole numbers in words, as they were said: Whisper writes "a 5 star review"
    for "a five star review", and the sentence model reads the digit as something else (the fifth
    walkthrough: the story's result was lost). Every reading by meaning goes through here."""
    return _NUMBER.sub(lambda m: _words_for(int(m.group(1))), text)


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


@lru_cache(maxsize=1)
def practice_exemplars() -> Exemplars:
    """What every call needs, in short phrasings (`exemplars.yaml`, good_practice; `refusal.py`)."""
    return _exemplars({"practice": exemplars().good_practice}, (), "good-practice")


@lru_cache(maxsize=1)
def idea_exemplars() -> Exemplars:
    """Key-point ideas in everyday sentences, labelled by idea (`exemplars.yaml`, point_ideas)."""
    return _exemplars({name: idea.sentences for name, idea in exemplars().point_ideas.items()}, (), "point-ideas")


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
        if is_no_answer(s.text):  # "Not sure." answers nothing: no claim every candidate makes
            continue
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
def is_no_answer(text: str) -> bool:
    """The sentence only says "I don't know", "Not sure" (`lx.NO_ANSWER`)."""
    doc = Doc(Transcript.typed(text))
    return bool(doc.words) and lx.NO_ANSWER.fullmatch(doc.text) is not None


@lru_cache(maxsize=16384)
def _sets_up_a_situation(text: str) -> bool:
    return bool(Doc(Transcript.typed(text)).find_all(lx.SITUATION))


def outcome(clauses: Sequence[Clause], vectors: np.ndarray, kinds: Sequence[str]) -> tuple[Clause | None, float]:
    """The clause that says how a story ended for the customer (`kinds` ("story",)) or what you
    would do for them ("plan"), by meaning, and how near it is."""
    ex_ = outcome_exemplars()
    rows = np.array([label in kinds for label in ex_.labels])
    best, near = None, 0.0
    for i, clause in enumerate(clauses):
        sims = np.where(rows, ex_.vectors @ vectors[i], -1.0)
        j = int(np.argmax(sims))
        if sims[j] > near and agrees(clause.text, ex_.texts[j]):
            best, near = clause, float(sims[j])
    return best, near


def prepare(question: Question, text: str, turn: int | None = None,
            read_of: Callable[[list[str]], list[str]] | None = None):
    """Prefetch the clauses of an answer heard so far, and the question's key points (see
    `assess.prepare`); returns the prefetch's Future. `read_of`: what else scoring reads by meaning
    in those clauses (`verdict.meaning_texts`: their predicates)."""
    warm_up()
    line, points = reply_context(question, turn)
    doc = Doc(Transcript.typed(text))
    texts = [c.text for c in clauses(doc)]
    texts += [t for t in map(plain, texts) if t] + (read_of(texts) if read_of is not None else [])
    texts += [ph for p in points for ph in (*p.phrasings, *p.examples)] + profile_texts(question, line, points)
    return prefetch(texts)
