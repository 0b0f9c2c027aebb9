"""Tips on what was said: key points, relevance, a concrete example, the story's shape, length."""

from __future__ import annotations

from ...scoring import thresholds as th
from ...scoring.clauses import NEGATORS
from ...scoring.words import normalise_word
from ...scoring.content import says_nothing
from ...scoring.flag_readings import asks_motive_of, states_a_need
from ...scoring.overall import KnockOut, knockouts, tells_no_story
from ...scoring.plan import answer_band, asks_for_example
from ...scoring.semantic import is_no_answer
from ...types import Asks, Coverage, EvidenceKind, Metric, QuestionKind
from ..context import NOT_COVERED, Context, labels_of
from ..lines import call_handling, line_idea
from ...wording import plural
from ..phrasing import after_lead, and_list, band_words, duration, format_time, idea, quoted
from .registry import writes



# After a point said the other way round, what to say instead, in the shape the question asks
# for: "what you do like about the work" answers "Why a call center?", not "Tell me about a time
# you calmed an angry customer" (a story) or "What would you do if..." (the steps of a plan).
INSTEAD_OF_NO: dict[QuestionKind, str] = {
    QuestionKind.GENERAL: "tell me what you do like about the work, with one real moment that shows it",
    QuestionKind.BEHAVIORAL: "tell me about a real time you did it: what happened, what you did, and how it "
                             "turned out",
    QuestionKind.SITUATIONAL: "tell me what you would do instead, step by step, and why",
    QuestionKind.ROLEPLAY: "tell the caller what you will do for them instead",
}


def _denying_word(quote: str) -> str | None:
    """The first word of the quote that says no, as said ("isn't", "don't", "never"), or None."""
    return next((w.strip(".,;:!?\"'").lower() for w in quote.split() if NEGATORS & set(normalise_word(w))), None)


@writes("key_points")
def key_points(m: Metric, c: Context) -> str | None:
    """Key words without sentences; a point said the other way round; else the points missed,
    named as ideas in plain words (never a label to recite)."""
    listed = c.first_quote(m, EvidenceKind.WORD_LIST)
    if listed is not None:
        return (f"{c.quote_back(c.phrase(listed))} That's a list of key words, not an answer, and a list "
                f"earns nothing in an interview however many right words are in it. Pick the two that are "
                f"truest for you and give each a full sentence with a reason, the way you'd say it on the phone. "
                f"For next time, answer out loud, and stop yourself each time a word has no sentence around it.")
    denied = next((e for e in m.evidence if e.kind is EvidenceKind.KEY_POINT and e.coverage is Coverage.DENIED
                   and e.quote), None)
    if denied is not None and c.question.category in th.ABOUT_YOU:
        # "I don't have any weaknesses", "No, I don't have any questions": nothing to say about
        # yourself, not the job turned down.
        return (f"{c.quote_back(c.phrase(denied), denied)} Having nothing to say here sounds like you haven't "
                f"thought about it, or aren't that interested, and it can end a real interview. Everyone has "
                f"something: pick one true answer, even a small one, and say why it matters to you. "
                f"For next time, prepare your answer to this question before the interview and say it out loud.")
    if denied is not None:
        # "Leading a team is the last thing I'd want" says no with no "don't" or "never" in it
        said = _denying_word(c.phrase(denied))
        listen = ("to how each sentence sounds about the work itself" if said is None
                  else f"for every \"{said}\" and \"never\"" if said != "never"
                  else "for every \"don't\" and \"never\"")
        if c.metrics and KnockOut.DENIED not in knockouts(list(c.metrics.values())):
            # the rest of the answer said what the job needs: the line may be meant otherwise ("I
            # don't assume anyone is slow"), so it is named as what a recruiter stops on, not an end
            return (f"{c.quote_back(c.phrase(denied), denied)} On its own, that line can sound like a no to "
                    f"part of this job, and a recruiter will stop on it even when the rest is good. If that's "
                    f"not what you meant, say it the positive way: {INSTEAD_OF_NO[c.question.kind]}. For next "
                    f"time, say your answer out loud and listen {listen}.")
        return (f"{c.quote_back(c.phrase(denied), denied)} That says no to something this job needs every "
                f"day, and in a real interview it would end the conversation there. If it's true, it's worth "
                f"knowing before you apply; if it isn't, {INSTEAD_OF_NO[c.question.kind]}. For next time, say "
                f"your answer out loud and listen {listen}.")
    padded = c.first_quote(m, EvidenceKind.SAID_BACK)
    if padded is not None and c.phrase(padded):  # `Cap.PADDED`: the question said back around one thin point
        return padding(c, c.quote_back(c.phrase(padded), padded))
    kind = c.question.kind.value
    if c.roleplay:  # on a call a point is something done for the caller: name it as that
        lines = [x for x in labels_of(m, EvidenceKind.KEY_POINT, *NOT_COVERED) if not call_handling(x)]
        ideas = [x for x in dict.fromkeys(line_idea(x) for x in lines) if x]
        if not ideas:
            return None
        # At the end of a session "that reply" means nothing: name the customer's line it answered.
        where = after_lead(c.lead(), "I didn't hear you") if c.in_session else "In that reply I didn't hear you"
        return (f"{where} {and_list(ideas[:2], 'or')}. That's what the customer needs "
                f"at this point in the call, so say it in your own words. For next time, before you answer each "
                f"line, ask yourself what the caller needs right now.")
    missing = [idea(x, kind) for x in labels_of(m, EvidenceKind.KEY_POINT, *NOT_COVERED)]
    missing = [x for x in dict.fromkeys(missing) if x]
    if not missing:
        return None
    covered = [idea(x, kind) for x in labels_of(m, EvidenceKind.KEY_POINT, Coverage.COVERED)]
    got = f" You did tell me {covered[0]}, which is good." if covered else ""
    lead = after_lead(c.lead(), "I didn't hear")
    if not asks_for_example(c.question):  # facts (availability, overtime): no reason or moment to give
        return (f"{lead} {and_list(missing[:2], 'or')}.{got} Say plainly where you stand on each, and anything "
                f"you can't do, so I can plan around it. For next time, write those facts down before the "
                f"interview and say them in one or two sentences.")
    why = "a reason for each" if c.example_asked else "a reason or a moment that shows it"
    return (f"{lead} {and_list(missing[:2], 'or')}.{got} Tell me in your own words, with {why}. For next time, before you answer, think of two things that are true "
            f"for you, and give each one its own sentence.")


