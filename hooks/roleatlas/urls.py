"""Where every page lives: the URL rules of the site, in one place.

Pages are named by their Markdown path (`roles/cto.md`), as MkDocs resolves links between them; a
page is served from its folder (`roles/cto/`). Renderers, the export, the redirects and the
compare view's data all take their addresses from here.
"""

from __future__ import annotations

import re

from .kinds import BY_REF

HOME = "index.md"
ROLES = "roles/index.md"
SKILLS = "skills/index.md"
TOPICS = "topics/index.md"
COMPARE = "compare/index.md"
MATRIX = "compare/matrix.md"
CAREER = "career-paths.md"
LADDERS = "ladders.md"
SALARIES = "salaries.md"
PERSPECTIVES = "perspectives.md"
GLOSSARY = "glossary.md"
SOURCES = "sources.md"
CROSSWALK = "crosswalk.md"
CHANGES = "changes.md"
PAY = "pay/index.md"
"""Official pay: the release, its provenance and one page per occupation imported (pay_page)."""


def pay_page(soc: str) -> str:
    """The page of one SOC occupation's official pay in every area (`pay/11-3021.md`)."""
    return f"pay/{soc}.md"


def page_of(ref: str, ident: str) -> str:
    """The page of one entry of a kind (`page_of("role", "cto")` is `roles/cto.md`)."""
    pattern = BY_REF[ref].page
    if pattern is None:
        raise KeyError(f"{ref} entries have no page of their own")
    return pattern.format(id=ident)


def ladder_anchor(ladder_id: str, level_id: str) -> str:
    """The anchor of one level of a company's ladder on the ladders page (`gitlab-grade-9`)."""
    return f"{ladder_id}-{level_id}"


def api_file(name: str) -> str:
    """A published data file: `/api/<name>.json`."""
    return f"api/{name}.json"


def served_at(page: str) -> str:
    """The folder a page is served from (`roles/cto/`, `.` for the home page), or a file's own path."""
    if not page.endswith(".md"):
        return page
    stem = page[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return stem or "."


def url_of(page: str) -> str:
    """The page's address relative to the site root, as the export publishes it (`roles/cto/`)."""
    folder = served_at(page)
    return "" if folder == "." else folder + "/"


def slug(text: str) -> str:
    """Lowercase words joined by hyphens: anchors and redirect names made from free text."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
