"""What the measures of one answer read, and the register of one measure function per area."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from ..areas import AREAS
from ..types import Coverage, KeyPoint, Metric, Question, QuestionKind, Recording, RedFlag, Severity, Transcript
from . import flag_meaning, flag_readings, semantic
from .plain import plain
from . import lexicon as lx
from . import thresholds as th
from .tone import belief_put_right
from .clauses import Clause, clauses, norms_of, sentence_of
from .flag_model import model_flag
from .flags import RED_FLAG_SEVERITY, Flag, find_red_flags
from .matching import PointMatch, match_points
from .points import PointReading, read_points
from .said_back import padded_words, said_back_words, says_back
from .conditions import brush_offs, condition_refusals, gives_hours, names_condition, offered, punctual
from .refusal import refusals
from .scorn import scorned
from .terms import on_own_terms
from .wish import wished_away
from .untruths import told_untrue
from .pretence import pretences
from .reference import referred_refusals, refused_by_reference
from .plan import answer_band, is_call_reply, reply_context
from .text import Doc
from .words import STOPWORDS, content_words


@dataclass(frozen=True)
class Inputs:
    """One answer (or one reply on a call, with its 1-based `turn`) and what it is measured against."""

    question: Question
    transcript: Transcript
    recording: Recording | None = None
    turn: int | None = None

    @cached_property
    def doc(self) -> Doc:
        return Doc(self.transcript)

    @property
    def call_reply(self) -> bool:
        return is_call_reply(self.question, self.turn)

    @cached_property
    def _context(self) -> tuple[str, tuple[KeyPoint, ...]]:
        return reply_context(self.question, self.turn)

    @property
    def line(self) -> str:
        """On a call, the customer's line this reply answers ("" otherwise)."""
        return self._context[0]

    @property
    def points(self) -> tuple[KeyPoint, ...]:
        """The key points the answer is judged on: the question's, or on a call the line's."""
        return self._context[1]

    @cached_property
    def band(self) -> tuple[float, float]:
        """The ideal length in seconds."""
        return answer_band(self.question, self.turn)

    @cached_property
    def matches(self) -> list[PointMatch]:
        """How the answer's words cover each key point, by spelling (see `points_meant` for meaning)."""
        return match_points(self.doc, self.points)

    # --- by meaning --------------------------------------------------------------------

    @cached_property
    def clauses(self) -> tuple[Clause, ...]:
        return clauses(self.doc)

    @cached_property
    def clause_vectors(self) -> np.ndarray:
        """One meaning vector per clause (most already embedded while the candidate spoke)."""
        return semantic.embed([c.text for c in self.clauses]) if self.clauses else np.zeros((0, 384), np.float32)

    @cached_property
    def plain_readings(self) -> tuple[str, ...]:
        """Each clause in plain words where it holds an idiom ("" where not): `plain.py`."""
        return tuple(plain(c.text) for c in self.clauses)

    @cached_property
    def plain_vectors(self) -> np.ndarray:
        """The meaning of each clause in plain words (its own where it holds no idiom)."""
        said = [t for t in self.plain_readings if t]
        if not said:
            return self.clause_vectors
        out = self.clause_vectors.copy()
        rows = [i for i, t in enumerate(self.plain_readings) if t]
        out[rows] = semantic.embed(said)
        return out

    @cached_property
    def answer_vector(self) -> np.ndarray | None:
        """The answer's meaning: the mean of its sentences' vectors, unit length."""
        rows = [v for c, v in zip(self.clauses, self.clause_vectors) if c.sentence]
        if not rows:
            return None
        v = np.mean(rows, axis=0)
        return v / max(float(np.linalg.norm(v)), 1e-12)

    @cached_property
    def question_profile(self) -> np.ndarray:
        """What the question is about, as one meaning vector (`semantic.profile_texts`)."""
        return semantic.profile(semantic.profile_texts(self.question, self.line, self.points))

    @cached_property
    def topic(self) -> semantic.Topic | None:
        """How near the answer is to the question asked, against other questions."""
        if self.answer_vector is None:
            return None
        return semantic.topic(self.answer_vector, self.question_profile,
                              roleplay=self.question.kind is QuestionKind.ROLEPLAY, category=self.question.category)

    @cached_property
    def padded(self) -> frozenset[int]:
        """The answer's words (by place) that only say the question, the setting or (on a call) the
        caller back, praise anything at all or fill time (`said_back.padded_words`)."""
        asked = f"{self.question.text} {self.line}".strip()
        sentences = [sentence_of(self.clauses, c).text for c in self.clauses]
        return frozenset(padded_words(self.clauses, asked, sentences, once_free=self.call_reply))

    @cached_property
    def points_read(self) -> list[PointReading]:
        """Each key point as covered, partly covered, denied or missing, by meaning and stance.
        Nothing said inside a red flag covers a point ("I'd tell them to calm down" is not staying calm)."""
        flagged = {k for f in self.red_flags if RED_FLAG_SEVERITY[f.family] is Severity.SEVERE
                   for k in range(f.start, f.end)}
        plain, vectors = self.plain_readings, self.plain_vectors
        named = self.fragment_answer
        if named is not None:
            # "Impatience." to "What is a weakness?" says "a weakness: impatience": read in the question's frame
            rows = [i for i, c in enumerate(self.clauses) if named[0] <= c.start and c.end <= named[1]]
            plain = tuple(f"{self.question.text} {c.text}" if i in rows else p
                          for i, (c, p) in enumerate(zip(self.clauses, plain)))
            vectors = vectors.copy()
            vectors[rows] = semantic.embed([plain[i] for i in rows])
        read = self._read_points(flagged, plain, vectors)
        if named is not None:
            # the thing asked for, named, says the one point it is nearest (th.FRAGMENT_POINT)
            partly = [r for r in read if r.coverage is Coverage.PARTIAL and r.similarity >= th.FRAGMENT_POINT]
            if partly:
                best = max(partly, key=lambda r: r.similarity)
                read = [replace(r, coverage=Coverage.COVERED) if r is best else r for r in read]
        return read

    @cached_property
    def said_back(self) -> frozenset[int]:
        """The clauses (by index) that only say the question back ("this company is a company that
        is hiring"): they cover no point (`points_read`). On a call, saying the caller's words back
        is acknowledging them, so it is not read there."""
        return frozenset() if self.call_reply else frozenset(
            i for i, c in enumerate(self.clauses)
            if says_back(c.text, self.question.text, sentence_of(self.clauses, c).text))

    def _only_said_back(self, clause: Clause) -> bool:
        """The clause is the question said back at some length (`th.SAID_BACK_FLAG_WORDS`): "and
        some customers are not good with technology" to "...a customer who isn't good with
        technology?" is the interviewer's words, no contempt; "In five years" or "Mandatory overtime," is
        a subject named, whose stance is in what follows ("...love that for me")."""
        return any(self.clauses[i].start <= clause.start and clause.end <= self.clauses[i].end
                   and said_back_words(self.clauses[i].text) >= th.SAID_BACK_FLAG_WORDS
                   and self.clauses[i].end - self.clauses[i].start >= th.SAID_BACK_FLAG_LENGTH for i in self.said_back)

    @cached_property
    def fragment_answer(self) -> tuple[int, int] | None:
        """The words of an answer that is a few words with no subject of its own ("Impatience.",
        "Public speaking."; and maybe "Not sure." to the follow-up), on the question's topic: the
        thing the question asked for, named (`th.FRAGMENT_WORDS`). None for any other answer, and
        on a call, where a few words are said to the caller."""
        said = [(a, b) for a, b in self.doc.sentences
                if not semantic.is_no_answer(" ".join(w.raw for w in self.doc.words[a:b]))]
        if self.turn is not None or len(said) != 1 or not 0 < said[0][1] - said[0][0] <= th.FRAGMENT_WORDS:
            return None
        a, b = said[0]
        if any(normalise(w.raw) & SUBJECTS for w in self.doc.words[a:b]):
            return None
        t = semantic.topic(semantic.embed([" ".join(w.raw for w in self.doc.words[a:b])])[0], self.question_profile,
                           roleplay=False, category=self.question.category)
        return (a, b) if t.margin > th.TOPIC_MARGIN_OFF and t.own >= th.TOPIC_OWN_ON else None

    @cached_property
    def flags_meant(self) -> list[flag_meaning.FlagMatch]:
        """Clauses that mean a red flag (not the question said back: `echoed_words`), and mean one
        said in plain words too: an idiom the model misreads is no red flag ("I'd hold back and let
        them get it all off their chest" sat at 0.70 from "I'd tell them to take it up with somebody
        else"; "...wait quietly and let them vent..." is nowhere near it), unless it is unmistakable
        as said and still near its family in plain words ("I'd just deal with them quickly and hang
        up": the hang-up, not the idiom, is the flag). Then the job's basics refused in the
        negative (`refusal.py`), except to questions about the candidate (a denied point there has
        its own knock-out and tip)."""
        theirs = self.doc.others_words | self.echoed_words
        found = flag_meaning.red_flags(self.clauses, self.clause_vectors, theirs, call=self.call_reply)
        if found and any(self.plain_readings):
            plainly = {m.clause for m in flag_meaning.red_flags(self.clauses, self.plain_vectors, theirs, call=self.call_reply)}
            rows = {c: k for k, c in enumerate(self.clauses)}
            found = [m for m in found if any(_within(m.clause, p) for p in plainly)
                     or flag_meaning.still_meant(m, self.plain_vectors[rows[m.clause]])]
        if self.call_reply:  # said to a caller, a tone is a brush-off, not a motive for the job
            found = [replace(m, family=RedFlag.DISMISSIVE) if m.by_tone and m.family is RedFlag.MONEY else m
                     for m in found]
        elif self._hedged:  # a hedged interview answer is unsure: what the tone model hears in it
            # is no lie ("Like, take a bit longer on calls, I guess.", quoted by its nearest exemplar's family)
            found = [m for m in found if not (m.by_tone and m.family is RedFlag.DISHONESTY)]
        if self.question.category not in th.ABOUT_YOU:
            found += refusals(self.points, self.clauses, self.clause_vectors, theirs)
        # A condition turned down with an offer beside it is a limit ("I'd rather not work Sundays,
        # but Saturdays and evenings are fine"); one with none, a refusal however casual; and a
        # caller told there's nothing to be done, with nothing offered, is brushed off (`conditions`).
        # Never late is punctuality, no late hours turned down (`conditions.punctual`).
        found = [m for m in found if m.family is not RedFlag.REFUSAL or m.practice
                 or not names_condition(self.clauses, m.clause)
                 or not (offered(self.clauses, m.clause, availability=True) or gives_hours(self.clauses, m.clause))]
        found = [m for m in found if m.family is not RedFlag.REFUSAL or m.practice or not punctual(m.clause)]
        found += condition_refusals(self.clauses, self.call_reply, theirs) + brush_offs(self.clauses, self.call_reply, theirs)
        # ...and the work itself wished away in words of gladness ("I'd happily never take another call", `wish`),
        # and help kept for the callers who earn it ("I only put the effort in for reasonable people", `terms`)
        shaped = ([] if self.call_reply else wished_away(self.clauses, theirs)) + on_own_terms(self.clauses, theirs)
        found += [m for m in shaped if not _overlaps(m.clause, found)]
        # ...and something told to a caller with the candidate's own word that it isn't so (`untruths`)
        if not any(m.family is RedFlag.DISHONESTY for m in found):
            found += told_untrue(self.clauses, theirs)
        # ...or a pretence to a caller, or a record set whatever happened, by its shape (`pretence`)
        if not any(m.family is RedFlag.DISHONESTY for m in found):
            found += pretences(self.clauses, theirs, self.line if self.call_reply else None)
        # ...and either refused by reference ("Nights? Never done them, never will.", `reference.py`),
        # when no refusal is said in full: that one is the clearer quote for the tip
        if not any(m.family is RedFlag.REFUSAL for m in found):
            found += referred_refusals(self.doc, self.points, self.clauses, self.clause_vectors, self.call_reply,
                                       theirs, duties=self.question.category not in th.ABOUT_YOU)
        # ...and callers judged as a group with scorn, in whatever words (`scorn.py`)
        found += [flag_meaning.FlagMatch(c, RedFlag.CONTEMPT, near, "", lead, confirmed=("scorn",))
                  for c, near, lead in scorned(self.clauses, theirs)
                  if not _overlaps(c, found)]
        return [m for m in found if not self._only_said_back(m.clause)
                and not self._need_not_asked(m.family, m.clause.text)]

    def _need_not_asked(self, family: RedFlag, text: str) -> bool:
        """A need of the candidate's own ("I just need the money at the moment"), read as money as the
        only reason, said to a question that did not ask the motive: a non-answer, not a red flag."""
        return family is RedFlag.MONEY and not self.asks_motive and flag_readings.states_a_need(text)

    @cached_property
    def asks_motive(self) -> bool:
        """Whether the question asks, even in part, why the candidate wants the job: only there is
        money as the only reason a red flag (`flag_readings.asks_motive`)."""
        return flag_readings.asks_motive(self.question.category, self.question_profile)

    @cached_property
    def echoed_words(self) -> frozenset[int]:
        """The words of a sentence that only says the question back ("Mandatory overtime? No
        way..."): the interviewer's subject, not the candidate's stance on it."""
        asked = set(norms_of(f"{self.question.text} {self.line}"))
        out: set[int] = set()
        for c in self.clauses:
            said = [n for n in norms_of(c.text) if n not in STOPWORDS]
            if c.sentence and said and all(n in asked for n in said):
                out.update(range(c.start, c.end))
        return frozenset(out)

    @cached_property
    def outcome(self) -> tuple[Clause | None, float]:
        """For a story, the clause that says how it ended for the customer; for a plan, what you
        would do for them (by meaning, `semantic.outcome`); (None, 0) for other answers. Asked what
        they would do, a candidate may answer with the time they did it ("I had almost this exact
        call at a furniture shop... I rang her back that afternoon to tell her"): how it turned out
        for the customer says it too (o7-excellent: such a story was capped as a ramble)."""
        kinds = {QuestionKind.BEHAVIORAL: ("story",), QuestionKind.SITUATIONAL: ("plan", "story")}.get(self.question.kind)
        if kinds is None or self.call_reply or not self.clauses:
            return None, 0.0
        return semantic.outcome(self.clauses, self.clause_vectors, kinds)

    @cached_property
    def cliches(self) -> list[Clause]:
        """The sentences that are canned answers ("I'm a people person")."""
        return semantic.cliches(self.clauses, self.clause_vectors)

    @cached_property
    def red_flags(self) -> list[Flag]:
        """Every red flag in the answer, by meaning and by words (`flags.find_red_flags`); on a
        call, a reply that only says goodbye while the caller still needs help hangs up on them."""
        found = [f for f in find_red_flags(self.doc, self.flags_meant)
                 if not self._need_not_asked(f.family, " ".join(w.raw for w in self.doc.words[f.start:f.end]))]
        # "Hang up on a customer? Never.": the act named, then refused by reference, is not said
        found = [f for f in found
                 if f.family is RedFlag.REFUSAL or not refused_by_reference(self.clauses, f.start, f.end)]
        if self.hangs_up and not found:
            found = [Flag(0, len(self.doc.words), RedFlag.DISMISSIVE)]
        # what no rule names (a mild one, a negative word, is no reason not to ask: "Honestly, it's just for the
        # money until something better comes along" had "negative" and no more)
        if not any(RED_FLAG_SEVERITY[f.family] is Severity.SEVERE for f in found) \
                and (m := model_flag(self.clauses, self.clause_vectors, self.doc.others_words, self.call_reply)) \
                and not self._denies_a_point(m.clause) and not self._read_by_a_rule(m.clause):
            found = [f for f in found if not (f.start < m.clause.end and m.clause.start < f.end)] + [
                Flag(m.clause.start, m.clause.end, m.family, round(m.similarity, 2))]
        return found

    def _read_by_a_rule(self, clause: Clause) -> bool:
        """A sentence the rules already read as no red flag, whatever the model's quote says: only "I don't know"
        ("Hmm, honestly, no idea.", a non-answer with its own tip), or what others think, put right at once ("Some
        people think callers are stupid. They're not, ..."; `tone.belief_put_right`). And an interview answer
        hedged ("I would probably just try to deal with them, I guess."): unsure, which its own tip says, and a
        red flag no rule names is not read into it. Measured on the tune cases' out-of-fold log-odds at the
        twenty-eighth pass's bar: professional answers over it 9 -> 4 of 1098, rude ones added 18 -> 14 of 148
        (seed 0; seed 1: 0 -> 0, 11 -> 10); to a caller it would only lose rude replies (2 and 1), so it is not
        read there."""
        before = [c for c in self.clauses if c.sentence and c.end <= clause.start]
        return semantic.is_no_answer(clause.text) or belief_put_right(clause, self.clauses) or bool(
            before and belief_put_right(before[-1], self.clauses)) or (  # ...or the sentence that puts it right
            not self.call_reply and (self._hedged or self._says_next_to_nothing))

    @cached_property
    def _hedged(self) -> bool:
        """Whether the answer hedges ("I guess", "maybe"): an unsure answer, which its own tip says."""
        return bool(self.doc.find_all(lx.HEDGES))

    @property
    def _says_next_to_nothing(self) -> bool:
        """An interview answer of fewer than three different words that are not small words ("I mean it, I mean,
        um. I mean, I mean it, um." read 3.83 to the red-flag model): nothing said to judge a red flag in."""
        return len(set(content_words(self.doc.norms))) < 3

    def _denies_a_point(self, clause: Clause) -> bool:
        """Whether the clause denies one of the question's key points ("Talking people through their
        problems all day isn't really my thing"): the stance reading already puts that answer at the bottom,
        and its tip answers it in its own words; the model would quote it under the nearest family's."""
        read = self._read_points(frozenset(), self.plain_readings, self.plain_vectors)
        return any(r.coverage is Coverage.DENIED and r.clause == clause for r in read)

    def _read_points(self, unsaid: frozenset[int], plain: tuple[str, ...], vectors: np.ndarray) -> list[PointReading]:
        return read_points(self.points, self.doc, self.clauses, self.clause_vectors, self.matches, unsaid=unsaid,
                           plain=plain, plain_vectors=vectors, said_back=self.said_back,
                           judged=self.question.category not in th.ABOUT_YOU, on_a_call=self.call_reply)

    @property
    def hangs_up(self) -> bool:
        """A reply that is only a goodbye ("Ok bye."), said to a line that is not the call's last:
        the caller is left without help. To the last line it is a curt close, scored as one."""
        turns = self.question.turns
        mid_call = self.turn is not None and (self.turn < len(turns) or len(turns) == 1)
        return mid_call and lx.GOODBYE_ONLY.fullmatch(self.doc.text) is not None


