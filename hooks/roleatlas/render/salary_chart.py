"""The salary range chart: an SVG drawn at build time from the figures (no chart script)."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..model import Role, Salary
from .common import amount_text
from .markup import money

WIDTH, LEFT, ROW_H, TOP, BOTTOM = 760, 12, 54, 16, 34


@dataclass(frozen=True)
class ChartRow:
    role: Role | None
    salary: Salary


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


def salary_svg(rows: list[ChartRow]) -> Markup:
    """An accessible chart: a title, a description, and one labelled bar or dot per figure."""
    if not rows:
        return Markup("")
    e = lambda text: html.escape(str(text), quote=True)  # noqa: E731 - one-line escaper for SVG text
    top, step = _nice_scale(max(r.salary.bounds[1] for r in rows))
    height = TOP + ROW_H * len(rows) + BOTTOM
    currency = rows[0].salary.currency
    parts = [f'<svg class="atlas-salary-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-labelledby="salary-chart-title salary-chart-desc" xmlns="http://www.w3.org/2000/svg">',
             '<title id="salary-chart-title">Salary figures by role</title>',
             f'<desc id="salary-chart-desc">{len(rows)} figures; the table below lists the same values.</desc>']
    for tick in range(0, top + 1, step):
        x = _x(tick, top)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{height - BOTTOM}"/>'
                     f'<text class="tick" x="{x:.1f}" y="{height - 12}" text-anchor="middle">{e(money(tick, currency))}</text>')
    for i, row in enumerate(rows):
        s = row.salary
        y = TOP + i * ROW_H + 36  # the bar; its label sits above it, left-aligned, never clipped
        who = f"{row.role.title}: " if row.role else ""
        parts.append(f'<text class="label" x="{LEFT}" y="{y - 14:.1f}">{e(who)}<tspan class="sublabel">'
                     f'{e(s.label)} ({e(s.region)}, {s.year}): {e(amount_text(s))}</tspan></text>')
        low, high = s.bounds
        if low == high:
            parts.append(f'<circle class="point" cx="{_x(low, top):.1f}" cy="{y:.1f}" r="6"/>')
        else:
            parts.append(f'<rect class="range" x="{_x(low, top):.1f}" y="{y - 7:.1f}" '
                         f'width="{_x(high, top) - _x(low, top):.1f}" height="14" rx="3"/>')
            if s.open_ended:
                hx = _x(high, top)
                parts.append(f'<path class="open" d="M{hx:.1f},{y - 9:.1f} L{hx + 12:.1f},{y:.1f} L{hx:.1f},{y + 9:.1f} Z"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
