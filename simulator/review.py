"""Looking back in the terminal: sessions, answers with their marks, metrics, tips, progress."""

from __future__ import annotations

from .notebook import Notebook, SessionSummary
from .types import Question, Score, Session


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def format_session_list(sessions: list[SessionSummary]) -> str:
    if not sessions:
        return "No sessions yet. Start one with `mock-interview practice` (or try `mock-interview demo`)."
    lines = [f"{'SESSION':<22} {'STARTED':<20} {'ANSWERS':>7} {'SCORE':>5}  VERDICT"]
    for s in sessions:
        score = f"{s.overall:.0f}" if s.overall is not None else "-"
        status = "" if s.status == "finished" else f" ({s.status})"
        lines.append(f"{s.id:<22} {s.started[:19].replace('T', ' '):<20} {s.answers:>7} {score:>5}  "
                     f"{s.verdict}{status}")
    lines.append("\nShow one with `mock-interview review SESSION_ID` (or `latest`).")
    return "\n".join(lines)


def format_score(question: Question, score: Score) -> str:
    lines = [f"Q: {question.text}", f"A: {score.transcript.text or '(nothing)'}",
             f"Overall: {score.overall:.0f}/100"]
    for m in score.metrics:
        value = "" if m.value is None else f" ({m.value}{' ' + m.unit if m.unit else ''})"
        shown = "n/a" if m.score is None else f"{m.score:.0f}"
        lines.append(f"  {m.name:<18} {shown:>4}{value}")
        for e in m.evidence[:2]:
            at = f"[{_clock(e.start)}] " if e.start is not None else ""
            lines.append(f"      {at}\"{e.quote}\" {e.note}".rstrip())
    for t in score.tips:
        lines.append(f"  Tip ({t.area}): {t.text}")
    return "\n".join(lines)


def format_session(session: Session) -> str:
    lines = [f"Session {session.id}, started {session.started}", ""]
    for i, a in enumerate(session.answers, 1):
        label = f" (customer line {a.turn})" if a.turn else ""
        lines.append(f"--- {i}. {a.question.id}{label}")
        if a.turn:
            lines.append(f"Customer: {a.question.turns[a.turn - 1].line}")
        lines.append(format_score(a.question, a.score))
        if a.follow_up:
            lines.append(f"  (follow-up asked: {a.follow_up})")
        lines.append("")
    lines.append(f"Verdict: {session.verdict}")
    for i, t in enumerate(session.tips, 1):
        lines.append(f"Tip {i} ({t.area}): {t.text}")
    return "\n".join(lines)


def format_tips(notebook: Notebook) -> str:
    rows = notebook.tips()
    if not rows:
        return "The notebook is empty: tips appear here after your first session."
    lines = []
    for r in rows:
        mark = "met " if r["status"] == "met" else "open"
        lines.append(f"[{mark}] {r['started'][:10]}  {r['area']}: {r['text']}")
    return "\n".join(lines)


def progress_data(notebook: Notebook) -> list[dict]:
    from .session import session_metric_values

    out = []
    for s in reversed(notebook.sessions()):
        values = session_metric_values(notebook.answers(s.id))
        out.append({"session_id": s.id, "started": s.started, "overall": s.overall,
                    "metrics": {k: round(v, 2) for k, v in values.items()}})
    return out


def format_progress(notebook: Notebook) -> str:
    data = progress_data(notebook)
    if not data:
        return "No sessions yet."
    names = sorted({k for d in data for k in d["metrics"]})
    lines = [f"{'SESSION':<22} {'OVERALL':>7} " + " ".join(f"{n[:10]:>10}" for n in names)]
    for d in data:
        overall = f"{d['overall']:.0f}" if d["overall"] is not None else "-"
        cells = " ".join(f"{d['metrics'][n]:>10.1f}" if n in d["metrics"] else f"{'-':>10}" for n in names)
        lines.append(f"{d['session_id']:<22} {overall:>7} {cells}")
    return "\n".join(lines)
