"""The microphone: records one answer, transcribing it while it is spoken, and ends it when
`EndOfTurn` says so (or on Enter, or Ctrl-C: the answer is kept, then the session stops)."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from typing import Callable, Sequence, TextIO

import numpy as np

from .. import sound
from ..console import CTRL_C, Keys, NoKeys
from ..audio import rms_dbfs
from ..transcribe import Transcriber
from ..types import SAMPLE_RATE, Recording
from .endpoint import Decision, EndOfTurn, EndReason, Phase, TurnRules
from .live import LiveTranscription
from .source import Heard, InterruptedAnswer, Slot, Unusable
from .vad import WINDOW_S, SpeechDetector

BLOCK = 1024  # samples per block from the device (64 ms)

ENDED = {  # what the candidate sees when the answer is closed
    EndReason.SILENCE: "answer finished",
    EndReason.ENTER: "ended with Enter",
    EndReason.TIME_LIMIT: "time is up",
}
RETRY_WAIT = 15.0  # seconds the offer of a second try waits for a key
TEXT_WAIT = 2.3  # seconds the end of an answer may wait for the live transcript to catch up
# (1.2 s of silence + 2.3 s: by then the unfinished-sentence wait is over anyway). Meanwhile
# the microphone goes on listening: the meter moves, Enter and Ctrl-C work.


class Meter:
    """The live line under the question: elapsed time, a level bar, and what the listener
    hears; then one line saying how the answer ended."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self._last = 0.0

    def update(self, elapsed: float, level_db: float, decision: Decision) -> None:
        if not self.live or decision.closed or time.monotonic() - self._last < 0.1:
            return
        self._last = time.monotonic()
        if decision.phase is Phase.PAUSED:
            state = f"still there? Enter to finish ({decision.countdown:.0f})"
        elif decision.phase is Phase.SPEAKING:
            state = "listening... (Enter when you're done)"
        else:
            state = "your turn: take your time"
        filled = int(np.clip((level_db + 60) / 60, 0, 1) * 20)
        bar = "#" * filled + "." * (20 - filled)
        self.stream.write(f"\r  {int(elapsed) // 60}:{int(elapsed) % 60:02d}  [{bar}]  {state:<38}")
        self.stream.flush()

    def _line(self, text: str) -> None:
        if self.live:
            self.stream.write("\r" + " " * 76 + "\r")
        self.stream.write(text + "\n")
        self.stream.flush()

    def closed(self, decision: Decision) -> None:
        """The answer was just closed (the grace period starts)."""
        if decision.reason is EndReason.NO_ANSWER:
            self._line(f"  ({decision.at:.0f} s of silence)")
        else:
            self._line(f"  ({decision.at:.0f} s, {ENDED[decision.reason]})")

    def reopened(self) -> None:
        self._line("  (you went on: still listening)")

    def stopped(self, decision: Decision) -> None:
        """Ctrl-C ended the recording: what was said is kept (nothing to say if nothing was)."""
        if decision.speech_start is None:
            return
        if decision.closed:
            self._line("  (Ctrl-C: saving this answer, then stopping)")
        else:
            self._line(f"  ({decision.at:.0f} s, Ctrl-C: saving what you said, then stopping)")

    def lost(self, decision: Decision) -> None:
        """The microphone stopped sending sound mid-answer."""
        kept = ", saving what you said" if decision.speech_start is not None else ""
        self._line(f"  ({decision.at:.0f} s, the microphone stopped sending sound{kept})")


