"""The ladders page: each company's management and engineer tracks side by side, level by level."""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..atlas import Atlas
from ..model import TRACK_NAMES, Ladder, LadderLevel, Rung
from .templating import front_matter, meta_text, render

DESCRIPTION = ("The management and engineer tracks side by side, level by level, as GitLab, Dropbox and other "
               "companies publish them, with links to each role.")


def level_anchor(ladder: Ladder, level: LadderLevel) -> str:
    """The level's address on the page: the company's id and the level's, so every level is linkable."""
    return f"{ladder.id}-{level.id}"


@dataclass(frozen=True)
class Placement:
    """Where one company's ladder puts one atlas role: the levels and the titles it uses there."""

    ladder: Ladder
    level: LadderLevel
    rung: Rung


def placements(atlas: Atlas) -> dict[str, tuple[Placement, ...]]:
    """By role id: every ladder level that names the role, in ladder order, for the cross-company table
    and the role pages."""
    found: dict[str, list[Placement]] = {}
    for ladder in atlas.ladders:
        for level in ladder.levels:
            for rung in (*level.management, *level.engineer):
                if rung.role:
                    found.setdefault(rung.role, []).append(Placement(ladder, level, rung))
    return {rid: tuple(p) for rid, p in found.items()}


def render_ladders(atlas: Atlas) -> str:
    front = front_matter(title=meta_text("Career ladders"), description=meta_text(DESCRIPTION),
                         search={"boost": 2})
    placed = placements(atlas)
    roles = [r for r in atlas.roles if r.id in placed]
    return render("ladders.md.j2", urls.LADDERS, atlas, front=front, tracks=TRACK_NAMES,
                  anchor_of=level_anchor, roles=roles, placed=placed)
