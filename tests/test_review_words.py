"""The coach's and the reviews' words as a new user reads them (issue 10, points 7-8): a net count
said as a score or in words, "and N more" counting what it leaves out, a tip's target that fits
the question, scores said as whole numbers."""

from __future__ import annotations

from conftest import run_cli
from test_review import save_session
from test_walkthrough_lines import typed

CANT = ("The customer was angry. I said I can't do anything about it, there is nothing I can do, it is "
        "company policy. Then I transferred him.")
CAN = "A customer was upset about a late parcel. I said what I can do is send a new one today, and I did. He thanked me."


def test_positive_language_is_said_in_words_in_a_review_and_as_a_score_in_progress(home):
    # The review read "-3 positive minus negative phrases" and progress "-1 in 3": a net count
    # nobody reads without working it out.
    save_session(home, [typed("angry-customer-time", CANT), typed("angry-customer-time", CAN)])
    review = run_cli("review", "latest").stdout
    lines = [line for line in review.splitlines() if "Positive language" in line]
    assert lines and not any("minus" in line for line in lines), lines
    assert "3 more negative than positive phrases" in lines[0], lines
    assert "1 more positive than negative phrase" in lines[1] and "phrases" not in lines[1], lines
    row = next(line for line in run_cli("progress").stdout.splitlines() if line.startswith("Positive language"))
    assert "score out of 100" in row and " in " not in row and "minus" not in row, row
