"""Answers from the microphone (real PortAudio on an ALSA file device), files and the keyboard."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from simulator import audio
from simulator.errors import UserError
from simulator.listen import FileAnswers, KeyboardAnswers, Slot
from simulator.listen.vad import SpeechDetector

from conftest import ROOT


def test_vad_tells_speech_from_silence_and_noise(speak):
    speech = audio.load(speak("I always try to stay calm with upset customers."))
    detector = SpeechDetector()
    speech_probs = detector.feed(speech)
    detector.reset()
    silence_probs = detector.feed(np.zeros(16_000 * 2, np.float32))
    detector.reset()
    rng = np.random.default_rng(0)
    noise_probs = detector.feed((rng.standard_normal(16_000 * 2) * 0.05).astype(np.float32))
    assert np.mean(np.array(speech_probs) > 0.5) > 0.5
    assert max(silence_probs) < 0.2
    assert np.mean(np.array(noise_probs) > 0.5) < 0.1


def test_vad_gives_the_same_answer_whatever_the_block_size(speak):
    speech = audio.load(speak("Thank you for calling, how can I help?"))
    whole = SpeechDetector().feed(speech)
    streamed, detector = [], SpeechDetector()
    for start in range(0, len(speech), 700):  # blocks that don't line up with windows
        streamed += detector.feed(speech[start:start + 700])
    assert np.allclose(whole, streamed)


def test_file_answers_find_each_slot_in_any_format(tmp_path, speak):
    samples = audio.load(speak("Hello there."))
    sf.write(tmp_path / "why-call-center.wav", samples, 16_000)
    sf.write(tmp_path / "double-billed-caller.2.flac", samples, 16_000, format="FLAC")
    sf.write(tmp_path / "why-call-center.follow-up.ogg", samples, 16_000, format="OGG")
    source = FileAnswers(tmp_path)
    got = source.recording(Slot("why-call-center"))
    assert got.duration == pytest.approx(len(samples) / 16_000, abs=0.01)
    assert source.recording(Slot("double-billed-caller", turn=2)).duration > 0.5
    assert source.recording(Slot("why-call-center", follow_up=True)).duration > 0.5
    assert source.recording(Slot("double-billed-caller", turn=1)) is None  # missing file = skipped
    assert source.recording(Slot("tell-me-about-yourself")) is None


def test_file_answers_name_every_unusable_file_before_the_session(tmp_path, speak):
    samples = audio.load(speak("Hello there."))
    sf.write(tmp_path / "good.wav", samples, 16_000)
    sf.write(tmp_path / "good.follow-up.flac", samples, 16_000, format="FLAC")
    (tmp_path / "corrupt.wav").write_bytes(b"RIFF....WAVEfmt garbage")
    (tmp_path / "text.mp3").write_text("this is not audio")
    (tmp_path / "empty.ogg").write_bytes(b"")
    sf.write(tmp_path / "silent-header.wav", np.zeros(0, np.float32), 16_000)  # a header, no audio
    (tmp_path / "call.2.wav").write_bytes(b"\x00" * 100)  # role-play reply 2
    sf.write(tmp_path / "bad-follow-up.wav", samples, 16_000)
    (tmp_path / "bad-follow-up.follow-up.wav").write_bytes(b"RIFF")
    source = FileAnswers(tmp_path)
    slots = [Slot("good"), Slot("good", follow_up=True), Slot("corrupt"), Slot("text"),
             Slot("empty"), Slot("silent-header"), Slot("call", turn=1), Slot("call", turn=2),
             Slot("missing"), Slot("missing", follow_up=True),
             Slot("bad-follow-up"), Slot("bad-follow-up", follow_up=True)]
    found = {u.slot.stem: u for u in source.prepare(slots)}
    assert set(found) == {"corrupt", "text", "empty", "silent-header", "call", "call.2", "missing",
                          "bad-follow-up.follow-up"}  # a follow-up with no file is no problem
    assert "not an audio file libsndfile can read" in found["corrupt"].reason
    assert found["corrupt"].path == tmp_path / "corrupt.wav"
    assert "not an audio file" in found["text"].reason
    assert found["empty"].reason == "the file is empty"
    assert found["silent-header"].reason == "it holds no audio"
    assert found["call"].path is None and "no file call.wav" in found["call"].reason
    assert "no file missing.wav" in found["missing"].reason and str(tmp_path) in found["missing"].reason
    assert source.recording(Slot("good")).duration > 0.5  # the good ones still load
    with pytest.raises(UserError, match="no such folder"):
        FileAnswers(tmp_path / "missing")


def test_typed_answers_take_several_lines_and_end_with_an_empty_line_or_a_dot():
    typed = io.StringIO("I love helping people.\nEvery call is different.\n\n"  # answer 1
                        "\n"  # an empty line first: skipped
                        "Second answer,\nover two lines\n.\n"  # a dot sends it too
                        "The last one, cut off by the end of input")
    prompts = []
    source = KeyboardAnswers(stdin=typed, prompt=prompts.append)
    first = source.listen(Slot("a"))
    assert first.transcript.text == "I love helping people. Every call is different."
    assert first.recording is None and not first.transcript.timed  # typed: no pace, no pauses
    assert source.listen(Slot("b")) is None
    assert source.listen(Slot("c")).transcript.text == "Second answer, over two lines"
    assert source.listen(Slot("d")).transcript.text == "The last one, cut off by the end of input"
    with pytest.raises(EOFError):
        source.listen(Slot("e"))
    assert len(prompts) == 4 and all("empty line" in p for p in prompts)
    # A dot first sends nothing: the question is skipped, as with an empty line (a new user's
    # try: it was saved as an empty answer scored 0).
    dotted = KeyboardAnswers(stdin=io.StringIO(".\nMy answer.\n\n"), prompt=prompts.append)
    assert dotted.listen(Slot("a")) is None and dotted.listen(Slot("b")).transcript.text == "My answer."
    assert "talk" not in source.instructions and "Type" in source.instructions


def test_a_paste_with_a_paragraph_break_stays_one_answer_on_a_terminal():
    """On a terminal, the blank line inside a paste arrives with the rest of it: not an end."""
    import pty

    from simulator.console import Keys

    main, tty = pty.openpty()
    with open(tty, "r", closefd=False) as stdin:
        keys = Keys(stdin)
        assert keys.live  # a real terminal
        source = KeyboardAnswers(stdin=stdin, prompt=lambda text: None, keys=keys)
        os.write(main, b"At the returns desk, a woman was furious.\n\nI apologised and fixed it.\n\n")
        heard = source.listen(Slot("a"))
        assert heard.transcript.text == ("At the returns desk, a woman was furious. "
                                         "I apologised and fixed it.")
        # Typed at human speed, an empty line sends the answer; what follows is the next one.
        os.write(main, b"Short answer.\n")
        import threading

        later = threading.Timer(0.5, lambda: os.write(main, b"\n"))  # Enter, a moment later
        later.start()
        assert source.listen(Slot("b")).transcript.text == "Short answer."
        later.join()
        os.write(main, b"Next answer.\n\n")
        assert source.listen(Slot("c")).transcript.text == "Next answer."
        # A line typed while the question was spoken starts the answer.
        os.write(main, b"Typed during the question\n")
        assert keys.pressed()
        os.write(main, b"and finished after it.\n\n")
        assert source.listen(Slot("d")).transcript.text == ("Typed during the question "
                                                           "and finished after it.")
    os.close(main)
    os.close(tty)


def alsa_file_device(tmp_path: Path, samples: np.ndarray) -> dict:
    """A HOME whose .asoundrc makes a raw file the default capture device (PRODUCT.md recipe)."""
    raw = tmp_path / "in.raw"
    (np.clip(samples, -1, 1) * 32767).astype("<i2").tofile(raw)
    home = tmp_path / "alsa-home"
    home.mkdir()
    (home / ".asoundrc").write_text(textwrap.dedent(f"""
        pcm.filein_raw {{ type file; slave.pcm null; file "/dev/null"; infile "{raw}"; format "raw" }}
        pcm.filein {{ type plug; slave {{ pcm "filein_raw"; format S16_LE; rate 16000; channels 1 }} }}
        pcm.!default {{ type asym; playback.pcm "null"; capture.pcm "filein" }}
    """))
    return {**os.environ, "HOME": str(home)}


MIC_SCRIPT = """
import json, sys
from simulator.listen import Microphone, Slot, TurnRules
mic = Microphone(TurnRules(end_silence=1.0, think_time=3.0, max_seconds=30), watch_enter=False)
rec = mic.record(Slot("q"))
print(json.dumps(None if rec is None else {"duration": rec.duration, "start": rec.time_to_start,
                                          "ended_by": rec.ended_by}))
