"""The end-of-answer rules, fed synthetic speech probabilities: no audio, no device, milliseconds."""

from __future__ import annotations

import pytest

from simulator.listen.endpoint import (
    Decision, EndOfTurn, Ending, EndReason, Phase, TurnRules, ending_of,
)
from simulator.listen.vad import WINDOW_S

SPEECH, QUIET = 0.9, 0.05


class Turn:
    """An EndOfTurn fed one VAD window at a time, on the microphone's 32 ms clock, answering
    its questions about the transcript as the microphone does, from `said` (a transcript that
    has caught up with the speech unless `current` is False)."""

    def __init__(self, rules: TurnRules = TurnRules(), said: str = "", current: bool = True):
        self.end_of_turn = EndOfTurn(rules)
        self.windows = 0
        self.decisions: list[Decision] = []
        self.said, self.current = said, current
        self.asked: list[float] = []  # when the rules asked for the transcript

    @property
    def now(self) -> float:
        return self.windows * WINDOW_S

    def feed(self, seconds: float, prob: float) -> Decision:
        for _ in range(round(seconds / WINDOW_S)):
            self.windows += 1
            decision = self.end_of_turn.hear(prob, self.now)
            if decision.needs_text:
                self.asked.append(self.now)
                decision = self.end_of_turn.transcribed(self.said, self.current)
            self.decisions.append(decision)
        return self.end_of_turn.decision

    def say(self, seconds: float, text: str, current: bool = True) -> Decision:
        """Speech that the transcript, from now on, says was `text`."""
        self.said, self.current = text, current
        return self.feed(seconds, SPEECH)

    def first(self, phase: Phase) -> Decision | None:
        return next((d for d in self.decisions if d.phase is phase), None)

    def first_closed(self) -> Decision | None:
        return next((d for d in self.decisions if d.closed), None)

    def first_over(self) -> Decision | None:
        return self.first(Phase.OVER)


FIXED = TurnRules(end_silence=1.5)  # --end-silence 1.5: the old fixed rule


def test_thinking_time_before_the_first_word_is_allowed():
    turn = Turn(TurnRules(think_time=10.0))
    waiting = turn.feed(9.5, QUIET)
    assert waiting.phase is Phase.WAITING and waiting.speech_start is None
    speaking = turn.feed(2.0, SPEECH)
    assert speaking.phase is Phase.SPEAKING
    assert speaking.speech_start == pytest.approx(9.5, abs=WINDOW_S)
    assert not any(d.over for d in turn.decisions)


def test_no_word_within_the_thinking_time_is_no_answer():
    turn = Turn(TurnRules(think_time=10.0))
    turn.feed(14.0, QUIET)
    closed, over = turn.first_closed(), turn.first_over()
    assert closed.reason is EndReason.NO_ANSWER and closed.speech_start is None
    assert closed.at == pytest.approx(10.0, abs=WINDOW_S)
    assert over.reason is EndReason.NO_ANSWER and over.speech_start is None
    # A first word a moment late still starts the answer (the long grace, not the short one).
    assert over.at == pytest.approx(closed.at + TurnRules().long_grace, abs=2 * WINDOW_S)


def test_a_fixed_end_silence_ends_the_answer_whatever_was_said():
    turn = Turn(FIXED, said="I called the customer back and")
    turn.feed(1.0, QUIET)
    turn.feed(3.0, SPEECH)
    assert turn.feed(1.4, QUIET).phase is Phase.SPEAKING  # a pause, not yet the end
    assert turn.feed(0.2, SPEECH).phase is Phase.SPEAKING  # ...and they went on
    still = turn.feed(1.4, QUIET)
    assert still.phase is Phase.SPEAKING and still.silence == pytest.approx(1.4, abs=WINDOW_S)
    turn.feed(1.5, QUIET)
    closed = turn.first_closed()
    assert closed.reason is EndReason.SILENCE and closed.phase is Phase.CLOSING
    assert closed.at == pytest.approx(1.0 + 3.0 + 1.4 + 0.2 + 1.5, abs=WINDOW_S)
    assert closed.speech_start == pytest.approx(1.0, abs=WINDOW_S)
    assert turn.asked == []  # a fixed silence never needs the transcript
    over = turn.first_over()
    assert over.reason is EndReason.SILENCE and over.closed_at == closed.at
    assert over.at == pytest.approx(closed.at + FIXED.grace, abs=2 * WINDOW_S)


def test_a_blip_shorter_than_min_speech_does_not_start_the_answer():
    rules = TurnRules(min_speech=0.25, think_time=10.0)
    turn = Turn(rules)
    turn.feed(1.0, QUIET)
    for _ in range(4):  # a cough, a click: 0.13 s of "speech" each, then quiet
        turn.feed(0.13, SPEECH)
        assert turn.feed(1.7, QUIET).phase is Phase.WAITING  # longer than end_silence: still waiting
    turn.feed(0.3, SPEECH)  # a real word
    assert turn.end_of_turn.decision.speech_start == pytest.approx(turn.now - 0.3, abs=WINDOW_S)


