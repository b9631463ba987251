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


def mermaid_flowchart(atlas: Atlas, to: Links) -> Markup:
    """`flowchart LR` with one linked node per role on a path and one arrow per step."""
    on_path = dict.fromkeys(rid for edge in atlas.career for rid in (edge.before, edge.after))
    lines = ["flowchart LR"]
    for rid in on_path:
        lines.append(f'  {_node(rid)}["{_label(atlas.role[rid].title)}"]')
    for edge in atlas.career:
        lines.append(f"  {_node(edge.before)} --> {_node(edge.after)}")
    for rid in on_path:
        lines.append(f'  click {_node(rid)} href "{to.url(urls.page_of("role", rid))}" "{_label(atlas.role[rid].title)}"')
    return Markup("\n".join(lines))
