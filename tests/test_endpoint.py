"""The end-of-answer rules, fed synthetic speech probabilities: no audio, no device, milliseconds."""

from __future__ import annotations

import pytest

from simulator.listen.endpoint import Decision, EndOfTurn, EndReason, Phase, TurnRules
from simulator.listen.vad import WINDOW_S

SPEECH, QUIET = 0.9, 0.05


class Turn:
    """An EndOfTurn fed one VAD window at a time, on the microphone's 32 ms clock."""

    def __init__(self, rules: TurnRules = TurnRules()):
        self.end_of_turn = EndOfTurn(rules)
        self.windows = 0
        self.decisions: list[Decision] = []

    @property
    def now(self) -> float:
        return self.windows * WINDOW_S

    def feed(self, seconds: float, prob: float) -> Decision:
        for _ in range(round(seconds / WINDOW_S)):
            self.windows += 1
            self.decisions.append(self.end_of_turn.hear(prob, self.now))
        return self.end_of_turn.decision

    def first_over(self) -> Decision | None:
        return next((d for d in self.decisions if d.over), None)


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
    turn.feed(12.0, QUIET)
    over = turn.first_over()
    assert over.reason is EndReason.NO_ANSWER and over.speech_start is None
    assert over.at == pytest.approx(10.0, abs=WINDOW_S)


def test_the_silence_after_speech_ends_the_answer():
    turn = Turn(TurnRules(end_silence=1.5))
    turn.feed(1.0, QUIET)
    turn.feed(3.0, SPEECH)
    assert turn.feed(1.4, QUIET).phase is Phase.SPEAKING  # a pause, not yet the end
    assert turn.feed(0.2, SPEECH).phase is Phase.SPEAKING  # ...and they went on
    still = turn.feed(1.4, QUIET)
    assert still.phase is Phase.SPEAKING and still.silence == pytest.approx(1.4, abs=WINDOW_S)
    turn.feed(0.5, QUIET)
    over = turn.first_over()
    assert over.reason is EndReason.SILENCE
    assert over.at == pytest.approx(1.0 + 3.0 + 1.4 + 0.2 + 1.5, abs=WINDOW_S)
    assert over.speech_start == pytest.approx(1.0, abs=WINDOW_S)


def test_a_blip_shorter_than_min_speech_does_not_start_the_answer():
    rules = TurnRules(min_speech=0.25, think_time=10.0, end_silence=1.5)
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
    assert turn.first_over().reason is EndReason.NO_ANSWER


def test_the_time_limit_cuts_a_long_answer():
    turn = Turn(TurnRules(max_seconds=20.0))
    turn.feed(0.5, QUIET)
    for _ in range(30):  # talking on, with short pauses
        turn.feed(0.8, SPEECH)
        turn.feed(0.3, QUIET)
    over = turn.first_over()
    assert over.reason is EndReason.TIME_LIMIT
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
    script = [(0.5, QUIET), (0.4, SPEECH), (0.6, QUIET), (2.0, SPEECH), (2.0, QUIET)]

    def run() -> list[Decision]:
        turn = Turn()
        for seconds, prob in script:
            turn.feed(seconds, prob)
        return turn.decisions

    assert run() == run()


def test_the_end_reasons_are_the_recording_ended_by_values():
    assert {r.value for r in EndReason} == {"silence", "no-answer", "time-limit", "enter"}
