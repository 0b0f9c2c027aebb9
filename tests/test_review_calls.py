"""A session with a role-play call, looked back on: the call is one question, its scenario said
once and its replies listed under it, in the terminal and in HTML; `--json` keeps its shape."""

from __future__ import annotations

import json

from simulator import review
from simulator.notebook import Notebook
from simulator.review.html import write_session_report

from conftest import run_cli
from test_review import STRONG, page_text, question, save_session, typed

REPLIES = ("Thank you for calling Acme, my name is Sam. I'm so sorry about that, let me fix it for you.",
           "I understand. Can I get your account number to verify? Let me pull up your account.",
           "I have refunded the second charge, it will show in three to five days. "
           "Is there anything else I can help with?")


def call_session(home) -> str:
    """A new user's walkthrough (2026-12-01): two questions and a three-line call, read back as
    "5 answers" with the call's scenario printed above every reply."""
    call = question("double-billed-caller")
    answers = [typed(question("why-call-center"), STRONG),
               *(typed(call, text, turn=n) for n, text in enumerate(REPLIES, 1)),
               typed(question("what-is-good-service"), "Good service is listening to the customer and "
                     "fixing their problem the first time, kindly.")]
    return save_session(home, answers)


def test_the_terminal_review_shows_a_call_once_with_its_replies_under_it(home):
    sid = call_session(home)
    with Notebook(home) as nb:
        session = nb.session(sid)
        listed = review.format_session_list(nb.sessions())
    text = " ".join(review.format_session(session, colour=False).split())
    scenario = " ".join(question("double-billed-caller").text.split())
    assert text.count(scenario) == 1
    assert "3 questions, one a call of 3 replies" in text and "5 answers" not in text
    assert "Question 2 of 3: a role-play call, 3 replies" in text and "Question 3 of 3" in text
    for n, turn in enumerate(question("double-billed-caller").turns[:3], 1):
        assert f"Reply {n} of 3 Customer: {' '.join(turn.line.split())}" in text
    assert text.index("Reply 1 of 3") < text.index("Reply 2 of 3") < text.index("Reply 3 of 3") \
        < text.index("Question 3 of 3")
    row = next(line for line in listed.splitlines() if line.startswith(sid))
    assert "QUESTIONS" in listed and row.split()[3] == "3"


def test_the_html_report_shows_a_call_once_and_json_keeps_its_shape(home, tmp_path):
    sid = call_session(home)
    with Notebook(home) as nb:
        page = write_session_report(nb.session(sid), nb, tmp_path / "r.html").read_text(encoding="utf-8")
    text = page_text(page)
    scenario = page_text(question("double-billed-caller").text)
    assert page.count("<h3") == 3  # one heading per question, the call's once
    assert text.count(scenario) == 2  # its heading, and its entry in the list of answers
    assert "overall, across 3 questions, one a call of 3 replies" in text
    for n in (1, 2, 3):
        assert f"Reply {n} of 3" in text and f'id="answer-{n + 1}"' in page  # each reply keeps its anchor
    # Others script against `review --json`: one entry per answer, with the same keys as before.
    data = json.loads(run_cli("review", sid, "--json").stdout)
    assert [a.get("turn") for a in data["answers"]] == [None, 1, 2, 3, None]
    assert {"session_id", "started", "answers", "verdict", "tips", "focus_from_last_time"} <= set(data)
