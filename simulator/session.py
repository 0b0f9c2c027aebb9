"""One practice session: ask, listen, transcribe, score, save, and close with feedback.

Every answer is saved the moment it is scored. Ctrl-C (or the end of typed input, or a
microphone or engine that stops working) stops the questions, and the interviewer still
gives feedback on what was answered. An answer that cannot be used (an unreadable file, a
transcription that fails) skips that question with a one-line notice; recorded answers are
checked up front.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from . import coach, interviewer
from .assess import score_answer
from .audio import write_wav
from .console import Console
from .errors import AudioFileError, UserError
from .home import audio_dir
from .listen import AnswerSource, Heard, Slot, Unusable
from .notebook import Notebook
from .notebook.history import update_tip_progress
from .transcribe import Transcriber
from .types import Answer, Question, Recording, Session, Tip, Transcript
from .voice import Speaker

log = logging.getLogger(__name__)

FOLLOW_UP_GAP = 1.0  # seconds of silence between an answer and its follow-up in the saved audio


@dataclass(frozen=True)
class PracticeOptions:
    questions: int = 5  # how many questions when --ask is not given
    ask: tuple[str, ...] = ()  # exact question ids, in order (--ask)
    mode: str = "interview"  # interview: feedback at the end; coach: a short tip after each answer
    seed: int | None = None  # reproduces the choice of questions
    follow_ups: bool = True  # probe once when an answer is thin


class Practice:
    def __init__(self, *, questions: Sequence[Question], source: AnswerSource, speaker: Speaker,
                 transcriber: Transcriber, notebook: Notebook, console: Console, home: Path,
                 options: PracticeOptions = PracticeOptions(), bank_names: Sequence[str] = ()):
        self.pool = list(questions)
        self.source = source
        self.speaker = speaker
        self.transcriber = transcriber
        self.notebook = notebook
        self.console = console
        self.home = home
        self.options = options
        self.bank_names = list(bank_names)
        self.answers: list[Answer] = []
        self.unusable: dict[str, Unusable] = {}  # by slot stem: known before the session

    # --- the whole session -----------------------------------------------------------------

    def run(self) -> Session:
        recover_unfinished(self.notebook, self.console)
        focus = [tip for _, tip in self.notebook.open_tips()]
        plan = interviewer.choose_questions(
            self.pool, self.options.questions, seed=self.options.seed, ask=self.options.ask,
            history=self.notebook.question_history(), recent=self.notebook.recent_question_ids(),
            focus=focus,
        )
        self.unusable = {u.slot.stem: u for u in
                         self.source.prepare(planned_slots(plan, self.options.follow_ups))}
        self.session_id = self.notebook.start_session(
            mode=self.options.mode, seed=self.options.seed, banks=self.bank_names, focus=focus)
        self.audio = audio_dir(self.home) / self.session_id
        # The model loads while the interviewer speaks the opening and the first question
        # (typed answers need no model).
        warm_up = threading.Thread(target=self._warm_up, daemon=True)
        if self.source.transcribes:
            warm_up.start()
        try:
            try:
                if self.unusable:
                    self.console.notice(unusable_notice(list(self.unusable.values())))
                self._say(interviewer.opening(focus, len(plan),
                                              any(p.question.is_roleplay for p in plan)), "opening")
                for number, planned in enumerate(plan, 1):
                    self._ask(planned, number, len(plan))
            except (KeyboardInterrupt, EOFError):
                self.console.notice("\nStopping here. Your finished answers are saved; "
                                    "here is my feedback on them.")
            except UserError as exc:  # a microphone gone, an engine unusable: no further answer
                self.console.notice(f"\n{exc}\nStopping here. Your finished answers are saved; "
                                    "here is my feedback on them.")
            return self._close(focus)
        finally:
            if warm_up.is_alive():
                # A model still loading in native code must not be torn down at exit (abort).
                warm_up.join()

    def _warm_up(self) -> None:
        try:
            self.transcriber.load()
        except Exception:
            pass  # the first real use loads again and reports the problem properly

    # --- one question ----------------------------------------------------------------------

    def _ask(self, planned: interviewer.PlannedQuestion, number: int, total: int) -> None:
        q = planned.question
        prompt = self._say(interviewer.ask_line(planned, number, total), q.id)
        if q.is_roleplay:
            for turn, line in enumerate(q.turns, 1):
                slot = Slot(q.id, turn=turn, max_seconds=_limit(q))
                prompt = self._say(line.line, slot.stem, who="Customer")
                reply = self._listen(slot)
                if reply is not None:
                    self._save(q, reply, slot, prompt, turn=turn)
            return
        slot = Slot(q.id, max_seconds=_limit(q))
        reply = self._listen(slot)
        if reply is None:
            return
        row, answer = self._save(q, reply, slot, prompt)
        probe = interviewer.follow_up_line(q, answer.score) if self.options.follow_ups else None
        if probe:
            follow_slot = Slot(q.id, follow_up=True, max_seconds=_limit(q))
            self._say(probe, follow_slot.stem)
            second = self._listen(follow_slot)
            if second is not None:
                self._save(q, _join(reply, second), slot, prompt, follow_up=probe, replace=row)

    def _listen(self, slot: Slot) -> Heard | None:
        """One answer, or None with a one-line notice saying why there is nothing to score."""
        skipped = "follow-up skipped" if slot.follow_up else "reply skipped" if slot.turn else "skipped"
        known = self.unusable.get(slot.stem)
        if known is not None:
            where = f"{known.path.name}: " if known.path is not None else ""
            self.console.notice(f"({skipped}: {where}{known.reason})")
            return None
        try:
            heard = self.source.listen(slot, self.transcriber)
        except AudioFileError as exc:
            self.console.notice(f"({skipped}: {exc})")
            return None
        except (UserError, EOFError):
            raise
        except Exception as exc:  # the engine failed on this one recording: the session goes on
            log.exception("could not transcribe the answer %s", slot.stem)
            self.console.notice(f"({skipped}: this answer could not be transcribed "
                                f"({exc.__class__.__name__}: {exc}))")
            return None
        if heard is None and not slot.follow_up:
            self.console.notice("(no reply: moving on)" if slot.turn else "(skipped)")
        return heard

    def _save(self, q: Question, reply: Heard, slot: Slot, prompt: Path | None, *,
              turn: int | None = None, follow_up: str | None = None,
              replace: int | None = None) -> tuple[int, Answer]:
        audio = None
        if reply.recording is not None:
            audio = write_wav(self.audio / f"{slot.stem}.wav", reply.recording.samples)
        score = score_answer(q, reply.transcript, reply.recording, turn=turn)
        answer = Answer(question=q, score=score, turn=turn, follow_up=follow_up, audio=audio,
                        prompt_audio=prompt)
        if replace is None:
            row = self.notebook.save_answer(self.session_id, answer)
            self.answers.append(answer)
        else:
            row = self.notebook.replace_answer(replace, answer)
            self.answers[-1] = answer
        if self.options.mode == "coach":
            tip = coach.answer_tip(q, score)
            # Nothing worth fixing: say what worked, as a coach would.
            self._say(tip.text if tip else coach.praise(score, q, turn), f"{slot.stem}.tip")
        return row, answer

    # --- closing ---------------------------------------------------------------------------

    def _close(self, focus: list[Tip]) -> Session:
        if not self.answers:
            self._say("We didn't get any answers recorded today. Whenever you're ready, let's try again.",
                      "closing")
            self.notebook.finish_session(self.session_id, "No answers recorded.", [])
            return self.notebook.session(self.session_id)
        feedback = coach.session_feedback(self.answers, focus)
        self._say(interviewer.closing_intro(), "closing")
        for remark in feedback.progress:
            self._say(remark, "progress")
        if feedback.strength:
            self._say(feedback.strength, "strength")
        self._say(feedback.verdict, "verdict")
        for i, tip in enumerate(feedback.tips, 1):
            self._say(tip.text, f"tip-{i}")
        self.notebook.finish_session(self.session_id, feedback.verdict, list(feedback.tips),
                                     strength=feedback.strength)
        update_tip_progress(self.notebook, self.session_id)
        self._say(interviewer.goodbye(), "goodbye")
        return self.notebook.session(self.session_id)

    def _say(self, text: str, name: str, who: str = "Interviewer") -> Path | None:
        self.console.say(text, who=who)
        return self.speaker.say(text, self.audio / f"prompt-{name}.wav", role=who.lower())


def _limit(q: Question) -> float | None:
    # Cut off at twice the ideal maximum: long enough never to interrupt a good answer.
    return q.answer_seconds[1] * 2 if q.answer_seconds else None


def planned_slots(plan: Sequence[interviewer.PlannedQuestion], follow_ups: bool) -> list[Slot]:
    """Every answer the planned questions may ask for (follow-ups too: any may be asked)."""
    slots = []
    for planned in plan:
        q = planned.question
        if q.is_roleplay:
            slots += [Slot(q.id, turn=n, max_seconds=_limit(q)) for n in range(1, len(q.turns) + 1)]
        else:
            slots.append(Slot(q.id, max_seconds=_limit(q)))
            if follow_ups:
                slots.append(Slot(q.id, follow_up=True, max_seconds=_limit(q)))
    return slots


def unusable_notice(problems: Sequence[Unusable]) -> str:
    """One notice, before the questions, naming every answer that will be skipped and why."""
    lines = ["Some recorded answers can't be used, so their questions will be skipped:"]
    for u in problems:
        lines.append(f"  {u.path if u.path is not None else u.slot.stem}: {u.reason}")
    return "\n".join(lines)


def _join(first: Heard, second: Heard) -> Heard:
    """An answer and its follow-up, as one transcript (and one recording, times lined up)."""
    if first.recording is None or second.recording is None:
        return Heard(Transcript.typed(f"{first.transcript.text} {second.transcript.text}"))
    gap = np.zeros(int(FOLLOW_UP_GAP * 16_000), np.float32)
    samples = np.concatenate([first.recording.samples, gap, second.recording.samples])
    recording = Recording(samples=samples, time_to_start=first.recording.time_to_start,
                          ended_by=second.recording.ended_by)
    return Heard(first.transcript.then(second.transcript, gap=FOLLOW_UP_GAP), recording)


# --- the notebook across sessions ----------------------------------------------------------


def recover_unfinished(notebook: Notebook, console: Console) -> list[str]:
    """Close sessions a crash left open, giving feedback on the answers they saved."""
    recovered = []
    for session_id in notebook.unfinished_sessions():
        answers = list(notebook.answers(session_id))
        if answers:
            feedback = coach.session_feedback(answers, ())
            notebook.finish_session(session_id, feedback.verdict, list(feedback.tips),
                                    strength=feedback.strength, status="interrupted")
        else:
            notebook.finish_session(session_id, "No answers recorded.", [], status="interrupted")
        console.notice(f"An earlier session ({session_id}) ended unexpectedly with {len(answers)} "
                       f"answer(s) saved. Review it with: mock-interview review {session_id}")
        recovered.append(session_id)
    return recovered
