"""Looking back: marks from the real scoring's evidence, the terminal review, the HTML reports.

Typed answers go through the real scoring and coach (fast); spoken ones through espeak-ng,
Whisper and the real scoring (slow, built once per module).
"""

from __future__ import annotations

import html
import os
import re
import stat
from pathlib import Path

import numpy as np
import pytest

from simulator import audio, banks, coach, review
from simulator.assess import score_answer
from simulator.notebook import Notebook
from simulator.notebook.history import metric_names, metric_series, session_points
from simulator.review.html import write_progress_report, write_session_report
from simulator.types import Answer, Question, Recording, Transcript

from conftest import run_cli

FILLERS_AND_HEDGES = ("Um, I guess I want this job because I like helping people. Um, my last "
                      "manager was difficult, so it was not my fault. Um, maybe I would grow here.")
STRONG = ("I really enjoy helping people, and in my last job at a store customers came to me when "
          "something went wrong. Every call is different, I'm a good communicator, and I want "
          "to grow with the company.")
SPOKEN_FIRST = "Um, I guess I want to work in a call center because I really enjoy helping people."
SPOKEN_SECOND = "Every call is different, and maybe that keeps it interesting. It was not my fault."
PAUSE_SECONDS = 3.0


def question(qid: str) -> Question:
    """A bundled question, as a session would ask it."""
    core = banks.load_bank(banks.bundled_banks_dir() / "call-center-core.yaml", bundled=True)
    return banks.find_question([core], qid)


def typed(q: Question, text: str, turn: int | None = None, follow_up: str | None = None) -> Answer:
    score = score_answer(q, Transcript.typed(text), None, turn=turn)
    return Answer(question=q, score=score, turn=turn, follow_up=follow_up)


def save_session(home: Path, answers: list[Answer]) -> str:
    """A finished session in the notebook, with the real coach's verdict and tips."""
    with Notebook(home) as nb:
        focus = [t for _, t in nb.open_tips()]
        sid = nb.start_session(focus=focus)
        for a in answers:
            nb.save_answer(sid, a)
        feedback = coach.session_feedback(answers, focus)
        nb.finish_session(sid, feedback.verdict, list(feedback.tips), strength=feedback.strength,
                          tracked=feedback.tracked)
    return sid


def load_session(home: Path, sid: str):
    with Notebook(home) as nb:
        return nb.session(sid)