"""


def record_through_portaudio(tmp_path, samples):
    pytest.importorskip("sounddevice")
    env = alsa_file_device(tmp_path, samples)
    out = subprocess.run([sys.executable, "-c", MIC_SCRIPT], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def test_microphone_ends_the_answer_after_the_silence(tmp_path, speak):
    speech = audio.load(speak("I enjoy helping people, and every call is different."))
    lead = np.zeros(16_000, np.float32)  # one second of thinking before the first word
    tail = np.zeros(16_000 * 4, np.float32)  # then silence (the file device reads junk after the end)
    got = record_through_portaudio(tmp_path, np.concatenate([lead, speech, tail]))
    speech_s = len(speech) / 16_000
    assert got["ended_by"] == "silence"
    assert 0.7 <= got["start"] <= 1.4  # time to start, measured by the VAD
    # It stopped about one end_silence after the speech, well before the file ran out.
    assert speech_s + 1.0 < got["duration"] < speech_s + 1.0 + 1.2


def test_microphone_gives_nothing_when_nobody_speaks(tmp_path):
    got = record_through_portaudio(tmp_path, np.zeros(16_000 * 6, np.float32))
    assert got is None


# --- Ctrl-C while the microphone listens (the real Microphone on a device double) -----------

ANSWER = ("I always try to stay calm with upset customers. I listen first, I say sorry for the "
          "trouble, and then I fix the problem or find the person who can.")


def spoken_answer(speak) -> np.ndarray:
    return np.concatenate([np.zeros(8_000, np.float32), audio.load(speak(ANSWER))])


def test_ctrl_c_just_after_the_answer_is_closed_keeps_the_whole_answer(monkeypatch, speak):
    # Found by a tester (2026-12-01): Ctrl-C as "(15 s, answer finished)" appeared threw the
    # answer away, recording and all, although the session then said "Your finished answers
    # are saved". Pressed during the grace period after the close, it is kept as closed.
    from simulator.listen import InterruptedAnswer
    from simulator.listen.endpoint import Phase
    from simulator.types import EndReason

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    before = signal.getsignal(signal.SIGINT)
    device = MicrophoneDevice([spoken_answer(speak)], press=lambda d: d.phase is Phase.CLOSING)
    mic = microphone(monkeypatch, device)
    with pytest.raises(KeyboardInterrupt) as stopped:
        mic.listen(Slot("q"), SentenceTranscriber())
    assert isinstance(stopped.value, InterruptedAnswer), "the answer was dropped"
    heard, closed = stopped.value.heard, mic.turn.decision.closed_at
    assert 0 <= device.pressed_at[0] - closed < mic.rules.grace  # in the grace period
    assert heard.recording.ended_by is EndReason.SILENCE
    assert heard.recording.duration == pytest.approx(closed, abs=1e-3)  # ends where it was closed
    assert "stay calm" in heard.transcript.text
    assert heard.transcript.duration == pytest.approx(heard.recording.duration)
    assert "(Ctrl-C: saving this answer, then stopping)" in mic.meter.stream.getvalue()
    assert signal.getsignal(signal.SIGINT) is before  # Ctrl-C is Python's own again


def test_ctrl_c_mid_answer_keeps_what_was_said_so_far(monkeypatch, speak):
    from simulator.listen import InterruptedAnswer
    from simulator.listen.endpoint import Phase
    from simulator.types import EndReason

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    device = MicrophoneDevice([spoken_answer(speak)],
                              press=lambda d: d.phase is Phase.SPEAKING and d.at >= 4.0)
    mic = microphone(monkeypatch, device)
    with pytest.raises(KeyboardInterrupt) as stopped:
        mic.listen(Slot("q"), SentenceTranscriber())
    assert isinstance(stopped.value, InterruptedAnswer), "the answer was dropped"
    heard = stopped.value.heard
    assert heard.recording.ended_by is EndReason.INTERRUPTED
    assert heard.recording.duration == pytest.approx(device.pressed_at[0], abs=0.2)  # stopped at once
    assert "stay calm" in heard.transcript.text and mic.live.tail_seconds > 0  # the tail too
    assert "(4 s, Ctrl-C: saving what you said, then stopping)" in mic.meter.stream.getvalue()


def test_ctrl_c_before_the_first_word_keeps_nothing(monkeypatch):
    from simulator.listen import InterruptedAnswer
    from simulator.listen.endpoint import Phase

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    device = MicrophoneDevice([np.zeros(16_000 * 3, np.float32)],
                              press=lambda d: d.phase is Phase.WAITING and d.at >= 1.0)
    mic = microphone(monkeypatch, device)
    with pytest.raises(KeyboardInterrupt) as stopped:
        mic.listen(Slot("q"), SentenceTranscriber())
    assert not isinstance(stopped.value, InterruptedAnswer)
    assert mic.turn.decision.at < 1.5 and mic.meter.stream.getvalue() == ""  # at once, quietly


# --- the end of an answer waits for its transcript without freezing -------------------------

SHORT = "I always try to stay calm with upset customers."


def slow_engine(seconds: float = 1.5):
    """A loaded machine: each stretch of speech takes `seconds` to transcribe."""
    import time

    from doubles import SentenceTranscriber

    return SentenceTranscriber(SHORT, on_call=lambda n: time.sleep(seconds))


def test_the_microphone_keeps_listening_while_the_transcript_catches_up(monkeypatch, speak):
    # A tester (2026-12-01) saw the meter stop for up to 2.4 s after an answer, with no
    # countdown: the microphone waited for the transcript of the last stretch (to tell a
    # finished sentence from an unfinished one) and heard nothing meanwhile.
    from simulator.types import EndReason

    from doubles import MicrophoneDevice, microphone

    clip = np.concatenate([np.zeros(8_000, np.float32), audio.load(speak(SHORT))])
    device = MicrophoneDevice([clip], real_time=True)
    mic = microphone(monkeypatch, device)
    heard = mic.listen(Slot("q"), slow_engine())
    gaps = np.diff(device.reads)
    assert gaps.max() < 0.3, f"the microphone stopped listening for {gaps.max():.1f} s"
    # ...and still decides on what was said: a finished sentence in a short answer (3 s).
    assert heard.recording.ended_by is EndReason.SILENCE and heard.transcript.text == SHORT
    assert mic.turn.decision.closed_at - mic.turn.decision.speech_start == pytest.approx(
        len(audio.load(speak(SHORT))) / 16_000 + mic.rules.short_silence, abs=0.5)


def test_enter_ends_the_answer_at_once_while_the_transcript_catches_up(monkeypatch, speak):
    from simulator.types import EndReason

    from doubles import MicrophoneDevice, microphone

    clip = np.concatenate([np.zeros(8_000, np.float32), audio.load(speak(SHORT))])
    # Enter 1.5 s into the silence: the transcript, asked for at 1.2 s, takes till about 2.6 s.
    device = MicrophoneDevice([clip], real_time=True, enter_after=0.5,
                              enter=lambda d: d.speech_start is not None and d.silence >= 1.0)
    mic = microphone(monkeypatch, device)
    shown = []  # when the screen said how the answer ended
    monkeypatch.setattr(mic.meter, "closed", lambda decision: shown.append(time.monotonic()))
    heard = mic.listen(Slot("q"), slow_engine(2.0))
    assert heard.recording.ended_by is EndReason.ENTER
    assert shown[0] - device.entered_at < 0.3  # at once, not once the transcript came


# --- going on a moment late, after a long silence --------------------------------------------


def test_going_on_soon_after_a_long_pause_closed_the_answer_continues_it(monkeypatch, speak):
    # A new user's walkthrough (2026-12-01): a 5 s pause mid-answer; the answer was closed
    # after the "still there?" countdown, the candidate went on 1.4 s later, and the next
    # question was spoken over them (the rest scored as the next answer). After a close that
    # long a silence, speech within `long_grace` is still the same answer.
    from simulator.types import EndReason

    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    said = audio.load(speak(SHORT))
    pause = np.zeros(int(4.6 * 16_000), np.float32)  # the countdown (3 s) ran out, then 1.6 s
    clip = np.concatenate([np.zeros(8_000, np.float32), said, pause, said])
    device = MicrophoneDevice([clip])
    mic = microphone(monkeypatch, device)
    heard = mic.listen(Slot("q"), SentenceTranscriber(SHORT))
    assert mic.turn.reopened == 1, mic.meter.stream.getvalue()
    assert "(you went on: still listening)" in mic.meter.stream.getvalue()
    assert heard.recording.ended_by is EndReason.SILENCE
    assert heard.recording.duration > (len(clip) - 8_000) / 16_000  # both parts: one answer
    # A short pause still ends a finished answer with the short grace: nothing changes there.
    assert mic.rules.grace < 1.0 < mic.rules.long_grace


def test_a_first_word_soon_after_the_think_time_starts_the_answer(monkeypatch, speak):
    # The same walkthrough: the first word 2 s after the 10 s think time; "no answer heard"
    # and the next question were spoken over the candidate.
    from doubles import MicrophoneDevice, SentenceTranscriber, microphone

    late = np.zeros(int(11.8 * 16_000), np.float32)
    device = MicrophoneDevice([np.concatenate([late, audio.load(speak(SHORT))])])
    mic = microphone(monkeypatch, device)
    heard = mic.listen(Slot("q"), SentenceTranscriber(SHORT))
    assert heard is not None and heard.transcript.text == SHORT
    assert heard.recording.time_to_start > 11.0
