"""When a spoken answer is over: the end-of-turn rules as a pure object.

No audio, no clock, no device. The microphone feeds `EndOfTurn` the VAD's speech probability
for each 32 ms window with the time that window ends (seconds into the turn), and the live
transcript when the rules ask for it; it acts on the `Decision` it returns. The same sequence
always gives the same decisions, so the rules are tested in milliseconds with synthetic
probability sequences (tests/test_endpoint.py).

How long a silence ends the answer depends on what was said before it, as an interviewer
listens: after a finished thought ("...and that's how I fixed it.") a short wait; after an
unfinished one ("...so I called my supervisor and", no final punctuation) a long one, with a
"still there?" countdown once the pause grows; in a very short answer, a medium one. When the
answer is closed, speech that resumes within a grace period reopens it: the interviewer waits
(a longer one after a long silence: the countdown ran out, or no word within the think time).
`TurnRules.end_silence` (--end-silence) replaces all this with one fixed silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Phase(str, Enum):
    WAITING = "waiting"  # no word yet: the candidate is thinking
    SPEAKING = "speaking"  # the answer has started (short pauses included)
    PAUSED = "paused"  # a long pause: the candidate sees "still there?" and a countdown
    CLOSING = "closing"  # taken as finished; speech within the grace period reopens it
    OVER = "over"  # the answer is over; `Decision.reason` says why


class EndReason(str, Enum):
    """Why an answer is over. The values are `Recording.ended_by`'s."""

    SILENCE = "silence"  # they stopped talking
    NO_ANSWER = "no-answer"  # the thinking time ran out before a first word
    TIME_LIMIT = "time-limit"
    ENTER = "enter"  # they pressed Enter


class Ending(str, Enum):
    """How the live transcript ends, as far as the end of the answer is concerned."""

    FINISHED = "finished"  # final punctuation after a word that can end a sentence
    UNFINISHED = "unfinished"  # "and", "so", "because", a comma, "...", no final punctuation
    UNKNOWN = "unknown"  # not transcribed yet (or nothing recognisable)


# Words an answer does not end on: a sentence cut here goes on after the pause.
UNFINISHED_WORDS = frozenset("""
    and but or so because cause then than that which who whom whose when where while if
    although though unless until since as like um uh er erm the a an to of for with from in
    on at by about into my your our their his her its i we they he she is was were are be
    been being have has had do did not also plus just really very
""".split())


def ending_of(text: str) -> Ending:
    """How a transcript ends: finished thought, unfinished one, or nothing to go on."""
    text = text.strip()
    if not text or not re.search(r"\w", text):
        return Ending.UNKNOWN
    if text.endswith(("...", "\u2026", ",", ";", ":", "-")):
        return Ending.UNFINISHED
    if text[-1] in "?!":
        return Ending.FINISHED
    last = re.sub(r"[^\w']", "", text.split()[-1].lower())
    if last in UNFINISHED_WORDS:
        return Ending.UNFINISHED
    return Ending.FINISHED if text[-1] in ".!?" else Ending.UNFINISHED


@dataclass(frozen=True)
class TurnRules:
    """The end-of-answer settings (`--end-silence`, `--think-time`) and the VAD's reading."""

    # A fixed silence that ends the answer whatever was said (--end-silence); None: adaptive.
    end_silence: float | None = None
    finished_silence: float = 1.2  # after a finished thought
    unfinished_silence: float = 3.5  # after an unfinished one: a 2.5 s thinking pause is safe
    short_answer: float = 10.0  # seconds of answer: shorter ones get the medium wait...
    short_silence: float = 3.0  # ...even after a finished sentence (there is usually more)
    still_there: float = 2.0  # a pause this long, with more waiting to come, shows a countdown
    grace: float = 0.8  # after the answer is closed, speech this soon continues it
    # ...and after a long silence (the "still there?" countdown ran out, or nothing was said
    # within the think time): someone who paused that long often goes on a moment late.
    long_grace: float = 3.0
    think_time: float = 10.0  # silence allowed before the first word
    max_seconds: float = 180.0  # an answer is cut off here; interviewers cut off too
    speech_threshold: float = 0.5  # Silero speech probability that counts as speech
    min_speech: float = 0.25  # shorter blips (a cough, a click) don't count as speaking


@dataclass(frozen=True)
class Decision:
    phase: Phase
    at: float  # seconds into the turn when this was decided
    reason: EndReason | None = None  # set when the phase is CLOSING or OVER
    speech_start: float | None = None  # when the first word began; None while nothing was said
    silence: float = 0.0  # seconds of silence since the last speech window
    ends_after: float | None = None  # the silence that will close the answer, as things stand
    closed_at: float | None = None  # when the answer was closed (CLOSING and OVER)
    needs_text: bool = False  # the next step depends on a transcript the rules don't have yet

    @property
    def over(self) -> bool:
        return self.phase is Phase.OVER

    @property
    def closed(self) -> bool:
        """Taken as finished: the grace period runs, or the answer is over."""
        return self.phase in (Phase.CLOSING, Phase.OVER)

    @property
    def countdown(self) -> float | None:
        """Seconds left before the answer closes, while the candidate sees "still there?"."""
        if self.phase is not Phase.PAUSED or self.ends_after is None:
            return None
        return max(0.0, self.ends_after - self.silence)