def page_text(page: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def marks(text_lines: list[str]) -> dict[str, list[str]]:
    text = " ".join(text_lines)
    return {"filler": re.findall(r"\[([^\]]+)\]", text), "hedge": re.findall(r"«([^»]+)»", text),
            "flag": re.findall(r"!!(.+?)!!", text), "pause": re.findall(r"\(… ([\d.]+) s pause …\)", text)}


# --- marks from typed answers (untimed evidence: located by quote) -------------------------


def test_typed_answer_marks_exactly_the_fillers_hedges_and_red_flags():
    answer = typed(question("why-call-center"), FILLERS_AND_HEDGES)
    found = marks(review.format_transcript(review.mark_transcript(answer.score)))
    # The evidence quotes carry context ("Um, I guess I want this"); only the phrase is marked.
    assert found["filler"] == ["Um", "Um", "Um"]
    assert found["hedge"] == ["I guess", "maybe"]
    assert found["flag"] and all("fault" in f for f in found["flag"])
    assert "manager" not in " ".join(found["flag"])
    assert found["pause"] == []  # typed: no times, no pauses


def test_every_mark_comes_from_a_metric_evidence_quote():
    score = typed(question("why-call-center"), FILLERS_AND_HEDGES).score
    marked = review.mark_transcript(score)
    quotes = {m.name: " ".join(e.quote.lower() for e in m.evidence) for m in score.metrics}
    runs = [p for p in marked.pieces if isinstance(p, review.Run) and p.kind]
    assert runs
    for run in runs:
        said = " ".join(re.sub(r"[^\w' ]", "", w.text.lower()) for w in run.words)
        assert said in re.sub(r"[^\w' ]", "", quotes[run.metric]), (run.metric, said)


def test_a_transcript_without_marks_is_shown_as_said():
    answer = typed(question("why-call-center"), STRONG)
    lines = review.format_transcript(review.mark_transcript(answer.score))
    assert " ".join(" ".join(lines).split()) == STRONG
    assert not any(marks(lines).values())


# --- the terminal review -------------------------------------------------------------------


def test_session_review_shows_each_answer_its_scores_the_verdict_and_tips(home):
    answers = [typed(question("why-call-center"), FILLERS_AND_HEDGES,
                     follow_up="What do you think will be the hardest part?"),
               typed(question("double-billed-caller"), "Thank you for calling, my name is Sam. "
                     "I'm so sorry about that, let me fix it for you.", turn=1)]
    session = load_session(home, save_session(home, answers))
    text = review.format_session(session, colour=False)
    for a in session.answers:
        assert a.question.text.split()[0] in text
        for m in a.score.metrics:
            assert review.metric_label(m.name) in text
    customer_line = question("double-billed-caller").turns[0].line
    assert f"Customer: {customer_line}"[:60] in " ".join(text.split())
    assert "Follow-up: What do you think will be the hardest part?" in text
    assert f"Verdict: {session.verdict}" in " ".join(text.split())
    # A long verdict wraps like the rest (it ran past 90 columns, a new user's read, 2026-12-01).
    from dataclasses import replace

    from simulator.scoring.thresholds import KNOCKOUT_VERDICT

    long = review.format_session(replace(session, verdict=KNOCKOUT_VERDICT), colour=False)
    verdict = long[long.index("Verdict:"):].split("What to work on")[0]
    assert len(verdict.splitlines()) > 1 and all(len(line) <= review.terminal.WIDTH for line in verdict.splitlines())
    for tip in session.tips:
        assert tip.text[:40] in " ".join(text.split())
    assert "\x1b[" not in text


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    score = typed(question("why-call-center"), FILLERS_AND_HEDGES).score
    painted = "\n".join(review.format_transcript(review.mark_transcript(score), colour=True))
    assert "\x1b[" in painted
    assert re.sub(r"\x1b\[[\d;]*m", "", painted) == \
        "\n".join(review.format_transcript(review.mark_transcript(score), colour=False))

    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert review.use_colour(Tty())
    assert not review.use_colour(open(os.devnull, "w"))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not review.use_colour(Tty())


def test_cli_review_tips_and_progress_from_the_notebook(home, tmp_path):
    assert "No sessions yet" in run_cli("review").stdout
    save_session(home, [typed(question("why-call-center"), FILLERS_AND_HEDGES)])
    sid = save_session(home, [typed(question("why-call-center"), STRONG)])

    listing = run_cli("review")
    assert listing.returncode == 0 and sid in listing.stdout
    latest = run_cli("review", "latest")
    assert latest.returncode == 0, latest.stderr
    assert "What you said:" in latest.stdout and "Verdict:" in latest.stdout
    assert "\x1b[" not in latest.stdout  # a pipe is not a terminal

    report = tmp_path / "out" / "my report.html"
    report.parent.mkdir()  # an output file's folder must exist (test_cli_guards.py)
    made = run_cli("review", sid, "--html", str(report))
    assert made.returncode == 0, made.stderr
    assert report.is_file() and str(report) in made.stderr and made.stdout == ""

    progress = run_cli("progress")
    assert progress.returncode == 0 and "Overall" in progress.stdout and "Fillers" in progress.stdout
    chart = tmp_path / "progress.html"
    assert run_cli("progress", "--html", str(chart)).returncode == 0 and chart.is_file()
    tips = run_cli("tips")
    assert tips.returncode == 0 and "[open]" in tips.stdout


# --- HTML ----------------------------------------------------------------------------------


HOSTILE = 'It was <script>alert("x")</script> not my fault "><img src=x onerror=alert(1)> & so on.'


def test_html_escapes_everything_the_user_said(home, tmp_path):
    hostile_q = Question(id="custom", text="Why <b>us</b>?", category="<i>cat</i>")
    sid = save_session(home, [typed(hostile_q, HOSTILE)])
    with Notebook(home) as nb:
        path = write_session_report(nb.session(sid), nb, tmp_path / "r.html")
    page = path.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>us</b>" not in page
    assert "&lt;script&gt;alert" in page and "Why &lt;b&gt;us&lt;/b&gt;?" in page
    assert page.count("<script>") == 1  # ours, inline


def test_html_session_report_structure(home, tmp_path):
    answers = [typed(question("why-call-center"), FILLERS_AND_HEDGES, follow_up="What will be hardest?"),
               typed(question("double-billed-caller"), "Thank you for calling, my name is Sam.", turn=1)]
    sid = save_session(home, answers)
    with Notebook(home) as nb:
        session = nb.session(sid)
        page = write_session_report(session, nb, tmp_path / "r.html").read_text(encoding="utf-8")
    text = page_text(page)
    assert page.count("<h1") == 1 and page.count("<h3") == len(answers)
    assert session.verdict in text
    for tip in session.tips:
        assert " ".join(tip.text.split()) in text
    assert question("double-billed-caller").turns[0].line in text
    assert "Follow-up What will be hardest?" in text
    assert 'class="m m-filler"' in page and 'class="m m-hedge"' in page and 'class="m m-flag"' in page
    assert "<audio" not in page  # typed answers: nothing to play
    assert "http://" not in page and "https://" not in page  # nothing from the network
    # The overall, then the areas of the session's tips (else its weakest), among typed sessions.
    assert page.count('<figure class="chart"') == 3 and page.count("<svg") == 3
    charted = re.findall(r'<span class="chart-title">([^<]+)</span>', page)
    tip_areas = [review.metric_label(t.area) for t in session.tips][:2]
    assert charted[0] == "Overall score" and tip_areas and charted[1:1 + len(tip_areas)] == tip_areas
    assert "This is your first typed session" in text


def test_progress_report_has_a_chart_per_metric_and_the_tips(home, tmp_path):
    for text in (FILLERS_AND_HEDGES, STRONG, STRONG + " I resolved 30 calls a day."):
        save_session(home, [typed(question("why-call-center"), text)])
    with Notebook(home) as nb:
        points = session_points(nb)
        tips = nb.tips()
        page = write_progress_report(nb, tmp_path / "p.html").read_text(encoding="utf-8")
        table = review.format_progress(nb)
    names = metric_names(points)
    assert len(points) == 3 and names
    charted = [n for n in names if metric_series(points, n).points]
    assert page.count("<svg") == 1 + len(charted)
    for n in names:
        assert review.metric_label(n) in page and review.metric_label(n) in table
    assert tips and all(" ".join(t.text.split()) in page_text(page) for t in tips)
    first, last = points[0].overall, points[-1].overall
    assert f"went from {first:.0f} to {last:.0f}" in page
    lines = table.splitlines()
    assert lines[0] == "Typed answers, 3 sessions"
    assert lines[3].split()[1:4] == [f"{p.overall:.0f}" for p in points]


def test_empty_notebook_reports(home, tmp_path):
    with Notebook(home) as nb:
        assert "No sessions" in review.format_progress(nb)
        page = write_progress_report(nb, tmp_path / "p.html").read_text(encoding="utf-8")
    assert "No sessions with answers yet" in page


# --- spoken answers: timed evidence, pauses, recordings ------------------------------------


@pytest.fixture(scope="module")
def spoken(tmp_path_factory, speak, transcriber) -> list[Answer]:
    """Two real spoken answers (one with a long pause), with the interviewer's prompts."""
    folder = tmp_path_factory.mktemp("spoken")
    why, billed = question("why-call-center"), question("double-billed-caller")
    first = audio.load(speak(SPOKEN_FIRST, "first"))
    second = audio.load(speak(SPOKEN_SECOND, "second"))
    silence = np.zeros(int(PAUSE_SECONDS * 16_000), np.float32)
    samples = np.concatenate([first, silence, second])
    reply = audio.load(speak("Thank you for calling, my name is Sam. I'm so sorry you were "
                             "charged twice. Let me fix that for you right now.", "reply"))
    answers = []
    for q, s, turn, prompt_text in ((why, samples, None, why.text), (billed, reply, 1, billed.turns[0].line)):
        wav = audio.write_wav(folder / f"{q.id}.wav", s)
        prompt = audio.write_wav(folder / f"prompt-{q.id}.wav", audio.load(speak(prompt_text)))
        recording = Recording(samples=s, path=wav, time_to_start=0.8)
        score = score_answer(q, transcriber.transcribe(s), recording, turn=turn)
        answers.append(Answer(q, score, turn=turn, audio=wav, prompt_audio=prompt))
    return answers


@pytest.mark.slow
def test_spoken_answer_marks_words_by_time_and_shows_the_long_pause(spoken):
    score = spoken[0].score
    marked = review.mark_transcript(score)
    pauses = [p for p in marked.pieces if isinstance(p, review.Pause)]
    assert len(pauses) == 1 and PAUSE_SECONDS - 0.8 <= pauses[0].seconds <= PAUSE_SECONDS + 0.8
    # The pause sits between the two sentences: the word after it starts the second one.
    after = marked.pieces[marked.pieces.index(pauses[0]) + 1]
    assert after.words[0].text.lower().startswith("every")
    found = marks(review.format_transcript(marked))
    assert found["pause"] and found["hedge"] and found["flag"]
    # Timed evidence: each marked word's time lies inside a timed evidence span of its metric.
    for run in (p for p in marked.pieces if isinstance(p, review.Run) and p.kind):
        spans = [(e.start, e.end) for e in score.metric(run.metric).evidence if e.start is not None]
        for w in run.words:
            mid = (w.start + w.end) / 2
            assert any(s - 0.06 <= mid <= e + 0.06 for s, e in spans), (run.metric, w)


@pytest.mark.slow
def test_session_report_copies_recordings_next_to_it_with_relative_links(home, tmp_path, spoken):
    sid = save_session(home, spoken)
    target = tmp_path / "reports" / "my session.html"
    with Notebook(home) as nb:
        path = write_session_report(nb.session(sid), nb, target)
    page = path.read_text(encoding="utf-8")
    sources = re.findall(r'<audio[^>]*src="([^"]+)"', page)
    assert len(sources) == 4  # two answers, two prompts
    folder = target.parent / "my session_audio"
    for src in sources:
        assert not src.startswith(("/", "file:")) and src.startswith("my%20session_audio/")
        copied = target.parent / html.unescape(src).replace("%20", " ")
        assert copied.is_file() and copied.parent == folder
        assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # the candidate's voice: owner only
    assert sorted(p.read_bytes() for p in folder.iterdir()) == \
        sorted(Path(p).read_bytes() for a in spoken for p in (a.audio, a.prompt_audio))
    timed_words = re.findall(r'class="w" data-start="([\d.]+)"', page)
    assert len(timed_words) == sum(len(a.score.transcript.words) for a in spoken)
    assert "s pause" in page


@pytest.mark.slow
def test_a_recording_gone_from_the_data_folder_is_said_not_linked(home, tmp_path, spoken):
    gone = tmp_path / "gone.wav"
    answer = Answer(spoken[0].question, spoken[0].score, audio=gone)
    sid = save_session(home, [answer])
    with Notebook(home) as nb:
        page = write_session_report(nb.session(sid), nb, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<audio" not in page and "no longer in your data folder" in page
    assert not (tmp_path / "r_audio").exists()


@pytest.mark.slow
def test_a_report_written_again_keeps_only_its_own_recordings(home, tmp_path, spoken):
    target = tmp_path / "r.html"
    with Notebook(home) as nb:
        write_session_report(nb.session(save_session(home, spoken)), nb, target)
        mine = tmp_path / "r_audio" / "notes.txt"
        mine.write_text("the candidate's own file")
        write_session_report(nb.session(save_session(home, spoken[:1])), nb, target)
    left = sorted(p.name for p in (tmp_path / "r_audio").iterdir())
    assert left == ["01-why-call-center-answer.wav", "01-why-call-center-question.wav", "notes.txt"]


def test_a_word_the_engine_splits_is_shown_whole():
    # A new user's review (2026-12-01) showed "fast -paced" and "3 -5 business days": Whisper
    # gives "-paced" as a piece of the word before, with no leading space.
    from simulator.review.marks import mark_transcript, shown_words
    from simulator.review.terminal import format_transcript
    from simulator.types import Word

    from simulator.serialize import transcript_from_dict
    from simulator.transcribe.words import whisper_words

    pieces = [" I", " like", " fast", "-paced", " work,", " and", " refunds", " take", " 3", "-5", " business", " days."]
    words = tuple(whisper_words((p, 0.3 * k, 0.3 * k + 0.25, 0.95) for k, p in enumerate(pieces)))
    t = Transcript(text="".join(pieces).strip(), words=words, duration=4.0, engine="faster-whisper")
    # a row saved while words kept Whisper's leading space reads the same
    old_row = transcript_from_dict({"text": t.text, "duration": 4.0, "engine": "faster-whisper", "words": [
        {"word": p, "start": w.start, "end": w.end, "probability": 0.95} for p, w in zip(pieces, words)]})
    assert old_row.words == words
    assert [w.text for w in shown_words(t)][2:4] == ["fast-paced", "work,"]
    score = score_answer(question("why-call-center"), t)
    shown = " ".join(format_transcript(mark_transcript(score)))
    assert "fast-paced" in shown and "3-5 business" in shown and " -" not in shown
    quotes = [e.quote for m in score.metrics for e in m.evidence if e.quote]
    assert quotes and not any(" -" in q for q in quotes), quotes
    # An engine that puts no space before its words is read word by word, never glued.
    bare = Transcript(text="I like it", words=(Word("I", 0, .2), Word("like", .3, .5), Word("it", .6, .8)), duration=1.0)
    assert [w.text for w in shown_words(bare)] == ["I", "like", "it"]


def test_a_tip_is_shown_by_its_first_sentence_never_cut_inside_a_quoted_question():
    # A new user's progress report (2026-12-01) showed a met tip as 'When I asked "Our center is open
    # seven days a week, until 10 at night.', cut off inside the question it quoted.
    from simulator.review.html import _environment

    first = _environment().filters["first_sentence"]
    tip = ('When I asked "We open at six. Could you start that early?" you said "No way." Tell me what '
           'you can do. For next time, practise the line.')
    assert first(tip) == 'When I asked "We open at six. Could you start that early?" you said "No way."'
    assert first("Slow down a little. You were at 185 words a minute.") == "Slow down a little."
