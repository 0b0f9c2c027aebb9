"""Speech chunks: both engines decode speech in short pieces cut at pauses, never in 30 s windows.

Decoding each stretch of speech on its own, at most `max_chunk_seconds` long, is what lets a
live answer be transcribed while it is spoken, and keeps one misheard window from costing
the words of the next. Every chunk's words pass the guards (guards.py) before they are kept.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from ..types import SAMPLE_RATE, Transcript, Word, words_text
from . import DecodeOptions
from . import guards

# Decodes one chunk of speech: words with times relative to the chunk's start.
DecodeChunk = Callable[[np.ndarray], Sequence[Word]]
Span = tuple[float, float]

MIN_SPLIT_SECONDS = 4.0  # a looping or passed-over chunk shorter than this is not split again
MIN_WORDS_PER_SECOND = 1.2  # fewer words per second of speech: the decoder passed some over


def speech_stretches(samples: np.ndarray, options: DecodeOptions, pad_ms: int | None = None
                     ) -> list[tuple[int, int]]:
    """Sample ranges [start, end) the VAD hears as speech, at most max_chunk_seconds each."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    found = get_speech_timestamps(samples, VadOptions(
        min_silence_duration_ms=options.vad_min_silence_ms,
        speech_pad_ms=options.vad_speech_pad_ms if pad_ms is None else pad_ms,
        max_speech_duration_s=options.max_chunk_seconds,
    ))
    return [(t["start"], t["end"]) for t in found]


def speech_chunks(samples: np.ndarray, options: DecodeOptions) -> list[tuple[int, int]]:
    """Sample ranges [start, end) of speech, cut at pauses, each at most max_chunk_seconds long.

    Neighbouring stretches of speech are joined while the gap between them is short and the
    whole stays within the limit. Silence and noise give no chunks at all.
    """
    if not options.vad_filter:
        return [(0, len(samples))] if len(samples) else []
    limit = int(options.max_chunk_seconds * SAMPLE_RATE)
    gap = int(options.chunk_gap_seconds * SAMPLE_RATE)
    chunks: list[list[int]] = []
    for start, end in speech_stretches(samples, options):
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
    unclear: list[Span] = []
    for start, end in speech_chunks(samples, options):
        got, spans = decode_chunk(samples, start, end, options, decode)
        shift = offset
        words += [replace(w, start=round(w.start + shift, 3), end=round(w.end + shift, 3),
                          probability=round(w.probability, 4)) for w in got]
        unclear += [(round(a + shift, 3), round(b + shift, 3)) for a, b in spans]
        if on_progress:
            on_progress(end / SAMPLE_RATE)
    if on_progress:
        on_progress(duration)
    return Transcript(text=words_text(words), words=tuple(words), duration=duration, engine=engine,
                      unclear=tuple(unclear))


def decode_chunk(samples: np.ndarray, start: int, end: int, options: DecodeOptions,
                 decode: DecodeChunk, may_split: bool = True) -> tuple[list[Word], list[Span]]:
    """The words of samples[start:end] on the recording's timeline, and any unclear spans.

    A chunk whose words loop, or that the decoder passed over in part, is decoded again as two
    halves cut at its quietest moment (for a passed-over chunk, kept only if the halves give
    more words); a loop that survives that is cut to one occurrence and its time marked unclear.
    """
    words = _decode_with_resume(samples, start, end, options, decode)
    looping = guards.is_looping(words)
    if not looping and not _passed_over(samples, start, end, words, options):
        return words, []
    if may_split and (end - start) / SAMPLE_RATE >= MIN_SPLIT_SECONDS:
        cut = _quietest(samples, start, end)
        first, a = decode_chunk(samples, start, cut, options, decode, may_split=False)
        second, b = decode_chunk(samples, cut, end, options, decode, may_split=False)
        if looping or len(first) + len(second) > len(words):
            return first + second, a + b
    return guards.cut_loops(words) if looping else (words, [])