class EndOfTurn:
    """Decides, window by window, whether the candidate is thinking, speaking, or done.

        turn = EndOfTurn(TurnRules())
        for prob, at in windows:
            decision = turn.hear(prob, at)
            if decision.needs_text:
                decision = turn.transcribed(text_so_far, current=True)
            if decision.over: break

    OVER is final: later input changes nothing.
    """

    def __init__(self, rules: TurnRules = TurnRules()):
        self.rules = rules
        self._at = 0.0
        self._speech_run = 0.0  # seconds of continuous speech (to ignore clicks)
        self._silence_run = 0.0  # seconds of continuous silence
        self._speech_start: float | None = None
        self._last_speech = 0.0  # when the latest speech window ended
        self._ending = Ending.UNKNOWN
        self._text_current = False  # the transcript covers every word said so far
        self._text_asked = False  # this silence already asked for the text
        self._closed: tuple[float, EndReason] | None = None
        self._grace = rules.grace  # how soon after the close speech still continues the answer
        self.reopened = 0  # times speech resumed within the grace period
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
            self._last_speech = at
            self._text_current = self._text_asked = False  # new words, not transcribed yet
            if self._speech_start is None and self._speech_run >= self.rules.min_speech:
                self._speech_start = at - self._speech_run
            if self._closed is not None and self._speech_run >= self.rules.min_speech:
                self._closed = None  # they went on: the same answer
                self.reopened += 1
        else:
            self._speech_run = 0.0
            self._silence_run += length
        self._decision = self._decide(at)
        return self._decision

    def transcribed(self, text: str, current: bool = True) -> Decision:
        """The live transcript so far; `current` when it covers every word said until now."""
        self._text_asked = True
        if current:
            self._ending, self._text_current = ending_of(text), True
        if self._decision.over:
            return self._decision
        self._decision = self._decide(self._at)
        return self._decision

    def enter(self, at: float) -> Decision:
        """The candidate pressed Enter: the answer is over now."""
        if not self._decision.over:
            self._closed = (max(at, self._at), EndReason.ENTER)
            self._decision = self._state(Phase.OVER, max(at, self._at))
        return self._decision

    def silence_to_end(self) -> float:
        """How long a silence ends the answer, from what has been said so far."""
        rules = self.rules
        if rules.end_silence is not None:
            return rules.end_silence
        ending = self._ending if self._text_current else Ending.UNKNOWN
        if ending is Ending.FINISHED:
            answered = self._last_speech - (self._speech_start or 0.0)
            return rules.finished_silence if answered >= rules.short_answer else rules.short_silence
        return rules.unfinished_silence

    def _decide(self, at: float) -> Decision:
        rules = self.rules
        if self._closed is not None:
            closed_at, reason = self._closed
            # Speech that began within the grace period may still prove to be speech (min_speech).
            began_in_grace = self._speech_run > 0 and at - self._speech_run - closed_at < self._grace
            if reason in (EndReason.ENTER, EndReason.TIME_LIMIT) or (
                    at - closed_at >= self._grace and not began_in_grace):
                return self._state(Phase.OVER, at)
            return self._state(Phase.CLOSING, at)
        if at >= rules.max_seconds:
            self._closed = (at, EndReason.TIME_LIMIT)
            return self._state(Phase.OVER, at)
        if self._speech_start is None:
            if at >= rules.think_time:
                self._closed, self._grace = (at, EndReason.NO_ANSWER), rules.long_grace
                return self._state(Phase.CLOSING, at)
            return self._state(Phase.WAITING, at)
        silence = self._silence_run
        adaptive = rules.end_silence is None
        if adaptive and not self._text_current and not self._text_asked \
                and silence >= rules.finished_silence:
            return self._state(Phase.SPEAKING, at, needs_text=True)  # what was said decides
        ends_after = self.silence_to_end()
        if silence >= ends_after:  # after a countdown ("still there?"): the long grace
            self._closed = (at, EndReason.SILENCE)
            self._grace = rules.long_grace if ends_after >= rules.still_there + 1.0 else rules.grace
            return self._state(Phase.CLOSING, at)
        if silence >= rules.still_there and ends_after - rules.still_there >= 1.0:
            return self._state(Phase.PAUSED, at)
        return self._state(Phase.SPEAKING, at)

    def _state(self, phase: Phase, at: float, needs_text: bool = False) -> Decision:
        closed_at, reason = self._closed if self._closed is not None else (None, None)
        ends_after = self.silence_to_end() if self._speech_start is not None else None
        return Decision(phase, at, reason, self._speech_start, self._silence_run, ends_after,
                        closed_at, needs_text)
