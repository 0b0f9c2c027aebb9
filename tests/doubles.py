"""Test doubles around the real `Practice`: scripted answers, a silent speaker, a canned transcriber.

They stand in for the candidate, the sound hardware and the speech model only; the interviewer,
scoring, coach and the SQLite notebook a test drives through them are the real ones.
"""

from __future__ import annotations

import io
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from simulator import banks
from simulator.console import Console, Keys
from simulator.listen import Heard, Slot
from simulator.notebook import Notebook
from simulator.session import Practice, PracticeOptions
from simulator.types import SAMPLE_RATE, Question, Recording, Session, Transcript, Word

Line = Recording | str | BaseException | None  # what the scripted candidate does for one slot


class CannedTranscriber:
    """The speech model, replaced: gives back the text written for a recording.

    `recording(text)` makes a voiced-sounding recording of a length no other one has (lead-in
    silence, a gliding tone at the pace of `words_per_minute`, trailing silence) and remembers
    its text; `transcribe` finds the text by the length of the samples it gets (kept exactly
    by a 16 kHz WAV file) and times the words evenly over the tone. `fail(recording, error)`
    makes the engine raise on that one recording.
    """

    name = "canned"

    def __init__(self, words_per_minute: float = 140.0):
        self.words_per_minute = words_per_minute
        self.loads = 0
        self.transcribed: list[str] = []  # the texts handed out, in order
        self._by_length: dict[int, tuple[str, float, float, BaseException | None]] = {}

    def load(self) -> None:
        self.loads += 1

    def recording(self, text: str, lead: float = 0.6, tail: float = 0.5) -> Recording:
        speech = max(0.5, len(text.split()) / self.words_per_minute * 60)
        start, end = int(lead * SAMPLE_RATE), int((lead + speech) * SAMPLE_RATE)
        length = end + int(tail * SAMPLE_RATE)
        while length in self._by_length:  # one length, one text
            length += 1
        t = np.arange(end - start) / SAMPLE_RATE
        pitch = 150 + 40 * np.sin(2 * np.pi * 0.7 * t)  # a voice that rises and falls
        samples = np.zeros(length, np.float32)
        samples[start:end] = 0.2 * np.sin(2 * np.pi * np.cumsum(pitch) / SAMPLE_RATE)
        self._by_length[length] = (text, lead, lead + speech, None)
        return Recording(samples=samples, time_to_start=lead, ended_by="silence")

    def fail(self, recording: Recording, error: BaseException) -> None:
        text, start, end, _ = self._by_length[len(recording.samples)]
        self._by_length[len(recording.samples)] = (text, start, end, error)

    def transcribe(self, samples: np.ndarray, on_progress: Callable[[float], None] | None = None
                   ) -> Transcript:
        text, start, end, error = self._by_length[len(samples)]
        if error is not None:
            raise error
        self.transcribed.append(text)
        tokens = text.split()
        step = (end - start) / max(1, len(tokens))
        words = tuple(Word(w, round(start + i * step, 3), round(start + (i + 0.8) * step, 3))
                      for i, w in enumerate(tokens))
        return Transcript(text=text, words=words, duration=len(samples) / SAMPLE_RATE,
                          engine=self.name)


class ScriptedAnswers:
    """An answer source that plays a script, keyed by slot stem ("q", "q.2" for role-play reply
    2, "q.follow-up", "q.retry" for a second try in coach mode, taken when scripted): typed
    text, a Recording (sent through the transcriber, as recorded files are), None (nothing
    said), or an exception to raise. Unscripted slots get no answer.
    `interrupt_at=stem` presses Ctrl-C when that slot's turn comes."""

    instructions = "Answer the scripted way."
    no_answer = "no answer: moving on"
    retry_hint = "Scripted: a retry is taken when the script has one."

    def __init__(self, script: dict[str, Line], *, interrupt_at: str | None = None,
                 log: list[tuple[str, str]] | None = None):
        self.script = dict(script)
        self.interrupt_at = interrupt_at
        self.transcribes = any(isinstance(v, Recording) for v in self.script.values())
        self.asked: list[str] = []  # slot stems, in the order they were listened to
        self.log = log if log is not None else []

    def prepare(self, slots: Sequence[Slot]) -> list:
        return []

    def can_answer(self, slot: Slot) -> bool:
        return True  # like a person: any question may be asked, and an unscripted one gets silence

    def wants_retry(self, slot: Slot) -> bool:
        return slot.stem in self.script

    def listen(self, slot: Slot, transcriber) -> Heard | None:
        self.asked.append(slot.stem)
        self.log.append(("answer", slot.stem))
        if slot.stem == self.interrupt_at:
            raise KeyboardInterrupt
        line = self.script.get(slot.stem)
        if isinstance(line, BaseException):
            raise line
        if isinstance(line, Recording):
            return Heard(transcriber.transcribe(line.samples), line)
        if isinstance(line, str) and line.strip():
            return Heard(Transcript.typed(line))
        return None


