"""What the search box shows when a query finds nothing: what the atlas covers and what it cannot
answer (docs/assets/search-worker.js fetches this file only then).

A small JSON file, not the export: at 3,000 roles the export's roles.json is megabytes, and this
holds only titles, addresses and the questions of the "What the sources do not cover" note.
"""

from __future__ import annotations

import json
import re

from . import urls
from .atlas import Atlas
from .gaps import gap_status

FILE = "assets/search-covers.json"


def covers_json(atlas: Atlas) -> str:
    doc = {
        "roles": [{"title": r.title, "url": urls.url_of(urls.page_of("role", r.id)),
                   "names": [n.name for n in r.abbreviations + r.aliases]} for r in atlas.roles],
        "topics": [{"title": t.title, "url": urls.url_of(urls.page_of("topic", t.id)), "names": list(t.aliases)}
                   for t in atlas.topics],
        "skills": [{"title": s.name, "url": urls.url_of(urls.page_of("skill", s.id))} for s in atlas.skills],
        "gaps": [{"question": s.gap.question, "url": urls.url_of(urls.HOME) + f"#{s.gap.id}", "answered": bool(s.facts),
                  "words": sorted({w.lower() for phrase in (s.gap.question, *s.gap.phrases)
                                   for w in re.findall(r"[\w/+#-]+", phrase)})}
                 for s in gap_status(atlas)],
        "roles_url": urls.url_of(urls.ROLES), "topics_url": urls.url_of(urls.TOPICS),
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
