"""The salary range chart: an SVG drawn at build time from the figures (no chart script)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..formats import amount_text, money
from ..model import Role, Salary
from .markup import TEMPLATES

WIDTH, LEFT, ROW_H, TOP, BOTTOM = 760, 12, 54, 16, 34


@dataclass(frozen=True)
class ChartRow:
    role: Role | None
    salary: Salary


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class Bar:
    """One figure: a range bar (with an arrow when open-ended) or, for a single amount, a dot."""

    who: str
    what: str
    label_y: str
    x: str
    y: str
    top: str
    width: str | None
    arrow: str | None


def is_stale(salary: Salary, built: date) -> bool:
    """A figure counts from the middle of its year; older than two years at build time is stale."""
    return (built - date(salary.year, 7, 1)).days > 2 * 365


def _x(value: float, top: float) -> float:
    return LEFT + (WIDTH - LEFT - 40) * value / top


def _nice_scale(high: int) -> tuple[int, int]:
    """The axis end and tick step: round steps (1, 2, 5 × 10ⁿ), at most six ticks past zero."""
    magnitude = 10 ** max(0, int(math.log10(max(high, 1))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10, 20, 50) if high / (m * magnitude) <= 6)
    return int(math.ceil(high * 1.02 / step) * step), step


def _bar(i: int, row: ChartRow, top: int) -> Bar:
    s = row.salary
    y = TOP + i * ROW_H + 36  # the bar; its label sits above it, left-aligned, never clipped
    low, high = s.bounds
    x_low, x_high = _x(low, top), _x(high, top)
    arrow = None
    if low != high and s.open_ended:
        arrow = f"M{x_high:.1f},{y - 9:.1f} L{x_high + 12:.1f},{y:.1f} L{x_high:.1f},{y + 9:.1f} Z"
    return Bar(who=f"{row.role.title}: " if row.role else "",
               what=f"{s.label} ({s.region}, {s.year}): {amount_text(s)}",
               label_y=f"{y - 14:.1f}", x=f"{x_low:.1f}", y=f"{y:.1f}", top=f"{y - 7:.1f}",
               width=None if low == high else f"{x_high - x_low:.1f}", arrow=arrow)


@cache
def _template():
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("salary_chart.svg.j2")


def salary_svg(rows: list[ChartRow]) -> Markup:
    """An accessible chart: a title, a description, and one labelled bar or dot per figure.

    On one line: the chart sits in a raw HTML block of the Markdown page, which a blank line ends."""
    if not rows:
        return Markup("")
    top, step = _nice_scale(max(r.salary.bounds[1] for r in rows))
    height = TOP + ROW_H * len(rows) + BOTTOM
    currency = rows[0].salary.currency
    ticks = [Tick(f"{_x(t, top):.1f}", money(t, currency)) for t in range(0, top + 1, step)]
    svg = _template().render(width=WIDTH, height=height, top=TOP, axis_y=height - BOTTOM, left=LEFT, ticks=ticks,
                             bars=[_bar(i, row, top) for i, row in enumerate(rows)])
    return Markup("".join(line.strip() for line in svg.splitlines()))