class Microphone:
    """The default input (or `device`): ends an answer on silence, Enter, or the time limit."""

    transcribes = True
    instructions = ("Answer out loud. Take your time to think: I wait through pauses. Press "
                    "Enter when you have finished.")
    no_answer = "no answer heard: moving on"

    @property
    def retry_hint(self) -> str:
        if not self.keys.live:
            return ""  # no terminal to press r on: the offer is declined
        return f"Press r and Enter to try again, or just Enter to move on (moving on in {RETRY_WAIT:.0f} s)."

    def __init__(self, rules: TurnRules = TurnRules(), device: int | str | None = None,
                 meter: Meter | None = None, watch_enter: bool | None = None,
                 keys: Keys | None = None):
        sound.require_input(device)
        self.rules = rules
        self.device = device
        self.meter = meter or Meter()
        # Enter (and r for a retry) from the terminal, read through the session's `Keys`.
        self.keys = keys or (NoKeys() if watch_enter is False else Keys(live=watch_enter))
        self.vad = SpeechDetector()
        self.live: LiveTranscription | None = None  # the latest answer's (the benchmark reads it)
        self.turn: EndOfTurn | None = None  # ...and its end-of-turn rules
        self.stopped: sound.MicrophoneStopped | None = None  # the device died in the latest answer

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        return []

    def can_answer(self, slot: Slot) -> bool:
        return True

    def wants_retry(self, slot: Slot) -> bool:
        """r and Enter at the terminal (typed while the offer was spoken, or within
        RETRY_WAIT after it); anything else, or nothing, moves on."""
        typed = self.keys.take()
        deadline = time.monotonic() + RETRY_WAIT
        while not typed and self.keys.live and time.monotonic() < deadline:
            if self.keys.pressed():
                typed = self.keys.take()
            else:
                time.sleep(0.05)
        return bool(typed) and typed[-1].strip().lower() in ("r", "retry", "y", "yes")

    def listen(self, slot: Slot, transcriber: Transcriber) -> Heard | None:
        """Record one answer, transcribing each stretch of speech as soon as a pause closes it,
        so only the tail is left when the answer ends.

        Ctrl-C ends the recording (see `record`), and the answer is still transcribed and
        handed over as InterruptedAnswer; a second Ctrl-C stops that (KeyboardInterrupt).
        A microphone that stops mid-answer (`sound.MicrophoneStopped`) ends it the same way:
        what was said is handed over as InterruptedAnswer carrying that error, else the error
        is raised."""
        live = self.live = LiveTranscription(transcriber)
        with CTRL_C.scope():
            try:
                recording = self.record(slot, on_audio=live.feed, live=live)
                heard = None
                if recording is None or recording.duration == 0:
                    live.cancel()
                else:
                    heard = Heard(live.finish(recording.samples), recording)
            except BaseException:
                live.cancel()
                raise
            if self.stopped is not None and not CTRL_C.pressed:
                raise self.stopped if heard is None else InterruptedAnswer(heard, self.stopped)
            if CTRL_C.take():
                raise KeyboardInterrupt if heard is None else InterruptedAnswer(heard)
            return heard

    def record(self, slot: Slot,
               on_audio: Callable[[np.ndarray, list[float]], None] | None = None,
               live: LiveTranscription | None = None) -> Recording | None:
        """One answer's audio, or None when nothing was said. `on_audio(block, speech_probs)`
        sees each block as it is heard, with the VAD's probability for every window it
        completed; `live` is asked what has been said when the end of the answer depends on it.

        Ctrl-C is held (CTRL_C) from here: it ends the recording at once, and what was said is
        kept. An answer already closed (the grace period running) is kept as closed; one still
        open ends where Ctrl-C came (`ended_by` "interrupted"). The caller `take()`s the Ctrl-C
        (else it is raised when the outermost `CTRL_C.scope()` ends)."""
        rules = replace(self.rules, max_seconds=slot.max_seconds or self.rules.max_seconds,
                        # a role-play reply is short by nature: no longer wait for that
                        short_answer=0.0 if slot.turn else self.rules.short_answer)
        turn = self.turn = EndOfTurn(rules)
        self.stopped = None
        chunks: list[np.ndarray] = []
        self.vad.reset()
        with CTRL_C.scope():
            CTRL_C.hold()
            try:
                decision = self._capture(turn, chunks, on_audio, live)
            except KeyboardInterrupt:  # a second Ctrl-C, or a stop by other means (SIGTERM)
                if not CTRL_C.holding:
                    raise
                CTRL_C.press()
                decision = turn.decision
            if CTRL_C.pressed:
                self.meter.stopped(decision)
            elif self.stopped is not None:
                self.meter.lost(decision)
            return self._recording(decision, chunks)

    def _capture(self, turn: EndOfTurn, chunks: list[np.ndarray],
                 on_audio: Callable[[np.ndarray, list[float]], None] | None,
                 live: LiveTranscription | None) -> Decision:
        """Hear blocks into `chunks` until the answer is over or Ctrl-C is pressed."""
        decision = turn.decision
        heard = 0  # samples
        windows = 0  # VAD windows decided
        text_wanted: float | None = None  # when this silence first asked for the transcript
        with sound.Capture(self.device, blocksize=BLOCK) as capture:
            while not decision.over and not CTRL_C.pressed:
                try:
                    block = capture.read(timeout=0.1)
                except sound.MicrophoneStopped as exc:  # unplugged, the sound server gone
                    self.stopped = exc
                    break
                if block is not None:
                    chunks.append(block)
                    heard += len(block)
                    probs = self.vad.feed(block)
                    if on_audio is not None:
                        on_audio(block, probs)
                    for p in probs:
                        windows += 1
                        before = decision
                        decision = turn.hear(p, windows * WINDOW_S)
                        if not decision.needs_text:
                            text_wanted = None
                        else:  # never a wait here: the transcript is looked at block by block
                            text_wanted = text_wanted or time.monotonic()
                            if _text_ready(live, text_wanted):
                                decision = turn.transcribed(*_transcript_so_far(live))
                        if decision.closed and not before.closed:
                            self.meter.closed(decision)
                        elif before.phase is Phase.CLOSING and not decision.closed:
                            self.meter.reopened()
                        if decision.over:
                            break
                self.meter.update(heard / SAMPLE_RATE, rms_dbfs(block) if block is not None else -90,
                                  decision)
                if not decision.over and self._enter_pressed():
                    before = decision
                    decision = turn.enter(heard / SAMPLE_RATE)
                    if not before.closed:
                        self.meter.closed(decision)
        return decision

    @staticmethod
    def _recording(decision: Decision, chunks: list[np.ndarray]) -> Recording | None:
        if decision.speech_start is None:
            return None  # nothing was said
        samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
        if decision.reason is EndReason.SILENCE and decision.closed_at is not None:
            # The grace period heard nothing more (or Ctrl-C cut it short): the answer ends
            # where it was closed.
            samples = samples[:int(round(decision.closed_at * SAMPLE_RATE))]
        return Recording(samples=samples, time_to_start=round(decision.speech_start, 2),
                         ended_by=decision.reason.value if decision.closed else "interrupted")

    def _enter_pressed(self) -> bool:
        if not self.keys.pressed():
            return False
        self.keys.take()  # that line was the Enter that ended the answer, nothing more
        return True


def _text_ready(live: LiveTranscription | None, wanted: float) -> bool:
    """Whether to decide on the live transcript now: every segment sent is transcribed, or
    TEXT_WAIT has passed since it was `wanted` (then the ending counts as unknown)."""
    return live is None or live.settle(0) or time.monotonic() - wanted >= TEXT_WAIT


def _transcript_so_far(live: LiveTranscription | None) -> tuple[str, bool]:
    """The live transcript, and whether it covers every word said so far."""
    if live is None:
        return "", False
    return live.text(), live.caught_up()
