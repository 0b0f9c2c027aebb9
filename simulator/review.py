"""Looking back in the terminal: sessions, answers with their marks, metrics, tips, progress.

The marks (fillers, hedges, red flags, long pauses) come from each metric's evidence: a timed
quote marks the words spoken in its time span, an untimed one (typed answers) the words it
quotes. The HTML report (report.py) shows the same marks, computed here.
"""

from __future__ import annotations

import os
import sys
import textwrap
from dataclasses import dataclass, field
from typing import Iterable

from .areas import AREAS
from .coach.quoting import TIME_SLACK, find_quote
from .coach.quoting import locate as locate_evidence
from .console import printable
from .notebook import Notebook, SessionSummary
from .types import Answer, Evidence, EvidenceKind, Metric, Question, Score, Session, Transcript

# Metrics whose evidence marks words in the transcript, and how (`Area.mark`). Any other metric's
# evidence is still located in the transcript (the HTML report lights it up on hover) but not marked.
MARK_KINDS: dict[str, str] = {a.name: a.mark for a in AREAS.values() if a.mark}
# When two marks cover one word, the one a listener would notice most wins.
MARK_PRIORITY = {"flag": 3, "hedge": 2, "filler": 1}
# Text cues, so a mark reads without colour (and in print).
CUES = {"filler": ("[", "]"), "hedge": ("\u00ab", "\u00bb"), "flag": ("!!", "!!")}
MARK_NAMES = {"filler": "filler", "hedge": "hedge", "flag": "red flag", "pause": "long pause"}
ANSI = {"filler": "33", "hedge": "36", "flag": "1;31", "pause": "2", "dim": "2", "bold": "1",
        "good": "32", "fair": "33", "weak": "31"}
WIDTH = 88


# --- the transcript as words with marks ----------------------------------------------------


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


def shown_words(transcript: Transcript) -> list[ShownWord]:
    """The words to show: the engine's timed words, or the typed text split on spaces."""
    if transcript.words:
        raw = [(w.word.strip(), w.start, w.end) for w in transcript.words]
    else:
        raw = [(token, None, None) for token in transcript.text.split()]
    return [ShownWord(i, text, start, end)
            for i, (text, start, end) in enumerate(t for t in raw if t[0])]


def _by_quote(words: list[ShownWord], quote: str, after: int = 0) -> range | None:
    """The first place at or after word `after` (else anywhere) where the quote's words occur."""
    return find_quote([w.text for w in words], quote, after)


def locate(words: list[ShownWord], ev: Evidence, after: int = 0) -> range | None:
    """The transcript words an evidence item is about: by its times, else by its quote."""
    return locate_evidence([(w.text, w.start, w.end) for w in words], ev, after)


def narrow(words: list[ShownWord], span: range, kind: str, named: str = "") -> range:
    """The marked phrase inside an evidence quote that carries a few words of context.

    The words the evidence names (a filler's label, "um") say which; otherwise the scoring's own
    phrase lists find it. When neither does, the whole quote is marked.
    """
    if named:
        found = _by_quote(words[span.start:span.stop], named)
        if found is not None:
            return range(span.start + found.start, span.start + found.stop)
    found = _by_phrase_list(words[span.start:span.stop], kind)
    if found is not None:
        return range(span.start + found.start, span.start + found.stop)
    return span


def _by_phrase_list(words: list[ShownWord], kind: str) -> range | None:
    try:  # the scoring is optional here: without it the whole quote stays marked
        from .scoring import lexicon
        from .scoring.text import Doc

        patterns = {"hedge": lexicon.HEDGES, "flag": (*lexicon.BLAME, *lexicon.DISMISSIVE,
                                                      *lexicon.PROFANITY, *lexicon.NEGATIVITY)}[kind]
        doc = Doc(Transcript.typed(" ".join(w.text for w in words)))
        spans = doc.find_all(patterns)
    except (ImportError, AttributeError, KeyError):
        return None
    if not spans:
        return None
    first, last = doc.token_words(*spans[0])
    return range(first, last)


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


