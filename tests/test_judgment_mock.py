"""Mock sympathy and sweet condescension beside real sympathy, and a rude caller's words reported
without quote marks beside the same words said by the candidate (k9-mock pass; cases in
judgment/mock_cases.yaml): a professional answer that reports what a caller said, as speech is
transcribed ("he said, and I quote, you lot are useless", "a guy told me I was a muppet and I said I
understood"), must not be read as the candidate's own contempt; the same words said by the candidate
still knock an answer out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# Pair k is cases 2k-1 and 2k; odd pairs were held out of this pass's tuning. Per half: rude found,
# professional answers flagged (at most), professional answers within bounds. Blind (main at
# 47892f6): odd 9 of 13, 2, 10; even 8 of 13, 2, 11. After: odd 9, 2, 10; even 9, 0, 13.
FLOORS = {"odd": (9, 2, 10), "even": (9, 0, 13)}


@pytest.mark.parametrize("half", ["odd", "even"])
def test_mock_and_reported_speech_floors(half):
    cases = [(f, s) for f, s in floors.scored("mock") if floors.pair_half(f.case.id) == half]
    assert len(cases) == 26 and sum(f.flag for f, _ in cases) == 13
    found, flagged, within = FLOORS[half]
    floors.assert_rude_found(cases, found)
    floors.assert_professional_flagged(cases, flagged)
    assert floors.professional_within(cases) >= within


@pytest.mark.parametrize("qid, text", [
    # reported without quote marks (flagged on main)
    ("abusive-caller", "He said, and I quote, you lot are useless. I stayed calm and told him I would help."),
    ("customer-yelling-first-word", "a guy told me I was a muppet and the company was a joke and I said I "
     "understood he was frustrated and checked his order and rerouted it"),
    ("abusive-caller", "This woman said your whole company is a bunch of crooks, so I let her finish, "
     "apologised and put the refund through."),
])
def test_reported_speech_is_the_callers(qid, text):
    assert floors.typed_flags(qid, text) == []


def test_the_same_words_said_by_the_candidate_are_theirs():
    assert floors.typed_flags("abusive-caller", "I'd tell him, you lot are useless, and hang up.")


@pytest.mark.parametrize("text, theirs", [
    ("One caller told me I was an idiot and should be sacked. I said I understood.",
     "I was an idiot and should be sacked."),
    ("He said, and I quote, you're pathetic. I told him I'd end the call.", "you're pathetic."),
    ("there was a lady who called me a stupid cow and said I was the worst so I stayed calm",
     "a stupid cow and said I was the worst"),
    ("If someone's calling me names I'll just start typing loudly.", "names"),
    ("I'd tell him he's a muppet and I told her she was useless.", ""),
    ("I had one last week, told her she was an idiot.", ""),
])
def test_reported_words_run_to_where_the_candidate_speaks_again(text, theirs):
    from simulator.scoring.text import Doc
    from simulator.types import Transcript
    doc = Doc(Transcript.typed(text))
    assert " ".join(w.raw for k, w in enumerate(doc.words) if k in doc.others_words) == theirs
