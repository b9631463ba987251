"""What every page renderer shares: links between pages, front matter, and filling a template."""

from __future__ import annotations

import html
import json
import posixpath
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from markupsafe import Markup

from .. import formats, urls
from ..atlas import Atlas
from .markup import TEMPLATES, environment, external, link, md, relative
from .placing import tooltip


def front_matter(**meta: Any) -> Markup:
    """YAML front matter; JSON is valid YAML and quotes every string safely.

    ASCII escapes keep any character the YAML reader would refuse (a refused front matter would
    otherwise turn into page text, raw HTML included)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=True)}" for key, value in meta.items() if value]
    return Markup("---\n" + "\n".join(lines) + "\n---\n")


def meta_text(text: str) -> str:
    """Text for front matter that the theme prints without escaping (title, description)."""
    return html.escape(" ".join(text.split()), quote=True)


NOTICE_MARK = "⚠ notice on this code"
"""The short warning after an occupation whose code a publisher has a notice on."""


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
        rel = posixpath.relpath(urls.served_at(target), urls.served_at(self.page))
        return Markup(rel + ("/" if target.endswith(".md") else ""))

    def external(self, text: Any, url: str) -> Markup:
        return external(text, url)

    def page_of(self, ref: str, ident: str) -> Markup:
        """The relative URL of an entry's page (`to.page_of("comparison", c.id)`)."""
        return self.href(urls.page_of(ref, ident))

    def role(self, role_id: str, text: str | None = None) -> Markup:
        return link(text or self.atlas.role[role_id].title, urls.page_of("role", role_id), self.page)

    def skill(self, skill_id: str) -> Markup:
        return link(self.atlas.skill[skill_id].name, urls.page_of("skill", skill_id), self.page)

    def topic(self, topic_id: str) -> Markup:
        return link(self.atlas.topic[topic_id].title, urls.page_of("topic", topic_id), self.page)

    def comparison(self, comparison_id: str) -> Markup:
        return link(self.atlas.comparison[comparison_id].title, urls.page_of("comparison", comparison_id), self.page)

    def occupation(self, occupation_id: str) -> Markup:
        """An official occupation as "code title", linked to its entry on the crosswalk page."""
        o = self.atlas.occupation[occupation_id]
        return link(formats.occupation_name(o), f"{urls.CROSSWALK}#{occupation_id}", self.page)

    def notices(self, occupation_id: str, indent: int = 0) -> Markup:
        """A warning box with what publishers say of an occupation's code (marked obsolete, replaced…),
        each notice cited; empty when there is none. `indent` nests the box in a list item. Sources
        can disagree about a code: the notices are shown beside it, never merged into it."""
        o = self.atlas.occupation[occupation_id]
        if not o.notices:
            return Markup("")
        pad = " " * indent
        body = f"\n{pad}\n".join(f"{pad}    {md(n.text)} {self.cite(n.source)}" for n in o.notices)
        return Markup(f'{pad}!!! warning "Notice on {md(o.system)} {md(o.code or o.title)}"\n{body}\n')

    def notice_mark(self, occupation_id: str) -> Markup:
        """After an occupation shown in a table or a line of text: a short warning, linked to its
        notices on the crosswalk page, when a publisher has one on its code; else nothing."""
        if not self.atlas.occupation[occupation_id].notices:
            return Markup("")
        return Markup(f' <small class="atlas-notice">{link(NOTICE_MARK, f"{urls.CROSSWALK}#{occupation_id}", self.page)}</small>')

    def source(self, source_id: str) -> Markup:
        """A citation: the source's title, linked to its entry on the sources page."""
        source = self.atlas.source[source_id]
        return link(source.title, f"{urls.SOURCES}#{source_id}", self.page, tooltip(source))

    def cite(self, source_id: str) -> Markup:
        """A small "Source: …" note after a fact; left out of the search index, where it would make
        every page match the sources' names (the sources page is what those searches should find)."""
        return Markup(f'<small class="atlas-source" data-search-exclude>Source: {self.source(source_id)}</small>')

    def cite_unless(self, source_id: str, once: str) -> Markup:
        """A citation after one item of a list, unless the whole list cites its one source `once`
        after it (role_page.one_source)."""
        return Markup("") if once else Markup(" ") + self.cite(source_id)

    def own(self) -> Markup:
        """Marks text that is the atlas's own (a definition, a grouping) rather than a sourced fact."""
        return Markup(f'<small class="atlas-own" data-search-exclude>'
                      f'{link("atlas wording", f"{urls.SOURCES}#atlas-wording", self.page)}</small>')


def render(template: str, page: str, atlas: Atlas, **context: Any) -> str:
    """Fill a template for page `page`; `to` makes links relative to it, `fmt` words the facts."""
    return environment().get_template(template).render(atlas=atlas, to=Links(atlas, page), md=md, fmt=formats,
                                                       pages=urls, **context)


def _plain_text(value: Any) -> str:
    """Text on one line for the plain-text outputs (published Markdown, llms.txt): a link's text
    keeps its brackets from closing the link early."""
    return " ".join(str(value).split()).replace("[", "\\[").replace("]", "\\]")


def render_text(template: str, **context: Any) -> str:
    """Fill a template whose output is read as plain text (published Markdown, llms.txt); values
    are printed as given, `text` puts one on one line."""
    env = text_environment()
    return env.get_template(template).render(**context)


@cache
def text_environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["text"] = _plain_text
    return env