def mark_transcript(score: Score) -> MarkedTranscript:
    """The transcript split into plain runs, marks and pauses, from the metrics' evidence."""
    words = shown_words(score.transcript)
    located: dict[tuple[str, int], range] = {}
    kind_of: dict[int, tuple[int, str, str, str, int]] = {}  # word -> (priority, kind, metric, note, id)
    pauses: dict[int, Pause] = {}
    for metric in score.metrics:
        kind = MARK_KINDS.get(metric.name)
        cursor = 0  # repeated untimed quotes ("um", "um") mark successive occurrences
        for n, ev in enumerate(metric.evidence):
            if kind == "pause":
                found = _pause_at(words, ev)
                if found is not None and found[0] not in pauses:
                    index, gap = found
                    pauses[index] = Pause(round(gap, 1), words[index - 1].end or 0.0, ev.note)
                continue
            span = locate(words, ev, cursor)
            if span is None:
                continue
            located[(metric.name, n)] = span
            cursor = span.stop
            if kind is None:
                continue
            span = narrow(words, span, kind, ev.label if ev.kind is EvidenceKind.FILLER else "")
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
        same = isinstance(last, Run) and last.words and _same_mark(kind_of.get(last.words[-1].index), mark)
        if same:
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


# --- small text helpers --------------------------------------------------------------------


