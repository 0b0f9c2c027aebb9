"""Transcription while the candidate speaks.

The Microphone hands over each block of audio with its VAD speech probabilities. A pause
(shorter than the end-of-answer silence) closes a speech segment, which a background thread
transcribes at once; when the answer ends, only the unfinished tail is left to do. Word times
are shifted into the answer's timeline and the duration is the whole answer's, so scoring
gets the same kind of Transcript as from a whole-answer transcription.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, replace

import numpy as np

from ..transcribe import Transcriber
from ..types import SAMPLE_RATE, Transcript, Word, words_text
from .vad import WINDOW, WINDOW_S


@dataclass(frozen=True)
class SegmentSettings:
    speech_threshold: float = 0.5  # Silero probability that counts as speech (as TurnRules)
    pause: float = 0.6  # a pause this long closes a segment; well under the 1.5 s end of answer
    keep_silence: float = 0.3  # silence left on each side of a cut, so word edges stay whole
    # Whisper hears a lone second of speech worse than the same words in context: a segment
    # with less speech waits for the next one, unless the pause grows long (last words).
    min_speech: float = 1.0
    flush_after: float = 1.0
    blip: float = 0.15  # less speech than this (a click, a breath) never makes a segment alone
    # A pause-free stretch is cut at its least speechy moment, so the tail stays short.
    max_segment: float = 15.0
    min_cut: float = 5.0  # ...but never closer than this to the segment's start


@dataclass(frozen=True)
class Segment:
    start: int  # sample offsets in the answer
    end: int


class Segmenter:
    """Decides where to cut the answer, from one speech probability per VAD window."""

    def __init__(self, settings: SegmentSettings = SegmentSettings()):
        self.s = settings
        self.probs: list[float] = []
        self.start = 0  # where the open segment begins (sample offset)
        self._speech = 0  # speech windows in the open segment
        self._silence = 0  # windows of silence since the last speech
        self._last_speech_end = 0  # sample offset where the latest speech window ends

    def push(self, prob: float) -> Segment | None:
        """Take one window's probability; return a segment when this window closes one."""
        s = self.s
        self.probs.append(prob)
        now = len(self.probs) * WINDOW
        if prob >= s.speech_threshold:
            self._speech += 1
            self._silence = 0
            self._last_speech_end = now
        else:
            self._silence += 1
        if self._speech == 0:
            # Nothing said yet: the segment's start follows the silence, so no segment drags a
            # long silence along (thinking time before the first word).
            self.start = max(self.start, now - _samples(s.keep_silence))
            return None
        pause = self._silence * WINDOW_S
        speech = self._speech * WINDOW_S
        if pause >= s.flush_after and speech < s.blip:
            self._speech = 0  # a click in a long silence: not worth a segment of its own
            return None
        if pause >= s.pause and (speech >= s.min_speech or pause >= s.flush_after):
            return self._cut(self._last_speech_end + _samples(s.keep_silence))
        if now - self.start >= _samples(s.max_segment):
            return self._cut(self._quietest(now))
        return None

    @property
    def holding(self) -> bool:
        """True while speech heard is not yet in a segment (the open segment has speech)."""
        return self._speech > 0

    def tail(self, total: int) -> Segment | None:
        """What is left at the end of the answer, if it holds any speech."""
        if total <= self.start or self._speech * WINDOW_S < self.s.blip:
            return None
        return Segment(self.start, total)

    def _cut(self, at: int) -> Segment:
        segment = Segment(self.start, at)
        self.start = at
        first = at // WINDOW
        self._speech = sum(p >= self.s.speech_threshold for p in self.probs[first:])
        return segment

    def _quietest(self, now: int) -> int:
        """The least speechy moment of the open segment: a breath between words, at best."""
        lo = (self.start + _samples(self.s.min_cut)) // WINDOW
        hi = max(lo + 1, (now - _samples(0.5)) // WINDOW)
        window = np.asarray(self.probs[lo:hi])
        smooth = np.convolve(window, np.ones(5) / 5, mode="same")  # ~160 ms, not one dip
        last_min = len(smooth) - 1 - int(np.argmin(smooth[::-1]))  # the latest of equal dips
        return (lo + last_min) * WINDOW + WINDOW // 2


def _samples(seconds: float) -> int:
    return int(round(seconds * SAMPLE_RATE))


class LiveTranscription:
    """One answer's transcript, built segment by segment in a background thread.

    `feed` is the Microphone's hook (cheap: it copies and queues); `finish` transcribes the
    tail, waits for the segments still in hand, and returns the whole answer's Transcript.
    """

    def __init__(self, transcriber: Transcriber, settings: SegmentSettings = SegmentSettings()):
        self.transcriber = transcriber
        self.segmenter = Segmenter(settings)
        self._audio = np.zeros(SAMPLE_RATE * 30, np.float32)  # grows by doubling
        self._length = 0
        self._lock = threading.Lock()
        self._todo: queue.Queue[Segment | None] = queue.Queue()
        self._done: list[tuple[Segment, Transcript]] = []
        self._error: BaseException | None = None
        self._idle = threading.Condition()
        self._pending = 0
        self.last_audio_at: float | None = None  # time.monotonic() of the latest block
        self.tail_seconds = 0.0  # audio left to transcribe when the answer ended
        self.segments_sent = 0  # to the engine, the tail included
        self._worker = threading.Thread(target=self._work, name="live-transcription", daemon=True)
        self._worker.start()

    # --- while the candidate speaks --------------------------------------------------------

    def feed(self, block: np.ndarray, probs: list[float]) -> None:
        """A block of 16 kHz audio and the speech probabilities of the VAD windows it completed."""
        self.last_audio_at = time.monotonic()
        block = np.asarray(block, dtype=np.float32)
        with self._lock:
            if self._length + len(block) > len(self._audio):
                grown = np.zeros(max(2 * len(self._audio), self._length + len(block)), np.float32)
                grown[:self._length] = self._audio[:self._length]
                self._audio = grown
            self._audio[self._length:self._length + len(block)] = block
            self._length += len(block)
        for p in probs:
            segment = self.segmenter.push(p)
            if segment is not None:
                self._send(segment)

    def committed(self) -> tuple[Word, ...]:
        """The words transcribed so far, in the answer's timeline."""
        with self._idle:
            done = sorted(self._done, key=lambda d: d[0].start)
        return tuple(w for segment, t in done for w in _shifted(t, segment))

    def text(self) -> str:
        """What has been transcribed so far, as one string."""
        return words_text(self.committed())

    def caught_up(self) -> bool:
        """True when every word heard so far is transcribed (none held back, none in hand)."""
        with self._idle:
            return self._pending == 0 and not self.segmenter.holding

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until every segment sent so far is transcribed; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    # --- when the answer has ended ---------------------------------------------------------

    def finish(self, samples: np.ndarray | None = None) -> Transcript:
        """The whole answer's transcript: the tail is transcribed now, the rest already was.

        `samples` is the recording (its length is the answer's duration); by default, what
        was fed.
        """
        with self._lock:
            audio = self._audio[:self._length] if samples is None else np.asarray(samples, np.float32)
            self._audio = audio  # the tail reads from the recording itself
            self._length = len(audio)
        tail = self.segmenter.tail(len(audio))
        if tail is not None:
            self.tail_seconds = (tail.end - tail.start) / SAMPLE_RATE
            self._send(tail)
        self._todo.put(None)
        self._worker.join()
        if self._error is not None:
            raise self._error
        words = self.committed()
        with self._idle:
            unclear = tuple((round(a + s.start / SAMPLE_RATE, 3), round(b + s.start / SAMPLE_RATE, 3))
                            for s, t in sorted(self._done, key=lambda d: d[0].start) for a, b in t.unclear)
        return Transcript(text=words_text(words), words=words,
                          duration=len(audio) / SAMPLE_RATE, engine=self.transcriber.name,
                          unclear=unclear)

    def cancel(self) -> None:
        """Stop without a transcript (nothing was said, or the session was interrupted)."""
        while True:  # drop what is queued: nobody will read it
            try:
                dropped = self._todo.get_nowait()
            except queue.Empty:
                break
            if dropped is not None:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()
        self._todo.put(None)
        # Let a segment being decoded finish: native code torn down at exit aborts the process.
        self._worker.join()

    # --- the background thread -------------------------------------------------------------

    def _send(self, segment: Segment) -> None:
        self.segments_sent += 1
        with self._idle:
            self._pending += 1
        self._todo.put(segment)

    def _work(self) -> None:
        while True:
            segment = self._todo.get()
            if segment is None:
                return
            try:
                if self._error is None:
                    with self._lock:
                        audio = self._audio[segment.start:segment.end].copy()
                    transcript = self.transcriber.transcribe(audio)
                    with self._idle:
                        self._done.append((segment, transcript))
            except BaseException as exc:  # reported by finish(), in the caller's thread
                self._error = exc
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()


def _shifted(transcript: Transcript, segment: Segment) -> tuple[Word, ...]:
    offset = segment.start / SAMPLE_RATE
    return tuple(replace(w, start=round(w.start + offset, 3), end=round(w.end + offset, 3))
                 for w in transcript.words)
