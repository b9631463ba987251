"""Old addresses that must keep working: a role's former ids and its other names as URL slugs."""

from __future__ import annotations

from .atlas import Atlas
from .urls import page_of, slug


def redirects(atlas: Atlas) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Old role page → role page for former ids and for every name a role is found by, and the
    names left out because several roles share them.

    A slug that is a live role id gets no redirect (it would hide a page), nor does one that two
    roles share (it would send readers to one of them at random). Former ids are checked on load.
    """
    live = set(atlas.role)
    claimed: dict[str, set[str]] = {}
    for role in atlas.roles:
        for name in [*role.former_ids, *(slug(n) for n in role.names)]:
            if name and name not in live:
                claimed.setdefault(name, set()).add(role.id)
    maps = {page_of("role", name): page_of("role", next(iter(owners)))
            for name, owners in sorted(claimed.items()) if len(owners) == 1}
    shared = {name: owners for name, owners in claimed.items() if len(owners) > 1}
    return maps, shared
