"""The one door to the sound hardware: sounddevice (PortAudio) is imported here and nowhere else.

Every failure leaves this module as a `DeviceError` (exit status 2) whose message says what to
do: PortAudio missing, no device, a device busy or gone.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from .errors import DeviceError
from .types import SAMPLE_RATE

INSTALL_PORTAUDIO = "sudo apt-get install libportaudio2"
NO_MICROPHONE_HELP = (
    "Type your answers with `--input keyboard`, answer from recorded files with "
    "`--input DIR` (DIR/<question-id>.wav), or run `mock-interview devices` to see what "
    "audio devices this computer has."
)
NO_SPEAKERS_HELP = "Questions are shown as text meanwhile; `mock-interview devices` lists your speakers."

# PortAudio's PaErrorCode for a device another program holds, and ALSA's EBUSY behind it.
_PA_DEVICE_UNAVAILABLE = -9985
_EBUSY = -16


def _portaudio():
    """The sounddevice module, or a DeviceError saying how to get PortAudio."""
    try:
        import sounddevice
    except OSError as exc:  # sounddevice raises "PortAudio library not found"
        raise DeviceError(
            f"Cannot use audio devices: {exc}. Install PortAudio with `{INSTALL_PORTAUDIO}` "
            "(Debian/Ubuntu). " + NO_MICROPHONE_HELP) from None
    except ImportError as exc:
        raise DeviceError(
            f"Cannot use audio devices: the sounddevice package is missing ({exc}); "
            "run `make install`. " + NO_MICROPHONE_HELP) from None
    return sounddevice


def _is_busy(exc: BaseException) -> bool:
    args = getattr(exc, "args", ())
    code = args[1] if len(args) > 1 else None
    host_code = args[2][1] if len(args) > 2 and isinstance(args[2], tuple) and len(args[2]) > 1 else None
    return code == _PA_DEVICE_UNAVAILABLE or host_code == _EBUSY


def device_error(exc: BaseException, what: str = "the microphone",
                 help: str = NO_MICROPHONE_HELP) -> DeviceError:
    """A PortAudio failure as the message a user can act on."""
    if isinstance(exc, DeviceError):
        return exc
    if _is_busy(exc):
        return DeviceError(f"Another program is using {what} ({exc}). Close that program and "
                           "try again. " + help)
    return DeviceError(f"Could not use {what} ({exc}). " + help)


# --- what is there -------------------------------------------------------------------------


@dataclass(frozen=True)
class Device:
    index: int
    name: str
    inputs: int  # channels
    outputs: int


@dataclass(frozen=True)
class Devices:
    """The audio devices PortAudio sees, and which ones are the defaults."""

    all: tuple[Device, ...]
    default_input: int | None
    default_output: int | None
    problem: str | None = None  # why the list may be incomplete

    @property
    def inputs(self) -> tuple[Device, ...]:
        return tuple(d for d in self.all if d.inputs > 0)

    @property
    def outputs(self) -> tuple[Device, ...]:
        return tuple(d for d in self.all if d.outputs > 0)


def devices() -> Devices:
    """Every input and output; DeviceError only when PortAudio itself is missing."""
    sd = _portaudio()
    problem = None
    try:
        found = tuple(Device(i, d["name"], d["max_input_channels"], d["max_output_channels"])
                      for i, d in enumerate(sd.query_devices()))
    except Exception as exc:
        found, problem = (), f"Could not list audio devices ({exc})."
    return Devices(found, _default(sd, "input"), _default(sd, "output"), problem)


def _default(sd, kind: str) -> int | None:
    try:
        return sd.query_devices(kind=kind)["index"]
    except Exception:  # PortAudioError: no default device of this kind
        return None


def require_input(device: int | str | None = None) -> None:
    """Raise DeviceError, saying what to do, unless there is a microphone to record from."""
    sd = _portaudio()
    try:
        sd.query_devices(device, kind="input")
    except Exception:
        raise DeviceError("No microphone found. " + NO_MICROPHONE_HELP) from None


def has_input() -> bool:
    try:
        require_input()
        return True
    except DeviceError:
        return False


def has_output() -> bool:
    try:
        _portaudio().query_devices(kind="output")
        return True
    except Exception:  # DeviceError (no PortAudio) or PortAudioError (no device)
        return False


# --- sound in and out ----------------------------------------------------------------------


def play(samples: np.ndarray, sample_rate: int = SAMPLE_RATE,
         stop: Callable[[], bool] | None = None) -> bool:
    """Play to the default output until the sound is done (True) or `stop()`, asked every
    few milliseconds, says to stop (False). Ctrl-C stops the sound before it propagates."""
    sd = _portaudio()
    try:
        # A big buffer keeps a busy CPU (the model loading, the next line rendering) from
        # starving the stream: every underrun is a click, a line of ALSA noise, and a new
        # stream on PulseAudio. It does not delay the start: the buffer is filled at once.
        sd.play(np.asarray(samples, dtype=np.float32), sample_rate, latency=PLAY_BUFFER)
        stream = sd.get_stream()
        while stream.active:
            if stop is not None and stop():
                stream.abort()  # at once, without playing out the buffer
                sd.stop()  # closes the stream
                return False
            time.sleep(_POLL)
        sd.wait()  # closes the finished stream: an open one underruns on and on
        return True
    except KeyboardInterrupt:
        _quietly(sd.stop)
        raise
    except Exception as exc:
        _quietly(sd.stop)
        raise device_error(exc, "the speakers", NO_SPEAKERS_HELP) from None


_POLL = 0.03  # seconds between looks at `stop` while a sound plays
PLAY_BUFFER = 0.5  # seconds of output buffered ahead


def _quietly(action: Callable[[], object]) -> None:
    try:
        action()
    except Exception:  # a device already gone: nothing left to stop
        pass


MIC_STOPPED = ("The microphone stopped sending sound (unplugged, or its sound system stopped). "
               "Plug it back in or check it with `mock-interview devices`, then start a new "
               "session; or answer with `--input keyboard`.")
STALL = 4.0  # seconds without a block from a started input stream: the microphone is gone


class MicrophoneStopped(DeviceError):
    """The input stream stopped delivering audio mid-recording."""


class Capture:
    """The default input (or `device`) as a queue of 16 kHz mono float32 blocks.

        with Capture() as mic:
            block = mic.read(timeout=0.1)  # None when nothing arrived in time

    A stream that ends (PortAudio's finished callback) or sends nothing for STALL seconds
    (a USB headset unplugged, the sound server killed) makes `read` raise MicrophoneStopped.
    """

    def __init__(self, device: int | str | None = None, blocksize: int = 1024):
        self.device = device
        self.blocksize = blocksize
        self._blocks: queue.Queue[np.ndarray] = queue.Queue()
        self._stream = None
        self._ended = threading.Event()
        self._last = time.monotonic()  # when the latest block (or the start) came

    def __enter__(self) -> "Capture":
        sd = _portaudio()

        def callback(indata, frames, time_info, status):  # PortAudio's thread: copy and go
            self._blocks.put(indata[:, 0].astype(np.float32) / 32768.0)

        try:
            # int16: what the ALSA file device and most microphones deliver natively.
            self._stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="int16",
                                          blocksize=self.blocksize, device=self.device,
                                          callback=callback, finished_callback=self._ended.set)
            self._stream.start()
            self._last = time.monotonic()
        except Exception as exc:
            self._close()
            raise device_error(exc) from None
        return self

    def read(self, timeout: float) -> np.ndarray | None:
        try:
            block = self._blocks.get(timeout=timeout)
        except queue.Empty:
            if self._ended.is_set() or time.monotonic() - self._last > STALL:
                raise MicrophoneStopped(MIC_STOPPED) from None
            return None
        self._last = time.monotonic()
        return block

    def __exit__(self, *exc) -> None:
        self._close()

    def _close(self) -> None:
        if self._stream is not None:
            try:
                # abort, not stop: the answer is over, so don't wait for queued buffers to drain
                self._stream.abort()
                self._stream.close()
            except Exception:
                pass  # closing a device that has gone can fail too; the audio is already in hand
            self._stream = None
