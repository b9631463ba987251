"""Fingerprints of the source texts: find wording the site copied, without keeping the texts.

The atlas restates its sources; figures, names and short lists carry over, sentences do not. To
check that on every build without storing anyone's text in the repository, each source is kept as
the hashes of its runs of `RUN` consecutive normalised words (one file per source, made by
`scripts/fingerprint`). A run of the site's text whose hash is in a file is wording copied from
that source. The hashes cannot be turned back into the text.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

RUN = 10
"""Words in a run: long enough that a shared run is copied wording, not a shared phrase."""

_WORD = re.compile(r"[a-z0-9$%]+(?:['’][a-z]+)?")
_TAGS = re.compile(r"<[^>]+>")
_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
HEADER = "# Role Atlas source fingerprints"


def words(text: str) -> list[str]:
    """Lowercase words; punctuation, markup and spacing never hide a copied run."""
    return _WORD.findall(text.lower())


def run_hash(run: Iterable[str]) -> str:
    """64 bits of BLAKE2b: collisions among a few hundred thousand runs are vanishingly rare."""
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).hexdigest()


def fingerprint(text: str, size: int = RUN) -> set[str]:
    ws = words(text)
    return {run_hash(ws[i:i + size]) for i in range(len(ws) - size + 1)}


def fingerprint_file(source_id: str, text: str) -> str:
    """The text of a fingerprint file: a header, then one sorted hash per line."""
    hashes = sorted(fingerprint(text))
    head = [HEADER, f"# source: {source_id}", f"# runs of {RUN} words, BLAKE2b-64; made by scripts/fingerprint"]
    return "\n".join(head + hashes) + "\n"


def read_fingerprints(folder: Path) -> dict[str, set[str]]:
    """Every `<source id>.txt` in the folder, as hash sets."""
    found = {}
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0] != HEADER:
            raise ValueError(f"{path}: not a fingerprint file (make it with scripts/fingerprint)")
        found[path.stem] = {line for line in lines if line and not line.startswith("#")}
    return found


@dataclass(frozen=True)
class Copied:
    """A stretch of a file's text that matches a source's fingerprints."""

    path: str
    source: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}: copied from {self.source}: {self.text}"


def page_text(raw: str, suffix: str) -> str:
    """What a reader sees of a built file: HTML without tags and scripts, other text as it is."""
    if suffix == ".html":
        raw = _TAGS.sub(" ", _SCRIPTS.sub(" ", raw))
    return html.unescape(raw)


def copied_runs(text: str, sources: dict[str, set[str]], path: str = "") -> Iterator[Copied]:
    """Each longest stretch of `text` whose every run of RUN words is in one source's fingerprints."""
    ws = words(text)
    hashes = [run_hash(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1)]
    for source, prints in sources.items():
        i = 0
        while i < len(hashes):
            if hashes[i] in prints:
                j = i
                while j + 1 < len(hashes) and hashes[j + 1] in prints:
                    j += 1
                yield Copied(path, source, " ".join(ws[i:j + RUN]))
                i = j + 1
            else:
                i += 1


def copied_in_site(site: Path, sources: dict[str, set[str]]) -> list[Copied]:
    """Copied wording in every page and data file of a built site (HTML, JSON, XML, text)."""
    found: list[Copied] = []
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".json", ".txt", ".xml"} and path.is_file():
            text = page_text(path.read_text(encoding="utf-8", errors="replace"), path.suffix)
            found += copied_runs(text, sources, str(path.relative_to(site)))
    return found
