"""A blind tune family of the work itself turned down in everyday words ("Honestly, sorting out strangers'
muddles over the phone has never appealed to me"), each beside a twin that wants the same work in the same
words, and honest answers using the same verbs (judgment/fresh16_cases.yaml, written by a helper who read no
exemplar, rule or case file); and the readings the twenty-ninth pass added for it:

- a part of the job named first and set off by a comma, then taken up ("Evenings on the phones, that one fills
  me with dread") or judged by the candidate ("Talking to customers all day, I can't get excited about it"),
  after an opener of candour ("To be frank, ..."), is judged like a subject (`verdict._topic_end`);
- "...doesn't put me off" is a denied dislike, a yes (`verdict._puts_off`);
- a part of the job named in other words and turned down denies the key point its words alone are near
  (`points._judged_away`, also in test_judgment_implied.py).

Tried and taken out: the work named (calls, the phone, callers, talking to people) and turned down as a red
flag whatever the question (the held-out family's questions are often about the candidate or have no key point
to deny). On the tune files it knocked out no professional answer and found 2 more turned-down answers here; on
the held-out fresh files it found 3 more of heldout-fresh23's 18 but knocked out 3 more of 540 professional
answers elsewhere (rules alone 32 -> 35), so by the rule fixed before that measure it was not kept.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402
import judgment_set as js  # noqa: E402

from simulator.scoring import verdict  # noqa: E402
from simulator.scoring.overall import KnockOut, knockouts  # noqa: E402

# Blind, at 92e26a8: turned-down answers at or below 10: 9 of 20 (mean 37.3); twins within bounds 16 of 20,
# above their turned-down answer 17 of 20; honest answers within bounds 7 of 8. After the readings (tune, so no
# longer a measure): 12, 16, 18, 7. The held-out half (heldout-fresh23) is unchanged by them: 4 of 18, twins 17
# of 18 within bounds and above, honest 7 of 8 (README "Judgment figures"). The thirtieth pass: 13 (weekday
# daytime hours no longer cover evenings and weekends, `times.py`: "...I can only do Monday to Friday, nine to five").
TURNED_DOWN, TWINS_WITHIN, TWINS_ABOVE, HONEST_WITHIN = 13, 16, 18, 7
# The red-flag model is never fitted on this file (judgment_set.NOT_TRAINED): its 28 professional answers measure
# its false flags out of sample. At the pass's end, rules and model together flag none of them.
FLAGGED = 0


def test_the_blind_family_is_read_as_labelled():
    cases = floors.scored("fresh16")
    assert len(cases) == 48
    pairs = [(cases[k], cases[k + 1]) for k in range(0, 40, 2)]
    assert all(a.case.family == "negation" and b.case.family != "negation" for (a, _), (b, _) in pairs)
    assert sum(s.overall <= 10 for (_, s), _ in pairs) >= TURNED_DOWN
    assert sum(b.case.within_bounds(t.overall) for _, (b, t) in pairs) >= TWINS_WITHIN
    assert sum(t.overall > s.overall for (_, s), (_, t) in pairs) >= TWINS_ABOVE
    assert sum(f.case.within_bounds(s.overall) for f, s in cases[40:]) >= HONEST_WITHIN
    floors.assert_professional_flagged([(f, s) for f, s in cases if f.flag is False], FLAGGED)


def test_the_red_flag_model_is_never_fitted_on_it():
    spec = importlib.util.spec_from_file_location("fit_flag_model", ROOT / "scripts" / "fit_flag_model.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    ids: list[str] = []
    script.training_rows(ids=ids)
    # ...nor on the thirtieth pass's fresh17 (test_judgment_fresh17.py), nor on any file NOT_TRAINED names
    assert {"fresh16", "fresh17"} <= js.NOT_TRAINED
    assert any(i.startswith("fresh14/") for i in ids) and not any(i.split("/")[0] in js.NOT_TRAINED for i in ids)


@pytest.mark.parametrize("sentence, stance", [
    ("Evenings and weekends sitting on the phones with customers, that one fills me with dread.", -1),
    ("Evenings and weekends sitting on the phones with customers, that one is perfect for me.", 1),
    ("To be frank, sitting and talking to customers on the phone whole day, I can't get excited about it.", -1),
    ("Picking up call after call from people, which honestly sounds soul-destroying to me.", -1),
    ("Busy phones don't put me off.", 1),
    ("The upselling side puts me right off.", -1),
    # not a verdict: what the candidate has done, a thing the candidate says, no part of the job taken up
    ("Being on the phone all day, which I've never done full time, but I'm looking forward to it.", None),
    ("Thanks for calling, I'm sorry about that.", None),
    ("Long calls, that can be draining, so I take a breath.", None),
    # a part named and taken up by nothing (the eval of this pass crashed on such a sentence)
    ("Long calls, that.", None), ("Evenings on the phone, it's.", None), ("Weekends, I.", None),
])
def test_a_part_of_the_job_named_first_and_then_judged(sentence, stance):
    found = verdict.verdict(sentence)
    assert (found.stance if found else None) == stance


@pytest.mark.parametrize("qid, text", [
    ("why-call-center", "To be frank, sitting and talking to customers on the phone whole day, I can't get excited "
                        "about it. The salary is good, that is the main thing."),
    ("availability-shifts", "Evenings and weekends on the phones, that one fills me with dread, I'll be honest."),
])
def test_a_part_named_first_and_turned_down_denies_its_point(qid, text):
    score = floors.typed_score(qid, text)
    assert KnockOut.DENIED in knockouts(score.metrics)
    assert score.overall <= 10


PIECES = ["Long", "calls", "evenings", "on", "the", "phone", "that", "one", "it", "it's", "that's", "which", "I",
          "I've", "can't", "never", "sounds", "is", "me", "dread", "fills", "put", "off", "honestly", "To", "be",
          "frank", "and", "but"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5), st.sampled_from(["that", "that one", "it", "it's",
       "which", "I", "this", "that's"]), st.lists(st.sampled_from(PIECES + [p + "," for p in PIECES]), max_size=6))
def test_any_part_named_then_taken_up_is_read_without_raising(topic, pronoun, rest):
    found = verdict.verdict(" ".join(topic) + ", " + " ".join([pronoun] + rest) + ".")
    assert found is None or found.stance in (-1, 1)
