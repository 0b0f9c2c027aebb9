"""Lines a new user read in the thirteenth walkthrough (2026-12-02: typed, spoken and mixed
sessions in one data folder, `tips`, `progress`, `review`, the HTML pages) that a kind,
experienced call-center recruiter would not say: a target in the wrong unit, a key point named
as another idea, one sentence said three times, a count in the wrong form."""

from __future__ import annotations

from simulator import banks, interviewer
from simulator.assess import score_answer
from simulator.coach import session_feedback
from simulator.coach.targets import target_text
from simulator.review.charts import line_chart
from simulator.scoring import thresholds as th
from simulator.types import Answer, Medium, Tip, Transcript

from conftest import run_cli
from test_coach import spoken
from test_review import save_session, typed as review_typed


def bundled(qid: str):
    every = [banks.load_bank(p, bundled=True) for p in sorted(banks.bundled_banks_dir().glob("*.yaml"))]
    return banks.find_question(every, qid)


def typed(qid: str, text: str) -> Answer:
    q = bundled(qid)
    return Answer(q, score_answer(q, Transcript.typed(text)))


def said(qid: str, text: str) -> Answer:
    q = bundled(qid)
    return Answer(q, score_answer(q, spoken(text)))


def test_a_typed_answers_filler_tip_aims_for_fillers_per_100_words_as_its_text_says():
    # "I'd like 2 or fewer in every 100 words" in the tip, then "Aim for: 3 or fewer fillers a
    # minute" under it: a typed answer has no minute.
    feedback = session_feedback([typed("what-is-good-service", "I guess maybe it's like, um, being helpful I "
                                       "suppose. I think it's kind of listening. I'm a perfectionist. Yeah.")])
    tip = next(t for t in feedback.tips if t.area == "fillers")
    assert "2 or fewer in every 100 words" in tip.text
    assert tip.target == th.FILLERS_PER_100_WORDS.target
    spoken_tip = next(t for t in session_feedback([said(
        "why-call-center", "Um so I want to work in a call center because um I really like helping people and uh "
        "I like that every call is different, um, and at my last job I helped forty customers a day.")]).tips
        if t.area == "fillers")
    assert spoken_tip.target == th.FILLERS_PER_MINUTE.target


def test_the_overtime_questions_missed_yes_is_named_as_being_happy_to_do_it_not_glad_to_help():
    # "I didn't hear about being glad to help": the overtime question's first point is "happy to
    # [do the overtime]", and so is the sales question's ("happy to [offer upgrades]").
    tip = next(t for t in session_feedback([typed(
        "overtime-peak-season", "I left my last job because the manager was always changing the rota.")]).tips
        if t.area == "key_points")
    assert "glad to help" not in tip.text
    assert "that you're happy to do it" in tip.text


def test_a_question_of_facts_is_not_asked_for_a_reason_or_a_moment_when_its_points_are_missed():
    # "What's your availability?" answered with the walk to the office: "I didn't hear about
    # evenings or about weekends. Tell me in your own words, with a reason or a moment that shows
    # it." The question wants facts (FACTS_NOT_EXAMPLES), as its other tips already say.
    # (The walk itself, with no hours at all, is now an answer to another question: p4-relevance.)
    walk = typed("availability-shifts", "Well I mean I live close to the office so I can walk there in ten "
                                        "minutes, it's really easy for me to get in.")
    assert walk.score.overall <= 15
    answer = typed("availability-shifts", "I live close to the office, so getting in for my shifts is easy, and I "
                                          "can start early most days.")
    tip = next(t for t in session_feedback([answer]).tips if t.area == "key_points")
    assert "about evenings or about weekends" in tip.text
    assert "a reason or a moment" not in tip.text and "two things that are true for you" not in tip.text
    assert "where you stand on each" in tip.text and "plan around it" in tip.text
    # a question that wants a reason and a moment still asks for them: the reason in the key-points
    # tip, the moment once, in the tip whose advice it is (s8-tips: "give an example" said once)
    tips = session_feedback([typed("why-call-center", "I like the hours and the pay is okay, and "
                                   "the office is near my house so it is easy.")]).tips
    why = next(t for t in tips if t.area == "key_points")
    assert "a reason" in why.text and "plan around it" not in why.text
    assert sum("moment" in t.text for t in tips) == 1, tips


