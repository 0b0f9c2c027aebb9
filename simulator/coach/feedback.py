"""The end of the session: the verdict (by the thresholds in `scoring/thresholds.py`), what was
strong, the few tips that matter most, and progress on last time's tips. A role-play call is
judged as a whole (`scoring.calls`): a next step given on one reply counts for the call."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..areas import area, call_areas, weight
from ..scoring import thresholds as th
from ..scoring.calls import judge_call
from ..scoring.overall import KnockOut, deciding_areas, deciding_rank, is_personal, knockouts
from ..scoring.plan import is_call_reply
from ..types import Answer, Medium, Metric, Tip
from ..wording import number, per_answer, singular, with_unit
from .asks import one_ask_each
from .context import Context
from .phrasing import after_lead, and_list, count_words, figure, quoted, tidy
from .praise import praise_for
from .retry import Retry
from .targets import (area_label, distance, metric_in_range, pitch_words, progress_value, target_phrase, target_text,
                      typed_fillers_per_100_words, volume_words)
from .tips import WRITERS, covered_by, gravity, is_uncertain, write_tip


@dataclass(frozen=True)
class Feedback:
    verdict: str  # the interviewer's words: "I'd move you to the next round."
    strength: str  # what was strong, said first
    tips: tuple[Tip, ...]  # 1-3, most useful first (none when nothing needs work)
    overall: float  # the mean overall of the answers
    progress: tuple[str, ...] = ()  # remarks on last time's tips
    tracked: Mapping[str, float] = field(default_factory=dict)  # each area's value, as `tracked_values`

    def spoken(self) -> str:
        """Everything in the order an interviewer says it."""
        return "\n".join([self.verdict, self.strength, *self.progress, *(t.text for t in self.tips)])


def verdict_for(overall: float, red_flag: int = 0, missed: Sequence[str] = ()) -> str:
    """The verdict for a session's mean overall. Something that would end a real interview (a
    red flag, the job's basics turned down) is said kindly and plainly, whatever the mean;
    `red_flag`: how many answers held one (True for one).
    `missed`: the questions whose answers said nothing of what was asked (`_missed`); a mean good
    enough for the next round names the first and stops short of it (a recruiter remembers the
    question that got no answer; the mean hides it)."""
    if red_flag > 1:
        return th.KNOCKOUT_SEVERAL_VERDICT.format(count=count_words(int(red_flag), "answer").split()[0])
    if red_flag:
        return th.KNOCKOUT_VERDICT
    verdict = next(v for cut, v in th.VERDICTS if overall >= cut)
    if missed and verdict == th.VERDICTS[0][1]:
        question = quoted(missed[0], end="")
        return (th.MISSED_ONE_VERDICT.format(question=question) if len(missed) == 1
                else th.MISSED_SEVERAL_VERDICT.format(question=question, count=len(missed)))
    return verdict


def _missed(answer: Answer) -> bool:
    """Whether an answer said nothing of what was asked: no key point heard, in a sentence or two
    (`th.MISSED_ANSWER_WORDS`). Calls are judged whole; an answer unheard or not English has its tip."""
    words = len(answer.score.transcript.text.split())
    points = answer.score.metric("key_points")
    return (answer.turn is None and 0 < words < th.MISSED_ANSWER_WORDS and points is not None
            and points.score is not None and points.value == 0
            and KnockOut.NOT_ENGLISH not in knockouts(answer.score.metrics))


def _ended_interview(answer: Answer) -> bool:
    """Whether an answer holds something that would end a real interview."""
    found = knockouts(answer.score.metrics)
    return KnockOut.RED_FLAG in found or KnockOut.DENIED in found


def _naming_the_question(text: str, ctx: Context) -> str:
    """At the end of a session of several questions, a tip that names neither the question nor what
    was said ("That was short, 34 words...") is said of its question: which answer it means is clear."""
    if not ctx.in_session or ctx.roleplay:
        return text
    asked = ctx.question_words()
    if not asked or asked.rstrip(".") in text or re.search(r"you (?:said|wrote) \"", text):
        return text
    first = text if text.startswith(("I ", "I'")) else text[:1].lower() + text[1:]
    return tidy(after_lead(ctx.lead(), first))  # as the tips that name their question: 'When I asked "..."'


def _drifted(answer: Answer) -> bool:
    """Whether an answer moved away from what was asked (on the way to another question's answer)."""
    relevance = answer.score.metric("relevance")
    return relevance is not None and relevance.score is not None and relevance.score < th.ON_TOPIC_LIMIT


def _deciding(answer: Answer) -> list[str]:
    return deciding_areas(answer.score.metrics, len(answer.score.transcript.text.split()),
                          is_personal(answer.question), is_call_reply(answer.question, answer.turn))


Pairs = list[tuple[Answer, Metric]]


def _calls(answers: Sequence[Answer]) -> dict[str, list[Answer]]:
    """Role-play replies grouped into calls: the replies with a turn to one question."""
    calls: dict[str, list[Answer]] = {}
    for a in answers:
        if a.turn is not None:
            calls.setdefault(a.question.id, []).append(a)
    return calls


def _call_pairs(replies: list[Answer]) -> dict[str, tuple[Answer, Metric]]:
    """Each call-handling area judged across one call, with the reply it points to."""
    heard = [a for a in replies if a.score.transcript.text.strip()
             and KnockOut.NOT_ENGLISH not in knockouts(a.score.metrics)]  # no English call coaching on German
    by_turn = {a.turn: a for a in heard}
    judged = judge_call(replies[0].question, [(a.turn, a.score.transcript) for a in heard])
    return {name: (by_turn[j.turn], j.metric) for name, j in judged.items() if j.turn in by_turn}


def _aggregate(answers: Sequence[Answer], settled: Mapping[int, frozenset[str]] | None = None
               ) -> dict[str, tuple[float, float, Pairs]]:
    """Per area: mean score, mean tracked value, and the answers where it was measured. A role-
    play call counts once for its call-handling areas, judged across all its replies. `settled`:
    by an answer's place, areas left out of it (its second try needs no tip there: `_settled`)."""
    judged_across_call = {a.name for a in call_areas()}
    out: dict[str, Pairs] = {}
    for i, a in enumerate(answers):
        if not a.score.transcript.text.strip():
            continue  # nothing was heard: that answer has its own "I didn't catch that" tip
        for m in a.score.metrics:
            if m.score is not None and not (a.turn is not None and m.name in judged_across_call) \
                    and m.name not in (settled or {}).get(i, ()):
                out.setdefault(m.name, []).append((a, m))
    for replies in _calls(answers).values():
        for name, pair in _call_pairs(replies).items():
            out.setdefault(name, []).append(pair)
    result = {}
    for name, pairs in out.items():
        scores = [m.score for _, m in pairs]
        values = [v for _, m in pairs if (v := progress_value(m)) is not None]
        result[name] = (sum(scores) / len(scores), sum(values) / len(values) if values else float("nan"), pairs)
    return result


def tracked_values(answers: Sequence[Answer]) -> dict[str, float]:
    """Each area's value over a session as the coach judged it (wpm for pace, score for empathy; a
    call's areas once for the whole call): the one the closing remarks, `tips` and `progress` use."""
    return _tracked(_aggregate(answers))


def _tracked(agg) -> dict[str, float]:
    return {name: value for name, (_, value, _) in agg.items() if value == value}


def _value_phrase(name: str, value: float, medium: Medium | None = None) -> str:
    # A rate is said as `tips` and `progress` show it ("2.7 hedges per 100 words", not "3 hedges"
    # beside their 2.7): `wording.number`, one rounding rule for a number said to a person.
    found = area(name)
    if name == "fillers" and medium is Medium.TYPED:  # a typed answer has no minute
        return f"{number(typed_fillers_per_100_words(value))} fillers in every 100 words"
    if name == "volume":
        return volume_words(value)
    if name == "monotone":
        return pitch_words(value)
    if name == "clarity":
        return f"{number(value)} unclear words in every 100"
    if found is not None and found.band is not None and found.counted:  # a mean over answers
        return per_answer(value, found.band.unit)
    if found is not None and found.band is not None:
        return with_unit(number(value), found.band.unit)  # "142 words a minute"
    return f"{figure(value)} out of 100 on {area_label(name)}"


def _progress(focus: Sequence[Tip], agg, medium: Medium | None = None,
              tipped: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """How last time's tips went today. An area in range on average but tipped again today (one
    answer drifted) is not "well done": the remark says why it is back. Areas not measured today,
    or measured the other way (typed, spoken), are said together, once: a walkthrough's closing
    said "Last time you typed your answers and today you didn't" three times running."""
    remarks: list[str | tuple] = []  # a remark, or the key of a group said where its first area was
    groups: dict[tuple, list[str]] = {}

    def group(key: tuple, label: str) -> None:
        if key not in groups:
            remarks.append(key)
        groups.setdefault(key, []).append(label)

    for tip in focus:
        entry = agg.get(tip.area)
        label = area_label(tip.area) if area(tip.area) else tip.area
        if entry is None or entry[1] != entry[1]:  # not measured today (nan), however you answered
            group(("unmeasured",), label.replace('_', ' '))
            continue
        if not Medium.alike(tip.medium, medium):  # like with like: typed answers have no "um"
            # today's tip on it replaces last time's: nothing left to check
            group(("taken" if tip.area in tipped else "later", tip.medium), label.replace('_', ' '))
            continue
        now = entry[1]
        then = tip.value
        if then is None:
            met = metric_in_range(tip.area, now)
            if met and tip.area in tipped:
                remarks.append(f"On {label}: most of your answers hit the target today, but one didn't, "
                               "so it's in today's tips again.")
                continue
            remarks.append(f"On {label}: {'you hit the target today, well done' if met else 'still one to work on'}.")
            continue
        before, today = _value_phrase(tip.area, then, medium), _value_phrase(tip.area, now, medium)
        scale = f" out of 100 on {area_label(tip.area)}"  # said once: "60 out of 100 on X; today 93"
        if before.endswith(scale) and today.endswith(scale):
            today = today.removesuffix(scale)
        today = _unit_said_once(before, today)  # "3 hedges per 100 words; today 2", not "today 2 hedges..."
        target = target_phrase(th.FILLERS_PER_100_WORDS.target if tip.area == "fillers" and medium is Medium.TYPED
                               else target_text(tip.area))  # said after "the target:": no second colon
        if metric_in_range(tip.area, now) and tip.area in tipped:
            remarks.append(f"Last time you were at {before}; today {today} on average, but one answer "
                           "missed it, so it's in today's tips again.")
        elif metric_in_range(tip.area, now):
            remarks.append(f"Last time you were at {before}; today {today}. That's right on target, well done.")
        elif distance(tip.area, now) < 0.85 * distance(tip.area, then):
            remarks.append(f"Last time you were at {before}; today {today}. That's better. Keep at it; "
                           f"the target: {target}.")
        elif tip.area == "professionalism":  # a mean of answers, most of them clean: "92 out of 100... still
            # needs work" reads as a good mark; what counts is that something was said again
            remarks.append("Last time, and again today, something you said would put a caller or an "
                           f"interviewer off. That one still needs work; the target: {target}.")
        else:
            remarks.append(f"Last time you were at {before}; today {today}. That one still needs work; "
                           f"the target: {target}.")
    return tuple(r if isinstance(r, str) else _grouped(r, groups) for r in remarks
                 if isinstance(r, str) or r[0] != "taken" or ("later", r[1]) not in groups)


def _unit_said_once(before: str, today: str) -> str:
    """Today's figure alone when it has the same unit as last time's: '3 hedges per 100 words;
    today 2', as '60 out of 100 on closing; today 93' says its scale once."""
    head, _, unit = today.partition(" ")
    if unit and re.fullmatch(r"-?\d+(?:\.\d+)?", head) and before.partition(" ")[2] in (unit, singular(unit)):
        return head
    return today


def _grouped(key: tuple, groups: Mapping[tuple, list[str]]) -> str:
    """One remark for the areas of a group (`_progress`): not measured today, or last measured on
    answers given the other way (the ones checked next time and those today's tips take over)."""
    if key[0] == "unmeasured":
        labels = groups[key]
        return f"We didn't get to measure {and_list(labels)} today; let's check {'it' if len(labels) == 1 else 'them'} next time."
    spoke = key[1] is Medium.SPOKEN
    did, do, today = ("spoke", "speak", "typed") if spoke else ("typed", "type", "spoke")
    later, taken = groups.get(("later", key[1]), []), groups.get(("taken", key[1]), [])
    said = f"Last time you {did} your answers and today you {today} them"
    if later:
        said += f", so I'll check {and_list([f'your {x}' for x in later])} next time you {do} them"
    if taken:
        said += (f"; today's tip{'s' if len(taken) > 1 else ''} on {and_list([f'your {x}' for x in taken])} "
                 f"take{'' if len(taken) > 1 else 's'} over from last time's")
    return said + "."


def _settled(answer: Answer, second: Retry) -> frozenset[str]:
    """The areas where a second try needs no tip any more: measured on it, and either on target
    or with nothing left to say (a short answer whose example is complete). Its first try gives
    no closing tip there: the candidate already did it."""
    weak = set(_deciding(replace(answer, score=second.score)))
    ctx = Context(answer.question, second.score.transcript, answer.turn,
                  metrics={m.name: m for m in second.score.metrics})
    return frozenset(m.name for m in second.score.metrics if m.score is not None and not (
        (m.score < th.TIP_BELOW or m.name in weak) and write_tip(m, ctx)))


def _done(retries: Mapping[int, Retry], settled: Mapping[int, frozenset[str]]) -> str:
    """The tips second tries did, said as done: "On your second try, you gave an example, just
    what I asked for: do it on the first try next time." ('' when they did none)."""
    asked = [r.comparison.focus for i, r in sorted(retries.items())
             if r.comparison.focus_fixed and r.comparison.focus in settled[i]]
    done = []
    for name in dict.fromkeys(asked):
        better = (area(name).better if area(name) and area(name).better
                  else f"Your {area_label(name)} got better").removesuffix(" this time")
        done.append(better[:1].lower() + better[1:])
    if not done:
        return ""
    return (f"On your second {'try' if len(asked) == 1 else 'tries'}, {and_list(done)}, just what I asked "
            "for: do it on the first try next time.")


def session_feedback(answers: Sequence[Answer], focus: Sequence[Tip] = (),
                     retries: Mapping[int, Retry] | None = None) -> Feedback:
    """The verdict, what was strong, 1-3 tips (most useful first) and progress on last time's tips.

    The verdict, strength and progress are on the first tries. `retries`: coach mode's second tries,
    by the place of the answer each retried (`retry.by_answer`). Where a second try needs no tip any
    more (`_settled`), its first try gives none (another answer still may), and what went well ends
    by saying the tip asked for was done: the notebook never keeps it open."""
    retries = {i: r for i, r in (retries or {}).items() if 0 <= i < len(answers)}
    settled = {i: _settled(answers[i], r) for i, r in retries.items()}
    if not answers:
        return Feedback("We didn't get to any answers today, so I can't give you a verdict yet.",
                        "Showing up to practise is the first step.", (), 0.0,
                        _progress(focus, {}))
    overall = sum(a.score.overall for a in answers) / len(answers)
    red_flag = sum(_ended_interview(a) for a in answers)  # answers that would end a real interview
    agg = _aggregate(answers)
    # What decided an answer's score (a red flag, a denied point, another question answered, a
    # cliché...): per area, the answers where it did, most important first.
    decided: dict[str, tuple[int, list[Answer]]] = {}
    for i, a in enumerate(answers):
        for name in _deciding(a):
            if name in settled.get(i, ()):
                continue
            rank = deciding_rank(name)
            decided[name] = (rank, decided.get(name, (rank, []))[1] + [a])
    # What was strong: the best-evidenced area, quoting the answer where it scored best.
    best: dict[str, tuple[Metric, Context]] = {}
    kept: dict[str, float] = {}  # each area's mean over the answers praise may come from
    for name, (_, _, pairs) in agg.items():
        # Never praised from an answer that would have ended the interview ("You answered
        # exactly what I asked" after "customers are idiots" is no strength)...
        pairs = [(a, m) for a, m in pairs if not _ended_interview(a)]
        # ...nor quoted from one that drifted from what was asked ("You took ownership" of a reply
        # a tip says did not answer the caller); that answer still counts in the area's mean.
        quotable = [(a, m) for a, m in pairs if not knockouts(a.score.metrics) and not _drifted(a)]
        if not quotable:
            continue
        # the best-scoring evidence, from the strongest answer when several tie
        answer, metric = max(quotable, key=lambda p: (p[1].score, p[0].score.overall))
        best[name] = (metric, Context(answer.question, answer.score.transcript, answer.turn))
        kept[name] = sum(m.score for _, m in pairs) / len(pairs)
    # Tips: areas below the bar, weighted by how much they cost and how often they came up.
    open_focus = {t.area for t in focus}
    candidates = []
    for name, (mean, value, pairs) in (_aggregate(answers, settled) if retries else agg).items():
        found = area(name)
        if found is not None and found.band is not None and value == value:
            mean = found.band.score(value)  # 20 fillers a minute is a problem even if one answer was clean
        if name in decided:
            mean = 0.0  # what decided an answer is always raised, however the other answers went
        if name not in WRITERS or mean >= th.POLISH_BELOW:
            continue
        impact = weight(name) * (100.0 - mean) + (1000.0 * (10 - decided[name][0]) if name in decided else 0.0)
        if name in open_focus and mean < th.TIP_BELOW:
            impact += 100.0  # still open from last time: worth saying again
        candidates.append((impact, name, mean, value, pairs))
    candidates.sort(key=lambda c: c[0], reverse=True)
    tips: list[Tip] = []
    skipped: set[str] = set()
    quoted: dict[int, set[int]] = {}  # per answer (by its place), the words a tip already quoted
    place_of = lambda a: next(i for i, b in enumerate(answers) if b is a)  # noqa: E731
    tips_on, tipped, deferred, written = {}, set(), set(), []  # per answer; (area, question id); put off; (metric, ctx)
    for item in candidates:  # a deferred area is appended once, to be tried again at the end
        _, name, mean, value, pairs = item
        if len(tips) >= th.MAX_SESSION_TIPS or name in skipped or (mean >= th.TIP_BELOW and tips):
            continue  # (a polish tip only when nothing more important was found)
        if name in decided:  # the answers it decided; on a call, the reply's own (not the call's) reading
            own = [p for p in pairs if p[0] in decided[name][1]]
            if not own and all(m.score >= th.TIP_BELOW for _, m in pairs):
                continue  # a call area done elsewhere in the call: the call did it
            pairs = own or [(a, m) for a in decided[name][1] if (m := a.score.metric(name)) and m.score is not None] or pairs
        # A third tip on one answer waits while another has one to give (tried: three tips on "I guess
        # I would just, like, be nice", none on "I am a perfectionist"). What decided a score never waits.
        roomy = [p for p in pairs if tips_on.get(place_of(p[0]), 0) < 2 and p[1].score < th.TIP_BELOW]
        if not roomy and name not in decided and name not in deferred and len(answers) > 1:
            deferred.add(name)
            candidates.append(item)
            continue
        answer, metric = min(roomy or pairs, key=lambda p: (p[1].score, gravity(p[1])))
        if mean >= th.TIP_BELOW and (tips or metric.score >= th.POLISH_BELOW or is_uncertain(name)):
            continue  # a polish tip only when nothing else came up, and only on firm evidence
        place = place_of(answer)
        ctx = Context(answer.question, answer.score.transcript, answer.turn, in_session=len(answers) > 1,
                      metrics={m.name: m for m in answer.score.metrics},
                      value=None if value != value else value, follow_up=answer.follow_up,
                      avoid=frozenset(quoted.get(place, ())))
        tip = write_tip(metric, ctx)
        if tip:
            tips.append(replace(tip, text=_naming_the_question(tip.text, ctx)))
            written.append((metric, ctx))
            tips_on[place] = tips_on.get(place, 0) + 1
            tipped.add((name, answer.question.id))
            skipped.update(covered_by(name))
            quoted.setdefault(place, set()).update(ctx.quoted_words)
    tips = one_ask_each(tips, written, _naming_the_question)  # "give an example" said once
    # Never praise an area on the answer or call a tip says it was missing from ("You took
    # ownership: ..." above "I didn't hear you take ownership" on the same call).
    praisable = {name: v for name, v in best.items() if (name, v[1].question.id) not in tipped}
    went_badly = overall < th.VERDICTS[-2][0]
    # No area strong across the session: one answer's strong moment, quoted, before a general line.
    strength = (praise_for(praisable, kept, bool(red_flag), went_badly)
                or (praise_for(praisable, None, bool(red_flag), went_badly=True) if len(answers) > 1 else None)
                or f"You got through {'the whole call' if all(a.turn for a in answers) else 'every question'}, "
                   "and practising like this is how people get better at it.")
    if all(KnockOut.NOT_ENGLISH in knockouts(a.score.metrics) for a in answers):
        strength = "Thank you for practising. Answer in English next time, and I can tell you what went well."
    strength = f"{tidy(strength)} {_done(retries, settled)}".strip()
    missed = [Context(a.question, a.score.transcript).question_words() for a in answers if _missed(a)]
    return Feedback(verdict_for(overall, red_flag, missed), tidy(strength), tuple(tips), round(overall, 1),
                    tuple(tidy(p) for p in _progress(focus, agg, Medium.of(answers),
                                                      frozenset(t.area for t in tips))), _tracked(agg))