# What to say straight away instead of the question said back, by the kind of question.
STRAIGHT_AWAY = {QuestionKind.BEHAVIORAL: "the one thing you did, and how it turned out",
                 QuestionKind.SITUATIONAL: "what you'd do first, then the next step",
                 QuestionKind.ROLEPLAY: "what you'll do for them"}


def padding(c: Context, said: str) -> str:
    """The tip for a padded answer (`Cap.PADDED`): the candidate's own words said back, kindly."""
    if c.roleplay:
        return (f"{said} Saying the customer's words back once shows you listened, but saying them again and "
                f"again uses up the call. Acknowledge it in one sentence, then tell them {STRAIGHT_AWAY[QuestionKind.ROLEPLAY]}. "
                f"For next time, after your first sentence, start the next one with \"What I'll do is...\"")
    start = STRAIGHT_AWAY.get(c.question.kind, "your answer itself, with a reason or a moment that shows it")
    return (f"{said} That mostly says the question back to me, and it buries the one real thing you told me. "
            f"Drop the restating and start straight away with {start}. For next time, make your first sentence "
            f"the answer, then add one detail that's yours.")


@writes("relevance")
def relevance(m: Metric, c: Context) -> str | None:
    """Not in English; or an answer to another question."""
    foreign = c.first_quote(m, EvidenceKind.NOT_ENGLISH) or next(
        (e for e in m.evidence if e.kind is EvidenceKind.NOT_ENGLISH), None)
    if foreign is not None:
        heard = "sounded like" if c.timed else "was in"
        language = foreign.label if foreign.label and foreign.label != "another language" else "another language"
        return (f"I can only coach English answers, and that one {heard} {language}, so I haven't scored it. "
                f"Give me the same answer in English. For next time, practise it out loud in English until it "
                f"comes as easily as it does in {language if language != 'another language' else 'your own'}.")
    opening = c.opening(limit=24)  # the whole first sentence, to show what it was about
    if not opening or not any(e.kind is EvidenceKind.NO_TOPIC for e in m.evidence):
        return None  # only an answer shown to be about something else is told so
    asked = c.customer_line if c.roleplay and c.customer_line else c.question_words()
    who = "The customer said" if c.roleplay and c.customer_line else "I asked"
    other = next((e for e in m.evidence if e.kind is EvidenceKind.NO_TOPIC and e.label), None)
    verb = "you said" if c.timed else "you wrote"
    drifting = m.score is not None and m.score >= th.DRIFT_TIP_FROM  # partly on topic, partly not
    if drifting and not c.roleplay and len(c.transcript.text.split()) < th.MISSED_ANSWER_WORDS:
        # A line or two that is vaguely nearer another question ("I guess I would just, like, be
        # nice" to the angry-customer story) has no story to tie back: the length and content tips
        # say what it lacks, and "give that story as your example" would point at nothing.
        return None
    if other is not None and not c.roleplay and other.label.strip() != c.question.text.strip() and drifting:
        # Scored as partly on topic: the story may well serve, it just has to be tied to what was asked.
        return (f"{who} {quoted(asked, end=',')} and {verb} {quoted(opening)} That would fit "
                f"{quoted(other.label, end=',')} a little better, so tie it to what I asked. For next time, "
                f"answer the question in your first sentence, then give that story as your example.")
    another = next((e for e in m.evidence if e.kind is EvidenceKind.NOT_ASKED and e.label in ASKED), None)
    if another is not None and not c.roleplay:
        # Say what the question asks for: "answer the question" alone does not tell them what to say.
        missing, first = ASKED[another.label]
        closer = (f", closer to {quoted(other.label, end='')}" if other is not None
                  and other.label.strip() != c.question.text.strip() else "")
        return (f"{who} {quoted(asked, end=',')} and {verb} {quoted(opening)} That may well be true, but it "
                f"answers a different question{closer}: it doesn't tell me {missing}. For next time, start "
                f"with {first}, then anything else you'd like me to know.")
    if other is not None and not c.roleplay and other.label.strip() != c.question.text.strip():
        verdict = (f"That answers a different question, closer to {quoted(other.label, end='.')} However good "
                   f"the answer, it has to be to the question.")
    elif c.roleplay:
        # On a call it is the customer who asked, and a reply has no "example" to give.
        return (f"{who} {quoted(asked, end=',')} and {verb} {quoted(opening)} I couldn't hear how that answers "
                f"what they asked. For next time, answer the customer's words first, then say what you'll do.")
    else:
        verdict = "I couldn't hear how that answers what I asked."
    return (f"{who} {quoted(asked, end=',')} and {verb} {quoted(opening)} {verdict} For next time, answer "
            f"it in your first sentence, then give your example.")


