"""What a tip writer needs besides the metric: the question, the answer, and ways to quote it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..scoring import thresholds as th
from ..scoring.text import Doc
from ..types import Coverage, Evidence, EvidenceKind, Metric, Question, Transcript
from .phrasing import after_lead, format_time, quoted
from .quoting import locate

TIP_QUOTE_WORDS = 16  # the longest quote a tip reads back (whole phrases, so often shorter)
SHORT_QUOTE_WORDS = 10  # for quotes inside a longer sentence (fillers, pauses)
QUESTION_WORDS = 45  # a question is quoted whole up to this length (all bundled ones are)
NOT_COVERED = (Coverage.MISSING, Coverage.PARTIAL)


def labels_of(m: Metric | None, kind: EvidenceKind, *coverage: Coverage) -> list[str]:
    """The labels of a metric's evidence of this kind (and coverage), in order."""
    if m is None:
        return []
    return [e.label for e in m.evidence if e.kind is kind and e.coverage in coverage]


@dataclass(frozen=True)
class Context:
    """What a tip writer needs besides the metric."""

    question: Question
    transcript: Transcript
    turn: int | None = None
    in_session: bool = False  # end of session: name the question (or the customer's line)
    metrics: dict[str, Metric] = field(default_factory=dict)
    value: float | None = None  # the session's value for the area, when aggregated
    follow_up: str | None = None  # the follow-up asked and answered with it (its words may be quoted)
    heard_at_least: float | None = None  # praise reads back only quotes heard at least this surely
    # Words of this answer an earlier tip of the session quoted: a second tip quotes another
    # clause, or nothing, never the same sentence again.
    avoid: frozenset[int] = frozenset()
    # Another tip of the session already asks for an example (the specificity tip, or an earlier
    # "...with a moment that shows it"): this tip says the rest of its advice without asking again.
    example_asked: bool = False
    # The words this tip quoted, noted as it is written (`phrase`, `opening`, `ending`), so the
    # session's next tips can avoid them.
    quoted_words: set[int] = field(default_factory=set, compare=False)

    @property
    def timed(self) -> bool:
        return self.transcript.timed

    @property
    def roleplay(self) -> bool:
        return self.question.is_roleplay or self.turn is not None

    @cached_property
    def doc(self) -> Doc:
        return Doc(self.transcript)

    @property
    def customer_line(self) -> str:
        """The customer's words this reply answered: their question, else their longest sentence."""
        turns = self.question.turns
        if not turns or not self.turn:
            return ""
        doc = Doc(Transcript.typed(turns[min(self.turn, len(turns)) - 1].line))
        if not doc.words:
            return ""
        asks = [(s, e) for s, e in doc.sentences if doc.words[e - 1].raw.rstrip().endswith("?")]
        s0, s1 = asks[-1] if asks else max(doc.sentences, key=lambda se: se[1] - se[0])
        return doc.quote_words(*doc.phrase(s0, s0 + 1, 14, hi=s1)).quote

    def question_words(self) -> str:
        """The question as the interviewer would recall it: all of it ("A customer starts yelling...
        What do you do?", not "What do you do?"); only a very long one is cut to its asking sentence."""
        doc = Doc(Transcript.typed(self.question.text))
        if not doc.words:
            return ""
        if len(doc.words) <= QUESTION_WORDS:
            return " ".join(self.question.text.split())
        asking = next(((s, e) for s, e in reversed(doc.sentences) if doc.words[e - 1].raw.rstrip().endswith("?")),
                      doc.sentences[0])
        return doc.quote_words(*doc.phrase(asking[0], asking[0] + 1, 24, hi=asking[1])).quote

    def lead(self) -> str:
        """At the end of a session, what the evidence answered: 'When I asked "...?"' or, on a
        call, 'On the call, when the customer said "..."'; '' for a tip right after the answer."""
        if not self.in_session:
            return ""
        if self.roleplay:
            line = self.customer_line
            return f"On the call, when the customer said {quoted(line, end='')}" if line else "On the call"
        if self.follow_up and " ".join(self.question.text.split()) in " ".join(self.follow_up.split()):
            # The follow-up brought them back to the question: it was asked twice, not two questions
            return f"When I asked {quoted(self.question_words(), end='')} twice"
        if self.follow_up:
            # The transcript holds the answer and the follow-up's answer, with no mark between
            # them: name both questions, never credit the follow-up's words to the first.
            return (f"When I asked {quoted(self.question_words(), end='')} and then "
                    f"{quoted(' '.join(self.follow_up.split()), end='')}")
        return f"When I asked {quoted(self.question_words(), end='')}"

    def said(self, e: Evidence | None = None, verb: str = "said") -> str:
        """'At 1:12 you said' / 'You wrote', after the lead at the end of a session."""
        verb = verb if self.timed else "wrote"
        # At the end of a session a time is worth saying only inside a longer answer.
        late = e is not None and e.start is not None and (not self.in_session or e.start >= 1.0)
        if late and not (self.in_session and self.roleplay):
            moment = f"at {format_time(e.start)} you {verb}"
        else:
            moment = f"you {verb}"
        return after_lead(self.lead(), moment)

    def phrase(self, e: Evidence | None, limit: int = TIP_QUOTE_WORDS) -> str:
        """An evidence quote grown or trimmed to whole phrases of what was said; '' when an
        earlier tip of the session quoted any of those words."""
        if e is None or not e.quote:
            return ""
        span = self._phrase_span(e, limit)
        return e.quote if span is None else self._fresh(*span)

    def _phrase_span(self, e: Evidence, limit: int) -> tuple[int, int] | None:
        span = self._locate(e)
        if span is None:
            return None
        a, b = span.start, span.stop
        if b - a > limit:  # a long evidence span: quote the phrases around its first words
            b = a + 1
        return self.doc.phrase(a, b, limit)

    def words(self, a: int, b: int) -> str:
        """The answer's words [a, b) as a quote ('' when an earlier tip quoted one of them)."""
        return self._fresh(a, b)

    def _fresh(self, a: int, b: int) -> str:
        """Words [a, b) as a quote, noted as quoted; '' when an earlier tip quoted one of them."""
        if self.avoid.intersection(range(a, b)):
            return ""
        self.quoted_words.update(range(a, b))
        return self.doc.quote_words(a, b).quote

    def first_quote(self, m: Metric, *kinds: EvidenceKind) -> Evidence | None:
        """The first evidence with a quote (of one of these kinds) in words no earlier tip of the
        session quoted; else the first, whose `phrase` is then ''."""
        found = [e for e in m.evidence if e.quote and (not kinds or e.kind in kinds)]
        for e in found:
            span = self._phrase_span(e, TIP_QUOTE_WORDS)
            if span is None or not self.avoid.intersection(range(*span)):
                return e
        return found[0] if found else None

    def quote_back(self, text: str, e: Evidence | None = None, end: str = ".") -> str:
        """'You wrote "..."' (after the lead at the end of a session); '' with nothing to quote."""
        return f"{self.said(e)} {quoted(text, end=end)}" if text else ""

    def unclear(self, quote: str, below: float = th.UNSURE_WORD_PROBABILITY) -> bool:
        """Whether the recogniser heard a word of this quote less surely than `below` (by default:
        was unsure of it, so it is not one to praise aloud)."""
        doc = self.doc
        span = self._locate(Evidence(quote=quote))
        if span is None or not doc.timed:
            return False
        return any((w.probability or 0.0) < below for w in doc.words[span.start:span.stop])

    def _locate(self, e: Evidence) -> range | None:
        """The answer's words an evidence item quotes: by its times (spoken answers), else its words."""
        timed = self.doc.timed
        return locate([(w.raw, w.start if timed else None, w.end if timed else None) for w in self.doc.words], e)

    def opening(self, limit: int = TIP_QUOTE_WORDS) -> str:
        """The answer's first sentence (or its first phrases); '' when already quoted."""
        doc = self.doc
        if not doc.words:
            return ""
        s0, s1 = doc.sentences[0]
        return self._fresh(*doc.phrase(s0, s0 + 1, limit, hi=s1))

    def ending(self, limit: int = TIP_QUOTE_WORDS) -> str:
        """The answer's last sentence (or its last phrases); '' when already quoted."""
        doc = self.doc
        if not doc.words:
            return ""
        s0, s1 = doc.sentences[-1]
        return self._fresh(*doc.phrase(s1 - 1, s1, limit, lo=s0))
