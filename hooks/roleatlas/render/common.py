"""What every page renderer shares: where pages live, front matter, and filling a template."""

from __future__ import annotations

import html
import json
import posixpath
from typing import Any

from markupsafe import Markup

from ..atlas import Atlas
from ..model import LEVEL_NAMES, Role, Salary
from .markup import environment, link, md, money, relative

SOURCES_PAGE = "sources.md"


def site_path(src: str) -> str:
    """The folder a page is served from (directory URLs), or a static file's own path."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return stem or "."


def role_uri(role_id: str) -> str:
    return f"roles/{role_id}.md"


def skill_uri(skill_id: str) -> str:
    return f"skills/{skill_id}.md"


def topic_uri(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def front_matter(**meta: Any) -> Markup:
    """YAML front matter; JSON is valid YAML and quotes every string safely.

    ASCII escapes keep any character the YAML reader would refuse (a refused front matter would
    otherwise turn into page text, raw HTML included)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in meta.items() if value]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")


def meta_text(text: str) -> str:
    """Text for front matter that the theme prints without escaping (title, description)."""
    return html.escape(" ".join(text.split()), quote=True)


class Links:
    """Links from one page to the others; handed to templates as `to`."""

    def __init__(self, atlas: Atlas, page: str):
        self.atlas = atlas
        self.page = page

    def __call__(self, text: Any, target: str) -> Markup:
        return link(text, target, self.page)

    def href(self, target: str) -> Markup:
        """A bare relative URL; targets are built from validated ids, so safe as they are."""
        return Markup(relative(target, self.page))

    def url(self, target: str) -> Markup:
        """A URL for raw HTML, relative to the page's address (MkDocs rewrites only Markdown links)."""
        return Markup(posixpath.relpath(site_path(target), site_path(self.page)) + ("/" if target.endswith(".md") else ""))

    def role(self, role_id: str, text: str | None = None) -> Markup:
        return link(text or self.atlas.role[role_id].title, role_uri(role_id), self.page)

    def skill(self, skill_id: str) -> Markup:
        return link(self.atlas.skill[skill_id].name, skill_uri(skill_id), self.page)

    def source(self, source_id: str) -> Markup:
        """A citation: the source's title, linked to its entry on the sources page."""
        return link(self.atlas.source[source_id].title, f"{SOURCES_PAGE}#{source_id}", self.page)

    def cite(self, source_id: str) -> Markup:
        """A small "Source: …" note after a fact; left out of the search index, where it would make
        every page match the sources' names (the sources page is what those searches should find)."""
        return Markup(f'<small class="atlas-source" data-search-exclude>Source: {self.source(source_id)}</small>')

    def own(self) -> Markup:
        """Marks text that is the atlas's own (a definition, a grouping) rather than a sourced fact."""
        return Markup(f'<small class="atlas-own" data-search-exclude>'
                      f'{link("atlas wording", f"{SOURCES_PAGE}#atlas-wording", self.page)}</small>')

    def topic(self, topic_id: str) -> Markup:
        return link(self.atlas.topic[topic_id].title, topic_uri(topic_id), self.page)


def years(role: Role) -> str:
    exp = role.qualifications.experience
    if exp is None or (exp.min_years is None and exp.max_years is None):
        return ""
    if exp.min_years is not None and exp.max_years is not None:
        return f"{exp.min_years}–{exp.max_years} years"
    return f"{exp.min_years}+ years" if exp.min_years is not None else f"up to {exp.max_years} years"


def level_name(level: str) -> str:
    return LEVEL_NAMES[level]


def amount_text(salary: Salary) -> str:
    if salary.amount is not None:
        return ("around " if salary.approximate else "") + money(salary.amount, salary.currency)
    high = money(salary.high, salary.currency) + ("+" if salary.open_ended else "")
    return f"{money(salary.low, salary.currency)} – {high}"


def salary_span(atlas: Atlas, role: Role) -> str:
    """Lowest to highest figure across a role's salaries, for index tables."""
    figures = atlas.salary_range(role)
    if not figures:
        return ""
    low = min(s.bounds[0] for s in figures)
    high = max(s.bounds[1] for s in figures)
    first = figures[0]
    plus = "+" if any(s.open_ended and s.bounds[1] == high for s in figures) else ""
    around = "around " if all(s.approximate for s in figures) else ""
    span = around + (money(low, first.currency) if low == high
                     else f"{money(low, first.currency)} – {money(high, first.currency)}{plus}")
    return f"{span} ({first.region}, {first.year})"


def render(template: str, page: str, atlas: Atlas, **context: Any) -> str:
    """Fill a template for page `page`; `to` makes links relative to it."""
    return environment().get_template(template).render(
        atlas=atlas, to=Links(atlas, page), md=md, years=years, amount=amount_text, level=level_name,
        salary_span=salary_span, **context)
