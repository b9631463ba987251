"""What Material's search index holds for the pages that grow with the data (README, Benchmark).

Material's search fetches the whole `search/search_index.json` and builds its index in the reader's
browser before it answers, so every kilobyte of it is paid by every reader who types. This module
rewrites the index the search plugin wrote so that a search finds what readers look for, once:

- a role page keeps its own entry (title with every other name, then its focus and level), its
  summary (first sentence), one entry per responsibility area (the heading, so a search lands on
  that section) and, when the role is classified, its official classifications as written (codes
  and occupation titles). Its duties, qualifications, skills table,
  notes and work setting are on the page and no longer in the index. A skill is found on its own
  page, which lists its roles: fifteen skill names on each role's entry would make a search for a
  skill answer with hundreds of roles;
- the tags of a page stay on the page's own entry, not on each of its sections;
- the pages that list every role (the roles index, the matrix, compare, career paths, salaries)
  keep their headings and first paragraph: their tables repeat the role pages.

Every other page (topics, skills, sources, the glossary…) is indexed as Material indexes it.
Nothing here imports MkDocs; `hooks/atlas_hooks.py` reads and writes the file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from . import urls
from .atlas import Atlas
from .formats import level_text

# The pages whose tables list every role, by address.
LISTS = frozenset(urls.url_of(p) for p in (urls.ROLES, urls.MATRIX, urls.COMPARE, urls.CAREER, urls.SALARIES))

_FIRST_PARAGRAPH = re.compile(r"\s*<p>.*?</p>", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


@dataclass(frozen=True)
class RoleEntries:
    """The text of a role page's entries in the index; sections not named here are left out."""

    about: str  # the page's own entry
    summary: str
    areas: frozenset[str]  # anchors of the responsibility areas, kept with their heading only
    kept: frozenset[str] = frozenset()  # anchors of sections kept as the search plugin wrote them


def plan(atlas: Atlas) -> dict[str, RoleEntries]:
    """By role page address (roles/cto/): what its entries in the index say."""
    out = {}
    for role in atlas.roles:
        facts = [role.focus.text.rstrip("."), level_text(role.level)]
        out[urls.url_of(urls.page_of("role", role.id))] = RoleEntries(
            about=_paragraph(". ".join(facts) + "."),
            summary=_paragraph(first_sentence(role.summary.text)),
            areas=frozenset(area.id for area in role.responsibilities),
            kept=frozenset({"classifications"} if role.classifications else ()))
    return out


def trim(index: dict[str, Any], roles: dict[str, RoleEntries]) -> dict[str, Any]:
    """The search plugin's index (its parsed JSON) with the role pages and the lists cut down."""
    docs = []
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if anchor and "tags" in doc:
            doc = {k: v for k, v in doc.items() if k != "tags"}
        role = roles.get(page)
        if role is not None:
            if not anchor:
                doc = {**doc, "text": role.about}
            elif anchor == "summary":
                doc = {**doc, "text": role.summary}
            elif anchor in role.areas:
                doc = {**doc, "text": ""}
            elif anchor not in role.kept:
                continue
        elif page in LISTS:
            doc = {**doc, "text": first_paragraph(doc["text"])}
        docs.append(doc)
    return {**index, "docs": docs}


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), 1)[0]


def first_paragraph(text: str) -> str:
    """The leading <p>…</p> of an entry's text, or nothing when it does not start with one."""
    match = _FIRST_PARAGRAPH.match(text)
    return match.group(0).strip() if match else ""


def _paragraph(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"
