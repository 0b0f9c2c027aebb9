"""What a question asks for, when its bank says so (`asks_for:`), and whether an answer gives any
of it at all.

A recruiter who asks "What's your availability?" and hears "I'm twenty minutes away on the bus,
the number twelve goes past my road" says "that answers a different question". Meaning alone
cannot tell that from background given to "Why a call center?" (the e2-offtopic rule, reverted:
both sit as near another question as each other). What tells them apart is what the question asks
for: a question of hours wants days, times or shifts, or a yes or a no to them ("If it's needed,
I'll do it"); a motivation question takes background, and has no `asks_for`. The words of the
first are few and plain, so they are read from the words, not by meaning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Asks, Question
from .clauses import norms_of

# Days, times and shifts, as said (singular and plural, on the normalised words).
_TIMES = frozenset("""day days monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
    thursdays fridays saturdays sundays weekday weekdays weekend weekends morning mornings afternoon afternoons
    evening evenings night nights overnight overnights shift shifts hours overtime holiday holidays christmas
    rota rotas lates earlies late early pm oclock daytime nighttime""".split())
# "till ten", "until 10pm", "up to closing": a time named by when it ends.
_UNTIL = re.compile(r"\b(?:till|until|up to|from|by) (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|midnight|noon|close|closing|late)")
# A yes or a no to them: "I don't mind", "that's fine", "I'll do it", "it depends", "whatever works".
_STANCE = re.compile(r"\b(?:yes|yeah|yep|sure|absolutely|definitely|fine|okay|ok|flexible|available|free|whatever|"
                     r"anything|anytime|depends|depend|happy to|glad to|no problem|not a problem|do not mind|"
                     r"would not mind|of course|that works|works for me|count me in)\b|"
                     r"\bi (?:can|could|will|would|shall|am able to|am willing to)(?: not)?(?: \w+)? "
                     r"(?:do|work|stay|cover|manage|make|start|come|take|be there)\b")


def says_hours(text: str) -> bool:
    """The words name a day, a time or a shift, or say yes or no to working them."""
    norms = norms_of(text)
    said = " ".join(norms)
    return bool(_TIMES & set(norms)) or _UNTIL.search(said) is not None or _STANCE.search(said) is not None


def gives_what_is_asked(question: Question, sentences: Sequence[str]) -> bool:
    """Whether any sentence of the answer gives what the question asks for (`Question.asks_for`);
    True for a question whose bank does not say."""
    if question.asks_for is Asks.HOURS:
        return any(says_hours(s) for s in sentences)
    return True
