"""First-person actions: what the candidate did or would do ("I rang", "we fixed", "I'd check"),
and the verbs listed after one subject in the same sentence ("I rang three nurseries, found one,
and drove it over" is three actions). Specificity and structure count them; ownership counts the
ones that are the candidate's own ("I", not "we")."""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from .text import Doc

# Commas and semicolons between verbs chain actions on to the first ("I listened, apologized").
LIST_BREAKS = (",", ";")
JOINERS = frozenset({"and", "then"})


@dataclass(frozen=True)
class Action:
    start: int  # token span [start, end) of the verb (with its subject, for the first of a list)
    end: int
    subject: str  # "i" or "we": who did it

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def is_past_verb(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4 and word not in lx.NOT_ACTIONS) or word in lx.PAST_IRREGULAR


def actions(doc: Doc) -> list[Action]:
    """The first-person actions of an answer, in order: each subject and its verb, then the verbs
    chained on after it in its sentence, after "and", "then" or a comma."""
    heads: list[Action] = []
    for rxp in (lx.ACTION_PAST, lx.ACTION_PLAN):
        for i, j in doc.find(rxp):
            if doc.norms[j - 1] not in lx.NOT_ACTIONS and not doc.quoted_from_others(i):
                heads.append(Action(i, j, doc.norms[i]))
    out: dict[tuple[int, int], Action] = {a.span: a for a in heads}
    for head in heads:
        sentence_end = next((e for s, e in doc.sentences if s <= doc.tokens[head.start].word < e), len(doc.words))
        k = head.end
        while k + 1 < len(doc.tokens) and doc.tokens[k + 1].word < sentence_end:
            joiner, verb = doc.norms[k], doc.norms[k + 1]
            if joiner in JOINERS or doc.ends_with(k, LIST_BREAKS):
                if is_past_verb(verb) or (joiner in JOINERS and verb in lx.PAST_IRREGULAR):
                    out.setdefault((k + 1, k + 2), Action(k + 1, k + 2, head.subject))
            k += 1
    return [out[s] for s in sorted(out)]


def action_spans(doc: Doc) -> list[tuple[int, int]]:
    return [a.span for a in actions(doc)]
