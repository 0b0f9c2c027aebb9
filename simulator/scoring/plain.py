"""A clause in plain words: the idioms and regional words the meaning model does not hear, said as
their meaning (`plain_words` in exemplars.yaml), so a key point is found however it was put.

MiniLM puts "I let him get it all out without cutting in" at 0.26 from "I let the customer vent
without interrupting", "maybe running the floor one day" at 0.13 from "team lead", "a heads-up"
at 0.28 from "notice": it hears the words, not the idiom. Read in plain words ("I let him vent
without interrupting"), the clause is compared by meaning as well as it was said; the words as said
are kept for everything else (quotes, red flags, the stance of what was said).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .clauses import norms_of
from .exemplars import exemplars

# Placeholders in a gloss: any object pronoun, any possessive.
SLOTS = {"{them}": frozenset("him her them it me you us".split()),
         "{their}": frozenset("his her their my your our".split())}


@dataclass(frozen=True)
class Gloss:
    """An idiom as a run of word slots (each a set of words, maybe optional) and its plain words."""

    slots: tuple[tuple[frozenset[str], bool], ...]  # (words, optional)
    plain: tuple[str, ...]


def _gloss(key: str, plain: str) -> Gloss:
    """"get|got it all? out" -> slots {get, got} {it} {all}? {out}; "{them}" is any pronoun."""
    slots = []
    for slot in key.split():
        optional = slot.endswith("?")
        slot = slot.rstrip("?")
        words = SLOTS.get(slot) or frozenset(slot.lower().split("|"))  # written as normalised words
        slots.append((words, optional))
    return Gloss(tuple(slots), tuple(norms_of(plain)))


@lru_cache(maxsize=1)
def glosses() -> dict[str, tuple[Gloss, ...]]:
    """Every gloss, by the words its first slot may start with (longest first)."""
    index: dict[str, list[Gloss]] = {}
    for key, plain in exemplars().plain_words.items():
        g = _gloss(key, plain)
        firsts: set[str] = set()
        for words, optional in g.slots:  # the words it may start with: up to its first needed slot
            firsts |= words
            if not optional:
                break
        for w in firsts:
            index.setdefault(w, []).append(g)
    return {w: tuple(sorted(gs, key=lambda g: -len(g.slots))) for w, gs in index.items()}


def _match(slots, norms: tuple[str, ...], k: int) -> int | None:
    """How many words from k the slots take (the longest way), or None."""
    if not slots:
        return 0
    (words, optional), rest = slots[0], slots[1:]
    best = None
    if k < len(norms) and norms[k] in words:
        n = _match(rest, norms, k + 1)
        best = None if n is None else n + 1
    if optional:
        n = _match(rest, norms, k)
        if n is not None and (best is None or n > best):
            best = n
    return best


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """The clause in plain words (lowercase), or "" when it holds no idiom to say plainly."""
    norms, index = norms_of(text), glosses()
    out: list[str] = []
    k, changed = 0, False
    while k < len(norms):
        found = next(((g, n) for g in index.get(norms[k], ()) if (n := _match(g.slots, norms, k))), None)
        if found is None:
            out.append(norms[k])
            k += 1
            continue
        g, n = found
        out += g.plain
        k += n
        changed = True
    return " ".join(out) if changed else ""
