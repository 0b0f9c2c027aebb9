"""Padded answers are capped under their plain twins; brief echoes of the question are not (u9-padding).

Cases from `judgment/padding2_cases.yaml` (and `padding_cases.yaml`), written before the rules that
read them. Pairs P1, P3... (odd) were held out of the pass's tuning."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import judgment_set as js  # noqa: E402

from simulator.assess import score_answer  # noqa: E402
from simulator.scoring import thresholds as th  # noqa: E402
from simulator.scoring.overall import CAP_AREAS, CAP_LIMITS, Cap, caps, is_personal  # noqa: E402
from simulator.types import Coverage, EvidenceKind, QuestionKind, Transcript  # noqa: E402

CASES = [f.case for f in js.load_fresh() if f.case.id.startswith("padding2/")]
PAIRS = [(CASES[k], CASES[k + 1]) for k in range(0, 36, 2)]
ECHOES = CASES[36:]


def _score(case):
    return score_answer(case.question, Transcript.typed(case.text), turn=case.turn)


def _caps(case, score):
    return caps(score.metrics, len(case.text.split()), is_personal(case.question),
                case.question.kind is QuestionKind.ROLEPLAY)


# measured and not fixed: P7's wind-up starts "Let me think about a time I dealt with..." (the
# candidate's own "I": not said back, 0.20 padded); P8's plain twin is capped at 40 as a cliché
# ("Mostly they answer customers' questions..."), under the padded answer's 55.
NOT_FIXED = {7: "the wind-up has the candidate's own 'I' (padded share 0.20)",
             8: "the plain twin is capped as a cliché at 40"}


@pytest.mark.parametrize("n", range(1, 19), ids=lambda n: f"P{n}")
def test_the_plain_twin_outscores_its_padded_answer(n, request):
    if n in NOT_FIXED:
        request.applymarker(pytest.mark.xfail(strict=True, reason=NOT_FIXED[n]))
    padded, plain = PAIRS[n - 1]
    assert padded.family == "rambling" and plain.family == "short_strong"
    low, high = _score(padded), _score(plain)
    assert Cap.PADDED in _caps(padded, low), (padded.id, low.overall)
    assert low.overall <= 60 and high.overall > low.overall, (padded.id, low.overall, high.overall)


@pytest.mark.parametrize("case", ECHOES, ids=lambda c: c.id)
def test_a_professional_answer_that_echoes_the_question_briefly_is_not_capped(case):
    score = _score(case)
    assert Cap.PADDED not in _caps(case, score), score.overall
    said_back = [e for m in score.metrics for e in m.evidence if e.kind is EvidenceKind.SAID_BACK]
    assert not said_back, said_back


def test_the_padding_cap_is_typed_and_read_by_the_coach():
    assert CAP_LIMITS[Cap.PADDED] == th.PADDED_CAP <= 60 and CAP_AREAS[Cap.PADDED] == "key_points"
    padded = PAIRS[3][0]  # P4, where-in-five-years
    score = _score(padded)
    quotes = [e.quote for e in score.metric("key_points").evidence if e.kind is EvidenceKind.SAID_BACK]
    assert quotes and all(0.25 <= e.value for e in score.metric("key_points").evidence
                          if e.kind is EvidenceKind.SAID_BACK)
    tip = score.tips[0].text
    quoted = tip.split('"')[1].rstrip(".")
    assert quoted and quoted in quotes[0] and quoted in padded.text and "Drop the restating" in tip, tip
    assert "I'd like to be training" not in quotes[0]  # the real point is never quoted as padding


def test_on_a_call_the_callers_words_said_back_once_acknowledge_them():
    q = PAIRS[13][0].question  # double-billed-caller
    once = score_answer(q, Transcript.typed(
        "You've been charged twice this month and this is your third call, I'm really sorry about that. "
        "Thanks for calling, I'm Alex. Let me pull up your account now, refund the second charge today, "
        "and text you a reference so you never have to call about this again."), turn=1)
    assert not [e for e in once.metric("key_points").evidence if e.kind is EvidenceKind.SAID_BACK]
    padded = _score(PAIRS[13][0])
    assert padded.overall <= th.PADDED_CAP
    assert "words back once shows you listened" in padded.tips[0].text, padded.tips[0].text


def test_the_first_padding_file_gains_pairs():
    # padding_cases.yaml: the plain twin was above its padded answer in 7 of 12 pairs before the cap
    cases = [f.case for f in js.load_fresh() if f.case.id.startswith("padding/")][:24]
    pairs = [(cases[k], cases[k + 1]) for k in range(0, 24, 2)]
    above = sum(_score(b).overall > _score(a).overall for a, b in pairs)
    assert above >= 9, above


# --- a neighbouring idea must not cover a key point (judgment/padding2_points.yaml) -------------

POINT_CASES = js.load_points(js.PADDING2_POINTS_FILE)
# Measured (u9-padding) and not fixed: the sentence model places a neighbour of a point's idea near
# it (weekdays 0.72-0.75 from "weekends", "weeknights" 0.59, "daytime only" 0.58 from "evenings",
# "a really good agent" 0.55 from "team lead"), and "happy" in "happy doing my normal contracted
# hours" matches the phrasing of "happy to" (overtime) word for word. No general reading of a
# neighbour as another idea was found in the time: a list of opposites (weekday/weekend,
# day/evening) would fix these eight words and no others.
# (1, "I can work weekdays...", is read since `points.names_sibling`: "weekdays" and "weekends" are two
# compounds of one word, a sibling, not the point; test_judgment_neighbours.py)
# (2 and 5, weekday names and daytime, are read since `times.py`, thirtieth pass: a time of the week outside a
# point never covers it; 4 no longer covers weekends, but "Weeknights are fine" is only near "evenings")
NEIGHBOURS_NOT_FIXED = {4: "'Weeknights are fine' only partly covers 'evenings'", 6: "'happy' matches the phrasing 'happy to' word for word",
                        7: "'a really good agent' 0.55 from 'team lead'"}


def _coverage(case) -> dict:
    s = score_answer(case.question, Transcript.typed(case.text))
    return {e.label: e.coverage for e in s.metric("key_points").evidence if e.kind is EvidenceKind.KEY_POINT}


@pytest.mark.parametrize("n", range(1, len(POINT_CASES) + 1), ids=lambda n: f"neighbour{n}")
def test_a_neighbouring_idea_does_not_cover_a_key_point(n, request):
    if n in NEIGHBOURS_NOT_FIXED:
        request.applymarker(pytest.mark.xfail(strict=True, reason=NEIGHBOURS_NOT_FIXED[n]))
    case = POINT_CASES[n - 1]
    got = _coverage(case)
    wrong = {label for label in case.not_covered if got.get(label) is Coverage.COVERED}
    wrong |= {label for label in case.covered if got.get(label) is not Coverage.COVERED}
    assert not wrong, (case.text, wrong, case.why)
