"""A tone model: how much an answer as a whole sounds like a red flag, learned from the exemplars,
the tone corpus and whole answers.

The nearest-exemplar rules (`flag_meaning.red_flags`) reach the phrasings their exemplars name;
casual rudeness in other words ("Kids are resilient though, he'll have other birthdays") sits
near no single exemplar. A logistic regression on the sentence vectors reads the direction red
flags share instead. It learns from `exemplars.yaml` (every red-flag sentence but the refusals,
which are read by their own rules, against the `fine` professional sentences) and from
`tone_corpus.yaml` (red-flag sentences in many situations and registers, against everyday
professional ones, professional twins on the red ones' subjects, and casual professional talk):
~700 exemplars, written to be nearest neighbours, were a thin training set for a direction in 384
dimensions. It is applied to an answer as a whole (the normalised mean of its sentences' vectors),
so it also learns from `tone_answers.yaml`: whole answers, each one row read exactly as
`answer_logit` reads it, where the red flag is often one sentence among ordinary ones. It is never
fitted on a judgment case: those are its measurement (README "tone model").

The weights are data (`tone_weights.json`, 385 numbers), made by `python scripts/fit_tone.py`
whenever one of those files, `th.TONE_L2` or `th.TONE_ANSWER_ROW` changes (tests/test_tone.py fails
until then): fitting at first use would cost each session the corpus's and the answers' embedding
and about 5 MB of linear-algebra buffers.
Deterministic: Newton's method from zero on the same rows gives the same weights every run.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from ..types import RedFlag, Transcript
from . import thresholds as th
from .clauses import Clause, denials_of, mostly_theirs
from .clauses import clauses as split_clauses
from .exemplars import exemplars
from .linear import fit_on, read_weights  # noqa: F401 (fit_on: the benchmarks fit with it too)
from .semantic import embed_fixed, red_flag_exemplars, said_in_words
from .text import Doc

# Refusing the job's basics is said about hours and duties, not about the caller: its exemplars
# would teach the model that "I can't do Sundays" is a tone.
NOT_TONE = frozenset({RedFlag.REFUSAL.value})


# --- the sentences the model reads as the answer ------------------------------------------------


def tone_rows(clauses: Sequence[Clause], theirs: frozenset[int] = frozenset()) -> list[int]:
    """The sentences of an answer the model reads (`flag_meaning._tone`, and each answer row of its
    training, `answer_sentences`): the candidate's own, not kind help, not a belief put right."""
    return [i for i, c in enumerate(clauses) if c.sentence and not mostly_theirs(c, theirs) and not helps_with(c)
            and not belief_put_right(c, clauses)]


# "I'd offer to go through the banking app with them step by step": the candidate doing it with
# the caller is the opposite of leaving them to it, whatever the subject ("You'll have to sort that
# out with your bank yourself" is 0.71 from it).
HELPS_WITH = re.compile(r"\b(?:I|we)(?:'d|'ll| would| will| can| could)\s+(?:(?:offer|be happy|be glad) to\s+)?"
                        r"(?:go through|walk (?:them|you|him|her) through|sit with|stay with|help (?:them|you|him|her))\b",
                        re.IGNORECASE)


def helps_with(clause: Clause) -> bool:
    return HELPS_WITH.search(clause.text) is not None and not any(denials_of(clause.text))


# "People think it's just getting shouted at all day. It isn't.": what others believe, put right at
# once by the candidate, is the view the answer argues against, not the candidate's own.
OTHERS_BELIEVE = re.compile(r"^(?:(?:a lot of|lots of|most|some|many|plenty of)\s+)?(?:people|everyone|everybody|"
                            r"others|folk|my friends)\s+(?:think|thinks|assume|assumes|imagine|imagines|reckon|"
                            r"reckons|believe|believes|expect|expects)\b", re.IGNORECASE)
PUT_RIGHT = re.compile(r"^(?:but\s+)?(?:it\s+(?:isn't|is not|'s not|really isn't)|that(?:'s| is) not (?:true|right|it)|"
                       r"they(?:'re| are) (?:wrong|not)|they aren't|not really|it's not like that|it isn't like that|"
                       # ...or the candidate's own view set against it: "For me it's solving problems"
                       r"(?:for me|to me|actually|in fact|really),?\s+it(?:'s| is)(?! (?:true|right|worse|even worse)\b)"
                       r"|i see it as)\b",
                       re.IGNORECASE)


def belief_put_right(sentence: Clause, clauses: Sequence[Clause]) -> bool:
    if OTHERS_BELIEVE.match(sentence.text) is None:
        return False
    later = [c for c in clauses if c.start >= sentence.end]
    nxt = min(later, key=lambda c: (c.start, -c.end), default=None)
    return nxt is not None and PUT_RIGHT.match(nxt.text) is not None


WEIGHTS = Path(__file__).with_name("tone_weights.json")
CORPUS = Path(__file__).with_name("tone_corpus.yaml")
ANSWERS = Path(__file__).with_name("tone_answers.yaml")


@dataclass(frozen=True)
class Said:
    """A sentence of the tone corpus (`tone_corpus.yaml`): a red flag of `family`, or professional
    ("" family); `twin`: professional on a red flag's subject and words."""

    text: str
    family: str
    twin: bool = False

    @property
    def red(self) -> bool:
        return bool(self.family)


