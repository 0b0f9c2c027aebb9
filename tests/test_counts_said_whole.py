"""A count averaged over a session's answers is said as a person says it (issue 10): "1 red flag
in 3 answers", never "0.33 red flags", in `progress`, the tips' progress lines and the HTML
charts. `progress --json` keeps the means (PRODUCT.md)."""

from __future__ import annotations

import json
import re

from simulator.notebook.history import (
    MetricSeries, SavedTip, SeriesPoint, Standing, TipHistory, TipProgress, metric_series, session_points,
)
from simulator.notebook import Notebook
from simulator.review.charts import series_chart
from simulator.review.progress import history_line, tip_line
from simulator.types import Medium, Tip

from conftest import run_cli
from test_review import question, save_session, typed

RUDE = "My last manager was an idiot, so I want something new."
FINE = ("I enjoy helping people and every call is different. At the pharmacy I answered forty calls a "
        "shift and I stayed calm with upset customers.")


def test_progress_says_a_red_flag_in_three_answers_not_a_third_of_one(home):
    why, leave, good = question("why-call-center"), question("why-leaving-current-job"), question("what-is-good-service")
    for _ in range(2):
        save_session(home, [typed(why, FINE), typed(leave, RUDE), typed(good, FINE)])
    out = run_cli("progress").stdout
    row = next(line for line in out.splitlines() if line.startswith("Professionalism"))
    assert row.split()[1:7] == ["1", "in", "3", "1", "in", "3"], row
    assert not re.search(r"\b0\.\d", row), row
    assert "1 red flag in 3 answers" in out, out
    saved = json.loads(run_cli("progress", "--json").stdout)  # the JSON keeps its numbers
    assert saved[0]["metrics"]["professionalism"] == 0.33
    with Notebook(home) as nb:
        series = metric_series(session_points(nb), "professionalism")
    chart = series_chart(series, "typed")
    assert chart.last == "1 red flag in 3 answers" and "0.33" not in chart.summary, chart.summary
    assert [chart.short(p.value, p.answers) for p in chart.points] == ["1 in 3", "1 in 3"]
    assert [label for _, label in chart.y_ticks] == ["1 in 3"]  # the axis too


def test_a_tips_progress_says_long_pauses_as_a_count_in_answers():
    tip = Tip("pauses", "Keep pauses short.", value=0.5, target="no more than one pause over 2 seconds",
              medium=Medium.SPOKEN)
    first = SavedTip(1, "s0", "2026-12-01T10:00:00+00:00", 1, Tip("pauses", "...", value=2 / 3, medium=Medium.SPOKEN),
                     replaced_by=2)
    saved = SavedTip(2, "s1", "2026-12-01T11:00:00+00:00", 1, tip)
    progress = TipProgress(saved, Standing.NOT_YET, now=1 / 3, now_session="s2", medium=Medium.SPOKEN,
                           history=TipHistory(saved, (first,), 3), alike_since=1, answers={"s0": 3, "s1": 2, "s2": 3})
    line = tip_line(progress)
    assert line == ("Progress: 1 long pause in 2 answers over that session, 1 in 3 answers over your latest "
                    "(not there yet)."), line
    assert history_line(progress).endswith(": 2 long pauses in 3 answers the first time, 1 in 2 answers the last "
                                           "time."), history_line(progress)
    # Not known how many answers (a session no longer in the notebook): per answer, as the
    # interviewer says it (the nearest whole number read a mean of 0.4 as "0 long pauses").
    assert "Progress: about one long pause in every 2 answers over that session" in tip_line(TipProgress(
        saved, Standing.NOT_YET, now=0.0, now_session="s2", medium=Medium.SPOKEN, answers={"s2": 3}))


def test_a_share_of_key_points_is_said_as_about_a_whole_number():
    series = MetricSeries("key_points", "of 5 key points", True, (
        SeriesPoint("a", "2026-12-01T10:00:00+00:00", 2.5, 50.0, 2), SeriesPoint("b", "2026-12-01T11:00:00+00:00", 3.0, 60.0, 2)))
    chart = series_chart(series, "typed")
    assert chart.say(2.5, 2) == "about 3 of 5 key points" and chart.last == "3 of 5 key points"
