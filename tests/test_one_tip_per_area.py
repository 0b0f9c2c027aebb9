"""One open tip per area: a tip given again replaces last time's, which stays in the history.

A new user's five typed sessions (2026-12-01) left FOUR open "Structure" tips in the notebook, one
per session, each with its own progress line ("Tips so far: 8 given"). A recruiter's notebook
carries one line per area, updated, with how long it has been worked on.
"""

from __future__ import annotations

import json
import re

from simulator.notebook import Notebook, TipStatus
from simulator.notebook.history import session_points, tip_progress, update_tip_progress
from simulator.types import Tip

from conftest import run_cli
from test_notebook import fillers_answer, make_answer, one_session
from test_review import page_text

STRUCTURE = Tip("structure", "Tell it as situation, action, result.", 25.0, "situation, task, action, result")
EMPATHY = Tip("empathy", "Say how the customer felt.", 20.0)


def statuses(nb: Notebook) -> dict[int, tuple[str, str, int | None]]:
    return {t.id: (t.area, t.status.value, t.replaced_by) for t in nb.tips()}


def open_areas(nb: Notebook) -> list[str]:
    return sorted(t.area for t in nb.tips(TipStatus.OPEN))


def test_a_tip_given_again_replaces_the_open_one_of_its_area_and_keeps_its_history(home):
    from simulator.notebook.history import tip_histories

    with Notebook(home) as nb:
        first = one_session(nb, make_answer(), [STRUCTURE, EMPATHY])
        one_session(nb, make_answer(), [STRUCTURE])
        one_session(nb, make_answer())  # structure not tipped this time: still open, not replaced
        one_session(nb, make_answer(), [STRUCTURE])
        last = one_session(nb, make_answer(), [STRUCTURE])
        tips = nb.tips()  # newest first
        structure = [t for t in tips if t.area == "structure"]
        assert open_areas(nb) == ["empathy", "structure"]  # one open tip per area
        assert [t.status for t in structure] == [TipStatus.OPEN] + [TipStatus.REPLACED] * 3
        # Each replaced by the next one given, never met, never lost.
        assert [t.replaced_by for t in structure] == [None] + [t.id for t in structure[:-1]]
        assert all(t.met_session is None for t in structure)
        histories = tip_histories(tips, [s.id for s in reversed(nb.sessions())])
        newest = histories[structure[0].id]
        assert (newest.given, newest.first.session_id, newest.sessions) == (4, first, 5)
        assert structure[0].session_id == last
        assert histories[next(t.id for t in tips if t.area == "empathy")].given == 1
        assert [p.standing.value for p in tip_progress(tips, session_points(nb)) if p.saved.area == "structure"] == [
            "nothing newer", "replaced", "replaced", "replaced"]


def test_two_tips_of_one_area_in_one_session_do_not_replace_each_other(home):
    with Notebook(home) as nb:
        first = one_session(nb, make_answer(), [STRUCTURE, Tip("structure", "And finish with the result.")])
        assert [t.status for t in nb.tips()] == [TipStatus.OPEN, TipStatus.OPEN]
        one_session(nb, make_answer(), [STRUCTURE])
        newest = nb.tips()[0]
        older = [t for t in nb.tips() if t.session_id == first]
    # The newer session's tip replaces both; neither of the first session's replaced the other.
    assert newest.status is TipStatus.OPEN
    assert [(t.status, t.replaced_by) for t in older] == [(TipStatus.REPLACED, newest.id)] * 2


def test_a_met_tip_stays_met_when_its_area_is_tipped_again(home):
    with Notebook(home) as nb:
        one_session(nb, fillers_answer(9.0), [Tip("fillers", "Fewer ums.", 9.0, "3 or fewer")])
        for rate in (2.0, 1.0):
            update_tip_progress(nb, one_session(nb, fillers_answer(rate)))
        [met] = nb.tips()
        assert met.status is TipStatus.MET
        one_session(nb, fillers_answer(8.0), [Tip("fillers", "Fewer ums again.", 8.0, "3 or fewer")])
        again, before = nb.tips()
    assert (before.id, before.status, before.replaced_by) == (met.id, TipStatus.MET, None)
    assert again.status is TipStatus.OPEN


def test_a_tip_met_by_the_session_that_tips_its_area_again_is_met_not_replaced(home):
    # In range last time and on average today, yet one answer earned a polish tip on it today: the
    # old tip was met (in range twice running), and today's is the area's open tip.
    with Notebook(home) as nb:
        one_session(nb, fillers_answer(9.0), [Tip("fillers", "Fewer ums.", 9.0, "3 or fewer")])
        update_tip_progress(nb, one_session(nb, fillers_answer(2.0)))
        today = one_session(nb, fillers_answer(1.0), [Tip("fillers", "One um left.", 1.0, "3 or fewer")])
        assert len(update_tip_progress(nb, today)) == 1
        new, old = nb.tips()
    assert (old.status, old.met_session, old.replaced_by) == (TipStatus.MET, today, None)
    assert new.status is TipStatus.OPEN


