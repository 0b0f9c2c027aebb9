"""Whole practice sessions in this process: the real Practice, interviewer, scoring, coach and
SQLite notebook, with the candidate, the voice and the speech model replaced (tests/doubles.py)."""

from __future__ import annotations

import io
import json
import re

import pytest
import soundfile as sf

from simulator import coach, interviewer
from simulator.areas import area
from simulator.coach import retry
from simulator.errors import AudioFileError, DeviceError
from simulator.listen import FileAnswers
from simulator.console import Console
from simulator.notebook import Notebook
from simulator.serialize import session_to_dict
from simulator.listen.source import FOLLOW_UP_GAP
from simulator.home import audio_dir
from simulator.types import Answer, Metric, Question, Score, Tip, Transcript

from doubles import (
    CannedTranscriber, RenderingSpeaker, ScriptedAnswers, SilentSpeaker, TypedKeys, bundled_questions,
    run_practice,
)
from conftest import need_tool

STRONG = ("I really enjoy helping people, and in my last job at a store I was the one customers "
          "came to when something went wrong. I like that every call is different and fast-paced, "
          "I'm a good communicator, and I want to grow with the company.")
WEAK = "Um, I guess, like, I need a job, I don't know."
THIN = "Being nice, I think."
STORY = ("Once a waiter remembered my order and I felt welcome, so I try to remember details "
         "about people and be friendly and patient.")
CALL = ("Thank you for calling Acme, my name is Sam. I'm so sorry about that, I'll take care of it.",
        "I understand. Can I get your account number to verify the account? Let me take a look.",
        "I've put in a refund, and you'll see it in three to five business days. I'll email a confirmation.",
        "Is there anything else I can help you with today? Thank you for calling, have a great day.")


def saved(home, session_id: str) -> list[Answer]:
    with Notebook(home) as notebook:
        return list(notebook.answers(session_id))


# --- follow-ups ----------------------------------------------------------------------------


def test_a_thin_answer_gets_one_follow_up_scored_with_the_answer(home):
    source = ScriptedAnswers({"what-is-good-service": THIN,
                              "what-is-good-service.follow-up": "Yes."})  # thin again
    outcome = run_practice(home, source, ask=("what-is-good-service",))
    assert source.asked == ["what-is-good-service", "what-is-good-service.follow-up"]  # one, not two
    (answer,) = outcome.session.answers
    assert answer.follow_up and answer.follow_up in outcome.speaker.said()
    assert answer.score.transcript.text == f"{THIN} Yes."  # scored as one answer
    assert len(saved(home, outcome.session.id)) == 1  # the follow-up replaced the first save


def test_a_typed_answer_and_its_follow_up_are_quoted_as_two_sentences(home):
    # "I'd say I'm a perfectionist" + "i would take longer on calls" was scored (and quoted in the
    # tips) as one sentence: 'You wrote "I'd say I'm a perfectionist i would take longer on calls"'.
    source = ScriptedAnswers({"greatest-weakness": "I'd say I'm a perfectionist",
                              "greatest-weakness.follow-up": "i would take longer on calls"})
    outcome = run_practice(home, source, ask=("greatest-weakness",))
    (answer,) = saved(home, outcome.session.id)
    assert answer.follow_up and answer.score.transcript.text == "I'd say I'm a perfectionist. i would take longer on calls"
    quotes = [e.quote for m in answer.score.metrics for e in m.evidence if e.quote]
    quotes += [q for t in (*answer.score.tips, *outcome.session.tips) for q in re.findall(r'"([^"]+)"', t.text)]
    assert quotes and not [q for q in quotes if "perfectionist" in q and "longer" in q], quotes


def test_a_spoken_follow_up_is_joined_to_the_answer_audio_and_all(home):
    canned = CannedTranscriber()
    first, second = canned.recording(THIN), canned.recording(STORY)
    source = ScriptedAnswers({"what-is-good-service": first, "what-is-good-service.follow-up": second})
    outcome = run_practice(home, source, transcriber=canned, ask=("what-is-good-service",))
    (answer,) = saved(home, outcome.session.id)
    transcript = answer.score.transcript
    assert answer.follow_up and transcript.text == f"{THIN} {STORY}"
    # One recording, the follow-up after a gap, and the words on the same timeline.
    assert sf.info(str(answer.audio)).frames == (len(first.samples) + len(second.samples)
                                                 + int(FOLLOW_UP_GAP * 16_000))
    assert transcript.breaks == pytest.approx((first.duration + FOLLOW_UP_GAP,), abs=1e-3)
    assert transcript.words[-1].end > first.duration + FOLLOW_UP_GAP
    assert answer.score.metric("pace").score is not None  # timed words: pace is measured
    assert canned.loads >= 1  # the model was warmed up for spoken answers


def test_no_follow_ups_when_they_are_turned_off(home):
    source = ScriptedAnswers({"what-is-good-service": THIN})
    outcome = run_practice(home, source, ask=("what-is-good-service",), follow_ups=False)
    assert source.asked == ["what-is-good-service"]
    assert outcome.session.answers[0].follow_up is None


# --- role-play -----------------------------------------------------------------------------


def test_a_role_play_call_speaks_each_customer_line_then_scores_one_reply_to_it(home):
    stems = ["double-billed-caller"] + [f"double-billed-caller.{n}" for n in (2, 3, 4)]
    source = ScriptedAnswers(dict(zip(stems, CALL)))
    outcome = run_practice(home, source, ask=("double-billed-caller",))
    question = next(q for q in bundled_questions(home) if q.id == "double-billed-caller")
    lines = [t.line for t in question.turns]
    assert len(lines) == 4
    # Line, reply, line, reply...: each reply is heard after its customer line.
    turns = [event for event in outcome.log if event[0] in ("customer", "answer")]
    assert turns == [pair for line, stem in zip(lines, stems)
                     for pair in (("customer", line), ("answer", stem))]
    answers = saved(home, outcome.session.id)
    assert [a.turn for a in answers] == [1, 2, 3, 4]
    assert [a.score.transcript.text for a in answers] == list(CALL)
    assert answers[0].score.metric("greeting").score >= 60
    assert answers[-1].score.metric("closing").score >= 60
    assert all(a.follow_up is None for a in answers)  # a call gets no follow-up question


def test_a_customer_line_with_no_reply_moves_on_to_the_next(home):
    source = ScriptedAnswers({"double-billed-caller": CALL[0], "double-billed-caller.3": CALL[2]})
    outcome = run_practice(home, source, ask=("double-billed-caller",))
    assert [a.turn for a in outcome.session.answers] == [1, 3]
    assert outcome.screen.count("(no reply: moving on)") == 2
    assert len(outcome.speaker.said("customer")) == 4


# --- coach mode ----------------------------------------------------------------------------


def test_coach_mode_gives_a_tip_right_after_each_answer(home):
    ids = ("greatest-weakness", "why-call-center")
    source = ScriptedAnswers({ids[0]: WEAK, ids[1]: STRONG})
    outcome = run_practice(home, source, ask=ids, mode="coach", follow_ups=False)
    answers = saved(home, outcome.session.id)
    assert [a.question.id for a in answers] == list(ids)
    for answer in answers:
        after = outcome.log[outcome.log.index(("answer", answer.question.id)) + 1]
        tip = coach.answer_tip(answer.question, answer.score)
        expected = interviewer.spoken_tip(tip.text) if tip else coach.praise(answer.score, answer.question, None)
        assert after == ("interviewer", expected)
    assert coach.answer_tip(answers[0].question, answers[0].score) is not None  # the weak one
    # The first tip comes before the second question is asked.
    said = outcome.speaker.said()
    question_2 = next(i for i, text in enumerate(said) if text.startswith("Question 2 of 2"))
    assert said.index(outcome.log[outcome.log.index(("answer", ids[0])) + 1][1]) < question_2