def test_blips_alone_end_as_no_answer_at_the_thinking_time():
    turn = Turn(TurnRules(min_speech=0.25, think_time=4.0))
    for _ in range(3):
        turn.feed(0.1, SPEECH)
        turn.feed(1.5, QUIET)
    assert turn.first_closed().reason is EndReason.NO_ANSWER


def test_the_time_limit_cuts_a_long_answer():
    turn = Turn(TurnRules(max_seconds=20.0))
    turn.feed(0.5, QUIET)
    for _ in range(30):  # talking on, with short pauses
        turn.feed(0.8, SPEECH)
        turn.feed(0.3, QUIET)
    over = turn.first_over()
    assert over.reason is EndReason.TIME_LIMIT and over == turn.first_closed()  # no grace
    assert over.at == pytest.approx(20.0, abs=WINDOW_S)


def test_enter_ends_the_answer_and_a_decision_once_over_stands():
    end_of_turn = EndOfTurn(TurnRules())
    end_of_turn.hear(SPEECH, 0.3)
    end_of_turn.hear(SPEECH, 0.6)
    over = end_of_turn.enter(0.7)
    assert over.over and over.reason is EndReason.ENTER and over.speech_start == pytest.approx(0.0)
    assert end_of_turn.hear(SPEECH, 0.8) is over  # later input changes nothing
    assert end_of_turn.enter(0.9) is over


def test_the_same_probabilities_always_give_the_same_decisions():
    script = [(0.5, QUIET), (0.4, SPEECH), (0.6, QUIET), (2.0, SPEECH), (2.0, QUIET), (0.5, SPEECH),
              (5.0, QUIET)]

    def run() -> list[Decision]:
        turn = Turn(said="I always stay calm, and")
        for seconds, prob in script:
            turn.feed(seconds, prob)
        return turn.decisions

    assert run() == run()


def test_the_end_reasons_are_the_recording_ended_by_values():
    assert {r.value for r in EndReason} == {"silence", "no-answer", "time-limit", "enter"}


# --- how long a silence ends the answer depends on what was said ---------------------------


@pytest.mark.parametrize("text, ending", [
    ("I called the customer back and...", Ending.UNFINISHED),
    ("The customer was upset. So...", Ending.UNFINISHED),
    ("I stayed calm because", Ending.UNFINISHED),
    ("What I like most was that.", Ending.UNFINISHED),  # Whisper's period on a cut sentence
    ("I gave him a reference number, um,", Ending.UNFINISHED),
    ("I have worked in customer service for three years", Ending.UNFINISHED),  # no punctuation
    ("My manager said I was one of the best on the team.", Ending.FINISHED),
    ("Would you like me to go on?", Ending.FINISHED),
    ("", Ending.UNKNOWN),
    (" ... ", Ending.UNKNOWN),
])
def test_how_a_transcript_ends(text, ending):
    assert ending_of(text) is ending


def answer(turn: Turn, text: str, seconds: float = 12.0) -> None:
    """Thinking for a second, then `seconds` of talking ending in `text`."""
    turn.feed(1.0, QUIET)
    turn.say(seconds, text)


def test_a_finished_thought_closes_after_a_short_silence_and_the_grace_period_ends_it():
    turn = Turn()
    answer(turn, "That's how I turned the call around.")
    turn.feed(3.0, QUIET)
    end_of_speech = 1.0 + 12.0
    closed = turn.first_closed()
    assert closed.phase is Phase.CLOSING and closed.reason is EndReason.SILENCE
    assert closed.at == pytest.approx(end_of_speech + TurnRules().finished_silence, abs=WINDOW_S)
    assert closed.at - end_of_speech <= 2.0  # PRODUCT.md: closed within 2 s of a clean stop
    assert turn.asked == [pytest.approx(end_of_speech + TurnRules().finished_silence, abs=WINDOW_S)]
    over = turn.first_over()
    assert over.at == pytest.approx(closed.at + TurnRules().grace, abs=2 * WINDOW_S)
    assert turn.first(Phase.PAUSED) is None  # no "still there?" before a short wait


@pytest.mark.parametrize("trailing", ["and", "so", "because", "and then I, um,"])
def test_a_thinking_pause_after_an_unfinished_sentence_never_closes_the_answer(trailing):
    turn = Turn()
    answer(turn, f"First I listened to the whole complaint {trailing}")
    turn.feed(2.5, QUIET)  # thinking
    turn.say(6.0, f"First I listened to the whole complaint {trailing} then I fixed it.")
    assert turn.first_closed() is None
    turn.feed(3.0, QUIET)
    closed = turn.first_closed()
    assert closed is not None and closed.at == pytest.approx(1.0 + 12.0 + 2.5 + 6.0 + 1.2, abs=WINDOW_S)
    assert closed.speech_start == pytest.approx(1.0, abs=WINDOW_S)  # one answer throughout


