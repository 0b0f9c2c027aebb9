"""One practice session: ask, listen, transcribe, score, save, and close with feedback.

Every answer is saved the moment it is scored. Ctrl-C (or the end of typed input, or a
microphone or engine that stops working) stops the questions, and the interviewer still
gives feedback on what was answered. Ctrl-C keeps the answer being given too: typed lines
not yet sent, or what the microphone heard (Ctrl-C waits while it is transcribed and saved;
a second one drops it). An answer that cannot be used (an unreadable file, a transcription
that fails) skips that question with a one-line notice; recorded answers are checked up front.

The interviewer gets to the point: a short opening, each next line rendered while the current
one is spoken or the candidate answers, and Enter skips any spoken line. The feedback is saved
before it is spoken, and only its heart is spoken (the rest is printed): Enter or Ctrl-C
skips the speech and loses nothing. In coach mode, after a tip, the candidate may try the
question once more; the retry is saved beside the first try and compared with it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from . import coach, interviewer
from .coach import retry
from .assess import Preparing, prepare, score_answer
from .audio import load, write_wav
from .console import CTRL_C, Console, Keys, NoKeys
from .errors import AudioFileError, StoppedEarly, UserError
from .home import audio_dir, review_command
from .listen import AnswerSource, Heard, InterruptedAnswer, Slot, Unusable
from .listen.source import NO_USABLE_ANSWER, answer_limit, planned_slots, unusable_notice
from .notebook import Notebook
from .notebook.history import discard_session, recover_unfinished, times_given, update_tip_progress
from .transcribe import Transcriber
from .types import SAMPLE_RATE, Answer, EndReason, Question, Session, Tip
from .voice import Speaker

log = logging.getLogger(__name__)

WARM_UP_SECONDS = 3.0  # of the opening's audio, transcribed once before the first answer


@dataclass(frozen=True)
class PracticeOptions:
    questions: int = 5  # how many questions when --ask is not given
    ask: tuple[str, ...] = ()  # exact question ids, in order (--ask)
    mode: str = "interview"  # interview: feedback at the end; coach: a short tip after each answer
    seed: int | None = None  # reproduces the choice of questions
    follow_ups: bool = True  # probe once when an answer is thin
    retries: bool = True  # coach mode: offer a second try after a tip


class Practice:
    def __init__(self, *, questions: Sequence[Question], source: AnswerSource, speaker: Speaker,
                 transcriber: Transcriber, notebook: Notebook, console: Console, home: Path,
                 options: PracticeOptions = PracticeOptions(), bank_names: Sequence[str] = (),
                 keys: Keys | None = None):
        self.pool = list(questions)
        self.source = source
        self.speaker = speaker
        self.transcriber = transcriber
        self.notebook = notebook
        self.console = console
        self.home = home
        self.options = options
        self.bank_names = list(bank_names)
        self.keys = keys or NoKeys()  # Enter skips a spoken line
        self.answers: list[Answer] = []
        self.unusable: dict[str, Unusable] = {}  # by slot stem: known before the session
        self._upcoming: tuple[str, str] | None = None  # (line, name) said after the next answer
        self._skipped = False  # the latest spoken line was cut short with Enter
        self._opened = threading.Event()  # the opening has been said
        self._interrupted: str | None = None  # Ctrl-C with an answer in hand: "typed", "said"...
        self._dropped = False  # a second Ctrl-C dropped the answer in hand
        self.failure: UserError | None = None  # what stopped the session early (exit status 2)

    # --- the whole session -----------------------------------------------------------------

    def run(self) -> Session:
        recover_unfinished(self.notebook, self.console.notice, audio_dir(self.home))
        focus, last_time = self.notebook.focus()
        plan = interviewer.choose_questions(
            self.pool, self.options.questions, seed=self.options.seed, ask=self.options.ask,
            history=self.notebook.question_history(), recent=self.notebook.recent_question_ids(),
            focus=focus,
        )
        self.plan = plan
        slots = planned_slots([p.question for p in plan], self.options.follow_ups, self._retries)
        self.unusable = {u.slot.stem: u for u in self.source.prepare(slots)}
        if self.unusable and all(s.stem in self.unusable for s in slots if not s.optional):
            # Not one answer could be heard: no session to hold, and a clear reason (exit 2).
            raise UserError(unusable_notice(list(self.unusable.values()), NO_USABLE_ANSWER))
        self.session_id = self.notebook.start_session(
            mode=self.options.mode, seed=self.options.seed, banks=self.bank_names, focus=focus)
        self.audio = audio_dir(self.home) / self.session_id
        roleplay = any(p.question.is_roleplay for p in plan)
        # The first question is rendered while the opening is spoken, and the model loads
        # meanwhile (typed answers need no model).
        opening = interviewer.opening(focus, len(plan), roleplay, last_time)
        self._prepare(opening, "opening")
        self._prepare(interviewer.ask_line(plan[0], 1, len(plan)), plan[0].question.id)
        self._first_question = plan[0].question
        warm_up = threading.Thread(target=self._warm_up, daemon=True)
        if self.source.transcribes:
            warm_up.start()
        try:
            try:
                if self.unusable:
                    self.console.notice(unusable_notice(list(self.unusable.values())))
                if focus:
                    self.console.notice(interviewer.recap_details(focus, times_given(self.notebook), last_time))
                self.console.notice(" ".join(filter(None, [
                    interviewer.plan_line(len(plan), roleplay), self.source.instructions,
                    "Enter skips what the interviewer is saying." if self.keys.live else ""])))
                self._say(opening, "opening")
                self._opened.set()
                for number, planned in enumerate(plan, 1):
                    following = plan[number] if number < len(plan) else None
                    self._upcoming = ((interviewer.ask_line(following, number + 1, len(plan)),
                                       following.question.id) if following
                                      else (interviewer.closing_intro(), "closing"))
                    self._ask(planned, number, len(plan))
            except (KeyboardInterrupt, EOFError) as stop:
                self.console.notice("\n" + (f"{self.failure}\n" if self.failure else "") +
                                    interviewer.stop_notice(bool(self.answers), self._interrupted, self._dropped))
                if not self.answers:
                    self.speaker.settle()  # the next line, rendered ahead, lands before its folder goes
                    ended = discard_session(self.notebook, self.session_id, self.audio)
                    if isinstance(stop, KeyboardInterrupt) and not self.failure:
                        raise StoppedEarly from None
                    return ended
            except UserError as exc:  # a microphone gone, an engine unusable: no further answer
                self.failure = exc
                self.console.notice(f"\n{exc}\n{interviewer.stop_notice(True)}")
            except BrokenPipeError:
                # Nobody reads the output any more (`practice ... | head -1`): the session is
                # closed with its feedback saved, as a Ctrl-C would, with nothing more shown.
                self._save_feedback(focus)
                raise
            return self._close(focus)
        finally:
            self._opened.set()
            if warm_up.is_alive():
                # A model still loading in native code must not be torn down at exit (abort).
                warm_up.join()

    def _warm_up(self) -> None:
        """Load the speech model while the opening is spoken, then run it once on the opening's
        own first seconds: an engine's first call costs seconds more than the next ones, and
        the candidate's first answer should not pay for it."""
        try:
            self.transcriber.load()
            opening = self._prompt_path("opening")
            while not opening.exists() and not self._opened.wait(0.05):
                pass
            if opening.exists():
                self.transcriber.transcribe(load(opening)[:int(WARM_UP_SECONDS * SAMPLE_RATE)])
            # Then the meaning model and the first question's key points, before the first answer.
            prepare(self._first_question, "", None, self.home).result()
        except Exception:
            pass  # the first real use loads again and reports the problem properly

    @property
    def _retries(self) -> bool:
        return self.options.mode == "coach" and self.options.retries

    # --- one question ----------------------------------------------------------------------

    def _ask(self, planned: interviewer.PlannedQuestion, number: int, total: int) -> None:
        q = planned.question
        typed_early = self.keys.drop()
        if typed_early:
            self.console.notice("(Not used as an answer, typed before the question was shown: "
                                f"{' / '.join(typed_early)})")
        prompt = self._say(interviewer.ask_line(planned, number, total), q.id)
        if q.is_roleplay:
            for turn, line in enumerate(q.turns, 1):
                slot = Slot(q.id, turn=turn, max_seconds=answer_limit(q))
                prompt = self._say(line.line, slot.stem, who="Customer")
                if turn < len(q.turns):
                    self._prepare(q.turns[turn].line, Slot(q.id, turn=turn + 1).stem, "Customer")
                with self._answering():
                    reply = self._listen(slot, q)
                    if reply is not None:
                        _, answer = self._save(q, reply, slot, prompt, turn=turn)
                if reply is not None and self.options.mode == "coach":
                    self._tip(answer, slot)
            return
        slot = Slot(q.id, max_seconds=answer_limit(q))
        with self._answering():
            reply = self._listen(slot, q)
            if reply is not None:
                row, answer = self._save(q, reply, slot, prompt)
        if reply is None:
            return
        probe = interviewer.follow_up_line(q, answer.score) if self.options.follow_ups else None
        follow_slot = Slot(q.id, follow_up=True, max_seconds=answer_limit(q))
        if probe and self.source.can_answer(follow_slot):
            self._say(probe, follow_slot.stem)
            with self._answering():
                second = self._listen(follow_slot, q)
                if second is not None:
                    row, answer = self._save(q, reply.then(second), slot, prompt, follow_up=probe,
                                             replace=row, first=reply)
        if self.options.mode == "coach":
            tip = self._tip(answer, slot)
            if tip is not None and self._retries:
                self._retry(row, answer, tip)

    def _tip(self, answer: Answer, slot: Slot) -> Tip | None:
        """Coach mode: one short tip on the answer just given, or (nothing to fix) praise."""
        tip = coach.answer_tip(answer.question, answer.score)
        if tip is None:
            self._say(coach.praise(answer.score, answer.question, answer.turn), f"{slot.stem}.tip")
            return None
        self.console.say(tip.text, who="Interviewer")  # whole on screen (and in the notebook)...
        self._say(interviewer.spoken_tip(tip.text), f"{slot.stem}.tip", show=False)  # ...said short
        return tip

    def _retry(self, row: int, first: Answer, tip: Tip) -> None:
        """Coach mode: one more try of the same question, scored, saved beside the first try,
        and compared with it in the interviewer's words."""
        q = first.question
        slot = Slot(q.id, retry=True, max_seconds=answer_limit(q))
        self.keys.drop()  # typed during the tip: not an answer to the offer
        self._say(interviewer.retry_offer(), f"{slot.stem}-offer")
        if self.source.retry_hint:
            self.console.notice(self.source.retry_hint)
        if not self.source.wants_retry(slot):
            self.console.notice("(moving on)")
            return
        with self._answering():
            heard = self._listen(slot, q)
            if heard is None:
                return
            audio = write_wav(self.audio / f"{slot.stem}.wav", heard.recording.samples) if heard.recording is not None else None
            score = score_answer(q, heard.transcript, heard.recording, home=self.home)
            comparison = retry.compare(first.score, score, focus=tip.area)
            self.notebook.save_retry(row, retry.Retry(score, comparison, audio))
            self._stop_if_interrupted()
        self.console.say(retry.remark(comparison), who="Interviewer")  # the quote on screen...
        self._say(retry.remark(comparison, spoken=True), f"{slot.stem}-remark", show=False)  # ...not said

    def _listen(self, slot: Slot, q: Question) -> Heard | None:
        """One answer, or None with a one-line notice saying why there is nothing to score."""
        skipped = ("follow-up skipped" if slot.follow_up else "retry skipped" if slot.retry
                   else "reply skipped" if slot.turn else "skipped")
        known = self.unusable.get(slot.stem)
        if known is not None:
            where = f"{known.path.name}: " if known.path is not None else ""
            self.console.notice(f"({skipped}: {where}{known.reason})")
            return None
        if self._upcoming is not None:  # rendered while the candidate answers
            self._prepare(*self._upcoming)
        # Spoken answers: each stretch transcribed is embedded for scoring at once.
        transcriber = (Preparing(self.transcriber, q, slot.turn, self.home) if self.source.transcribes
                       else self.transcriber)
        try:
            heard = self.source.listen(slot, transcriber)
        except InterruptedAnswer as stop:  # saved like any answer, then we stop
            heard, self.failure, self._interrupted = stop.heard, stop.error, (  # error: the mic died
                "typed" if stop.heard.recording is None else
                "said" if stop.heard.recording.ended_by is EndReason.INTERRUPTED else "finished")
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
        if heard is not None and not heard.transcript.text.strip():
            if self._interrupted:  # Ctrl-C, and nothing in what was heard: just stop
                self._interrupted = None
                raise KeyboardInterrupt
            # A silent recording, a lone "." typed: nothing said, so nothing to score or keep
            if heard.recording is not None and not slot.follow_up:
                self.console.notice(f"({skipped}: no speech heard in the recording)")
                return None
            heard = None
        if heard is None and not slot.follow_up:
            self.console.notice("(moving on)" if slot.retry else
                                "(no reply: moving on)" if slot.turn else f"({self.source.no_answer})")
        return heard

    def _save(self, q: Question, reply: Heard, slot: Slot, prompt: Path | None, *,
              turn: int | None = None, follow_up: str | None = None,
              replace: int | None = None, first: Heard | None = None) -> tuple[int, Answer]:
        audio = write_wav(self.audio / f"{slot.stem}.wav", reply.recording.samples) if reply.recording is not None else None
        score = score_answer(q, reply.transcript, reply.recording, turn=turn, home=self.home,
                             before_follow_up=first.transcript if first else None)
        answer = Answer(question=q, score=score, turn=turn, follow_up=follow_up, audio=audio,
                        prompt_audio=prompt)
        if replace is None:
            row = self.notebook.save_answer(self.session_id, answer)
            self.answers.append(answer)
        else:
            row = self.notebook.replace_answer(replace, answer)
            self.answers[-1] = answer
        self._stop_if_interrupted()
        return row, answer

    def _stop_if_interrupted(self) -> None:
        """After saving an answer: when Ctrl-C came while it was given or saved, the questions
        stop here, as for any Ctrl-C."""
        if CTRL_C.take():  # held while the answer was scored and saved
            self._interrupted = self._interrupted or "finished"
        if self._interrupted:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def _answering(self) -> Iterator[None]:
        """One answer, from listening to saved. Once the microphone records, Ctrl-C waits
        (`CTRL_C`): the answer in hand is finished and saved (`_stop_if_interrupted` then
        stops), and a second Ctrl-C drops it."""
        with CTRL_C.scope():
            try:
                yield
            except KeyboardInterrupt:
                self._dropped = CTRL_C.pressed  # noted, not acted on: the answer was not saved
                raise

    # --- closing ---------------------------------------------------------------------------

    def _close(self, focus: list[Tip]) -> Session:
        """Feedback: saved first, then printed whole, then its heart spoken (skippable)."""
        if not self.answers:  # nothing to look back on: the session is not kept
            line = "We didn't get any answers recorded today. Whenever you're ready, let's try again."
            self.console.say(line, who="Interviewer")
            self._speak_closing([("closing", line)])
            return discard_session(self.notebook, self.session_id, self.audio)
        feedback, verdict, strength, tips = self._save_feedback(focus)
        review = review_command(self.session_id, self.home)
        try:
            self.console.say(interviewer.closing_intro(), who="Interviewer")
            self.console.line(interviewer.feedback_text(verdict, strength, tips, feedback.progress, review))
        except KeyboardInterrupt:  # a second Ctrl-C: the feedback is saved, say where it is
            self.console.notice(f"\n(stopped: your feedback is saved; see it with: {review})")
            return self.notebook.session(self.session_id)
        self._speak_closing(interviewer.spoken_feedback(verdict, strength, tips))
        return self.notebook.session(self.session_id)

    def _save_feedback(self, focus: list[Tip]):
        """The session's feedback, saved in the notebook: returned with the verdict, strength and
        tips as said (honest about how much of the interview was answered)."""
        if not self.answers:
            discard_session(self.notebook, self.session_id, self.audio)
            return None, "", "", []
        feedback = coach.session_feedback(self.answers, focus, retry.by_answer(self.notebook.retries(self.session_id)))
        answered = len({a.question.id for a in self.answers})
        verdict = interviewer.honest_verdict(feedback.verdict, self.answers, self.plan)
        strength = interviewer.honest_strength(feedback.strength, answered, len(self.plan))
        tips = list(feedback.tips)
        self.notebook.finish_session(self.session_id, verdict, tips, strength=strength, tracked=feedback.tracked,
                                     progress=feedback.progress)
        update_tip_progress(self.notebook, self.session_id)
        return feedback, verdict, strength, tips

    def _speak_closing(self, lines: list[tuple[str, str]]) -> None:
        """Say the closing lines; Enter or Ctrl-C skips the rest (everything is saved already)."""
        for name, text in lines:
            self._prepare(text, name)
        try:
            for name, text in lines:
                self._say(text, name, show=False)  # shown already
                if self._skipped:
                    self.console.notice("(skipped: your feedback is above and in your notebook)")
                    return
        except KeyboardInterrupt:
            self.console.notice("\n(stopped: your feedback is above and in your notebook)")

    # --- the interviewer's voice -----------------------------------------------------------

    def _prompt_path(self, name: str) -> Path:
        return self.audio / f"prompt-{name}.wav"

    def _prepare(self, text: str, name: str, who: str = "Interviewer") -> None:
        self.speaker.prepare(text, self._prompt_path(name), role=who.lower())

    def _say(self, text: str, name: str, who: str = "Interviewer", show: bool = True) -> Path | None:
        """Show and speak one line; Enter cuts it short (then `_skipped` is True)."""
        if show:
            self.console.say(text, who=who)
        self._skipped = False

        def stop() -> bool:
            self._skipped = self._skipped or self.keys.pressed()
            return self._skipped

        return self.speaker.say(text, self._prompt_path(name), role=who.lower(), stop=stop)
