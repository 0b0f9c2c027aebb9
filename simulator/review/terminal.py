"""Looking back in the terminal: sessions, answers with their marks, metrics, tips, progress.

Everything shown comes from the review's model (`marks`, `evidence`, `progress`); the HTML
report (`html.py`) renders the same. Text from a bank or an answer goes through `printable`.
"""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Callable, Iterable, Sequence

from ..coach.retry import Retry, remark
from ..coach.targets import aim_for
from ..console import printable
from ..notebook import Notebook, SessionSummary
from ..notebook.history import session_points
from ..types import Metric, Question, Score, Session
from .asked import answers_count, by_question, replies
from .evidence import SHOWN_FIRST, evidence_lines, more_text
from .figures import (answer_context, clock, count_cell, count_text, counted, format_value, metric_label, number,
                      number_short, score_band, session_overall, when)
from .marks import CUES, MarkedTranscript, Pause, mark_transcript, split_tail
from .progress import (
    OVERALL_UNIT, MediumProgress, history_line, progress, tip_line, tips_summary, tips_with_progress, trend,
)

ANSI = {"filler": "33", "hedge": "36", "flag": "1;31", "pause": "2", "dim": "2", "bold": "1",
        "good": "32", "fair": "33", "weak": "31"}
WIDTH = 88
SESSIONS_SHOWN = 6  # columns of the progress table


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


def _para(text: str, indent: str = "", hang: str | None = None) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent if hang is None else hang)


# --- sessions and answers ------------------------------------------------------------------


