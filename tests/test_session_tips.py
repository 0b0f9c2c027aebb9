"""The session's closing tips, read together: two tips never read back the same words."""

from __future__ import annotations

import re

from simulator.coach import session_feedback
from simulator.coach.quoting import find_quote

from test_coach import spoken
from test_review import question, typed
from test_progress_and_tips import said

# The demo's weak answer to the weakness question, with its follow-up (`demo --seed 4`).
PERFECTIONIST = ("Um, I guess, um, maybe I'm kind of a perfectionist. Like, I don't know, I sort of want things "
                 "to be, um, right. I think so, anyway. um, maybe I would, like, take a bit longer on calls, "
                 "I guess. I'm not really sure.")


def quoted_words(tip_text: str, answer_words: list[str]) -> set[int]:
    """The answer's words a tip reads back (its quotes of the question and advice are not in it)."""
    found: set[int] = set()
    for quote in re.findall(r'"([^"]+)"', tip_text):
        span = find_quote(answer_words, quote)
        if span is not None and len(span) >= 3:  # a quoted sentence, not "maybe" named as a word
            found.update(span)
    return found


def test_two_tips_never_quote_the_same_sentence_of_an_answer():
    # A new user's read of `make demo` (2026-12-01): the cliché tip and the hedging tip both quoted
    # "Um, I guess, um, maybe I'm kind of a perfectionist."; the second now quotes another clause.
    weakness = question("greatest-weakness")
    for answer in (typed(weakness, PERFECTIONIST), said(weakness, PERFECTIONIST)):
        feedback = session_feedback([answer, typed(question("why-call-center"), "I like people.")])
        words = answer.score.transcript.text.split()
        on_it = [t for t in feedback.tips if quoted_words(t.text, words)]
        assert {"specificity", "hedging"} <= {t.area for t in feedback.tips}, feedback.tips
        seen: set[int] = set()
        for tip in on_it:
            mine = quoted_words(tip.text, words)
            assert not mine & seen, (tip.area, tip.text)
            seen |= mine
        hedging = next(t for t in feedback.tips if t.area == "hedging")
        assert quoted_words(hedging.text, words), hedging.text  # another hedged clause, read back


def test_a_session_tip_that_names_no_question_is_said_of_its_question():
    # A new user's sessions (2026-12-01): at the end of three questions, "That was short, 34 words..."
    # and "I didn't hear a story with a clear shape" named neither the question nor what was said.
    from simulator.assess import score_answer
    from simulator.banks import bundled_banks
    from simulator.coach import session_feedback
    from simulator.types import Answer, Transcript

    bank = {q.id: q for b in bundled_banks() for q in b.questions}
    answers = [Answer(bank[qid], score_answer(bank[qid], Transcript.typed(text))) for qid, text in (
        ("why-call-center", "I'm good at sorting out people's problems, and at the chemist I handled about forty "
                            "calls a day, mostly prescriptions, and I liked that no two were the same."),
        ("above-and-beyond", "Once a man was cross about a parcel and I sorted it."))]
    tips = session_feedback(answers).tips
    story = [t.text for t in tips if t.area in ("structure", "length", "specificity")]
    assert story, [t.text for t in tips]
    for text in story:
        assert "Tell me about a time you went above and beyond" in text or 'you wrote "' in text, text
