"""The ladders page: each company's management and engineer tracks side by side, level by level."""

from __future__ import annotations

from .. import urls
from ..atlas import Atlas
from ..model import TRACK_NAMES, Ladder, LadderLevel
from .templating import front_matter, meta_text, render

def level_anchor(ladder: Ladder, level: LadderLevel) -> str:
    """The level's anchor on the page, so every level is linkable."""
    return urls.ladder_anchor(ladder.id, level.id)


def render_ladders(atlas: Atlas) -> str:
    companies = [ladder.company for ladder in atlas.ladders]
    named = ", ".join(companies[:-1]) + " and " + companies[-1] if len(companies) > 1 else "".join(companies)
    description = (f"The management and engineer tracks side by side, level by level, as {named or 'companies'} "
                   "publish them, with links to each role.")
    front = front_matter(title=meta_text("Career ladders"), description=meta_text(description), search={"boost": 2})
    roles = [r for r in atlas.roles if r.id in atlas.placed]
    return render("ladders.md.j2", urls.LADDERS, atlas, front=front, tracks=TRACK_NAMES,
                  anchor_of=level_anchor, roles=roles, placed=atlas.placed)
