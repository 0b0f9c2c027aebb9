"""Audio files of any format and rate become 16 kHz mono, resampled with soxr."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from simulator import audio
from simulator.errors import AudioFileError

from conftest import run_cli


def tone(rate: int, seconds: float = 1.0, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def dominant_frequency(samples: np.ndarray, rate: int = 16_000) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[spectrum.argmax()])


@pytest.mark.parametrize("rate,fmt,subtype", [(48_000, "FLAC", "PCM_24"), (44_100, "WAV", "PCM_16"),
                                              (8_000, "WAV", "PCM_16"), (22_050, "OGG", "VORBIS")])
def test_any_rate_and_format_becomes_16k_mono_with_the_same_pitch(tmp_path, rate, fmt, subtype):
    left = tone(rate, 2.0, 440.0)
    stereo = np.stack([left, left], axis=1)
    path = tmp_path / f"a.{fmt.lower()}"
    sf.write(path, stereo, rate, format=fmt, subtype=subtype)
    samples = audio.load(path)
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) - 32_000) <= 2  # 2 s at 16 kHz
    assert abs(dominant_frequency(samples) - 440.0) < 2.0  # resampled, not just relabelled
    assert 0.3 < np.abs(samples).max() < 0.6  # level kept


def test_missing_corrupt_and_folder_inputs_name_the_file(tmp_path):
    with pytest.raises(AudioFileError, match="no such audio file"):
        audio.load(tmp_path / "nope.wav")
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF\x00\x00not really a wave file at all")
    with pytest.raises(AudioFileError, match="bad.wav"):
        audio.load(bad)
    with pytest.raises(AudioFileError, match="folder"):
        audio.load(tmp_path)


def test_unreadable_says_why_after_decoding_the_whole_file(tmp_path):
    good = tmp_path / "good.flac"
    sf.write(good, tone(44_100, 3.0), 44_100, format="FLAC")
    assert audio.unreadable(good) is None
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    assert audio.unreadable(empty) == "the file is empty"
    with pytest.raises(AudioFileError, match="empty.wav: the file is empty"):
        audio.load(empty)
    text = tmp_path / "notes.wav"
    text.write_text("not audio at all")
    assert audio.unreadable(text).startswith("not an audio file libsndfile can read")
    header_only = tmp_path / "header.wav"
    sf.write(header_only, np.zeros(0, np.float32), 16_000)
    assert audio.unreadable(header_only) == "it holds no audio"
    # Cut off while copying: libsndfile finds the stream damaged.
    ogg = tmp_path / "whole.ogg"
    sf.write(ogg, tone(16_000, 2.0), 16_000, format="OGG")
    cut = tmp_path / "cut.ogg"
    cut.write_bytes(ogg.read_bytes()[:len(ogg.read_bytes()) // 2])
    assert "damaged" in audio.unreadable(cut)


def test_a_header_with_no_audio_and_text_named_mp3_are_refused_for_what_they_are(tmp_path):
    # A new user's tries (2026-12-01): `transcribe` said "no speech found" (exit 0) and `score
    # --audio` scored an empty answer for a WAV header alone; text named .mp3 was said to be a file
    # that "does not exist or is not a regular file".
    header_only = tmp_path / "header.wav"
    sf.write(header_only, np.zeros(0, np.float32), 16_000)
    with pytest.raises(AudioFileError, match="header.wav: it holds no audio"):
        audio.load_recording(header_only)
    fake = tmp_path / "fake.mp3"
    fake.write_text("not audio")
    with pytest.raises(AudioFileError) as refused:
        audio.load_recording(fake)
    assert "not an audio file" in str(refused.value) and "does not exist" not in str(refused.value)
    for args in (("transcribe", str(header_only)), ("score", "--question", "why-call-center", "--audio", str(header_only))):
        result = run_cli(*args)
        assert result.returncode == 2 and "it holds no audio" in result.stderr, (args, result.stderr)
    # libsndfile's mp3 decoder writes its own notes to stderr ("Note: Illegal Audio-MPEG-Header"):
    # they go to the log, and the screen shows one message.
    for args in (("transcribe", str(fake)), ("score", "--question", "why-call-center", "--audio", str(fake))):
        result = run_cli(*args)
        assert result.returncode == 2 and "not an audio file" in result.stderr, (args, result.stderr)
        assert "MPEG" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_file_cut_short_is_named_with_what_its_header_promises(tmp_path):
    # A new user's try (2026-12-01): `head -c 30000 answer.wav` promised 7 s and held 0.9 s;
    # libsndfile read the 0.9 s without a word, the pre-check passed it and it was scored.
    whole = tmp_path / "whole.wav"
    sf.write(whole, tone(16_000, 7.0), 16_000, subtype="PCM_16")
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole.read_bytes()[:30_000])
    said = "looks cut short: its header promises 7.0 s but it holds 0.9 s"
    assert (audio.unreadable(cut) or "").startswith(said)
    assert audio.unreadable(whole) is None and audio.cut_short(whole) is None
    with pytest.raises(AudioFileError, match=f"cut.wav {said}"):
        audio.load_recording(cut)
    assert len(audio.load_recording(cut, whole=False).samples) > 0
    aiff = tmp_path / "whole.aiff"
    sf.write(aiff, tone(16_000, 7.0), 16_000, format="AIFF", subtype="PCM_16")
    (tmp_path / "cut.aiff").write_bytes(aiff.read_bytes()[:30_000])
    assert audio.cut_short(tmp_path / "cut.aiff").startswith(said)
    # A header written before the audio (a recorder streaming to a pipe) promises nothing.
    data = whole.read_bytes()
    at = data.index(b"data") + 4
    streamed = tmp_path / "streamed.wav"
    streamed.write_bytes(data[:at] + b"\xff\xff\xff\xff" + data[at + 4:30_000])
    assert audio.cut_short(streamed) is None
    # practice's pre-check names it (the only answer, so there is no interview); score refuses it;
    # transcribe says so and gives the text of the part there is (nothing is judged there).
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "why-call-center.wav").write_bytes(cut.read_bytes())
    practice = run_cli("practice", "--input", str(folder), "--no-voice", "--ask", "why-call-center")
    assert practice.returncode == 2 and f"why-call-center.wav: {said}" in practice.stderr, practice.stderr
    score = run_cli("score", "--question", "why-call-center", "--audio", str(cut))
    assert score.returncode == 2 and f"cut.wav {said}" in score.stderr, score.stderr
    heard = run_cli("transcribe", str(cut))
    assert heard.returncode == 0 and f"cut.wav {said}" in heard.stderr, heard.stderr


def test_a_file_its_reader_may_not_open_is_named_as_such(tmp_path):
    """As an ordinary user (root reads every file): a forked child drops to `nobody`."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="unreadable-"))  # outside pytest's private tmp
    try:
        os.chmod(folder, 0o755)
        locked = folder / "locked.wav"
        sf.write(locked, tone(16_000, 0.5), 16_000)
        os.chmod(locked, 0o000)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: become nobody, look at the file, report, and leave
            try:
                if os.geteuid() == 0:
                    os.setgid(65534)
                    os.setuid(65534)
                os.write(write, (audio.unreadable(locked) or "readable").encode())
            finally:
                os._exit(0)
        os.close(write)
        os.waitpid(pid, 0)
        with os.fdopen(read) as got:
            assert got.read() == "no permission to read it"
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


def test_write_wav_is_atomic_and_owner_only(tmp_path):
    path = audio.write_wav(tmp_path / "sub" / "x.wav", tone(16_000, 0.5))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["x.wav"]  # no temporary left behind
    assert abs(len(audio.load(path)) - 8_000) <= 1


def test_rms_dbfs():
    assert audio.rms_dbfs(np.zeros(100, np.float32)) == float("-inf")
    assert abs(audio.rms_dbfs(np.full(100, 0.5, np.float32)) - (-6.02)) < 0.05
