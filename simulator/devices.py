"""`mock-interview devices`: what audio this computer has, and what to do without it."""

from __future__ import annotations

from . import sound
from .errors import DeviceError


def describe_devices() -> str:
    try:
        found = sound.devices()
    except DeviceError as exc:  # PortAudio missing: the message says how to install it
        return str(exc)
    lines = [found.problem] if found.problem else []
    lines.append("Microphones (inputs):")
    lines += [_line(d, found.default_input) for d in found.inputs] or ["    none found"]
    lines.append("Speakers (outputs):")
    lines += [_line(d, found.default_output) for d in found.outputs] or ["    none found"]
    lines.append("(* = the default, used by `mock-interview practice`)")
    if not found.inputs:
        lines.append("\nNo microphone: practise with typed answers (`--input keyboard`) or recorded "
                     "files (`--input DIR`, one DIR/<question-id>.wav per question). Plug in a "
                     "headset and run this command again to check it is seen.")
    if not found.outputs:
        lines.append("\nNo speakers: questions will be shown as text, and their audio is still saved "
                     "for `mock-interview review --html`.")
    return "\n".join(lines)


def _line(device: sound.Device, default: int | None) -> str:
    return f"  {'*' if device.index == default else ' '} [{device.index}] {device.name}"
