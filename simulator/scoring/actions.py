"""First-person actions: what the candidate did or would do ("I rang", "we fixed", "I'd check"),
and the verbs listed after one subject in the same sentence ("I rang three nurseries, found one,
and drove it over" is three actions). Specificity and structure count them; ownership counts the
ones that are the candidate's own ("I", not "we")."""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from .text import Doc
from .words import STOPWORDS

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


def actions(doc: Doc, plan: bool = False) -> list[Action]:
    """The first-person actions of an answer, in order: each subject and its verb, then the verbs
    chained on after it in its sentence, after "and", "then" or a comma: past verbs after any, and
    after a plan ("I'd give...", "I'm sending...", "what I'll do is put...") the verbs of the plan
    too. With `plan` (a what-would-you-do
    question), "I explain", "I offer" in the present are steps of the plan."""
    heads: list[Action] = []
    planned: set[tuple[int, int]] = set()
    for rxp in (lx.ACTION_PAST, lx.ACTION_PLAN, lx.ACTION_NOW, lx.ACTION_CLEFT) + ((lx.ACTION_PRESENT,) if plan else ()):
        for i, j in doc.find(rxp):
            if doc.norms[j - 1] not in lx.NOT_ACTIONS and not doc.quoted_from_others(i):
                # "what I'll do is put...": the subject is the word after "what"
                heads.append(Action(i, j, doc.norms[i + 1] if rxp is lx.ACTION_CLEFT else doc.norms[i]))
                if rxp is not lx.ACTION_PAST:
                    planned.add((i, j))
    if plan:
        for k in _imperative_steps(doc):
            heads.append(Action(k, k + 1, "plan"))
            planned.add((k, k + 1))
    out: dict[tuple[int, int], Action] = {}
    for head in heads:
        out.setdefault(head.span, head)
    for head in heads:
        sentence_end = next((e for s, e in doc.sentences if s <= doc.tokens[head.start].word < e), len(doc.words))
        k = head.end
        while k + 1 < len(doc.tokens) and doc.tokens[k + 1].word < sentence_end:
            joiner, verb = doc.norms[k], doc.norms[k + 1]
            if joiner in JOINERS or doc.ends_with(k, LIST_BREAKS):
                if is_past_verb(verb) or (joiner in JOINERS and verb in lx.PAST_IRREGULAR) \
                        or (head.span in planned and _plan_verb(doc, k + 1)):
                    out.setdefault((k + 1, k + 2), Action(k + 1, k + 2, head.subject))
            k += 1
    return [out[s] for s in sorted(out)]


def _plan_verb(doc: Doc, k: int) -> bool:
    """Whether the word at token k, listed after a plan's "I'd", is a verb of the plan: one of
    the things an agent does, or a word with an object after it ("offer a", "promise to")."""
    word = doc.norms[k]
    if word in STOPWORDS or word in lx.NOT_ACTIONS or word.endswith(("ing", "ly", "ed")) or not word.isalpha():
        return False
    nxt = doc.norms[k + 1] if k + 1 < len(doc.norms) else ""
    return word in lx.SERVICE_VERBS or (nxt in lx.PLAN_OBJECTS and not doc.ends_with(k, LIST_BREAKS + (".",)))


# Words a spoken step of a plan may open with before its verb ("Then apologise", "First, listen").
STEP_OPENERS = frozenset({"then", "first", "next", "after", "and", "so", "finally", "afterwards"})


def _imperative_steps(doc: Doc) -> list[int]:
    """A plan said as steps with no "I" ("Stay calm and let them vent. Then apologise, ask for the
    tracking number..."): the verb each sentence opens with, when it is one of an agent's steps
    (`_plan_verb`). Subject "plan": the steps of the plan count as its actions, but own nothing
    by themselves (ownership counts "I"). "Stay calm" opens no step: it is the frame of every plan."""
    out = []
    for s, e in doc.sentences:
        k = next((t for t, tok in enumerate(doc.tokens) if tok.word == s), None)
        while k is not None and k + 1 < len(doc.tokens) and doc.norms[k] in STEP_OPENERS:
            k += 1
        if k is None or doc.tokens[k].word >= e:
            continue
        if _plan_verb(doc, k):
            out.append(k)
    return out


def action_spans(doc: Doc, plan: bool = False) -> list[tuple[int, int]]:
    return [a.span for a in actions(doc, plan)]
