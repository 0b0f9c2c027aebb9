"""Professional answers the scorer knocked out (c2-precision pass): each is said the way a kind
agent says it, and must keep its score; each cause has its rude twin, which must stay flagged."""

from __future__ import annotations

import pytest

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.types import EvidenceKind, Severity, Transcript

BANK = {q.id: q for b in bundled_banks() for q in b.questions}


def score(qid: str, text: str, turn: int | None = None):
    return score_answer(BANK[qid], Transcript.typed(text), turn=turn)


def severe(s) -> list[str]:
    m = s.metric("professionalism")
    return [e.quote for e in m.evidence if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # a share of the problem, not a refusal of it
    ("angry-customer-time", None, "It's not my problem alone to fix, so I brought in my team leader, but I kept the "
     "customer updated every day until the refund came through and she thanked me.", False),
    ("lost-package-caller", 1, "That's not my problem, ring the courier.", True),
])
def test_a_problem_shared_is_not_one_refused(qid, turn, text, flagged):
    s = score(qid, text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged
