"""A blind tune family of a basic part of the job turned down politely (a headset all shift, a script, being
recorded, selling, the notes after a call, complaints, bad news, breaks on a schedule, the rota, overtime), labelled
a red flag, each beside a hard negative on the same question that shares its words: ambition ("I don't want to be
on the phones forever"), a standard of work ("I'd rather take an extra minute and fix it properly"), a hard side
named with how the candidate copes, enthusiasm said with a negation ("I never get bored of it"), a reasonable limit
(judgment/fresh18_cases.yaml, written by a helper who read no exemplar, rule or case file; 23 of its 26 refusals
never say "phone", "call" or "customer").

It measures the gap the thirtieth pass left open: the work turned down in everyday words, without a key point's
words. The red-flag model is not fitted on it (`judgment_set.NOT_TRAINED`), so its figures stay a measure.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# Blind, at bb59faa (thirty-first pass): refusals at or below 10: 11 of 26 (and red-flagged: 11); hard negatives
# within bounds 22 of 26, above their twin 24 of 26, red-flagged 2 ("There was a guy whose order was late", the
# opening of a story that ends with a morning delivery slot, read as dismissive; "I'd let them get it out", read
# as dismissive of a caller who shouts). These are floors, so a change may raise them, never lower them.
TURNED_DOWN, FOUND, GOOD_WITHIN, GOOD_ABOVE, FLAGGED = 11, 11, 22, 24, 2


def test_the_blind_family_is_read_as_labelled():
    pairs = floors.scored_pairs("fresh18")
    assert len(pairs) == 26
    assert all(bad.family == "negation" and good.tier.name in ("short_strong", "excellent") for _, bad, _, good, _ in pairs)
    assert sum(bs.overall <= 10 for _, _, bs, _, _ in pairs) >= TURNED_DOWN
    assert sum(bool(floors.severe_flags(bs)) for _, _, bs, _, _ in pairs) >= FOUND
    assert sum(good.within_bounds(gs.overall) for _, _, _, good, gs in pairs) >= GOOD_WITHIN
    assert sum(gs.overall > bs.overall for _, _, bs, _, gs in pairs) >= GOOD_ABOVE
    flagged = [good.text for _, _, _, good, gs in pairs if floors.severe_flags(gs)]
    assert len(flagged) <= FLAGGED, flagged


def test_it_is_never_a_training_row_of_the_red_flag_model():
    import judgment_set as js

    assert "fresh18" in js.FRESH_FILES and "fresh18" in js.NOT_TRAINED