def test_interview_mode_keeps_its_tips_for_the_end(home):
    ids = ("greatest-weakness", "why-call-center")
    outcome = run_practice(home, ScriptedAnswers({ids[0]: WEAK, ids[1]: STRONG}), ask=ids,
                           follow_ups=False)
    after_first = outcome.log[outcome.log.index(("answer", ids[0])) + 1]
    assert after_first[1].startswith("Question 2 of 2")
    said = outcome.speaker.said()
    assert said.index(interviewer.closing_intro()) < said.index(outcome.session.verdict)
    assert said.index(outcome.session.verdict) > said.index(after_first[1])


# --- the feedback: short, spoken after it is saved, skippable --------------------------------


def closing_lines(outcome) -> list[str]:
    said = outcome.speaker.said()
    return said[said.index(interviewer.closing_intro()):]


def test_the_spoken_feedback_is_the_verdict_a_strength_and_the_top_tips_within_45_seconds(home):
    ids = ("greatest-weakness", "why-call-center")
    outcome = run_practice(home, ScriptedAnswers({ids[0]: WEAK, ids[1]: WEAK}), ask=ids,
                           follow_ups=False)
    session = outcome.session
    spoken = closing_lines(outcome)
    assert len(session.tips) == 3
    assert spoken[1] == session.verdict  # the verdict first, then one strength
    assert spoken[2] == coach.session_feedback(session.answers).strength
    tip_lines = spoken[3:-1]
    assert 1 <= len(tip_lines) <= 2
    for line, tip in zip(tip_lines, session.tips):
        assert tip.text.startswith(line)  # the top tips, in order, cut only between sentences
        assert line.rstrip('"\u201d').endswith((".", "?", "!"))  # a sentence may end inside a quote
    assert spoken[-1] == interviewer.goodbye()
    assert sum(interviewer.spoken_seconds(line) for line in spoken) <= 45
    # Everything else is printed: every tip in full.
    screen = outcome.flat_screen
    for tip in session.tips:
        assert " ".join(tip.text.split()) in screen
    assert session.verdict in screen


class CheckingSpeaker(SilentSpeaker):
    """Looks in the notebook (another connection, as `review` would) when the verdict is said."""

    def __init__(self, home, **kw):
        super().__init__(**kw)
        self.home, self.saved_when_spoken = home, None

    def say(self, text, save_as, role="interviewer", stop=None):
        if self.saved_when_spoken is None and text.startswith("Not yet"):
            with Notebook(self.home) as notebook:
                [summary] = notebook.sessions()
                self.saved_when_spoken = (summary.status, summary.verdict,
                                          len(notebook.session_tips(summary.id)))
        return super().say(text, save_as, role, stop)


def test_the_feedback_is_saved_before_it_is_spoken(home):
    speaker = CheckingSpeaker(home)
    outcome = run_practice(home, ScriptedAnswers({"greatest-weakness": WEAK}),
                           ask=("greatest-weakness",), follow_ups=False, speaker=speaker)
    session = outcome.session
    assert session.verdict.startswith("Not yet")
    assert speaker.saved_when_spoken == ("finished", session.verdict, len(session.tips))


def test_ctrl_c_during_the_spoken_feedback_keeps_the_verdict_and_tips(home):
    speaker = SilentSpeaker(interrupt_at="Not yet")  # Ctrl-C while the verdict is spoken
    ids = ("greatest-weakness", "why-call-center")
    outcome = run_practice(home, ScriptedAnswers({ids[0]: WEAK, ids[1]: STRONG}), ask=ids,
                           follow_ups=False, speaker=speaker)  # returns: no KeyboardInterrupt
    session = outcome.session
    spoken = closing_lines(outcome)
    assert spoken[-1] == session.verdict  # nothing was said after it
    assert "(stopped: your feedback is above and in your notebook)" in outcome.screen
    with Notebook(home) as notebook:
        again = notebook.session(session.id)
        assert again.finished and again.verdict == session.verdict and again.tips
        assert [t.text for t in again.tips] == [t.text for t in session.tips]
        assert notebook.unfinished_sessions() == [] and notebook.open_tips()
    for tip in session.tips:  # and they are on the screen
        assert " ".join(tip.text.split()) in outcome.flat_screen


def test_enter_during_the_feedback_skips_the_rest_of_it(home):
    keys = TypedKeys()
    speaker = SilentSpeaker(keys=keys, enter_at="Not yet")
    outcome = run_practice(home, ScriptedAnswers({"greatest-weakness": WEAK}),
                           ask=("greatest-weakness",), follow_ups=False, speaker=speaker)
    assert closing_lines(outcome)[-1] == outcome.session.verdict == speaker.cut[0]
    assert "(skipped: your feedback is above and in your notebook)" in outcome.screen
    assert outcome.session.finished and outcome.session.tips


def test_enter_cuts_a_spoken_question_short_and_the_session_goes_on(home):
    keys = TypedKeys()
    speaker = SilentSpeaker(keys=keys, enter_at="Question 1 of 2")
    ids = ("why-call-center", "greatest-weakness")
    source = ScriptedAnswers({ids[0]: STRONG, ids[1]: WEAK})
    outcome = run_practice(home, source, ask=ids, follow_ups=False, speaker=speaker)
    assert speaker.cut == [next(t for t in speaker.said() if t.startswith("Question 1 of 2"))]
    assert source.asked == list(ids) and len(outcome.session.answers) == 2


def test_the_next_line_is_rendered_before_it_is_needed(home):
    ids = ("why-call-center", "greatest-weakness")
    source = ScriptedAnswers({ids[0]: STRONG, ids[1]: WEAK})
    outcome = run_practice(home, source, ask=ids, follow_ups=False)
    prepared = [text for _, text in outcome.speaker.prepared]
    said = outcome.speaker.said()
    # The first question is asked for with the opening, before a word is spoken...
    assert prepared[:2] == said[:2]
    # ...the second while the first answer is heard, the closing while the last one is.
    assert prepared.index(said[2]) < prepared.index(interviewer.closing_intro())
    assert prepared.index(interviewer.closing_intro()) < prepared.index(outcome.session.verdict)


def test_the_opening_is_short_and_the_recap_is_one_sentence_with_details_on_screen(home):
    first = run_practice(home, ScriptedAnswers({"greatest-weakness": WEAK}),
                         ask=("greatest-weakness",), follow_ups=False)
    opening = first.speaker.said()[0]
    assert interviewer.spoken_seconds(opening) <= 7 and opening.count(".") <= 2
    tips = first.session.tips
    second = run_practice(home, ScriptedAnswers({"why-call-center": STRONG}),
                          ask=("why-call-center",), follow_ups=False)
    opening = second.speaker.said()[0]
    assert opening.startswith("Welcome back.") and opening.count(".") == 2  # two sentences
    assert interviewer.spoken_seconds(opening) <= 7
    assert opening == f"Welcome back. {interviewer.recap(tips)}"
    for tip in tips:  # every tip, with its figures, on screen before the first question
        assert interviewer.reminder(tip) in second.flat_screen.split("Question 1 of 1")[0]


