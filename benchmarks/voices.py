"""Synthesized answers in two voices, with planted fillers, for filler recall and loop checks.

Two different synthesizers, so that no result hangs on one voice: espeak-ng (en-us) and
flite (its "slt" voice, Debian flite). Each answer exists in a clean version, a version with
planted fillers ("um", "uh" as sounds, "like", "you know" as words) and a fast version
(espeak-ng at 280 words a minute, where Whisper once looped "I was, uh" 44 times).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

# "{s}" marks a sound filler ("um," and "uh," in turn), "{w}" a word filler ("like," /
# "you know," in turn).
ANSWERS = (
    "{s} I worked at a bakery for two years and {s} I handled customer complaints every day. "
    "{w} One time a customer was upset about a late order, and {s} I apologized and offered a refund.",
    "{s} I want to work in a call center because I enjoy helping people. {s} At the pharmacy I "
    "answered about forty calls a shift, and {w} the best part was solving problems. {s} I stay calm.",
    "When a caller is angry, {s} I let them finish first. Then {s} I apologize and {w} tell them "
    "what I can do. {s} After the call I write clear notes so nobody has to ask again.",
    "{s} My greatest strength is patience. {w} At the library an elderly man called every week, "
    "and {s} I walked him through the app slowly. {s} After three calls he could do it himself.",
    "{s} If I did not know the answer, {s} I would be honest and put the caller on a short hold. "
    "{w} Then I would ask my team lead, and {s} I would call back if it took longer.",
    "{s} Last December we had queues out the door for two weeks. {s} I kept a list of the five "
    "most common questions, {w} and I finished the season with no complaints.",
)
SOUND_FILLERS = ("um,", "uh,")
WORD_FILLERS = ("like,", "you know,")
SOUNDS = {"um", "uh", "umm", "uhh", "uhm", "er", "erm", "ah", "hmm", "mm"}
VOICES = ("espeak-ng", "flite")
FAST_WPM = 280


@dataclass(frozen=True)
class Spoken:
    text: str  # the words spoken, fillers included
    sounds: int  # planted sound fillers
    words: int  # planted word fillers


def plant(template: str, fillers: bool) -> Spoken:
    """The answer with its fillers (or without), and how many of each kind it has."""
    sounds = words = 0

    def put(match: re.Match) -> str:
        nonlocal sounds, words
        if match.group(0) == "{s}":
            sounds += 1
            return SOUND_FILLERS[(sounds - 1) % len(SOUND_FILLERS)] if fillers else ""
        words += 1
        return WORD_FILLERS[(words - 1) % len(WORD_FILLERS)] if fillers else ""

    text = re.sub(r"\{[sw]\}", put, template)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(^|[.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return Spoken(text, sounds if fillers else 0, words if fillers else 0)


def missing_tools() -> list[str]:
    return [tool for tool in VOICES if shutil.which(tool) is None]


def speak(text: str, voice: str, path: Path, fast: bool = False) -> Path:
    """`text` spoken by one of VOICES into a WAV file."""
    if voice == "espeak-ng":
        cmd = ["espeak-ng", "-v", "en-us", "-s", str(FAST_WPM if fast else 160), "-w", str(path), text]
    elif voice == "flite":
        # flite speaks at about 170 words a minute; a shorter duration is faster speech.
        cmd = ["flite", "-voice", "slt", "--setf", f"duration_stretch={0.6 if fast else 1.0}",
               "-t", text, "-o", str(path)]
    else:
        raise ValueError(f"unknown voice {voice!r}")
    subprocess.run(cmd, check=True, capture_output=True)
    return path


def count_fillers(text: str) -> tuple[int, int]:
    """Sound fillers and word fillers ("like", "you know") in a transcript's raw text.

    The answers above never say "like" or "you know" except as planted fillers, so every one
    counts, with or without the comma Whisper may leave out. Whisper's English normaliser
    is never used: it deletes fillers.
    """
    tokens = re.findall(r"[a-z']+", text.lower())
    sounds = sum(1 for w in tokens if w in SOUNDS)
    words = tokens.count("like") + sum(1 for a, b in zip(tokens, tokens[1:]) if (a, b) == ("you", "know"))
    return sounds, words
