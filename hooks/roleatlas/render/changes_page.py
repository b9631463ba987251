"""The "Recent changes" page: the latest commits that changed the data, and what they touched."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import urls
from ..atlas import Atlas
from ..kinds import BY_REF
from ..history import History
from .templating import front_matter, render

RECENT = 30  # commits listed


@dataclass(frozen=True)
class Touched:
    """One file a change touched: the entry it holds (when it still exists), else the file's name."""

    path: str
    ref: str | None = None
    ident: str | None = None


@dataclass(frozen=True)
class ChangeRow:
    day: Markup
    """The day, as an ISO date (digits and hyphens only)."""
    subject: str
    touched: tuple[Touched, ...]


def _touched(atlas: Atlas, path: str) -> Touched:
    entry = atlas.entry_in(path)
    if entry and BY_REF[entry[0]].page:
        return Touched(path, *entry)
    return Touched(path)


def render_changes(atlas: Atlas, history: History, data_prefix: str = "data/") -> str:
    rows = [ChangeRow(Markup(c.day.isoformat()), c.subject, tuple(_touched(atlas, p) for p in c.files)) for c in history.recent(RECENT)]
    front = front_matter(title="Recent changes", description="The latest changes to the data of Role Atlas, from its history.",
                         search={"exclude": True})
    return render("changes.md.j2", urls.CHANGES, atlas, front=front, rows=rows, data_prefix=data_prefix)