def format_session_list(sessions: list[SessionSummary]) -> str:
    if not sessions:
        return "No sessions yet. Start one with `mock-interview practice` (or try `mock-interview demo`)."
    # Questions, not answers: a role-play call of three replies is one question.
    lines = [f"{'SESSION':<22} {'STARTED':<16} {'QUESTIONS':>9} {'SCORE':>5}  VERDICT"]
    for s in sessions:
        score = f"{s.overall:.0f}" if s.overall is not None else "-"
        status = "" if s.status == "finished" else f" ({s.status})"
        lines.append(f"{s.id:<22} {when(s.started):<16} {s.questions:>9} {score:>5}  "
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


def _metric_lines(metric: Metric, located: dict, paint: _Paint) -> list[str]:
    shown = "n/a" if metric.score is None else f"{metric.score:.0f}"
    band = score_band(metric.score)
    bar = "" if metric.score is None else "\u25a0" * round(metric.score / 10) + \
        "\u25a1" * (10 - round(metric.score / 10))
    head = f"    {metric_label(metric.name):<18} {paint(f'{shown:>3}', band) if band != 'none' else f'{shown:>3}'}" \
           f"  {bar:<10}  {printable(format_value(metric))}"
    lines = [head.rstrip()]
    every = evidence_lines(metric, located)
    for ev in every[:SHOWN_FIRST]:
        at = f"{', '.join(clock(t) for t in ev.starts[:3])}  " if ev.starts else ""
        quote = f"\u201c{ev.quote}\u201d" if ev.quote else ""
        text = printable(" \u2014 ".join(x for x in (quote, ev.note) if x) + (f" {ev.times}" if ev.times else ""))
        lines += _para(at + text, " " * 8, " " * (8 + len(at)))
    if len(every) > SHOWN_FIRST:
        lines.append(paint(f"        and {more_text(every[SHOWN_FIRST:])}", "dim"))
    return lines


def format_score(question: Question, score: Score, colour: bool | None = None) -> str:
    """One scored answer: the question, the marked transcript, the metrics and the tips."""
    colour = use_colour() if colour is None else colour
    lines = _para(f"Q: {printable(question.text)}")
    lines += _answer_body(score, _Paint(colour))
    return "\n".join(lines)


def _answer_body(score: Score, paint: _Paint) -> list[str]:
    marked = mark_transcript(score)
    lines = [f"  Overall {paint(f'{score.overall:.0f} out of 100', score_band(score.overall))}", "",
             "  What you said:"]
    lines += format_transcript(marked, paint.on)
    if marked.kinds():
        lines.append(paint(_legend(marked.kinds()), "dim"))
    if score.metrics:
        lines += ["", "  Scores:"]
        said_why = ""  # why the metric above was not measured: said once for a run of them
        for m in score.metrics:
            why = _unmeasured_why(m)
            shown = _metric_lines(m, marked.located, paint)
            lines += shown[:1] if why and why == said_why else shown
            said_why = why
    if score.tips:
        lines += ["", "  Tips for this answer:"]
        for t in score.tips:
            lines += _para(f"\u2022 {printable(t.text)} ({metric_label(t.area).lower()})", "    ", "      ")
    return lines


def _unmeasured_why(metric: Metric) -> str:
    """The one reason an unscored metric gives ("the answer is not in English (Spanish)"), else ""."""
    notes = {e.note for e in metric.evidence}
    return next(iter(notes)) if metric.score is None and len(notes) == 1 and not any(
        e.quote for e in metric.evidence) else ""


def format_session(session: Session, colour: bool | None = None,
                   retries: Sequence[tuple[int, Retry]] = ()) -> str:
    """One session in full; `retries`: coach mode's second tries, by the answer's position."""
    colour = use_colour() if colour is None else colour
    second = dict(retries)
    paint = _Paint(colour)
    overall = session_overall(session)
    head = f"Session {session.id}, {when(session.started)}"
    if overall is not None:
        head += f"  \u00b7  overall {overall:.0f} out of 100  \u00b7  {answers_count(session.answers)}"
    lines = [paint(head, "bold")]
    if session.focus_from_last_time:
        lines.append("Working on from last time: " +
                     ", ".join(metric_label(t.area).lower() for t in session.focus_from_last_time))
    lines.append("")
    asked = by_question(session.answers)
    for q in asked:
        rule = f"\u2500\u2500 Question {q.number} of {len(asked)}" + (
            f": a role-play call, {replies(len(q.answers))} " if q.is_call else " ")
        lines.append(paint(rule + "\u2500" * (WIDTH - len(rule)), "dim"))
        lines += _para(f"Interviewer: {printable(q.question.text)}", "", "  ")
        for k, (i, a) in enumerate(q.answers, 1):
            if q.is_call:  # the scenario once, then each line of the call and the reply to it
                lines += ["", paint(f"  Reply {k} of {len(q.answers)}", "bold")]
            for who, said in answer_context(a)[1:]:
                lines += _para(f"{who}: {printable(said)}", "  " if q.is_call else "", "    " if q.is_call else "  ")
            if a.audio:
                lines.append(paint(f"  Recording: {printable(str(a.audio))}", "dim"))
            lines += _answer_body(a.score, paint)
            if i in second:
                lines += _second_try(second[i], paint)
        lines.append("")
    if not session.answers:
        lines.append("No answers were recorded in this session.\n")
    if session.strength:
        strong = _para(f"What was strong: {printable(session.strength)}", "", "  ")
        lines += [strong[0].replace("What was strong:", paint("What was strong:", "bold"), 1), *strong[1:]]
    verdict = _para(f"Verdict: {printable(session.verdict) or '(none)'}", "", "  ")
    lines += [verdict[0].replace("Verdict:", paint("Verdict:", "bold"), 1), *verdict[1:]]
    if session.tips:
        lines.append(paint("What to work on:", "bold"))
        for i, t in enumerate(session.tips, 1):
            lines += _para(f"{i}. {printable(t.text)}", "  ", "     ")
            if t.target:
                lines.append(f"     {printable(aim_for(t.target))}")
    if session.progress:
        lines.append(paint("Since last time:", "bold"))
        for said in session.progress:
            lines += _para(f"- {printable(said)}", "  ", "    ")
    return "\n".join(lines)


def _second_try(again: Retry, paint) -> list[str]:
    c = again.comparison
    lines = [paint(f"  Second try: overall {c.overall_after:.0f} out of 100 (first try {c.overall_before:.0f})", "bold")]
    lines += _para(printable(again.score.transcript.text) or "(nothing was said)", "    ", "    ")
    lines += _para(f"What changed: {printable(remark(c))}", "  ", "    ")
    return lines


# --- across sessions -----------------------------------------------------------------------


def format_tips(notebook: Notebook, every: bool = False) -> str:
    """The notebook: tips newest first, one open per area, each with where it stood when given,
    where it is now and how long its area has been worked on. A tip replaced by a newer one of its
    area is left out unless `every` (`tips --all`), and then marked so."""
    tips = tips_with_progress(notebook)
    if not tips:
        if notebook.sessions():
            return ("No tips yet: your sessions so far left nothing to work on (or you fixed it on the "
                    "second try). `mock-interview review` shows each session.")
        return "The notebook is empty: tips appear here after your first session."
    lines, current = [], None
    for p in tips:
        t = p.saved
        if t.replaced and not every:
            continue
        if t.session_id != current:
            current = t.session_id
            medium = f", {t.medium.value}" if t.medium else ""
            lines += ([""] if lines else []) + [f"{when(t.started)}  (session {current}{medium})"]
        mark = "met " if t.met else "replaced" if t.replaced else "open"
        lines += _para(f"[{mark}] {metric_label(t.area)}: {printable(t.text)}", "  ", " " * 9)
        lines += _para(history_line(p), " " * 9)
        lines += _para(tip_line(p), " " * 9)
        if t.target and not t.met and not t.replaced:
            lines.append(f"         {printable(aim_for(t.target))}")
    summary = tips_summary(tips)
    if not every and any(p.saved.replaced for p in tips):
        summary += " See every tip, the replaced ones too, with `mock-interview tips --all`."
    return "\n".join(lines + [""] + _para(summary))


def _cells(series, ids: list[str]) -> tuple[list[str], Callable[[float], str], str]:
    """A row's cells, how its numbers are shown (for the trend's arrow), and for a count over
    several answers, the first one said in words: '"1 in 3" ... 1 red flag in 3 answers'."""
    shown = number_short if series.measured and series.unit != OVERALL_UNIT else (lambda v: f"{v:.0f}")
    if not (series.measured and counted(series.name, series.unit)):
        return [shown(v) if (v := series.value_in(i)) is not None else "-" for i in ids], shown, ""
    at = {p.session_id: p for p in series.points}  # "1 in 3" (answers), never "0.3 red flags"
    cells = [count_cell(at[i].value, at[i].answers, series.unit) if i in at else "-" for i in ids]
    if series.unit.startswith("of "):  # key points: the nearest whole number, and its arrow
        return cells, (lambda v: count_cell(v, None, series.unit)), ""
    # the example counts something ("1 red flag in 3 answers"), and none at all rather than
    # "0 in 3" when one is found (a net figure, positive minus negative phrases, shows its score)
    several = next(
        (p for p in series.points if (p.answers or 0) > 1 and p.value > 0), None)
    said = "" if several is None else (
        f'A count like "{count_cell(several.value, several.answers, series.unit)}" is over that session\'s '
        f"answers: {count_text(several.value, several.answers, series.unit)}.")
    return cells, number, said


def _table(group: MediumProgress, label_width: int = 20) -> list[str]:
    """One row per metric, one column per session, the trend and the unit."""
    ids = [p.session_id for p in group.points]
    rows, example = [], ""
    for series in (group.overall, *group.metrics):
        cells, shown, said = _cells(series, ids)
        example = example or said
        found = trend(series, shown)
        label = "Overall" if series is group.overall else metric_label(series.name)
        rows.append((label, cells, found.text if found else "", series.unit))
    width = max([7, *(len(c) + 2 for _, cells, _, _ in rows for c in cells)])

    def row(label: str, cells: list[str], trend_text: str = "", unit: str = "") -> str:
        return (f"{label[:label_width]:<{label_width}}" + "".join(f"{c:>{width}}" for c in cells) +
                f"   {trend_text:<12}  {unit}").rstrip()

    lines = [row("", [p.started[5:10] for p in group.points]), row("", [p.started[11:16] for p in group.points])]
    lines += [row(*r) for r in rows] + ([example] if example else [])
    for series in group.metrics:  # "2.0 of 5 key points" on target: the answers were short
        short = [(p.started, p.expected[series.name]) for p in group.points
                 if series.measured and series.name in p.expected and series.value_in(p.session_id) is not None]
        if short:
            lines.append(f"{metric_label(series.name)}: answers that short were expected to cover "
                         + ", ".join(f"{number(v)} ({s[5:10]} {s[11:16]})" for s, v in short) + ".")
    return lines


def format_progress(notebook: Notebook, shown: int = SESSIONS_SHOWN) -> str:
    """A table per medium (typed with typed, spoken with spoken): each metric's recent sessions."""
    points = session_points(notebook)
    if not points:
        return "No sessions with answers yet: progress appears after your first practice."
    lines: list[str] = []
    for group in progress(points):
        title = group.title
        if len(group.points) > shown:
            title += f" (the last {shown}; progress --html FILE shows them all)"
        lines += ([""] if lines else []) + [title] + _table(group.last(shown))
    lines += ["", "Arrows show which way each number went; better or worse says whether that is nearer",
              "its target, and steady (no arrow) that it barely moved. Typed and spoken sessions are",
              "compared only with their own kind."]
    tips = tips_with_progress(notebook, points)
    if tips:
        lines += _para(f"{tips_summary(tips)} See them with `mock-interview tips`.")
    return "\n".join(lines)
