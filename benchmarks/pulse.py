"""A private PulseAudio daemon with a null sink: real-time playback and capture, no hardware.

What is played into the sink (`paplay`) comes back, paced in real time, from the sink's
monitor, which is the default source; ALSA's `pulse` plugin (Debian libasound2-plugins) is
the default ALSA device in a temporary HOME, so PortAudio (and so the product's Microphone
and Speaker) record from and play into it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

SINK = "bench"


class PulseUnavailable(RuntimeError):
    pass


@contextlib.contextmanager
def null_sink() -> Iterator[dict[str, str]]:
    """Start the daemon; yield the environment for child processes that should use it."""
    for tool in ("pulseaudio", "pactl", "paplay", "pacat"):
        if shutil.which(tool) is None:
            raise PulseUnavailable(f"{tool} is not installed (Debian: pulseaudio, pulseaudio-utils)")
    root = Path(tempfile.mkdtemp(prefix="bench-pulse-"))
    home, runtime = root / "home", root / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    (home / ".asoundrc").write_text("pcm.!default { type pulse }\nctl.!default { type pulse }\n")
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
           "PULSE_SERVER": f"unix:{runtime}/pulse/native"}
    env.pop("DISPLAY", None)
    # As root, a per-user daemon needs --system=false; -n skips the machine's default.pa.
    # It runs in the foreground as our child, so we stop it (and reap it) ourselves.
    daemon = subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--system=false", "--exit-idle-time=-1",
         "--disallow-exit", "-n", "--load=module-native-protocol-unix",
         f"--load=module-null-sink sink_name={SINK} rate=16000 channels=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=(root / "pulse.log").open("w"))
    keeper = None
    try:
        _wait_ready(env, daemon, root / "pulse.log")
        for args in (["set-default-sink", SINK], ["set-default-source", f"{SINK}.monitor"]):
            subprocess.run(["pactl", *args], env=env, check=True, capture_output=True)
        # An idle null sink renders in 2 s blocks, so its monitor hears a new stream up to 2 s
        # late. A low-latency stream of silence keeps it rendering in 10 ms blocks (measured:
        # a beep reaches the monitor ~25 ms after paplay starts, instead of 1-2 s).
        keeper = subprocess.Popen(
            ["pacat", "--playback", f"--device={SINK}", "--latency-msec=10", "--format=s16le",
             "--rate=16000", "--channels=1", "/dev/zero"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(2.5)  # its first block is still a long one
        yield env
    finally:
        if keeper is not None:
            keeper.terminate()
            keeper.wait()
        daemon.terminate()
        try:
            daemon.wait(timeout=5)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        shutil.rmtree(root, ignore_errors=True)


def _wait_ready(env: dict[str, str], daemon: subprocess.Popen, log: Path,
                timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if daemon.poll() is not None:
            raise PulseUnavailable(f"pulseaudio did not start: {log.read_text().strip()}")
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    raise PulseUnavailable("pulseaudio started but does not answer")


def play(path: Path, env: dict[str, str]) -> subprocess.Popen:
    """Start playing a WAV into the null sink, in real time (returns at once)."""
    return subprocess.Popen(["paplay", f"--device={SINK}", "--latency-msec=20", str(path)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