def test_last_times_tips_measured_the_other_way_are_said_in_one_remark():
    # Typed tips, then a spoken session: "Last time you typed your answers and today you didn't"
    # began three remarks in a row.
    focus = tuple(Tip(area, "...", value=value, target=target_text(area), medium=Medium.TYPED)
                  for area, value in (("hedging", 7.5), ("fillers", 10.0), ("length", 40.0)))
    answers = [said("why-call-center", "Um so I want to work in a call center because um I really like helping "
                    "people and uh I like that every call is different."),
               said("above-and-beyond", "Um one time a customer uh needed a dress for a wedding and it was out of "
                    "stock so I um called three other stores and I found one.")]
    feedback = session_feedback(answers, focus)
    switched = [p for p in feedback.progress if p.startswith("Last time you typed")]
    assert len(switched) == 1, feedback.progress
    assert switched[0].startswith("Last time you typed your answers and today you spoke them, so I'll check "
                                  "your hedging next time you type them; today's tips on your fillers and your "
                                  "answer length take over from last time's."), switched
    # areas not measured today: one remark too
    calls = tuple(Tip(area, "...", value=0.0, target=target_text(area)) for area in ("greeting", "closing"))
    assert session_feedback(answers, calls).progress == (
        "We didn't get to measure greeting and closing today; let's check them next time.",)


def test_a_score_out_of_100_is_named_once_in_a_closing_remark():
    # "Last time you were at 60 out of 100 on specific examples; today 93 out of 100 on specific examples."
    focus = (Tip("specificity", "...", value=60.0, target=target_text("specificity"), medium=Medium.TYPED),)
    answer = typed("why-call-center", "I want to work in a call center because I enjoy helping people. At the "
                   "bakery I served about two hundred customers a day, and last month I sorted out a wrong "
                   "wedding cake order in an hour, so the couple still got their cake on time.")
    remark = session_feedback([answer], focus).progress[0]
    assert remark.startswith("Last time you were at 60 out of 100 on specific examples; today ")
    assert remark.count("out of 100") == 1, remark


def test_the_opening_recalls_last_times_long_pauses_per_answer_as_the_closing_did():
    # The opening screen said "keeping long pauses short (you were at 3 long pauses)" for a
    # session of three answers with three pauses each; its closing said "about 3 long pauses an answer".
    pauses = Tip("pauses", "...", value=3.0, target=target_text("pauses"), medium=Medium.SPOKEN)
    assert interviewer.reminder(pauses) == "keeping long pauses short (you were at about 3 long pauses an answer)"
    rare = Tip("pauses", "...", value=1 / 3, target=target_text("pauses"), medium=Medium.SPOKEN)
    assert interviewer.reminder(rare).endswith("(you were at about one long pause in every 3 answers)")
    one = Tip("fillers", "...", value=1.0, target=target_text("fillers"), medium=Medium.SPOKEN)
    assert interviewer.reminder(one).endswith("(you were at 1 filler a minute)")


def test_the_progress_tables_count_example_counts_something(home):
    # Under the table: 'A count like "0 in 3" is over that session's answers: 0 positive minus
    # negative phrases in 3 answers.' The first counted row was a net figure, and its count nought.
    clean = ("I enjoy helping people, and every call is different. At the pharmacy I took forty calls a day, "
             "and I liked sorting out each problem before the caller rang off.")
    save_session(home, [review_typed(bundled("why-call-center"), clean)] * 2)
    save_session(home, [review_typed(bundled("why-call-center"), clean),
                        review_typed(bundled("angry-customer-time"), "The customer was an idiot and I hung "
                                     "up on him, it was not my problem.")])
    out = run_cli("progress").stdout
    example = next(line for line in out.splitlines() if line.startswith("A count like"))
    assert "minus" not in example and "red flag" in example, example
    assert not example.startswith('A count like "0 in'), example


