"""The salary range chart: an SVG drawn at build time from the figures (no chart script)."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..formats import amount_text, money
from ..model import Role, Salary
from .markup import html_environment

WIDTH, LEFT, TOP, BOTTOM = 760, 12, 16, 34
# The phone drawing: 340 units wide, shown about 1:1 in a 390 px screen's 358 px column, so its
# 14 px labels stay above 12 px; each label is wrapped onto lines of at most NARROW_CHARS.
NARROW_WIDTH, NARROW_CHARS, LINE_H = 340, 40, 17
WIDE_CHARS = 80  # the wide drawing's labels at 14-15 px in 760 units


@dataclass(frozen=True)
class ChartRow:
    """One mark on the chart: a source's estimate for a role, or an official distribution (10th to
    90th percentile, median marked) for a whole occupation."""

    heading: str
    label: str
    amount: str
    currency: str
    low: int
    high: int
    kind: str
    """"official" (a statistic for a whole occupation, drawn outlined) or "estimate" (filled)."""
    open_ended: bool = False
    median: int | None = None


def estimate_row(role: Role | None, s: Salary) -> ChartRow:
    heading = role.title if role else ("Official statistic" if s.occupation else "")
    low, high = s.bounds
    return ChartRow(heading, f"{s.label} ({s.region}, {s.year})", amount_text(s), s.currency, low, high,
                    "official" if s.occupation else "estimate", s.open_ended and low != high)


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class Line:
    """One line of a label: (css class, text) parts."""

    y: str
    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bar:
    """One figure: a range bar (with an arrow when open-ended) or, for a single amount, a dot."""

    lines: tuple[Line, ...]
    kind: str
    """"official" (a statistic for a whole occupation, drawn outlined) or "estimate" (filled)."""
    x: str
    y: str
    top: str
    width: str | None
    arrow: str | None
    median: str | None = None


def is_stale(salary: Salary, built: date) -> bool:
    """A figure counts from the middle of its year; older than two years at build time is stale."""
    return (built - date(salary.year, 7, 1)).days > 2 * 365


def _x(value: float, top: float, width: int = WIDTH) -> float:
    return LEFT + (width - LEFT - 40) * value / top


def _nice_scale(high: int) -> tuple[int, int]:
    """The axis end and tick step: round steps (1, 2, 5 × 10ⁿ), at most six ticks past zero."""
    magnitude = 10 ** max(0, int(math.log10(max(high, 1))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10, 20, 50) if high / (m * magnitude) <= 6)
    return int(math.ceil(high * 1.02 / step) * step), step


def _bars(rows: list[ChartRow], top: int, width: int, chars: int) -> tuple[list[Bar], int]:
    """Each figure's label (role; what, where and when, wrapped at `chars`; amount) over its bar,
    left-aligned so that no label is clipped; returns the bars and the y under the last one."""
    bars, y = [], TOP
    for row in rows:
        lines = [("label", t) for t in textwrap.wrap(row.heading, chars)]
        lines += [("sublabel", t) for t in textwrap.wrap(row.label, chars)]
        lines.append(("label", row.amount))
        placed = tuple(Line(f"{y + LINE_H * (n + 1) - 4:.1f}", (part,)) for n, part in enumerate(lines))
        bar_y = y + LINE_H * len(lines) + 12
        bars.append(_shape(placed, row, bar_y, top, width))
        y = bar_y + 22
    return bars, y


def _shape(lines: tuple[Line, ...], row: ChartRow, y: float, top: int, width: int) -> Bar:
    x_low, x_high = _x(row.low, top, width), _x(row.high, top, width)
    arrow = None
    if row.open_ended:
        arrow = f"M{x_high:.1f},{y - 9:.1f} L{x_high + 12:.1f},{y:.1f} L{x_high:.1f},{y + 9:.1f} Z"
    median = f"{_x(row.median, top, width):.1f}" if row.median is not None else None
    return Bar(lines=lines, kind=row.kind, x=f"{x_low:.1f}", y=f"{y:.1f}", top=f"{y - 7:.1f}",
               width=None if row.low == row.high else f"{x_high - x_low:.1f}", arrow=arrow, median=median)


def _template():
    return html_environment().get_template("salary_chart.svg.j2")


def salary_charts(rows: list[ChartRow]) -> list[tuple[str, Markup]]:
    """One chart per currency, each on its own axis: (currency, SVG)."""
    currencies = list(dict.fromkeys(r.currency for r in rows))
    return [(c, salary_svg([r for r in rows if r.currency == c])) for c in currencies]


def salary_svg(rows: list[ChartRow]) -> Markup:
    """An accessible chart: a title, a description, and one labelled bar or dot per figure, all in
    one currency (the caller splits them: one currency per axis).

    Two drawings of it, a wide one and a narrow one for phones (atlas.css shows one of them; the
    hidden one is display: none, so it is neither seen nor read). On one line: the chart sits in a
    raw HTML block of the Markdown page, which a blank line ends."""
    if not rows:
        return Markup("")
    if len({r.currency for r in rows}) > 1:
        raise ValueError("one currency per chart: split the rows with salary_charts()")
    top, step = _nice_scale(max(r.high for r in rows))
    currency = rows[0].currency
    drawings = []
    for variant, width, chars, every in (("wide", WIDTH, WIDE_CHARS, step), ("narrow", NARROW_WIDTH, NARROW_CHARS, 0)):
        if not every:  # fewer ticks on a phone: their labels must not touch
            every = step * 2 if (top // step) > 3 else step
        bars, bottom = _bars(rows, top, width, chars)
        drawings.append(_template().render(
            variant=variant, width=width, height=bottom + BOTTOM, top=TOP, axis_y=bottom, left=LEFT,
            ticks=[Tick(f"{_x(t, top, width):.1f}", money(t, currency)) for t in range(0, top + 1, every)],
            bars=bars, currency=currency))
    return Markup("".join(line.strip() for d in drawings for line in d.splitlines()))
