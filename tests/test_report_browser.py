"""The HTML reports in a real browser (headless Chromium), opened from disk as a candidate would.

Screenshots and the session report itself are kept in test-artifacts/.
"""

from __future__ import annotations

import shutil
import tempfile

import pytest
import soundfile as sf

from simulator.notebook import Notebook
from simulator.review.html import write_progress_report, write_session_report

from conftest import ARTIFACTS, need_tool
from test_review import FILLERS_AND_HEDGES, STRONG, question, save_session, spoken, typed  # noqa: F401

pytestmark = pytest.mark.slow

# Without the background-networking flags Chromium waits on a network that isn't there.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--mute-audio")


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium is not installed (make test-system-packages installs it)")
    driver_path = need_tool("chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_window_size(1100, 900)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver, condition, seconds: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))


def errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def screenshot(driver, name: str) -> None:
    """A full-page screenshot kept in test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1100, min(height, 12000))
    driver.save_screenshot(str(ARTIFACTS / name))
    driver.set_window_size(1100, 900)


def current_time(driver, index: int = 0) -> float:
    return driver.execute_script(
        "return document.querySelectorAll('audio.candidate')[arguments[0]].currentTime", index)


def test_session_report_from_disk_plays_and_words_seek_the_player(browser, home, spoken):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    save_session(home, [typed(question("why-call-center"), FILLERS_AND_HEDGES)])  # an earlier session
    sid = save_session(home, spoken)
    ARTIFACTS.mkdir(exist_ok=True)
    with Notebook(home) as nb:
        session = nb.session(sid)
        path = write_session_report(session, nb, ARTIFACTS / "session-report.html")
    browser.get(path.as_uri())

    # What was strong is shown with the verdict, as the interviewer said it.
    strong = browser.find_element(By.CSS_SELECTOR, ".verdict .strength")
    assert session.strength and strong.is_displayed()
    assert " ".join(strong.text.split()) == f"What was strong: {' '.join(session.strength.split())}"

    # Every player loads its copied recording through the relative link.
    players = browser.find_elements(By.CSS_SELECTOR, "audio")
    assert len(players) == 4
    wait(browser, lambda d: d.execute_script(
        "return [...document.querySelectorAll('audio')].every(a => a.readyState >= 1)"))
    durations = browser.execute_script(
        "return [...document.querySelectorAll('audio.candidate')].map(a => a.duration)")
    expected = [sf.info(str(a.audio)).duration for a in spoken]
    assert durations == pytest.approx(expected, abs=0.1)
    assert all(d > 0 for d in browser.execute_script(
        "return [...document.querySelectorAll('audio.prompt')].map(a => a.duration)"))

    # The transcript renders as focusable word buttons carrying their start times.
    words = browser.find_elements(By.CSS_SELECTOR, "#answer-1 .transcript .w")
    assert len(words) == len(spoken[0].score.transcript.words)
    assert {w.get_attribute("role") for w in words} == {"button"}
    assert [w.get_attribute("tabindex") for w in words[:2]] == ["0", "-1"]  # one tab stop

    # A click on a word moves the player there and highlights that word.
    target = words[len(words) // 2]
    start = float(target.get_attribute("data-start"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    target.click()
    assert current_time(browser) == pytest.approx(start, abs=0.35)
    wait(browser, lambda d: "now" in target.get_attribute("class"), 5)
    browser.execute_script("document.querySelector('audio.candidate').pause()")

    # The keyboard does the same: arrow to the next word, Enter plays from it.
    target.send_keys(Keys.ARROW_RIGHT)
    following = words[len(words) // 2 + 1]
    assert browser.switch_to.active_element == following
    following.send_keys(Keys.ENTER)
    assert current_time(browser) == pytest.approx(float(following.get_attribute("data-start")), abs=0.35)
    browser.execute_script("document.querySelector('audio.candidate').pause()")

    # An evidence time stamp seeks too.
    seek = browser.find_element(By.CSS_SELECTOR, "#answer-1 .seek")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", seek)
    seek.click()
    assert current_time(browser) == pytest.approx(float(seek.get_attribute("data-start")), abs=0.35)
    browser.execute_script("document.querySelectorAll('audio').forEach(a => { a.pause(); a.currentTime = 0; })")

    # Role-play: the customer's line is shown; the long pause is marked in the transcript.
    assert spoken[1].question.turns[0].line in browser.find_element(By.ID, "answer-2").text
    assert " s pause " in browser.find_element(By.CSS_SELECTOR, "#answer-1 .transcript").text
    assert errors(browser) == []
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "session-report.png")

    # In print the players go, the transcript stays.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script("""return [getComputedStyle(document.querySelector('audio')).display,
            getComputedStyle(document.querySelector('.transcript')).display]""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == ["none", "block"]


def test_progress_report_draws_a_chart_per_metric(browser, home, tmp_path):
    from selenium.webdriver.common.by import By

    for text in (FILLERS_AND_HEDGES, STRONG, STRONG + " Last year I handled 60 calls a day."):
        save_session(home, [typed(question("why-call-center"), text)])
    with Notebook(home) as nb:
        path = write_progress_report(nb, ARTIFACTS / "progress-report.html")
        tips = nb.tips()
    browser.get(path.as_uri())
    charts = browser.find_elements(By.CSS_SELECTOR, "svg")
    assert len(charts) >= 2
    for chart in charts:
        assert chart.size["width"] > 150 and chart.size["height"] > 50
        assert len(chart.find_elements(By.CSS_SELECTOR, "circle")) == 3  # one dot per session
        assert "over 3 sessions" in chart.get_attribute("aria-label")
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "h1, h2, h3")]
    assert headings[0] == "How you are coming along" and "Tips along the way" in headings
    timeline = browser.find_element(By.CSS_SELECTOR, ".timeline").text
    assert tips and all(" ".join(t.text.split())[:40] in " ".join(timeline.split()) for t in tips)
    assert errors(browser) == []
    screenshot(browser, "progress-report.png")


def test_progress_charts_slope_the_way_their_arrows_point(browser, home):
    """Spoken and typed sessions apart; on every chart the line goes the way its arrow says."""
    from selenium.webdriver.common.by import By

    from test_progress_and_tips import save_mixed

    save_mixed(home)
    with Notebook(home) as nb:
        path = write_progress_report(nb, ARTIFACTS / "progress-report-mixed.html")
    browser.get(path.as_uri())
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "h2")]
    assert "Each part of your spoken answers" in headings and "Each part of your typed answers" in headings
    checked = {}
    for card in browser.find_elements(By.CSS_SELECTOR, ".metric-card"):
        trend = card.find_elements(By.CSS_SELECTOR, "h3 .trend")
        dots = card.find_elements(By.CSS_SELECTOR, "circle")
        if not trend or len(dots) < 2:
            continue
        first, last = (float(d.get_attribute("cy")) for d in (dots[0], dots[-1]))
        arrow = trend[0].text.split()[0]
        # SVG y grows downwards: a line going up ends higher on the page.
        assert arrow == ("\u2192" if abs(first - last) < 0.05 else "\u2191" if last < first else "\u2193"), \
            (card.find_element(By.CSS_SELECTOR, "h3").text, first, last)
        checked[card.find_element(By.CSS_SELECTOR, "h3").text.split("\n")[0]] = trend[0].text
    assert checked["Pace"] == "\u2193 better" and checked["Fillers"] == "\u2193 better"
    assert errors(browser) == []
    screenshot(browser, "progress-report-mixed.png")
