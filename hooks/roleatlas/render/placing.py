"""What a reader needs to place a source: what it is, what it can and cannot support, how old it is.

The two texts behind most claims say so in their own data entry (`what`, `supports`,
`cannot_support`, `age`). A publisher's official page or a company's published framework that leaves those out gets the atlas's own
explanation for its kind of document (marked as atlas wording where shown), since an official
statistic or classification, or one company's framework, supports the same things whoever publishes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Source


@dataclass(frozen=True)
class Placing:
    what: str
    """The entry's own description of what the document is; empty when its kind and coverage say it."""
    supports: str
    cannot_support: str
    age: str
    own: tuple[str, ...] = ()
    """The fields above that are the atlas's explanation, not the entry's own."""


_BY_KIND = (
    ("official statistics", (
        "Figures for a whole occupation (everyone in it, under any title), for the area and date it states.",
        "The pay or numbers of one job title within the occupation, or of places and dates it does not cover.")),
    ("official occupation", (
        "The occupation's code and title, what it does, and the job titles its publisher lists for it.",
        "Pay, and how one company defines or levels a title.")),
    ("company", (
        "How this one company names, levels and describes its roles, credited to it.",
        "How other companies define or level the same titles, what the roles pay, or how common the "
        "company's practice is: one company's framework is not a survey.")),
)


def placing(source: Source) -> Placing:
    own: list[str] = []
    what = source.what or ""  # else the kind and what it covers say it (the sources page shows both)
    supports, cannot = source.supports, source.cannot_support
    if supports is None or cannot is None:
        found = next((texts for prefix, texts in _BY_KIND if source.kind.lower().startswith(prefix)), None)
        if found:
            if supports is None:
                supports, own = found[0], [*own, "supports"]
            if cannot is None:
                cannot, own = found[1], [*own, "cannot_support"]
    if source.age:
        age = source.age
    elif source.data_date:
        undated = source.data_date.lower().startswith("not dated")
        age = source.data_date if undated else f"Figures as of {source.data_date}"
    else:
        age = f"Read {source.read}; the page shows no date" if source.read else "Not dated"
    return Placing(what, supports or "Not described yet.", cannot or "Not described yet.", age, tuple(own))


def tooltip(source: Source) -> str:
    """A short line for the citation's tooltip: the kind of document and how old it is. Kept to
    letters, digits and plain punctuation, so it is safe as a Markdown link title."""
    text = f"{source.kind}. {placing(source).age.rstrip('.')}. Open for what it can and cannot support."
    return re.sub(r"[^\w\s.,;:'/&–-]", "", " ".join(text.split()))[:160]
