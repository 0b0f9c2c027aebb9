"""The charts of the HTML reports read on their own, with one session as with many."""

from __future__ import annotations

import re

from simulator.notebook import Notebook
from simulator.review.html import write_progress_report

from test_review import STRONG, question, save_session, typed


def figure(page: str, title: str) -> str:
    return next(f for f in re.findall(r'<figure class="chart".*?</figure>', page, re.S)
                if f'aria-label="{title}:' in f)


def test_a_chart_of_one_session_stands_its_dot_over_its_date_with_its_value(home, tmp_path):
    # A new user's read (2026-12-01): after one call, Greeting's chart was a lone dot in the
    # middle, its date at the far left, and no axis or value to read it by.
    save_session(home, [typed(question("why-call-center"), STRONG),
                        typed(question("double-billed-caller"), "Thank you for calling, my name is Sam.", turn=1)])
    save_session(home, [typed(question("why-call-center"), STRONG + " Every call is different.")])
    with Notebook(home) as nb:
        page = write_progress_report(nb, tmp_path / "p.html").read_text(encoding="utf-8")
    greeting = figure(page, "Greeting")
    (cx, cy), = [tuple(map(float, d)) for d in re.findall(r'<circle class="dot[^"]*" cx="([\d.]+)" cy="([\d.]+)"', greeting)]
    date = re.search(r'<text class="tick" x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">(\w+ \d+, [\d:]+)</text>', greeting)
    assert date and float(date.group(1)) == cx and date.group(2) == "middle"  # the date right under its dot
    axis = re.search(r'<line class="axis" x1="([\d.]+)" x2="([\d.]+)" y1="([\d.]+)"', greeting)
    assert axis and float(axis.group(1)) < cx < float(axis.group(2)) and float(axis.group(3)) > cy
    value = re.search(r'<text class="value-label"[^>]*>([^<]+)</text>', greeting)
    score = re.search(r"One session so far: <strong>(\d+) out of 100</strong>", greeting)
    assert value and score and value.group(1) == score.group(1)
    assert "<polyline" not in greeting and ">100<" in greeting and ">0<" in greeting  # a score's range
    # A chart of two sessions is drawn as before: a line from the first date to the last.
    overall = figure(page, "Overall score")
    assert "<polyline" in overall and 'class="axis"' not in overall and "Latest:" in overall


def test_an_area_scored_by_the_phrases_said_is_charted_by_its_score_not_a_mean_count(home, tmp_path):
    # A new user's walkthrough (2026-12-01): "Ownership 0.67 phrases", the mean over a call's
    # replies of a count (one reply in three said "let me"). The chart shows the score the coach
    # tracks for the call, the number its tips and closing remarks give.
    from simulator.notebook.history import session_points

    call = question("double-billed-caller")
    replies = ("I'm so sorry about that, that sounds stressful.", "Can I get your account number to verify?",
               "Let me refund the second charge now, you'll see it in three days.")
    for _ in range(2):
        save_session(home, [typed(call, text, turn=n) for n, text in enumerate(replies, 1)])
    with Notebook(home) as nb:
        page = write_progress_report(nb, tmp_path / "p.html").read_text(encoding="utf-8")
        tracked = session_points(nb)[-1].tracked
    for name, title in (("ownership", "Ownership"), ("empathy", "Empathy"), ("next_steps", "Next steps")):
        chart = figure(page, title)
        assert "phrase" not in chart, chart
        latest = re.search(r"Latest: <strong>([\d.]+) out of 100</strong>", chart)
        assert latest and float(latest.group(1)) == round(tracked[name]), (title, chart)
