"""Professional answers the scorer knocked out (c2-precision pass): each is said the way a kind
agent says it, and must keep its score; each cause has its rude twin, which must stay flagged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from simulator.types import Coverage, EvidenceKind

sys.path.insert(0, str(Path(__file__).parent / "judgment"))
import floors  # noqa: E402

score = floors.typed_score
severe = floors.severe_quotes


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


@pytest.mark.parametrize("qid, text, flagged", [
    ("angry-customer-time", "I'd never fob them off or pass them on just to get rid of them. I'd listen to the whole "
     "story, say sorry it's happened, and sort out what I can myself.", False),
    ("angry-customer-time", "I'd just pass them on to anyone just to get rid of them.", True),
    # what still reads as said: a caller's problems are a thing, not a denial
    ("multiple-problems-one-call", "I'd rush through their problems just to get them off the line.", True),
    ("angry-customer-time", "Had a man furious his broadband was down. I booked him in for next week. Not really my "
     "problem he works from home.", True),
])
def test_a_purpose_is_denied_with_the_act_it_is_for(qid, text, flagged):
    s = score(qid, text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


def denials(s) -> list[str]:
    return [e.quote for e in s.metric("key_points").evidence
            if e.kind is EvidenceKind.KEY_POINT and e.coverage is Coverage.DENIED]


def test_a_clause_that_denies_nothing_does_not_deny_a_point_phrased_in_the_negative():
    # fresh8: knocked out to 6.7, its tip quoting "...you ring them before they ring you" as saying
    # no to "so they don't call back"
    s = score("what-is-good-service", "To me it's when the customer never has to chase. You tell them what you're "
              "going to do, you do it when you said, and if something slips you ring them before they ring you. "
              "Being warm matters, but being reliable is what people remember.")
    assert not denials(s) and s.overall > 15, (denials(s), s.overall)
    # a real denial is still one, and quoted where it is said
    s = score("what-is-good-service", "Fixing it on the first call doesn't matter to me, they can ring back.")
    # (one clause, which may deny more than one point: "Fixing it on the first call" names two)
    assert set(denials(s)) == {"Fixing it on the first call doesn't matter to me"}, denials(s)


@pytest.mark.parametrize("text, flagged", [
    ("I'd stay polite and say I can't help while they're calling me names. If they stop, I carry on helping; if not, "
     "I'd give one warning and then end the call the way the policy says.", False),
    # the scene set, then a rude answer to it: the answer is the flag
    ("If they call me names, they'll hear a few from me too.", True),
    ("While they're swearing at me, I'd mute them and play on my phone.", True),
])
def test_what_the_caller_does_sets_the_scene_and_is_no_red_flag_of_the_candidates(text, flagged):
    s = score("abusive-caller", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


def test_a_rude_answer_to_the_scene_is_still_a_red_flag():
    s = score("abusive-caller", "Two can play that game. If they call me names, I've got a few of my own ready.")
    assert severe(s) and s.overall <= 10, (severe(s), s.overall)


@pytest.mark.parametrize("text, flagged", [
    # fresh7: knocked out to 8.9 as "that's between you and the courier"
    ("Right, then I'm not going to sit and wait on the courier. I'm putting a second one on tomorrow's next-day van "
     "now, so it's with you Thursday, two days before the party, and I'm opening a trace on the first one at the "
     "same time so you're not paying twice.", False),
    ("I'm just going to sit and wait on the courier, nothing else I can do.", True),
])
def test_not_going_to_sit_and_wait_is_one_act_denied(text, flagged):
    s = score("lost-package-caller", text, 3)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("qid, text, flagged", [
    # frankness before a yes: the "won't" of "I won't pretend" is no tone of a refusal
    ("availability-shifts", "I won't pretend I love losing Saturdays, but weekends are fine and I can do evenings "
     "too.", False),
    ("availability-shifts", "I'm not going to lie, I don't do evenings or weekends.", True),
])
def test_i_wont_pretend_is_frankness_not_a_refusal(qid, text, flagged):
    s = score(qid, text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, flagged", [
    # a yes without the price that makes "I'll do overtime if they pay me triple" a refusal
    ("I won't pretend I love losing Saturdays, but I know peak is when we're needed, so yes, I'll do the overtime.",
     False),
    ("I'll do the overtime if the money's right, otherwise forget it.", True),
    ("Sure, I'll do overtime as long as it's paid triple.", True),
])
def test_a_plain_yes_to_overtime_is_not_a_yes_at_a_price(text, flagged):
    s = score("overtime-peak-season", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("qid, turn, text", [
    # how, not whether: knocked out to 4.6 as denying "I'll get a supervisor if..."
    ("supervisor-demand-caller", 1, "I won't transfer you blind. Let me take the details first."),
    # a denial answered by "without": always with an answer (3.1, as denying "take calls")
    ("what-does-the-job-involve", None, "Making sure people never have to ring off without an answer, mostly."),
])
def test_a_denial_of_how_or_answered_by_without_denies_no_key_point(qid, turn, text):
    s = score(qid, text, turn)
    assert not denials(s) and s.overall > 15, (denials(s), s.overall)


def test_a_plain_refusal_to_transfer_still_denies_the_point():
    s = score("supervisor-demand-caller", "I won't transfer you, I'm not getting a supervisor.", 1)
    assert denials(s) and s.overall <= 10, (denials(s), s.overall)


@pytest.mark.parametrize("text, flagged", [
    # conceded, then done: knocked out to 5.3 as "It's not my department, call someone else", and as
    # denying the story's situation ("...so the customer didn't have to repeat herself")
    ("It wasn't my department, but I stayed on the line and got the right person, explained it to them so the "
     "customer didn't have to repeat herself, and rang her back the next day.", False),
    ("It wasn't my department, but I told her to ring billing herself.", True),
    ("Honestly, not my department, so I gave him the head office number, said they'd sort it, and went back to my "
     "sign-ups.", True),
])
def test_not_my_department_conceded_before_what_was_done_is_no_brush_off(text, flagged):
    s = score("angry-customer-time", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged
    if not flagged:
        assert not denials(s), denials(s)


@pytest.mark.parametrize("text, knocked_out", [
    # a "no" taken back by a "but" that only says they are willing: not a denied point
    ("I never worked weekends in my last job, but I'm happy to now.", False),
    # the offer after a limit is what they can give, not a refusal read near "my evenings are mine"
    ("I don't do weekends, but I'm happy to do evenings.", False),
    # a "but" that takes nothing back: still a refusal
    ("I don't do weekends, full stop. But I'm happy for other people to do them.", True),
])
def test_a_no_taken_back_or_turned_to_an_offer_is_no_knock_out(text, knocked_out):
    s = score("availability-shifts", text)
    assert (s.overall <= 15) is knocked_out, (s.overall, severe(s))


def test_background_given_to_why_a_call_center_is_weak_not_another_question():
    # An answer-to-another-question rule (tried in the eleventh pass, reverted) knocked this out as
    # answering "Walk me through your customer service experience": it is background a recruiter
    # would ask to build on, not the bus route given to "What's your availability?".
    from simulator.scoring.measure import KnockOut, knockouts
    s = score("why-call-center", "I have worked in retail for three years, mostly at a busy pharmacy counter, where "
                                 "I handled phone orders, complaints and refills.")
    assert KnockOut.OFF_TOPIC not in knockouts(s.metrics) and s.overall > 15, s.overall


# --- twelfth pass (h3-precision): professional answers in grammar that reads like a red flag ---

def knocked_out(s) -> bool:
    return bool(severe(s)) or bool(denials(s)) or s.overall <= 15


@pytest.mark.parametrize("turn, text, flagged", [
    # "between you and the courier" as where something went wrong, not whose problem it is
    (1, "Between you and the courier something's gone wrong, so I'm sorry. Let me open a trace now and get a "
        "replacement sent out today.", False),
    (1, "That's between you and the courier, so sort it out with them.", True),
    (1, "Honestly, that's really between you and them now.", True),
])
def test_between_you_and_the_courier_is_a_brush_off_only_as_whose_problem_it_is(turn, text, flagged):
    s = score("lost-package-caller", text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, knocked", [
    # "again" on the same call: the check is done, not skipped
    ("I don't need to ask the security questions again, you passed them a minute ago, so I'll reset it now and "
     "send the link to your email.", False),
    # ...but a check passed on another call is no check on this one
    ("I don't need to ask the security questions again, you passed them when you rang last week, so I'll reset it "
     "now and send the link to your email.", True),
    ("I don't need to ask the security questions, so I'll reset it now and send the link to your email.", True),
])
def test_not_asking_again_on_the_same_call_skips_no_check(text, knocked):
    s = score("password-reset-security", text)
    assert knocked_out(s) is knocked, (denials(s), severe(s), s.overall)


@pytest.mark.parametrize("text, knocked", [
    # how, not whether: "word for word" is a way of following the script
    ("I won't follow the script word for word, I'd adapt it to the caller so it sounds natural, but I'd still cover "
     "everything it asks for.", False),
    ("I won't follow the script, I'd adapt it to the caller so it sounds natural.", True),
])
def test_not_word_for_word_is_how_the_script_is_followed(text, knocked):
    s = score("disagree-with-supervisor", text)
    assert knocked_out(s) is knocked, (denials(s), severe(s), s.overall)


@pytest.mark.parametrize("text, knocked", [
    # conditions_cases: a "can't" inside an "if" is a case planned for, not a refusal (5.7)
    ("Never telling a customer it's not my department. If I can't fix it, I find out who can and put them through "
     "myself.", False),
    ("I don't fix it, I find out who can and put them through.", True),
    ("I can't fix it, and I tell the customer it's not my department.", True),
])
def test_a_cant_inside_an_if_denies_no_key_point(text, knocked):
    s = score("what-is-good-service", text)
    assert knocked_out(s) is knocked, (denials(s), severe(s), s.overall)


@pytest.mark.parametrize("text, flagged", [
    # offtopic_cases: never late is punctuality, not a late shift turned down (8.8)
    ("I can do any shift, early or late, and weekends too. I'm twenty minutes away on the bus and it runs all night, "
     "so I've never once been late for a shift.", False),
    ("I'm twenty minutes away on the bus, so I won't do a late shift.", True),
])
def test_never_been_late_for_a_shift_turns_down_no_shift(text, flagged):
    s = score("availability-shifts", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, flagged", [
    # the tone word is in the phrase that sets the scene ("even when a letter we sent them wasn't
    # clear", the company's fault owned), not in the answer to it (5.3 as contempt)
    ("Being patient with people, even when a letter we sent them wasn't clear and they need it explained.", False),
    ("Being patient with people, even when a letter we sent them was clear and they still can't understand it, "
     "that's on them.", True),
])
def test_the_scenes_words_are_no_tone_of_the_answer(text, flagged):
    s = score("greatest-strength", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, flagged", [
    # fresh9: going through the banking app with them is heard as "sort that out with your bank
    # yourself" (5.6 as dismissive)
    ("I'd offer to go through the banking app with them step by step, or if they'd rather, a grandkid or a friend "
     "could sit with them while I stay on the line. Whatever's easier for them.", False),
    ("Honestly, I'd tell them to get their grandkids to set the banking app up for them. It's quicker for everyone, "
     "and I can get on with the people who actually know what a password is.", True),
])
def test_going_through_it_with_the_caller_is_never_dismissive(text, flagged):
    s = score("explain-technical-simply", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, flagged", [
    # fresh8: conceded, then turned to why this company (6.6 as "only in it for the money")
    ("I'll be honest, I applied to a few places, but you're the one I was hoping would ring. A friend works on your "
     "billing team and says new starters get proper training and someone to sit with for the first few weeks, and "
     "that's exactly what I want.", False),
    ("I'll be honest, I applied to a few places, but you're the first to ring, so here I am.", True),
    ("I'll be honest, I applied to a few places and you rang first.", True),
])
def test_other_applications_conceded_before_a_reason_for_this_company(text, flagged):
    s = score("why-this-company", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, flagged", [
    # fresh4: whose fault it was, then the fix owned (7.4 as blame)
    ("It wasn't my fault, it was the courier's: they'd left a customer's new laptop at the wrong house, and she rang "
     "me furious. I didn't argue or pass the blame, I apologised and let her tell me the whole thing. Then I got the "
     "driver's delivery photo and rang that address while she held.", False),
    ("It wasn't my fault, it was the courier's, so I didn't see why I should apologise.", True),
    ("Not my fault, blame the courier.", True),
])
def test_not_my_fault_then_the_fix_owned_is_no_blame(text, flagged):
    s = score("angry-customer-time", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, flagged", [
    # hours that finish the candidate's own offer give those hours (a new user's try, 2026-12-02: 9/100,
    # the tip quoting "until ten on weekdays" as turning down the job's conditions)
    ("I can't do weekends at the moment but I can do evenings until ten on weekdays, and I could pick up "
     "the odd Saturday if you give me notice.", False),
    ("I can do weekdays until five and that's not up for discussion.", True),
    ("Weekday mornings, that's it. My evenings and weekends belong to me and I don't bend on that.", True),
    ("I can do weekdays until five only.", True),
])
def test_hours_that_finish_an_offer_are_given_not_refused(text, flagged):
    s = score("availability-shifts", text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("text, knocked_out", [
    # "there's no permanent role" states a fact, the reason for leaving; it denies nothing said about
    # the last job (thin_cases.yaml's twin, 7/100 as "denies: positive about my last job")
    ("My contract ends in May and there's no permanent role. I want something steady where I can build on the "
     "phone work I already do.", False),
    ("There's no way I'd go back there, I'm not positive about that job at all.", True),
])
def test_a_fact_stated_with_there_is_no_denies_no_key_point(text, knocked_out):
    s = score("why-leaving-current-job", text)
    points = s.metric("key_points")
    denied = [e for e in points.evidence if e.coverage is Coverage.DENIED]
    assert bool(denied) is knocked_out or (knocked_out and severe(s)), denied
    assert (s.overall > 15) is not knocked_out, s.overall


@pytest.mark.parametrize("qid, turn, text, flagged", [
    # Thirteenth pass (2026-12-02), written before the rule: "deal with it" said as one of the
    # candidate's own acts in a list ("I'll find out where it is, deal with it, and call you back")
    # was read as the brush-off "deal with it" and knocked the answer out (4.0; the thin_cases twin 6.0).
    ("lost-package-caller", 1, "I'll find out where it is, deal with it, and call you back today.", False),
    ("what-is-good-service", None, "The person hangs up with nothing left to chase. I check what they really need, "
     "deal with it, and if I can't, I ring back when I promised.", False),
    # said to the caller, or as what the candidate would say, it is still the brush-off
    ("double-billed-caller", 1, "Look, these things happen, deal with it.", True),
    ("lost-package-caller", 1, "I'd say these things happen, deal with it, and move on to the next caller.", True),
    ("double-billed-caller", 1, "I'd tell them tough, deal with it, and hang up.", True),
    # and a red flag done by the candidate in a list of their acts is still theirs
    ("abusive-caller", None, "I'd listen for a bit, hang up on them, and take the next call.", True),
    ("customer-yelling-first-word", None, "I'd let them shout, yell back louder, and then carry on.", True),
])
def test_an_act_in_a_list_of_the_candidates_own_is_theirs_not_said_to_the_caller(qid, turn, text, flagged):
    s = score(qid, text, turn)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged
    for act in ("hang up on them", "yell back louder"):
        assert act not in text or any(act in q for q in severe(s)), severe(s)


# tests/judgment/precision_cases.yaml: professional answers in everyday ways, written and labelled
# before any of them was scored (thirteenth pass). First 36 (plain): blind 31 within their bounds, 1
# flagged ("I'd want to earn it first": money), 2 at or below 15 ("...without asking anyone" read as
# denying "so now I"); after: 33, 0, 0. Then 24 more that talk about the behaviour they avoid:
# blind 21 within, 3 flagged and knocked out; after: 22, 2, 2. Left: "I've read the reviews...
# People complain about waiting, but nobody complains about the staff" (what reviews say, read as
# the candidate's contempt) and "I wouldn't just hang up on them. I'd warn them calmly..." ("not
# just" is "not only", so the hang-up reads as said; a professional sentence saying it pulled a rude
# "I wouldn't just sit there and let them rant at me, I'd cut in" out of its flag, so it was not kept).
# t5-corpus pass: the corpus-trained tone model knocks out one more, "Being straight with people. Not
# fobbing them off, not reading a script at them, just listening and getting it fixed." (the model
# reads no negation: 3.43 against the bar 2.5), the price of 13 more rude answers found on the tune
# fresh files (164 to 177 of 282, professional 8 to 9 of 538). A coordinator's call: reverting
# TONE_L2/TONE_ANSWER and the weights restores 54, 2.
PRECISION_WITHIN, PRECISION_FLAGGED = 53, 3


def test_professional_answers_said_in_everyday_ways_are_neither_flagged_nor_knocked_out():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent / "judgment"))
    import floors

    cases = floors.scored("precision")
    assert len(cases) >= 60
    flagged = [(f.case.text, s.overall) for f, s in cases if floors.severe_flags(s)]
    assert len(flagged) <= PRECISION_FLAGGED, flagged
    assert [(t, v) for t, v in flagged if v <= 15] == [(f.case.text, s.overall) for f, s in cases if s.overall <= 15]
    assert sum(f.case.within_bounds(s.overall) for f, s in cases) >= PRECISION_WITHIN


@pytest.mark.parametrize("qid, text, knocked_out", [
    # a "without" denies the words after it, no others (thirteenth pass: 5.7, "denies: what I do about it")
    ("greatest-weakness", "Spreadsheets. I'm not a natural with them, so I did a free evening course and I can do the "
     "basics now without asking anyone.", False),
    ("greatest-weakness", "Spreadsheets. I'm rubbish with them and I get by without ever learning them, so I don't "
     "bother.", True),
])
def test_a_without_denies_only_what_follows_it(qid, text, knocked_out):
    s = score(qid, text)
    assert (s.overall <= 15) is knocked_out, s.overall


@pytest.mark.parametrize("qid, text, flagged", [
    # "earn it" is deserving a step up (thirteenth pass: 5.9, a money red flag); earning money is money
    ("where-in-five-years", "Still here, I hope, but not on the same desk: maybe training new starters or on the "
     "complaints team. I'd want to earn it first.", False),
    ("why-call-center", "Honestly, I'm here to earn money and that's it.", True),
])
def test_earning_a_step_up_is_not_money(qid, text, flagged):
    s = score(qid, text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged


@pytest.mark.parametrize("qid, text, flagged", [
    # what others believe, put right at once, is the view the answer argues against (thirteenth
    # pass, precision_cases: 6.3 with a money red flag quoting "People think it's just...")
    ("why-call-center", "People think it's just getting shouted at all day. It isn't. Most callers are decent, and "
     "the ones who are cross usually have a good reason, which I can fix.", False),
    ("what-does-the-job-involve", "Some people think callers are stupid. They're not, they just haven't had it "
     "explained properly.", False),
    # agreed with, it is the candidate's own
    ("why-call-center", "People think it's just a paycheck. It is, for me.", True),
])
def test_a_belief_of_others_put_right_is_not_the_candidates(qid, text, flagged):
    s = score(qid, text)
    assert bool(severe(s)) is flagged, severe(s)
    assert (s.overall > 15) is not flagged
