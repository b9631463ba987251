"""The site never repeats a source's wording: checked against fingerprints kept in the repository.

The source texts themselves are not in the repository; `tests/fingerprints/<source id>.txt` holds
hashes of their ten-word runs (see `roleatlas_dev.fingerprints`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from roleatlas_dev.fingerprints import RUN, copied_in_site, copied_runs, fingerprint, page_text, read_fingerprints

FINGERPRINTS = ROOT / "tests" / "fingerprints"

# A sentence of the CTO-vs-VPE thread as it stands there; planting it must be caught.
THREAD_SENTENCE = ("They drive how/when/why a company should adopt new technologies "
                   "(e.g. AI/Machine Learning, etc)")


def test_every_cited_source_has_a_fingerprint_file(atlas):
    prints = read_fingerprints(FINGERPRINTS)
    assert {s.id for s in atlas.sources} <= set(prints), "run scripts/fingerprint add <id> <text file>"
    # Enough runs that the file was made from the text read, not an empty or wrong file.
    assert all(len(hashes) > 60 for hashes in prints.values())


def test_the_built_site_repeats_no_run_of_ten_words_from_any_source(site):
    copied = copied_in_site(site, read_fingerprints(FINGERPRINTS))
    assert not copied, "wording copied from the sources (restate it):\n" + "\n".join(map(str, copied[:20]))


def test_a_sentence_copied_from_a_source_into_a_page_is_caught(site, tmp_path):
    page = tmp_path / "roles" / "cto" / "index.html"
    page.parent.mkdir(parents=True)
    original = (site / "roles" / "cto" / "index.html").read_text(encoding="utf-8")
    page.write_text(original.replace("</article>", f"<p><em>{THREAD_SENTENCE}</em></p></article>", 1),
                    encoding="utf-8")
    copied = copied_in_site(tmp_path, read_fingerprints(FINGERPRINTS))
    assert [(c.path, c.source) for c in copied] == [("roles/cto/index.html", "cto-vs-vpe-thread")]
    assert copied[0].text.startswith("they drive how when why a company")


def test_case_punctuation_and_markup_do_not_hide_a_copied_run():
    prints = {"src": fingerprint("One two three, four five six seven eight nine ten eleven.")}
    found = list(copied_runs(page_text("<b>ONE</b> two-three four; five six seven eight nine TEN! more", ".html"), prints))
    assert [c.text for c in found] == ["one two three four five six seven eight nine ten"]


def test_a_shared_run_shorter_than_ten_words_is_not_copying():
    prints = {"src": fingerprint("one two three four five six seven eight nine ten")}
    assert RUN == 10
    assert not list(copied_runs("one two three four five six seven eight nine", prints))
    assert not list(copied_runs("two three four five six seven eight nine ten eleven", prints))


def test_adding_a_source_is_one_command(tmp_path):
    text = tmp_path / "new-source.txt"
    text.write_text("Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.", encoding="utf-8")
    env = {**os.environ, "ROLE_ATLAS_FINGERPRINTS": str(tmp_path / "prints")}
    made = subprocess.run([sys.executable, "scripts/fingerprint", "add", "new-source", str(text)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    prints = read_fingerprints(tmp_path / "prints")
    assert set(prints) == {"new-source"} and len(prints["new-source"]) == 3
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>Zeta eta theta iota kappa lambda mu nu xi omicron pi rho.</p>", encoding="utf-8")
    assert subprocess.run([sys.executable, "scripts/fingerprint", "check", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60).returncode == 0
    (site / "copy.html").write_text("<p>beta gamma delta epsilon zeta eta theta iota kappa lambda</p>", encoding="utf-8")
    checked = subprocess.run([sys.executable, "scripts/fingerprint", "check", str(site)], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 1
    assert "copy.html: copied from new-source: beta gamma delta" in checked.stdout


def test_no_test_or_script_reads_the_shared_folder_beside_the_repository():
    offenders = [str(p.relative_to(ROOT)) for folder in ("tests", "scripts") for p in (ROOT / folder).rglob("*")
                 if p.is_file() and p.suffix in {"", ".py"} and "../shared" in p.read_text(encoding="utf-8", errors="replace")
                 and p != Path(__file__)]
    assert not offenders
