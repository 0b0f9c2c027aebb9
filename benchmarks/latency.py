"""End of speech to scored answer, through the microphone path, in real time.

Run inside `pulse.null_sink()`'s environment (the parent does that): each answer WAV is
played into the null sink with paplay while the product's Microphone records the sink's
monitor through ALSA's pulse device, exactly as a session records a candidate
(`Microphone.listen`, transcribing while the answer plays).

"End of speech" is the Microphone's own decision that the answer is over: the last speech
sample has played and the end-of-answer silence (about 1.2 s after a finished sentence) has
been heard; each transcribed stretch is prepared for scoring, as in a session. The clock starts at
the block that completed that silence (the last block handed to the streaming hook) and stops
when `score_answer` returns, covering what the session does in between: closing the input
stream, transcribing the tail, waiting for segments still in hand, writing the answer's WAV
and scoring it. Prints one JSON document.

    python -m benchmarks.latency [--runs N] [--seconds 15,30,60]   (inside the pulse env)
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from simulator.assess import Preparing, prepare, score_answer
from simulator.audio import load, write_wav
from simulator.banks import resolve_banks
from simulator.listen import Meter, Microphone, Slot, TurnRules
from simulator.scoring import semantic
from simulator.transcribe import make_transcriber

from . import answers, pulse
from .wer import word_errors

QUESTION = "customer-service-experience"


def one_answer(mic: Microphone, engine, question, answer: answers.Answer, env: dict,
               folder: Path) -> dict:
    # paplay and the input stream (opened inside listen()) both start within milliseconds,
    # and the file begins with half a second of silence, so no speech is missed.
    player = pulse.play(answer.path, env)
    played_at = time.monotonic()
    # As the session does: each stretch transcribed is embedded for scoring at once.
    heard = mic.listen(Slot(QUESTION), Preparing(engine, question))
    transcribed_at = time.monotonic()
    if heard is None:
        raise RuntimeError(f"{answer.path}: the microphone heard nothing (is the null sink's "
                           "monitor the default source?)")
    write_wav(folder / f"{answer.seconds}.wav", heard.recording.samples)
    score = score_answer(question, heard.transcript, heard.recording)
    scored_at = time.monotonic()
    player.wait()
    live = mic.live  # this answer's live transcription: when the last block came, the tail
    decided_at = live.last_audio_at
    errors, words = word_errors(answer.text, heard.transcript.text)
    return {
        "seconds": answer.seconds,
        "latency_ms": (scored_at - decided_at) * 1000,
        "transcript_ready_ms": (transcribed_at - decided_at) * 1000,
        "scoring_ms": (scored_at - transcribed_at) * 1000,  # includes writing the WAV
        "tail_s": live.tail_seconds,
        "segments": live.segments_sent,
        # Sanity: the decision should come ~end_silence after the last speech sample played.
        "decided_after_speech_end_s": decided_at - played_at - answer.speech_end,
        "recorded_s": heard.recording.duration,
        "ended_by": heard.recording.ended_by,
        "overall": score.overall,
        "errors": errors,
        "words": words,
        "text": heard.transcript.text,
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5, help="runs of the 60 s answer")
    p.add_argument("--other-runs", type=int, default=3, help="runs of the other lengths")
    p.add_argument("--seconds", default="15,30,60,120")
    args = p.parse_args(argv)
    env = dict(os.environ)
    lengths = [int(s) for s in args.seconds.split(",")]
    clips = {s: answers.answer(s) for s in lengths}
    with tempfile.TemporaryDirectory() as tmp:
        question = next(q for b in resolve_banks([], Path(tmp)) for q in b.questions
                        if q.id == QUESTION)
        engine = make_transcriber()
        engine.load()
        engine.transcribe(load(clips[lengths[0]].path)[:16_000 * 5])  # first-call costs
        prepare(question, "").result()  # the meaning model, loaded while the opening is spoken
        for warming in semantic._warming:
            warming.join()
        mic = Microphone(TurnRules(), meter=Meter(io.StringIO()), watch_enter=False)
        results = []
        rounds = max(args.runs, args.other_runs)
        for r in range(rounds):  # interleaved, so slow drift of the machine hits every length
            for s in lengths:
                if r < (args.runs if s == 60 else args.other_runs):
                    results.append(one_answer(mic, engine, question, clips[s], env, Path(tmp)))
                    print(f"  {s:>3} s answer, run {r + 1}: {results[-1]['latency_ms']:.0f} ms",
                          file=sys.stderr, flush=True)
    summary = {}
    for s in lengths:
        runs = [x for x in results if x["seconds"] == s]
        lat = [x["latency_ms"] for x in runs]
        summary[str(s)] = {
            "runs": len(runs), "audio_s": round(clips[s].duration, 1),
            "p50_ms": round(statistics.median(lat)), "p90_ms": round(percentile(lat, 90)),
            "transcript_ready_p50_ms": round(statistics.median(x["transcript_ready_ms"] for x in runs)),
            "scoring_p50_ms": round(statistics.median(x["scoring_ms"] for x in runs)),
            "tail_s_max": round(max(x["tail_s"] for x in runs), 2),
            "segments": runs[0]["segments"],
            "decided_after_speech_end_s": round(statistics.median(
                x["decided_after_speech_end_s"] for x in runs), 2),
            "wer": round(sum(x["errors"] for x in runs) / sum(x["words"] for x in runs), 4),
            "ended_by": sorted({x["ended_by"] for x in runs}),
        }
    errors = sum(x["errors"] for x in results)
    words = sum(x["words"] for x in results)
    print(json.dumps({"by_length": summary, "wer": errors / max(1, words),
                      "sample_text": results[-1]["text"], "runs": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
