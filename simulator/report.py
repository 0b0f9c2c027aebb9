"""HTML reports that work from disk with no network: one session, or progress across sessions.

Styles, the script and the charts (inline SVG drawn here) are inside the HTML file. Recordings
are copied next to it, into a folder named after the file (`report.html` -> `report_audio/`),
and linked relatively: a session's WAV files run to megabytes, which as base64 would make the
page slow to open, and a relative folder keeps working when both are moved or zipped together.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import __version__
from .errors import UserError
from .notebook import Notebook
from .review import (
    CUES, MARK_NAMES, Pause, Run, answer_context, clock, format_value, mark_transcript,
    metric_label, metric_names, metric_series, number, progress_data, score_band, session_overall, split_tail,
    trend_word,
)
from .types import Answer, Session

TEMPLATES = Path(__file__).parent / "templates"
SESSION_CHART_METRICS = ("pace", "fillers")  # shown with the overall at the top of a session
OUR_AUDIO = re.compile(r"\d{2}-[a-z0-9-]+-(?:answer|question)\.\w+")  # names _AudioFolder gives


# --- charts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    value: float
    label: str  # the session's date
    current: bool = False


@dataclass(frozen=True)
class Chart:
    """A small line chart, laid out here and drawn as SVG by the template."""

    id: str
    title: str
    unit: str
    points: tuple[ChartPoint, ...]
    y_ticks: tuple[tuple[float, str], ...]  # (y position, label)
    width: int = 260
    height: int = 130
    left: int = 38
    right: int = 12
    top: int = 14
    bottom: int = 26

    @property
    def line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def summary(self) -> str:
        """The chart in words, for screen readers and as the SVG's title."""
        if not self.points:
            return f"{self.title}: no data yet"
        first, last = self.points[0], self.points[-1]
        unit = f" {self.unit}" if self.unit else ""
        if len(self.points) == 1:
            return f"{self.title}: {number(last.value)}{unit} in one session"
        return (f"{self.title}: from {number(first.value)}{unit} on {first.label} to "
                f"{number(last.value)}{unit} on {last.label}, over {len(self.points)} sessions")


def line_chart(chart_id: str, title: str, unit: str, series: list[tuple[str, float, bool]],
               fixed: tuple[float, float] | None = None, width: int = 260, height: int = 130) -> Chart:
    """Lay out (date label, value, is-current) points; `fixed` pins the y range (scores 0-100)."""
    base = Chart(chart_id, title, unit, (), (), width, height)
    if not series:
        return base
    values = [v for _, v, _ in series]
    lo, hi = fixed or (min(values), max(values))
    if hi - lo < 1e-9:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    elif not fixed:
        pad = (hi - lo) * 0.12
        lo, hi = (0.0 if lo >= 0 and lo - pad < 0 else lo - pad), hi + pad
    inner_w = base.width - base.left - base.right
    inner_h = base.height - base.top - base.bottom
    step = inner_w / (len(series) - 1) if len(series) > 1 else 0.0

    def y_of(v: float) -> float:
        return base.top + inner_h * (1 - (v - lo) / (hi - lo))

    points = tuple(
        ChartPoint(base.left + (i * step if len(series) > 1 else inner_w / 2), y_of(v), v, label, cur)
        for i, (label, v, cur) in enumerate(series))
    # Label the range itself for scores (0 and 100); otherwise the highest and lowest values.
    top, bottom = (hi, lo) if fixed else (max(values), min(values))
    ticks = ((y_of(top), number(top)),) + (((y_of(bottom), number(bottom)),) if bottom != top else ())
    return Chart(chart_id, title, unit, points, ticks, width, height)


def _date_label(started: str) -> str:
    try:
        return datetime.fromisoformat(started).strftime("%b %d, %H:%M").replace(" 0", " ")
    except ValueError:
        return started[:16]


def overall_chart(data: list[dict], current: str | None = None, wide: bool = False) -> Chart:
    series = [(_date_label(d["started"]), d["overall"], d["session_id"] == current)
              for d in data if d["overall"] is not None]
    size = {"width": 560, "height": 170} if wide else {}
    return line_chart("chart-overall", "Overall score", "out of 100", series, fixed=(0, 100), **size)


def metric_chart(data: list[dict], name: str, current: str | None = None) -> Chart:
    unit, measured, series = metric_series(data, name)
    points = [(_date_label(d["started"]), v, d["session_id"] == current) for d, v in series]
    return line_chart(f"chart-{name}", metric_label(name), unit, points,
                      fixed=None if measured else (0, 100))


# --- the pieces of a session report --------------------------------------------------------


class _AudioFolder:
    """Copies recordings next to the report and hands back their relative links."""

    def __init__(self, report: Path):
        self.folder = report.with_name(f"{report.stem}_audio")
        self.copied: list[Path] = []

    def link(self, source: Path | None, name: str) -> str | None:
        if source is None or not Path(source).is_file():
            return None
        target = self.folder / f"{name}{Path(source).suffix.lower() or '.wav'}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            os.chmod(target, 0o600)  # the candidate's voice: owner only, like the originals
        except OSError as exc:
            raise UserError(f"{self.folder}: cannot copy the recordings there ({exc.strerror})") from None
        self.copied.append(target)
        return f"{quote(self.folder.name)}/{quote(target.name)}"

    def drop_stale(self) -> None:
        """Remove recordings an earlier report of the same name copied and this one did not."""
        if not self.folder.is_dir():
            return
        for old in self.folder.iterdir():
            if OUR_AUDIO.fullmatch(old.name) and old not in self.copied:
                old.unlink(missing_ok=True)


