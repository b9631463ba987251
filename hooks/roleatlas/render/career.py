"""The career-path diagram: Mermaid flowchart code made from the career steps in the data."""

from __future__ import annotations

import re

from markupsafe import Markup

from .. import urls
from ..atlas import Atlas
from .templating import Links


def _node(role_id: str) -> str:
    return "r_" + role_id.replace("-", "_")


def _label(text: str) -> str:
    """Text for a quoted Mermaid label: Mermaid's entity codes for characters that would end it."""
    text = " ".join(text.split())
    return re.sub(r'["<>#&;`]', lambda m: f"#{ord(m.group())};", text)


def groups(atlas: Atlas) -> list[list[str]]:
    """The separate groups of roles the career steps connect, each in the order the steps name them."""
    group: dict[str, str] = {}

    def find(r: str) -> str:
        while group.setdefault(r, r) != r:
            r = group[r]
        return r

    for edge in atlas.career:
        group[find(edge.before)] = find(edge.after)
    on_path = list(dict.fromkeys(r for e in atlas.career for r in (e.before, e.after)))
    order = list(dict.fromkeys(find(r) for r in on_path))
    return [[r for r in on_path if find(r) == g] for g in order]


# Tighter than Mermaid's defaults (50 between boxes, 50 between ranks, labels wrapped at 200 px),
# so a ladder three roles wide (the engineer ladder forking into management, staff and lead) fits a
# phone's column with its text at 12 px or more.
INIT = '%%{init: {"flowchart": {"nodeSpacing": 16, "rankSpacing": 40, "padding": 6, "wrappingWidth": 90}}}%%'


def mermaid_flowchart(atlas: Atlas, to: Links) -> Markup:
    """One Mermaid diagram per separate group of paths (a page can stack them; side by side they
    would be too wide for a phone), each `flowchart TD` (top-down: a role above the roles it leads
    to) with one linked node per role and one arrow per step; as fenced Mermaid blocks."""
    blocks = []
    for members in groups(atlas):
        inside = set(members)
        lines = [INIT, "flowchart TD"]
        for rid in members:
            lines.append(f'  {_node(rid)}["{_label(atlas.role[rid].title)}"]')
        for edge in atlas.career:
            if edge.before in inside:
                lines.append(f"  {_node(edge.before)} --> {_node(edge.after)}")
        for rid in members:
            lines.append(f'  click {_node(rid)} href "{to.url(urls.page_of("role", rid))}" "{_label(atlas.role[rid].title)}"')
        blocks.append("``` mermaid\n" + "\n".join(lines) + "\n```")
    return Markup("\n\n".join(blocks))