def test_a_charts_two_axis_labels_never_read_the_same():
    # The progress page's monotone chart read "3.5" at its top and "3.5" at its bottom (3.46 and
    # 3.54 semitones): a line sloping between two equal numbers looks broken.
    chart = line_chart("c", "Monotone", "semitones", [("Dec 2", 3.46, False), ("Dec 3", 3.54, True)])
    labels = [label for _, label in chart.y_ticks]
    assert labels == ["3.54", "3.46"], labels
    same = line_chart("c", "Volume", "dBFS", [("Dec 2", -17.0, False), ("Dec 3", -17.0, True)])
    assert [label for _, label in same.y_ticks] == ["-17"]
    apart = line_chart("c", "Pace", "words a minute", [("Dec 2", 87.0, False), ("Dec 3", 141.0, True)])
    assert [label for _, label in apart.y_ticks] == ["141", "87"]


def test_a_limit_the_availability_question_asks_for_is_not_told_to_say_what_you_can_do():
    # "The only thing I can't do is Tuesday mornings because of a class." was told "A customer
    # hears the "can't" and stops listening": the question asks for limits (its point `limits`).
    limit = said("availability-shifts", "Evenings until ten are fine, and I can do Saturdays and Sundays. The only "
                 "thing I can't do is Tuesday mornings because of a class, and that finishes in June.")
    feedback = session_feedback([limit])
    assert "positive_language" not in [t.area for t in feedback.tips], feedback.tips
    # a "can't" said to a customer is still told
    caller = typed("what-is-good-service", "Good service means fixing the problem the first time. When a customer "
                   "asked for a late delivery slot at the shop, I told her I can't do that, the van was already "
                   "booked, and she left a bit disappointed but I listened to her properly.")
    tip = next(t for t in session_feedback([caller]).tips if t.area == "positive_language")
    assert "I told her I can't do that" in tip.text and "stops listening" in tip.text


def test_plain_negativity_is_told_what_to_say_instead_not_about_cant():
    # New-user probe, 2026-12-04: "I hated the silence, nobody to talk to all day" (why a warehouse
    # worker wants a people job) was told 'A customer hears the "can't" and stops listening': no "can't"
    # was said. The advice fits what was said, and the notebook's target with it.
    answer = typed("why-call-center", "Honestly my last job was in a warehouse and I hated the silence, nobody to "
                   "talk to all day. I'm a talker, I like sorting things out for people, and I've been told I'm "
                   "patient with my nan's tech problems.")
    tip = next(t for t in answer.score.tips if t.area == "positive_language")
    assert '"I hated the silence, nobody to talk to all day."' in tip.text
    assert "can't" not in tip.text and "looking for" in tip.text
    assert tip.target == "what you're looking for, not what you disliked"
    # a "can't" beside it is still the tip
    both = typed("what-is-good-service", "Good service means fixing the problem the first time. At the bakery I "
                 "hated the early starts, but when a customer asked for a late delivery slot, I told her I can't do "
                 "that, the van was already booked, and I listened to her properly.")
    tip = next(t for t in both.score.tips if t.area == "positive_language")
    assert "I told her I can't do that" in tip.text and "stops listening" in tip.text, tip.text


def test_in_your_story_is_never_read_as_part_of_the_question():
    # 'When I asked "Tell me about a time ... how did you handle it?" in your story, I didn't hear
    # how you acknowledged the customer's feelings.'
    rude = typed("angry-customer-time", "Honestly the customer was an idiot. He kept yelling so I told him to calm "
                 "down and I hung up on him. It wasn't my problem.")
    session = [typed("why-call-center", "I want to work in a call center because I really enjoy helping people "
                     "solve their problems. In my last job at a retail store I handled about forty customer "
                     "questions a day, and I liked that every day was different."),
               typed("availability-shifts", "I take the number 12 bus to get to work, it stops right outside, so "
                     "getting here would be easy for me."),
               rude, typed("what-is-good-service", "Being nice to people.")]
    tips = [t.text for t in session_feedback(session).tips if t.area in ("empathy", "ownership")]
    assert tips, session_feedback(session).tips
    for text in tips:
        assert '?" in your' not in text and "in your story." in text, text


