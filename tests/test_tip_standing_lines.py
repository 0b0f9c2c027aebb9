"""What the notebook and the closing say about last time's tips is true (a new user's walk 5, P9)."""

from __future__ import annotations

from simulator.coach import session_feedback
from simulator.types import Medium, Tip

from conftest import run_cli
from test_progress_and_tips import said
from test_review import question, save_session, typed


def test_a_tip_whose_area_did_not_come_up_since_says_so_not_that_no_session_compares(home):
    # Walk 5, P9: after three typed sessions whose questions never brought empathy up, its tip
    # read "Not measured since: no typed session to compare it with yet."
    save_session(home, [typed(question("above-and-beyond"), "I've had a few happy customers over the years. "
                                                             "I just try my best for them.")])
    looking = ("I'm looking for a full-time customer service role with a team that takes training seriously. At the "
               "pharmacy I loved the moments when I could fix a problem for someone on the phone.")
    for _ in range(3):
        save_session(home, [typed(question("what-are-you-looking-for"), looking)])
    out = " ".join(run_cli("tips").stdout.split())
    assert "no typed session to compare it with yet" not in out, out
    assert "Not measured since: it did not come up in your 3 typed sessions since." in out, out


def test_a_tip_replaced_today_on_other_answers_is_not_promised_a_check_next_time():
    # Walk 5, P9: a spoken session gave a new structure tip, replacing last time's typed one, and
    # still closed with "I'll check your structure next time you type them".
    story = said(question("above-and-beyond"), "I've had a few happy customers over the years. I just try my best.")
    why = said(question("why-call-center"), "I like helping people and I like that every call is different. At the "
               "pharmacy I handled about forty calls a day and I enjoyed it.", step=0.42)
    feedback = session_feedback([story, why], [Tip("structure", "Tell it as a story.", 20.0, None, Medium.TYPED)])
    assert "structure" in {t.area for t in feedback.tips}
    remark = " ".join(feedback.progress)
    assert "next time you type" not in remark, remark
    assert "today's tip on your structure takes over from last time's" in remark, remark


def test_after_an_answer_not_in_english_the_next_opening_recalls_answering_in_english(home):
    # Walk 5, P10: after "Give me the same answer in English", the next session opened with "Last
    # time we worked on answering the exact question, right from your first sentence."
    spanish = ("Quiero trabajar en un centro de llamadas porque me gusta ayudar a la gente y resolver problemas por "
               "teléfono todos los días.")
    first = run_cli("practice", "--ask", "why-call-center", "--input", "keyboard", "--no-voice", "--no-follow-ups",
                    input=spanish + "\n\n")
    assert "same answer in English" in " ".join((first.stderr + first.stdout).split())
    second = run_cli("practice", "--ask", "greatest-strength", "--input", "keyboard", "--no-voice",
                     "--no-follow-ups", input="I like helping people.\n\n")
    screen = " ".join((second.stderr + second.stdout).split())
    assert "Last time we worked on answering in English" in screen, screen
    assert "exact question" not in screen.split("Question 1 of 1")[0], screen
