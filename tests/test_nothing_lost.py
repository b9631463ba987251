"""Every value in data/ reaches the built site: no field is loaded and then never shown."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

from conftest import ROOT

ID_KEYS = {"id", "source", "skill", "role", "dimension", "roles", "skills", "salaries", "former_ids"}
FLAGS = {"open_ended", "required", "qualifier", "approximate"}  # shown as "+", "required/preferred", a section, "around"


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


def site_text(site: Path) -> tuple[str, str]:
    """All visible text of the site's pages, and all of its href/id attribute values."""
    texts, attrs = [], []
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        if "Redirecting..." in raw[:400]:
            continue
        attrs += re.findall(r'(?:href|id)="([^"]*)"', raw)
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
        raw = re.sub(r"</?(?:abbr|a|strong|em|code|span|small|sup|mark)\b[^>]*>", "", raw)  # inside a line of text
        texts.append(re.sub(r"<[^>]+>", " ", raw))
    return normalize(" ".join(texts)), " ".join(attrs)


def shown(key: str, value: Any, text: str, attrs: str, site: Path) -> bool:
    if isinstance(value, bool):
        return key in FLAGS or key == "boost"
    if isinstance(value, int):
        return f"{value:,}" in text or str(value) in text
    value = str(value)
    if key in ID_KEYS or key.startswith(("roles[", "skills[", "salaries[", "former_ids[")):
        if key.startswith("former_ids"):
            return (site / "roles" / value / "index.html").exists()
        return re.search(rf"(?:^|[/#\s]){re.escape(value)}(?:[/\s]|$)", attrs) is not None
    return normalize(value) in text or normalize(value.replace("-", " ")) in text


def test_every_value_in_data_reaches_the_built_site(site):
    text, attrs = site_text(site)
    missing = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, key, value in leaves(doc):
            key = re.sub(r"\[\d+\]$", "", key)
            if not shown(key, value, text, attrs, site):
                missing.append(f"{path.relative_to(ROOT)}: {where} = {value!r}")
    assert not missing, "values never shown on the site:\n" + "\n".join(missing[:40])