def test_never_every_question_when_one_was_skipped(home):
    rude = "It's not my problem, damn it, customers are stupid."
    ids = ("greatest-weakness", "why-call-center")
    outcome = run_practice(home, ScriptedAnswers({ids[0]: rude}), ask=ids, follow_ups=False)
    assert coach.session_feedback(outcome.session.answers).strength.startswith(
        "You got through every question")  # what the coach would have said
    strength_said = closing_lines(outcome)[2]
    assert "every question" not in outcome.screen and "every question" not in strength_said
    assert strength_said.startswith("You answered 1 of 2 questions")


# --- Ctrl-C --------------------------------------------------------------------------------


class CtrlCOnVerdict(io.StringIO):
    """A screen where a second Ctrl-C lands as the printed feedback starts."""

    def write(self, text: str) -> int:
        if "Verdict:" in text:
            raise KeyboardInterrupt
        return super().write(text)


def test_a_second_ctrl_c_while_the_feedback_prints_keeps_it_and_says_where_it_is(home):
    # Ctrl-C pressed twice (tried 2026-12-01): the second landed in the printed feedback and the
    # session ended on "mock-interview: stopped." with no verdict shown and no word of where it was.
    ids = ("why-call-center", "greatest-weakness")
    source = ScriptedAnswers({ids[0]: STRONG}, interrupt_at=ids[1])
    outcome = run_practice(home, source, ask=ids, follow_ups=False, screen=CtrlCOnVerdict())
    session = outcome.session
    assert session.finished and session.verdict and [a.question.id for a in session.answers] == [ids[0]]
    assert f"feedback is saved; see it with: mock-interview review {session.id}" in outcome.flat_screen
    assert session.verdict not in outcome.speaker.said()  # nothing more is spoken after the stop


def test_ctrl_c_keeps_finished_answers_gives_feedback_and_closes_the_session(home):
    ids = ("why-call-center", "greatest-weakness", "why-should-we-hire-you")
    source = ScriptedAnswers({ids[0]: STRONG, ids[1]: WEAK, ids[2]: STRONG}, interrupt_at=ids[1])
    outcome = run_practice(home, source, ask=ids, follow_ups=False)
    assert source.asked == [ids[0], ids[1]]  # the third question was never asked
    assert "Stopping here" in outcome.screen
    session = outcome.session
    assert [a.question.id for a in session.answers] == [ids[0]]
    assert session.finished and session.verdict
    said = outcome.speaker.said()
    assert session.verdict in said and interviewer.goodbye() in said
    assert not any(text.startswith("Question 3") for text in said)
    with Notebook(home) as notebook:
        assert notebook.unfinished_sessions() == []
        again = notebook.session(session.id)
        assert again.finished and again.verdict == session.verdict
        assert [t.text for _, t in notebook.session_tips(session.id)] == [t.text for t in session.tips]


def test_ctrl_c_before_any_answer_keeps_no_session(home):
    # Nothing to look back on: no session is kept, and the stop is said once (the CLI adds no
    # "stopped." of its own: StoppedEarly) and exits 130.
    from simulator.errors import StoppedEarly

    source = ScriptedAnswers({}, interrupt_at="why-call-center")
    with pytest.raises(StoppedEarly):
        run_practice(home, source, ask=("why-call-center",))
    with Notebook(home) as notebook:
        assert notebook.unfinished_sessions() == [] and notebook.sessions() == []


# --- focus tips from last time -------------------------------------------------------------


def test_last_times_tips_come_back_in_the_opening(home):
    first = run_practice(home, ScriptedAnswers({"greatest-weakness": WEAK}),
                         ask=("greatest-weakness",), follow_ups=False)
    tips = first.session.tips
    assert len(tips) >= 2
    second = run_practice(home, ScriptedAnswers({"why-call-center": STRONG}),
                          ask=("why-call-center",), follow_ups=False)
    assert [t.area for t in second.session.focus_from_last_time] == [t.area for t in tips]
    opening = second.speaker.said()[0]
    # the first tip by name, up to its first comma (the fine print is on screen)
    named = interviewer.reminder(tips[0]).split(" (")[0].split(",")[0]
    assert f"Last time we worked on {named}," in opening
    assert opening.endswith(", and more.")  # the others are on screen
    assert "Last time" not in first.speaker.said()[0]  # nothing to recall the first time


def plant_tip(home, tip: Tip) -> None:
    """A finished earlier session that left `tip` open in the notebook."""
    q = Question(id="earlier", text="Tell me about a time...")
    transcript = Transcript("I helped someone.", (), 20.0, "faster-whisper")
    score = Score("earlier", 40.0, (Metric(tip.area, 30.0, None),), (tip,), transcript)
    with Notebook(home) as notebook:
        session_id = notebook.start_session()
        notebook.save_answer(session_id, Answer(q, score))
        notebook.finish_session(session_id, "Not yet.", [tip])


def test_an_open_tip_steers_the_choice_of_questions(home, tmp_path):
    plant_tip(home, Tip("structure", "Tell your examples as situation, action and result."))
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    pool = bundled_questions(home)
    kind = {q.id: q.kind for q in pool}

    def behavioral_asked(where) -> list[int]:
        counts = []
        for seed in range(20):  # seeded: the same plans every run
            source = ScriptedAnswers({})  # every question skipped: nothing else changes
            run_practice(where, source, pool=pool, questions=3, seed=seed, follow_ups=False)
            counts.append(sum(kind.get(stem) == "behavioral" for stem in source.asked))
        return counts

    steered, plain = behavioral_asked(home), behavioral_asked(fresh)
    assert sum(steered) >= 2 * max(1, sum(plain))  # 14 against 4 over these 20 seeds
    with Notebook(home) as notebook:
        assert [t.area for _, t in notebook.open_tips()] == ["structure"]  # still open


# --- answers that cannot be used -----------------------------------------------------------


def test_unusable_recordings_are_named_up_front_and_the_session_still_ends_with_feedback(home, tmp_path):
    canned = CannedTranscriber()
    folder = tmp_path / "answers"
    folder.mkdir()
    good = canned.recording(STRONG)
    sf.write(folder / "why-should-we-hire-you.wav", good.samples, 16_000, subtype="PCM_16")
    (folder / "why-call-center.wav").write_bytes(b"RIFF....WAVEfmt garbage")
    (folder / "greatest-weakness.flac").write_bytes(b"")
    ids = ("why-call-center", "greatest-weakness", "tell-me-about-yourself", "why-should-we-hire-you")
    progress = []
    outcome = run_practice(home, FileAnswers(folder, notice=progress.append), transcriber=canned,
                           ask=ids, follow_ups=False)
    screen = outcome.flat_screen
    # One notice, before the interviewer says a word, naming each file and why.
    notice = screen[:screen.index("Interviewer:")]
    assert notice.count("can't be used") == 1
    assert f"{folder / 'why-call-center.wav'}: not an audio file libsndfile can read" in notice
    assert f"{folder / 'greatest-weakness.flac'}: the file is empty" in notice
    assert "tell-me-about-yourself: no file tell-me-about-yourself.wav" in notice
    assert "why-should-we-hire-you" not in notice
    # Those questions are skipped, each with its line; the good one is heard and scored.
    assert "(skipped: why-call-center.wav: not an audio file" in screen
    assert "(skipped: greatest-weakness.flac: the file is empty)" in screen
    assert canned.transcribed == [STRONG] and progress == ["(transcribing...)"]
    session = outcome.session
    assert [a.question.id for a in session.answers] == ["why-should-we-hire-you"]
    assert session.finished and session.verdict and session.verdict in outcome.speaker.said()
    as_json = json.loads(json.dumps(session_to_dict(session)))
    assert as_json["verdict"] == session.verdict and len(as_json["answers"]) == 1
    with Notebook(home) as notebook:
        assert notebook.unfinished_sessions() == []
        assert notebook.session(session.id).verdict == session.verdict


