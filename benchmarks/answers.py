"""The benchmark's spoken answers: a realistic script read by espeak-ng, with natural pauses.

Sentences are synthesized one by one and joined with 0.3-0.8 s gaps (a fixed random draw),
so some pauses close a streaming segment and some don't. An answer of N seconds is the
script's first sentences up to N seconds of audio; its text is what the words should be.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.audio import load, write_wav

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"

# "Tell me about your customer service experience": a candidate's long answer, fillers and all.
SCRIPT = (
    "Sure. Um, I have worked in customer service for about three years, first at a grocery "
    "store and then at a phone company.",
    "At the phone company I answered around sixty calls a day, mostly about bills, new phones "
    "and service problems.",
    "What I liked most was that every call was different, and I could usually fix the problem "
    "before the customer hung up.",
    "One call I still remember came from an older man who had been charged twice for the same month.",
    "He was really upset, and he told me he had already called three times and nobody had helped him.",
    "So first I let him finish, and I did not interrupt him, because I think people need to feel heard.",
    "Then I said I was sorry for the trouble, and I told him I would stay with him until it was "
    "sorted out.",
    "I checked his account and saw that the second payment had gone through by mistake after a "
    "system update.",
    "Uh, I could not refund it myself, so I asked my team lead, and she approved the refund while "
    "he was still on the line.",
    "I gave him a reference number and told him the money would be back in his account within "
    "five working days.",
    "I also wrote clear notes on the account, so that if he called again, the next agent would "
    "know exactly what happened.",
    "A week later he called back, just to say thank you, and my team lead shared the call with "
    "the whole team.",
    "From that call I learned that staying calm and owning the problem matters more than having "
    "every answer.",
    "Another thing I learned is to set clear expectations, because customers get angry when they "
    "do not know what happens next.",
    "In my last review, my manager said my customer satisfaction score was one of the highest on "
    "the team.",
    "I also helped train two new agents, and I showed them how I use short notes during the call "
    "so nothing gets lost.",
    "When it gets busy, um, I take a deep breath between calls, and I try to give the next caller "
    "a fresh start.",
    "I want to work in this call center because your company is known for good training and for "
    "treating customers well.",
    "I am comfortable with computers, I type quickly, and I am happy to work evenings and weekends "
    "when needed.",
    "I know the job can be stressful, but I enjoy solving problems, and I like talking to people all day.",
    "If I do not know the answer to a question, I am honest about it, I put the caller on a short "
    "hold, and I find out.",
    "I think good customer service is about listening, being patient, and making sure the "
    "customer leaves happier than when they called.",
    "In five years I would like to be a team lead, so I can help new agents the way my team lead "
    "helped me.",
    "That is why I think I would be a good fit for this role, and I am ready to start as soon as "
    "you need me.",
)
GAPS = (0.3, 0.8)  # seconds of silence between sentences
LEAD = 0.5  # seconds of silence before the first word


@dataclass(frozen=True)
class Answer:
    seconds: int  # the nominal length (15, 30, 60, 120)
    path: Path  # 16 kHz mono WAV
    text: str  # the words spoken
    speech_end: float  # seconds from the file's start to its last speech sample

    @property
    def duration(self) -> float:
        return len(load(self.path)) / 16_000


def _sentence(i: int) -> np.ndarray:
    wav = CACHE / "sentences" / f"{i:02d}.wav"
    if not wav.exists():
        wav.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), SCRIPT[i]],
                       check=True, capture_output=True)
    return load(wav)


def _speech_end(samples: np.ndarray) -> float:
    """The last sample louder than espeak's silence (it writes true zeros between words)."""
    loud = np.flatnonzero(np.abs(samples) > 1e-3)
    return (loud[-1] + 1) / 16_000 if len(loud) else 0.0


def answer(seconds: int) -> Answer:
    """The script's first sentences, read aloud, until the audio is at least `seconds` long."""
    if shutil.which("espeak-ng") is None:
        raise RuntimeError("espeak-ng is not installed (Debian: espeak-ng)")
    path = CACHE / f"answer-{seconds}s.wav"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        info = json.loads(meta.read_text())
        if info.get("script") == list(SCRIPT):
            return Answer(seconds, path, info["text"], info["speech_end"])
    rng = np.random.default_rng(seconds)
    parts, said, length = [np.zeros(int(LEAD * 16_000), np.float32)], [], LEAD
    for i in range(len(SCRIPT)):
        gap = np.zeros(int(rng.uniform(*GAPS) * 16_000) if said else 0, np.float32)
        spoken = _sentence(i)
        if length >= seconds:
            break  # whole sentences, so at least as long as its nominal length
        parts += [gap, spoken]
        said.append(SCRIPT[i])
        length += (len(gap) + len(spoken)) / 16_000
    samples = np.concatenate(parts)
    write_wav(path, samples)
    text = " ".join(said)
    speech_end = _speech_end(samples)
    meta.write_text(json.dumps({"script": list(SCRIPT), "text": text, "speech_end": speech_end}))
    return Answer(seconds, path, text, speech_end)
