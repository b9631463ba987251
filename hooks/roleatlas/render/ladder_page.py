"""The ladders page: each company's management and engineer tracks side by side, level by level."""

from __future__ import annotations

from .. import urls
from ..atlas import Atlas
from ..model import TRACK_NAMES, Ladder, LadderLevel
from .templating import front_matter, meta_text, render

DESCRIPTION = ("The management and engineer tracks side by side, level by level, as GitLab, Dropbox and other "
               "companies publish them, with links to each role.")


def level_anchor(ladder: Ladder, level: LadderLevel) -> str:
    """The level's anchor on the page, so every level is linkable."""
    return urls.ladder_anchor(ladder.id, level.id)


def render_ladders(atlas: Atlas) -> str:
    front = front_matter(title=meta_text("Career ladders"), description=meta_text(DESCRIPTION),
                         search={"boost": 2})
    roles = [r for r in atlas.roles if r.id in atlas.placed]
    return render("ladders.md.j2", urls.LADDERS, atlas, front=front, tracks=TRACK_NAMES,
                  anchor_of=level_anchor, roles=roles, placed=atlas.placed)
