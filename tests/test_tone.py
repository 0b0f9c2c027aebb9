"""The tone model (simulator/scoring/tone.py): casual rudeness in words no exemplar uses, read from
the answer as a whole, while its professional twin, on the same subject, is left alone.

The cases are tests/judgment/fresh11_cases.yaml's, written before the model and never fitted on:
the rules before it missed each of these rude answers (README "tone model"). The model learns from
exemplars.yaml, tone_corpus.yaml and tone_answers.yaml; the checks of the last two are here too."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))

import judgment_set as js  # noqa: E402
from conftest import assert_stored_fit  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring import flag_meaning  # noqa: E402
from simulator.scoring import thresholds as th  # noqa: E402
from simulator.scoring.measure import KnockOut, knockouts  # noqa: E402
from simulator.types import EvidenceKind, Severity, Transcript  # noqa: E402

# each rude answer the nearest-exemplar rules missed, and its professional twin (the next case); the
# last three were missed by the model fitted on exemplars.yaml alone and are found since the corpus
# (t5-corpus pass). The sarcastic story the corpus-trained model lost (2.34 < 2.5) is found again
# since the model learns from whole answers too (t6-answers pass, bar 2.2).
PAIRS = ("fresh11/abusive-caller/15", "fresh11/where-in-five-years/43", "fresh11/what-does-the-job-involve/21",
         "fresh11/lost-package-caller/79", "fresh11/supervisor-demand-caller/85", "fresh11/greatest-weakness/49")


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
    """tone_weights.json is what scripts/fit_tone.py makes from exemplars.yaml, tone_corpus.yaml and
    tone_answers.yaml as they are now, and the fit gives the same weights every time."""
    from simulator.scoring import tone  # here, so the test above also runs against the code before it
    assert_stored_fit(tone.fit, tone.WEIGHTS,
                      "exemplars.yaml, tone_corpus.yaml or tone_answers.yaml changed: run python scripts/fit_tone.py")


def test_it_leans_to_a_red_flag_for_contempt_and_away_from_a_kind_sentence_on_the_same_subject():
    from simulator.scoring import tone
    from simulator.scoring.semantic import embed
    rude, kind = tone.logits(embed(["Honestly the callers are a pain and I couldn't care less about their bins.",
                                    "I'm sorry your bins were missed, I'll log it as urgent and ring the depot."]))
    # Fitted on the corpus too (L2 0.3), the model reads missed bins themselves as leaning red (the
    # kind sentence: -0.36 before, +1.11 now; "I'm sorry your bins were missed." alone +3.3): what
    # holds is the order, by a clear margin, with the kind sentence under the answer's bar.
    assert rude > 0 and rude - kind > 1.0 and kind < th.TONE_ANSWER


def test_the_corpus_is_many_red_flags_and_professional_sentences_with_twins():
    """tone_corpus.yaml as its header says: red sentences of the tone families (no refusals: they are
    read by their own rules), professional ones with twins on the red ones' subjects, 5-40 words each,
    none twice."""
    from simulator.scoring import tone
    said = tone.corpus()
    red = [s for s in said if s.red]
    assert len(red) >= 320 and len(said) - len(red) >= 320 and sum(s.twin for s in said) >= 150
    assert {s.family for s in red} == {"contempt", "dismissive", "blame", "dishonesty", "money"}
    assert all(5 <= len(s.text.split()) <= 40 for s in said)
    assert len({s.text.lower() for s in said}) == len(said)
    assert not any(s.twin and s.red for s in said)


def test_the_model_learns_from_the_corpus_and_its_fingerprint_covers_it(monkeypatch):
    """Every corpus sentence is a training row, labelled by its file; changing one sentence changes
    the fingerprint, so the stored weights are refitted (the test above)."""
    from simulator.scoring import tone
    rows = tone.training_rows()
    said, vectors = tone.corpus(), tone.corpus_vectors()
    start = len(tone.sentence_rows()[0]) - len(said)  # after the exemplars, before the answers
    assert np.array_equal(rows.vectors[start:start + len(said)], vectors.astype(np.float64))
    assert list(rows.labels[start:start + len(said)]) == [1.0 if s.red else 0.0 for s in said]
    assert set(rows.weights[:start + len(said)]) == {1.0}
    edited = (tone.Said(said[0].text + " Honestly.", said[0].family),) + said[1:]
    monkeypatch.setattr(tone, "corpus", lambda: edited)
    monkeypatch.setattr(tone, "corpus_vectors", lambda: vectors)  # the text's change alone, no re-embedding
    assert tone.training_rows().fingerprint != rows.fingerprint


def test_the_answers_are_whole_answers_of_every_family_with_twins():
    """tone_answers.yaml as its header says: whole answers of 2-6 sentences and 25-110 words as the
    scorer splits them, red ones of every tone family, professional ones (good, plain, twins)."""
    from simulator.scoring import tone
    said = tone.answers()
    red = [a for a in said if a.red]
    assert len(red) >= 200 and len(said) - len(red) >= 240 and sum(a.twin for a in said) >= 100
    assert {a.family for a in red} == {"contempt", "dismissive", "blame", "dishonesty", "money"}
    assert all(25 <= len(a.text.split()) <= 110 and 2 <= len(tone.answer_sentences(a.text)) <= 7 for a in said)
    assert len({a.text.lower() for a in said}) == len(said)
    assert not any(a.twin and a.red for a in said)


def test_each_answer_is_a_training_row_as_the_scorer_reads_it(monkeypatch):
    """Each answer is one row after the sentences: the normalised mean of the vectors of the
    sentences `flag_meaning._tone` averages (what `tone.answer_logit` reads when it is scored),
    labelled by its file and counted th.TONE_ANSWER_ROW times; the fingerprint covers the answers."""
    from simulator.scoring import tone
    from simulator.scoring.clauses import clauses
    from simulator.scoring.semantic import embed
    from simulator.scoring.text import Doc
    rows, said = tone.training_rows(), tone.answers()
    A = rows.vectors[-len(said):]
    assert list(rows.labels[-len(said):]) == [1.0 if a.red else 0.0 for a in said]
    assert set(rows.weights[-len(said):]) == {th.TONE_ANSWER_ROW}
    for k in (0, len(said) - 1):  # a red answer and a professional one, read as the scorer reads them
        doc = Doc(Transcript.typed(said[k].text))
        parts = clauses(doc)
        own = tone.tone_rows(parts, doc.others_words)
        assert own and [parts[i].text for i in own] == tone.answer_sentences(said[k].text)
        vectors = embed([c.text for c in parts])
        w, b = tone.weights()
        assert abs(tone.answer_logit(vectors, own) - float(A[k] @ w + b)) < 1e-3
    edited = said[:-1] + (tone.Said(said[-1].text + " Honestly.", "", said[-1].twin),)
    monkeypatch.setattr(tone, "answers", lambda: edited)
    monkeypatch.setattr(tone, "answer_vectors", lambda parts=None: A)  # the text's change alone, no re-embedding
    assert tone.training_rows().fingerprint != rows.fingerprint


def _call_flags(text: str) -> list[str]:
    q = js.bank_questions()["supervisor-demand-caller"]
    m = score_answer(q, Transcript.typed(text), turn=2).metric("professionalism")
    return [e.label for e in m.evidence if e.kind is EvidenceKind.RED_FLAG]


def test_a_tone_flag_on_a_call_is_a_brush_off_and_never_a_family_the_model_did_not_learn(monkeypatch):
    # The tone model is not fitted on refusals, and a caller hears no motive for the job: the
    # sarcastic "every cloud" reply was told it refused the job's basics. A sarcastic reply the
    # tone route alone finds (no clause rule does: without `_tone` it has no flag).
    text = ("Well, these things happen, don't they. Look on the bright side, you got a break from the screen. "
            "I'll book someone for next month.")
    flags = _call_flags(text)
    assert flags and set(flags) <= {"dismissive", "contempt", "blame", "dishonesty"}, flags
    monkeypatch.setattr(flag_meaning, "_tone", lambda *a, **k: [])
    monkeypatch.setattr(th, "FLAG_MODEL_BAR_CALL", float("inf"))  # nor the red-flag model (`flag_model.py`)
    assert not _call_flags(text)


def test_the_every_cloud_reply_is_still_found_by_tone():
    # Lost to the model that learns from whole answers (t6-answers: it reads 1.27, under 2.2); found
    # again since a reply to a caller is read from th.TONE_ANSWER_CALL (c7-contempt)
    text = ("Two days? Ouch. Still, at least you got a couple of days at home, every cloud and all that. "
            "Let me see who we've got free next month.")  # fresh11's own case
    flags = _call_flags(text)
    assert flags and set(flags) <= {"dismissive", "contempt", "blame", "dishonesty"}, flags


def test_a_hedged_cliche_whose_quote_is_plainly_professional_is_weak_not_a_red_flag():
    # `make demo`'s weak answer as Whisper hears it: the model reads the hedging at 2.63 log-odds, but the
    # sentence it would quote is 0.38 nearer a professional sentence than any red flag (th.TONE_LEAD_FLOOR).
    # A recruiter hears a cliché said unsurely, not a lie that ends the interview.
    question = js.bank_questions()["greatest-weakness"]
    text = ("Um, I guess, uh, maybe I'm kind of a perfectionist. Like, I don't know, I sort of want things to be, "
            "um, right. I think so, anyway.")
    s = score_answer(question, Transcript.typed(text))
    m = s.metric("professionalism")
    severe = [e for e in (m.evidence if m else ()) if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]
    assert not severe and KnockOut.RED_FLAG not in knockouts(s.metrics), [e.quote for e in severe]
    assert 15 < s.overall <= 45  # weak, as its tier says
