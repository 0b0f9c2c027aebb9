"""The microphone: records one answer, transcribing it while it is spoken, and ends it when
`EndOfTurn` says so (or on Enter)."""

from __future__ import annotations

import select
import sys
import time
from dataclasses import replace
from typing import Callable, Sequence, TextIO

import numpy as np

from .. import sound
from ..audio import rms_dbfs
from ..transcribe import Transcriber
from ..types import SAMPLE_RATE, Recording
from .endpoint import EndOfTurn, EndReason, Phase, TurnRules
from .live import LiveTranscription
from .source import Heard, Slot, Unusable
from .vad import WINDOW_S, SpeechDetector

BLOCK = 1024  # samples per block from the device (64 ms)

ENDED = {  # what the candidate sees when the answer is over
    EndReason.SILENCE: "you paused, so I took that as your answer",
    EndReason.NO_ANSWER: "no answer heard",
    EndReason.ENTER: "ended with Enter",
    EndReason.TIME_LIMIT: "time is up",
}


class Meter:
    """The live line under the question: elapsed time, a level bar, and what the listener hears."""

    def __init__(self, stream: TextIO = sys.stderr):
        self.stream = stream
        self.live = stream.isatty()
        self._last = 0.0

    def update(self, elapsed: float, level_db: float, state: str) -> None:
        if not self.live or time.monotonic() - self._last < 0.1:
            return
        self._last = time.monotonic()
        filled = int(np.clip((level_db + 60) / 60, 0, 1) * 20)
        bar = "#" * filled + "." * (20 - filled)
        self.stream.write(f"\r  {int(elapsed) // 60}:{int(elapsed) % 60:02d}  [{bar}]  {state:<34}")
        self.stream.flush()

    def done(self, elapsed: float, why: str) -> None:
        if self.live:
            self.stream.write("\r" + " " * 70 + "\r")
        self.stream.write(f"  ({elapsed:.0f} s, {why})\n")
        self.stream.flush()


class Microphone:
    """The default input (or `device`): ends an answer on silence, Enter, or the time limit."""

    transcribes = True

    def __init__(self, rules: TurnRules = TurnRules(), device: int | str | None = None,
                 meter: Meter | None = None, watch_enter: bool | None = None):
        sound.require_input(device)
        self.rules = rules
        self.device = device
        self.meter = meter or Meter()
        self.watch_enter = sys.stdin.isatty() if watch_enter is None else watch_enter
        self.vad = SpeechDetector()
        self.live: LiveTranscription | None = None  # the latest answer's (the benchmark reads it)

    def prepare(self, slots: Sequence[Slot]) -> list[Unusable]:
        return []

    def listen(self, slot: Slot, transcriber: Transcriber) -> Heard | None:
        """Record one answer, transcribing each stretch of speech as soon as a pause closes it,
        so only the tail is left when the answer ends."""
        live = self.live = LiveTranscription(transcriber)
        try:
            recording = self.record(slot, on_audio=live.feed)
            if recording is None or recording.duration == 0:
                live.cancel()
                return None
            return Heard(live.finish(recording.samples), recording)
        except BaseException:
            live.cancel()
            raise

    def record(self, slot: Slot,
               on_audio: Callable[[np.ndarray, list[float]], None] | None = None) -> Recording | None:
        """One answer's audio, or None when nothing was said. `on_audio(block, speech_probs)`
        sees each block as it is heard, with the VAD's probability for every window it completed."""
        rules = replace(self.rules, max_seconds=slot.max_seconds or self.rules.max_seconds)
        turn = EndOfTurn(rules)
        decision = turn.decision
        chunks: list[np.ndarray] = []
        heard = 0  # samples
        windows = 0  # VAD windows decided
        self.vad.reset()
        with sound.Capture(self.device, blocksize=BLOCK) as capture:
            while not decision.over:
                block = capture.read(timeout=0.1)
                if block is not None:
                    chunks.append(block)
                    heard += len(block)
                    probs = self.vad.feed(block)
                    if on_audio is not None:
                        on_audio(block, probs)
                    for p in probs:
                        windows += 1
                        decision = turn.hear(p, windows * WINDOW_S)
                state = ("listening... (Enter to finish)" if decision.phase is Phase.SPEAKING
                         else "your turn")
                self.meter.update(heard / SAMPLE_RATE, rms_dbfs(block) if block is not None else -90,
                                  state)
                if not decision.over and self._enter_pressed():
                    decision = turn.enter(heard / SAMPLE_RATE)
        self.meter.done(heard / SAMPLE_RATE, ENDED[decision.reason])
        if decision.speech_start is None:
            return None  # nothing was said
        samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
        return Recording(samples=samples, time_to_start=round(decision.speech_start, 2),
                         ended_by=decision.reason.value)

    def _enter_pressed(self) -> bool:
        if not self.watch_enter:
            return False
        ready, _, _ = select.select([sys.stdin], [], [], 0)
        if ready:
            sys.stdin.readline()
            return True
        return False