def clock(seconds: float | None) -> str:
    """m:ss for a moment in a recording."""
    if seconds is None:
        return "--:--"
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def metric_label(name: str) -> str:
    """'key_points' -> 'Key points'."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def format_value(metric: Metric) -> str:
    """The measured value with its unit: '142 words a minute', '2 of 3 key points'."""
    value = metric.value
    if value is None or value == "":
        return ""
    shown = number(value) if isinstance(value, (int, float)) else str(value)
    return f"{shown} {metric.unit}" if metric.unit else shown


def number(value: float) -> str:
    """A measured number as a person writes it: 142, 3.5, 0.35."""
    if float(value) == int(value):
        return str(int(value))
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"


def score_band(score: float | None) -> str:
    """good | fair | weak | none, for colours and labels."""
    if score is None:
        return "none"
    return "good" if score >= 75 else "fair" if score >= 50 else "weak"


def answer_context(answer: Answer) -> list[tuple[str, str]]:
    """What was said to the candidate before this answer, as (who, line) pairs."""
    lines = [("Interviewer", answer.question.text)]
    if answer.turn and 0 < answer.turn <= len(answer.question.turns):
        lines.append(("Customer", answer.question.turns[answer.turn - 1].line))
    if answer.follow_up:
        lines.append(("Follow-up", answer.follow_up))
    return lines


def session_overall(session: Session) -> float | None:
    if not session.answers:
        return None
    return sum(a.score.overall for a in session.answers) / len(session.answers)


def use_colour(stream=None) -> bool:
    """ANSI colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    stream = stream or sys.stdout
    if "NO_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class _Paint:
    def __init__(self, on: bool):
        self.on = on

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{ANSI[style]}m{text}\x1b[0m" if self.on and text else text


def _wrap(tokens: Iterable[tuple[str, str]], indent: str, width: int = WIDTH) -> list[str]:
    """Wrap (plain, painted) tokens by their plain width, so colour codes don't skew lines."""
    lines, line, used = [], [], len(indent)
    for plain, painted in tokens:
        if line and used + 1 + len(plain) > width:
            lines.append(indent + " ".join(line))
            line, used = [], len(indent)
        line.append(painted)
        used += len(plain) + (1 if len(line) > 1 else 0)
    if line:
        lines.append(indent + " ".join(line))
    return lines


# --- the terminal review -------------------------------------------------------------------


def format_session_list(sessions: list[SessionSummary]) -> str:
    if not sessions:
        return "No sessions yet. Start one with `mock-interview practice` (or try `mock-interview demo`)."
    lines = [f"{'SESSION':<22} {'STARTED':<16} {'ANSWERS':>7} {'SCORE':>5}  VERDICT"]
    for s in sessions:
        score = f"{s.overall:.0f}" if s.overall is not None else "-"
        status = "" if s.status == "finished" else f" ({s.status})"
        lines.append(f"{s.id:<22} {s.started[:16].replace('T', ' '):<16} {s.answers:>7} {score:>5}  "
                     f"{printable(s.verdict)}{status}")
    lines.append("\nShow one with `mock-interview review SESSION_ID` (or `latest`); "
                 "add --html FILE for a report with your recordings.")
    return "\n".join(lines)


def format_transcript(marked: MarkedTranscript, colour: bool = False, indent: str = "    ") -> list[str]:
    """The transcript with [fillers], «hedges», !!red flags!! and (… pauses …) marked."""
    paint = _Paint(colour)
    if not marked.words:
        return [indent + "(nothing was said)"]
    tokens: list[tuple[str, str]] = []
    for piece in marked.pieces:
        if isinstance(piece, Pause):
            text = f"(\u2026 {piece.seconds:.1f} s pause \u2026)"
            tokens.append((text, paint(text, "pause")))
            continue
        texts = [printable(w.text) for w in piece.words]
        if piece.kind in CUES:
            left, right = CUES[piece.kind]
            last, tail = split_tail(texts[-1])
            texts[-1] = last + right + tail
            texts[0] = left + texts[0]  # the same word when the mark is one word long
            tokens.extend((t, paint(t, piece.kind)) for t in texts)
        else:
            tokens.extend((t, t) for t in texts)
    return _wrap(tokens, indent)


def _legend(kinds: set[str]) -> str:
    samples = {"filler": "[um] filler", "hedge": "\u00abmaybe\u00bb hedge",
               "flag": "!!red flag!!", "pause": "(\u2026 pause \u2026)"}
    return "    Marks: " + "   ".join(samples[k] for k in ("filler", "hedge", "flag", "pause")
                                      if k in kinds)


def _metric_lines(metric: Metric, paint: _Paint) -> list[str]:
    shown = "n/a" if metric.score is None else f"{metric.score:.0f}"
    band = score_band(metric.score)
    bar = "" if metric.score is None else "\u25a0" * round(metric.score / 10) + \
        "\u25a1" * (10 - round(metric.score / 10))
    head = f"    {metric_label(metric.name):<18} {paint(f'{shown:>3}', band) if band != 'none' else f'{shown:>3}'}" \
           f"  {bar:<10}  {printable(format_value(metric))}"
    lines = [head.rstrip()]
    for ev in metric.evidence[:3]:
        at = f"{clock(ev.start)}  " if ev.start is not None else ""
        quote = f"\u201c{ev.quote}\u201d" if ev.quote else ""
        text = printable(" \u2014 ".join(x for x in (quote, ev.note) if x))
        lines.extend(textwrap.wrap(at + text, WIDTH, initial_indent=" " * 8,
                                   subsequent_indent=" " * (8 + len(at))))
    return lines


def format_score(question: Question, score: Score, colour: bool | None = None) -> str:
    """One scored answer: the question, the marked transcript, the metrics and the tips."""
    colour = use_colour() if colour is None else colour
    paint = _Paint(colour)
    lines = textwrap.wrap(f"Q: {printable(question.text)}", WIDTH)
    lines += _answer_body(score, paint)
    return "\n".join(lines)


def _answer_body(score: Score, paint: _Paint) -> list[str]:
    marked = mark_transcript(score)
    lines = [f"  Overall {paint(f'{score.overall:.0f}/100', score_band(score.overall))}", "",
             "  What you said:"]
    lines += format_transcript(marked, paint.on)
    if marked.kinds():
        lines.append(paint(_legend(marked.kinds()), "dim"))
    if score.metrics:
        lines += ["", "  Scores:"]
        for m in score.metrics:
            lines += _metric_lines(m, paint)
    if score.tips:
        lines += ["", "  Tips for this answer:"]
        for t in score.tips:
            lines += textwrap.wrap(f"\u2022 {printable(t.text)} ({metric_label(t.area).lower()})", WIDTH,
                                   initial_indent="    ", subsequent_indent="      ")
    return lines


def format_session(session: Session, colour: bool | None = None) -> str:
    colour = use_colour() if colour is None else colour
    paint = _Paint(colour)
    overall = session_overall(session)
    head = f"Session {session.id}, {session.started[:16].replace('T', ' ')}"
    if overall is not None:
        head += f"  \u00b7  overall {overall:.0f}/100  \u00b7  {len(session.answers)} answer(s)"
    lines = [paint(head, "bold")]
    if session.focus_from_last_time:
        lines.append("Working on from last time: " +
                     ", ".join(metric_label(t.area).lower() for t in session.focus_from_last_time))
    lines.append("")
    for i, a in enumerate(session.answers, 1):
        rule = f"\u2500\u2500 Answer {i} of {len(session.answers)} "
        lines.append(paint(rule + "\u2500" * (WIDTH - len(rule)), "dim"))
        for who, said in answer_context(a):
            lines += textwrap.wrap(f"{who}: {printable(said)}", WIDTH, subsequent_indent="  ")
        if a.audio:
            lines.append(paint(f"  Recording: {printable(str(a.audio))}", "dim"))
        lines += _answer_body(a.score, paint)
        lines.append("")
    if not session.answers:
        lines.append("No answers were recorded in this session.\n")
    lines.append(paint("Verdict: ", "bold") + (printable(session.verdict) or "(none)"))
    if session.tips:
        lines.append(paint("What to work on:", "bold"))
        for i, t in enumerate(session.tips, 1):
            lines += textwrap.wrap(f"{i}. {printable(t.text)}", WIDTH, initial_indent="  ", subsequent_indent="     ")
            if t.target:
                lines.append(f"     Aim for: {printable(t.target)}")
    return "\n".join(lines)


def format_tips(notebook: Notebook) -> str:
    """The notebook: tips newest first, each with where it stood when given and where it is now."""
    rows = notebook.tips()
    if not rows:
        return "The notebook is empty: tips appear here after your first session."
    latest = latest_values(notebook)
    lines, current = [], None
    for r in rows:
        if r["session_id"] != current:
            current = r["session_id"]
            lines.append(f"{'' if not lines else chr(10)}{r['started'][:16].replace('T', ' ')}  (session {current})")
        mark = "met " if r["status"] == "met" else "open"
        lines += textwrap.wrap(f"[{mark}] {metric_label(r['area'])}: {printable(r['text'])}", WIDTH,
                               initial_indent="  ", subsequent_indent="         ")
        progress = tip_progress(r["area"], r["value"], latest.get(r["area"]), r["session_id"])
        if progress:
            lines.append(f"         {progress}")
        if r["target"] and r["status"] != "met":
            lines.append(f"         Aim for: {printable(r['target'])}")
    return "\n".join(lines)


def latest_values(notebook: Notebook) -> dict[str, tuple[str, float]]:
    """Each area's most recent tracked value, with the session it comes from."""
    from .session import tracked_values

    latest: dict[str, tuple[str, float]] = {}
    for s in notebook.sessions():  # newest first
        for area, value in tracked_values(notebook.answers(s.id)).items():
            latest.setdefault(area, (s.id, value))
    return latest


def tip_progress(area: str, then: float | None, now: tuple[str, float] | None, given_in: str) -> str:
    """'Progress: 9 fillers a minute then, 3 now (in range)'; empty when there is nothing newer."""
    from .coach import metric_in_range

    if then is None or now is None or now[0] == given_in:
        return ""
    found = AREAS.get(area)
    unit = found.band.unit if found and found.band else "out of 100"
    digits = 1 if unit == "semitones" else 0
    verdict = "in range, well done" if metric_in_range(area, now[1]) else "not there yet"
    return f"Progress: {then:.{digits}f} {unit} then, {now[1]:.{digits}f} now ({verdict})."


# --- progress ------------------------------------------------------------------------------


def progress_data(notebook: Notebook) -> list[dict]:
    """Per session with answers, oldest first: the overall, each metric's mean value and score."""
    from .session import session_metric_values

    out = []
    for s in reversed(notebook.sessions()):
        if not s.answers:
            continue
        answers = list(notebook.answers(s.id))
        values = session_metric_values(answers)
        scores: dict[str, list[float]] = {}
        units: dict[str, str | None] = {}
        for a in answers:
            for m in a.score.metrics:
                if m.score is not None:
                    scores.setdefault(m.name, []).append(float(m.score))
                if isinstance(m.value, (int, float)) and m.score is not None:
                    # None when the answers disagree ("of 5 key points", "of 4 key points")
                    units[m.name] = m.unit if units.get(m.name, m.unit) == m.unit else None
        out.append({"session_id": s.id, "started": s.started, "overall": s.overall,
                    "metrics": {k: round(v, 2) for k, v in values.items()},
                    "scores": {k: round(sum(v) / len(v), 1) for k, v in scores.items()},
                    "units": units})
    return out


def metric_names(data: list[dict]) -> list[str]:
    """Every metric seen across sessions, in the order they first appear."""
    names: dict[str, None] = {}
    for d in data:
        for name in (*d["scores"], *d["metrics"]):
            names.setdefault(name, None)
    return list(names)


def metric_series(data: list[dict], name: str) -> tuple[str, bool, list[tuple[dict, float]]]:
    """(unit, measured, [(session, number)]) for one metric across sessions.

    Values in different units cannot share a line: when a session's answers disagree ("of 5
    key points", "of 4 key points") the metric gives its scores; when whole sessions differ
    (fillers a minute when spoken, per 100 words when typed) it gives the sessions in the
    latest session's unit.
    """
    measured = [d for d in data if name in d["metrics"]]
    if not measured and not any(name in d["scores"] for d in data):
        return "", False, []
    if not measured or any(d["units"].get(name, "") is None for d in measured):
        return "score out of 100", False, [(d, d["scores"][name]) for d in data if name in d["scores"]]
    unit = measured[-1]["units"].get(name, "")
    return unit, True, [(d, d["metrics"][name]) for d in measured if d["units"].get(name, "") == unit]


def trend_word(scores: list[float]) -> str:
    """better | worse | steady, from the first to the last score (higher is better)."""
    if len(scores) < 2:
        return ""
    change = scores[-1] - scores[0]
    return "better" if change >= 5 else "worse" if change <= -5 else "steady"


def format_progress(notebook: Notebook, shown: int = 6) -> str:
    """A table: one row per metric, one column per recent session, the trend and the unit."""
    data = progress_data(notebook)
    if not data:
        return "No sessions with answers yet: progress appears after your first practice."
    recent = data[-shown:]
    lines = []
    if len(data) > shown:
        lines.append(f"The last {shown} of {len(data)} sessions (progress --html FILE shows them all).")
    label_width = 20

    def row(label: str, cells: list[str], trend: str = "", unit: str = "") -> str:
        arrow = {"better": "\u2191 better", "worse": "\u2193 worse", "steady": "\u2192 steady"}
        return (f"{label[:label_width]:<{label_width}}" + "".join(f"{c:>7}" for c in cells) +
                f"   {arrow.get(trend, ''):<9}  {unit}").rstrip()

    lines.append(row("", [d["started"][5:10] for d in recent]))
    lines.append(row("", [d["started"][11:16] for d in recent], "", "") if recent else "")
    overall = [d["overall"] for d in recent]
    lines.append(row("Overall", [f"{v:.0f}" for v in overall], trend_word(overall), "out of 100"))
    for name in metric_names(data):
        unit, measured, series = metric_series(data, name)
        by_session = {d["session_id"]: v for d, v in series}
        shown_as = number_short if measured else (lambda v: f"{v:.0f}")
        cells = [shown_as(by_session[d["session_id"]]) if d["session_id"] in by_session else "-"
                 for d in recent]
        scores = [d["scores"][name] for d in recent if name in d["scores"]]
        lines.append(row(metric_label(name), cells, trend_word(scores), unit))
    lines.append("\nTrends compare scores (higher is better), first to last of these sessions.")
    tips = notebook.tips()
    if tips:
        met = sum(1 for r in tips if r["status"] == "met")
        lines.append(f"Tips so far: {len(tips)} given, {met} met. See them with `mock-interview tips`.")
    return "\n".join(lines)


def number_short(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
