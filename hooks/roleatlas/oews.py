"""BLS's OEWS release as scripts/import-oews committed it in data/oews/: read, checked, and looked up.

The build reads only these committed files (CSV and one JSON file), with the standard library:
no package is needed to serve or test the site. Values stay BLS's strings; a figure BLS did not
publish keeps its footnote code ("8": not released, "5": at or above the top-coding limit), so a
page can say why a number is missing instead of showing a blank.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .model import Source
from .problems import Problem, display_path

FOLDER = "oews"
"""data/oews/: written by scripts/import-oews, read here; the YAML loader leaves the folder alone."""

TABLES = ("wages", "areas", "occupations", "datatypes", "footnotes")
PERCENTILES = (("annual_p10", 10), ("annual_p25", 25), ("annual_median", 50), ("annual_p75", 75),
               ("annual_p90", 90))
NOT_RELEASED, TOP_CODED = "8", "5"
AreaKind = Literal["national", "state", "metropolitan", "nonmetropolitan"]
AREA_KINDS: tuple[AreaKind, ...] = ("national", "state", "metropolitan", "nonmetropolitan")


def soc_code(code: str) -> str:
    """BLS's occupation code as SOC writes it: 113021 → 11-3021; an O*NET-SOC code's first seven
    characters are its SOC occupation (11-3021.00 → 11-3021)."""
    digits = code.replace("-", "")[:6]
    return f"{digits[:2]}-{digits[2:6]}"


@dataclass(frozen=True)
class ReleaseFile:
    """One of BLS's original files, as the package's manifest describes it."""

    name: str
    url: str
    bytes: int
    sha256: str
    last_modified: str


@dataclass(frozen=True)
class Area:
    code: str
    type: str
    state_code: str
    name: str

    @property
    def kind(self) -> AreaKind:
        """BLS's area types are N, S and M; its nonmetropolitan areas are type M named so."""
        if self.type == "N":
            return "national"
        if self.type == "S":
            return "state"
        return "nonmetropolitan" if "nonmetropolitan" in self.name.lower() else "metropolitan"


@dataclass(frozen=True)
class Figure:
    """One published cell: BLS's string, and its footnote code when BLS marks one."""

    value: str
    footnote: str | None = None

    @property
    def number(self) -> float | None:
        try:
            return float(self.value.replace(",", ""))
        except ValueError:
            return None


@dataclass(frozen=True)
class Estimate:
    """One occupation in one area: every datatype BLS publishes for it."""

    occupation: str
    area: Area
    cells: dict[str, Figure]

    def __getitem__(self, column: str) -> Figure:
        return self.cells[column]


