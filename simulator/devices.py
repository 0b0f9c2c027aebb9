"""`mock-interview devices`: what audio this computer has, and what to do without it."""

from __future__ import annotations

INSTALL_PORTAUDIO = "sudo apt-get install libportaudio2"


def describe_devices() -> str:
    try:
        import sounddevice as sd
    except OSError as exc:
        return (f"PortAudio is not available ({exc}).\n"
                f"Install it with: {INSTALL_PORTAUDIO}\n"
                "Meanwhile you can practise with `--input keyboard` or `--input DIR`.")
    lines = []
    try:
        devices = sd.query_devices()
    except Exception as exc:
        devices = []
        lines.append(f"Could not list audio devices ({exc}).")
    inputs = [(i, d) for i, d in enumerate(devices) if d["max_input_channels"] > 0]
    outputs = [(i, d) for i, d in enumerate(devices) if d["max_output_channels"] > 0]
    default_in, default_out = _defaults(sd)
    lines.append("Microphones (inputs):")
    lines += [f"  {'*' if i == default_in else ' '} [{i}] {d['name']}" for i, d in inputs] or ["    none found"]
    lines.append("Speakers (outputs):")
    lines += [f"  {'*' if i == default_out else ' '} [{i}] {d['name']}" for i, d in outputs] or ["    none found"]
    lines.append("(* = the default, used by `mock-interview practice`)")
    if not inputs:
        lines.append("\nNo microphone: practise with typed answers (`--input keyboard`) or recorded "
                     "files (`--input DIR`, one DIR/<question-id>.wav per question). Plug in a "
                     "headset and run this command again to check it is seen.")
    if not outputs:
        lines.append("\nNo speakers: questions will be shown as text, and their audio is still saved "
                     "for `mock-interview review --html`.")
    return "\n".join(lines)


def _defaults(sd) -> tuple[int | None, int | None]:
    result = []
    for kind in ("input", "output"):
        try:
            result.append(sd.query_devices(kind=kind)["index"])
        except Exception:
            result.append(None)
    return result[0], result[1]