# What a question asks for (`Question.asks_for`), as the interviewer says it: what the answer
# didn't tell them, and what to start with next time.
ASKED = {Asks.HOURS: ("which days and hours you can work, or whether you can",
                      "the days and hours you can do, or a plain yes or no")}


# What a concrete answer lacked, as the interviewer says it, by the part's label.
LACKS = {
    "situation": "a real situation", "example": "an example", "actions": "what you actually did",
    "numbers": "a number", "result": "how it turned out",
    "steps": "the steps in order", "detail": "a concrete detail",
}


# What a real story lacks, said as what to add.
STORY_ADDS = {
    "actions": "two or three things you did yourself, each as \"I...\"",
    "numbers": "how many calls, how long it took, or by how much it changed",
    "result": "how it turned out for the customer or the team",
}


# What to start with instead of "I don't know", by the kind of question.
FIRST_WORDS = {QuestionKind.BEHAVIORAL: "think of one time, even a small one, and start with \"There was a time "
                                        "when...\"",
               QuestionKind.SITUATIONAL: "tell me the first thing you'd do, even if you're unsure of the rest: "
                                         "\"First, I'd...\""}


def no_answer(c: Context, said: str = "") -> str:
    """The tip for "I don't know" said as the whole answer (or as the last thing said, `said`, to
    the follow-up question): no answer yet, said kindly."""
    start = FIRST_WORDS.get(c.question.kind, "give me one true thing, even a small one, and a moment that shows it")
    return (f"{c.quote_back(said or c.opening())} That's alright, this one catches a lot of people out, but in an "
            f"interview it leaves me with nothing to go on. Take a breath and {start}. For next time, prepare "
            f"an answer to this question before the interview and say it out loud twice.")


def need_not_asked(c: Context, said: str) -> str:
    """"I just need a job" said to a question that did not ask why they want it (a weakness, a
    method): not a lecture on money as a motive, but back to what was asked."""
    start = FIRST_WORDS.get(c.question.kind, "give me one true thing, even a small one, and a moment that shows it")
    return (f"{said} That's honest, and plenty of people are in the same spot, but it doesn't answer what I "
            f"asked: {quoted(c.question_words())} Take a breath and {start}. For next time, answer the question "
            f"in your first sentence, and keep why you want the job for when I ask about it.")


def _next_point(c: Context) -> str:
    """The first key point not yet said, as an idea ("what you're doing about it"), when one is said."""
    m = c.metrics.get("key_points")
    if m is None or not labels_of(m, EvidenceKind.KEY_POINT, Coverage.COVERED):
        return ""
    missing = labels_of(m, EvidenceKind.KEY_POINT, *NOT_COVERED)
    return idea(missing[0]) if missing else ""


