"""The "Recent changes" page and its Atom feed: what changed in the data, in a reader's words.

Each change is worked out by comparing the data files before and after a commit (history.py):
roles added or removed, pay figures updated, sources added, with links to what still exists.
Commit messages are for contributors and are not shown. Changes are grouped by day, newest first;
within a day, one line per kind of entry and what happened to it ("Roles updated: CTO (notes)").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .. import urls
from ..atlas import Atlas
from ..history import EntryChange, History
from ..kinds import BY_REF
from .markup import html_environment
from .templating import front_matter, render

DAYS = 20  # days listed on the page and in the feed
NOUNS = {"role": ("role", "roles"), "topic": ("topic", "topics"), "source": ("source", "sources"),
         "skill": ("skill", "skills"), "salary": ("pay figure", "pay figures"),
         "occupation": ("official occupation", "official occupations"),
         "dimension": ("comparison dimension", "comparison dimensions"),
         "perspective": ("practitioner's answer", "practitioners' answers"),
         "comparison": ("comparison", "comparisons"), "term": ("glossary term", "glossary terms")}
"""What a reader calls an entry of each kind; a kind missing here is called by its reference name."""
ORDER = ("added", "updated", "removed")
FIELD_WORDS = {"search_terms": "search words", "career_to": "next steps", "career_from": "earlier steps",
               "skill_lists": "skill lists", "work_setting": "work setting", "what": "what it is",
               "supports": "what it can support", "cannot_support": "what it cannot support", "age": "how old it is"}


@dataclass(frozen=True)
class Item:
    name: str
    target: str | None
    """The page (and anchor) it links to, or None when it no longer exists."""
    detail: str = ""


@dataclass(frozen=True)
class Line:
    label: str
    """"Roles added", "Pay figures updated"…"""
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Day:
    day: Markup
    """The day, as an ISO date (digits and hyphens only)."""
    lines: tuple[Line, ...]


def _target(atlas: Atlas, ref: str, ident: str) -> str | None:
    """Where an entry is shown, if it still exists."""
    kind = BY_REF.get(ref)
    if kind is None or ident not in getattr(atlas, ref, {}):
        return None
    if kind.page:
        return urls.page_of(ref, ident)
    anchors = {"source": urls.SOURCES, "salary": urls.SALARIES, "occupation": urls.CROSSWALK,
               "dimension": urls.PERSPECTIVES}
    return f"{anchors[ref]}#{ident}" if ref in anchors else None


def _noun(ref: str, count: int) -> str:
    one, many = NOUNS.get(ref, (ref, ref + "s"))
    return one if count == 1 else many


def days(atlas: Atlas, history: History) -> tuple[Day, ...]:
    """The changes the history compared, by day, newest first; a day with none left out."""
    by_day: dict[date, dict[tuple[str, str], dict[str, EntryChange]]] = {}
    for change in history.changes:  # newest first: the first change seen of an entry on a day is its last
        groups = by_day.setdefault(change.day, {})
        for entry in change.entries:
            seen = [g for (ref, _), g in groups.items() if ref == entry.ref and entry.ident in g]
            if seen:
                if entry.how == "added":  # added, then updated the same day: it was added
                    for g in seen:
                        g.pop(entry.ident)
                    groups.setdefault((entry.ref, "added"), {})[entry.ident] = entry
                continue
            groups.setdefault((entry.ref, entry.how), {})[entry.ident] = entry
    out = []
    for day in sorted(by_day, reverse=True)[:DAYS]:
        lines = []
        for (ref, how), entries in sorted(by_day[day].items(), key=lambda kv: (ORDER.index(kv[0][1]), kv[0][0])):
            if not entries:
                continue
            # An entry without a page of its own (a glossary term, a pay figure) that the data no
            # longer holds is counted, not named: its name may be one no source gives.
            has_page = bool(BY_REF.get(ref) and BY_REF[ref].page)
            gone = [e for e in entries.values() if not has_page and e.ident not in getattr(atlas, ref, {})]
            if how == "removed" and not has_page:
                lines.append(Line(f"{len(entries)} {_noun(ref, len(entries))} removed".capitalize(), ()))
                continue
            items = tuple(Item(e.name, None if how == "removed" else _target(atlas, ref, e.ident),
                               ", ".join(FIELD_WORDS.get(f, f.replace("_", " ")) for f in e.fields))
                          for e in entries.values() if e not in gone)
            if gone:
                items += (Item(f"{len(gone)} since removed", None),)
            lines.append(Line(f"{_noun(ref, len(entries))} {how}".capitalize(), items))
        if lines:
            out.append(Day(Markup(day.isoformat()), tuple(lines)))
    return tuple(out)


def render_changes(atlas: Atlas, history: History, data_prefix: str = "data/") -> str:
    front = front_matter(title="Recent changes",
                         description="What changed in Role Atlas: roles, pay figures and sources added or updated.",
                         search={"exclude": True})
    return render("changes.md.j2", urls.CHANGES, atlas, front=front, days=days(atlas, history),
                  has_history=bool(history.changes), feed=FEED)


FEED = "changes/feed.xml"


def changes_feed(atlas: Atlas, history: History, site_url: str, site_name: str) -> str:
    """The same changes as an Atom feed, one entry per day. Links are absolute when the site's
    address is known (SITE_URL), else relative to the feed."""
    base = site_url.rstrip("/") + "/" if site_url else "../"

    def href(target: str) -> str:
        page, _, anchor = target.partition("#")
        return base + urls.url_of(page) + (f"#{anchor}" if anchor else "")

    listed = days(atlas, history)
    return html_environment().get_template("changes.atom.j2").render(
        days=listed, href=href, site_name=site_name, page=href(urls.CHANGES), feed=base + FEED,
        feed_id=(base + FEED) if site_url else "urn:role-atlas:changes",
        entry_id=(lambda day: f"{href(urls.CHANGES)}#{day}") if site_url else (lambda day: f"urn:role-atlas:changes:{day}"),
        updated=(f"{listed[0].day}T00:00:00Z" if listed else "1970-01-01T00:00:00Z"))