def _read(path: Path) -> tuple[Said, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple([Said(t, RedFlag(family).value) for family, xs in raw["red"].items() for t in xs]
                 + [Said(t, "", kind == "twins") for kind, xs in raw["fine"].items() for t in xs])


@lru_cache(maxsize=1)
def corpus() -> tuple[Said, ...]:
    """The tone corpus: red-flag sentences by family, then the professional ones (everyday, twins)."""
    return _read(CORPUS)


@lru_cache(maxsize=1)
def answers() -> tuple[Said, ...]:
    """The whole answers (`tone_answers.yaml`): red by family, then professional (good, plain, twins)."""
    return _read(ANSWERS)


def corpus_vectors() -> np.ndarray:
    """The corpus's sentence vectors, embedded at fit time only (kept on disk beside the model, like
    the exemplars'): scoring reads the stored weights and never embeds them."""
    return embed_fixed([said_in_words(s.text) for s in corpus()], "tone-corpus")


def answer_sentences(text: str) -> list[str]:
    """The sentences of an answer that `answer_logit` reads when it is scored (`flag_meaning.tone_rows`:
    the candidate's own, split as the scorer splits them)."""
    doc = Doc(Transcript.typed(text))
    said = split_clauses(doc)
    return [said[i].text for i in tone_rows(said, doc.others_words)]


def answer_vectors(parts: Sequence[Sequence[str]] | None = None) -> np.ndarray:
    """Each answer of `answers()` as `answer_logit` reads it (`parts`: the sentences of each,
    `answer_sentences`), the normalised mean of its sentences' vectors; embedded at fit time only."""
    parts = parts if parts is not None else [answer_sentences(a.text) for a in answers()]
    V = embed_fixed([said_in_words(t) for p in parts for t in p], "tone-answers").astype(np.float64)
    ends = np.cumsum([len(p) for p in parts])
    means = np.array([V[e - len(p):e].mean(axis=0) for p, e in zip(parts, ends)])
    return means / np.linalg.norm(means, axis=1, keepdims=True)


@dataclass(frozen=True)
class Rows:
    """What the model learns from: a vector per row, its label (1: a red flag), how many times it
    counts, and a fingerprint of the rows' texts and labels and of the fit's settings."""

    vectors: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    fingerprint: str


def sentence_rows() -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    """The sentence rows: the vectors of exemplars.yaml's red flags (but refusals) and fine sentences,
    then of the tone corpus's; their labels (1: a red flag); and each row's (family, text)."""
    ex_ = red_flag_exemplars()
    # dishonesty said in plain words, its honest twins and help for every caller are the meaning
    # layer's only (`exemplars.yaml`)
    ex = exemplars()
    plain = set(ex.plain_dishonesty) | set(ex.fine_honest) | set(ex.fine_terms)
    rows = [j for j, label in enumerate(ex_.labels) if label not in NOT_TONE and ex_.texts[j] not in plain]
    said = [(ex_.labels[j], ex_.texts[j]) for j in rows] + [(s.family, s.text) for s in corpus()]
    X = np.vstack([ex_.vectors[rows], corpus_vectors()]).astype(np.float64)
    return X, np.array([1.0 if label else 0.0 for label, _ in said]), said


def training_rows() -> Rows:
    """`sentence_rows()` (each counted once), then a row per answer of `answers()`, the vector
    `answer_logit` reads, counted `th.TONE_ANSWER_ROW` times. The fingerprint covers the sentences
    each answer was split into, `th.TONE_L2` and `th.TONE_ANSWER_ROW`; the weights file carries it."""
    X, y, said = sentence_rows()
    parts = [answer_sentences(a.text) for a in answers()]
    said += [[a.family, a.text, *p] for a, p in zip(answers(), parts)]
    fingerprint = hashlib.sha256(json.dumps([list(x) for x in said] + [th.TONE_L2, th.TONE_ANSWER_ROW])
                                 .encode("utf-8")).hexdigest()
    return Rows(np.vstack([X, answer_vectors(parts)]), np.concatenate([y, [1.0 if a.red else 0.0 for a in answers()]]),
                np.concatenate([np.ones(len(X)), np.full(len(parts), th.TONE_ANSWER_ROW)]), fingerprint)


def fit() -> tuple[np.ndarray, float, str]:
    """The model fitted on `training_rows()` with `th.TONE_L2`: the weights, the bias and the rows'
    fingerprint."""
    rows = training_rows()
    w, b = fit_on(rows.vectors, rows.labels, th.TONE_L2, rows.weights)
    return w, b, rows.fingerprint


@lru_cache(maxsize=1)
def weights() -> tuple[np.ndarray, float]:
    """The stored weights and bias (`tone_weights.json`)."""
    return read_weights(WEIGHTS, "tone model", "scripts/fit_tone.py")


def logits(vectors: np.ndarray) -> np.ndarray:
    """Each vector's log-odds of sounding like a red flag rather than a professional sentence."""
    w, b = weights()
    return np.asarray(vectors, dtype=np.float32) @ w + b


def answer_logit(vectors: np.ndarray, rows: Sequence[int]) -> float:
    """The log-odds for the answer as a whole: the mean of its sentences' vectors, normalised.
    Rudeness said casually is spread over an answer; no one sentence of it need stand out."""
    if not len(rows):
        return float("-inf")
    mean = np.asarray(vectors, dtype=np.float32)[list(rows)].mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return float(logits(mean / norm)) if norm else float("-inf")
