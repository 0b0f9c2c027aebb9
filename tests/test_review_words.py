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
    # (4: three negative phrases and the brush-off "there is nothing I can do", told to the caller)
    assert "4 more negative than positive phrases" in lines[0], lines
    assert "1 more positive than negative phrase" in lines[1] and "phrases" not in lines[1], lines
    row = next(line for line in run_cli("progress").stdout.splitlines() if line.startswith("Positive language"))
    assert "score out of 100" in row and " in " not in row and "minus" not in row, row


def test_and_n_more_counts_what_it_leaves_out_not_lines():
    # "and 1 more" under an answer whose left-out line stood for three phrases ("(3 times)"), and
    # "and 2 more" after "missing: extra" when one of the two was a key point covered.
    from simulator.review.terminal import _metric_lines, _Paint
    from simulator.types import Coverage, Evidence, EvidenceKind, Metric

    said = [Evidence(f"I checked {n}", kind=EvidenceKind.PHRASE, note="takes ownership") for n in ("a", "b", "c")]
    again = [Evidence("let me fix it", kind=EvidenceKind.PHRASE, note="takes ownership")] * 3
    lines = _metric_lines(Metric("ownership", 100.0, 6.0, "phrases", tuple(said + again)), {}, _Paint(False))
    assert lines[-1].strip() == "and 3 more", lines

    def point(label: str, covered: bool) -> Evidence:
        return Evidence(label if covered else "", kind=EvidenceKind.KEY_POINT, label=label,
                        note=("covers: " if covered else "missing: ") + label,
                        coverage=Coverage.COVERED if covered else Coverage.MISSING)
    points = [point("situation", True), point("action", True), point("extra", False), point("result", True),
              point("learned", False)]
    lines = _metric_lines(Metric("key_points", 69.0, 3.0, "of 5 key points", tuple(points)), {}, _Paint(False))
    assert lines[-1].strip() == "and 2 more, 1 of them missing", lines
    lines = _metric_lines(Metric("key_points", 0.0, 0.0, "of 4 key points",
                                 tuple(point(x, False) for x in "abcd")), {}, _Paint(False))
    assert lines[-1].strip() == "and 1 more missing", lines


def test_a_refusal_to_a_motivation_question_aims_for_what_you_like_about_the_work():
    # "Why do you want to work in a call center?" answered "I wouldn't apologise to customers" was
    # told "Aim for: what you would do for the caller, not what you won't": there is no caller.
    from simulator.coach import session_feedback

    answer = typed("why-call-center", "I wouldn't apologise to customers, that is not my thing. But I like the phones.")
    tip = next(t for t in session_feedback([answer]).tips if t.area == "professionalism")
    assert "what you do like about the work" in tip.text, tip.text
    assert "caller" not in tip.target and "like about the work" in tip.target, tip.target


def test_tips_say_scores_as_whole_numbers(home):
    # `tips` said "Progress: 47.3 out of 100 over that session" and "23.3 out of 100 the first
    # time" beside "1 red flag in 3 answers" and the table's whole scores.
    import re

    save_session(home, [typed("why-call-center", "I like people."), typed("angry-customer-time", CAN),
                        typed("greatest-weakness", "I am a perfectionist.")])
    save_session(home, [typed("why-call-center", "I like people and the phones."),
                        typed("greatest-weakness", "Sometimes I take too long on details, so now I set a timer on "
                              "each task and my manager says it helps.")])
    out = " ".join(run_cli("tips").stdout.split())
    assert "out of 100" in out, out
    assert not re.search(r"\d\.\d+ out of 100", out), out
    assert not re.search(r"out of 100 the first time, \d+\.\d", out), out


def test_one_kind_of_earns_no_filler_tip_but_two_fillers_or_an_um_do():
    # "A filler crept in, and that's a lot for an answer this short" for one "kind of" in a
    # typed answer: 6 in 100 words is over the rate, but a lone softener is how people talk.
    from simulator.coach import session_feedback

    def areas(text: str) -> list[str]:
        return [t.area for t in session_feedback([typed("why-call-center", text)]).tips]
    assert "fillers" not in areas("I kind of enjoy helping people on the phone and I like that every call is different.")
    assert "fillers" in areas("I kind of enjoy helping people on the phone and I sort of like that every call is different.")
    assert "fillers" in areas("I enjoy helping people on the phone, um, and I like that every call is different.")


def test_a_count_over_unknown_answers_never_says_a_rounded_nought():
    # A mean of 0.4 long pauses over an unknown number of answers read "0 long pauses": one of
    # them had a pause.
    from simulator.review.figures import count_text

    assert count_text(0.4, None, "long pauses") == "about one long pause in every 2 answers"
    assert count_text(0.4, None, "long pauses", bare=True) == "about one long pause in every 2 answers"
    assert count_text(0.0, None, "red flags") == "no red flags"
    assert count_text(1 / 3, 3, "red flags") == "1 red flag in 3 answers"  # answers known: the count


