"""Choosing questions, follow-ups and what the interviewer says, on the bundled banks."""

from __future__ import annotations

from collections import Counter

import pytest

from simulator import interviewer
from simulator.assess import score_answer
from simulator.banks import resolve_banks
from simulator.errors import UserError
from simulator.types import QuestionKind, Tip, Transcript


@pytest.fixture(scope="module")
def pool():
    from pathlib import Path

    return [q for b in resolve_banks([], Path("/nonexistent-home")) for q in b.questions]


def ids(plan):
    return [p.question.id for p in plan]


def test_a_seed_reproduces_the_choice_and_different_seeds_differ(pool):
    assert ids(interviewer.choose_questions(pool, 5, seed=7)) == ids(interviewer.choose_questions(pool, 5, seed=7))
    assert len({tuple(ids(interviewer.choose_questions(pool, 5, seed=s))) for s in range(10)}) >= 8


def test_ask_overrides_the_choice_in_order(pool):
    plan = interviewer.choose_questions(pool, 5, seed=1, ask=["greatest-weakness", "why-call-center"])
    assert ids(plan) == ["greatest-weakness", "why-call-center"]
    with pytest.raises(UserError, match="no-such-id"):
        interviewer.choose_questions(pool, 5, ask=["no-such-id"])


def test_a_session_mixes_categories_with_at_most_one_call_and_warm_up_first(pool):
    order = interviewer.KIND_ORDER
    for seed in range(20):
        plan = interviewer.choose_questions(pool, 6, seed=seed)
        categories = Counter(p.question.category for p in plan)
        assert len(categories) >= 5, categories
        assert sum(p.question.is_roleplay for p in plan) <= 1
        kinds = [order[p.question.kind] for p in plan]
        assert kinds == sorted(kinds)  # general first, the role-play call last


def test_open_tips_steer_toward_the_questions_that_practise_them(pool):
    def share(focus):
        chosen = [p.question for s in range(60) for p in interviewer.choose_questions(pool, 4, seed=s, focus=focus)]
        return sum(q.kind == "behavioral" for q in chosen) / len(chosen)

    assert share([Tip("structure", "Use STAR.")]) > share([]) + 0.1


def test_a_poor_answer_is_retried_and_recent_questions_are_avoided(pool):
    history = {"greatest-weakness": [35.0], "why-call-center": [88.0]}
    plan = interviewer.choose_questions(pool, 4, seed=3, history=history)
    retry = [p for p in plan if p.retry_of is not None]
    assert [p.question.id for p in retry] == ["greatest-weakness"] and retry[0].retry_of == 35.0
    assert "from last time" in interviewer.ask_line(retry[0], 1, 4)
    recent = {q.id for q in pool[:40]}
    chosen = [i for s in range(40) for i in ids(interviewer.choose_questions(pool, 4, seed=s, recent=recent))]
    assert sum(i in recent for i in chosen) / len(chosen) < 0.2  # 40 of 91 are recent: far fewer chosen


def test_opening_recalls_last_times_tips_in_one_sentence_with_their_numbers_on_screen():
    focus = [Tip("pace", "...", 185.0), Tip("specificity", "...", 30.0)]
    assert interviewer.opening(focus, 5, True) == ("Welcome back. Last time we worked on slowing "
                                                   "down, and more.")
    details = interviewer.recap_details(focus)
    assert "slowing down (you were at 185 words a minute)" in details
    assert "giving a concrete example" in details
    assert "role-play" in interviewer.opening([], 5, True) and "role-play" in interviewer.plan_line(5, True)
    # a session of one call (a new user's `--ask`, 2026-12-01: "1 question, including a short role-play call")
    assert "one short role-play call" in interviewer.opening([], 1, True)
    assert interviewer.plan_line(1, True) == "1 question: a short role-play call."
    assert "Last time" not in interviewer.opening([], 3, False)
    # a name with commas is said whole (a new user heard "...telling your examples as situation.")
    said = interviewer.opening([Tip("structure", "...", 20.0)], 3, False)
    assert said.endswith("situation, action and result."), said


