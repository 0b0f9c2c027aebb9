"""An answer's transcript as words with marks (fillers, hedges, red flags, long pauses), for
the terminal and the HTML report alike.

The marks come from each metric's evidence: a timed quote marks the words spoken in its time
span, an untimed one (typed answers) the words it quotes, both found by the coach's evidence
locator (`coach.quoting`). Every filler counted is marked: scoring gives each one its evidence,
and a row saved when it kept only the first four is completed with scoring's own filler rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..areas import AREAS
from ..coach.quoting import TIME_SLACK, norm
from ..coach.quoting import locate as locate_evidence
from ..scoring import lexicon
from ..scoring.delivery import find_fillers
from ..scoring.text import Doc
from ..types import Evidence, EvidenceKind, Metric, Score, Transcript

# Metrics whose evidence marks words in the transcript, and how (`Area.mark`). Any other metric's
# evidence is still located in the transcript (the HTML report lights it up on hover) but not marked.
MARK_KINDS: dict[str, str] = {a.name: a.mark for a in AREAS.values() if a.mark}
# When two marks cover one word, the one a listener would notice most wins.
MARK_PRIORITY = {"flag": 3, "hedge": 2, "filler": 1}
# Text cues, so a mark reads without colour (and in print).
CUES = {"filler": ("[", "]"), "hedge": ("\u00ab", "\u00bb"), "flag": ("!!", "!!")}
MARK_NAMES = {"filler": "filler", "hedge": "hedge", "flag": "red flag", "pause": "long pause"}
# The scoring's phrase lists, to find the marked phrase inside a quote that carries context.
PHRASES = {"hedge": lexicon.HEDGES,
           "flag": (*lexicon.BLAME, *lexicon.DISMISSIVE, *lexicon.PROFANITY, *lexicon.NEGATIVITY)}


@dataclass(frozen=True)
class ShownWord:
    index: int
    text: str
    start: float | None
    end: float | None


@dataclass
class Run:
    """Consecutive transcript words shown together: plain words, or one mark."""

    words: list[ShownWord]
    kind: str | None = None  # filler | hedge | flag, or None for plain words
    metric: str = ""
    note: str = ""


@dataclass(frozen=True)
class Pause:
    seconds: float
    start: float  # when the silence began
    note: str = ""


@dataclass
class MarkedTranscript:
    words: list[ShownWord]
    pieces: list[Run | Pause]  # in reading order
    # (metric name, evidence index) -> the word indexes it covers, for every locatable evidence
    located: dict[tuple[str, int], range] = field(default_factory=dict)

    @property
    def timed(self) -> bool:
        return any(w.start is not None for w in self.words)

    def kinds(self) -> set[str]:
        found = {p.kind for p in self.pieces if isinstance(p, Run) and p.kind}
        return found | ({"pause"} if any(isinstance(p, Pause) for p in self.pieces) else set())

    def count(self, kind: str) -> int:
        """How many separate marks of a kind (two fillers side by side are two)."""
        return sum(1 for p in self.pieces if isinstance(p, Run) and p.kind == kind) if kind != "pause" \
            else sum(1 for p in self.pieces if isinstance(p, Pause))


def shown_words(transcript: Transcript) -> list[ShownWord]:
    """The words to show: the engine's timed words, or the typed text split on spaces."""
    if transcript.words:
        raw = []
        for w, glued in zip(transcript.words, transcript.glued()):
            if glued and raw and raw[-1][0]:
                # the engine's piece of the word before ("fast" "-paced", "3" "-5"): one word on screen
                text, start, _ = raw[-1]
                raw[-1] = (text + w.word.strip(), start, w.end)
            else:
                raw.append((w.word.strip(), w.start, w.end))
    else:
        raw = [(token, None, None) for token in transcript.text.split()]
    return [ShownWord(i, text, start, end)
            for i, (text, start, end) in enumerate(t for t in raw if t[0])]


def locate(words: list[ShownWord], ev: Evidence, after: int = 0) -> range | None:
    """The transcript words an evidence item is about: by its times, else by its quote."""
    return locate_evidence([(w.text, w.start, w.end) for w in words], ev, after)


def narrow(words: list[ShownWord], span: range, kind: str, named: str = "",
           taken: frozenset[int] = frozenset()) -> range:
    """The marked phrase inside an evidence quote that carries a few words of context.

    The words the evidence names (a filler's label, "um") say which: the first of them in the
    quote that is not `taken` (marked already: "um, I really um" quotes two fillers, and is the
    evidence of the second when the first has its own). Otherwise the scoring's own phrase
    lists find it. When neither does, the whole quote is marked.
    """
    inside = words[span.start:span.stop]
    found = None
    if named:
        places = _places(inside, named)
        found = next((r for r in places if not {span.start + i for i in r} & taken), places[0] if places else None)
    if found is None and kind in PHRASES:
        doc = Doc(Transcript.typed(" ".join(w.text for w in inside)))
        spans = doc.find_all(PHRASES[kind])
        found = range(*doc.token_words(*spans[0])) if spans else None
    return range(span.start + found.start, span.start + found.stop) if found is not None else span


def _places(words: list[ShownWord], phrase: str) -> list[range]:
    """Every place the phrase's words occur, in order."""
    wanted = [n for n in (norm(t) for t in phrase.split()) if n]
    said = [norm(w.text) for w in words]
    return [range(k, k + len(wanted)) for k in range(len(said) - len(wanted) + 1)
            if wanted and said[k:k + len(wanted)] == wanted]


