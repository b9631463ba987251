"""What the export adds to a role: the text its pages show, so the browser's compare view shows the
same words without formatting anything itself.

`RoleDisplay` is the one definition: the export fills it (`export.role_display`) and the export's
JSON Schema is written from its fields (`schema.export_schema`), so the two cannot drift.
"""

from __future__ import annotations

from .model import doc, model


@model
class RoleDisplay:
    """The role's facts as its pages word them; empty text where the data is silent."""

    level: str = doc("The role's level, as pages word it.", empty=True)
    experience: str = doc("Typical experience, as pages word it.", empty=True)
    education: str = doc("Education asked for, as pages word it.", empty=True)
    pay: tuple[str, ...] = doc("Each salary figure, worded.", empty=True)
    skills: tuple[str, ...] = doc("Skill ids in the pages' order.", ref="skill")
