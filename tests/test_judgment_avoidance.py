"""Call avoidance and gaming the numbers with nothing admitted in words, and their honest twins
(d6-avoidance pass; cases in judgment/avoidance_cases.yaml): a call dropped on a pretend bad line, a
pretend supervisor, a made-up outage, not-ready taken to dodge the queue, a hard call moved off
one's numbers, a ticket or wrap code or survey marked whatever happened must knock an answer out; a
line that really breaks up and a call back, a real supervisor, an honest wrap code must not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/avoidance_cases.yaml, written and labelled before any was scored. Blind (main at
# cee8504): of 30 answers 10 flagged, 10 at or below 15; of 30 honest twins 2 flagged, 20 within
# their tier's bounds. After this pass (`pretence.py`, `untruths.py`): 28 flagged, 28 at or below
# 15; twins unchanged. Left: a reply that is the lie itself with nothing else in it ("I've booked
# you a callback from billing..."), a transfer gloated over ("that's them stuck in their queue").
FOUND, LOW, TWINS_FLAGGED, TWINS_WITHIN = 28, 28, 2, 20


def test_avoidance_is_knocked_out_and_its_honest_twins_are_not_more_than_before():
    cases = floors.scored("avoidance")
    rude = [(f, s) for f, s in cases if f.flag]
    honest = [(f, s) for f, s in cases if f.flag is False]
    assert len(rude) == 30 and len(honest) == 30
    floors.assert_rude_found(cases, FOUND)
    assert sum(s.overall <= 15 for _, s in rude) >= LOW
    floors.assert_professional_flagged(cases, TWINS_FLAGGED)
    assert floors.professional_within(cases) >= TWINS_WITHIN


severe = floors.typed_flags


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # a pretence to a caller (`pretence.PRETEND`); not one denied, not role-play in training
    ("greatest-weakness", None, "I get bored of chatty callers, so I make out my shift has just ended and wrap "
     "them up.", True),
    ("why-call-center", None, "I like the variety. When someone wants a manager I just say I'm the manager, saves a "
     "lot of bother.", True),
    ("greatest-weakness", None, "I won't pretend I know every product. When I don't, I say so and find out while "
     "they wait.", False),
    ("what-does-the-job-involve", None, "Lots of learning at the start. In training we pretend to be customers and "
     "take turns handling each other's complaints.", False),
    # saying one cannot pretend is no pretence (coordinator's try after the pass)
    ("greatest-weakness", None, "I find it hard to pretend everything's fine when it isn't, so I've learned to ask "
     "for help early.", False),
    # a bad line, the call ended, and no call back by the candidate (`BAD_LINE`, `ENDED`)
    ("abusive-caller", None, "If they get nasty I tell them the line's bad and drop the call, they rarely ring "
     "again.", True),
    ("abusive-caller", None, "Once the line was bad and the call dropped, so I rang her straight back and we "
     "finished the complaint.", False),
    # an outage told on a condition of the call and the caller sent away, unless the candidate keeps the
    # case or calls back
    ("explain-technical-simply", None, "When a question is beyond me I tell them the network is down and to try "
     "again later.", True),
    ("explain-technical-simply", None, "Once our network really was down. I told the lady, took her number and "
     "rang her back that afternoon with the steps written out simply.", False),
    # an outage only named may be true: a weak or plain answer is no lie; but on a call whose line names no
    # outage, one the candidate brings in to send the caller away is made up (coordinator's tries after the pass)
    ("angry-customer-time", None, "When our systems are down I apologise and ask them to call back in an hour.", False),
    ("lost-package-caller", 1, "I'm sorry, our systems are down right now, could you call back in an hour?", True),
    pytest.param("angry-customer-time", None, "If the system's down I ask them to call back later, there's not much "
                 "else you can do.", False, marks=pytest.mark.xfail(strict=True, reason=(
                     "the twenty-eighth pass's refit of the red-flag model reads it at 4.06 log-odds, over the bar of "
                     "3.65: a passive answer knocked out (README 'The red-flag model')"))),
    # a record set whatever happened (`MARKED`, `CONTRARY`), not an honest one (`HONEST_RECORD`)
    ("what-is-good-service", None, "Fast calls. You log every complaint as fixed whatever happened and the "
     "dashboard stays green.", True),
    ("what-is-good-service", None, "Fixing it first time. I log each call accurately, even when it's not fixed, "
     "so the next agent knows where it stands.", False),
    # not-ready taken to dodge the queue, not for a note
    ("overtime-peak-season", None, "Sure. When the queue gets busy I just go into not ready for a while and grab "
     "a coffee.", True),
    ("overtime-peak-season", None, "Sure. I keep not ready for finishing notes after long calls, and I'm back on "
     "the queue as soon as they're done.", False),
    # a caller asked for the top score
    ("lost-package-caller", 3, "That's all sorted. When the survey comes, give me ten out of ten, it really helps "
     "me.", True),
])
def test_cheating_is_read_from_its_shape_and_its_honest_twin_is_not(qid, turn, text, flagged):
    assert bool(severe(qid, text, turn)) is flagged, text


@pytest.mark.parametrize("qid, turn, text", [
    # `untruths`: "came back and said", and what was said to be done, never done
    ("angry-customer-time", None, "He wanted a refund, so I went away, came back and said finance had approved "
     "it. Nothing was raised, but he hung up happy."),
    ("supervisor-demand-caller", 2, "I'd tell you my manager has said no. I wouldn't actually ask her, there's no "
     "point."),
])
def test_a_telling_is_a_lie_when_what_it_says_was_never_done(qid, turn, text):
    assert severe(qid, text, turn), text
