"""Times of the working week a clause names, so that a time outside a key point's never covers it.

By meaning "I can only do Monday to Friday, nine to five" sits near "weekends" and "evenings" (days
and hours are one subject to the sentence model), and it covered both: the candidate who can give
neither was told they had. Days and hours are a closed set of words, so they are read here by their
words: weekday names and "weekdays" are not the weekend, a range that ends by six ("nine to five",
"8-4") is not the evening. A clause that names any time inside the point ("Monday to Sunday", "eight
till eight", "until ten"), or no time at all ("both days at the end of the week"), is read as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import thresholds as th
from .clauses import norms_of

WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "mondays", "tuesdays", "wednesdays",
                      "thursdays", "fridays", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "weekday",
                      "weekdays", "weeknight", "weeknights"})
WEEKEND = frozenset({"saturday", "sunday", "saturdays", "sundays", "sat", "sun", "weekend", "weekends"})
DAYTIME = frozenset({"morning", "mornings", "daytime", "daytimes", "afternoon", "afternoons", "lunchtime"})
EVENING = frozenset({"evening", "evenings", "night", "nights", "late", "lates", "overnight", "midnight", "closing",
                     "tonight", "pm", "weeknight", "weeknights"})
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
RANGE = frozenset({"to", "till", "til", "until", "through"})
# What a point is about, by the words of its phrasings: the weekend, or the evening.
POINT_TIMES = {"weekend": WEEKEND, "evening": EVENING}


def _hour(word: str) -> int | None:
    """The hour a word says, on the 24-hour clock, read as the end of a working day: "5pm" and a bare
    "five" are 17 (a shift ends in the afternoon or later), "11am" is 11, "twelve" is noon."""
    digits = word[:-2] if word.endswith(("am", "pm")) else word
    if word in NUMBERS:
        hour = NUMBERS[word]
    elif digits.isdigit() and 0 < int(digits) <= 24:
        hour = int(digits)
    else:
        return None
    if word.endswith("am") or hour >= 12:
        return hour
    return hour + 12


def _day_range_ends(norms: Sequence[str]) -> list[int]:
    """The last hour of each clock range said: after "to", "till" or "until" ("nine to five", "until five"),
    or the second of two hours side by side ("9-5": the digits come apart as two words)."""
    out = []
    for k in range(len(norms) - 1):
        if norms[k] in RANGE or _hour(norms[k]) is not None:
            end = _hour(norms[k + 1])
            if end is not None:
                out.append(end)
    return out


def point_time(phrasings: Sequence[str]) -> str | None:
    """"weekend" or "evening" when a key point's phrasings name that time ("weekends, Saturday, Sunday";
    "evenings, nights, late shift"), else None."""
    words = {n for p in phrasings for n in norms_of(p)}
    return next((name for name, times in POINT_TIMES.items() if words & times), None)


def names_only_other_times(clause: str, time: str) -> bool:
    """Whether the clause names times of the week, all of them outside `time` ("weekend": weekday names
    only; "evening": daytime only, or a range that ends by `th.DAY_ENDS_BY`)."""
    norms = norms_of(clause)
    said = set(norms)
    if said & POINT_TIMES[time]:
        return False
    if time == "weekend":
        return bool(said & WEEKDAYS)
    ends = _day_range_ends(norms)
    if any(end > th.DAY_ENDS_BY for end in ends):
        return False
    return bool(ends) or bool(said & DAYTIME)
