"""Every value in data/ reaches the built site: no field is loaded and then never shown.

Text and numbers must appear somewhere on the site; an id must be on the page of the file that
holds it (as that page, an anchor on it, or a link from it to what it names); a true/false field
must have its visible effect on its page, whichever way it is set.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urljoin

import yaml

from conftest import ROOT

# A reference is shown as a link on the page of the file (or entry) that holds it.
LINK_TARGETS = {"source": "sources/#{}", "skill": "skills/{}/", "skills": "skills/{}/", "role": "roles/{}/",
                "roles": "roles/{}/", "salaries": "salaries/#{}", "dimension": "perspectives/#{}",
                "occupation": "crosswalk/#{}", "sources": "sources/#{}"}
# Collections whose entries each have their own page: file -> (list key, address of an entry's page).
ENTRY_PAGES = {"skills.yaml": ("skills", "skills/{}/"), "comparisons.yaml": ("comparisons", "compare/{}/")}
# Files shown on one page; dimensions are explained on the perspectives page.
FILE_PAGES = {"perspectives.yaml": "perspectives/", "salaries.yaml": "salaries/", "sources.yaml": "sources/",
              "occupations.yaml": "crosswalk/", "ladders.yaml": "ladders/", "gaps.yaml": "",
              "dimensions.yaml": "perspectives/", "glossary.yaml": ""}
# Other files (the imports, data/esco.yaml and data/onet.yaml): the page of each collection.
KEY_PAGES = {"sources": "sources/", "occupations": "crosswalk/"}


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, last key, value) for every scalar in a YAML document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        key = path.rsplit(".", 1)[-1]
        for i, item in enumerate(value):
            yield from (leaves(item, f"{path}[{i}]") if isinstance(item, (dict, list)) else [(f"{path}[{i}]", key, item)])
    else:
        yield path, path.rsplit(".", 1)[-1], value


def normalize(text: str) -> str:
    return " ".join(html.unescape(text).lower().split())


def site_text(site: Path) -> str:
    """All visible text of the site's pages."""
    texts = []
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        if "Redirecting..." in raw[:400]:
            continue
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
        raw = re.sub(r"</?(?:abbr|a|strong|em|code|span|small|sup|mark)\b[^>]*>", "", raw)  # inside a line of text
        texts.append(re.sub(r"<[^>]+>", " ", raw))
    return normalize(" ".join(texts))


class Pages:
    """The built pages by address ("roles/cto/"), read once."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self._html: dict[str, str] = {}

    def html(self, address: str) -> str:
        if address not in self._html:
            file = self.site / address / "index.html"
            self._html[address] = file.read_text(encoding="utf-8") if file.is_file() else ""
        return self._html[address]

    def text(self, address: str) -> str:
        return normalize(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", self.html(address), flags=re.S)))

    def links(self, address: str) -> set[str]:
        """Where the page's links go, as addresses from the site's root ("roles/cto/#summary")."""
        base = f"http://site/{address}"
        return {urljoin(base, html.unescape(href)).removeprefix("http://site/")
                for href in re.findall(r'href="([^"]*)"', self.html(address))}

    def ids(self, address: str) -> set[str]:
        return set(re.findall(r'\bid="([^"]*)"', self.html(address)))


def page_of(file: str, doc: Any, where: str) -> str:
    """The address of the page that shows the value at `where` in data file `file`."""
    if file.startswith(("roles/", "topics/")):
        return file.removesuffix(".yaml") + "/"
    if file in ENTRY_PAGES:
        key, address = ENTRY_PAGES[file]
        index = int(re.match(rf"{key}\[(\d+)\]", where).group(1))
        return address.format(doc[key][index]["id"])
    if file in FILE_PAGES:
        return FILE_PAGES[file]
    return KEY_PAGES[where.split("[", 1)[0]]  # a file of several collections, such as an import


def flag_shown(file: str, doc: Any, where: str, key: str, value: bool, pages: Pages) -> bool:
    """A true/false field is shown where its page shows its effect, whichever way it is set."""
    entry = doc
    for part in re.findall(r"[^.\[\]]+", where)[:-1]:
        entry = entry[int(part)] if part.isdigit() else entry[part]
    if file == "salaries.yaml" and key == "open_ended":  # "$500,000+" in the salaries table
        return (f"{entry.get('high', entry.get('amount')):,}+" in pages.text("salaries/")) is value
    if file == "salaries.yaml" and key == "approximate":  # "around $224,452" in the salaries table
        return (re.search(rf"around \S?{entry.get('amount', 0):,}", pages.text("salaries/")) is not None) is value
    if file.startswith("roles/") and where == "qualifications.education.required":
        return f"education ({'required' if value else 'preferred'})" in pages.text(page_of(file, doc, where))
    if file == "dimensions.yaml" and key == "qualifier":  # under "Where practitioners qualify it"
        compare = [p.parent.relative_to(pages.site).as_posix() + "/" for p in pages.site.glob("compare/*/index.html")]
        return any(f"{entry['id']}-notes" in pages.ids(c) for c in compare) is value
    return False  # a new flag: say here how its page shows it


def reference_shown(file: str, doc: Any, where: str, key: str, value: str, pages: Pages) -> bool:
    """An id is shown on the page of the file that holds it: as the page itself, an anchor, or a link."""
    page = page_of(file, doc, where)
    if key == "former_ids":  # the old address redirects to the role
        return f'url=../{doc["id"]}/"' in pages.html(f"roles/{value}/")
    level = re.fullmatch(r"ladders\[(\d+)\]\.levels\[\d+\]\.id", where)
    if file == "ladders.yaml" and level:  # a ladder's level is anchored under its company's id
        return f"{doc['ladders'][int(level.group(1))]['id']}-{value}" in pages.ids(page)
    if key == "id":
        return page.rstrip("/").endswith("/" + value) or value in pages.ids(page)
    return LINK_TARGETS[key].format(value) in pages.links(page)


# Choices a page shows in words rather than as the value itself.
WORDED = {("relation", "listed-title"): "lists this title", ("relation", "broader"): "broader than the role",
          ("relation", "none"): "no official occupation"}


def shown(file: str, doc: Any, where: str, key: str, value: Any, text: str, pages: Pages) -> bool:
    if (key, value) in WORDED:
        return WORDED[key, value] in pages.text(page_of(file, doc, where))
    if isinstance(value, bool):
        return flag_shown(file, doc, where, key, value, pages)
    if isinstance(value, int):
        return f"{value:,}" in text or str(value) in text
    value = str(value)
    if key in LINK_TARGETS or key in ("id", "former_ids"):
        return reference_shown(file, doc, where, key, value, pages)
    return normalize(value) in text or normalize(value.replace("-", " ")) in text


def test_every_value_in_data_reaches_the_built_site(site):
    text, pages = site_text(site), Pages(site)
    missing = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        file = path.relative_to(ROOT / "data").as_posix()
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, key, value in leaves(doc):
            key = re.sub(r"\[\d+\]$", "", key)
            if not shown(file, doc, where, key, value, text, pages):
                missing.append(f"data/{file}: {where} = {value!r}")
    assert not missing, "values never shown on the site:\n" + "\n".join(missing[:40])
