"""Words of the candidate's attitude to the caller, whatever the caller rang about: themselves
before the caller ("not mine", "the next line"), getting rid of the caller, callers as a nuisance,
the caller's loss made small, the caller left to someone else, coasting.

The sentence model hears a clause's subject before its stance: "that's their morning ruined, not
mine" sits nearer a professional sentence about a ruined morning than any red-flag exemplar, and
red-flag exemplars reach only the situations they name (a parcel, a bill, a supervisor). These
words name no situation. They are never a red flag alone ("it's a pain for them to ring back" is
kind): only with the meaning signal, a clause that leans to a red-flag exemplar
(`th.ATTITUDE_NEAR`, `th.ATTITUDE_MARGIN`; `flag_meaning.red_flags`). Each was kept only when no
professional answer of the judgment set says it (README "eleventh pass").
"""

from __future__ import annotations

from functools import lru_cache

from ..types import RedFlag, Transcript
from .clauses import denials_of
from .lexicon import rx
from .text import Doc

# "That is (really) between you and them", "sort it out between you and the courier": the words
# before "between" make it a predicate, whose problem it is.
BETWEEN_YOU = r"(?:is|was|are|out|up|it|that|one|matter)(?: really| just| all| now| strictly)? between you and (?:them|the)"

# Matched against normalised text: lowercase, contractions said in full ("that is", "do not"); by
# the red flag each says, which its tip names (the nearest exemplar's family is a poor guide this
# far from every exemplar: "doesn't really matter to me" sat nearest a dishonest one).
ATTITUDE = {
    RedFlag.DISMISSIVE: rx(
        # themselves before the caller ("not my fault", "not my shift", "not my money" and "before
        # the next one" are said by kind candidates too: "It wasn't my shift that made the mistake,
        # but I said sorry anyway", "...and took a minute before the next one")
        r"not mine", r"not (?:really |exactly )?my (?:problem|department|job|concern|issue|headache)",
        r"(?:pick up|picking up|take|took|taking|get on with) the next (?:line|call|caller|one)",
        r"(?:not going to |will not |would not )?pretend (?:i|to) care",
        # getting rid of the caller, or not listening to them
        # (a person, never "the virus", "the back of the router"; "before they ring off", "if I lose
        # the call I ring back", "their account on my other screen" and "switch off the router" are kind)
        r"(?:get|getting|got) rid of (?:them|him|her|the caller|callers|the customer|customers|people)",
        r"off my (?:line|hands|back|plate|desk)", r"fob(?:bed|bing)? (?:them |him |her |it )?off",
        r"be done with (?:them|him|her)", r"see the back of (?:them|him|her)",
        r"switch(?:es)? off(?= (?:a bit|a little|on|when|while|until|and let))", r"zone out", r"check(?:ing)? my phone",
        # the caller's loss made small, or left to someone else
        r"(?:he|she|they|you) (?:will|would) (?:survive|live)", r"not the end of the world",
        # ("it's up to you" also offers a caller a choice: "it's up to you, I can put you through now")
        # whose problem it is, said of it ("that's between you and them", "sort it out between you
        # and the courier"), not where it went wrong ("Between you and the courier something's gone wrong")
        BETWEEN_YOU, r"whoever picks up",
        r"(?:someone|somebody) else(?:'s| is) problem",
    ),
    # callers as a nuisance ("a nightmare" is said of a place as often as of a caller; "hard work",
    # "I can go on and on" and "their life story" of oneself or kindly: "I'm not afraid of hard work";
    # a pain for the caller is their pain)
    RedFlag.CONTEMPT: rx(
        r"(?:a|such a|real|bit of a) pain(?! for)", r"(?:drive|drives|driving) me (?:mad|crazy|nuts|up the wall)",
        r"do(?:es)? my head in", r"get(?:s)? on my nerves", r"(?:they|he|she|people|callers|customers) go on and on",
        r"(?<!what is )(?<!what was )going on (?:and on )?about",  # not "what's going on about the refund"
        r"snotty",
    ),
    # coasting ("nobody checks on you", "my break", "doesn't matter to me" and "not fussed" are said
    # by kind candidates too: "...you're trusted to do the job properly", "...at a regular time",
    # "...which days, I'm free all week")
    RedFlag.MONEY: rx(
        r"counting the minutes", r"watch(?:ing)? the clock", r"take it (?:a bit )?easy", r"get away with",
    ),
}


@lru_cache(maxsize=16384)
def attitude_of(text: str) -> RedFlag | None:
    """The red flag a word of attitude in the clause says (`ATTITUDE`), if one is said and not
    denied before it in its clause: "I'd never fob a caller off" says none."""
    doc = Doc(Transcript.typed(text))
    for family, patterns in ATTITUDE.items():
        for start, _ in doc.find_all(patterns):
            before = " ".join(w.raw for w in doc.words[:doc.tokens[start].word])
            if not any(denials_of(before)):
                return family
    return None
