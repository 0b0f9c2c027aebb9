"""The table of areas is the one list of metrics: complete, and enough to add a metric."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import numpy as np

from simulator import interviewer
from simulator.areas import AREAS, Area, Family, InAnswers, OnCall, call_areas
from simulator.assess import score_answer
from simulator.coach import PRAISES, WRITERS, session_feedback
from simulator.scoring.inputs import MEASURES, measures
from simulator.scoring.measure import metric_names
from simulator.types import Answer, EvidenceKind, Metric, Recording, Tip, Transcript, Word

from test_coach import ANGRY, STRONG, spoken
from test_scoring import BILLED_CALL, BILLED_REPLIES

SIMULATOR = Path(__file__).resolve().parent.parent / "simulator"
sys.path.insert(0, str(Path(__file__).resolve().parent / "eval"))
import evalset  # noqa: E402  (tests/eval, the scoring evaluation set)


def test_every_area_has_one_measure_one_tip_writer_and_what_its_family_needs():
    assert set(MEASURES) == set(AREAS)
    assert set(WRITERS) == set(AREAS)
    assert set(PRAISES) == {name for name, a in AREAS.items() if a.praise_rank is not None}
    ranks = [a.praise_rank for a in AREAS.values() if a.praise_rank is not None]
    assert sorted(ranks) == list(range(1, len(ranks) + 1))
    for name, a in AREAS.items():
        assert a.name == name and a.weight > 0 and a.label and a.reminder and a.target, name
        assert (a.band is not None) == (a.family is Family.DELIVERY), name  # delivery is measured by raw values
        assert set(a.covers) <= set(AREAS) - {name}, name
        if a.family is Family.CALL:
            assert a.on_call.planned and a.in_answers is InAnswers.NONE, name
        if a.on_call.across_call:
            assert a.by_count is not None, name  # judged across a call by how often it was said
    assert {a.on_call for a in call_areas()} == {p for p in OnCall if p.planned}


def test_every_metric_scoring_produces_has_a_row_and_comes_in_table_order():
    order = list(AREAS)
    seen: set[str] = set()
    scores = []
    for eq in evalset.load():
        for text in (eq.answers["strong"], eq.answers["rambling"]):
            scores.append(score_answer(eq.question, Transcript.typed(text), turn=eq.turn))
    timed = spoken(STRONG, fillers_every=4)
    scores.append(score_answer(ANGRY, timed, Recording(np.full(int(timed.duration * 16000), 0.01, np.float32))))
    scores += [score_answer(BILLED_CALL, Transcript.typed(text), turn=turn) for turn, text in enumerate(BILLED_REPLIES, 1)]
    for score in scores:
        names = [m.name for m in score.metrics]
        assert set(names) <= set(AREAS)
        assert names == sorted(names, key=order.index)
        seen |= set(names)
    assert seen == set(AREAS)  # and every row is reachable


def test_metric_names_follow_the_table_rules():
    assert "structure" in metric_names(ANGRY) and "greeting" not in metric_names(ANGRY)
    assert "specificity" not in metric_names(BILLED_CALL, 1) and "greeting" in metric_names(BILLED_CALL, 1)
    every_reply = {n for n, a in AREAS.items() if a.on_call is OnCall.EVERY_REPLY}
    assert set(metric_names(BILLED_CALL, 4)) - every_reply == {"closing"}  # the last line only wraps up
    assert set(metric_names(BILLED_CALL, 9)) - every_reply == {"closing"}  # past the script: the end of the call
    assert set(metric_names(BILLED_CALL, 3)) - every_reply == {"next_steps", "ownership"}


def _names_in_literals(tree: ast.AST) -> list[tuple[int, list[str]]]:
    """Collection literals (tuples, lists, sets, dict keys) of strings that are mostly area names,
    two or more: lists of metrics. (Key point labels such as "empathy" among others are not.)"""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        else:
            continue
        strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        names = [x for x in strings if x in AREAS]
        if len(names) >= 2 and len(names) * 2 >= len(strings):
            found.append((node.lineno, names))
    return found


# Lists of metric names kept outside the table, each waiting on its own change.
KNOWN_LISTS: dict[str, list[list[str]]] = {}


def test_no_module_keeps_its_own_list_of_metric_names():
    found = {}
    for path in sorted(SIMULATOR.rglob("*.py")):
        if path.name == "areas.py":
            continue
        lists = [names for _, names in _names_in_literals(ast.parse(path.read_text(encoding="utf-8")))]
        if lists:
            found[str(path.relative_to(SIMULATOR))] = lists
    assert found == KNOWN_LISTS


def test_a_new_metric_is_one_row_one_measure_and_one_tip_writer(monkeypatch):
    """'smiles': a made-up delivery area, added the way the table says, reaches every stage."""
    from simulator.coach import writes
    from simulator.scoring import thresholds as th

    band = th.Band(2, 10, 0, 30, "smiles a minute", "at least 2 smiles a minute")
    monkeypatch.setitem(AREAS, "smiles", Area("smiles", Family.DELIVERY, "smiling", 20.0, "smiling on the phone",
                                              band=band))

    def smiles(x) -> Metric:
        return Metric("smiles", band.score(0.0), 0.0, band.unit,
                      (x.doc.opening(kind=EvidenceKind.PHRASE, note="no smile heard"),))

    def smiles_tip(m, c) -> str:
        return f"I didn't hear a smile. {c.said(m.evidence[0])} \"{c.phrase(m.evidence[0])}\" For next time, smile."

    try:
        measures("smiles")(smiles)
        writes("smiles")(smiles_tip)
        words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate("Hello there.".split()))
        score = score_answer(ANGRY, Transcript("Hello there.", words, 2.0, "test"))
        assert score.metrics[-1].name == "smiles" and score.metric("smiles").score == 0
        assert any(t.area == "smiles" and "smile" in t.text and t.target == band.target for t in score.tips)
        feedback = session_feedback([Answer(ANGRY, score)], (Tip("smiles", "...", value=0.0),))
        assert any("0 smiles a minute" in p for p in feedback.progress)
        # The interviewer names it; the screen shows where the candidate was.
        assert "smiling on the phone" in interviewer.opening([Tip("smiles", "...", value=0.0)], 3, False)
        assert "smiling on the phone (you were at 0 smiles a minute)" in interviewer.recap_details(
            [Tip("smiles", "...", value=0.0)])
    finally:
        MEASURES.pop("smiles", None)
        WRITERS.pop("smiles", None)
