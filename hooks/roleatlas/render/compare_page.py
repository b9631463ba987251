"""A featured comparison of two roles: one row per dimension, each cell backed by claims."""

from __future__ import annotations

from dataclasses import dataclass

from ..atlas import Atlas
from ..model import Claim, Comparison, Dimension, Perspective
from .. import urls
from .templating import front_matter, meta_text, render


@dataclass(frozen=True)
class Cell:
    """What the claims on one dimension say about one role."""

    positions: tuple[tuple[str, Perspective, Claim], ...]


@dataclass(frozen=True)
class Row:
    dimension: Dimension
    cells: tuple[Cell, Cell]


def _cell(atlas: Atlas, dimension_id: str, role_id: str) -> Cell:
    found = []
    for perspective, claim in atlas.claims_on.get(dimension_id, ()):
        for stance in claim.stances:
            if stance.role == role_id:
                found.append((stance.position, perspective, claim))
    return Cell(tuple(found))


def rows(atlas: Atlas, comparison: Comparison) -> list[Row]:
    a, b = comparison.roles
    return [Row(atlas.dimension[d], (_cell(atlas, d, a), _cell(atlas, d, b))) for d in comparison.dimensions]


def qualifiers(atlas: Atlas, comparison: Comparison) -> list[tuple[Dimension, list[tuple[Perspective, Claim]]]]:
    """Claims that qualify the comparison (it depends…), on dimensions marked as qualifiers."""
    about = set(comparison.roles)
    found = []
    for dim in atlas.dimensions:
        if not dim.qualifier:
            continue
        claims = [(p, c) for p, c in atlas.claims_on.get(dim.id, ())
                  if about & ({s.role for s in c.stances} | set(c.roles))]
        if claims:
            found.append((dim, claims))
    return found


def render_comparison(atlas: Atlas, comparison: Comparison) -> str:
    a, b = (atlas.role[r] for r in comparison.roles)
    front = front_matter(title=meta_text(comparison.title), description=meta_text(comparison.intro),
                         search={"boost": 3})
    return render("compare.md.j2", urls.page_of("comparison", comparison.id), atlas, front=front, comparison=comparison,
                  a=a, b=b, rows=rows(atlas, comparison), qualifiers=qualifiers(atlas, comparison))
