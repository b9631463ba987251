"""Authoring: every generated page leads back to its data, role pages date their data, the
"Recent changes" page lists the data's history, and while serving a data problem is a page.

History tests make their own small git repositories; the build tests build a copy of the project
with and without its .git folder (a source archive must still build, without the dates).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import datafactory
from conftest import MKDOCS, ROOT, build_site
from roleatlas.history import NO_HISTORY, Change, EntryChange, History, diff_file, parse_log, read_history
from roleatlas.kinds import KINDS
from roleatlas.load import load
from roleatlas.problems import DataError, Problem
from roleatlas.render.changes_page import changes_feed, render_changes
from roleatlas.render.error_page import MARKER, error_html, error_markdown
from datafactory import render_site

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")
EVIL = "<script>alert(1)</script>"


# --- history -------------------------------------------------------------------------------------


def git(repo: Path, *args: str, day: str = "2025-01-02") -> str:
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "T",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, message: str, day: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, day=day)


@pytest.fixture
def repo(tmp_path) -> Path:
    """A project with data/ and three commits: all files, then beta, then alpha."""
    project = tmp_path / "project"
    project.mkdir()
    data = datafactory.write_data(project)
    git(project, "init", "-q", "-b", "main")
    commit(project, "First data", "2024-05-06")
    role = data / "roles" / "beta.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("Beta Lead", "Beta Leader"), encoding="utf-8")
    commit(project, f"Beta renamed {EVIL}", "2025-01-02")
    role = data / "roles" / "alpha.yaml"
    role.write_text(role.read_text(encoding="utf-8") + "search_terms: [Alpha chief]\n", encoding="utf-8")
    commit(project, "Alpha found by more words", "2025-03-04")
    return project


@needs_git
def test_history_gives_each_data_file_its_last_change_and_the_changes_newest_first(repo):
    history = read_history(repo / "data")
    assert [c.subject for c in history.changes] == ["Alpha found by more words", f"Beta renamed {EVIL}", "First data"]
    assert history.changes[0] == Change(date(2025, 3, 4), "Alpha found by more words", ("roles/alpha.yaml",))
    assert history.last_changed["roles/alpha.yaml"] == date(2025, 3, 4)
    assert history.last_changed["roles/beta.yaml"] == date(2025, 1, 2)
    assert history.last_changed["atlas.yaml"] == date(2024, 5, 6)


@needs_git
def test_history_is_empty_without_a_repository_or_in_a_shallow_clone(repo, tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(repo, archive, ignore=shutil.ignore_patterns(".git"))
    assert read_history(archive / "data") == NO_HISTORY
    assert read_history(tmp_path / "nowhere") == NO_HISTORY
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    assert read_history(shallow / "data") == NO_HISTORY  # one commit would date every file to it


def test_the_log_parser_keeps_the_first_date_seen_and_skips_commits_without_files():
    out = ("\x1e2025-03-04T10:00:00+01:00\x1fNewer\n\nroles/a.yaml\n"
           "\x1e2025-02-01T10:00:00+00:00\x1fMerge\n"
           "\x1e2024-01-01T10:00:00+00:00\x1fOlder\n\nroles/a.yaml\nskills.yaml\n")
    history = parse_log(out)
    assert [c.subject for c in history.changes] == ["Newer", "Older"]
    assert history.last_changed == {"roles/a.yaml": date(2025, 3, 4), "skills.yaml": date(2024, 1, 1)}


def test_the_loader_names_the_file_of_every_entry(tmp_path):
    data = datafactory.write_data(tmp_path)
    # a collection split over two files, one written in YAML's flow style
    (data / "more.yaml").write_text('skills:\n  - {id: "rust", name: Rust, category: technical, '
                                    'description: A language.}\n', encoding="utf-8")
    atlas = load(data, root=tmp_path, today=datafactory.TODAY)
    assert atlas.file_of("role", "alpha") == "roles/alpha.yaml" and atlas.file_of("topic", "demand") == "topics/demand.yaml"
    assert atlas.file_of("skill", "python") == "atlas.yaml" and atlas.file_of("skill", "rust") == "more.yaml"
    assert atlas.file_of("comparison", "alpha-vs-beta") == "atlas.yaml"
    assert atlas.file_of("claim", "p-one-alpha") is None  # nested ids are no entries
    assert atlas.entry_in("topics/demand.yaml") == ("topic", "demand") and atlas.entry_in("more.yaml") == ("skill", "rust")
    assert atlas.entry_in("atlas.yaml") is None  # many entries: no one page
    every = {(k.ref, getattr(e, k.key)) for k in KINDS for e in getattr(atlas, k.name)}
    assert set(atlas.files) == every


def test_a_data_error_still_names_the_files_of_the_entries_it_could_read(tmp_path):
    data = datafactory.write_data(tmp_path)
    (data / "roles" / "beta.yaml").write_text("id: beta\ntitle: [\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load(data, root=tmp_path, today=datafactory.TODAY)
    assert err.value.entries[("role", "beta")] == "roles/beta.yaml"
    assert err.value.entries[("skill", "python")] == "atlas.yaml"


# --- pages ---------------------------------------------------------------------------------------


@pytest.fixture
def small(tmp_path):
    data = datafactory.write_data(tmp_path)
    return load(data, root=tmp_path, today=datafactory.TODAY)


def test_a_role_page_says_when_its_data_changed_and_how_old_its_figures_are(small):
    history = History((), {"roles/alpha.yaml": date(2025, 3, 4)})
    pages = render_site(small, datafactory.TODAY, history)
    assert re.search(r'Data last changed <time datetime="2025-03-04">2025-03-04</time>; figures as of 2024\.',
                     pages["roles/alpha.md"])
    assert "Data last changed" not in pages["roles/beta.md"]  # no history for it, and no figures
    assert "Data last changed" not in render_site(small, datafactory.TODAY)["roles/alpha.md"]
    assert "Figures as of 2024." in render_site(small, datafactory.TODAY)["roles/alpha.md"]


def test_recent_changes_say_what_changed_in_plain_words_with_links_and_no_commit_messages(small):
    entries = (EntryChange("role", "beta", "updated", "Beta Lead", ("summary", "search_terms")),
               EntryChange("role", "gone", "removed", f"Gone {EVIL}"),
               EntryChange("salary", "alpha-pay", "updated", "Average pay", ("low", "high")),
               EntryChange("source", "src-a", "added", "Source A"),
               EntryChange("term", "XYZQ", "added", "XYZQ"), EntryChange("term", "QQQ", "removed", "QQQ"))
    history = History((Change(date(2025, 3, 4), f"Beta {EVIL} refactor", ("roles/beta.yaml", "atlas.yaml"), "c1", entries),))
    page = render_changes(small, history)
    assert "## 2025-03-04 { #2025-03-04 }" in page
    assert "- **Role updated:** [Beta Lead](roles/beta.md) (summary, search words)" in page
    assert "- **Pay figure updated:** [Average pay](salaries.md#alpha-pay) (low, high)" in page
    assert "- **Source added:** [Source A](sources.md#src-a)" in page
    assert "- **Role removed:** Gone &#60;script&#62;" in page  # gone: no link, its name escaped
    assert "refactor" not in page and EVIL not in page  # the commit message is not shown
    # a glossary term since removed, or removed, is counted: its name may be one no source gives
    assert "- **Glossary term added:** 1 since removed" in page and "- **1 glossary term removed**" in page
    assert "XYZQ" not in page and "QQQ" not in page
    assert "[Atom feed of these changes](changes/feed.xml)" in page
    assert "built without its history" in render_changes(small, NO_HISTORY)


def test_the_feed_is_atom_with_one_entry_per_day_and_escaped_names(small):
    from xml.etree import ElementTree

    entries = (EntryChange("role", "alpha", "added", f"Alpha {EVIL}"),)
    history = History((Change(date(2025, 3, 4), "x", ("roles/alpha.yaml",), "c1", entries),
                       Change(date(2025, 1, 2), "y", ("atlas.yaml",), "c0", (EntryChange("skill", "python", "added", "Python"),))))
    feed = changes_feed(small, history, "https://example.org/atlas/", "Role Atlas")
    atom = "{http://www.w3.org/2005/Atom}"
    root = ElementTree.fromstring(feed)
    assert root.tag == f"{atom}feed" and root.find(f"{atom}updated").text == "2025-03-04T00:00:00Z"
    days = root.findall(f"{atom}entry")
    assert [e.find(f"{atom}id").text for e in days] == ["https://example.org/atlas/changes/#2025-03-04",
                                                         "https://example.org/atlas/changes/#2025-01-02"]
    first = ElementTree.tostring(days[0], encoding="unicode")
    assert 'href="https://example.org/atlas/roles/alpha/"' in first and "<script>" not in feed
    assert "Alpha &lt;script&gt;" in feed
    empty = ElementTree.fromstring(changes_feed(small, NO_HISTORY, "", "Role Atlas"))  # a build without git
    assert empty.findall(f"{atom}entry") == [] and empty.find(f"{atom}id").text == "urn:role-atlas:changes"


def test_comparing_two_versions_of_a_file_names_what_was_added_removed_and_updated():
    roles_before = "id: beta\ntitle: Beta Lead\nsummary: {text: old, source: s}\n"
    roles_after = "id: beta\ntitle: Beta Lead\nsummary: {text: new, source: s}\n"
    assert diff_file("roles/beta.yaml", None, roles_after) == [EntryChange("role", "beta", "added", "Beta Lead")]
    assert diff_file("roles/beta.yaml", roles_before, None) == [EntryChange("role", "beta", "removed", "Beta Lead")]
    assert diff_file("roles/beta.yaml", roles_before, roles_after) == [
        EntryChange("role", "beta", "updated", "Beta Lead", ("summary",))]
    before = "salaries:\n- {id: a, label: Pay A, low: 1}\n- {id: b, label: Pay B, low: 2}\nsources:\n- {id: s, title: S}\n"
    after = "salaries:\n- {id: a, label: Pay A, low: 5}\nsources:\n- {id: s, title: S}\n- {id: t, title: T}\n"
    assert diff_file("atlas.yaml", before, after) == [EntryChange("source", "t", "added", "T"),
                                                      EntryChange("salary", "a", "updated", "Pay A", ("low",)),
                                                      EntryChange("salary", "b", "removed", "Pay B")] or \
        sorted(diff_file("atlas.yaml", before, after), key=repr) == sorted(
            [EntryChange("source", "t", "added", "T"), EntryChange("salary", "a", "updated", "Pay A", ("low",)),
             EntryChange("salary", "b", "removed", "Pay B")], key=repr)
    assert diff_file("atlas.yaml", "salaries: [", after) != []  # a broken old version: everything is new
    assert diff_file("roles/beta.yaml", roles_after, roles_after) == []


@needs_git
def test_the_history_compares_each_commit_s_files_with_the_commit_before(repo):
    history = read_history(repo / "data")
    newest, middle, first = history.changes
    assert newest.entries == (EntryChange("role", "alpha", "updated", "Alpha Chief", ("search_terms",)),) or \
        [(e.ref, e.ident, e.how, e.fields) for e in newest.entries] == [("role", "alpha", "updated", ("search_terms",))]
    assert [(e.ident, e.how, e.name) for e in middle.entries] == [("beta", "updated", "Beta Leader")]
    assert {(e.ref, e.how) for e in first.entries} >= {("role", "added"), ("source", "added"), ("salary", "added")}
    page = render_changes(load(repo / "data", root=repo, today=datafactory.TODAY), history)
    assert "- **Role updated:** [Beta Leader](roles/beta.md) (title, summary)" in page
    assert "- **Practitioner&#39;s answer added:** CIO, Testing" in page and "Beta renamed" not in page


def test_the_error_pages_show_every_problem_escaped():
    problems = [Problem("data/roles/cto.yaml", 3, "title", f"got the text '{EVIL}'; expected text"),
                Problem("data/skills.yaml", 0, "", "the file is empty")]
    for page in (error_markdown(problems), error_html(problems)):
        assert EVIL not in page
        assert str(escape(str(problems[0]))) in page and "data/skills.yaml: (file): the file is empty" in page
        assert MARKER in page and "2 problems in the data files" in page


# --- the MkDocs glue -----------------------------------------------------------------------------


def build_files(config):
    config = config.plugins.on_config(config)
    return config.plugins.on_files(Files([]), config=config)


def test_while_serving_bad_data_turns_every_page_into_the_problem_list(hooks, tmp_path):
    config, module = hooks
    module.on_startup(command="serve", dirty=False)
    good = {f.src_uri for f in build_files(config).documentation_pages()}
    (tmp_path / "data" / "roles" / "beta.yaml").write_text(f"id: beta\ntitle: [{EVIL}\n", encoding="utf-8")
    files = build_files(config)  # no exception: the build goes on
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    assert good <= set(pages), "every page of the last good build answers"
    assert {"roles/beta.md", "roles/alpha.md", "index.md", "changes.md"} <= set(pages)
    assert all(MARKER in text and "data/roles/beta.yaml:" in text and EVIL not in text for text in pages.values())
    not_found = module.on_post_template("<html>not found</html>", template_name="404.html", config=config)
    assert MARKER in not_found and "data/roles/beta.yaml:" in not_found
    assert module.on_post_template("<p>x</p>", template_name="sitemap.xml", config=config) == "<p>x</p>"

    datafactory.write_data(tmp_path)  # the fix
    files = build_files(config)
    assert MARKER not in files.get_file_from_path("roles/beta.md").content_string
    assert module.on_post_template("<html>not found</html>", template_name="404.html", config=config) == "<html>not found</html>"


def test_building_stops_on_bad_data_with_a_plugin_error(hooks, tmp_path):
    config, module = hooks
    module.on_startup(command="build", dirty=False)
    (tmp_path / "data" / "roles" / "beta.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"data/roles/beta\.yaml:\d+"):
        build_files(config)


def test_without_repo_url_there_are_no_edit_buttons(hooks):
    config, _ = hooks
    config = config.plugins.on_config(config)
    assert config.repo_url is None and config.edit_uri is None


# --- whole builds ---------------------------------------------------------------------------------


def edit_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
    return found and found.group(1)


@pytest.mark.slow
def test_the_built_pages_lead_back_to_their_data_with_dates_from_git(tmp_path):
    site = tmp_path / "site"
    result = build_site(site, extra_env={"REPO_URL": "https://github.com/example/role-atlas", "EDIT_URI": "edit/main/"})
    assert result.returncode == 0, result.stderr
    base = "https://github.com/example/role-atlas/edit/main/"
    page = lambda p: (site / p / "index.html").read_text(encoding="utf-8")  # noqa: E731
    assert edit_link(page("roles/cto")) == base + "data/roles/cto.yaml"
    assert edit_link(page("topics/compensation")) == base + "data/topics/compensation.yaml"
    assert edit_link(page("skills/python")) == base + "data/skills.yaml"
    assert edit_link(page("compare/cto-vs-vp-engineering")) == base + "data/comparisons.yaml"
    assert edit_link(page("use-the-data")) == base + "docs/use-the-data.md"
    assert edit_link(page("roles")) is None  # made from many files: no one file to edit
    last = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", "data/roles/vp-ai-ml-engineering.yaml"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert re.search(rf"Data last changed <time datetime=\"{last}\">{last}</time>; figures as of 20\d\d\.",
                     page("roles/vp-ai-ml-engineering").replace("&#45;", "-")), "no dates on the role page"
    changes = page("changes")
    assert "Recent changes" in changes and 'href="../roles/cto/"' in changes


@pytest.mark.slow
def test_a_source_archive_without_git_builds_and_leaves_the_change_dates_out(tmp_path):
    copy = tmp_path / "role-atlas"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "site", ".cache", "__pycache__",
                                                              ".pytest_cache", ".hypothesis", "screenshots"))
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path), "REPO_URL": "https://github.com/example/role-atlas"}
    env.pop("ROLE_ATLAS_DATA", None)
    result = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / "site")], cwd=copy, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    role = (tmp_path / "site" / "roles" / "vp-ai-ml-engineering" / "index.html").read_text(encoding="utf-8")
    assert "Data last changed" not in role and "Figures as of 20" in role
    assert edit_link(role) == "https://github.com/example/role-atlas/edit/main/data/roles/vp-ai-ml-engineering.yaml"
    assert "built without its history" in (tmp_path / "site" / "changes" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_mkdocs_build_still_fails_on_bad_data_without_a_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    role = data / "roles" / "cto.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("\ncoverage: full\n", "\ncoverage: partial\n", 1), encoding="utf-8")
    result = build_site(tmp_path / "site", data=data)
    assert result.returncode != 0
    assert "data/roles/cto.yaml:3: coverage: got the text 'partial'" in result.stderr
    assert "Traceback" not in result.stderr and "Every page shows" not in result.stderr