def test_a_verdict_on_two_answers_that_would_end_an_interview_does_not_say_one_thing():
    rude = typed("angry-customer-time", "Honestly the customer was an idiot. He kept yelling so I told him to calm "
                 "down and I hung up on him. It wasn't my problem.")
    weekends = typed("availability-shifts", "I don't work weekends and I'd rather not do evenings.")
    good = typed("why-call-center", "I want to work in a call center because I really enjoy helping people solve "
                 "their problems. In my last job at a retail store I handled about forty customer questions a day, "
                 "and I liked that every day was different.")
    two = session_feedback([rude, good, weekends]).verdict
    assert two.startswith("Not yet. In two of your answers you said something that would end a real interview"), two
    assert "One thing" not in two
    assert session_feedback([rude, good]).verdict == th.KNOCKOUT_VERDICT


def test_the_demo_says_where_to_see_it_again_once(home, monkeypatch, capsys):
    # The demo's feedback ended "See it again: mock-interview review ID --home FOLDER", then "Saved
    # as demo session ID in FOLDER. See it again with `mock-interview review ID --home FOLDER`".
    from simulator import demo

    class Fixed:  # the speech model, replaced: every answer heard as one strong sentence
        name = "fixed"

        def load(self) -> None:
            pass

        def transcribe(self, samples, on_progress=None):
            return spoken("I enjoy helping people, and every call is different, so I stay calm and fix it.")

    monkeypatch.setattr(demo, "make_transcriber", lambda engine, model, home: Fixed())
    run = demo.run(home, questions=1, seed=1)
    out = capsys.readouterr()
    printed = out.out + out.err
    assert printed.count(f"mock-interview review {run.session.id}") == 1, printed
    assert str(home / "demo") in printed


def test_the_opening_recalls_a_typed_filler_tip_per_100_words_as_it_was_given():
    # "cutting down the ums and uhs (you were at 10 fillers a minute)" after a typed tip that said
    # "about 15 in every 100 words" (the notebook keeps fillers a minute, at the typing pace).
    typed_tip = Tip("fillers", "...", value=15 * th.TYPED_WORDS_PER_MINUTE / 100, target=th.FILLERS_PER_100_WORDS.target,
                    medium=Medium.TYPED)
    assert interviewer.reminder(typed_tip) == "cutting down the ums and uhs (you were at 15 fillers per 100 words)"
    spoken_tip = Tip("fillers", "...", value=10.0, target=target_text("fillers"), medium=Medium.SPOKEN)
    assert interviewer.reminder(spoken_tip) == "cutting down the ums and uhs (you were at 10 fillers a minute)"


def test_a_motivation_answer_that_refuses_the_work_is_not_told_to_let_the_caller_finish():
    # "I don't really enjoy helping people, I just need the money." to "Why a call center?" was told
    # "Tell me what you would do instead: "I'd let them finish, say I'm sorry, and sort it out for them.""
    tip = session_feedback([typed("why-call-center", "I don't really enjoy helping people, I just need the "
                                  "money.")]).tips[0]
    assert tip.area == "professionalism"
    assert "let them finish" not in tip.text and "what you do like about the work" in tip.text, tip.text
    # a refusal of the job's practice on a question about callers keeps its advice
    story = typed("angry-customer-time", "I don't apologise to people who shout at me, and I wouldn't bother "
                  "checking their account either.")
    flagged = next(t for t in session_feedback([story]).tips if t.area == "professionalism")
    assert "let them finish" in flagged.text, flagged.text


def test_a_point_outside_your_authority_is_named_as_an_idea():
    # "I didn't hear that you try first or about outside your authority."
    from simulator.coach.phrasing import idea

    assert idea("outside my authority") == "what's outside your authority"


def test_a_real_story_is_asked_for_what_it_lacks_not_for_a_story():
    # New-user probe, 2026-12-04: a real feedback story with no number was told "I'd like a real
    # story here... Tell me about one real time", as if it had none.
    from tests.test_scoring import FEEDBACK_STORY

    tip = next(t for t in typed("critical-feedback", FEEDBACK_STORY).score.tips if t.area == "specificity")
    assert "real example" in tip.text and "a number" in tip.text, tip.text
    assert "one real time" not in tip.text and "real story here" not in tip.text
