"""Transcription while the candidate speaks: where segments are cut, and the words that come
out (real Whisper on real espeak-ng speech, fed block by block like the microphone does)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import numpy as np
import pytest

from benchmarks.wer import wer
from simulator import audio
from simulator.listen.live import LiveTranscription, Segment, Segmenter, SegmentSettings
from simulator.listen.vad import WINDOW, WINDOW_S, SpeechDetector
from simulator.types import SAMPLE_RATE

from conftest import ROOT
from test_listen import alsa_file_device

SENTENCES = (
    "Um, I have worked in customer service for three years at a phone company.",
    "When a caller was upset, I listened first and said sorry for the trouble.",
    "Uh, then I checked the account and fixed the billing mistake while she waited.",
    "I think staying calm is the most important part of this job.",
)
GAPS = (0.4, 0.9, 1.1)  # the first is too short to close a segment, the others close one


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def shared_share(reference: str, hypothesis: str) -> float:
    """The share of the reference's words found, in order, in the hypothesis."""
    import difflib

    ref, hyp = words_of(reference), words_of(hypothesis)
    matcher = difflib.SequenceMatcher(a=ref, b=hyp, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(ref))


# --- where the answer is cut (VAD probabilities in, segments out) ---------------------------


def windows(seconds: float) -> int:
    return round(seconds / WINDOW_S)


def push_all(segmenter: Segmenter, probs: list[float]) -> list[Segment]:
    return [s for p in probs if (s := segmenter.push(p)) is not None]


def speech(seconds: float, p: float = 0.9) -> list[float]:
    return [p] * windows(seconds)


def silence(seconds: float) -> list[float]:
    return [0.05] * windows(seconds)


def test_a_pause_closes_a_segment_with_some_silence_kept():
    s = SegmentSettings()
    segmenter = Segmenter(s)
    got = push_all(segmenter, silence(2.0) + speech(3.0) + silence(s.pause + 0.1))
    assert len(got) == 1
    speech_start, speech_end = windows(2.0) * WINDOW, windows(5.0) * WINDOW
    # The thinking time before the first word is not dragged along, the word edges are kept.
    assert speech_start - got[0].start == pytest.approx(s.keep_silence * SAMPLE_RATE, abs=WINDOW)
    assert got[0].end - speech_end == pytest.approx(s.keep_silence * SAMPLE_RATE, abs=1)
    assert segmenter.tail(len(segmenter.probs) * WINDOW) is None  # only silence is left


def test_short_pauses_do_not_cut_and_a_lone_short_phrase_waits_for_the_next():
    s = SegmentSettings()
    segmenter = Segmenter(s)
    short_pause = silence(s.pause - 0.2)
    assert push_all(segmenter, speech(2.0) + short_pause + speech(2.0) + short_pause) == []
    # Half a second of speech ("Yes.") then a normal pause: kept for the next segment...
    segmenter = Segmenter(s)
    assert push_all(segmenter, speech(0.5) + silence(s.pause + 0.1) + speech(2.0)) == []
    got = push_all(segmenter, silence(s.pause + 0.1))
    assert len(got) == 1 and got[0].start == 0  # ...and sent with it
    # ...unless the pause grows long: it may be the end of the answer.
    segmenter = Segmenter(s)
    assert len(push_all(segmenter, speech(0.5) + silence(s.flush_after + 0.1))) == 1


def test_a_click_in_the_silence_makes_no_segment():
    segmenter = Segmenter()
    assert push_all(segmenter, silence(1.0) + speech(0.064) + silence(3.0)) == []
    assert segmenter.tail(len(segmenter.probs) * WINDOW) is None


