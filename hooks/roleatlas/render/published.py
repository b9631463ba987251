"""Every page's Markdown as readers get it (`roles/cto.md` beside `roles/cto/`) and `llms.txt`.

The published copy is the page's own Markdown, made for reading as plain text (pasted into an AI
assistant, read in a terminal): its front matter becomes a short header with the page's address,
character references become the characters they stand for, the site's HTML wrappers (source notes,
the "On this page" list, heading ids) are taken off, and a closing section lists every source the
page cites with the licence and the attribution each asks for. Links stay relative, so from
`roles/cto.md` they lead to the other pages' Markdown (`../skills/python.md`).

Nothing here imports MkDocs; `roleatlas.site_source` calls it for the hook and the export alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from .. import urls
from ..atlas import Atlas
from ..kinds import KINDS
from ..model import Source
from .markup import relative
from .templating import render_text

TOC_START = '<details class="atlas-toc" markdown>'
TOC_END = "</details><!-- /atlas-toc -->"

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_REFERENCE = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
_HEADING_ID = re.compile(r"^(#{1,6} .*?)\s*\{ #[^}]*\}[ \t]*$", re.M)
_SMALL = re.compile(r"<small\b[^>]*>(.*?)</small>", re.S)
_TAGS = re.compile(r"</?(?:span|time|div|a)\b[^>]*>")
_BREAK = re.compile(r"<br\s*/?>")
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_TOC = re.compile(re.escape(TOC_START) + r".*?" + re.escape(TOC_END) + r"\n*", re.S)
_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):", re.M)
_CITED = re.compile(r"(sources|perspectives)\.md#([a-z0-9]+(?:-[a-z0-9]+)*)(?:\)| \")")  # a link, with or without a title
_TITLE = re.compile(r"^# .*$", re.M)
_SECTION = re.compile(r"^(#{2,3}) (.+?) \{ #([a-z0-9-]+)[^}]*\}[ \t]*$", re.M)
_SOURCES_SECTION = re.compile(r"^## Sources$", re.M)


# --- "On this page" -------------------------------------------------------------------------------


def on_this_page(markdown: str) -> str:
    """The page with an "On this page" list of its sections right under its title: the ## and ###
    headings that carry an id (`## Skills { #skills }`, as the templates write every section).

    Role, topic and comparison pages are not in the navigation, so below desktop width, where the
    theme's table of contents is not shown, the phone menu has none for them; this list (shown
    there only, atlas.css) stands in. It is part of the page's Markdown, so any engine shows it.
    Text from the data cannot make such a heading: md() escapes `#` and `{`, and the job ad's
    code blocks are indented."""
    title = _TITLE.search(markdown)
    if title is None:
        return markdown
    items = [("    " if len(m.group(1)) == 3 else "") + f"- [{m.group(2)}](#{m.group(3)})"
             for m in _SECTION.finditer(markdown, title.end())]
    if not items:
        return markdown
    block = "\n".join(["", TOC_START, "<summary>On this page</summary>", "", *items, "", TOC_END, ""])
    return markdown[: title.end()] + "\n" + block + markdown[title.end():]


# --- the reader's copy ----------------------------------------------------------------------------


def front(markdown: str) -> dict:
    """The page's front matter: JSON values one key a line as the renderers write it
    (templating.front_matter), or any YAML."""
    match = _FRONT.match(markdown)
    if not match:
        return {}
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(": ")
        try:
            meta[key] = json.loads(value)
        except ValueError:
            break
    else:
        return meta
    # written by hand (docs/): YAML proper
    loaded = yaml.safe_load(match.group(1))
    return loaded if isinstance(loaded, dict) else {}


def front_keys(markdown: str) -> set[str]:
    """The keys of the page's front matter, without reading their values."""
    match = _FRONT.match(markdown)
    if not match:
        return set()
    keys = set(_KEY.findall(match.group(1)))
    return keys if keys else set(front(markdown))


def front_value(markdown: str, key: str) -> Any:
    """One value of the page's front matter (None when absent), reading only its own line when the
    renderers wrote it."""
    match = _FRONT.match(markdown)
    if not match:
        return None
    line = re.search(rf"^{re.escape(key)}: (.*)$", match.group(1), re.M)
    if line is not None:
        try:
            return json.loads(line.group(1))
        except ValueError:
            pass
    return front(markdown).get(key)


def _characters(text: str) -> str:
    """Character references back to characters, except `<`, which would start HTML."""
    def one(match: re.Match) -> str:
        code = match.group(1)
        char = chr(int(code[1:], 16) if code[0] in "xX" else int(code))
        return "&lt;" if char == "<" else char
    return _REFERENCE.sub(one, text)