def test_an_answer_that_fails_mid_session_skips_only_that_question(home, tmp_path):
    canned = CannedTranscriber()
    garbled = canned.recording("this one will not decode")
    canned.fail(garbled, RuntimeError("decoder ran out of memory"))
    ids = ("why-call-center", "greatest-weakness", "why-should-we-hire-you")
    source = ScriptedAnswers({
        ids[0]: AudioFileError(f"{tmp_path / 'why-call-center.wav'}: no such audio file"),  # gone since
        ids[1]: garbled,
        ids[2]: STRONG,
    })
    outcome = run_practice(home, source, transcriber=canned, ask=ids, follow_ups=False)
    assert source.asked == list(ids)  # the session went on after each failure
    assert f"(skipped: {tmp_path / 'why-call-center.wav'}: no such audio file)" in outcome.flat_screen
    assert ("(skipped: this answer could not be transcribed (RuntimeError: decoder ran out of "
            "memory))") in outcome.flat_screen
    session = outcome.session
    assert [a.question.id for a in session.answers] == [ids[2]]
    assert session.finished and session.verdict


def test_a_microphone_lost_mid_session_stops_the_questions_but_not_the_feedback(home):
    ids = ("why-call-center", "greatest-weakness", "why-should-we-hire-you")
    lost = DeviceError("Another program is using the microphone. Close that program and try again.")
    source = ScriptedAnswers({ids[0]: STRONG, ids[1]: lost, ids[2]: STRONG})
    outcome = run_practice(home, source, ask=ids, follow_ups=False)
    assert source.asked == list(ids[:2])
    assert str(lost) in outcome.flat_screen and "Stopping here" in outcome.flat_screen
    assert [a.question.id for a in outcome.session.answers] == [ids[0]]
    assert outcome.session.finished and outcome.session.verdict in outcome.speaker.said()



def test_a_microphone_that_stops_mid_answer_is_reported_once(home, monkeypatch, capsys):
    # A new user's walkthrough (issue 10): the whole "The microphone stopped sending sound (...)"
    # paragraph was printed when the session stopped, and again as the program's last words.
    import signal

    from simulator import cli, listen, sound, transcribe
    from simulator.listen import Heard, InterruptedAnswer

    ids = ("why-call-center", "greatest-weakness")
    cut = InterruptedAnswer(Heard(Transcript.typed(STRONG)), sound.MicrophoneStopped(sound.MIC_STOPPED))
    monkeypatch.setattr(listen, "make_source", lambda *a, **k: ScriptedAnswers({ids[0]: STRONG, ids[1]: cut}))
    monkeypatch.setattr(transcribe, "make_transcriber", lambda *a, **k: CannedTranscriber())
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # the test runner keeps its own handlers
    status = cli.main(["practice", "--no-voice", "--ask", ",".join(ids), "--no-follow-ups"])
    shown = capsys.readouterr()
    err = " ".join(shown.err.split())
    assert status == 2
    assert err.count("The microphone stopped sending sound (unplugged") == 1, shown.err
    assert "Stopping here" in err and "Feedback" in shown.out  # the answers kept, and judged


# --- coach mode: try it again, right away --------------------------------------------------

VAGUE = "I would stay calm and help them, I guess. I think customers just want to be heard."
EXAMPLE = ("At the returns desk last winter, a woman came in furious because her refund had not "
           "arrived after three weeks. I said I was sorry and that I understood how frustrating it "
           "was. I looked up her order, found the refund had failed, and I processed it again right "
           "there. She got her money back the same day and thanked me.")


def test_a_coach_mode_retry_is_saved_beside_the_first_try_and_compared_with_it(home):
    q = "angry-customer-time"
    source = ScriptedAnswers({q: VAGUE, f"{q}.retry": EXAMPLE})
    outcome = run_practice(home, source, ask=(q,), mode="coach", follow_ups=False)
    assert source.asked == [q, f"{q}.retry"]
    session = outcome.session
    [first] = session.answers  # the session is judged on the first try
    assert first.score.transcript.text == VAGUE
    tip = coach.answer_tip(first.question, first.score)
    assert tip is not None
    with Notebook(home) as notebook:
        [(position, saved)] = notebook.retries(session.id)
    assert position == 1 and saved.score.transcript.text == EXAMPLE
    assert saved.score.overall > first.score.overall + 20
    # Compared with the first try, area by area, the tip's area first.
    assert saved.comparison == retry.compare(first.score, saved.score, focus=tip.area)
    assert saved.comparison.improved[0].area == tip.area and saved.comparison.focus_improved
    assert {"specificity", "structure"} <= {c.area for c in saved.comparison.improved}
    # The interviewer: tip, offer, then what changed, quoting the new answer on screen.
    said = outcome.speaker.said()
    remark = retry.remark(saved.comparison)
    lead, quote = remark.split(': "', 1)[0], remark.split('"')[1]
    assert lead == area(tip.area).better and quote.rstrip(".") in EXAMPLE and len(quote) > 20
    assert remark.endswith(f"Overall, {saved.score.overall:.0f} out of 100 against "
                           f"{first.score.overall:.0f} the first time.")
    assert " ".join(remark.split()) in outcome.flat_screen
    # Said aloud, the remark reads no quote back (a new user's walkthrough, 2026-12-01: "Last,
    # bring at the garden center...", a misheard quote read out): the lead and the scores only.
    [spoken] = [line for line in said if line.startswith(lead)]
    assert spoken == f"{lead}. {remark.split(chr(34))[-1].strip(' .')}." and quote.rstrip(".") not in spoken, spoken
    assert said.index(interviewer.spoken_tip(tip.text)) < said.index(interviewer.retry_offer()) < said.index(spoken)
    assert said.index(spoken) < said.index(interviewer.closing_intro())


def test_the_tip_said_after_an_answer_is_short_and_the_whole_tip_is_shown_and_saved(home):
    # A new user's walkthrough (2026-12-01): in coach mode the interviewer spoke a 23 s tip before
    # "Would you like to try that one again", though README promises one short tip. Measured here
    # on the WAV the interviewer's real voice renders for it.
    need_tool("espeak-ng")
    q = "angry-customer-time"
    speaker = RenderingSpeaker()
    outcome = run_practice(home, ScriptedAnswers({q: VAGUE}), ask=(q,), mode="coach", follow_ups=False,
                           speaker=speaker)
    [answer] = saved(home, outcome.session.id)
    tip = coach.answer_tip(answer.question, answer.score)
    assert len(tip.text.split()) > 50  # a long tip: about 20 s said whole
    wav = audio_dir(home) / outcome.session.id / f"prompt-{q}.tip.wav"
    assert 2.0 < sf.info(str(wav)).duration <= 10.0  # one or two sentences
    spoken = speaker.rendered[wav]
    # What was said is the tip's own words, and it says what to do, not the drill for later.
    assert "Tell me about one real time instead" in spoken and "For next time" not in spoken
    assert all(part.strip(' .') in tip.text for part in spoken.split(". "))
    # The whole tip is on the screen, and in the notebook with the answer.
    assert " ".join(tip.text.split()) in outcome.flat_screen
    assert answer.score.tips[0].text == tip.text and "For next time" in tip.text