def test_forgetting_a_session_gives_its_area_back_to_the_tip_it_replaced(home):
    with Notebook(home) as nb:
        one_session(nb, make_answer(), [STRUCTURE])
        middle = one_session(nb, make_answer(), [STRUCTURE])
        last = one_session(nb, make_answer(), [STRUCTURE])
        first_id, middle_id, last_id = sorted(t.id for t in nb.tips())
        nb.delete_session(middle)  # the first tip is now replaced by the last one directly
        assert statuses(nb) == {first_id: ("structure", "replaced", last_id), last_id: ("structure", "open", None)}
        nb.delete_session(last)  # nothing newer: the first tip is the area's open one again
        assert statuses(nb) == {first_id: ("structure", "open", None)}


def practise(answer: str, *extra: str):
    done = run_cli("practice", "--ask", "angry-customer-time", "--input", "keyboard", "--no-voice",
                   "--no-follow-ups", *extra, input=f"{answer}\n\n")
    assert done.returncode == 0, done.stderr
    return done


VAGUE = "I would stay calm and help them, I guess. I think customers just want to be heard."
OLD_TIP_KEYS = {"id", "session_id", "position", "area", "text", "value", "target", "status", "met_session",
                "started", "medium"}


def test_typed_sessions_through_the_cli_keep_one_line_per_area(tmp_path):
    for _ in range(3):
        practise(VAGUE)
    tips, every = run_cli("tips").stdout, run_cli("tips", "--all").stdout
    flat = " ".join(tips.split())
    areas = re.findall(r"\[open\] (\w+):", tips)
    assert areas and len(areas) == len(set(areas)) and "Structure" in areas, tips
    assert flat.count("Given in each of your 3 sessions since") == len(areas)
    assert "25 out of 100 the first time" in flat  # how the area went, from the first time it was given
    n = len(areas)
    assert (f"Tips so far: {3 * n} given: {n} still open, 0 met, {2 * n} replaced by newer advice on the same "
            "area.") in flat
    assert "[replaced]" not in tips and "tips --all" in flat
    assert every.count("[replaced]") == 2 * n and every.count("Replaced by newer advice on") == 2 * n
    # JSON: every tip, with the fields it had, and what is new beside them.
    listed = json.loads(run_cli("tips", "--json").stdout)
    assert len(listed) == 3 * n and all(OLD_TIP_KEYS < set(t) for t in listed)
    still_open = [t for t in listed if t["status"] == "open"]
    assert sorted(t["area"] for t in still_open) == sorted({t["area"] for t in listed})
    assert all(t["times_given"] == 3 and t["sessions_since_first_given"] == 3 for t in still_open)
    ids = {t["id"] for t in still_open}
    assert all(t["replaced_by"] in {u["id"] for u in listed} for t in listed if t["status"] == "replaced")
    assert {t["replaced_by"] for t in listed if t["status"] == "replaced"} - ids  # a chain, not a star
    # The next session opens with the same tips, one per area, and steers toward them.
    opened = practise(VAGUE, "--json")
    focus = json.loads(opened.stdout)["focus_from_last_time"]
    assert sorted((t["area"], t["text"]) for t in focus) == sorted((t["area"], t["text"]) for t in still_open)
    recap = opened.stderr.split("Last time's tips:", 1)[1].split("\n1 question", 1)[0]
    items = re.split(r"(?:^|\n)\s*- ", recap.strip())[1:]  # one per tip, long ones wrapped
    assert len(items) == n and all(" ".join(i.split()).endswith(" (it has come up in 3 sessions)") for i in items)
    # `progress` and its HTML page count the same.
    after = " ".join(run_cli("tips").stdout.split())
    summary = re.search(r"Tips so far: [^.]*\.", after).group(0)
    assert summary.startswith(f"Tips so far: {4 * n} given: {n} still open, 0 met, {3 * n} replaced")
    assert summary in " ".join(run_cli("progress").stdout.split())
    page = tmp_path / "progress.html"
    assert run_cli("progress", "--html", str(page)).returncode == 0
    timeline = page.read_text(encoding="utf-8").split('class="timeline"', 1)[1]
    assert timeline.count("\u25cb open") == n and timeline.count("\u21bb replaced") == 3 * n
    assert summary in " ".join(page_text(page.read_text(encoding="utf-8")).split())