def plain(markdown: str) -> str:
    """A page's Markdown body as plain, readable Markdown (the header and sources are added apart)."""
    body = _FRONT.sub("", markdown, count=1)
    body = _TOC.sub("", body)
    body = _HEADING_ID.sub(r"\1", body)
    body = _SVG.sub("(A chart; its figures are in the table on this page.)", body)
    body = _SMALL.sub(lambda m: f"({m.group(1).strip()})", body)
    body = _BREAK.sub("; ", body)
    body = _TAGS.sub("", body)
    body = re.sub(r"\n{3,}", "\n\n", body)
    return _characters(body).strip() + "\n"


def claim_sources(atlas: Atlas) -> dict[str, str]:
    """Claim or perspective id → the id of its source (anchors on the perspectives page)."""
    found = {p.id: p.source for p in atlas.perspectives}
    found.update({c.id: p.source for p in atlas.perspectives for c in p.claims})
    return found


def cited_sources(atlas: Atlas, markdown: str, claims: Mapping[str, str] | None = None) -> list[Source]:
    """The sources a page cites, in the order of the sources list: those it links to, and those of
    the practitioners' claims it links to (a comparison cites claims, each from its perspective).
    `claims` is claim_sources(atlas), made once for many pages."""
    ids = set()
    for page, anchor in _CITED.findall(markdown):
        if page == "sources":
            ids.add(anchor)
        else:
            if claims is None:
                claims = claim_sources(atlas)
            if anchor in claims:
                ids.add(claims[anchor])
    return [s for s in atlas.sources if s.id in ids]


def reader_markdown(atlas: Atlas, page: str, markdown: str, site_url: str, built: str, site_name: str,
                    claims: Mapping[str, str] | None = None) -> str:
    """The published Markdown of page `page` (its Markdown path, as urls names it): its title,
    where it is published, its text, then the licences of the sources it cites that have one."""
    body = plain(markdown)
    title_line, _, rest = body.partition("\n") if body.startswith("# ") else ("# " + site_name, "", body)
    cited = cited_sources(atlas, markdown, claims)
    listed = _SOURCES_SECTION.search(body) is not None  # a role page lists its sources itself
    licensed = [s for s in cited if s.licence or s.attribution]
    where = urls.url_of(page)
    address = site_url + where if site_url else (f"the page {where}" if where else "the home page")
    return render_text("published.md.j2", title_line=title_line, address=address, body=rest.strip() + "\n",
                       sources=[] if listed else cited, licensed=licensed, built=built, site_name=site_name,
                       sources_page=relative(urls.SOURCES, page))


# --- llms.txt -------------------------------------------------------------------------------------


def llms_txt(atlas: Atlas, site_name: str, description: str, site_url: str, built: str,
             pages: Iterable[str]) -> str:
    """An index of the atlas for language models (llmstxt.org): the roles, the comparisons, the
    topics and the data files, each linked to its Markdown (or JSON) and said in one line."""
    published = set(pages)

    def md(page: str) -> str:
        return site_url + page

    roles = [(r.title, md(urls.page_of("role", r.id)), r.focus.text) for r in atlas.roles]
    comparisons = [(c.title, md(urls.page_of("comparison", c.id)), c.intro) for c in atlas.comparisons]
    comparisons.append(("All roles at a glance", md(urls.MATRIX), "every role on the same columns"))
    topics = [(t.title, md(urls.page_of("topic", t.id)), t.summary) for t in atlas.topics]
    data = [(f"{kind.name}.json", site_url + urls.api_file(kind.name), f"every {kind.ref} in the atlas, as JSON")
            for kind in KINDS]
    data.append(("export.schema.json", site_url + urls.api_file("schema/export.schema"),
                 "JSON Schema of the JSON files"))
    more = [(title, md(page), what) for title, page, what in (
        ("Career paths", urls.CAREER, "how the roles lead into each other"),
        ("Salaries", urls.SALARIES, "every salary figure with its year, region and currency"),
        ("Official classifications", urls.CROSSWALK, "the roles mapped to official occupation codes"),
        ("What practitioners say", urls.PERSPECTIVES, "practitioners' answers, claim by claim"),
        ("Skills", urls.SKILLS, "every skill and the roles that need it"),
        ("Glossary", urls.GLOSSARY, "abbreviations"),
        ("Sources", urls.SOURCES, "every source with its publisher, date and licence"),
    ) if page in published]
    return render_text("llms.txt.j2", site_name=site_name, description=description, built=built,
                       sections=[("Roles", roles), ("Comparisons", comparisons), ("Topics", topics),
                                 ("Data files", data), ("Optional", more)])
