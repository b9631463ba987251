"""Link-preview pictures: a 1200×630 PNG per role, topic, comparison, the home page and the pages
readers share most (salaries, compare, career paths, skills).

Each card shows a small line above the title (the role's level, "Topic", "Comparison"), the title,
one line of what the page is about (the role's focus, the topic's summary, the comparison's intro)
and the site's name. Cards are drawn with Pillow in the Roboto fonts shipped in `fonts/` (Apache
2.0, see `fonts/LICENSE`), so nothing is downloaded. A drawn card is kept in a cache folder under
a hash of everything that goes into it (its text, this module's code and the fonts): an unchanged
page's card is copied from there, not drawn again.

This module never imports MkDocs; `hooks/atlas_hooks.py` hands it the atlas and the site folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .atlas import Atlas
from .formats import level_text
from .model import Role

if TYPE_CHECKING:  # Pillow is imported only when a card is drawn
    from PIL.ImageFont import FreeTypeFont
from . import urls

SIZE = (1200, 630)
FOLDER = "assets/images/social"  # where the cards go in the built site (as Material's own plugin puts them)
FONTS = Path(__file__).parent / "fonts"

BACKGROUND = (40, 53, 147)  # indigo 800: the site's primary colour, dark enough for white text
KICKER = (197, 202, 233)  # indigo 100
TEXT = (255, 255, 255)
SOFT = (232, 234, 246)  # indigo 50
ACCENT = (140, 158, 255)  # indigo A100
MARGIN = 80


@dataclass(frozen=True)
class Card:
    page: str  # the Markdown page it belongs to (roles/cto.md)
    kicker: str
    title: str
    line: str
    site: str

    @property
    def image(self) -> str:
        """The card's path in the built site: assets/images/social/roles/cto.png."""
        return f"{FOLDER}/{self.page[:-3]}.png"

    def key(self) -> str:
        """A hash of everything the picture depends on."""
        digest = hashlib.sha256(_drawing_version().encode())
        for part in (self.kicker, self.title, self.line, self.site):
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()


def _role_kicker(role: Role) -> str:
    """The role's level, or plain "Role" where the sources do not place it ("not placed" would say
    nothing to someone seeing the preview in a chat)."""
    return "Role" if role.level == "other" else level_text(role.level)


def cards_for(atlas: Atlas, site_name: str, site_description: str) -> list[Card]:
    """The cards of the home page, every role, topic and featured comparison, and the salaries,
    compare, career paths and skills pages."""
    cards = [Card(urls.HOME, "Technical leadership roles", site_name, site_description, site_name)]
    cards += [Card(urls.page_of("role", r.id), _role_kicker(r), r.title, r.focus.text, site_name) for r in atlas.roles]
    cards += [Card(urls.page_of("topic", t.id), "Topic", t.title, t.summary, site_name) for t in atlas.topics]
    cards += [Card(urls.page_of("comparison", c.id), "Comparison", c.title, c.intro, site_name)
              for c in atlas.comparisons]
    roles = len(atlas.roles)
    cards += [
        Card(urls.SALARIES, "Pay", "Salaries",
             f"{len(atlas.salaries)} pay figures, each with its year, region, currency and source", site_name),
        Card(urls.COMPARE, "Compare", "Compare two roles",
             f"Any two of {roles} roles side by side, as a link you can share", site_name),
        Card(urls.CAREER, "Careers", "Career paths", f"How the {roles} roles lead into each other, step by sourced step",
             site_name),
        Card(urls.SKILLS, "Skills", "Skills", f"{len(atlas.skills)} skills, tools and traits, each with the roles that need it",
             site_name),
    ]
    return cards


def write_cards(cards: Iterable[Card], site_dir: Path, cache_dir: Path) -> tuple[int, int]:
    """Put every card into the site, drawing only those not in `cache_dir`. Returns (drawn, reused)."""
    drawn = reused = 0
    for card in cards:
        key = card.key()
        cached = cache_dir / key[:2] / f"{key}.png"
        if cached.is_file():
            reused += 1
        else:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(draw(card))
            os.replace(partial, cached)  # whole or not at all, even with two builds at once
            drawn += 1
        target = site_dir / card.image
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return drawn, reused


# --- drawing ---------------------------------------------------------------------------------------


@cache
def _drawing_version() -> str:
    """This module's code and the fonts: a change to either draws every card again."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for font in sorted(FONTS.glob("*.ttf")):
        digest.update(font.read_bytes())
    return digest.hexdigest()


@cache
def _font(weight: str, size: int) -> FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / f"Roboto-{weight}.ttf"), size)


def _wrap(text: str, font: FreeTypeFont, width: int, lines: int) -> list[str]:
    """Break `text` into at most `lines` lines no wider than `width`; an ellipsis marks a cut."""
    words, out = text.split(), list[str]()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and font.getlength(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        while font.getlength(line) > width and len(line) > 1:  # one word longer than the line
            line = line[:-1]
        out.append(line)
    if words and out:
        last = out[-1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        out[-1] = last + " …"
    return out


def _title_lines(title: str, width: int) -> tuple[FreeTypeFont, list[str]]:
    """The largest title size at which the whole title fits in three lines (or the smallest size)."""
    for size in (84, 72, 62, 54):
        font = _font("Bold", size)
        lines = _wrap(title, font, width, 3)
        if " ".join(lines) == " ".join(title.split()):
            return font, lines
    return font, lines


def draw(card: Card) -> bytes:
    """The card as PNG bytes, 1200×630."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, BACKGROUND)
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    y = MARGIN
    kicker = _font("Bold", 32)
    for line in _wrap(card.kicker.upper(), kicker, width, 1):
        pen.text((MARGIN, y), line, font=kicker, fill=KICKER)
    y += 64
    title_font, title = _title_lines(card.title, width)
    step = int(title_font.size * 1.15)
    for line in title:
        pen.text((MARGIN, y), line, font=title_font, fill=TEXT)
        y += step
    y += 24
    body = _font("Regular", 36)
    room = max(1, min(3, (SIZE[1] - MARGIN - 70 - y) // 46))
    for line in _wrap(card.line, body, width, room):
        pen.text((MARGIN, y), line, font=body, fill=SOFT)
        y += 46
    pen.rectangle((MARGIN, SIZE[1] - MARGIN - 44, MARGIN + 8, SIZE[1] - MARGIN), fill=ACCENT)
    pen.text((MARGIN + 24, SIZE[1] - MARGIN - 46), card.site, font=_font("Bold", 38), fill=TEXT)
    out = BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue()
