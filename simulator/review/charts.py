"""Small line charts for the HTML reports, laid out here and drawn as inline SVG by the templates."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..coach.targets import pitch_words, volume_words
from ..notebook.history import MetricSeries
from ..scoring import thresholds as th
from ..wording import with_unit
from .figures import count_cell, count_text, counted, date_label, metric_label, number
from .progress import OVERALL, Trend, trend


# A measured line spans at least this share of its largest value: a change of a fraction of a
# per cent is drawn as the near-flat line it is, not as a fall from the top of the chart.
MIN_SPAN_SHARE = 0.1
MIN_TICK_GAP = 12.0  # px between the two axis labels, or they overlap


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    value: float
    label: str  # the session's date
    current: bool = False
    answers: int | None = None  # how many answers a count is over ("1 red flag in 3 answers")


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
    trend: Trend | None = None  # from the first point to the last: the line's own direction
    counted: bool = False  # its values count things in each answer (`figures.counted`)

    @property
    def line(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def scores(self) -> bool:
        return self.unit.endswith("out of 100")

    def say(self, value: float, answers: int | None = None) -> str:
        """A value with its unit: '142 words a minute', '1 long pause', '64 out of 100'; a count
        over several answers: '1 red flag in 3 answers'."""
        if self.scores:
            return f"{value:.0f} out of 100"
        if self.counted:
            return count_text(value, answers, self.unit)
        if self.unit == th.SPEECH_LEVEL_DBFS.unit:  # in words first, as the review says it
            return f"{volume_words(value)} ({value:.0f} {self.unit})"
        if self.unit == th.PITCH_VARIATION_SEMITONES.unit:
            return f"{pitch_words(value)} ({with_unit(number(value), self.unit)})"
        return with_unit(number(value), self.unit)

    def short(self, value: float, answers: int | None = None) -> str:
        """A value beside its dot: '64', '142', '3.5', '1 in 3'."""
        if self.counted and not self.scores:
            return count_cell(value, answers, self.unit)
        return f"{value:.0f}" if self.scores else number(value)

    @property
    def last(self) -> str:
        """The latest value, said."""
        return self.say(self.points[-1].value, self.points[-1].answers) if self.points else ""

    @property
    def summary(self) -> str:
        """The chart in words, for screen readers and as the SVG's title."""
        if not self.points:
            return f"{self.title}: no data yet"
        first, last = self.points[0], self.points[-1]
        if len(self.points) == 1:
            return f"{self.title}: {self.say(last.value, last.answers)} in one session"
        went = f", {self.trend.verdict}" if self.trend else ""
        return (f"{self.title}: from {self.say(first.value, first.answers)} on {first.label} to "
                f"{self.say(last.value, last.answers)} on {last.label}, over {len(self.points)} sessions{went}")


def line_chart(chart_id: str, title: str, unit: str, series: list[tuple[str, float, bool]],
               fixed: tuple[float, float] | None = None, width: int = 260, height: int = 130,
               trend_: Trend | None = None, answers: tuple[int | None, ...] = (), counted: bool = False) -> Chart:
    """Lay out (date label, value, is-current) points; `fixed` pins the y range (scores 0-100).
    Higher values are drawn higher, so the line slopes the way the trend's arrow points."""
    base = Chart(chart_id, title, unit, (), (), width, height, trend=trend_, counted=counted)
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
        need = MIN_SPAN_SHARE * max(abs(v) for v in values)
        if hi - lo < need:  # pace 156.03 -> 155.62 drew a line falling the whole chart
            mid = (max(values) + min(values)) / 2
            lo, hi = mid - need / 2, mid + need / 2
    inner_w = base.width - base.left - base.right
    inner_h = base.height - base.top - base.bottom
    step = inner_w / (len(series) - 1) if len(series) > 1 else 0.0

    def y_of(v: float) -> float:
        return base.top + inner_h * (1 - (v - lo) / (hi - lo))

    points = tuple(
        ChartPoint(base.left + (i * step if len(series) > 1 else inner_w / 2), y_of(v), v, label, cur,
                   answers[i] if i < len(answers) else None)
        for i, (label, v, cur) in enumerate(series))
    # Label the range itself for scores (0 and 100); otherwise the highest and lowest values.
    top, bottom = (hi, lo) if fixed else (max(values), min(values))
    chart = Chart(chart_id, title, unit, points, (), width, height, trend=trend_, counted=counted)

    def tick(v: float) -> str:  # a count is labelled by the point at it: "1 in 3", never 0.33
        at = next((p for p in points if p.value == v), None) if counted and not fixed else None
        return chart.short(v, at.answers) if at is not None else number(v)

    if abs(y_of(top) - y_of(bottom)) < MIN_TICK_GAP:  # two labels would overlap: one, between them
        mid = top if counted else (top + bottom) / 2  # a count is labelled by a point at it
        return replace(chart, y_ticks=((y_of(mid), tick(mid)),))
    high, low = tick(top), tick(bottom)
    # Two values that round alike ("3.5" at the top and the bottom of a monotone chart, 3.46 and
    # 3.54 semitones) get the digits that tell them apart, or the one label they share.
    for digits in (2, 3):
        if high != low or counted or bottom == top:
            break
        high, low = f"{top:.{digits}f}", f"{bottom:.{digits}f}"
    ticks = ((y_of(top), high),) + (((y_of(bottom), low),) if bottom != top and low != high else ())
    return replace(chart, y_ticks=ticks)


def series_chart(series: MetricSeries, prefix: str, current: str | None = None, wide: bool = False) -> Chart:
    """A metric's series (or the overall's) as a chart; `current` is the session drawn larger."""
    points = [(date_label(p.started), p.value, p.session_id == current) for p in series.points]
    scores = not series.measured or series.unit.endswith("out of 100")
    size = {"width": 560, "height": 170} if wide else {}
    title = "Overall score" if series.name == OVERALL else metric_label(series.name)
    return line_chart(f"chart-{prefix}-{series.name}", title, series.unit, points,
                      fixed=(0, 100) if scores else None, **size,
                      # its arrow follows the numbers as shown: scores whole, as the table shows them
                      trend_=trend(series, (lambda v: f"{v:.0f}") if scores else number),
                      answers=tuple(p.answers for p in series.points),
                      counted=series.measured and counted(series.name, series.unit))
