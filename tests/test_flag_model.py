"""The red-flag model (simulator/meaning/flag_encoder.py, simulator/scoring/flag_model.py): all-MiniLM-L6-v2
fine-tuned on labelled answers, converted to int8 CTranslate2 without torch, reading what no rule names.

Its weights are data made by scripts/fit_flag_model.py from the tune half only; these tests say when they no
longer match what they were fitted on, check the converted model reads as the fitted one did, and try it
on answers written for this file (never in its training rows) the way a user would send them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import floors  # noqa: E402

from simulator.meaning import flag_encoder  # noqa: E402
from simulator.meaning.convert import cache_is_current, ensure_model  # noqa: E402
from simulator.scoring import thresholds as th  # noqa: E402
from simulator.scoring.measure import KnockOut, knockouts  # noqa: E402


def _script():
    spec = importlib.util.spec_from_file_location("fit_flag_model", ROOT / "scripts" / "fit_flag_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stored_weights_were_fitted_on_todays_rows_and_recipe():
    texts, labels, fingerprint = _script().training_rows()
    assert fingerprint == flag_encoder.stored_fingerprint(), (
        "the red-flag model's training rows changed: run .venv/bin/python scripts/fit_flag_model.py")
    assert len(texts) == len(labels) > 3000 and 0.25 < np.mean(labels) < 0.6


def test_no_held_out_answer_is_a_training_row():
    import judgment_set as js

    texts, _, _ = _script().training_rows()
    rows = {" ".join(t.lower().split()) for t in texts}
    held = [c for c in js.load().cases if c.split == "heldout"]
    assert held and not [c.id for c in held if " ".join(c.text.lower().split()) in rows]


def test_the_converted_int8_model_reads_as_the_fitted_one(home):
    texts, fitted = flag_encoder.stored_checks()
    read = flag_encoder.red_logits(texts)
    assert np.abs(read - fitted).max() < 0.3, (read, fitted)  # 0.12 at most when fitted
    assert (np.sign(read) == np.sign(fitted)).all()


def test_a_rude_sentence_reads_red_and_its_professional_twin_does_not(home):
    """The check texts of `fit_flag_model.CHECKS`, not training rows (the help withheld is one sentence of a
    tune answer it learned from): a caller mocked and help withheld read as red flags, an apology with its fix
    as none, help for every caller well below help withheld."""
    texts, _ = flag_encoder.stored_checks()
    rude, fix, withheld, same = flag_encoder.red_logits(texts[-4:])
    assert rude > 1 and withheld > 1 and fix < -1
    assert same < withheld - 2


def test_the_model_is_converted_once_into_the_data_folder_and_checked(tmp_path):
    folder = ensure_model(tmp_path, progress=False, variant=flag_encoder.VARIANT)
    assert folder == tmp_path / "models" / "red-flag-MiniLM-ct2-int8"
    assert cache_is_current(folder, flag_encoder.VARIANT)
    (folder / "model.bin").write_bytes(b"damaged")
    assert not cache_is_current(folder, flag_encoder.VARIANT)


ANGRY = "angry-customer-time"
# The new-user probe of 2026-12-04 (README "The red-flag model"): no rule names these; the model reads them.
RUDE = {
    ANGRY: "A man rang up once crying down the phone because his internet had been off for two days. I told him "
           "that crying down the phone wasn't going to make his internet any faster and muted him till he ran "
           "out of puff. Then I booked an engineer.",
}
# ...and professional answers on the same subject, in the same words where they can be
PROFESSIONAL = {
    ANGRY: "A man rang up once in tears because his internet had been off for two days. I told him I was sorry "
           "it had dragged on so long, let him tell me everything, then booked an engineer for the next morning "
           "and rang him that evening to check it was back.",
}


# Not yet: the model reads the answer's sentences joined, and this rude sentence alone reads 2.8 log-odds
# but the whole story, with its engineer booked, -2.4: one rude sentence in a story that ends well is
# diluted. Reading each sentence alone was measured out of fold (twenty-sixth pass) and adds no rude tune
# answer at 1% professional answers flagged (README "The red-flag model").
@pytest.mark.xfail(strict=True, reason="one rude sentence in a story with a fix: the joined answer reads professional")
@pytest.mark.parametrize("qid", sorted(RUDE))
def test_rudeness_no_rule_names_is_a_knock_out(qid):
    score = floors.typed_score(qid, RUDE[qid])
    assert floors.severe_flags(score), score.overall
    assert KnockOut.RED_FLAG in knockouts(score) and score.overall <= 30


@pytest.mark.parametrize("qid", sorted(PROFESSIONAL))
def test_its_professional_twin_is_left_alone(qid):
    score = floors.typed_score(qid, PROFESSIONAL[qid])
    assert not floors.severe_flags(score) and score.overall >= 60, (floors.severe_quotes(score), score.overall)


@pytest.mark.xfail(strict=True, reason="not flagged yet (above)")
def test_the_tip_quotes_the_sentence_the_model_reads_as_the_red_flag():
    quotes = floors.typed_flags(ANGRY, RUDE[ANGRY])
    assert any("puff" in q or "crying down the phone wasn't" in q for q in quotes), quotes


def test_a_bar_for_interviews_and_one_for_calls_each_with_its_source():
    text = (ROOT / "simulator" / "scoring" / "flag_thresholds.py").read_text("utf-8")
    assert "FLAG_MODEL_BAR" in text and "cross-validation" in text
    assert th.FLAG_MODEL_BAR > 0 and th.FLAG_MODEL_BAR_CALL > 0 and th.FLAG_MODEL_WORDS >= 1


def test_the_answer_is_read_while_it_is_spoken(home):
    """`assess.prepare` (each committed stretch) reads the answer so far; once the last stretch is prepared,
    scoring runs the red-flag model on nothing new (the live path's 50 ms after the last word)."""
    from simulator.assess import prepare
    from simulator.meaning.flag_encoder import flag_embedder

    question = floors._questions()[ANGRY]
    text = PROFESSIONAL[ANGRY] + " He wrote in the next week to say thank you."  # read nowhere else
    prepare(question, text, home=home).result()
    before = flag_embedder().computed
    score = floors.typed_score(ANGRY, text)
    assert flag_embedder().computed == before and score.overall >= 60


def test_the_two_models_share_one_tokenizer(home):
    """Both read text with the package's tokenizer.json: one copy in memory, not two (about 8 MB each)."""
    from simulator.meaning.embedder import process_embedder
    from simulator.meaning.flag_encoder import flag_embedder

    base, flag = process_embedder(), flag_embedder()
    base.load()
    flag.load()
    assert base.model_dir != flag.model_dir
    assert base._tokenizer is flag._tokenizer
    assert flag_encoder.red_logits(["I put the same effort in for everyone."]).shape == (1,)
