"""The job wished away in words of gladness: "I'd happily never take another phone call", "My
perfect workday would have zero conversations in it", "If I could get through a shift without
speaking to a single caller, that would be perfect", "The happiest day of my week is one where
nobody needs anything from me". No dislike is said, so the stance readings hear a wish, not a
refusal; but what is wished gone is the work itself (calls, callers, talking to people), and a
recruiter hears the job turned down.

A sentence is read as one when it holds a wish (`WISHING`) not itself denied, and an absence
(`ABSENT`) of the job's core (`CORE`) with only light words between them ("never | take another
phone | call", "without | speaking to a single | caller", "nobody | needs"). A bad thing wished
gone is no refusal: "I'd happily never hear a caller repeat their story twice", "nobody would
ever have to call back", "a shift with no difficult calls" (`NOT_THE_WORK`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import RedFlag
from .clauses import Clause, denials_of, mostly_theirs, norms_of
from .flag_meaning import FlagMatch

# Gladness, an ideal or a hope, as the frame of what follows.
WISHING = frozenset({"happily", "gladly", "ideal", "ideally", "dream", "dreams", "perfect", "perfectly",
                     "happiest", "thrilled", "delighted", "relieved", "relief", "love", "hoping", "wish",
                     "bliss", "heaven"})
WISHING_PHRASES = (("over", "the", "moon"), ("magic", "wand"), ("counting", "down"), ("best", "day"))
# Words that say something is absent, never done or wished away.
ABSENT = frozenset({"never", "no", "zero", "nobody", "without", "avoid", "avoiding", "stop", "less", "none"})
# The work itself: calls and the people on them, and talking to them.
CORE = frozenset({"call", "calls", "phone", "phones", "caller", "callers", "customer", "customers",
                  "public", "people", "conversation", "conversations", "speak", "speaking", "talk",
                  "talking", "ring", "rings", "ringing", "needs", "need", "headset"})
REACH = 6  # words from the absence to the core
# What a caller does or suffers, after the core: a bad thing wished gone, not the work.
NOT_THE_WORK = frozenset({"repeat", "repeats", "repeating", "twice", "back", "wait", "waiting", "waited",
                          "unsure", "confused", "upset", "angry", "difficult", "rude", "same", "hanging",
                          "left", "chase", "chasing", "complain", "complaining", "stuck", "cross", "abusive"})
AFTER = 4  # words after the core read for NOT_THE_WORK
# A denial after the core turns the absence round: "I love that there's no call I can't handle".
TURNED = frozenset({"not", "never", "no", "too", "over", "interrupting"})
# The acts of the work. A person made absent is the work only through one of them between
# ("without speaking to a single caller"): "I was relieved that no customer complained" is how the
# customers were. "stop" and "avoid" wish one gone ("avoid talking to them"), not a person ("stop
# a caller from...").
DOING = frozenset({"take", "taking", "answer", "answering", "speak", "speaking", "talk", "talking", "deal",
                   "dealing", "hear", "hearing"})
PERSONS = frozenset({"caller", "callers", "customer", "customers", "public", "people"})
# Words that leave the core the thing made absent ("never | take another phone | call"): the acts
# of the work and small words.
LIGHT = DOING | frozenset({"to", "with", "from", "have", "a", "an", "another", "any", "single", "the", "more",
                           "one", "ever", "again", "other", "actual", "real", "would", "will", "can", "could",
                           "just", "at", "all", "mostly", "really", "them", "anyone", "anybody", "being", "on",
                           "be", "is", "in", "it"})
STOPPING = frozenset({"stop", "avoid", "avoiding"})
# A need is the work when nobody has it: "nobody needs anything from me" ("customers never need help" is not the candidate's).
NEEDS = frozenset({"needs", "need"})


def wished_away(clauses: Sequence[Clause], theirs: frozenset[int] = frozenset()) -> list[FlagMatch]:
    """Each sentence of the candidate's own that wishes the work away, as a refusal of it."""
    out = []
    for s in (c for c in clauses if c.sentence):
        if mostly_theirs(s, theirs):
            continue
        norms = norms_of(s.text)
        if _wishes(norms, denials_of(s.text)) and _absent_work(norms):
            out.append(FlagMatch(s, RedFlag.REFUSAL, 1.0, "the work wished away", practice=True))
    return out


def _wishes(norms: tuple[str, ...], denying: tuple[bool, ...]) -> bool:
    """A wish word or phrase with no denial just before it ("I wouldn't be happy..." is no wish)."""
    for k, n in enumerate(norms):
        if n in WISHING or any(norms[k:k + len(p)] == p for p in WISHING_PHRASES):
            if not any(denying[max(0, k - 3):k]):
                return True
    return False


def _absent_work(norms: tuple[str, ...]) -> bool:
    """An absence word, then only light words, then the work, and nothing after it that makes it
    a bad thing gone."""
    for k, n in enumerate(norms):
        if n not in ABSENT or (n in STOPPING and not DOING & set(norms[k + 1:k + 2])):
            continue
        nobody = n == "nobody" or norms[k:k + 2] == ("no", "one")
        for j in range(k + 1, min(len(norms), k + 1 + REACH)):
            if norms[j] in CORE and (nobody or norms[j] not in NEEDS) \
                    and (norms[j] not in PERSONS or DOING & set(norms[k:j])):
                if not NOT_THE_WORK & set(norms[k + 1:j + 1 + AFTER]) and not TURNED & set(norms[j + 1:j + 1 + AFTER]):
                    return True
                break
            if norms[j] not in LIGHT:
                break
    return False