def _overlaps(clause: Clause, found: Sequence[flag_meaning.FlagMatch]) -> bool:
    """Whether a red flag already found shares words with the clause: one quote for those words."""
    return any(m.clause.start < clause.end and clause.start < m.clause.end for m in found)


def _within(clause: Clause, plain: Clause) -> bool:
    """The plain reading flags the same words, or the sentence they are in: "...are moaning minnies
    with nothing better to do, so I reckon I can tune them out" is a red flag read as said (the
    phrase) and read plainly (the whole sentence, by the tone model); the idiom was not what made it one."""
    return plain.start <= clause.start and clause.end <= plain.end


# Words that make a few words a sentence of their own, not a thing named ("I can't.").
SUBJECTS = frozenset("i we you he she they".split())


def normalise(raw: str) -> set[str]:
    return set(norms_of(raw))

Measure = Callable[[Inputs], Metric | None]  # None: the area does not apply to this answer
MEASURES: dict[str, Measure] = {}  # complete once `scoring.measure` has imported every family


def measures(area: str) -> Callable[[Measure], Measure]:
    """Register the function that measures an area of `areas.AREAS` (one per area)."""

    def register(measure: Measure) -> Measure:
        if area not in AREAS:
            raise ValueError(f"{area!r} is not an area in simulator/areas.py")
        if area in MEASURES:
            raise ValueError(f"{area!r} has two measure functions")
        MEASURES[area] = measure
        return measure

    return register