def filler_places(transcript: Transcript, words: list[ShownWord]) -> list[range]:
    """The shown words of every filler scoring's own rule finds, in order."""
    doc = Doc(transcript)
    # Doc keeps every source word; the shown ones leave out the empty (a stray space).
    raw = [w.word for w in transcript.words] if transcript.words else transcript.text.split()
    shown = [i for i, text in enumerate(raw) if text.strip()]
    at = {source: n for n, source in enumerate(shown)}
    places = []
    for i, j, _ in find_fillers(doc):
        a, b = doc.token_words(i, j)
        if a in at and b - 1 in at:
            places.append(range(at[a], at[b - 1] + 1))
    return places


def _filler_of(words: list[ShownWord], ev: Evidence, fillers: list[range],
               marked: frozenset[int]) -> tuple[range, range] | None:
    """(its quote's words, the filler's) for a filler's evidence: the first filler, by scoring's
    rule, that sits where the evidence points (its times, else any place its quote occurs), says
    its label and is not marked yet; past the last marked when it can (fillers are quoted in
    order: "Um, um, I think" said twice quotes four fillers with two same quotes). None when no
    filler is there (a row scored by an older rule): the quote is narrowed by its label instead."""
    spans = [s for s in (locate(words, ev),) if s is not None] if ev.start is not None else _places(words, ev.quote)
    label = [n for n in (norm(t) for t in ev.label.split()) if n]
    found = [(s, f) for s in spans for f in fillers if s.start <= f.start and f.stop <= s.stop
             and not set(f) & marked and [norm(words[k].text) for k in f] == label]
    after = max(marked, default=-1)
    return min((c for c in found if c[1].start > after), key=lambda c: c[1].start, default=None) or \
        min(found, key=lambda c: c[1].start, default=None)


def _pause_at(words: list[ShownWord], ev: Evidence) -> tuple[int, float] | None:
    """The silence an evidence item points at: (the word after it, its length in seconds)."""
    if ev.start is None or ev.end is None:
        return None
    best: tuple[float, int, float] | None = None  # (overlap, word index, gap)
    for prev, nxt in zip(words, words[1:]):
        if prev.end is None or nxt.start is None or nxt.start <= prev.end:
            continue
        overlap = min(nxt.start, ev.end + TIME_SLACK) - max(prev.end, ev.start - TIME_SLACK)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, nxt.index, nxt.start - prev.end)
    return None if best is None else (best[1], best[2])


def fillers_not_quoted(metric: Metric, transcript: Transcript) -> list[Evidence]:
    """The fillers an answer saved before every filler had its evidence counted but did not quote
    (it kept the first four), found again with scoring's own rule."""
    quoted = sum(1 for e in metric.evidence if e.kind is EvidenceKind.FILLER)
    total = next((e.count for e in metric.evidence if e.kind is EvidenceKind.FILLER_TOTAL and e.count), 0)
    if quoted >= total:
        return []
    doc = Doc(transcript)
    return [doc.quote(i, j, note=f"filler '{label}'", context=0, snap=False, kind=EvidenceKind.FILLER,
                      label=label) for i, j, label in find_fillers(doc)[quoted:total]]


def mark_transcript(score: Score) -> MarkedTranscript:
    """The transcript split into plain runs, marks and pauses, from the metrics' evidence."""
    words = shown_words(score.transcript)
    located: dict[tuple[str, int], range] = {}
    kind_of: dict[int, tuple[int, str, str, str, int]] = {}  # word -> (priority, kind, metric, note, id)
    pauses: dict[int, Pause] = {}
    fillers: list[range] | None = None  # where scoring's rule finds fillers, when first needed
    for metric in score.metrics:
        kind = MARK_KINDS.get(metric.name)
        evidence = list(metric.evidence)
        if kind == "filler":
            evidence += fillers_not_quoted(metric, score.transcript)
        cursor = 0  # repeated untimed quotes ("um", "um") mark successive occurrences
        for n, ev in enumerate(evidence):
            if kind == "pause":
                found = _pause_at(words, ev)
                if found is not None and found[0] not in pauses:
                    index, gap = found
                    pauses[index] = Pause(round(gap, 1), words[index - 1].end or 0.0, ev.note)
                continue
            marked = frozenset(i for i, m in kind_of.items() if m[1] == kind)
            found = None
            if ev.kind is EvidenceKind.FILLER:
                fillers = filler_places(score.transcript, words) if fillers is None else fillers
                found = _filler_of(words, ev, fillers, marked)
            span = found[0] if found else locate(words, ev, cursor)
            if span is None:
                continue
            located[(metric.name, n)] = span
            cursor = span.stop
            if kind is None or ev.kind is EvidenceKind.FILLER_TOTAL:
                continue
            span = found[1] if found else \
                narrow(words, span, kind, ev.label if ev.kind is EvidenceKind.FILLER else "", marked)
            for i in span:
                mark = (MARK_PRIORITY.get(kind, 0), kind, metric.name, ev.note, len(located))
                if i not in kind_of or mark[0] > kind_of[i][0]:
                    kind_of[i] = mark
    pieces: list[Run | Pause] = []
    for w in words:
        if w.index in pauses:
            pieces.append(pauses[w.index])
        mark = kind_of.get(w.index)
        last = pieces[-1] if pieces else None
        if isinstance(last, Run) and last.words and _same_mark(kind_of.get(last.words[-1].index), mark):
            last.words.append(w)
        else:
            pieces.append(Run([w], mark[1], mark[2], mark[3]) if mark else Run([w]))
    return MarkedTranscript(words, pieces, located)


def split_tail(text: str) -> tuple[str, str]:
    """'fault.' -> ('fault', '.'): a mark's closing cue goes before the punctuation."""
    core = text.rstrip(".,;:!?\u2026")
    return (core, text[len(core):]) if core else (text, "")


def _same_mark(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a[1:] == b[1:]