def test_an_answer_giving_none_of_what_was_asked_carries_it_as_typed_evidence_the_coach_reads():
    # relevance.answers_another decided an answer to "How do you feel about overtime?" answered
    # another question, and left no typed trace; the coach read the sentences again to say so.
    from dataclasses import replace

    from simulator.coach.context import Context
    from simulator.coach.tips import WRITERS
    from simulator.types import EvidenceKind

    answer = typed("overtime-peak-season", "A good account note says what the customer asked, what I did and what "
                   "happens next.")
    m = answer.score.metric("relevance")
    asked = [e for e in m.evidence if e.kind is EvidenceKind.NOT_ASKED]
    assert [e.label for e in asked] == ["hours"] and not asked[0].quote, m.evidence
    ctx = Context(answer.question, answer.score.transcript, None)
    assert "which days and hours you can work" in WRITERS["relevance"](m, ctx)
    # the tip comes from that evidence, not from the sentences read again
    bare = replace(m, evidence=tuple(e for e in m.evidence if e.kind is not EvidenceKind.NOT_ASKED))
    assert "which days and hours you can work" not in WRITERS["relevance"](bare, ctx)
    # an answer that names its hours carries none
    fine = typed("overtime-peak-season", "I can do Saturdays and evenings in peak season, that's fine with me.")
    assert not [e for e in fine.score.metric("relevance").evidence if e.kind is EvidenceKind.NOT_ASKED]


def test_relevance_is_said_in_words_in_a_review_and_as_a_score_in_progress(home):
    # "Relevance 92 ... 0.92 out of 1 on the question" in a review and "1.0 out of 1 on the
    # question" in progress: a second number for the same thing, on a scale nothing else uses.
    save_session(home, [typed("angry-customer-time", CAN),
                        typed("overtime-peak-season", "A good account note says what the customer asked, what I did "
                              "and what happens next.")])
    lines = [line for line in run_cli("review", "latest").stdout.splitlines() if line.strip().startswith("Relevance")]
    assert len(lines) == 2 and not any("out of 1" in line for line in lines), lines
    assert lines[0].endswith("on the question") and lines[1].endswith("away from the question"), lines
    row = next(line for line in run_cli("progress").stdout.splitlines() if line.startswith("Relevance"))
    assert row.split()[1].isdigit() and row.endswith("score out of 100"), row


def test_a_small_figure_has_no_trailing_nought():
    # "Time to start 100  0.60 seconds" above its evidence "first words after 0.6 s".
    from simulator.review.figures import number

    assert [number(x) for x in (0.6, 0.35, 0.05, 0.5)] == ["0.6", "0.35", "0.05", "0.5"]


def test_a_closing_reply_too_short_to_close_gets_the_closing_tip_alone():
    # The demo's last reply, "Okay, thanks.", got "That reply was very short. You said "Okay,
    # thanks."..." and then "Close the call properly. At the end you said "Okay, thanks."...".
    from simulator.assess import score_answer
    from simulator.types import Transcript
    from test_walkthrough_lines import bundled

    tips = score_answer(bundled("double-billed-caller"), Transcript.typed("Okay, thanks."), turn=4).tips
    assert [t.area for t in tips] == ["closing"], [(t.area, t.text) for t in tips]


def test_a_closing_remark_says_a_unit_once():
    # "Last time you were at 3 hedges per 100 words; today 3 hedges per 100 words." beside
    # "Last time you were at 67 out of 100 on specific examples; today 67."
    from simulator.coach import session_feedback
    from simulator.coach.targets import target_text
    from simulator.types import Medium, Tip

    focus = (Tip("hedging", "...", value=3.0, target=target_text("hedging"), medium=Medium.TYPED),)
    answer = typed("why-call-center", "I guess I like helping people, maybe. I think I'm good on the phone, probably.")
    remark = session_feedback([answer], focus).progress[0]
    assert remark.startswith("Last time you were at 3 hedges per 100 words; today "), remark
    import re

    assert re.search(r"; today \d+(\.\d+)?\. ", remark), remark


def test_a_saved_figure_reads_as_the_table_beside_it_does():
    # `tips` said "2.6 hedges per 100 words" for a saved 2.65, where the progress table said 2.7
    # (2.65 is stored just under itself, and "{:.1f}" rounded it down).
    from simulator.review.figures import number, number_short

    assert number(2.65) == number_short(2.65) == "2.7"
    assert number(1.25) == "1.3" and number(0.125) == "0.13" and number(-21.5) == "-21.5"


def test_a_chart_draws_a_change_of_a_fraction_of_a_per_cent_nearly_flat():
    # The progress page drew pace 156.03 -> 155.62 words a minute as a line falling from the top
    # of its chart to the bottom, labelled "156.03" and "155.62", beside "steady".
    from simulator.review.charts import line_chart

    chart = line_chart("c", "Pace", "words a minute", [("Dec 2", 156.03, False), ("Dec 3", 155.62, True)])
    first, last = chart.points
    assert abs(first.y - last.y) < 5, (first.y, last.y)
    assert [label for _, label in chart.y_ticks] == ["156"]
    apart = line_chart("c", "Pace", "words a minute", [("Dec 2", 87.0, False), ("Dec 3", 141.0, True)])
    assert abs(apart.points[0].y - apart.points[1].y) > 50


def test_a_score_charts_arrow_follows_the_whole_numbers_it_shows():
    # The progress page's relevance chart read "↓ on target" over a flat line at 99 (99.4 -> 99.1).
    from simulator.notebook.history import MetricSeries, SeriesPoint
    from simulator.review.charts import series_chart

    series = MetricSeries("relevance", "score out of 100", False, (
        SeriesPoint("a", "2026-12-01T10:00:00+00:00", 99.4, 99.4), SeriesPoint("b", "2026-12-02T10:00:00+00:00", 99.1, 99.1)))
    chart = series_chart(series, "p")
    assert chart.trend is not None and chart.trend.direction == "flat", chart.trend
