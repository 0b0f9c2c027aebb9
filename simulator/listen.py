"""Where answers come from: the microphone (with VAD end-of-answer), recorded files, or the keyboard."""

from __future__ import annotations

import os
import queue
import select
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, TextIO

import numpy as np

from .audio import load, rms_dbfs
from .errors import AudioFileError, DeviceError, UserError
from .types import SAMPLE_RATE, Recording

NO_MICROPHONE_HELP = (
    "Type your answers with `--input keyboard`, answer from recorded files with "
    "`--input DIR` (DIR/<question-id>.wav), or run `mock-interview devices` to see what "
    "audio devices this computer has."
)


@dataclass(frozen=True)
class ListenSettings:
    end_silence: float = 1.5  # seconds of silence after speech that end the answer
    first_word_allowance: float = 10.0  # silence allowed before the first word (thinking time)
    max_seconds: float = 180.0  # an answer is cut off here; interviewers cut off too
    speech_threshold: float = 0.5  # Silero speech probability that counts as speech
    min_speech: float = 0.25  # shorter blips (a cough, a click) don't count as starting to speak


@dataclass(frozen=True)
class Slot:
    """What is being answered: names the file in --input DIR and the saved audio."""

    question_id: str
    turn: int | None = None  # role-play reply number, 1-based
    follow_up: bool = False
    max_seconds: float | None = None

    @property
    def stem(self) -> str:
        if self.follow_up:
            return f"{self.question_id}.follow-up"
        if self.turn and self.turn > 1:
            return f"{self.question_id}.{self.turn}"
        return self.question_id


Reply = Recording | str | None  # audio, typed text, or nothing (skipped)


class AnswerSource(Protocol):
    kind: str

    def answer(self, slot: Slot) -> Reply: ...


# --- recorded files ------------------------------------------------------------------------

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".mp3", ".aiff", ".aif", ".au", ".opus")


class FileAnswers:
    """--input DIR: the answer to question X is DIR/X.wav (any format libsndfile reads)."""

    kind = "files"

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise UserError(f"{self.folder}: no such folder of recorded answers (--input DIR)")

    def path_for(self, slot: Slot) -> Path | None:
        for suffix in AUDIO_SUFFIXES:
            path = self.folder / f"{slot.stem}{suffix}"
            if path.is_file():
                return path
        return None

    def check(self, slots: list[Slot]) -> None:
        """Fail before the session starts if a file that exists cannot be read."""
        import soundfile as sf

        for slot in slots:
            path = self.path_for(slot)
            if path is None:
                continue
            try:
                sf.info(str(path))
            except Exception as exc:
                raise AudioFileError(f"{path}: not an audio file libsndfile can read ({exc})") from None

    def answer(self, slot: Slot) -> Reply:
        path = self.path_for(slot)
        if path is None:
            return None  # a missing file is a skipped question
        return Recording(samples=load(path), path=path, ended_by="file")


# --- keyboard ------------------------------------------------------------------------------


class KeyboardAnswers:
    """--input keyboard: one typed line per answer; an empty line skips, end of input stops."""

    kind = "keyboard"

    def __init__(self, stdin: TextIO | None = None, prompt: Callable[[str], None] | None = None):
        self.stdin = stdin or sys.stdin
        self.prompt = prompt or (lambda text: print(text, end="", file=sys.stderr, flush=True))

    def answer(self, slot: Slot) -> Reply:
        self.prompt("Your answer (one line, Enter to send, empty line to skip): ")
        line = self.stdin.readline()
        if line == "":
            raise EOFError  # stdin closed: the session ends with what it has
        return line.strip() or None


# --- microphone ----------------------------------------------------------------------------


def _sounddevice():
    try:
        import sounddevice as sd
    except OSError as exc:  # "PortAudio library not found"
        raise DeviceError(
            f"Cannot use audio devices: {exc}. Install PortAudio with "
            "`sudo apt-get install libportaudio2` (Debian/Ubuntu). " + NO_MICROPHONE_HELP
        ) from None
    return sd