def _last_sentence(c: Context) -> str:
    """The answer's last sentence as said, when it has more than one."""
    doc = c.doc
    if len(doc.sentences) < 2:
        return ""
    s0, s1 = doc.sentences[-1]
    return " ".join(w.raw for w in doc.words[s0:s1])


@writes("specificity")
def specificity(m: Metric, c: Context) -> str | None:
    if says_nothing(c.doc):
        return no_answer(c)
    last = _last_sentence(c)
    if last and is_no_answer(last):  # "Not sure." to the follow-up: that question has no answer yet
        return no_answer(c, last)
    canned = c.first_quote(m, EvidenceKind.CLICHE)
    said = c.quote_back(c.phrase(canned), canned) if canned is not None else ""
    if said and not c.roleplay and states_a_need(canned.quote) and not asks_motive_of(c.question):
        return need_not_asked(c, said)
    if said:  # (a cliché another tip already quoted is not pointed at twice)
        back = {QuestionKind.SITUATIONAL: "Walk me through what you'd actually do instead: your steps in order, "
                                          "what you'd say first and how you'd follow up",
                QuestionKind.BEHAVIORAL: "Tell me about one real time instead: where you were, what you did, "
                                         "and how it turned out"}.get(
            c.question.kind, "Back it with a concrete detail or one real moment: where you were, what you did, "
                             "and how it went")
        return (f"{said} That's what most candidates say, so it doesn't "
                f"tell me much about you yet. {back}. For next time, after that sentence, add \"For example...\" "
                f"and finish the thought with something only you could say.")
    points = c.metrics.get("key_points")
    if points is not None and any(e.kind is EvidenceKind.SAID_BACK for e in points.evidence):
        return None  # the padding tip already asks for the answer itself and a moment that shows it
    missing = labels_of(m, EvidenceKind.PART, *NOT_COVERED)
    lacks = [LACKS.get(part, part) for part in missing]
    opening = c.opening()
    if not lacks or not opening:
        return None
    said = f"{c.said()} {quoted(opening, end=',')}"
    kind = c.question.kind
    if not asks_for_example(c.question):  # a question of facts: an example of them makes no sense
        return (f"Can you be more specific? {said} and I'd like the facts behind it: which days and hours, how "
                f"you'd arrange things, and anything you can't do, so I can plan around it. For next time, "
                f"write those facts down before the interview and say them in one or two sentences.")
    if kind is QuestionKind.GENERAL and c.doc.n_words <= th.FRAGMENT_WORDS and (more := _next_point(c)):
        # a thing named in a word or two ("Impatience."): ask for the rest of the answer, not for the thing
        return (f"Can you say more? {said} and that's a fair start. Tell me {more}, and give me a short "
                f"example of it. For next time, after naming it, say \"For example...\" and add one real moment.")
    if kind is QuestionKind.GENERAL:
        return (f"Can you give me an example? {said} and that's a fair start. Add one concrete detail or a "
                f"short example, like a time you saw it or did it yourself. For next time, after your first "
                f"sentence, say \"For example...\" and add one real moment.")
    if kind is QuestionKind.SITUATIONAL:
        return (f"Walk me through what you'd actually do. {after_lead(c.lead(), 'you said' if c.timed else 'you wrote')} "
                f"{quoted(opening)} Give me your steps in order: what you'd say first, what you'd check, and how "
                f"you'd follow up. For next time, start with \"First, I'd...\" and finish with \"Then I'd follow "
                f"up by...\"")
    if "situation" not in missing and "example" not in missing:
        # a real moment is there: ask for what it lacks, not for "one real time" all over again
        it = "it" if len(lacks) == 1 else "them"
        return (f"That's a real example, so let's make it land. {said} and I'd like {and_list(lacks[:3])} too: "
                f"{and_list([STORY_ADDS[p] for p in missing[:3] if p in STORY_ADDS])}. For next time, before you "
                f"practise, write {it} down beside the story and say {it} near the end.")
    number = " A number helps too, like how many calls or how long it took." if "numbers" in missing else ""
    return (f"I'd like a real story here. {said} but I didn't hear {and_list(lacks[:3])}. Tell me about one real "
            f"time: where you were, two or three things you did, and how it turned out.{number} For next time, "
            f"fill in this line before you practise: \"One time at..., a customer..., so I..., and in the "
            f"end...\"")


STRUCTURE_PARTS = {
    "situation": "the situation", "task": "what you needed to do", "action": "what you did",
    "result": "how it turned out", "listen first": "listening first", "steps": "the steps in order",
    "follow-up": "how you'd follow up",
}


