"""`mock-interview demo`: a whole spoken session where a synthetic candidate answers.

The candidate's answers are bundled sample answers (some strong, some weak) spoken by
pyttsx3 in another voice; they go through the real transcription engine and scoring,
exactly like a microphone answer. The session is saved in the demo's own data folder
(`<home>/demo/`), never in the user's notebook: it must not count in their progress, their
focus for next time or their tips.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import banks
from .audio import load
from .coach.retry import Retry
from .console import Console
from .home import writable_home
from .listen import Heard, RecordedAnswers, Slot
from .notebook import Notebook
from .notebook.history import discard_session
from .session import Practice, PracticeOptions
from .transcribe import make_transcriber
from .types import Question, Recording, Session
from .voice import Renderer, VoiceSettings, VoiceSpeaker, play

SAMPLES = Path(__file__).with_name("demo_answers.yaml")
FOLDER = "demo"  # inside the data folder: the demo's own notebook and recordings
CANDIDATE = VoiceSettings(rate=135, variant="+m3")  # a third voice; espeak at 135 measures about 135 words a minute


@dataclass(frozen=True)
class SampleAnswer:
    quality: str  # strong | weak | mixed: what the sample was written to show
    answer: str = ""
    follow_up: str = ""
    turns: tuple[str, ...] = ()


def load_samples() -> dict[str, SampleAnswer]:
    data = yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))
    return {qid: SampleAnswer(quality=d["quality"], answer=d.get("answer", ""),
                              follow_up=d.get("follow_up", ""), turns=tuple(d.get("turns", ())))
            for qid, d in data.items()}


class SyntheticCandidate(RecordedAnswers):
    """An answer source that speaks a sample answer for each slot, like a person at a microphone."""

    def __init__(self, samples: dict[str, SampleAnswer], folder: Path, console: Console,
                 playback: bool):
        self.samples = samples
        self.folder = folder
        self.console = console
        self.playback = playback
        self.renderer = Renderer(CANDIDATE)

    def text_for(self, slot: Slot) -> str:
        sample = self.samples.get(slot.question_id)
        if sample is None:
            return ""
        if slot.follow_up:
            return sample.follow_up
        if slot.turn:
            return sample.turns[slot.turn - 1] if slot.turn <= len(sample.turns) else ""
        return sample.answer

    def listen(self, slot: Slot, transcriber) -> Heard | None:
        """The answer spoken, then shown as the engine heard it (what is scored), not the script."""
        heard = super().listen(slot, transcriber)
        if heard is not None:
            self.console.say(heard.transcript.text or "(nothing the engine could make out)",
                             who="Candidate (as transcribed)")
        return heard

    def recording(self, slot: Slot) -> Recording | None:
        text = self.text_for(slot).strip()
        if not text:
            return None
        path = self.renderer.render(text, self.folder / f"{slot.stem}.wav")
        if self.playback:
            play(path)
        # A real candidate takes a breath before answering; 0.6 s is typical of the samples.
        return Recording(samples=load(path), path=path, time_to_start=0.6, ended_by="silence")


def pick_questions(samples: dict[str, SampleAnswer], pool: list[Question], n: int,
                   seed: int | None) -> list[str]:
    """N questions with sample answers: a mix of strong and weak, with one role-play call."""
    rng = random.Random(seed)
    have = [q for q in pool if q.id in samples]
    calls = [q for q in have if q.is_roleplay]
    others = [q for q in have if not q.is_roleplay]
    rng.shuffle(others)
    strong = [q for q in others if samples[q.id].quality == "strong"]
    weak = [q for q in others if samples[q.id].quality != "strong"]
    chosen: list[Question] = []
    while len(chosen) < max(n - (1 if calls else 0), 1) and (strong or weak):
        source = strong if (len(chosen) % 2 == 0 and strong) or not weak else weak
        chosen.append(source.pop())
    if calls and n > 1:
        chosen.append(rng.choice(calls))
    return [q.id for q in chosen[:n]]


def demo_home(home: Path) -> Path:
    """The demo's own data folder, inside the user's."""
    return home / FOLDER


@dataclass(frozen=True)
class DemoRun:
    """A finished demo session and its second tries (coach mode), read from the demo's notebook
    while the demo has it open: what `demo --json` prints, with nothing to open again."""

    session: Session
    retries: tuple[tuple[int, Retry], ...] = ()


def run(home: Path, *, questions: int = 4, seed: int | None = None, engine: str = "faster-whisper",
        model: str | None = None, mode: str = "interview", json_mode: bool = False) -> DemoRun:
    """Run the demo in `demo_home(home)`; KeyboardInterrupt when stopped before any answer."""
    console = Console(json_mode=json_mode)
    folder = writable_home(demo_home(home), "--home")
    samples = load_samples()
    chosen_banks = banks.bundled_banks()  # the sample answers are written for these
    pool = [q for b in chosen_banks for q in b.questions]
    ask = pick_questions(samples, pool, questions, seed)
    if len(ask) < questions:
        console.notice(f"--questions {questions}: the demo has sample answers for {len(ask)} "
                       f"questions; asking all {len(ask)}.")
    speaker = VoiceSpeaker(console.notice)
    console.notice("Demo: a synthetic candidate will answer. Their answers are spoken, "
                   "transcribed by Whisper and scored, just like yours would be. "
                   f"The demo keeps its own notebook in {folder}, apart from yours.")
    transcriber = make_transcriber(engine, model, home)
    # Loaded before the interviewer speaks, not beside it: a Ctrl-C while the opening is being
    # spoken otherwise leaves the background load waiting forever on Python's import lock.
    transcriber.load()
    with tempfile.TemporaryDirectory(prefix="mock-interview-demo-") as tmp, Notebook(folder) as notebook:
        candidate = SyntheticCandidate(samples, Path(tmp), console, playback=speaker.playback)
        practice = Practice(
            questions=pool, source=candidate, speaker=speaker,
            transcriber=transcriber, notebook=notebook, console=console,
            home=folder, options=PracticeOptions(ask=tuple(ask), mode=mode, seed=seed),
            bank_names=[b.name for b in chosen_banks])
        try:
            session = practice.run()
        finally:
            # Stopped before the first answer: nothing worth keeping, so no empty session.
            drop_empty_sessions(notebook, folder, getattr(practice, "session_id", None))
        if not session.answers:  # stopped before its first answer (the session dropped itself)
            raise KeyboardInterrupt
        retries = tuple(notebook.retries(session.id))
    # The feedback's last line already says how to see it again (with --home): not said twice.
    console.notice(f"\nSaved in the demo's own notebook in {folder}, apart from yours. Add --html "
                   "report.html to the command above for a report.")
    return DemoRun(session, retries)


def drop_empty_sessions(notebook: Notebook, folder: Path, own: str | None) -> None:
    """Delete the demo's sessions that hold no answer, with their audio: this run's own (after a
    crash; a stopped one drops itself), and others unless another demo is still running them."""
    dead = set(notebook.unfinished_sessions())  # 'running', but their process is gone
    for summary in notebook.sessions():
        if summary.answers == 0 and (summary.id == own or summary.status != "running"
                                     or summary.id in dead):
            discard_session(notebook, summary.id, folder / "audio" / summary.id)