@dataclass(frozen=True)
class PayRelease:
    """The release with its provenance and its figures."""

    id: str
    publisher: str
    dataset: str
    release: str
    published: str
    url: str
    licence: str
    credit: str
    disclaimer: str
    retrieved: str
    package: dict[str, str]
    files: tuple[ReleaseFile, ...]
    occupations: dict[str, str]
    """SOC code (11-3021) → BLS's title."""
    footnotes: dict[str, str]
    areas: tuple[Area, ...]
    estimates: dict[tuple[str, str], Estimate] = field(repr=False)
    """(SOC code, area code) → estimate."""

    @property
    def year(self) -> int:
        return int(self.release.split()[-1])

    @property
    def top_code(self) -> str:
        """The top-coding limit BLS's footnote states ($239,200 per year), for 'at least' wording."""
        found = re.search(r"\$[\d,]+ per year", self.footnotes.get(TOP_CODED, ""))
        return found.group(0).replace(" per year", "") if found else ""

    def national(self, soc: str) -> Estimate | None:
        return self.estimates.get((soc, "0000000"))

    def rows(self, soc: str) -> list[Estimate]:
        """Every area with figures for the occupation, national first, then states, then the rest."""
        return [e for a in self.areas if (e := self.estimates.get((soc, a.code)))]

    @property
    def source(self) -> Source:
        """The release as a source entry: the publisher is cited, the package named as the route."""
        return Source(
            id=self.id, title=f"{self.dataset}, {self.release} release",
            kind="Official statistics (data release)",
            covers=(f"Employment and wage estimates for every occupation in the United States, each state and "
                    f"territory, and every metropolitan and nonmetropolitan area, published {self.published}; "
                    f"BLS's files as the package's builder retrieved them on {self.retrieved}."),
            publisher=self.publisher, url=self.url, data_date=self.release,
            licence=self.licence, attribution=f"{self.credit} {self.disclaimer}")


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_release(data_dir: Path, root: Path) -> tuple[PayRelease | None, list[Problem]]:
    """The release in data/oews/, or None when the folder is absent; problems name file, line, field."""
    folder = data_dir / FOLDER
    if not folder.is_dir():
        return None, []
    problems: list[Problem] = []
    shown = display_path(folder, root)
    fix = "run scripts/import-oews again instead of editing the file"
    missing = [f"{t}.csv" for t in TABLES if not (folder / f"{t}.csv").is_file()] + (
        [] if (folder / "release.json").is_file() else ["release.json"])
    if missing:
        return None, [Problem(shown, 0, "", f"missing {', '.join(missing)}; {fix}")]
    try:
        meta = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    except ValueError as err:
        return None, [Problem(f"{shown}/release.json", getattr(err, "lineno", 0), "", f"not valid JSON ({err}); {fix}")]
    needed = ("id", "publisher", "dataset", "release", "published", "url", "licence", "credit", "disclaimer",
              "retrieved", "package", "files")
    if not isinstance(meta, dict) or any(k not in meta for k in needed):
        absent = [k for k in needed if not isinstance(meta, dict) or k not in meta]
        return None, [Problem(f"{shown}/release.json", 1, ", ".join(absent), f"missing; {fix}")]
    areas = tuple(Area(r["area_code"], r["area_type"], r["state_code"], r["area_name"]) for r in _csv(folder / "areas.csv"))
    by_code = {a.code: a for a in areas}
    occupations = {soc_code(r["occupation_code"]): r["occupation_name"] for r in _csv(folder / "occupations.csv")}
    footnotes = {r["footnote_code"]: r["footnote_text"] for r in _csv(folder / "footnotes.csv")}
    columns = [r["column"] for r in _csv(folder / "datatypes.csv")]
    estimates: dict[tuple[str, str], Estimate] = {}
    for line, row in enumerate(_csv(folder / "wages.csv"), start=2):
        where = f"{shown}/wages.csv"
        area = by_code.get(row.get("area_code", ""))
        soc = soc_code(row.get("occupation_code", ""))
        notes = dict(n.split("=", 1) for n in (row.get("footnotes") or "").split() if "=" in n)
        if area is None or soc not in occupations:
            problems.append(Problem(where, line, "area_code" if area is None else "occupation_code",
                                    f"not in areas.csv/occupations.csv; {fix}"))
            continue
        bad = [c for c, f in notes.items() if c not in columns or f not in footnotes]
        if bad:
            problems.append(Problem(where, line, "footnotes", f"unknown column or footnote code in {bad}; {fix}"))
        estimates[(soc, area.code)] = Estimate(soc, area, {c: Figure(row.get(c) or "", notes.get(c)) for c in columns})
    files = tuple(ReleaseFile(f["name"], f["url"], int(f["bytes"]), f["sha256"], f["last_modified"])
                  for f in meta["files"])
    release = PayRelease(
        id=meta["id"], publisher=meta["publisher"], dataset=meta["dataset"], release=meta["release"],
        published=meta["published"], url=meta["url"], licence=meta["licence"], credit=meta["credit"],
        disclaimer=meta["disclaimer"], retrieved=meta["retrieved"], package=dict(meta["package"]), files=files,
        occupations=occupations, footnotes=footnotes, areas=areas, estimates=estimates)
    return release, problems