@writes("structure")
def structure(m: Metric, c: Context) -> str | None:
    ending = c.first_quote(m, EvidenceKind.NO_RESULT)
    if ending is not None and c.doc.n_words >= th.RAMBLE_WORDS:
        last = c.phrase(ending)
        ended = f" You ended with {quoted(last)}" if last else ""
        if c.question.kind is QuestionKind.SITUATIONAL:
            return (f"I never heard what you'd actually do for the customer.{ended} Cut it in half: one sentence on what you'd check, then what "
                    f"you'd do and say, and stop. For next time, start with \"First, I'd...\" and keep every "
                    f"sentence about the customer in front of you.")
        return (f"Your story never told me how it turned out for the customer.{ended} Cut it in half: one sentence to set the scene, then what you did, "
                f"then how it ended for them. For next time, say the ending first in your head, and tell the "
                f"story toward it.")
    missing = [STRUCTURE_PARTS.get(n, n) for n in labels_of(m, EvidenceKind.PART, *NOT_COVERED)]
    if not missing:
        return None
    found = [STRUCTURE_PARTS.get(e.label, e.label) for e in m.evidence
             if e.quote and e.kind is EvidenceKind.PART and e.coverage is Coverage.COVERED]
    had = f" I heard {and_list(found)}." if found else ""
    opening = c.opening() if tells_no_story(m) else ""
    if opening:
        # what you usually do, not one real time (`Cap.NO_STORY`)
        return (f"{c.quote_back(opening)} That tells me what you usually do, and I asked about one real "
                f"time. Pick one call or customer you remember: where you were, what you did, and how it turned "
                f"out. For next time, start with \"There was a time when...\" and tell just that one.")
    if c.question.kind is QuestionKind.BEHAVIORAL and len(missing) >= 3:
        return ("I didn't hear a story with a clear shape. A story lands when it has four parts: the situation, "
                "what you needed to do, what you did, and how it turned out. For next time, write those four on "
                "a card and tell the story once, touching each in order.")
    if c.question.kind is QuestionKind.BEHAVIORAL:
        return (f"Your story was missing {and_list(missing)}.{had} A story lands when it has all four parts: the "
                f"situation, what you needed to do, what you did, and how it turned out. For next time, write "
                f"those four on a card and tell the story once, touching each in order.")
    return (f"Your plan was missing {and_list(missing)}.{had} For a what-would-you-do question, walk me through "
            f"it: listen first, then your steps in order, then how you'd follow up. For next time, start with "
            f"\"First, I'd...\" and end with \"Then I'd follow up by...\"")


@writes("length")
def length(m: Metric, c: Context) -> str | None:
    if not isinstance(m.value, (int, float)):
        return None
    low, high = answer_band(c.question, c.turn)
    seconds = float(m.value)
    e = c.first_quote(m)
    # Typed answers have no duration of their own: say what the length was measured on.
    took = duration(seconds) if c.timed else \
        f"{plural(len(c.transcript.text.split()), 'word')}, {duration(seconds)} said aloud"
    if seconds > high:
        still = c.phrase(e) if e and c.timed else ""
        where = f" By the {format_time(high)} mark you were still on {quoted(still)}" if still else ""
        # "in half" only where half would fit: an 11-minute answer to a 2-minute question needs more.
        cut = "Cut it in half" if seconds <= 2 * high else "Cut it right down"
        return (f"That ran long, {took}, when {band_words(low, high)} is plenty.{where} {cut}: "
                f"your point, one example, how it turned out, and stop. For next time, practise with a "
                f"timer and stop at {band_words(low, high).split(' to ')[-1]}.")
    if c.roleplay:
        return (f"That reply was very short. {c.quote_back(c.opening())} On a call, each reply should move "
                f"things forward: say what you're doing, or what happens next. For next time, after each "
                f"customer line, answer it, then add one sentence about your next step.")
    concrete = c.metrics.get("specificity")
    if concrete is not None and (concrete.score or 0) >= th.STRENGTH_AT_LEAST:
        return None  # short but complete: nothing missing to add
    if not asks_for_example(c.question):
        add = "the specifics: the days and hours, and anything you can't do"
    else:
        add = {QuestionKind.GENERAL: "a reason or two" if c.example_asked else "a reason and a short example",
               QuestionKind.SITUATIONAL: "the steps you'd take, and why"}.get(
            c.question.kind, "what happened, what you did, and how it ended")
    return (f"That was short, {took}; I'd like {band_words(low, high)} here. Add {add}. For next "
            f"time, answer out loud, then ask yourself \"and then what?\", and add that.")
