"""Relevance: whether an answer is about the question asked, by meaning.

The answer's meaning (the mean of its sentences' vectors) is compared with the question's (the
question, the customer's line on a call, and its key points) and with the nearest bundled
question on another subject: an answer much nearer "What's your greatest strength?" than to
"Where do you see yourself in five years?" answers the other question, whatever words the two
share. Key points said in words about the subject also make an answer on topic. An answer that
gives none of what its question asks for (`intent.py`), says none of its key points, and sits
nearer another question, answers that other question (`answers_another`) and is held near the
bottom.
"""

from __future__ import annotations

import numpy as np

from ..types import Asks, Coverage, Evidence, EvidenceKind, Metric
from . import thresholds as th
from .intent import gives_what_is_asked
from .points import point_vectors
from .inputs import Inputs, measures


# What a question asks for (`Asks`), as a review's evidence line says it is missing.
ASKED_NOTES = {Asks.HOURS.value: "the days and hours you can work, or a yes or no"}


def _share(value: float, off: float, on: float) -> float:
    return float(max(0.0, min(1.0, (value - off) / (on - off))))


def topic_share(t) -> float:
    """0 for an answer to another question (or to none), 1 for one squarely on this one: the
    lower of how much nearer this question it is than any other, and how near it is at all."""
    return min(_share(t.margin, th.TOPIC_MARGIN_OFF, th.TOPIC_MARGIN_ON), _share(t.own, th.TOPIC_OWN_OFF, th.TOPIC_OWN_ON))


@measures("relevance")
def relevance(x: Inputs) -> Metric:
    """How clearly the answer is about what was asked, 0-1: the better of its meaning against
    the question's rivals, and the key points it says in words about the subject."""
    doc, t = x.doc, x.topic
    if t is None or not doc.words:
        return Metric("relevance", 0.0, 0.0, th.RELEVANCE.unit, ())
    by_meaning = topic_share(t)
    points = [r for r in x.points_read if r.topical]
    meant = {r.index: point_meaning(x, r) for r in points if r.coverage is Coverage.COVERED}
    # A point said by a word that means something else here ("sort the rota out" is no problem
    # solved) does not make the answer this question's; nor one heard only near an example sentence
    # of the bank's (a sentence in a candidate's voice, near whatever else a candidate says: "My
    # biggest strength is patience..." to "Why us?" was taken for "the way you treat" people).
    said = [r for r in points if r.coverage is Coverage.COVERED and meant[r.index] >= th.POINT_WORDS_MEANT
            and r.phrasing not in r.point.examples]
    expected = min(len(points), th.TOPICAL_POINTS_FOR_FULL, max(1.0, doc.n_words / th.TOPICAL_WORDS_PER_POINT))
    by_points = th.KEY_POINT_RELEVANCE * min(1.0, len(said) / max(1.0, expected))
    # Nearer another question, its words do not make it this one's; a point said by meaning does
    # ("We log the fault, sort it..." to "What is good service?"), unless the other is clearly nearer.
    if t.margin <= th.TOPIC_MARGIN_OFF and not (t.margin > th.TOPIC_MARGIN_CLEAR
                                               and any(meant[r.index] >= th.POINT_PARTIAL for r in said)):
        by_points = 0.0
    value = max(by_meaning, by_points)
    another = answers_another(x)
    if another:
        value = min(value, th.ANOTHER_QUESTION_RELEVANCE)
    evidence = []
    if value >= th.ON_TOPIC and by_points > by_meaning and said:
        r = said[0]
        evidence.append(doc.quote_words(r.clause.start, r.clause.end, note="on topic: covers " + r.point.label,
                                        kind=EvidenceKind.TOPIC_POINT, label=r.point.label, index=r.index))
    elif value >= th.ON_TOPIC:
        s = _nearest_sentence(x)
        evidence.append(doc.quote_words(s.start, s.end, note="on topic by meaning", kind=EvidenceKind.TOPIC_MEANING,
                                        value=round(t.margin, 2)))
    else:
        # The other question is named only when the answer plainly belongs to it.
        rival = t.rival_question if t.rival >= th.RIVAL_NAMED and t.margin <= th.RIVAL_NAMED_MARGIN else ""
        first = next(c for c in x.clauses if c.sentence)
        note = f"nearer another question: {rival}" if rival else "not about what was asked"
        evidence.append(doc.quote_words(first.start, first.end, note=note, kind=EvidenceKind.NO_TOPIC,
                                        label=rival, value=round(t.margin, 2)))
    if value < th.ON_TOPIC and gives_none_asked(x):  # typed: the coach says what was asked for from it
        asked = x.question.asks_for.value
        evidence.append(Evidence("", note=f"missing: {ASKED_NOTES.get(asked, asked)}", kind=EvidenceKind.NOT_ASKED,
                                 label=asked, value=th.ANOTHER_QUESTION_RELEVANCE if another else None))
    return Metric("relevance", round(100.0 * value, 1), round(value, 2), th.RELEVANCE.unit, tuple(evidence))


def point_meaning(x: Inputs, r) -> float:
    """How near the clause that covers a point is to the point by meaning alone (its phrasings and
    everyday sentences, not its example sentences: near whatever shares their subject), even when it
    was found by its words."""
    if r.similarity < 1.0:
        return r.similarity
    k = x.clauses.index(r.clause)
    table = point_vectors((r.point,))
    return float((table.vectors[:table.examples] @ x.clause_vectors[k]).max(initial=0.0))


def _nearest_sentence(x: Inputs):
    """The sentence nearest the question's meaning."""
    sentences = [(c, v) for c, v in zip(x.clauses, x.clause_vectors) if c.sentence]
    return max(sentences, key=lambda cv: float(np.dot(cv[1], x.question_profile)))[0]


def answers_another(x: Inputs) -> bool:
    """Whether the answer gives none of what its question asks for (the bank's `asks_for:`), says
    none of its key points even in part, and is nearer another question (or chat) than this one by
    `th.ANOTHER_QUESTION_MARGIN`: the bus route to "What's your availability?", a reason for leaving
    a job to the overtime question. Never on a call, nor to a question whose bank does not say what
    it asks for: "Why a call center?" takes background."""
    t = x.topic
    if x.question.asks_for is None or x.call_reply or t is None or t.margin > th.ANOTHER_QUESTION_MARGIN:
        return False
    if any(r.coverage in (Coverage.COVERED, Coverage.PARTIAL) and r.phrasing not in r.point.examples
           for r in x.points_read):  # a point near an example sentence only is no sign of this question
        return False
    return gives_none_asked(x)


def gives_none_asked(x: Inputs) -> bool:
    """Whether the answer, not on a call, gives none of what its question asks for (`intent.py`);
    False for a question whose bank does not say."""
    return (x.question.asks_for is not None and not x.call_reply
            and not gives_what_is_asked(x.question, [c.text for c in x.clauses if c.sentence]))
