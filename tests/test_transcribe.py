"""The default engine on real speech: words with times, no words from silence or noise."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import soundfile as sf

from simulator import audio
from simulator.errors import UserError
from simulator.transcribe import make_transcriber, packaged_model_dir

from conftest import run_cli

pytestmark = pytest.mark.slow

SENTENCE = "I want to work in a call center because I really enjoy helping people."


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def test_the_bundled_model_is_a_local_ctranslate2_folder():
    folder = packaged_model_dir()
    assert (folder / "model.bin").stat().st_size > 10_000_000
    assert json.loads((folder / "config.json").read_text())["alignment_heads"]


def test_speech_becomes_words_with_increasing_times(transcriber, speak):
    samples = audio.load(speak(SENTENCE))
    t = transcriber.transcribe(samples)
    assert "call center" in t.text.lower() and "helping people" in t.text.lower()
    starts = [w.start for w in t.words]
    assert starts == sorted(starts)
    assert 0 <= t.words[0].start < 1.0 and t.words[-1].end <= t.duration + 0.05
    assert all(0 <= w.probability <= 1 for w in t.words)
    assert t.duration == pytest.approx(len(samples) / 16_000)


def test_silence_and_noise_give_no_words(transcriber):
    rng = np.random.default_rng(1)
    assert transcriber.transcribe(np.zeros(16_000 * 8, np.float32)).words == ()
    noise = (rng.standard_normal(16_000 * 8) * 0.1).astype(np.float32)
    assert transcriber.transcribe(noise).words == ()
    hum = (0.2 * np.sin(2 * np.pi * 60 * np.arange(16_000 * 8) / 16_000)).astype(np.float32)
    assert transcriber.transcribe(hum).words == ()


def test_speech_after_long_silence_keeps_its_real_time(transcriber, speak):
    samples = audio.load(speak(SENTENCE))
    padded = np.concatenate([np.zeros(16_000 * 5, np.float32), samples])
    t = transcriber.transcribe(padded)
    assert "helping" in t.text.lower()
    assert 4.5 < t.words[0].start < 6.0  # VAD-gated, yet times map back to the original audio


def test_a_48k_stereo_flac_gives_the_same_words(transcriber, speak, tmp_path):
    mono = audio.load(speak(SENTENCE))
    import soxr

    hi = soxr.resample(mono, 16_000, 48_000)
    path = tmp_path / "answer.flac"
    sf.write(path, np.stack([hi, hi], axis=1), 48_000, format="FLAC")
    assert words_of(transcriber.transcribe(audio.load(path)).text) == words_of(transcriber.transcribe(mono).text)


def test_fillers_are_kept(transcriber, speak):
    t = transcriber.transcribe(audio.load(speak("Um, I think, uh, that I would stay calm.")))
    assert {"um", "uh"} & set(words_of(t.text))


def test_a_hub_name_is_refused_with_a_way_forward():
    with pytest.raises(UserError, match="not available offline"):
        make_transcriber("faster-whisper", "large-v3")
    with pytest.raises(UserError, match="unknown engine"):
        make_transcriber("whisper.cpp")


def test_transcribe_command_text_and_json(speak):
    wav = speak(SENTENCE)
    plain = run_cli("transcribe", str(wav))
    assert plain.returncode == 0, plain.stderr
    assert "call center" in plain.stdout.lower()
    as_json = run_cli("transcribe", str(wav), "--json")
    data = json.loads(as_json.stdout)  # stdout is only the JSON document
    assert data["words"] and {"word", "start", "end", "probability"} <= set(data["words"][0])
    # The words as said, not as Whisper spaces them (it wrote {"word": " I"}).
    assert data["words"][0]["word"] == "I" and all(w["word"] == w["word"].strip() for w in data["words"])


def test_words_come_without_whispers_leading_space_and_rebuild_the_text(transcriber, speak):
    # Whisper writes " I", " like", and "fast-paced" as " fast" "-paced": the space goes, and the
    # piece that had none still joins the word before, in the text, on screen and after saving.
    from simulator.review.marks import shown_words
    from simulator.serialize import transcript_from_dict, transcript_to_dict
    from simulator.types import words_text

    t = transcriber.transcribe(audio.load(speak("I like fast-paced work, and refunds take 3-5 business days.")))
    assert t.words[0].word == "I" and all(w.word and w.word == w.word.strip() for w in t.words), t.words
    assert words_text(t.words) == t.text and " -" not in t.text
    glued = [k for k, w in enumerate(t.words) if w.glued]
    assert glued, t.words  # Whisper did split a word: the test tests something
    whole = t.words[glued[0] - 1].word + t.words[glued[0]].word  # "fast" "-paced"
    assert whole in t.text and whole in [w.text for w in shown_words(t)]
    saved = transcript_from_dict(json.loads(json.dumps(transcript_to_dict(t))))
    assert saved.words == t.words and saved.text == t.text


def test_transcribe_command_on_a_missing_or_broken_file_exits_2(tmp_path):
    missing = run_cli("transcribe", str(tmp_path / "nope.wav"))
    assert missing.returncode == 2 and "nope.wav" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"\x00" * 100)
    result = run_cli("transcribe", str(broken))
    assert result.returncode == 2 and "broken.wav" in result.stderr and "Traceback" not in result.stderr


def test_decoding_resumes_when_whisper_stops_before_the_speech_does(speak):
    """Whisper sometimes ends a chunk after its first sentence; the rest must still be decoded."""
    from simulator.transcribe import DecodeOptions
    from simulator.transcribe.chunks import transcribe_in_chunks
    from simulator.types import Word

    first = audio.load(speak("I stayed calm and listened to the customer."))
    second = audio.load(speak("Then I fixed the billing error and called her back."))
    samples = np.concatenate([first, np.zeros(4_000, np.float32), second])
    calls = []

    def decode(chunk):  # like Whisper on a bad day: one word at the start of whatever it gets
        calls.append(len(chunk) / 16_000)
        return [Word(f"word{len(calls)}", 0.2, 0.6, 0.9)] if len(calls) <= 2 else []

    t = transcribe_in_chunks(samples, DecodeOptions(), decode, "test")
    assert len(calls) >= 2 and calls[1] < calls[0]  # resumed on what was left, not from the start
    assert t.words[1].start > t.words[0].end  # the resumed words sit later on the timeline


def test_decoding_resumes_where_speech_starts_again_not_mid_speech(speak):
    """When Whisper stops after a sentence, the rest is decoded from where the next stretch of
    speech begins after the pause, never from the middle of a word."""
    from simulator.transcribe import DecodeOptions
    from simulator.transcribe.chunks import transcribe_in_chunks
    from simulator.types import Word

    first = audio.load(speak("I stayed calm and listened to the customer."))
    second = audio.load(speak("Then I fixed the billing error and called her back."))
    gap = np.zeros(8_000, np.float32)  # half a second: the VAD keeps both in one chunk
    samples = np.concatenate([first, gap, second])
    speech_end = np.flatnonzero(np.abs(first) > 1e-3)[-1] / 16_000
    starts = []

    def decode(chunk):  # Whisper on a bad day: stops after the first sentence
        base = samples.__array_interface__["data"][0]
        starts.append((chunk.__array_interface__["data"][0] - base) / 4 / 16_000)
        if len(starts) == 1:
            return [Word("first", 0.3, speech_end - 0.1 - starts[0], 0.9)]
        return [Word("second", 0.2, len(chunk) / 16_000 - 0.3, 0.9)]

    t = transcribe_in_chunks(samples, DecodeOptions(), decode, "test")
    assert len(starts) >= 2  # (two words for six seconds: the halves are tried too, and lose)
    second_speech = (len(first) + len(gap)) / 16_000 + np.flatnonzero(np.abs(second) > 1e-3)[0] / 16_000
    pad = DecodeOptions().vad_speech_pad_ms / 1000
    assert second_speech - pad - 0.1 <= starts[1] <= second_speech  # at the pause, with its padding
    assert [w.word for w in t.words] == ["first", "second"]


def _words(text: str, start: float = 0.0, step: float = 0.3, probability: float = 0.9):
    from simulator.types import Word

    return [Word(w, round(start + i * step, 3), round(start + i * step + 0.25, 3),
                 probability) for i, w in enumerate(text.split())]


def test_endings_whisper_adds_without_hearing_them_are_dropped():
    from simulator.transcribe import guards
    from simulator.types import Word

    said = _words("I would stay calm and help her.")
    untimed = [Word("Thank", 2.4, 2.4, 0.2), Word("you.", 2.4, 2.4, 0.1)]
    at_edge = [Word("See", 2.95, 3.0, 0.3), Word("you", 3.0, 3.05, 0.2)]
    kept = guards.drop_invented(said + untimed + at_edge, chunk_seconds=3.2, pad_seconds=0.2)
    assert kept == said
    # A confident word keeps its place, even a quick one or one at the very end.
    quick = [Word("a", 1.0, 1.0, 0.95), Word("you.", 2.95, 3.05, 0.9)]
    assert guards.drop_invented(quick, chunk_seconds=3.2, pad_seconds=0.2) == quick


def test_a_repetition_loop_is_found_and_cut_to_one_occurrence_marked_unclear():
    from simulator.transcribe import guards

    loop = _words("So " + "I was, uh, " * 44 + "working there.")
    assert guards.is_looping(loop)
    kept, spans = guards.cut_loops(loop)
    assert [w.word for w in kept] == ["So", "I", "was,", "uh,", "working", "there."]
    assert spans == [(loop[4].start, loop[-3].end)]
    # People do repeat themselves two or three times; that is speech, not a loop.
    for said in ("No, no, no, that is not what I meant.", "I was, uh, I was, uh, nervous.",
                 "It was very very very busy that day."):
        assert not guards.is_looping(_words(said)), said


def test_a_looping_chunk_is_decoded_again_in_halves_then_marked_unclear(speak):
    from simulator.transcribe import DecodeOptions
    from simulator.transcribe.chunks import transcribe_in_chunks

    samples = audio.load(speak("I have worked in customer service for three years, first at "
                               "a grocery store and then at a phone company, answering calls."))
    calls = []

    def decode(chunk):  # loops whatever it is given
        calls.append(len(chunk))
        return _words("I was, uh, " * 12, step=len(chunk) / 16_000 / 40)

    t = transcribe_in_chunks(samples, DecodeOptions(), decode, "test")
    assert len(calls) >= 3 and calls[1] < calls[0]  # decoded again in smaller pieces
    assert len(t.unclear) == 2 and all(a < b for a, b in t.unclear)  # one per half
    assert t.text.count("I was, uh,") == 2  # one occurrence per half is kept, not 24


def test_transcribe_says_no_speech_found_on_silence(tmp_path):
    from simulator.audio import write_wav

    quiet = tmp_path / "quiet.wav"
    write_wav(quiet, np.zeros(16_000 * 3, np.float32))
    plain = run_cli("transcribe", str(quiet))
    assert plain.returncode == 0 and "no speech found" in plain.stderr and plain.stdout == ""
    as_json = run_cli("transcribe", str(quiet), "--json")
    assert as_json.returncode == 0 and "no speech found" in as_json.stderr
    assert json.loads(as_json.stdout)["words"] == []


def test_a_chunk_the_decoder_partly_passed_over_is_decoded_again_in_halves(speak):
    """Whisper on narrow-band audio can write only a chunk's last clause, stretching one word
    over the sentences it skipped; the chunk is decoded again in halves, which hear them."""
    from simulator.transcribe import DecodeOptions
    from simulator.transcribe.chunks import transcribe_in_chunks

    samples = audio.load(speak("I stayed calm and listened to the customer. Then I fixed the "
                               "billing error, and I called her back the same afternoon."))
    seconds = len(samples) / 16_000
    calls = []

    def skipping(chunk):  # a whole chunk: only its last two seconds are written, late
        calls.append(len(chunk) / 16_000)
        n = len(chunk) / 16_000
        if n > 0.8 * seconds:
            return _words("and called her back", start=n - 3.0, step=0.7)
        return _words(" ".join(f"w{i}" for i in range(int(n * 2.5))), step=0.4)

    t = transcribe_in_chunks(samples, DecodeOptions(), skipping, "test")
    assert len(calls) >= 3 and max(calls[1:]) < calls[0]  # decoded again, in pieces
    assert t.words[0].start < 0.5 and len(t.words) > 4 * 4

    calls.clear()  # a decoder that writes the whole chunk is asked once, as before
    t = transcribe_in_chunks(samples, DecodeOptions(),
                             lambda c: calls.append(1) or _words(
                                 " ".join(f"w{i}" for i in range(int(len(c) / 16_000 * 2.5))),
                                 step=0.4), "test")
    assert len(calls) == 1 and len(t.words) > 10