def test_what_changed_speaks_first_of_the_tips_own_area_then_only_of_what_reached_its_target(home):
    # A new user's walkthrough (2026-12-01): after a tip asking for an example, the remark on the
    # second try opened with the hedging getting better. The tip's own area comes first; another
    # only after, and only when the second try brought it to its target.
    q = "angry-customer-time"
    surer = ("I would stay calm and help them. Customers just want to be heard, so I listen to them and "
             "I stay patient.")  # still no example, and no "I guess" left
    outcome = run_practice(home, ScriptedAnswers({q: VAGUE, f"{q}.retry": surer}), ask=(q,), mode="coach",
                           follow_ups=False)
    first = outcome.session.answers[0]
    assert coach.answer_tip(first.question, first.score).area == "specificity"
    with Notebook(home) as notebook:
        [(_, again)] = notebook.retries(outcome.session.id)
    said = retry.remark(again.comparison)
    assert retry.remark(again.comparison, spoken=True) in outcome.speaker.said()
    assert said.startswith("Giving a concrete example still needs work")
    assert said.index("still needs work") < said.index("You sounded surer of yourself: 0 hedges")
    # Closer to an example but not there, and a story with no ending: no praise for its shape, nor
    # for "I guess" in a longer answer.
    closer = ("Once at my last job a customer was upset about a late refund. I stayed calm and helped them, "
              "I guess.")
    outcome = run_practice(home, ScriptedAnswers({q: VAGUE, f"{q}.retry": closer}), ask=(q,), mode="coach",
                           follow_ups=False)
    with Notebook(home) as notebook:
        [(_, again)] = notebook.retries(outcome.session.id)
    said = retry.remark(again.comparison)
    assert retry.remark(again.comparison, spoken=True) in outcome.speaker.said()
    assert said.startswith('You gave an example this time: "Once at my last job')
    assert "That's closer, though giving a concrete example needs a little more." in said
    assert "beginning, what you did and how it ended" not in said and "surer" not in said


WHY_NO_EXAMPLE = "I like talking to people and I'm friendly. I think the job would suit me and I would learn a lot."


def test_a_tip_the_second_try_did_is_said_as_done_and_not_kept_open(home):
    # A new user's walkthrough (2026-12-01): the second try did what the tip asked and the coach
    # said so, yet the closing tips repeated it for that question and saved it open, so the next
    # session steered toward something already done.
    ids = ("angry-customer-time", "why-call-center")
    source = ScriptedAnswers({ids[0]: VAGUE, f"{ids[0]}.retry": EXAMPLE, ids[1]: WHY_NO_EXAMPLE})
    outcome = run_practice(home, source, ask=ids, mode="coach", follow_ups=False)
    session = outcome.session
    first = session.answers[0]
    assert coach.answer_tip(first.question, first.score).area == "specificity"
    with Notebook(home) as notebook:
        [(_, again)] = notebook.retries(session.id)
        saved_tips = [t for _, t in notebook.session_tips(session.id)]
        still_open = [t for _, t in notebook.open_tips()]
    assert again.score.metric("specificity").score >= 70  # on target: the tip was done
    assert retry.remark(again.comparison).startswith("You gave an example this time")
    # No closing tip (printed, said or saved open) comes from the first try the second one fixed...
    for tip in [*session.tips, *saved_tips, *still_open]:
        assert "I would stay calm" not in tip.text and "angry customer" not in tip.text
    # ...and the other answer, still without an example, keeps its own.
    assert [t.area for t in saved_tips] == [t.area for t in still_open] == ["specificity"]
    assert "I like talking to people" in saved_tips[0].text
    # What the second try did is said as done, in what went well (printed, spoken and saved).
    done = "On your second try, you gave an example, just what I asked for"
    assert done in session.strength and done in outcome.flat_screen
    assert any(done in line for line in outcome.speaker.said())
    # The verdict is still on the first tries.
    assert session.verdict == coach.verdict_for(sum(a.score.overall for a in session.answers) / 2)
    # A session a crash left open is closed the same way, from what the notebook holds.
    import sqlite3

    from simulator.notebook.history import recover_unfinished

    with Notebook(home) as notebook:
        crashed = notebook.start_session(mode="coach")
        rows = [notebook.save_answer(crashed, a) for a in session.answers]
        notebook.save_retry(rows[0], again)
    process_gone(home, crashed)
    with Notebook(home) as notebook:
        assert recover_unfinished(notebook, lambda text: None, home / "audio") == [crashed]
        recovered = notebook.session(crashed)
    assert recovered.tips == session.tips and recovered.strength == session.strength


def coached_with_a_retry(home):
    """A coach-mode session of one question answered vaguely, then again with an example: the
    outcome and its saved second try."""
    q = "angry-customer-time"
    outcome = run_practice(home, ScriptedAnswers({q: VAGUE, f"{q}.retry": EXAMPLE}), ask=(q,),
                           mode="coach", follow_ups=False)
    with Notebook(home) as notebook:
        [(_, saved)] = notebook.retries(outcome.session.id)
    return outcome, saved


