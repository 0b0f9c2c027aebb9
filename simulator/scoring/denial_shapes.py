"""Denials said by a shape of words rather than by a "not": "tired of", "too ... to", "rather X
than Y", "the last thing I want". `clauses.denials_of` reads them beside its negators."""

from __future__ import annotations


def denied_by_shape(norms: tuple[str, ...], k: int) -> bool:
    """Whether the word at k denies what follows it by one of these shapes."""
    return preferred_over(norms, k) or too_to(norms, k) or weary_of(norms, k) or last_wanted(norms, k)


# "The last thing I want is a caller left unsure", "...are the last people I want to hear from":
# the last thing wanted is not wanted ("the last time I", "my last job" deny nothing).
LAST_NOUNS = frozenset({"thing", "things", "people", "person", "one", "ones", "place", "job", "kind", "sort"})
WANTERS = frozenset({"i", "we", "you", "anyone", "anybody", "a", "an", "any", "they", "he", "she", "that",
                     "who", "my", "our", "your", "people", "customers", "callers"})


def last_wanted(norms: tuple[str, ...], k: int) -> bool:
    return norms[k] == "last" and 0 < k < len(norms) - 2 and norms[k - 1] == "the" \
        and norms[k + 1] in LAST_NOUNS and norms[k + 2] in WANTERS


WEARY = frozenset({"tired", "sick", "bored", "weary"})


def weary_of(norms: tuple[str, ...], k: int) -> bool:
    """"I get tired of talking to people", "sick of the phones", "fed up with callers": weariness
    of something denies it ("I never get tired of it" says it twice denied)."""
    nxt = norms[k + 1:k + 2]
    return (norms[k] in WEARY and nxt in (("of",), ("with",))) or \
        (norms[k] == "up" and k > 0 and norms[k - 1] == "fed" and nxt == ("with",))


def too_to(norms: tuple[str, ...], k: int) -> bool:
    """"I'd be far too wound up to help them": "too ... to" denies the act after it."""
    return norms[k] == "too" and "to" in norms[k + 2:k + 5]


def preferred_over(norms: tuple[str, ...], k: int) -> bool:
    """"I'd rather do the extra hours than leave my team short": the act after "than" is the one
    turned down ("rather" / "sooner" before it in the clause), as `flags.negated` reads it (p7-precision)."""
    return norms[k] == "than" and any(w in ("rather", "sooner") for w in norms[:k])
