"""Audio files in and out: anything libsndfile reads becomes 16 kHz mono float32."""

from __future__ import annotations

import os
import struct
import tempfile
from pathlib import Path

import numpy as np

from .errors import AudioFileError
from .home import private_mkdir
from .types import SAMPLE_RATE, Recording


def to_mono_16k(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """Mix down to mono and resample with soxr (a well-tested resampler, not a hand-written one)."""
    samples = np.asarray(samples, dtype=np.float32)
    if samples.ndim == 2:
        samples = samples.mean(axis=1)
    if sample_rate != SAMPLE_RATE and len(samples):
        import soxr

        samples = soxr.resample(samples, sample_rate, SAMPLE_RATE, quality="HQ")
    return np.ascontiguousarray(samples, dtype=np.float32)


def load(path: str | os.PathLike) -> np.ndarray:
    """Read an audio file as 16 kHz mono float32, or raise AudioFileError naming the file."""
    import soundfile as sf

    path = Path(path)
    if not path.exists():
        raise AudioFileError(f"{path}: no such audio file")
    if path.is_dir():
        raise AudioFileError(f"{path}: is a folder, not an audio file")
    try:
        samples, rate = sf.read(str(path), dtype="float32", always_2d=False)
    except (OSError, RuntimeError, TypeError, ValueError) as exc:  # LibsndfileError is a RuntimeError
        raise AudioFileError(f"{path}: {_why_unreadable(path, exc)}") from None
    return to_mono_16k(samples, rate)


def unreadable(path: str | os.PathLike) -> str | None:
    """Why an audio file cannot be used, or None when it can: it is opened and decoded in full
    (block by block, so a long file costs little memory)."""
    import soundfile as sf

    path = Path(path)
    try:
        with sf.SoundFile(str(path)) as f:
            decoded = sum(len(block) for block in f.blocks(blocksize=65_536, dtype="float32"))
    except (OSError, RuntimeError, TypeError, ValueError) as exc:
        return _why_unreadable(path, exc)
    if decoded == 0:
        return "it holds no audio"
    return cut_short(path)


CUT_SHORT_SECONDS = 0.1  # less missing than this is a header's rounding, not a lost answer
UNKNOWN_LENGTH = 0x7FFF_0000  # a header written before the audio (a stream): it promises nothing


def cut_short(path: str | os.PathLike) -> str | None:
    """'looks cut short: ...' for a WAV or AIFF file that holds less audio than its header
    promises (copied half-way, a download stopped), else None. libsndfile reads what is there
    without a word, and the answer would be scored as if the candidate had stopped talking."""
    import soundfile as sf

    sizes = _data_sizes(Path(path))
    if sizes is None:
        return None
    promised, present = sizes
    try:
        info = sf.info(str(path))
    except (OSError, RuntimeError, TypeError, ValueError):
        return None  # unreadable: said elsewhere, in libsndfile's words
    held = info.frames / info.samplerate if info.samplerate else 0.0
    if present <= 0 or held <= 0:
        return None  # "it holds no audio", said elsewhere
    whole = held * promised / present
    if whole - held < CUT_SHORT_SECONDS:
        return None
    return (f"looks cut short: its header promises {whole:.1f} s but it holds {held:.1f} s "
            f"(copy or record it again in full)")


def _data_sizes(path: Path) -> tuple[int, int] | None:
    """(bytes of audio the header promises, bytes there are after it) for WAV and AIFF files;
    None for other formats, a length left open, or a header too damaged to walk."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(12)
            if len(head) < 12:
                return None
            if head[:4] in (b"RIFF", b"RIFX") and head[8:12] == b"WAVE":
                order, wanted, skip = ("<" if head[:4] == b"RIFF" else ">"), b"data", 0
            elif head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
                order, wanted, skip = ">", b"SSND", 8  # SSND starts with its offset and block size
            else:
                return None
            at = 12
            while at + 8 <= size:
                f.seek(at)
                chunk, length = struct.unpack(order + "4sI", f.read(8))
                if chunk == wanted:
                    if length == 0 or length >= UNKNOWN_LENGTH:
                        return None
                    return length - skip, size - (at + 8 + skip)
                at += 8 + length + (length & 1)  # chunks are padded to an even length
    except (OSError, struct.error):
        return None
    return None


def _why_unreadable(path: Path, exc: BaseException) -> str:
    """What went wrong with a file, in words: libsndfile says "System error" for all of these."""
    try:
        with open(path, "rb") as f:
            empty = f.read(1) == b""
    except PermissionError:
        return "no permission to read it"
    except OSError as err:
        return f"cannot be read ({err.strerror or err})"
    if empty:
        return "the file is empty"
    # libsndfile's own words, without its "Error opening '<path>': " (the path is named already);
    # not its "File does not exist or is not a regular file", which it says of a file it could not
    # decode (text named .mp3), when the file is there.
    detail = getattr(exc, "error_string", None) or str(exc)
    if "does not exist" in detail and path.is_file():
        return "not an audio file libsndfile can read, or a damaged one"
    return f"not an audio file libsndfile can read, or a damaged one ({detail})"


def load_recording(path: str | os.PathLike, whole: bool = True) -> Recording:
    """A recorded answer from a file; AudioFileError when it cannot be read or holds no audio
    (a WAV header and nothing after it), or, with `whole`, when it is cut short: a part of an
    answer is no answer to score."""
    samples = load(path)
    if not len(samples):
        raise AudioFileError(f"{path}: it holds no audio")
    why = cut_short(path) if whole else None
    if why is not None:
        raise AudioFileError(f"{path} {why}")
    return Recording(samples=samples, path=Path(path), ended_by="file")


def write_wav(path: str | os.PathLike, samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> Path:
    """Write 16-bit PCM WAV through a temporary file and a rename, so a crash never leaves half a file."""
    import soundfile as sf

    path = Path(path)
    private_mkdir(path.parent)  # a session's recordings: the candidate's voice, owner only
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".wav.part", dir=path.parent)
    os.close(fd)
    try:
        sf.write(tmp, np.asarray(samples, dtype=np.float32), sample_rate, subtype="PCM_16", format="WAV")
        os.chmod(tmp, 0o600)  # personal recordings: readable by their owner only
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def rms_dbfs(samples: np.ndarray) -> float:
    """Loudness as RMS in dB relative to full scale (-inf for silence)."""
    if len(samples) == 0:
        return float("-inf")
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return 20 * np.log10(rms) if rms > 0 else float("-inf")
