"""Speech chunks: both engines decode speech in short pieces cut at pauses, never in 30 s windows.

With the filler prompt, Whisper sometimes skips or repeats a whole 30-second window of a long
answer (measured on 40 s answers: as little as 20% of the words kept, or text written twice).
Decoding each stretch of speech on its own, at most `max_chunk_seconds` long, keeps every
word and the fillers; it is also what lets a live answer be transcribed while it is spoken.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..types import SAMPLE_RATE, Transcript, Word
from . import DecodeOptions

# Decodes one chunk of speech: words with times relative to the chunk's start.
DecodeChunk = Callable[[np.ndarray], Sequence[Word]]


def speech_chunks(samples: np.ndarray, options: DecodeOptions) -> list[tuple[int, int]]:
    """Sample ranges [start, end) of speech, cut at pauses, each at most max_chunk_seconds long.

    Neighbouring stretches of speech are joined while the gap between them is short and the
    whole stays within the limit. Silence and noise give no chunks at all.
    """
    if not options.vad_filter:
        return [(0, len(samples))] if len(samples) else []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    found = get_speech_timestamps(samples, VadOptions(
        min_silence_duration_ms=options.vad_min_silence_ms,
        speech_pad_ms=options.vad_speech_pad_ms,
        max_speech_duration_s=options.max_chunk_seconds,
    ))
    limit = int(options.max_chunk_seconds * SAMPLE_RATE)
    gap = int(options.chunk_gap_seconds * SAMPLE_RATE)
    chunks: list[list[int]] = []
    for t in found:
        start, end = t["start"], t["end"]
        if chunks and start - chunks[-1][1] <= gap and end - chunks[-1][0] <= limit:
            chunks[-1][1] = end
        else:
            chunks.append([start, end])
    return [(s, e) for s, e in chunks]


def transcribe_in_chunks(samples: np.ndarray, options: DecodeOptions, decode: DecodeChunk,
                         engine: str, on_progress: Callable[[float], None] | None = None,
                         offset: float = 0.0) -> Transcript:
    """Decode each speech chunk and join the words on the recording's timeline.

    `offset` shifts every time, for audio that starts part-way into a longer answer.
    """
    samples = np.asarray(samples, dtype=np.float32)
    duration = len(samples) / SAMPLE_RATE
    words: list[Word] = []
    for start, end in speech_chunks(samples, options):
        for w, shift in _decode_whole_chunk(samples, start, end, options, decode):
            words.append(Word(w.word, round(w.start + shift + offset, 3),
                              round(w.end + shift + offset, 3), round(w.probability, 4)))
        if on_progress:
            on_progress(end / SAMPLE_RATE)
    if on_progress:
        on_progress(duration)
    text = "".join(w.word for w in words).strip()
    return Transcript(text=text, words=tuple(words), duration=duration, engine=engine)


MAX_RESUMES = 3  # a chunk is at most 15 s: a few resumes are plenty


def _decode_whole_chunk(samples: np.ndarray, start: int, end: int, options: DecodeOptions,
                        decode: DecodeChunk) -> list[tuple[Word, float]]:
    """Every word of a chunk, with the shift (seconds) that puts it on the recording's timeline.

    Whisper sometimes ends its output early (after the first sentence of a 13 s chunk), so
    when speech goes on after the last word, decoding resumes from there.
    """
    out: list[tuple[Word, float]] = []
    at = start
    for _ in range(1 + MAX_RESUMES):
        shift = at / SAMPLE_RATE
        got = list(decode(samples[at:end]))
        out += [(w, shift) for w in got]
        if not got:
            break
        resume = at + int(got[-1].end * SAMPLE_RATE)
        if (end - resume) / SAMPLE_RATE < options.resume_after_seconds or not _has_speech(
                samples[resume:end], options):
            break
        at = resume
    return out


def _has_speech(samples: np.ndarray, options: DecodeOptions) -> bool:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    found = get_speech_timestamps(samples, VadOptions(min_silence_duration_ms=options.vad_min_silence_ms,
                                                      speech_pad_ms=0))
    return sum(t["end"] - t["start"] for t in found) / SAMPLE_RATE >= 0.5