class TypedKeys(Keys):
    """The terminal, replaced: `press(line)` types a line (Enter included) that the session's
    next look at the keyboard finds."""

    def __init__(self) -> None:
        super().__init__(live=True)
        self._queue: list[str] = []

    def press(self, line: str = "") -> None:
        self._queue.append(line)

    def pressed(self) -> bool:
        if not self._queue:
            return False
        self._typed.append(self._queue.pop(0))
        return True


class SilentSpeaker:
    """The interviewer's (and customer's) voice, replaced: remembers each line, renders nothing.

    `enter_at` / `interrupt_at`: while saying a line that starts with this text, Enter is
    pressed on `keys` (the line is cut short) / Ctrl-C is pressed."""

    def __init__(self, log: list[tuple[str, str]] | None = None, *, keys: TypedKeys | None = None,
                 enter_at: str | None = None, interrupt_at: str | None = None):
        self.lines: list[tuple[str, str]] = []  # (role, text), as said
        self.prepared: list[tuple[str, str]] = []  # (role, text), as asked to render ahead
        self.cut: list[str] = []  # lines cut short by Enter
        self.log = log if log is not None else []
        self.keys, self.enter_at, self.interrupt_at = keys, enter_at, interrupt_at

    def prepare(self, text: str, save_as: Path, role: str = "interviewer") -> None:
        self.prepared.append((role, text))

    def say(self, text: str, save_as: Path, role: str = "interviewer",
            stop: Callable[[], bool] | None = None) -> Path | None:
        self.lines.append((role, text))
        self.log.append((role, text))
        if self.interrupt_at and text.startswith(self.interrupt_at):
            raise KeyboardInterrupt
        if self.enter_at and text.startswith(self.enter_at) and self.keys is not None:
            self.keys.press()
        if stop is not None and stop():
            self.cut.append(text)
        return None

    def settle(self) -> None:
        pass

    def said(self, role: str = "interviewer") -> list[str]:
        return [text for who, text in self.lines if who == role]


class RenderingSpeaker(SilentSpeaker):
    """The interviewer's real voice with no sound card: every line is rendered to its WAV in the
    session's folder by espeak-ng (the product's `VoiceSpeaker`, playback off), so a test can
    measure how long a line takes to say. `rendered` maps each WAV to the text it says."""

    def __init__(self, **kw):
        from simulator.voice import VoiceSpeaker

        super().__init__(**kw)
        self.voice = VoiceSpeaker(lambda text: None, playback=False)
        self.rendered: dict[Path, str] = {}

    def prepare(self, text: str, save_as: Path, role: str = "interviewer") -> None:
        super().prepare(text, save_as, role)
        self.voice.prepare(text, save_as, role)

    def say(self, text: str, save_as: Path, role: str = "interviewer",
            stop: Callable[[], bool] | None = None) -> Path | None:
        super().say(text, save_as, role, stop)
        self.rendered[save_as] = text
        return self.voice.say(text, save_as, role, stop)

    def settle(self) -> None:
        self.voice.settle()


@dataclass
class Outcome:
    """What a session left behind: the Session the notebook returned, and what was said."""

    session: Session
    speaker: SilentSpeaker
    screen: str  # what the candidate saw: the conversation and every notice, in order
    log: list[tuple[str, str]] = field(default_factory=list)  # speech and answers, in order

    @property
    def flat_screen(self) -> str:
        """The screen with its line wrapping undone."""
        return " ".join(self.screen.split())


def bundled_questions(home: Path) -> list[Question]:
    return [q for b in banks.resolve_banks([], home) for q in b.questions]


def run_practice(home: Path, source, *, transcriber=None, pool: Sequence[Question] | None = None,
                 speaker: SilentSpeaker | None = None, keys: Keys | None = None,
                 screen: io.StringIO | None = None, **options) -> Outcome:
    """One whole session in this process: the real Practice, scoring and notebook in `home`;
    `options` are PracticeOptions' (ask=, questions=, mode=, seed=, follow_ups=, retries=)."""
    log = source.log if isinstance(source, ScriptedAnswers) else []
    speaker = speaker or SilentSpeaker()
    speaker.log = log
    screen = screen or io.StringIO()
    with Notebook(home) as notebook:
        practice = Practice(questions=pool or bundled_questions(home), source=source,
                            speaker=speaker, transcriber=transcriber or CannedTranscriber(),
                            notebook=notebook, console=Console(out=screen, err=screen), home=home,
                            options=PracticeOptions(**options), keys=keys or speaker.keys)
        session = practice.run()
    return Outcome(session, speaker, screen.getvalue(), log)


