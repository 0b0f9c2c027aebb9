"""HTML reports that work from disk with no network: one session, or progress across sessions.

The same model as the terminal review (`marks`, `evidence`, `progress`), rendered with the
templates in `templates/`. Styles, the script and the charts (inline SVG, `charts.py`) are inside
the HTML file. Recordings are copied next to it, into a folder named after the file
(`report.html` -> `report_audio/`), and linked relatively: a session's WAV files run to
megabytes, which as base64 would make the page slow to open, and a relative folder keeps working
when both are moved or zipped together.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..errors import UserError
from ..notebook import Notebook
from ..notebook.history import MetricSeries, session_points
from ..coach.retry import Retry, remark
from ..coach.targets import aim_for
from ..types import Answer, Medium, Session
from ..wording import first_sentence, plural
from .asked import answers_count, by_question
from .charts import series_chart
from .evidence import evidence_lines, more_text
from .figures import answer_context, clock, date_label, format_value, metric_label, number, score_band, session_overall
from .marks import CUES, MARK_NAMES, Pause, Run, mark_transcript, split_tail
from .progress import (
    MEDIUM_NAMES, MediumProgress, history_line, medium_progress, progress, tip_line, tips_summary, tips_with_progress,
)

TEMPLATES = Path(__file__).parent / "templates"
CHARTED = 2  # metrics charted beside the overall at the top of a session report
EVIDENCE_SHOWN = 4  # evidence lines shown per metric; the rest fold away
OUR_AUDIO = re.compile(r"\d{2}-[a-z0-9-]+-(?:answer|question)\.\w+")  # names _AudioFolder gives


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
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # the candidate's voice
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


# --- the pieces of a session report --------------------------------------------------------


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
        lines = evidence_lines(m, located)
        views.append({"name": m.name, "label": metric_label(m.name), "score": m.score,
                      "band": score_band(m.score), "value": format_value(m),
                      "evidence": lines[:EVIDENCE_SHOWN], "more": lines[EVIDENCE_SHOWN:],
                      "more_text": more_text(lines[EVIDENCE_SHOWN:])})
    return views


def _second_try_view(again: Retry | None, stem: str, audio: _AudioFolder) -> dict | None:
    """Coach mode's second try of the answer: its score against the first, what it said, what changed."""
    if again is None:
        return None
    c = again.comparison
    return {"overall": c.overall_after, "before": c.overall_before, "band": score_band(c.overall_after),
            "text": again.score.transcript.text, "remark": remark(c), "tips": again.score.tips,
            "audio": audio.link(again.audio, f"{stem}-second-try")}


def _answer_view(number_: int, answer: Answer, audio: _AudioFolder, again: Retry | None = None) -> dict:
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
        "second_try": _second_try_view(again, stem, audio),
    }


# --- rendering -----------------------------------------------------------------------------


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined)
    env.filters.update(clock=clock, label=metric_label, number=number, date=date_label,
                       first_sentence=first_sentence, plural=plural, aim_for=aim_for)
    env.globals.update(version=__version__, MARK_NAMES=MARK_NAMES, CUES=CUES, MEDIUM_NAMES=MEDIUM_NAMES)
    return env


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
    """One session: verdict, what was strong, tips, trends, then every answer with its marks."""
    path = Path(path).expanduser().absolute()
    audio = _AudioFolder(path)
    second = dict(notebook.retries(session.id))  # coach mode's second tries, by position
    answers = [_answer_view(i, a, audio, second.get(i)) for i, a in enumerate(session.answers, 1)]
    # A role-play call is one question: its scenario once, its replies under it.
    asked = [{"number": q.number, "question": q.question, "call": q.is_call,
              "replies": [answers[i - 1] for i, _ in q.answers]} for q in by_question(session.answers)]
    overall = session_overall(session)
    medium = Medium.of(session.answers)
    # Its trend among sessions of its own medium: typed with typed, spoken with spoken.
    group = medium_progress(medium or Medium.SPOKEN,
                            [p for p in session_points(notebook) if medium is not None and p.medium == medium])
    charts = [series_chart(s, "session", session.id) for s in (group.overall, *_charted(session, group))]
    audio.drop_stale()
    html = _render("session.html.j2", session=session, answers=answers, asked=asked,
                   answers_count=answers_count(session.answers), charts=charts,
                   overall=overall, overall_band=score_band(overall), sessions_count=len(group.points),
                   medium=medium, started=date_label(session.started))
    return _write(path, html)


def _charted(session: Session, group: MediumProgress) -> list[MetricSeries]:
    """The metrics worth a chart in a session's report: those its tips are about, then its weakest."""
    mine = next((p for p in group.points if p.session_id == session.id), None)
    weakest = sorted(mine.scores, key=mine.scores.get) if mine else []
    by_name = {s.name: s for s in group.metrics if s.points}
    names = dict.fromkeys(n for n in (*(t.area for t in session.tips), *weakest) if n in by_name)
    return [by_name[n] for n in list(names)[:CHARTED]]


def write_progress_report(notebook: Notebook, path: Path) -> Path:
    """Every metric's trend across sessions (typed and spoken apart), one chart each, and the tips."""
    path = Path(path).expanduser().absolute()
    points = session_points(notebook)
    tips = tips_with_progress(notebook, points)
    sections = []
    for group in progress(points):
        metrics = []
        for series in group.metrics:
            scores = [p.scores[series.name] for p in group.points if series.name in p.scores]
            mine = [t for t in tips if t.saved.area == series.name and Medium.alike(t.medium, group.medium)]
            shown = next((t for t in mine if not t.saved.replaced), None)  # the area's one open tip, or met
            metrics.append({"name": series.name, "chart": series_chart(series, group.medium.value),
                            "last_score": scores[-1] if scores else None, "last": series.points[-1].value
                            if series.points else None, "tip": shown, "tip_count": len(mine)})
        # Weakest first: what to work on is what a candidate opens this page for.
        metrics.sort(key=lambda m: (m["last_score"] is None, m["last_score"] or 0))
        sections.append({"group": group, "overall": series_chart(group.overall, group.medium.value, wide=True),
                         "metrics": metrics})
    moved = [(s["group"].medium, s["group"].overall.points) for s in sections if len(s["group"].points) > 1]
    moved_text = "; ".join(f"{'on ' + m.value + ' answers ' if len(sections) > 1 else ''}went from "
                           f"{p[0].value:.0f} to {p[-1].value:.0f}" for m, p in moved)
    html = _render("progress.html.j2", points=points, sections=sections, tips=tips,
                   moved=f"Your overall score {moved_text}." if moved else "",
                   tip_line=tip_line, history_line=history_line, summary=tips_summary(tips) if tips else "",
                   first=points[0] if points else None, last=points[-1] if points else None)
    return _write(path, html)
