"""Recordings of real people with known transcripts, from the package registries, for tests and benchmarks.

Nothing here is committed: the audio comes from packages CI installs on a clean machine.
- Debian `pocketsphinx-testdata` (BSD-2, CMU): five LibriVox sentences read by one woman
  (public domain audiobook), five spoken card names and "go forward ten meters" (commands).
- Debian `asterisk-core-sounds-en-wav` (CC-BY-SA 3.0, recorded by Allison Smith): a
  professional IVR voice, 8 kHz; the words of each prompt are in the package's
  core-sounds-en.txt, copied below. Its "tt-monkeys" prompt is monkeys screaming: non-speech.
- PyPI `silero-vad==6.2.3` sdist (MIT): a one-minute lecture and a three-minute news report
  with a rally and interviews, spontaneous speech by several people. No transcript is
  published with them: they serve where none is needed (engine agreement, loops, endings).

Each clip is prepared twice, as 16 kHz mono WAV: at its original quality, and as a
telephone-band copy (sox: 8 kHz mu-law, 300-3400 Hz, then back to 16 kHz), in a cache under
the virtualenv (`MOCK_INTERVIEW_TEST_AUDIO` overrides it). sox runs in repeatable mode (-R):
its dither noise is seeded, so every machine hears the same telephone copy. Unseeded, the dither
alone moved the IVR prompts' word error rate between 4.4% and 7.2% from one copy to the next.

    python -m benchmarks.realspeech     # fetch and prepare; prints the cache folder
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

POCKETSPHINX = Path("/usr/share/pocketsphinx/test/data")
ASTERISK = Path("/usr/share/asterisk/sounds/en_US_f_Allison")
DEBIAN_PACKAGES = ("pocketsphinx-testdata", "asterisk-core-sounds-en-wav", "sox")
SILERO_SDIST = "silero-vad==6.2.3"
BANDS = ("original", "telephone")


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # read | commands | ivr | spontaneous | non-speech
    speaker: str
    origin: str  # where the file is: a Debian path, or "silero:<path in the sdist>"
    reference: str | None  # the words spoken; "" for non-speech; None when unpublished


def _ivr(name: str, reference: str) -> Source:
    return Source(f"ivr-{name}", "ivr", "Allison Smith", str(ASTERISK / f"{name}.wav"), reference)


SOURCES: tuple[Source, ...] = (
    *(Source(f"read-{n}", "read", "LibriVox reader", str(POCKETSPHINX / "librivox" /
                                                        f"sense_and_sensibility_01_austen_64kb-{n}.wav"),
             text) for n, text in (
        ("0870",
         "and mister john dashwood had then leisure to consider how much there might be "
         "prudently in his power to do for them"),
        ("0880", "he was not an ill disposed young man"),
        ("0890", "unless to be rather cold hearted and rather selfish is to be ill disposed"),
        ("0920", "had he married a more a amiable woman he might have been made still more "
                     "respectable than he was"),
        ("0930", "he might even have been made amiable himself"),
    )),
    *(Source(f"cards-{n}", "commands", "CMU cards speaker", str(POCKETSPHINX / "cards" / f"{n}.wav"),
             text) for n, text in (
        ("001", "ten of clubs"), ("002", "four queen of clubs"), ("003", "seven of clubs"),
        ("004", "five five"), ("005", "eight of spades four of clubs seven of hearts"))),
    Source("goforward", "commands", "CMU goforward speaker", str(POCKETSPHINX / "goforward.raw"),
           "go forward ten meters"),
    _ivr("basic-pbx-ivr-main",
         "Thank you for calling Super Awesome Company, Waldo's premier provider of perfect "
         "products. If you know your party's extension, you may dial it at any time. To "
         "establish a sales partnership, press one. To speak with a customer advocate, press "
         "two. For accounting and other receivables, press three. For a company directory, "
         "press four. For an operator, press zero."),
    _ivr("demo-congrats",
         "Congratulations. You have successfully installed and executed the Asterisk open source "
         "PBX. You have also installed a set of sample sounds and configuration files that should "
         "help you to get started. Like a normal PBX you will navigate this demonstration by "
         "dialing digits. If you are using a console channel driver instead of a real phone you "
         "can use the dial, answer, and hang up commands to simulate the actions of a standard "
         "telephone."),
    _ivr("demo-echotest",
         "You are about to enter an echo test. In this mode everything you say will be repeated "
         "back to you just as soon as it is received. The purpose of this test is to give you an "
         "audible sense of the latency between you and the machine that is running the echo test "
         "application. You may end the test by hanging up or by pressing the pound key."),
    _ivr("demo-nogo",
         "I am afraid I was unable to create a connection to the Digium demonstration Asterisk "
         "server. You may find some helpful debugging information on the Asterisk console."),
    _ivr("tt-allbusy",
         "All representatives of the household are currently assisting other telemarketers. "
         "Please hold and your call will be answered in the order it was received."),
    _ivr("vm-instructions",
         "To look into your messages press 1 now. You may quit voicemail at any time by pressing "
         "the pound key."),
    _ivr("vm-msginstruct",
         "To hear the next message press 6, to repeat this message press 5, to hear the previous "
         "message press 4, to delete or undelete this message press zero, to quit voicemail "
         "press pound."),
    _ivr("vm-options",
         "Press 1 to record your unavailable message, press 2 to record your busy message, press "
         "3 to record your name, press 4 to record your temporary greeting, press 5 to change "
         "your password, press star to return to the main menu."),
    _ivr("dir-intro",
         "Welcome to the directory. Please enter the first three letters of your party's last "
         "name using your touch tone keypad. Use the 7 key for Q and the 9 key for Z."),
    _ivr("vm-record-prepend",
         "At the tone, please record an introduction to the forwarded message. When done, press "
         "the pound sign."),
    _ivr("pbx-invalid", "I am sorry, that's not a valid extension. Please try again."),
    _ivr("privacy-prompt", "Please enter your phone number, starting with the area code."),
    _ivr("tt-weasels", "Weasels have eaten our phone system"),
    _ivr("demo-thanks", "Goodbye. Thank you for trying out the Asterisk Open Source PBX."),
    Source("ivr-tt-monkeys", "non-speech", "monkeys", str(ASTERISK / "tt-monkeys.wav"), ""),
    Source("lecture", "spontaneous", "lecturer", "silero:tests/data/test.wav", None),
    Source("news", "spontaneous", "news report, several people",
           "silero:examples/c++/aepyx.wav", None),
)

# The sha256 of each original file: a changed package cannot change what the tests measure.
SHA256 = {
    "read-0870": "b0557cf95c974d930577e58e46b7f068c432a6e3afcc286563d88922b2a5315c",
    "read-0880": "fbec491ef00ee734a67f0ee318e98c51c157b479e1629ff4f4426861ecac0414",
    "read-0890": "5793ffbdee55fb8bfd284943a6866864c832d9d4accf2661cabd39915c84ee10",
    "read-0920": "40882414ef4cc51f3ff7a63bad0c8c87e7f595ffeb8209fbf756c8ebc5c28a59",
    "read-0930": "954adbf0b56ac8a148cbe77b39ca18d76b5f2a1e1f405565bd786ce3e68a68b7",
    "cards-001": "899951e768666f27c8f8b1d4090b96fe7909cae9cec01bec0a5d5d1b8a8d566e",
    "cards-002": "a3f9eae6fdb69a1231989e39a14d62388a6f52fb59666c76d95005318fadafec",
    "cards-003": "00d283e46bc257ae479e4aa86593cadb541656eba1d19fc8abeece37f6a5a18b",
    "cards-004": "4c44a8177f5b128b99f078cdeb918119933155574231f1833e8840d1af09c521",
    "cards-005": "090f18f5f76cf8b2b43cd9e6b07823f4685a4742d9a36cd98b174a6586c18cf9",
    "goforward": "f15c60ec54059d8b66e410d0064945a0b0a04ea56e1ddca1958e493c0cf70e71",
    "ivr-basic-pbx-ivr-main": "11f76e9cf33e53a280b694f6293baf3fd6c1e7b164ca415039268307a939bd2b",
    "ivr-demo-congrats": "c47bcc0dfb442cf40ab833e442843a9be0c3558458ab3e1c403f602e00546afc",
    "ivr-demo-echotest": "e37b2cab78316a46e8d889b38a60bcf889654a3dd5ca0c23135519276d52460f",
    "ivr-demo-nogo": "ea3e55811cb185ff7e7feff3bfccaf2e4dc9f42a7d156b635b6fc248fd923a8e",
    "ivr-tt-allbusy": "2019602a88f5ada1946b7ed98535d53a1f77e8ed26aa9367a85654952ab5faf2",
    "ivr-vm-instructions": "95b7828c5fd12ebcbf441d198b244a057b492263d1b355f786d08802cd588027",
    "ivr-vm-msginstruct": "5004ac7d4d76fbb7f30e225c5ae8f9ed4e6c4093be4e01aff281ed7f22a197de",
    "ivr-vm-options": "52666365481cd8d5d95b5908910c7ef0b27c79c4b54185c2448d881a8060e814",
    "ivr-dir-intro": "7c02384f620fcf3ef4e27fb8e083eed8dfce73456f9a62d5e47300e8563c4fcb",
    "ivr-vm-record-prepend": "688308d7faad95f331f6378f74f1148725cc1a7c5bd7867da223482b789af1fc",
    "ivr-pbx-invalid": "75b811e94b2164fb08587ce75bc01acf0bfadbd21eb271368cf051ee64dcb235",
    "ivr-privacy-prompt": "e648d7529d3884045fc5f28b1e5d57d8666ef02b809854b09e8d4b4b55e9843e",
    "ivr-tt-weasels": "4090ea2883797801b299db63eb2a5b5fc921dbeb43707856fc4a51fa668666bb",
    "ivr-demo-thanks": "1a88e0a1fc2da3f3adde078ab534287242dd7950f157e28c5d9c9a9bd3910236",
    "ivr-tt-monkeys": "21fcc6d7edb6589a3041ea28419ded021f07fb26bf55ec987e8281a59a7ff21b",
    "lecture": "89f17d9c94c4b31eb320f424628bcbc920abaddbee6e2760fd868bfb1d9a2e47",
    "news": "a622cb1cdd8a52db84b0d4bb524fa9a93f9ed387de40530f87c3a57d7493fd49",
}


@dataclass(frozen=True)
class Clip:
    source: Source
    band: str  # original | telephone
    path: Path  # 16 kHz mono 16-bit WAV

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def reference(self) -> str | None:
        return self.source.reference


class Unavailable(RuntimeError):
    """The packages that hold the recordings are not installed, or cannot be fetched."""


def cache_dir() -> Path:
    configured = os.environ.get("MOCK_INTERVIEW_TEST_AUDIO")
    if configured:
        return Path(configured)
    in_venv = Path(sys.prefix) / "share" / "mock-interview-test-audio"
    if sys.prefix != sys.base_prefix and os.access(sys.prefix, os.W_OK):
        return in_venv
    return Path.home() / ".cache" / "mock-interview-test-audio"


def _sox(*args: str) -> None:
    if shutil.which("sox") is None:
        raise Unavailable("sox is not installed (Debian: sox; `make test` installs it)")
    # -R seeds the dither sox adds when it lowers the bit depth: same input, same output.
    subprocess.run(["sox", "-R", *args], check=True, capture_output=True)


# How the telephone copies are made; a cache made otherwise is made again.
TELEPHONE_RECIPE = "sox -R: 8 kHz mu-law, sinc 300-3400, back to 16 kHz 16-bit"


def telephone_copy(source: Path, out: Path, raw: tuple[str, ...] = ()) -> Path:
    """A telephone-band copy of `source` (8 kHz mu-law, 300-3400 Hz), back at 16 kHz in `out`."""
    phone = out.with_suffix(".8k.wav")
    _sox(*raw, str(source), "-c", "1", "-r", "8000", "-e", "mu-law", str(phone), "sinc",
         "300-3400")
    _sox(str(phone), "-r", "16000", "-b", "16", "-e", "signed", str(out))
    phone.unlink()
    return out


def _band_folder(folder: Path, band: str) -> Path:
    """The cache folder of one band, emptied first if its copies were made by another recipe."""
    out = folder / band
    if band == "telephone":
        stamp = out / "RECIPE"
        if not stamp.exists() or stamp.read_text() != TELEPHONE_RECIPE:
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            stamp.write_text(TELEPHONE_RECIPE)
    return out


def _silero_file(inner: str, folder: Path) -> Path:
    """A file from the silero-vad sdist, downloaded once with pip."""
    out = folder / "silero" / inner
    if out.exists():
        return out
    with tempfile.TemporaryDirectory() as tmp:
        got = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                              "--no-binary", ":all:", "-d", tmp, SILERO_SDIST],
                             capture_output=True, text=True)
        sdists = list(Path(tmp).glob("silero_vad-*.tar.gz"))
        if got.returncode != 0 or not sdists:
            raise Unavailable(f"pip could not download the {SILERO_SDIST} sdist: "
                              f"{got.stderr.strip()[-300:]}")
        with tarfile.open(sdists[0]) as tar:
            for member in tar.getmembers():
                _, _, rest = member.name.partition("/")
                if rest.endswith(".wav") and rest in {s.origin.split(":", 1)[1] for s in SOURCES
                                                      if s.origin.startswith("silero:")}:
                    target = folder / "silero" / rest
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(tar.extractfile(member).read())
    if not out.exists():
        raise Unavailable(f"{inner} is not in the {SILERO_SDIST} sdist")
    return out


def _original(source: Source, folder: Path) -> Path:
    if source.origin.startswith("silero:"):
        return _silero_file(source.origin.split(":", 1)[1], folder)
    path = Path(source.origin)
    if not path.exists():
        raise Unavailable(f"{path} is missing: install the Debian packages "
                          f"{' '.join(DEBIAN_PACKAGES[:2])} (`make test` does)")
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prepare(source: Source, band: str, folder: Path | None = None) -> Clip:
    folder = folder or cache_dir()
    out = _band_folder(folder, band) / f"{source.name}.wav"
    if out.exists():
        return Clip(source, band, out)
    original = _original(source, folder)
    if _sha256(original) != SHA256[source.name]:
        raise Unavailable(f"{original} is not the recording the references were written for")
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = ["-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1"] \
        if original.suffix == ".raw" else []
    tmp = out.with_suffix(".tmp.wav")
    if band == "original":
        _sox(*raw, str(original), "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", str(tmp))
    else:
        telephone_copy(original, tmp, tuple(raw))
    os.replace(tmp, out)
    return Clip(source, band, out)


def clips(band: str = "original", kinds: tuple[str, ...] | None = None) -> list[Clip]:
    """Every clip of these kinds (all by default), prepared in `band`."""
    return [prepare(s, band) for s in SOURCES if kinds is None or s.kind in kinds]


def main() -> int:
    try:
        for band in BANDS:
            prepared = clips(band)
        print(cache_dir())
        print(f"{len(prepared)} clips in each of {', '.join(BANDS)}", file=sys.stderr)
    except Unavailable as exc:
        print(f"real speech: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
