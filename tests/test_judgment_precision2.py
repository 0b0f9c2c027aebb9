"""Professional answers that talk about the red-flag subjects, and their rude twins (p5-precision2
pass, the second precision pass; cases in judgment/precision2_cases.yaml): each way a kind agent
talks about abuse, hold, pay, a past employer, an availability limit or an insult must keep its
score, and each rule's rude twin must stay flagged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

# tests/judgment/precision2_cases.yaml, written and labelled before any was scored. Blind: of 70
# professional answers 10 flagged, all 10 at or below 15, 55 within their tier's bounds; of 20 rude
# twins 18 flagged, 19 at or below 15. After this pass: 1 flagged and at or below 15, 63 within
# bounds; 19 twins flagged, 20 at or below 15. Left: "I've worked for two companies that treated
# staff badly and customers worse..." (blame, by the consensus of three red-flag exemplars with no
# professional sentence on a past employer near: professional twins in exemplars.yaml fix it, but
# need the tone model refit, left to the pass that owns tone_weights.json); below their floor but
# not knocked out: two answers the relevance model hears as another question (21, 22), pay named
# among reasons under the cliche cap (40), a carer's story under the composure cap (45).
# k6-examples (2026-12-02): 62 within bounds. A hedged answer to the abusive caller (39, "I think I'd
# feel a bit shaky... ask them not to swear, and if it didn't stop I'd ask my team leader") now covers
# the warning by the point's example sentences, as it says it, and rose from 61 to 74 over its 70.
PRECISION2_WITHIN, PRECISION2_FLAGGED, PRECISION2_RUDE_FOUND = 62, 1, 19


def test_professional_answers_on_red_flag_subjects_are_neither_flagged_nor_knocked_out():
    cases = floors.assert_precision_floors("precision2", 70, 90, PRECISION2_FLAGGED, PRECISION2_WITHIN,
                                           PRECISION2_RUDE_FOUND)
    professional = [(f, s) for f, s in cases if f.flag is False]
    low = [f.case.text for f, s in professional if s.overall <= 15]
    assert len(low) <= PRECISION2_FLAGGED and all(floors.severe_flags(s) for f, s in professional if s.overall <= 15), low


score, severe = floors.typed_score, floors.severe_quotes


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # a word of contempt that says how someone felt is a feeling (blind: 6.4 and 7.0, contempt)
    ("greatest-weakness", None, "I take it personally when a caller's angry. I used to go quiet and feel like an idiot "
     "afterwards. My old supervisor taught me it's about the problem, not me, so now I take a breath and get on with it.",
     False),
    ("explain-technical-simply", None, "My nan always says she feels like an idiot with her phone, so I know not to make "
     "people feel like that. I'd ask what they can see on the screen and go one click at a time.", False),
    ("explain-technical-simply", None, "I feel like most callers are idiots, honestly. I'd tell them to ask their kids.",
     True),
    # what a caller told the candidate to do is the caller's words (blind: 7.9, dismissive)
    ("angry-customer-time", None, "A man rang about his broadband and told me to shut up and listen. So I did. I let him "
     "finish, said sorry, found the fault on his line, booked an engineer for the next morning and texted him the time.",
     False),
    ("angry-customer-time", None, "A man told me to shut up, so I told him to shut up too and hung up on him.", True),
    # a phrase named, then judged a thing not to say (blind: 8.0, dismissive)
    ("customer-yelling-first-word", None, "'Calm down' is the worst thing you can say, so I wouldn't. I'd wait for a "
     "breath, give my name, and say 'I'm sorry, tell me what's happened and I'll help.'", False),
    ("customer-yelling-first-word", None, "I'd tell them to calm down, it's the quickest way to get them to listen.", True),
    # "let them go" said of a yelling caller is letting them vent (blind: 7.0, dismissive)
    ("customer-yelling-first-word", None, "Oh, I had this loads at the council. You just let them go, honestly, don't "
     "interrupt and don't take it to heart, because it isn't about you. Then when they stop, you give your name, say "
     "sorry it's been hard, and ask for the details so you can get going on it.", False),
    ("customer-yelling-first-word", None, "Put the headset on the desk and let them run out of steam. Pick it back up "
     "when it goes quiet.", True),
    # the caller told they are wasting time (blind: 49.7, no flag)
    ("supervisor-demand-caller", 1, "Fine, I'll put you through, but they'll tell you the same thing. You're wasting "
     "everyone's time.", True),
    ("supervisor-demand-caller", 1, "You're not wasting anyone's time, I'm sorry. I can transfer you, or I can try to fix "
     "it now.", False),
])
def test_insults_quoted_felt_or_judged_are_not_the_candidates(qid, turn, text, flagged):
    s = score(qid, text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged, s.overall


@pytest.mark.parametrize("qid, text, flagged", [
    # pay named as one reason beside another (blind: 7.2, money)
    ("why-call-center", "Honestly, the pay is better than the shop, and that matters with two kids. But it's also that I "
     "like talking to people and fixing things, and I've been doing that on a till for six years.", False),
    ("why-call-center", "Honestly, the pay is better than the shop, and that's all there is to it.", True),
    ("why-call-center", "It pays better and I need the money. Also it's close to home.", True),  # practical both
    # frankness about what the job is not, then the reasons (blind: 7.4, money)
    ("why-call-center", "I'm not going to pretend it's a dream job. It's steady work, the commute is twenty minutes, and "
     "I'm good with upset people because I spent five years in a pharmacy. That's a decent fit.", False),
    ("why-call-center", "Let's be real, it's a paycheck till something better comes along. I'll answer the phones, I'm "
     "not going to pretend I love it.", True),
    ("why-call-center", "I'm not going to pretend I like it.", True),
    # what other people want is not the candidate's act (blind: 5.2, dishonesty)
    ("what-does-the-job-involve", "It's not all nice chats. Some people will be rude, some will be confused, and some "
     "will want a refund you can't give. You're there to help all of them the same way.", False),
    ("refund-against-policy", "I'd just give them the refund and not tell anyone.", True),
    # a past employer insulted is still blame (the fair telling is left flagged: see the floor above)
    ("why-leaving-current-job", "My last employer treated staff like dirt, and I'm glad to be out.", True),
])
def test_motives_told_honestly_are_not_red_flags(qid, text, flagged):
    s = score(qid, text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged, s.overall


@pytest.mark.parametrize("text, flagged", [
    # a limit, then a sentence turning on "But" with the hours said fine in a later phrase (blind: 8.8, refusal)
    ("I won't do nights, I'll be straight with you, I've got a little one. But evenings until ten and both weekend days "
     "are fine, and I can swap with people when they need it.", False),
    ("Weekdays nine to five. I don't do weekends or evenings, full stop, so don't put me on them.", True),
])
def test_an_availability_limit_with_the_hours_offered_after_but(text, flagged):
    s = score("availability-shifts", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged, s.overall


def test_a_bare_yes_after_but_is_no_offer_beside_a_sarcastic_refusal():
    # "But sure, I'll be there" names no hours fine: the sarcasm before it keeps its flag (fresh8)
    s = score("overtime-peak-season", "Mandatory overtime, love that for me. Nothing says 'we value you' like being told "
              "your Saturday's already spoken for. But sure, I'll be there, smiling through it.")
    assert severe(s) and s.overall <= 15
