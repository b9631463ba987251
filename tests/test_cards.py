"""Link previews with a picture: every role, topic, comparison and the home page name a 1200×630 PNG
that is in the built site, drawn at build time and not drawn again while the page is unchanged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from roleatlas import urls
from roleatlas.cards import Card, cards_for, draw, write_cards



def _png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.size


def test_a_card_is_a_1200_by_630_png_and_a_long_title_still_fits():
    card = Card("roles/x.md", "Vice president", "Vice President of " + "Very Long Words " * 12,
                "What the role is for, " * 20, "Role Atlas")
    assert _png_size(draw(card)) == (1200, 630)


def test_cards_for_names_the_home_page_and_every_role_topic_and_comparison(atlas):
    cards = {c.page: c for c in cards_for(atlas, "Role Atlas", "Roles compared.")}
    expected = {urls.HOME, urls.SALARIES, urls.COMPARE, urls.CAREER, urls.SKILLS,  # the pages readers share (issue 26)
                *(urls.page_of("role", r.id) for r in atlas.roles),
                *(urls.page_of("topic", t.id) for t in atlas.topics),
                *(urls.page_of("comparison", c.id) for c in atlas.comparisons)}
    assert set(cards) == expected
    role = atlas.roles[0]
    card = cards[urls.page_of("role", role.id)]
    assert (card.title, card.line, card.site) == (role.title, role.focus.text, "Role Atlas")
    assert card.kicker  # the level, in words
    assert card.image == f"assets/images/social/roles/{role.id}.png"
    assert cards[urls.SALARIES].title == "Salaries" and str(len(atlas.salaries)) in cards[urls.SALARIES].line
    assert cards[urls.SKILLS].image == "assets/images/social/skills/index.png"


def test_an_unchanged_card_is_taken_from_the_cache_and_a_changed_one_is_drawn(tmp_path: Path):
    cache, site = tmp_path / "cache", tmp_path / "site"
    cards = [Card("roles/a.md", "Executive", "Chief A Officer", "Runs A.", "Role Atlas"),
             Card("topics/b.md", "Topic", "B", "About B.", "Role Atlas")]
    assert write_cards(cards, site, cache) == (2, 0)
    cached = sorted(cache.rglob("*.png"))
    stamps = [p.stat().st_mtime_ns for p in cached]
    assert write_cards(cards, tmp_path / "site2", cache) == (0, 2)
    assert [p.stat().st_mtime_ns for p in cached] == stamps  # not written again
    key = cards[0].key()
    assert (tmp_path / "site2" / cards[0].image).read_bytes() == (cache / key[:2] / f"{key}.png").read_bytes()
    renamed = [Card("roles/a.md", "Executive", "Chief A Officer", "Runs A and C.", "Role Atlas"), cards[1]]
    assert write_cards(renamed, site, cache) == (1, 1)


@pytest.mark.slow
def test_without_a_named_address_no_page_claims_a_preview_image(site: Path):
    """og:image must be an absolute address; a build for a host nobody named has none to give (the
    browser tests' build, for a named address, checks the images: tests/browser/test_pages.py)."""
    for page in ("", "roles/cto/", "glossary/"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert 'property="og:image"' not in html, page
    assert (site / "assets" / "images" / "social" / "roles" / "cto.png").is_file()  # drawn all the same


@pytest.mark.data
def test_a_role_the_sources_do_not_place_is_carded_as_a_role(atlas):
    cards = {c.page: c for c in cards_for(atlas, "Role Atlas", "Roles compared.")}
    assert cards["roles/lead-engineer.md"].kicker == "Role"  # level "other": the sources do not place it
    assert cards["roles/cto.md"].kicker == "executive"
