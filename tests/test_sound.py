"""One door to the sound hardware: only simulator/sound.py imports sounddevice, and every
failure (PortAudio missing, no device, a busy device) is a DeviceError that says what to do."""

from __future__ import annotations

import ast
import importlib.abc
import sys
import textwrap

import numpy as np
import pytest

from simulator import devices, listen, sound
from simulator.errors import DeviceError, UserError
from simulator.voice import VoiceSpeaker

from conftest import ROOT, run_cli

HINTS = ("--input keyboard", "--input DIR", "mock-interview devices")


def test_only_the_sound_module_imports_sounddevice():
    importers = []
    for path in sorted((ROOT / "simulator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "sounddevice" for n in names):
                importers.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(importers)) == ["simulator/sound.py"]


class _NoPortAudio(importlib.abc.MetaPathFinder):
    """Importing sounddevice fails the way it does when libportaudio2 is not installed."""

    def find_spec(self, name, path=None, target=None):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return None


@pytest.fixture
def no_portaudio(monkeypatch):
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoPortAudio(), *sys.meta_path])


def test_portaudio_missing_says_how_to_install_it(no_portaudio):
    for attempt in (sound.require_input, lambda: listen.make_source("mic"), lambda: listen.make_source(None)):
        with pytest.raises(DeviceError) as caught:
            attempt()
        message = str(caught.value)
        assert "PortAudio library not found" in message and sound.INSTALL_PORTAUDIO in message
        assert all(hint in message for hint in HINTS)
    assert issubclass(DeviceError, UserError)  # exit status 2, no traceback
    assert not sound.has_input() and not sound.has_output()
    assert VoiceSpeaker(lambda text: None).playback is False  # the questions are shown as text
    assert sound.INSTALL_PORTAUDIO in devices.describe_devices()
    with pytest.raises(DeviceError, match="PortAudio"):
        sound.play([0.0] * 160)


def test_the_sounddevice_package_missing_is_a_device_error_too(monkeypatch):
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # import raises ImportError
    with pytest.raises(DeviceError, match="make install"):
        sound.require_input()


def test_no_microphone_through_real_portaudio_exits_2_with_the_way_forward(tmp_path):
    pytest.importorskip("sounddevice")
    alsa_home = tmp_path / "alsa-home"
    alsa_home.mkdir()
    # The default capture device reads a file that does not exist: PortAudio finds no input.
    (alsa_home / ".asoundrc").write_text(textwrap.dedent(f"""
        pcm.nothing {{ type file; slave.pcm null; file "/dev/null"; infile "{tmp_path}/none.raw"; format "raw" }}
        pcm.!default {{ type asym; playback.pcm "null"; capture.pcm "nothing" }}
    """))
    result = run_cli("practice", "--no-voice", "--input", "mic", "--ask", "why-call-center",
                     env={"HOME": str(alsa_home)})
    assert result.returncode == 2, result.stderr
    assert "No microphone found" in result.stderr and "Traceback" not in result.stderr
    assert all(hint in result.stderr for hint in HINTS)


def test_a_busy_device_says_another_program_holds_it():
    sd = pytest.importorskip("sounddevice")
    # What PortAudio raises when another program holds the device: paDeviceUnavailable, or an
    # ALSA host error EBUSY behind "Unanticipated host error".
    for exc in (sd.PortAudioError("Error opening InputStream: Device unavailable", -9985),
                sd.PortAudioError("Error opening InputStream: Unanticipated host error", -9999,
                                  (0, -16, "Device or resource busy"))):
        error = sound.device_error(exc)
        assert isinstance(error, DeviceError)
        assert str(error).startswith("Another program is using the microphone")
        assert "Close that program" in str(error) and all(hint in str(error) for hint in HINTS)
    other = sound.device_error(sd.PortAudioError("Invalid sample rate", -9997))
    assert str(other).startswith("Could not use the microphone (Invalid sample rate")
    speakers = sound.device_error(sd.PortAudioError("Device unavailable", -9985), "the speakers",
                                  sound.NO_SPEAKERS_HELP)
    assert str(speakers).startswith("Another program is using the speakers")
    assert sound.NO_SPEAKERS_HELP in str(speakers)


def test_rendering_a_prompt_never_swaps_stdout_for_the_other_threads(tmp_path, capfd):
    """The espeak driver prints "Audio saved to ..." from its own thread. Swapping `sys.stdout`
    to hide it swapped it for every thread: a session's JSON printed meanwhile was lost (a CI
    run, Ctrl-C in the spoken feedback while the next line was still being rendered)."""
    import threading

    from simulator.voice import Renderer

    original, swapped = sys.stdout, []
    done = threading.Event()

    def render():
        try:
            Renderer().render("Thank you, that's all my questions.", tmp_path / "prompt.wav")
        finally:
            done.set()

    threading.Thread(target=render).start()
    while not done.wait(0.001):
        swapped.append(sys.stdout is not original)
    assert (tmp_path / "prompt.wav").stat().st_size > 10_000
    assert swapped and not any(swapped)
    assert "Audio saved" not in capfd.readouterr().out


def test_an_input_stream_that_stops_sending_blocks_is_reported():
    # The watchdog behind "The microphone stopped sending sound" (the session test kills a real
    # PulseAudio daemon; this is the case where PortAudio never says the stream ended).
    capture = sound.Capture()  # not started: no stream, no blocks
    assert capture.read(timeout=0.01) is None  # a moment without a block is normal
    capture._last -= sound.STALL + 1
    with pytest.raises(sound.MicrophoneStopped, match="The microphone stopped sending sound"):
        capture.read(timeout=0.01)
    capture = sound.Capture()
    capture._ended.set()  # PortAudio's finished callback: at once
    with pytest.raises(sound.MicrophoneStopped):
        capture.read(timeout=0.01)
    capture._blocks.put(np.zeros(4, np.float32))  # blocks still queued are read first
    assert capture.read(timeout=0.01) is not None