def test_the_recap_on_screen_says_how_many_sessions_an_area_has_come_up_in():
    # The notebook keeps one open tip per area; the recap carries its history the way `tips` does.
    focus = [Tip("pace", "...", 185.0), Tip("specificity", "...", 30.0)]
    details = interviewer.recap_details(focus, {"pace": 3, "specificity": 1}).splitlines()
    assert details[1].endswith("(you were at 185 words a minute) (it has come up in 3 sessions)")
    assert details[2] == "  - giving a concrete example"  # given once: nothing to add


def follow_up_for(pool, qid, text):
    q = next(q for q in pool if q.id == qid)
    return q, interviewer.follow_up_line(q, score_answer(q, Transcript.typed(text)))


def test_thin_answers_get_one_follow_up_and_good_ones_none(pool):
    q, probe = follow_up_for(pool, "what-is-good-service", "Being nice.")
    assert probe == q.follow_up
    _, probe = follow_up_for(pool, "above-and-beyond", "I always try my best for every customer, I think that is "
                             "important, customers should be happy and I like to help them in general.")
    assert probe == interviewer.GENERIC_PROBES["example"]
    _, probe = follow_up_for(pool, "above-and-beyond", (
        "Last winter a customer called because her heating bill had doubled and she was worried she "
        "could not pay. I listened, apologized, and looked into her account. I found her meter had been "
        "read wrong for two months, so I filed a correction with billing, set up a payment plan, and "
        "called her back the next day. She got a refund of 120 dollars and thanked my supervisor."))
    assert probe is None
    assert follow_up_for(pool, "what-is-good-service", "")[1] is None
    # A what-would-you-do question is asked for the steps, not for "a specific time that happened"
    # (a new user's "hi" to the troubleshooting question, 2026-12-01).
    situational = next(q for q in pool if q.kind is QuestionKind.SITUATIONAL)
    assert follow_up_for(pool, situational.id, "hi")[1] == interviewer.GENERIC_PROBES["steps"]


def test_question_kinds_are_a_closed_set_that_reads_as_its_words():
    import json

    from simulator.types import KINDS, Question, QuestionKind

    q = Question(id="x", text="Why?", kind="situational")  # as a bank spells it
    assert q.kind is QuestionKind.SITUATIONAL and q.kind.is_scenario and not q.is_roleplay
    assert f"{q.kind}" == str(q.kind) == "situational" and json.dumps(q.kind) == '"situational"'
    assert KINDS == ("general", "behavioral", "situational", "roleplay")
    with pytest.raises(ValueError):
        Question(id="x", text="Why?", kind="chatty")


def test_a_bank_of_one_question_and_one_call_asked_for_two_gets_both():
    # A new user's own bank (2026-12-01): one question and one call, `--questions 2`, gave "only
    # 1 question available... (one role-play call a session)": the call was dropped for good
    # because a short session picks questions first.
    from simulator.banks import bundled_banks

    every = [q for b in bundled_banks() for q in b.questions]
    pool = [next(q for q in every if not q.is_roleplay), next(q for q in every if q.is_roleplay)]
    for seed in range(5):
        plan = interviewer.choose_questions(pool, 2, seed=seed)
        assert [p.question.is_roleplay for p in plan] == [False, True]  # the call last
        assert [p.question.is_roleplay for p in interviewer.choose_questions(pool, 1, seed=seed)] == [False]


