"""The tone model (simulator/scoring/tone.py): casual rudeness in words no exemplar uses, read from
the answer as a whole, while its professional twin, on the same subject, is left alone.

The cases are tests/judgment/fresh11_cases.yaml's, written before the model and never fitted on:
the rules before it missed each of these rude answers (README "tone model")."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring.measure import KnockOut, knockouts  # noqa: E402
from simulator.types import EvidenceKind, Severity, Transcript  # noqa: E402

# each rude answer the nearest-exemplar rules missed, and its professional twin (the next case)
PAIRS = ("fresh11/abusive-caller/15", "fresh11/where-in-five-years/43", "fresh11/greatest-weakness/49")


def _case(case_id: str) -> js.Case:
    return next(f.case for f in js.load_fresh() if f.case.id == case_id)


def _twin(case_id: str) -> js.Case:
    prefix, qid, n = case_id.split("/")
    return _case(f"{prefix}/{qid}/{int(n) + 1}")


def _flags(case: js.Case):
    s = score_answer(case.question, Transcript.typed(case.text), turn=case.turn)
    m = s.metric("professionalism")
    return s, [e for e in (m.evidence if m else ()) if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


@pytest.mark.parametrize("case_id", PAIRS)
def test_casual_rudeness_no_exemplar_names_is_knocked_out_and_its_twin_is_not(case_id):
    rude, twin = _case(case_id), _twin(case_id)
    assert twin.family == "short_strong" and twin.question == rude.question
    s, flags = _flags(rude)
    assert flags, rude.text
    assert s.overall <= 10 and KnockOut.RED_FLAG in knockouts(s.metrics)
    assert flags[0].quote in rude.text  # the candidate's own sentence is quoted
    s, flags = _flags(twin)
    assert not flags and s.overall >= 50, (twin.text, s.overall)


def test_the_stored_weights_are_the_fit_of_todays_exemplars():
    """tone_weights.json is what scripts/fit_tone.py makes from exemplars.yaml as it is now, and
    the fit gives the same weights every time."""
    import json

    from simulator.scoring import tone  # here, so the test above also runs against the code before it
    w, b, fingerprint = tone.fit()
    stored = json.loads(tone.WEIGHTS.read_text(encoding="utf-8"))
    assert stored["fingerprint"] == fingerprint, "exemplars.yaml changed: run python scripts/fit_tone.py"
    assert np.allclose(stored["weights"], w, atol=1e-5) and abs(stored["bias"] - b) < 1e-5
    w2, b2, _ = tone.fit()
    assert np.array_equal(w, w2) and b == b2


def test_it_leans_to_a_red_flag_for_contempt_and_away_from_a_kind_sentence_on_the_same_subject():
    from simulator.scoring import tone
    from simulator.scoring.semantic import embed
    rude, kind = tone.logits(embed(["Honestly the callers are a pain and I couldn't care less about their bins.",
                                    "I'm sorry your bins were missed, I'll log it as urgent and ring the depot."]))
    assert rude > 0 > kind