class MicrophoneDevice:
    """The sound card, replaced: stands in for `sound.Capture` (monkeypatch it in), and each
    recording it opens plays the next of `clips` (16 kHz samples) block by block as fast as
    the microphone reads (`real_time`: as a sound card gives them), then silence.
    `press(decision)` is asked before each block, with the microphone's latest end-of-turn
    decision: True presses Ctrl-C there (up to `presses` times), a real SIGINT, so it goes
    through the process's handler as from a terminal; `enter(decision)` True presses Enter
    (once) on the microphone's keys, `enter_after` seconds later (from a timer, as a person
    would, whatever the microphone is doing then)."""

    def __init__(self, clips: Sequence[np.ndarray], press: Callable | None = None, presses: int = 1,
                 enter: Callable | None = None, enter_after: float = 0.0, real_time: bool = False):
        self.clips = list(clips)
        self.press, self.presses, self.real_time = press, presses, real_time
        self.enter, self.enter_after, self.enter_timer = enter, enter_after, None
        self.entered_at: float | None = None  # time.monotonic() when Enter was pressed
        self.reads: list[float] = []  # time.monotonic() of each read
        self.mic = None  # the Microphone reading it (for its decisions)
        self.pressed_at: list[float] = []  # the decision's time at each Ctrl-C
        self.opened = 0

    def __call__(self, device=None, blocksize: int = 1024) -> "MicrophoneDevice":
        self.blocksize = blocksize
        self.samples = self.clips.pop(0) if self.clips else np.zeros(0, np.float32)
        self.position = 0
        self.opened += 1
        return self

    def __enter__(self) -> "MicrophoneDevice":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def read(self, timeout: float | None = None) -> np.ndarray:
        if self.real_time:
            start = self.reads[0] if self.reads else time.monotonic()
            time.sleep(max(0.0, start + self.position / SAMPLE_RATE - time.monotonic()))
        self.reads.append(time.monotonic())
        decision = self.mic.turn.decision
        if self.enter is not None and self.enter_timer is None and self.enter(decision):
            self.enter_timer = threading.Timer(self.enter_after, self._press_enter)
            self.enter_timer.start()
        if self.press is not None and len(self.pressed_at) < self.presses and self.press(decision):
            self.pressed_at.append(decision.at)
            signal.raise_signal(signal.SIGINT)
        block = self.samples[self.position:self.position + self.blocksize]
        self.position += self.blocksize
        return np.concatenate([block, np.zeros(self.blocksize - len(block), np.float32)])


    def _press_enter(self) -> None:
        self.entered_at = time.monotonic()
        self.mic.keys.press()


def microphone(monkeypatch, device: MicrophoneDevice, **rules):
    """The real Microphone (end-of-turn rules, VAD, live transcription, Ctrl-C handling) on
    `device`, its meter on a StringIO (`mic.meter.stream`), its keys TypedKeys."""
    from simulator import sound
    from simulator.listen import Microphone, TurnRules
    from simulator.listen.microphone import Meter

    monkeypatch.setattr(sound, "require_input", lambda device=None: None)
    monkeypatch.setattr(sound, "Capture", device)
    device.mic = Microphone(TurnRules(**rules), meter=Meter(io.StringIO()), keys=TypedKeys())
    return device.mic


class SentenceTranscriber:
    """The speech model, replaced for live transcription: every stretch of audio it is given
    reads as one sentence of `text` (so the answer ends on a finished thought), its words
    spread over the stretch. `on_call(n)` runs before the n-th stretch (1-based) is done."""

    name = "sentences"

    def __init__(self, text: str = "I stay calm and listen to the customer.",
                 on_call: Callable[[int], None] | None = None):
        self.text, self.on_call, self.calls = text, on_call, 0

    def load(self) -> None:
        pass

    def transcribe(self, samples: np.ndarray, on_progress=None) -> Transcript:
        self.calls += 1
        if self.on_call is not None:
            self.on_call(self.calls)
        duration = len(samples) / SAMPLE_RATE
        tokens = self.text.split()
        step = duration / max(1, len(tokens))
        words = tuple(Word(w, round(i * step, 3), round((i + 0.8) * step, 3))
                      for i, w in enumerate(tokens))
        return Transcript(text=self.text, words=words, duration=duration, engine=self.name)