def test_speech_without_pauses_is_cut_at_its_quietest_moment():
    s = SegmentSettings()
    rng = np.random.default_rng(3)
    probs = list(rng.uniform(0.8, 1.0, windows(40.0)))
    dip = windows(11.0)
    probs[dip - 2:dip + 3] = [0.3] * 5  # a breath between words, 11 s in
    segmenter = Segmenter(s)
    got = push_all(segmenter, probs)
    assert got[0].start == 0 and abs(got[0].end - (dip * WINDOW + WINDOW // 2)) <= WINDOW
    assert all(b.start == a.end for a, b in zip(got, got[1:]))  # no audio lost between cuts
    assert all(g.end - g.start <= s.max_segment * SAMPLE_RATE for g in got)
    assert all(g.end - g.start >= s.min_cut * SAMPLE_RATE for g in got)
    tail = segmenter.tail(len(probs) * WINDOW)  # the rest was still being spoken
    assert tail is not None and tail.start == got[-1].end and tail.end == len(probs) * WINDOW


# --- real speech ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def answer(speak):
    """Four spoken sentences with pauses between them, 2 s of silence after; and where each
    sentence sits in the answer (seconds)."""
    parts, spans, at = [np.zeros(int(0.5 * SAMPLE_RATE), np.float32)], [], 0.5
    for i, text in enumerate(SENTENCES):
        said = audio.load(speak(text, name=f"streaming-{i}"))
        spans.append((at, at + len(said) / SAMPLE_RATE))
        parts.append(said)
        at += len(said) / SAMPLE_RATE
        pause = GAPS[i] if i < len(GAPS) else 2.0
        parts.append(np.zeros(int(pause * SAMPLE_RATE), np.float32))
        at += pause
    return np.concatenate(parts), spans


def feed_like_the_microphone(live: LiveTranscription, samples: np.ndarray) -> None:
    detector = SpeechDetector()
    for start in range(0, len(samples), 1024):  # the Microphone's block size
        block = samples[start:start + 1024]
        live.feed(block, detector.feed(block))


@pytest.mark.slow
def test_streaming_gives_the_words_of_a_whole_answer_transcription(transcriber, answer):
    samples, spans = answer
    whole = transcriber.transcribe(samples)
    live = LiveTranscription(transcriber)
    feed_like_the_microphone(live, samples)
    assert live.settle(timeout=120)
    committed = live.committed()  # everything heard, before the answer is over
    streamed = live.finish(samples)

    # As accurate as the whole answer decoded at once, and the same words where that has them
    # (whole-answer decoding sometimes drops the end of a chunk; streaming must not be worse).
    script = " ".join(SENTENCES)
    assert wer(script, streamed.text) <= wer(script, whole.text) + 0.05
    assert wer(script, streamed.text) <= 0.15
    assert shared_share(whole.text, streamed.text) >= 0.9
    assert {"um", "uh"} <= set(words_of(streamed.text))  # the filler prompt works per segment
    # Only the tail was left for the end, and here the tail was silence.
    assert live.segments_sent >= 3  # the long pauses closed segments
    assert len(committed) >= 0.8 * len(streamed.words) and live.tail_seconds == 0
    # The Transcript scoring gets: the answer's length, its engine, times on its timeline.
    assert streamed.duration == pytest.approx(len(samples) / SAMPLE_RATE)
    assert streamed.engine == whole.engine
    starts = [w.start for w in streamed.words]
    assert starts == sorted(starts) and streamed.words[-1].end <= streamed.duration
    for word, sentence in (("phone", 0), ("listened", 1), ("account", 2), ("calm", 3)):
        found = [w for w in streamed.words if word in words_of(w.word)]
        assert found, word
        begin, end = spans[sentence]
        assert begin - 0.2 <= found[0].start and found[0].end <= end + 0.2, word


@pytest.mark.slow
def test_an_answer_cut_off_mid_sentence_transcribes_its_tail_at_the_end(transcriber, answer):
    samples, spans = answer
    cut = int((spans[3][0] + spans[3][1]) / 2 * SAMPLE_RATE)  # Enter pressed mid-sentence
    live = LiveTranscription(transcriber)
    feed_like_the_microphone(live, samples[:cut])
    assert live.settle(timeout=120)
    before = live.committed()
    streamed = live.finish(samples[:cut])
    assert 0 < live.tail_seconds < 5
    assert "calm" not in words_of(" ".join(w.word for w in before))
    assert {"think", "most"} <= set(words_of(streamed.text))  # the tail, transcribed at the end
    assert streamed.duration == pytest.approx(cut / SAMPLE_RATE)


def test_cancel_drops_queued_segments_and_stops_the_background_thread():
    import time

    calls = []

    class Slow:
        name = "slow"

        def transcribe(self, samples, on_progress=None):
            calls.append(len(samples))
            time.sleep(0.3)
            raise RuntimeError("nobody reads this")

    live = LiveTranscription(Slow())
    probs = (speech(2.0) + silence(1.0)) * 4  # four segments queued at once
    live.feed(np.zeros(len(probs) * WINDOW, np.float32), probs)
    assert live.segments_sent == 4
    live.cancel()
    live._worker.join(timeout=5)
    assert not live._worker.is_alive() and len(calls) <= 1  # only the one already started


def test_an_engine_failure_reaches_the_caller():
    class Broken:
        name = "broken"

        def transcribe(self, samples, on_progress=None):
            raise RuntimeError("model file damaged")

    live = LiveTranscription(Broken())
    probs = speech(2.0) + silence(1.0)
    live.feed(np.zeros(len(probs) * WINDOW, np.float32), probs)
    with pytest.raises(RuntimeError, match="damaged"):
        live.finish()


# --- through the real microphone path ------------------------------------------------------

MIC_SCRIPT = """
import json
from simulator.listen import Microphone, Slot, TurnRules
from simulator.transcribe import make_transcriber
mic = Microphone(TurnRules(end_silence=1.5, max_seconds=60), watch_enter=False)
heard = mic.listen(Slot("q"), make_transcriber())
print(json.dumps(None if heard is None else {
    "text": heard.transcript.text, "duration": heard.transcript.duration,
    "recorded": heard.recording.duration, "ended_by": heard.recording.ended_by,
    "first": heard.transcript.words[0].start if heard.transcript.words else None}))
"""


@pytest.mark.slow
def test_the_microphone_streams_its_answer_to_the_transcriber(tmp_path, answer):
    pytest.importorskip("sounddevice")
    samples, spans = answer
    env = alsa_file_device(tmp_path, np.concatenate([samples, np.zeros(4 * SAMPLE_RATE, np.float32)]))
    out = subprocess.run([sys.executable, "-c", MIC_SCRIPT], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["ended_by"] == "silence"
    assert got["duration"] == pytest.approx(got["recorded"])  # the whole answer's length
    assert wer(" ".join(SENTENCES), got["text"]) <= 0.2
    assert spans[0][0] - 0.3 <= got["first"] <= spans[0][0] + 0.5  # the recording's timeline


@pytest.mark.slow
def test_a_practice_session_on_the_microphone_scores_the_streamed_answer(tmp_path, answer):
    pytest.importorskip("sounddevice")
    samples, _ = answer
    env = alsa_file_device(tmp_path, np.concatenate([samples, np.zeros(4 * SAMPLE_RATE, np.float32)]))
    out = subprocess.run(
        [sys.executable, "-m", "simulator", "practice", "--input", "mic", "--no-voice",
         "--ask", "customer-service-experience", "--no-follow-ups", "--json"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    session = json.loads(out.stdout)
    [scored] = session["answers"]
    assert wer(" ".join(SENTENCES), scored["transcript"]["text"]) <= 0.2
    assert scored["audio"] and scored["metrics"]["pace"]["score"] is not None  # timed words


def test_unclear_stretches_of_each_segment_land_on_the_answers_timeline():
    """A segment whose decoding looped comes back with an unclear span in its own time; the
    whole answer's transcript carries it, shifted to where the segment began."""
    from simulator.types import Transcript, Word

    class Looping:
        name = "looping"

        def transcribe(self, samples, on_progress=None):
            return Transcript("I was", (Word("I", 0.1, 0.3), Word("was", 0.3, 0.5)),
                              len(samples) / SAMPLE_RATE, self.name, unclear=((0.5, 1.5),))

    live = LiveTranscription(Looping())
    probs = silence(1.0) + speech(2.0) + silence(1.5) + speech(2.0) + silence(1.5)
    samples = np.zeros(len(probs) * WINDOW, np.float32)
    for start in range(0, len(samples), 1024):
        block = samples[start:start + 1024]
        first, last = start // WINDOW, min(len(probs), (start + len(block)) // WINDOW)
        live.feed(block, probs[first:last])
    assert live.settle(timeout=10)
    transcript = live.finish()
    starts = sorted(s.start for s, _ in live._done)
    assert len(starts) == 2
    expected = [t for s in starts for t in (s / SAMPLE_RATE + 0.5, s / SAMPLE_RATE + 1.5)]
    assert [t for span in transcript.unclear for t in span] == pytest.approx(expected, abs=1e-3)