def test_the_tip_said_in_coach_mode_is_what_to_do_within_ten_seconds():
    # The whole tip is printed; what is said after an answer is its heart: never the drill for
    # later, never cut inside a quote, and within the limit (a walkthrough heard a 23 s tip).
    cliche = ('You wrote "I would stay calm and help them, I guess." That\'s what most candidates say, so it '
              "doesn't tell me much about you yet. Tell me about one real time instead: where you were, what "
              'you did, and how it turned out. For next time, after that sentence, add "For example..." and '
              "finish the thought with something only you could say.")
    assert interviewer.spoken_tip(cliche) == ("Tell me about one real time instead: where you were, what you "
                                              "did, and how it turned out.")
    missed = ("I didn't hear that you enjoy helping people or that you're good with people. You did tell me "
              "about the fast pace, which is good. Tell me in your own words, with a reason or a moment that "
              "shows it. For next time, before you answer, think of two things that are true for you.")
    assert interviewer.spoken_tip(missed) == ("I didn't hear that you enjoy helping people or that you're good "
                                              "with people.")  # the points to add, not "in your own words"
    fast = ('You spoke quite fast, about 190 words a minute. You said "I really enjoy helping people," at about '
            "210 words a minute. On the phone, about 140 is easier to follow. For next time, read a paragraph "
            "aloud as if you were leaving a voicemail.")
    assert interviewer.spoken_tip(fast) == ("You spoke quite fast, about 190 words a minute. On the phone, "
                                            "about 140 is easier to follow.")
    calm = ('You wrote "Put the headset on the desk." Brushing off an upset caller is the opposite of this job, '
            "and in a real interview it would end things there. Say what you'd do for them instead: \"I'm sorry "
            'this happened. Let me sort it out." For next time, say the better line out loud until it comes first.')
    assert interviewer.spoken_tip(calm) == ("Say what you'd do for them instead: \"I'm sorry this happened. "
                                            'Let me sort it out."')  # the quote whole
    short = "You were a little hard to hear. Speak up a bit, or bring the microphone closer."
    assert interviewer.spoken_tip(short) == short
    for tip in (cliche, missed, fast, calm):
        assert interviewer.spoken_seconds(interviewer.spoken_tip(tip)) <= 10.0


def test_spoken_feedback_never_cuts_a_tip_inside_a_quote():
    # The closing cut a long tip with a plain full-stop split, so a quoted question ending in "."
    # could be said half; it now cuts where coach mode's spoken tip does (`_sentences`).
    tip = Tip("structure", 'When I asked "Tell me about a time. What happened?", your story had no ending. '
                           + "Say how it turned out for the customer. " * 3)
    half = 'When I asked "Tell me about a time.'
    assert interviewer._first_sentences(tip.text, interviewer.spoken_seconds(half) + 0.1) == ""
    first = 'When I asked "Tell me about a time. What happened?", your story had no ending.'
    assert interviewer._first_sentences(tip.text, interviewer.spoken_seconds(first) + 0.1) == first


def test_spoken_tips_and_the_reports_cut_sentences_in_the_same_places():
    # Two splitters disagreed: the report's first sentence knew curly quotes and a closing bracket,
    # coach mode's spoken tip knew straight quotes only, and read half a quoted line aloud.
    from simulator.review.html import _environment

    first = _environment().filters["first_sentence"]
    curly = ("You wrote \u201cI\u2019m sorry. Let me fix it.\u201d That tells the caller you\u2019ll act. "
             "For next time, say it first.")
    bracket = 'Say what you can do ("I\'ll check that now.") Then say when. For next time, practise it.'
    half = "You wrote \u201cI\u2019m sorry."
    assert interviewer._first_sentences(curly, interviewer.spoken_seconds(half) + 0.1) == ""  # never half a quote
    assert interviewer._first_sentences(curly, 60.0).startswith("You wrote \u201cI\u2019m sorry. Let me fix it.\u201d That")
    assert interviewer._first_sentences(bracket, interviewer.spoken_seconds('Say what you can do ("I\'ll check '
                                                                            'that now.")') + 0.1) \
        == 'Say what you can do ("I\'ll check that now.")'
    for tip in (curly, bracket, 'When I asked "We open at six. Could you?" you said "No." Tell me more.'):
        assert interviewer._first_sentences(tip, interviewer.spoken_seconds(first(tip)) + 0.1) == first(tip), tip