def _transcript_view(answer: Answer) -> dict:
    marked = mark_transcript(answer.score)
    pieces = []
    for piece in marked.pieces:
        if isinstance(piece, Pause):
            pieces.append({"pause": True, "seconds": piece.seconds, "start": piece.start,
                           "note": piece.note})
        else:
            assert isinstance(piece, Run)
            cue = CUES.get(piece.kind or "", ("", ""))
            words = [{"text": w.text, "start": w.start, "end": w.end} for w in piece.words]
            tail = ""
            if piece.kind:  # the closing cue goes before the punctuation: [um],
                words[-1]["text"], tail = split_tail(words[-1]["text"])
            pieces.append({"pause": False, "kind": piece.kind, "metric": piece.metric,
                           "note": piece.note, "name": MARK_NAMES.get(piece.kind or "", ""),
                           "cue_left": cue[0], "cue_right": cue[1], "words": words, "tail": tail})
    return {"pieces": pieces, "timed": marked.timed, "kinds": marked.kinds(),
            "located": marked.located, "empty": not marked.words}


def _metric_views(answer: Answer, located: dict) -> list[dict]:
    views = []
    for m in answer.score.metrics:
        evidence = []
        for n, ev in enumerate(m.evidence):
            span = located.get((m.name, n))
            evidence.append({"quote": ev.quote, "note": ev.note, "start": ev.start,
                             "first": span.start if span else None,
                             "last": span.stop - 1 if span else None})
        views.append({"name": m.name, "label": metric_label(m.name), "score": m.score,
                      "band": score_band(m.score), "value": format_value(m), "evidence": evidence})
    return views


def _answer_view(number_: int, answer: Answer, audio: _AudioFolder) -> dict:
    stem = f"{number_:02d}-{answer.question.id}" + (f"-{answer.turn}" if answer.turn else "")
    transcript = _transcript_view(answer)
    return {
        "number": number_, "id": f"answer-{number_}", "question": answer.question,
        "context": answer_context(answer), "turn": answer.turn, "follow_up": answer.follow_up,
        "prompt_audio": audio.link(answer.prompt_audio, f"{stem}-question"),
        "audio": audio.link(answer.audio, f"{stem}-answer"),
        "had_audio": answer.audio is not None,
        "overall": answer.score.overall, "band": score_band(answer.score.overall),
        "transcript": transcript, "metrics": _metric_views(answer, transcript["located"]),
        "tips": answer.score.tips, "duration": answer.score.transcript.duration,
    }


# --- rendering -----------------------------------------------------------------------------


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined)
    env.filters.update(clock=clock, label=metric_label, number=number, date=_date_label,
                       first_sentence=_first_sentence)
    env.globals.update(version=__version__, MARK_NAMES=MARK_NAMES, CUES=CUES)
    return env


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text


def _asset(name: str) -> Markup:
    # Our own files, inlined as they are (the autoescape protects the data, not our code).
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))


def _render(template: str, **context) -> str:
    return _environment().get_template(template).render(
        css=_asset("report.css"), js=_asset("report.js"), generated=datetime.now().astimezone()
        .strftime("%B %d, %Y at %H:%M").replace(" 0", " "), **context)


def _write(path: Path, html: str) -> Path:
    """Write through a temporary file and a rename, so a reader never sees half a report."""
    if path.is_dir():
        raise UserError(f"{path}: is a folder; give a file name such as {path / 'report.html'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".html.part", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the report ({exc.strerror})") from None
    return path


def write_session_report(session: Session, notebook: Notebook, path: Path) -> Path:
    """One session: verdict, tips, trends, then every answer with its recordings and marks."""
    path = Path(path).expanduser().absolute()
    audio = _AudioFolder(path)
    answers = [_answer_view(i, a, audio) for i, a in enumerate(session.answers, 1)]
    overall = session_overall(session)
    data = progress_data(notebook)
    charts = [overall_chart(data, session.id)]
    charts += [metric_chart(data, name, session.id) for name in SESSION_CHART_METRICS]
    audio.drop_stale()
    html = _render("session.html.j2", session=session, answers=answers, charts=charts,
                   overall=overall, overall_band=score_band(overall), sessions_count=len(data),
                   started=_date_label(session.started))
    return _write(path, html)


def write_progress_report(notebook: Notebook, path: Path) -> Path:
    """Every metric's trend across sessions, one small chart each, with the tips given."""
    path = Path(path).expanduser().absolute()
    data = progress_data(notebook)
    tips = [dict(r) for r in notebook.tips()]
    metrics = []
    for name in metric_names(data):
        chart = metric_chart(data, name)
        scores = [d["scores"][name] for d in data if name in d["scores"]]
        metrics.append({"name": name, "chart": chart, "trend": trend_word(scores),
                        "last_score": scores[-1] if scores else None,
                        "tips": [t for t in tips if t["area"] == name]})
    # Weakest first: what to work on is what a candidate opens this page for.
    metrics.sort(key=lambda m: (m["last_score"] is None, m["last_score"] or 0))
    html = _render("progress.html.j2", data=data, overall=overall_chart(data, wide=True), metrics=metrics,
                   tips=tips, first=data[0] if data else None, last=data[-1] if data else None)
    return _write(path, html)