def test_review_shows_the_second_try_under_the_first_and_in_its_json(home, capsys):
    from simulator.cli import main

    outcome, saved = coached_with_a_retry(home)
    capsys.readouterr()
    assert main(["--home", str(home), "review", "latest"]) == 0
    shown = " ".join(capsys.readouterr().out.split())
    first_try = shown.index(" ".join(VAGUE.split()[:6]))
    second_try = shown.index(f"Second try: overall {saved.score.overall:.0f} out of 100")
    assert first_try < second_try < shown.index("Verdict:")
    assert " ".join(EXAMPLE.split()[:8]) in shown[second_try:]
    assert f"What changed: {retry.remark(saved.comparison)}" in shown
    assert main(["--home", str(home), "review", "latest", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [again] = data["retries"]
    assert again["answer"] == 1 and again["transcript"]["text"] == EXAMPLE
    assert again["compared"]["focus"] == saved.comparison.focus
    assert data["answers"][0]["transcript"]["text"] == VAGUE  # the session is judged on the first try
    assert data["strength"] == outcome.session.strength


def test_the_html_report_shows_the_second_try_under_the_first(home, tmp_path):
    import html as html_
    import re

    from simulator.cli import main

    outcome, saved = coached_with_a_retry(home)
    report = tmp_path / "report.html"
    assert main(["--home", str(home), "review", "latest", "--html", str(report)]) == 0
    page = html_.unescape(" ".join(re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", report.read_text(),
                                          flags=re.S).split()))
    first_try = page.index(" ".join(VAGUE.split()[:6]))
    second_try = page.index("Your second try")
    assert first_try < second_try < page.index("How it scored", first_try)
    assert f"first try {saved.comparison.overall_before:.0f}" in page[second_try:]
    assert " ".join(EXAMPLE.split()[:8]) in page[second_try:]
    assert f"What changed: {retry.remark(saved.comparison)}" in page[second_try:]
    # A session without a second try shows none.
    plain = run_practice(home, ScriptedAnswers({"angry-customer-time": EXAMPLE}), ask=("angry-customer-time",),
                         follow_ups=False)
    assert main(["--home", str(home), "review", plain.session.id, "--html", str(report)]) == 0
    assert "Your second try" not in report.read_text()


def test_a_retry_that_is_declined_moves_on_and_saves_nothing_more(home):
    ids = ("angry-customer-time", "why-call-center")
    source = ScriptedAnswers({ids[0]: VAGUE, ids[1]: STRONG})  # no retry in the script
    outcome = run_practice(home, source, ask=ids, mode="coach", follow_ups=False)
    assert source.asked == list(ids)
    assert interviewer.retry_offer() in outcome.speaker.said()
    assert "(moving on)" in outcome.screen
    with Notebook(home) as notebook:
        assert notebook.retries(outcome.session.id) == []
    no_offer = run_practice(home, ScriptedAnswers({ids[0]: VAGUE, f"{ids[0]}.retry": EXAMPLE}),
                            ask=ids[:1], mode="coach", follow_ups=False, retries=False)
    assert interviewer.retry_offer() not in no_offer.speaker.said()


def test_what_changed_when_the_tips_area_did_not_improve():
    from simulator.assess import score_answer

    q = next(x for x in bundled_questions_cached() if x.id == "angry-customer-time")
    vague = score_answer(q, Transcript.typed(VAGUE))
    also_vague = score_answer(q, Transcript.typed("I would stay calm and patient and help them, "
                                                  "because customers just want to be heard."))
    comparison = retry.compare(vague, also_vague, focus="specificity")
    assert comparison.focus_improved is False
    said = retry.remark(comparison)
    assert "Giving a concrete example still needs work" in said
    assert retry.comparison_from_dict(retry.comparison_to_dict(comparison)) == comparison


def bundled_questions_cached():
    from simulator import banks
    from pathlib import Path
    import tempfile

    return [q for b in banks.resolve_banks([], Path(tempfile.gettempdir())) for q in b.questions]


def test_a_notebook_from_before_retries_opens_and_keeps_its_sessions(home):
    import sqlite3

    from simulator.notebook import APPLICATION_ID, MIGRATIONS

    db = sqlite3.connect(home / "notebook.sqlite3")
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO sessions (id, started, status, verdict) VALUES ('old', '2026-01-01T10:00:00+00:00', 'finished', 'Not yet.')")
    db.execute(f"PRAGMA user_version=1")
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.commit()
    db.close()
    with Notebook(home) as notebook:
        assert notebook.session("old").verdict == "Not yet."
        assert notebook.retries("old") == []
    outcome = run_practice(home, ScriptedAnswers({"angry-customer-time": VAGUE,
                                                  "angry-customer-time.retry": EXAMPLE}),
                           ask=("angry-customer-time",), mode="coach", follow_ups=False)
    with Notebook(home) as notebook:
        assert len(notebook.retries(outcome.session.id)) == 1
        assert [s.id for s in notebook.sessions()][-1] == "old"


def test_the_demo_shows_what_was_transcribed_not_its_script(home, tmp_path):
    import io

    from simulator.demo import SampleAnswer, SyntheticCandidate
    from simulator.listen import Slot

    canned = CannedTranscriber()
    heard_as = canned.recording("I worked in a busy mental office.")  # what the engine made of it
    screen = io.StringIO()
    candidate = SyntheticCandidate({"q": SampleAnswer("weak", answer="I worked in a busy dental office.")},
                                   tmp_path, Console(out=screen, err=screen), playback=False)
    candidate.recording = lambda slot: heard_as  # spoken, as far as the engine is concerned
    heard = candidate.listen(Slot("q"), canned)
    assert heard.transcript.text == "I worked in a busy mental office."
    assert "Candidate (as transcribed): I worked in a busy mental office." in screen.getvalue()
    assert "dental" not in screen.getvalue()


def test_demo_json_gets_the_second_tries_from_the_demo_without_opening_its_notebook_again(home, monkeypatch, capsys):
    import argparse

    import simulator.notebook
    from simulator import demo
    from simulator.cli.practice import cmd_demo

    canned = CannedTranscriber()
    speaker = SilentSpeaker()
    speaker.playback = False
    monkeypatch.setattr(demo, "make_transcriber", lambda *args, **kwargs: canned)
    monkeypatch.setattr(demo, "VoiceSpeaker", lambda notice: speaker)
    monkeypatch.setattr(demo.SyntheticCandidate, "recording",
                        lambda self, slot: canned.recording(self.text_for(slot)) if self.text_for(slot) else None)
    monkeypatch.setattr(demo.SyntheticCandidate, "wants_retry", lambda self, slot: True)  # takes the second try
    monkeypatch.setattr(demo, "pick_questions", lambda *args: ["greatest-weakness"])  # a weak sample: a tip

    def opened_again(*args, **kwargs):
        raise AssertionError("demo --json opened the demo's notebook a second time")

    monkeypatch.setattr(simulator.notebook, "Notebook", opened_again)  # demo.py holds its own
    args = argparse.Namespace(questions=1, seed=1, engine="faster-whisper", model=None, mode="coach", json=True)
    assert cmd_demo(args, home) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [a["question_id"] for a in printed["answers"]] == ["greatest-weakness"]
    assert [r["answer"] for r in printed["retries"]] == [1]
    with demo.Notebook(demo.demo_home(home)) as notebook:  # what the demo saved, as `review --json` reads it
        saved_retries = notebook.retries(printed["session_id"])
    assert [(p, r.score.transcript.text) for p, r in saved_retries] == \
        [(r["answer"], r["transcript"]["text"]) for r in printed["retries"]]


def test_a_recording_with_no_speech_is_skipped_not_scored_zero(home, tmp_path):
    # A new user's try (2026-12-01): a silent WAV was kept as an answer scored 0, with no notice,
    # and pulled the session's score down.
    canned = CannedTranscriber()
    folder = tmp_path / "answers"
    folder.mkdir()
    sf.write(folder / "why-call-center.wav", canned.recording("").samples, 16_000, subtype="PCM_16")
    sf.write(folder / "why-should-we-hire-you.wav", canned.recording(STRONG).samples, 16_000, subtype="PCM_16")
    ids = ("why-call-center", "why-should-we-hire-you")
    outcome = run_practice(home, FileAnswers(folder, notice=lambda text: None), transcriber=canned,
                           ask=ids, follow_ups=False)
    assert "(skipped: no speech heard in the recording)" in outcome.flat_screen
    assert [a.question.id for a in outcome.session.answers] == ["why-should-we-hire-you"]


def test_a_recorded_retry_file_is_the_second_try(home, tmp_path):
    canned = CannedTranscriber()
    folder = tmp_path / "answers"
    folder.mkdir()
    for name, text in (("angry-customer-time", VAGUE), ("angry-customer-time.retry", EXAMPLE),
                       ("why-call-center", STRONG)):
        sf.write(folder / f"{name}.wav", canned.recording(text).samples, 16_000, subtype="PCM_16")
    (folder / "greatest-weakness.wav").write_bytes(b"")  # no retry file for it: no problem
    ids = ("angry-customer-time", "greatest-weakness", "why-call-center")
    outcome = run_practice(home, FileAnswers(folder, notice=lambda text: None), transcriber=canned,
                           ask=ids, mode="coach", follow_ups=False)
    up_front = outcome.flat_screen.split("Interviewer:")[0]
    assert ".retry" not in up_front  # a retry file is optional: none is reported missing
    with Notebook(home) as notebook:
        retries = notebook.retries(outcome.session.id)
    assert [(position, r.score.transcript.text) for position, r in retries] == [(1, EXAMPLE)]
    [(_, second)] = retries
    assert second.audio.name == "angry-customer-time.retry.wav" and second.audio.exists()
    assert second.score.metric("pace").score is not None  # a spoken retry: timed words
    with Notebook(home) as notebook:  # forgetting the session forgets its retries too
        notebook.delete_session(outcome.session.id)
        assert notebook._db.execute("SELECT COUNT(*) FROM retries").fetchone()[0] == 0


# --- a head start on scoring: what is heard is embedded while the candidate speaks -----------

def test_a_spoken_answer_is_embedded_while_it_is_heard_so_scoring_embeds_nothing_new(home, monkeypatch):
    """Each stretch the engine gives back is handed to the meaning model at once (in the
    background); when the answer is scored, every sentence of it is already embedded."""
    from simulator import session as session_module
    from simulator.meaning import process_embedder
    from simulator.scoring import semantic

    canned = CannedTranscriber()
    story = ("Last spring a customer called about a double charge on her bill. I apologised, checked "
             "the account and refunded the second charge the same day, and she thanked me.")
    source = ScriptedAnswers({"angry-customer-time": canned.recording(story)})
    fresh_at_scoring: list[int] = []
    real_score = session_module.score_answer

    def scoring(*args, **kwargs):
        embedder = process_embedder(home)
        for warming in semantic._warming:  # the fixed sentences, embedded once per process
            warming.join()
        embedder.prefetch([]).result()  # the background work queued so far (in order) is done
        before = embedder.computed
        score = real_score(*args, **kwargs)
        fresh_at_scoring.append(embedder.computed - before)
        return score

    monkeypatch.setattr(session_module, "score_answer", scoring)
    outcome = run_practice(home, source, transcriber=canned, ask=("angry-customer-time",), follow_ups=False)
    assert [a.score.transcript.text for a in outcome.session.answers] == [story]
    assert fresh_at_scoring == [0]  # nothing left to embed when the answer was scored


def test_the_feedback_says_how_to_see_the_session_again_with_its_data_folder(home, tmp_path):
    ids = ("why-call-center",)
    usual = run_practice(home, ScriptedAnswers({ids[0]: STRONG}), ask=ids, follow_ups=False)
    assert f"See it again: mock-interview review {usual.session.id}\n" in usual.screen
    elsewhere = tmp_path / "another folder"  # not the data folder in use: the command must name it
    elsewhere.mkdir()
    other = run_practice(elsewhere, ScriptedAnswers({ids[0]: STRONG}), ask=ids, follow_ups=False)
    assert (f"See it again: mock-interview review {other.session.id} --home '{elsewhere}'"
            in other.flat_screen)


def test_practice_json_holds_the_second_tries_and_no_id_for_a_session_not_kept(home):
    # A new user's tries (2026-12-01): `practice --json` left out the coach-mode second tries that
    # `review --json` gives, and a session with nothing answered printed an id that `review` could
    # not find (such a session is not kept).
    from conftest import run_cli

    env = {"MOCK_INTERVIEW_HOME": str(home)}
    done = run_cli("practice", "--mode", "coach", "--input", "keyboard", "--no-voice", "--no-follow-ups",
                   "--ask", "angry-customer-time", "--json", input=f"{VAGUE}\n\n{EXAMPLE}\n\n", env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    [again] = data["retries"]
    assert again["answer"] == 1 and again["transcript"]["text"] == EXAMPLE
    assert run_cli("review", data["session_id"], env=env).returncode == 0
    empty = run_cli("practice", "--input", "keyboard", "--no-voice", "--questions", "2", "--json",
                    input=".\n.\n", env=env)
    assert empty.returncode == 0, empty.stderr
    nothing = json.loads(empty.stdout)
    assert nothing["answers"] == [] and nothing["session_id"] is None


def test_a_follow_up_adds_to_an_answers_relevance_and_never_knocks_it_out(home):
    # A new user's session (2026-12-01): the bank's own follow-up to "Why a call center?" asks
    # "What will be the hardest part of this job?"; a story about an angry customer told in reply
    # made the joined answer "another question answered" (70 alone, 9.4 with the follow-up).
    from conftest import run_cli
    from simulator.scoring.overall import KnockOut, knockouts
    from simulator.serialize import score_from_dict

    first = ("I have worked in retail for three years, mostly at a busy pharmacy counter, where I handled "
             "phone orders, complaints and refills. I'm now looking for a customer service role where I can "
             "use that experience every day.")
    story = ("For example, at the pharmacy a customer shouted at me because his insurance was declined. I "
             "stayed calm, listened, and called the insurer with him at the counter. He left happy and even "
             "apologized.")
    done = run_cli("practice", "--ask", "why-call-center", "--input", "keyboard", "--no-voice", "--json",
                   input=f"{first}\n\n{story}\n\n", env={"MOCK_INTERVIEW_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    [answer] = json.loads(done.stdout)["answers"]
    assert answer["follow_up"], answer.keys()  # the follow-up was asked and answered
    score = score_from_dict(answer)
    assert KnockOut.OFF_TOPIC not in knockouts(score.metrics) and score.overall > 40, score.overall


def test_review_shows_since_last_time_as_the_session_closed_with_it(home, tmp_path, capsys):
    # The fourth walkthrough (item 11): the feedback printed "Since last time: - Last time you were
    # at 62 out of 100 on structure; today 100...", and `review latest` (terminal and HTML) showed
    # only "Working on from last time: structure". The remarks are kept with the session.
    import html as html_
    import re
    import sqlite3

    from simulator.cli import main
    from simulator.notebook import APPLICATION_ID, MIGRATIONS
    from simulator.notebook.history import recover_unfinished

    def review(*args: str) -> str:
        capsys.readouterr()
        assert main(["--home", str(home), "review", *args]) == 0
        return " ".join(capsys.readouterr().out.split())

    first = run_practice(home, ScriptedAnswers({"greatest-weakness": WEAK}), ask=("greatest-weakness",),
                         follow_ups=False)
    assert first.session.tips and first.session.progress == ()
    outcome = run_practice(home, ScriptedAnswers({"greatest-weakness": STORY}), ask=("greatest-weakness",),
                           follow_ups=False)
    said = outcome.session.progress
    assert said and all(" ".join(s.split()) in outcome.flat_screen for s in said)  # as printed at the close
    shown = review("latest")
    assert "Since last time:" in shown and all(f"- {s}" in shown for s in said), shown
    assert json.loads(review("latest", "--json"))["since_last_time"] == list(said)
    report = tmp_path / "report.html"
    review("latest", "--html", str(report))
    page = html_.unescape(" ".join(re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", report.read_text(),
                                          flags=re.S).split()))
    assert "Since last time:" in page and all(s in page for s in said)
    # The first session had no tips to look back on: nothing extra.
    assert "Since last time" not in review(first.session.id)
    assert json.loads(review(first.session.id, "--json"))["since_last_time"] == []
    # A session a crash left open is closed with the same remarks on the tips it opened with.
    with Notebook(home) as notebook:
        crashed = notebook.start_session(focus=list(outcome.session.focus_from_last_time))
        for a in notebook.answers(outcome.session.id):
            notebook.save_answer(crashed, a)
    process_gone(home, crashed)
    with Notebook(home) as notebook:
        assert recover_unfinished(notebook, lambda text: None, home / "audio") == [crashed]
        assert notebook.session(crashed).progress == said
    # A notebook from before the remarks were kept opens, and its sessions show nothing extra.
    old = tmp_path / "old"
    old.mkdir()
    db = sqlite3.connect(old / "notebook.sqlite3")
    for step in MIGRATIONS[:3]:
        db.executescript(step)
    db.execute("""INSERT INTO sessions (id, started, status, verdict, focus) VALUES ('old',
                  '2026-01-01T10:00:00+00:00', 'finished', 'Not yet.', '[{"area": "fillers", "text": "Fewer ums."}]')""")
    db.execute("PRAGMA user_version=3")
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.commit()
    db.close()
    home = old
    assert "Working on from last time: fillers" in review("old") and "Since last time" not in review("old")
    assert json.loads(review("old", "--json"))["since_last_time"] == []


# --- Ctrl-C on the microphone: the real Microphone on a device double (tests/doubles.py) -----

SPOKEN = ("I always try to stay calm with upset customers. I listen first, I say sorry for the "
          "trouble, and then I fix the problem or find the person who can.")


def spoken(speak) -> "np.ndarray":
    import numpy as np

    from simulator import audio

    return np.concatenate([np.zeros(8_000, np.float32), audio.load(speak(SPOKEN))])


def run_to_the_feedback(home, source, **options):
    """run_practice, where a Ctrl-C that escapes the session (no feedback given) fails the test."""
    try:
        return run_practice(home, source, **options)
    except KeyboardInterrupt as stop:
        pytest.fail(f"the session ended on {stop!r} instead of giving its feedback")


def test_ctrl_c_just_after_a_spoken_answer_is_closed_keeps_it_scored_and_saved(home, speak, monkeypatch):
    # Found by a tester (2026-12-01): Ctrl-C as "(15 s, answer finished)" appeared lost that
    # answer (no recording, one answer fewer, "I only heard 1 of 3 answers") while the session
    # said "Your finished answers are saved".
    from simulator.listen.endpoint import Phase

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    ids = ("why-call-center", "greatest-strength", "tell-me-about-yourself")
    device = MicrophoneDevice([spoken(speak)] * 3,
                              press=lambda d: device.opened == 2 and d.phase is Phase.CLOSING)
    outcome = run_to_the_feedback(home, microphone(monkeypatch, device), ask=ids, follow_ups=False,
                           transcriber=SentenceTranscriber())
    assert device.opened == 2 and len(device.pressed_at) == 1
    answers = saved(home, outcome.session.id)
    assert [a.question.id for a in answers] == list(ids[:2])
    assert answers[1].audio.exists() and answers[1].audio.name == "greatest-strength.wav"
    assert "stay calm" in answers[1].score.transcript.text and answers[1].score.overall > 0
    assert "Your finished answers are saved, the one you had just given too" in outcome.flat_screen
    assert outcome.session.finished and "1 of 3" not in outcome.session.verdict


def test_ctrl_c_while_a_closed_answer_is_scored_waits_until_it_is_saved(home, speak, monkeypatch):
    import signal

    from simulator import session as session_module

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    real = session_module.score_answer

    def score_with_ctrl_c(*args, **kwargs):
        signal.raise_signal(signal.SIGINT)  # pressed while the answer is being scored
        return real(*args, **kwargs)

    monkeypatch.setattr(session_module, "score_answer", score_with_ctrl_c)
    ids = ("why-call-center", "greatest-strength")
    device = MicrophoneDevice([spoken(speak)] * 2)
    outcome = run_to_the_feedback(home, microphone(monkeypatch, device), ask=ids, follow_ups=False,
                           transcriber=SentenceTranscriber())
    assert device.opened == 1  # the questions stopped after it
    [answer] = saved(home, outcome.session.id)
    assert answer.question.id == ids[0] and answer.audio.exists() and answer.score.overall > 0
    assert "Your finished answers are saved, the one you had just given too" in outcome.flat_screen


def test_ctrl_c_mid_answer_keeps_what_was_said_so_far(home, speak, monkeypatch):
    from simulator.listen.endpoint import Phase

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    ids = ("why-call-center", "greatest-strength")
    device = MicrophoneDevice([spoken(speak)] * 2,
                              press=lambda d: d.phase is Phase.SPEAKING and d.at >= 4.0)
    outcome = run_to_the_feedback(home, microphone(monkeypatch, device), ask=ids, follow_ups=False,
                           transcriber=SentenceTranscriber())
    assert device.opened == 1  # the questions stopped after it
    [answer] = saved(home, outcome.session.id)
    assert answer.question.id == ids[0] and answer.audio.exists() and answer.score.overall > 0
    assert answer.score.transcript.duration == pytest.approx(device.pressed_at[0], abs=0.2)
    assert "I kept what you had said so far as your answer to that question" in outcome.flat_screen


def test_ctrl_c_mid_answer_with_no_words_made_out_stops_without_a_blank_answer(home, speak, monkeypatch):
    from simulator.listen.endpoint import Phase

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    ids = ("why-call-center", "greatest-strength")
    device = MicrophoneDevice([spoken(speak)] * 2,
                              press=lambda d: device.opened == 2 and d.phase is Phase.SPEAKING and d.at >= 4.0)
    transcriber = SentenceTranscriber(  # the second answer: nothing the engine could make out
        on_call=lambda n: setattr(transcriber, "text", "" if device.opened == 2 else SPOKEN))
    outcome = run_to_the_feedback(home, microphone(monkeypatch, device), ask=ids, follow_ups=False,
                                  transcriber=transcriber)
    assert device.opened == 2  # stopped there: the questions did not go on
    assert [a.question.id for a in saved(home, outcome.session.id)] == [ids[0]]
    assert "Stopping here. Your finished answers are saved; here is my feedback" in outcome.flat_screen


def test_a_second_ctrl_c_while_the_kept_answer_is_transcribed_drops_it_and_says_so(
        home, speak, monkeypatch):
    import signal
    import threading
    import time

    from simulator.listen.endpoint import Phase

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    def ctrl_c_again(call: int) -> None:  # as the tail of the second answer is transcribed
        if device.opened == 2 and mic.live.tail_seconds > 0 and len(device.pressed_at) == 1:
            device.pressed_at.append(-1.0)
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
            time.sleep(0.2)

    ids = ("why-call-center", "greatest-strength", "tell-me-about-yourself")
    device = MicrophoneDevice([spoken(speak)] * 3, press=lambda d: device.opened == 2
                              and d.phase is Phase.SPEAKING and d.at >= 4.0)
    mic = microphone(monkeypatch, device)
    outcome = run_to_the_feedback(home, mic, ask=ids, follow_ups=False,
                           transcriber=SentenceTranscriber(on_call=ctrl_c_again))
    assert len(device.pressed_at) == 2 and device.opened == 2
    [answer] = saved(home, outcome.session.id)  # the first answer only
    assert answer.question.id == ids[0]
    assert not (answer.audio.parent / "greatest-strength.wav").exists()
    assert ("Stopping here. You pressed Ctrl-C again before your last answer was transcribed and "
            "saved, so that one is not kept. Your finished answers are saved") in outcome.flat_screen
    assert outcome.session.finished and outcome.session.verdict


def process_gone(home, session_id: str) -> None:
    """The session's process is gone without closing it, as after a crash."""
    import sqlite3

    db = sqlite3.connect(home / "notebook.sqlite3")
    db.execute("UPDATE sessions SET pid=NULL WHERE id=?", (session_id,))
    db.commit()
    db.close()
