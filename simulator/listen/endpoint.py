"""When a spoken answer is over: the end-of-turn rules as a pure object.

No audio, no clock, no device. The microphone feeds `EndOfTurn` the VAD's speech probability
for each 32 ms window with the time that window ends (seconds into the turn), and acts on the
`Decision` it returns. The same sequence always gives the same decisions, so the rules are
tested in milliseconds with synthetic probability sequences (tests/test_endpoint.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Phase(str, Enum):
    WAITING = "waiting"  # no word yet: the candidate is thinking
    SPEAKING = "speaking"  # the answer has started
    OVER = "over"  # the answer is over; `Decision.reason` says why


class EndReason(str, Enum):
    """Why an answer is over. The values are `Recording.ended_by`'s."""

    SILENCE = "silence"  # they stopped talking for `end_silence`
    NO_ANSWER = "no-answer"  # the thinking time ran out before a first word
    TIME_LIMIT = "time-limit"
    ENTER = "enter"  # they pressed Enter


@dataclass(frozen=True)
class TurnRules:
    """The end-of-answer settings (`--end-silence`, `--think-time`) and the VAD's reading."""

    end_silence: float = 1.5  # seconds of silence after speech that end the answer
    think_time: float = 10.0  # silence allowed before the first word
    max_seconds: float = 180.0  # an answer is cut off here; interviewers cut off too
    speech_threshold: float = 0.5  # Silero speech probability that counts as speech
    min_speech: float = 0.25  # shorter blips (a cough, a click) don't count as starting to speak


@dataclass(frozen=True)
class Decision:
    phase: Phase
    at: float  # seconds into the turn when this was decided
    reason: EndReason | None = None  # set when the phase is OVER
    speech_start: float | None = None  # when the first word began; None while nothing was said
    silence: float = 0.0  # seconds of silence since the last speech window

    @property
    def over(self) -> bool:
        return self.phase is Phase.OVER


class EndOfTurn:
    """Decides, window by window, whether the candidate is thinking, speaking, or done.

        turn = EndOfTurn(TurnRules())
        for prob, at in windows:
            decision = turn.hear(prob, at)
            if decision.over: break

    Once over, the decision stands: later input changes nothing.
    """

    def __init__(self, rules: TurnRules = TurnRules()):
        self.rules = rules
        self._at = 0.0
        self._speech_run = 0.0  # seconds of continuous speech (to ignore clicks)
        self._silence_run = 0.0  # seconds of continuous silence
        self._speech_start: float | None = None
        self._decision = Decision(Phase.WAITING, 0.0)

    @property
    def decision(self) -> Decision:
        """The latest decision."""
        return self._decision

    def hear(self, prob: float, at: float) -> Decision:
        """One VAD window's speech probability; `at` is when the window ends (seconds)."""
        if self._decision.over:
            return self._decision
        length = max(0.0, at - self._at)
        self._at = at
        if prob >= self.rules.speech_threshold:
            self._speech_run += length
            self._silence_run = 0.0
            if self._speech_start is None and self._speech_run >= self.rules.min_speech:
                self._speech_start = at - self._speech_run
        else:
            self._speech_run = 0.0
            self._silence_run += length
        self._decision = self._decide(at)
        return self._decision

    def enter(self, at: float) -> Decision:
        """The candidate pressed Enter: the answer is over now."""
        if not self._decision.over:
            self._decision = self._state(Phase.OVER, max(at, self._at), EndReason.ENTER)
        return self._decision

    def _decide(self, at: float) -> Decision:
        rules = self.rules
        if self._speech_start is not None and self._silence_run >= self.silence_to_end():
            return self._state(Phase.OVER, at, EndReason.SILENCE)
        if self._speech_start is None and at >= rules.think_time:
            return self._state(Phase.OVER, at, EndReason.NO_ANSWER)
        if at >= rules.max_seconds:
            return self._state(Phase.OVER, at, EndReason.TIME_LIMIT)
        return self._state(Phase.WAITING if self._speech_start is None else Phase.SPEAKING, at)

    def silence_to_end(self) -> float:
        """How long a silence ends the answer from here. One fixed rule today; the place where
        a longer wait after an unfinished sentence (and a shorter one after a finished
        thought) belongs."""
        return self.rules.end_silence

    def _state(self, phase: Phase, at: float, reason: EndReason | None = None) -> Decision:
        return Decision(phase, at, reason, self._speech_start, self._silence_run)