def input_device_available() -> bool:
    try:
        sd = _sounddevice()
        sd.query_devices(kind="input")
        return True
    except Exception:
        return False


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
    """Records one answer from the default input: ends on silence, Enter, or the time limit."""

    kind = "mic"

    def __init__(self, settings: ListenSettings = ListenSettings(), device: int | str | None = None,
                 meter: Meter | None = None, watch_enter: bool | None = None):
        self.sd = _sounddevice()
        try:
            self.sd.query_devices(device if device is not None else None, kind="input")
        except Exception:
            raise DeviceError("No microphone found. " + NO_MICROPHONE_HELP) from None
        self.settings = settings
        self.device = device
        self.meter = meter or Meter()
        self.watch_enter = sys.stdin.isatty() if watch_enter is None else watch_enter
        from .vad import SpeechDetector

        self.vad = SpeechDetector()

    def _enter_pressed(self) -> bool:
        if not self.watch_enter:
            return False
        ready, _, _ = select.select([sys.stdin], [], [], 0)
        if ready:
            sys.stdin.readline()
            return True
        return False

    def answer(self, slot: Slot,
               on_audio: Callable[[np.ndarray, list[float]], None] | None = None) -> Reply:
        """`on_audio(block, speech_probs)` sees each block as it is heard, with the VAD's
        probability for every 32 ms window it completed (streaming transcription listens here)."""
        s = self.settings
        max_seconds = slot.max_seconds or s.max_seconds
        blocks: queue.Queue[np.ndarray] = queue.Queue()
        chunks: list[np.ndarray] = []
        self.vad.reset()

        def callback(indata, frames, time_info, status):  # PortAudio's thread: copy and go
            blocks.put(indata[:, 0].astype(np.float32) / 32768.0)

        heard = 0  # samples consumed
        first_speech: float | None = None
        speech_run = 0.0  # seconds of continuous speech (to ignore clicks)
        silence_run = 0.0  # seconds of continuous silence
        ended_by = "time-limit"
        window_s = 512 / SAMPLE_RATE
        try:
            stream = self.sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="int16",
                                         blocksize=1024, device=self.device, callback=callback)
        except Exception as exc:
            raise DeviceError(f"Could not open the microphone ({exc}). " + NO_MICROPHONE_HELP) from None
        stream.start()
        try:
            while True:
                try:
                    block = blocks.get(timeout=0.1)
                except queue.Empty:
                    block = None
                if block is not None:
                    chunks.append(block)
                    heard += len(block)
                    probs = self.vad.feed(block)
                    if on_audio is not None:
                        on_audio(block, probs)
                    for p in probs:
                        if p >= s.speech_threshold:
                            speech_run += window_s
                            silence_run = 0.0
                            if first_speech is None and speech_run >= s.min_speech:
                                first_speech = heard / SAMPLE_RATE - speech_run
                        else:
                            speech_run = 0.0
                            silence_run += window_s
                elapsed = heard / SAMPLE_RATE
                state = "listening... (Enter to finish)" if first_speech is not None else "your turn"
                self.meter.update(elapsed, rms_dbfs(block) if block is not None else -90, state)
                if first_speech is not None and silence_run >= s.end_silence:
                    ended_by = "silence"
                    break
                if first_speech is None and elapsed >= s.first_word_allowance:
                    ended_by = "silence"
                    break
                if elapsed >= max_seconds:
                    break
                if self._enter_pressed():
                    ended_by = "enter"
                    break
        finally:
            # abort, not stop: the answer is over, so don't wait for queued buffers to drain
            stream.abort()
            stream.close()
        self.meter.done(heard / SAMPLE_RATE, {"silence": "you paused, so I took that as your answer",
                                               "enter": "ended with Enter",
                                               "time-limit": "time is up"}[ended_by])
        if first_speech is None:
            return None  # nothing was said
        samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
        return Recording(samples=samples, time_to_start=round(first_speech, 2), ended_by=ended_by)


def make_source(spec: str | None, settings: ListenSettings = ListenSettings()) -> AnswerSource:
    """--input mic|keyboard|DIR; the default is the microphone when there is one."""
    if spec in (None, "", "mic"):
        if spec is None and not input_device_available():
            raise DeviceError("No microphone found, so there is nothing to listen with. "
                              + NO_MICROPHONE_HELP)
        return Microphone(settings)
    if spec == "keyboard":
        return KeyboardAnswers()
    path = Path(os.path.expanduser(spec))
    if not path.exists():
        raise UserError(f"--input {spec}: expected mic, keyboard or a folder of recorded answers; "
                        f"there is no folder {path}")
    return FileAnswers(path)