def test_a_long_pause_after_an_unfinished_sentence_shows_a_countdown_then_closes():
    rules = TurnRules()
    turn = Turn(rules)
    answer(turn, "And the reason I left was")
    turn.feed(rules.unfinished_silence + 1.0, QUIET)
    end_of_speech = 13.0
    paused = turn.first(Phase.PAUSED)
    assert paused.at == pytest.approx(end_of_speech + rules.still_there, abs=WINDOW_S)
    assert paused.countdown == pytest.approx(rules.unfinished_silence - rules.still_there, abs=WINDOW_S)
    counting = [d.countdown for d in turn.decisions if d.phase is Phase.PAUSED]
    assert counting == sorted(counting, reverse=True) and counting[-1] < 0.1  # counts down
    closed = turn.first_closed()
    assert closed.at == pytest.approx(end_of_speech + rules.unfinished_silence, abs=WINDOW_S)


def test_a_short_answer_gets_a_longer_wait_even_after_a_finished_sentence():
    rules = TurnRules()
    turn = Turn(rules)
    answer(turn, "I like people.", seconds=2.0)
    turn.feed(2.5, QUIET)  # a thinking pause after a first, short sentence
    assert turn.first_closed() is None
    turn.feed(1.0, QUIET)
    assert turn.first_closed().at == pytest.approx(1.0 + 2.0 + rules.short_silence, abs=WINDOW_S)
    # A role-play reply is short by nature: the microphone sets short_answer=0 for those.
    reply = Turn(TurnRules(short_answer=0.0))
    answer(reply, "Thank you for calling Acme, this is Sam.", seconds=2.0)
    reply.feed(2.0, QUIET)
    assert reply.first_closed().at == pytest.approx(3.0 + rules.finished_silence, abs=WINDOW_S)


def test_a_transcript_that_has_not_caught_up_counts_as_unfinished():
    turn = Turn(said="That's how I turned the call around.", current=False)
    turn.feed(1.0, QUIET)
    turn.say(12.0, "That's how I turned the call around.", current=False)
    turn.feed(2.5, QUIET)
    assert turn.first_closed() is None and len(turn.asked) == 1  # asked once, not every window
    # The transcript catches up later in the silence: the answer closes at once.
    closed = turn.end_of_turn.transcribed("That's how I turned the call around.", current=True)
    assert closed.phase is Phase.CLOSING and closed.reason is EndReason.SILENCE


def test_speech_within_the_grace_period_reopens_the_same_answer():
    rules = TurnRules()
    turn = Turn(rules)
    answer(turn, "I fixed the bill.")
    turn.feed(rules.finished_silence + 0.3, QUIET)  # closed, 0.3 s into the grace period
    assert turn.end_of_turn.decision.phase is Phase.CLOSING
    turn.say(3.0, "I fixed the bill. And I called her back the next day to check.")
    resumed = turn.end_of_turn.decision
    assert resumed.phase is Phase.SPEAKING and resumed.reason is None and resumed.closed_at is None
    assert turn.end_of_turn.reopened == 1
    turn.feed(3.0, QUIET)
    over = turn.first_over()
    assert over.reason is EndReason.SILENCE and over.speech_start == pytest.approx(1.0, abs=WINDOW_S)
    assert over.closed_at == pytest.approx(1.0 + 12.0 + rules.finished_silence + 0.3 + 3.0
                                           + rules.finished_silence, abs=2 * WINDOW_S)


def test_a_blip_in_the_grace_period_does_not_reopen_the_answer():
    rules = TurnRules()
    turn = Turn(rules)
    answer(turn, "I fixed the bill.")
    turn.feed(rules.finished_silence + 0.2, QUIET)
    turn.feed(0.1, SPEECH)  # a click
    turn.feed(1.0, QUIET)
    assert turn.end_of_turn.reopened == 0
    assert turn.first_over().closed_at == turn.first_closed().at


def test_enter_in_the_grace_period_ends_the_answer_at_once():
    turn = Turn()
    answer(turn, "I fixed the bill.")
    turn.feed(TurnRules().finished_silence + 0.1, QUIET)
    over = turn.end_of_turn.enter(turn.now)
    assert over.over and over.reason is EndReason.ENTER


def test_speech_that_began_in_the_grace_period_reopens_even_if_confirmed_after_it():
    # Measured in a real session (2026-12-01): the candidate went on 2.3 s after a close with
    # the long grace, but the 0.25 s needed to tell speech from a click ran past its end.
    rules = TurnRules(end_silence=3.5)  # a close after 3.5 s of silence: the long grace
    turn = Turn(rules)
    turn.feed(2.0, SPEECH)
    turn.feed(rules.end_silence + rules.long_grace - 0.1, QUIET)  # speech 0.1 s before its end
    turn.feed(1.0, SPEECH)
    assert turn.end_of_turn.reopened == 1 and not turn.decisions[-1].closed
