"""The interviewer's voice: pyttsx3 renders each prompt to a WAV, `sound` plays it.

With no output device (or --no-voice) the prompt is only printed and the session goes on.
"""

from __future__ import annotations

import logging
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from . import sound
from .audio import load, write_wav
from .errors import DeviceError
from .home import private_mkdir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VoiceSettings:
    rate: int = 165  # words a minute; pyttsx3's 200 sounds rushed for interview questions
    volume: float = 0.9
    voice: str = "en-us"  # an espeak-ng voice id, matched case-insensitively by suffix
    variant: str = ""  # an espeak-ng variant ("+f3"), so the customer sounds like someone else


INTERVIEWER = VoiceSettings()
CUSTOMER = VoiceSettings(rate=175, variant="+f3")

SYNTHESIS_TIMEOUT = 60.0  # seconds; espeak-ng renders a long prompt in well under one
_ENGINE_LOCK = threading.Lock()  # pyttsx3.init() shares one engine: one render at a time


class Speaker(Protocol):
    def prepare(self, text: str, save_as: Path, role: str = "interviewer") -> None:
        """Start rendering a line that will be said soon (in the background, in order), so
        that saying it later starts at once."""

    def say(self, text: str, save_as: Path, role: str = "interviewer",
            stop: Callable[[], bool] | None = None) -> Path | None:
        """Speak `text` (blocking until done, or until `stop()` says to stop) as the
        interviewer or the customer, keeping its audio at `save_as` for review; return that
        path, or None when nothing was rendered. Printing the text is the caller's job."""

    def settle(self) -> None:
        """Wait for the lines being rendered ahead to be written (before their folder goes)."""


def _driver_print(*args, **_) -> None:
    """What pyttsx3's espeak driver prints ("Audio saved to ..."): to the log, never stdout
    (which may be carrying JSON)."""
    log.debug("pyttsx3: %s", " ".join(str(a) for a in args))


class Renderer:
    """pyttsx3 to WAV. One save per runAndWait: pyttsx3 2.99 keeps only the last queued save."""

    def __init__(self, settings: VoiceSettings = VoiceSettings()):
        self.settings = settings
        self._engine = None
        self._finished = threading.Event()

    def _init(self):
        import pyttsx3

        engine = pyttsx3.init()
        # The espeak driver prints "Audio saved to ..." on every save, from espeak's thread. Its
        # own `print` is made quiet: swapping `sys.stdout` instead (redirect_stdout) swaps it for
        # every thread, and a session's JSON printed meanwhile went into the swap (a Ctrl-C in the
        # spoken feedback, while the next line was still being rendered).
        driver = sys.modules.get("pyttsx3.drivers.espeak")
        if driver is not None:
            driver.print = _driver_print
        # pyttsx3's espeak driver returns from runAndWait before espeak's thread has written
        # the file; its "finished-utterance" event comes after the write, so wait for that.
        engine.connect("finished-utterance", lambda **_: self._finished.set())
        return engine

    def _apply_settings(self) -> None:
        """Set this voice on the engine: pyttsx3.init() hands every caller the same engine."""
        engine = self._engine
        engine.setProperty("rate", self.settings.rate)
        engine.setProperty("volume", self.settings.volume)
        wanted = self.settings.voice.lower()
        for v in engine.getProperty("voices"):
            if v.id.lower() == wanted or v.id.lower().endswith("/" + wanted):
                engine.setProperty("voice", v.id + self.settings.variant)
                break

    def render(self, text: str, path: Path) -> Path:
        with _ENGINE_LOCK:
            if self._engine is None:
                self._engine = self._init()
            self._apply_settings()
            private_mkdir(path.parent)
            tmp = path.with_name(f".{path.stem}.tts.wav")
            self._finished.clear()
            self._engine.save_to_file(text, str(tmp))
            self._engine.runAndWait()
            if not self._finished.wait(SYNTHESIS_TIMEOUT) or not tmp.exists():
                raise RuntimeError(f"the speech synthesizer did not finish {tmp.name}")
            # Re-encode at 16 kHz through our own writer: owner-only, renamed into place.
            write_wav(path, load(tmp))
            tmp.unlink(missing_ok=True)
            return path


def play(path: Path, stop: Callable[[], bool] | None = None) -> bool:
    """Play a rendered prompt on the default output (DeviceError when it cannot); False when
    `stop()` cut it short."""
    return sound.play(load(path), stop=stop)


class NoVoice:
    """--no-voice: prompts are only printed; nothing is rendered or played."""

    def prepare(self, text: str, save_as: Path, role: str = "interviewer") -> None:
        pass

    def say(self, text: str, save_as: Path, role: str = "interviewer",
            stop: Callable[[], bool] | None = None) -> Path | None:
        return None

    def settle(self) -> None:
        pass


class VoiceSpeaker:
    """Renders every prompt (kept for review) and plays it when there is an output device.

    Lines are rendered one at a time, in the order they were asked for, on a thread of their
    own: the session asks for the next line while the current one plays (the first question
    while the opening is spoken), so the candidate never waits for the synthesizer.
    """

    def __init__(self, notice: Callable[[str], None], playback: bool | None = None):
        self.notice = notice
        self.renderers = {"interviewer": Renderer(INTERVIEWER), "customer": Renderer(CUSTOMER)}
        self.playback = sound.has_output() if playback is None else playback
        self._warned = False
        self._renders = ThreadPoolExecutor(max_workers=1, thread_name_prefix="voice")
        self._ahead: dict[Path, tuple[str, Future]] = {}

    def prepare(self, text: str, save_as: Path, role: str = "interviewer") -> None:
        ahead = self._ahead.get(save_as)
        if ahead is None or ahead[0] != text:
            self._ahead[save_as] = (text, self._renders.submit(self.renderers[role].render,
                                                                text, save_as))

    def say(self, text: str, save_as: Path, role: str = "interviewer",
            stop: Callable[[], bool] | None = None) -> Path | None:
        self.prepare(text, save_as, role)
        path = self._ahead.pop(save_as)[1].result()
        if self.playback:
            try:
                play(path, stop)
            except DeviceError as exc:  # a device that vanished mid-session: keep going in text
                self.playback, self._warned = False, True  # said once, not again as "No speakers"
                self.notice(str(exc))
        elif not self._warned:
            self._warned = True
            self.notice("No speakers found: questions are shown as text "
                        "(their audio is saved for review). See `mock-interview devices`.")
        return path

    def settle(self) -> None:
        for _, future in list(self._ahead.values()):
            try:
                future.result()
            except Exception:  # a line that failed to render is not written: nothing to wait for
                pass
