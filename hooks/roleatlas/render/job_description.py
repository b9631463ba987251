"""A copy-ready job description in Markdown, made from a role's data.

It is shown inside a code block (Material adds a copy button), so it is plain text on the page:
no escaping for Markdown, only a fence longer than any run of backticks in the text.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..atlas import Atlas
from ..formats import education_text, experience_text
from ..model import Role


def job_description(atlas: Atlas, role: Role) -> str:
    q = role.qualifications
    lines = [f"# {role.title}", "", " ".join(role.summary.text.split()), ""]
    if role.responsibilities:
        lines += ["## What you will do", ""]
        lines += [f"- {' '.join(item.split())}" for area in role.responsibilities for item in area.items]
        lines.append("")
    required = [f"- {x.title}: {' '.join(x.text.split())}" for x in q.required]
    if q.experience and experience_text(q.experience):
        detail = f", {q.experience.detail}" if q.experience.detail else ""
        required.insert(0, f"- Experience: {experience_text(q.experience)}{detail}")
    if q.education:
        required.insert(1 if required else 0, f"- Education: {education_text(q.education)}")
    if required:
        lines += ["## What you bring", "", *required, ""]
    if q.preferred:
        lines += ["## Nice to have", "", *[f"- {x.title}: {' '.join(x.text.split())}" for x in q.preferred], ""]
    skills = [atlas.skill[sid].name for sid in atlas.skill_ids_of(role)]
    if skills:
        lines += ["## Skills", "", ", ".join(skills), ""]
    return "\n".join(lines).rstrip() + "\n"


def fenced(text: str, language: str = "markdown") -> Markup:
    """`text` in a fenced code block whose fence no line of the text can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence} {language}\n{text}{fence}")