def _passed_over(samples: np.ndarray, start: int, end: int, words: Sequence[Word],
                 options: DecodeOptions) -> bool:
    """Whether the decoder wrote nothing for a good part of the chunk's speech.

    On narrow-band audio (a voice resampled to 8 kHz, as on a telephone line) Whisper can
    emit one segment that starts halfway into a chunk, skipping the first sentences, and
    stretch one word over the speech it did not write ("like", 2.9 s). Such a chunk has speech
    before its first word, or far fewer words than its speech holds: real speech runs at 1.6 to
    4.3 words per second of VAD speech, a skipped chunk at 0.8 (benchmarks/realspeech.py).
    """
    seconds = (end - start) / SAMPLE_RATE
    pad = options.vad_speech_pad_ms / 1000
    head = words[0].start - start / SAMPLE_RATE - pad if words else seconds
    if head < options.resume_after_seconds and len(words) >= MIN_WORDS_PER_SECOND * seconds:
        return False  # the cheap check: the VAD need not run again
    stretches = speech_stretches(samples[start:end], options, pad_ms=0)
    speech = sum(e - s for s, e in stretches) / SAMPLE_RATE
    before = sum(max(0.0, min(e / SAMPLE_RATE, head + pad) - s / SAMPLE_RATE)
                 for s, e in stretches)
    return before >= options.resume_after_seconds or len(words) < MIN_WORDS_PER_SECOND * speech


MAX_RESUMES = 3  # a chunk is at most 15 s: a few resumes are plenty
REPEAT_WINDOW = 0.3  # seconds: a resumed piece starting with the last word again repeats it


def _decode_with_resume(samples: np.ndarray, start: int, end: int, options: DecodeOptions,
                        decode: DecodeChunk) -> list[Word]:
    """Every word of a chunk, on the recording's timeline.

    Whisper sometimes ends its output early (after the first sentence of a 13 s chunk). When
    speech goes on after the last word, decoding resumes where the next stretch of speech
    begins after a pause: starting mid-word or mid-phrase makes Whisper invent a sentence
    around the fragment. Only speech that runs on with no pause is resumed right after the
    last word.
    """
    out: list[Word] = []
    at = start
    pad = options.vad_speech_pad_ms / 1000
    for _ in range(1 + MAX_RESUMES):
        shift = at / SAMPLE_RATE
        piece = samples[at:end]
        got = guards.drop_invented(decode(piece), len(piece) / SAMPLE_RATE, pad)
        if not got:
            break
        placed = [replace(w, start=w.start + shift, end=w.end + shift) for w in got]
        if out and guards.bare(placed[0]) == guards.bare(out[-1]) \
                and placed[0].start < out[-1].end + REPEAT_WINDOW:
            placed = placed[1:]  # the word decoding stopped at, heard again from its tail
        out += placed
        resume = _next_stretch(samples, at + int(got[-1].end * SAMPLE_RATE), end, options)
        if resume is None:
            break
        at = resume
    return out


def _next_stretch(samples: np.ndarray, after: int, end: int, options: DecodeOptions) -> int | None:
    """Where the first stretch of speech that begins after `after` starts (with its padding),
    if at least resume_after_seconds of speech is left to decode; else None."""
    if (end - after) / SAMPLE_RATE < options.resume_after_seconds:
        return None
    rest = samples[after:end]
    stretches = speech_stretches(rest, options, pad_ms=0)
    pad = int(options.vad_speech_pad_ms * SAMPLE_RATE / 1000)
    for s, e in stretches:
        if s == 0 and e / SAMPLE_RATE >= options.resume_after_seconds:
            return after  # the speech runs on without a pause: there is nowhere better
        if s > 0:  # begins after a pause, not in the middle of the word Whisper stopped at
            remaining = sum(b - a for a, b in stretches if a >= s) / SAMPLE_RATE
            if remaining < 0.5:
                return None
            return after + max(0, s - pad)
    return None


def _quietest(samples: np.ndarray, start: int, end: int) -> int:
    """The quietest 100 ms in the middle half of [start, end): a pause, at best."""
    hop = SAMPLE_RATE // 10
    lo, hi = start + (end - start) // 4, start + 3 * (end - start) // 4
    frames = [(float(np.sqrt(np.mean(samples[i:i + hop] ** 2))), i) for i in range(lo, hi - hop, hop)]
    return min(frames)[1] + hop // 2 if frames else (start + end) // 2
