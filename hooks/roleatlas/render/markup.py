"""The one place where data text enters Markdown: escaping, links and the template environment.

Every `{{ value }}` in a template passes through `finalize`, which escapes it unless it is
`Markup` made here on purpose (a link, an anchor). Forgetting to escape is therefore impossible:
text from YAML can never become HTML, a Markdown link, a table cell break or a heading.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..model import WEB_ADDRESS

TEMPLATES = Path(__file__).parent / "templates"

# Characters that mean something to Markdown, HTML, the tables, abbr, attr_list or pymdown,
# each replaced by its numeric character reference (str.translate: one pass in C).
_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()<>#+-!|~^=&\"':$@%"})
_ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SPACES = re.compile(r"\s+")


def md(value: Any) -> Markup:
    """Escape any text so Markdown shows it literally, on one line (safe in table cells)."""
    if isinstance(value, Markup):
        return value
    return _escaped(str(value))


@lru_cache(maxsize=16_384)
def _escaped(text: str) -> Markup:
    """Names, categories and source titles recur on every page; each is escaped once.

    Runs of white space (line breaks included) become one space, so text stays on its line; a
    space at either end is kept, as in the ", " between the items of a list."""
    return Markup(_SPACES.sub(" ", text).translate(_SPECIAL))


def relative(target: str, page: str) -> str:
    """A link from page `page` to page `target`, both given as paths of their Markdown files."""
    return _from_folder(target, page.rpartition("/")[0])


def _from_folder(target: str, folder: str) -> str:
    path, _, anchor = target.partition("#")
    rel = _relpath(path, folder) if path else ""
    return f"{rel}#{anchor}" if anchor else rel


@cache
def _relpath(path: str, folder: str) -> str:
    """posixpath.relpath without its calls to os.getcwd; pages sit in a few folders, so cached."""
    return posixpath.relpath(posixpath.join("/", path), posixpath.join("/", folder))


def link(text: Any, target: str, page: str, title: str = "") -> Markup:
    """A Markdown link with escaped text to another generated page; `title` (letters, digits and
    plain punctuation only: placing.tooltip) becomes its tooltip."""
    made = _link(text, target, page.rpartition("/")[0])
    if not title:
        return made
    if '"' in title or ")" in title or "(" in title or "\\" in title:
        raise ValueError(f"not a plain tooltip: {title!r}")
    return Markup(f'{made[:-1]} "{title}")')


# typed: Markup compares equal to the same characters as plain text, but only plain text is escaped
@lru_cache(maxsize=65_536, typed=True)
def _link(text: Any, target: str, folder: str) -> Markup:
    """Pages in one folder link to the same roles, skills and sources: each link is made once."""
    return Markup(f"[{md(text)}]({_from_folder(target, folder)})")


_URL = re.compile(WEB_ADDRESS)


def external(text: Any, url: str) -> Markup:
    """A link to a publisher's page. Addresses are checked on load to be plain http(s) URLs; one that
    is not is refused here too, so nothing but an address can reach the link target."""
    if not _URL.fullmatch(url):
        raise ValueError(f"not a web address: {url!r}")
    return Markup(f"[{md(text)}](<{url.replace('(', '%28').replace(')', '%29')}>)")


def anchor(value: str) -> Markup:
    """An id for an HTML anchor; ids are validated on load, this guards the template side."""
    if not _ANCHOR.match(value):
        raise ValueError(f"not an anchor id: {value!r}")
    return Markup(value)


def _finalize(value: Any) -> Any:
    if value is None:
        raise ValueError("a template printed None; check the data or the template")
    return md(value)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; `finalize` does Markdown-aware escaping
    )
    env.filters.update(md=md, anchor=anchor)
    return env


@cache
def html_environment() -> Environment:
    """For templates whose output is HTML or SVG (the salary chart, the data-error pages): Jinja's
    own HTML autoescaping, the right escaping for that context."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
