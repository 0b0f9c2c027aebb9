"""Casual rudeness in a situation no red-flag exemplar names (the eleventh pass): a word of the
candidate's attitude to the caller ("not mine", "he'll survive") with a clause that leans to a
red flag ends the answer; the same words said kindly, or denied, do not.

Written by the a2-casual helper with the rule; the evaluation is tests/judgment/fresh9_cases.yaml
(written before it) and the other fresh files (tests/test_judgment_fresh.py).
"""

from __future__ import annotations

import pytest

from simulator.assess import score_answer
from simulator.banks import bundled_banks
from simulator.scoring.attitude import attitude_of
from simulator.scoring.measure import KnockOut, knockouts
from simulator.types import EvidenceKind, RedFlag, Severity, Transcript

BANK = {q.id: q for b in bundled_banks() for q in b.questions}


def score(qid: str, text: str, turn: int | None = None):
    return score_answer(BANK[qid], Transcript.typed(text), turn=turn)


def severe(s) -> list[RedFlag]:
    return [RedFlag(e.label) for e in s.metric("professionalism").evidence
            if e.kind is EvidenceKind.RED_FLAG and e.severity is Severity.SEVERE]


@pytest.mark.parametrize("qid, turn, text", [
    # the coordinator's example, in a situation no exemplar names (a train ticket): scored 64.9
    ("angry-customer-time", None, "A man rang up shouting that his train ticket refund hadn't come through. "
     "Honestly, that's their morning ruined, not mine. I'd let them get on with it and pick up the next line."),
    # the caller's loss made small, on a call: scored 30
    ("lost-package-caller", 2, "A birthday, right. Well, he'll survive if it turns up on Monday instead."),
])
def test_casual_rudeness_in_a_new_situation_is_a_red_flag(qid, turn, text):
    s = score(qid, text, turn)
    assert RedFlag.DISMISSIVE in severe(s)
    assert s.overall <= 10 and KnockOut.RED_FLAG in knockouts(s.metrics)


@pytest.mark.parametrize("qid, text", [
    # the professional twin of the train ticket answer
    ("angry-customer-time", "A man rang up shouting that his train ticket refund hadn't come through. It wasn't my "
     "mistake, but I said sorry, found the refund stuck in the system and pushed it through while he was on the line."),
    ("greatest-weakness", "I used to switch off on long calls, so now I take notes as the caller talks and read them "
     "back, and I haven't missed a detail since."),
    # were red flags before this pass: a short yes near "Weekdays nine to five, and that's not up for
    # discussion", and "big deal" read as sarcasm when it is the customer's big deal
    ("availability-shifts", "Weekdays are fine, any hours."),
    ("overtime-peak-season", "I'd do it. It's a big deal for the customers at Christmas, so I'd want to be there."),
])
def test_the_same_words_said_kindly_are_no_red_flag(qid, text):
    assert severe(score(qid, text)) == []


@pytest.mark.parametrize("text, family", [
    ("That's their morning ruined, not mine.", RedFlag.DISMISSIVE),
    ("Getting rid of the caller on the first go, basically.", RedFlag.DISMISSIVE),
    ("Repeat callers are a pain.", RedFlag.CONTEMPT),
    # its nearest exemplar is a dishonest one; its tip must speak of coasting, not of lying
    ("You can take it a bit easy here, from what I've heard.", RedFlag.MONEY),
    ("I'd never fob a caller off.", None),  # denied
    ("I don't think you can get away with that here.", None),
    ("It wasn't my shift that made the mistake, but I said sorry anyway.", None),  # kind candidates say it
    ("Then I flagged it to my supervisor and took a minute before the next one.", None),
    # words read only of a person, or of the candidate not listening
    ("I'd walk them through getting rid of the virus step by step.", None),
    ("I'd ask them to switch off the router and wait a minute.", None),
    ("Let me find out what's going on about the refund.", None),
    ("I switch off a bit on the long calls.", RedFlag.DISMISSIVE),
    # a choice offered, oneself, the caller's own pain
    ("I understand, and it's up to you: I can put you through now, or look at it first.", None),
    ("I'm not afraid of hard work.", None),
    ("I can go on and on about a product when I'm excited.", None),
    ("Repeat calls are a pain for customers.", None),
    # words left out for that reason
    ("It doesn't matter to me which days, I'm free all week.", None),
    ("I'd just like to take my break at a regular time.", None),
    ("A friend says nobody checks on you every minute here, you're trusted.", None),
])
def test_words_of_attitude_name_their_red_flag_and_not_when_denied(text, family):
    assert attitude_of(text) is family


def test_a_word_of_attitude_alone_is_no_red_flag_without_the_meaning():
    """"Hard work" in a kind answer: the clause leans to no red flag, so nothing is flagged."""
    s = score("overtime-peak-season", "Yes, I'd do it. The Boxing Day calls are hard work for everyone, but people "
              "going through returns need someone patient, so I'd be there.")
    assert severe(s) == []
