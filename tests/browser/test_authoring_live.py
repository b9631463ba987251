"""The authoring loop in Chromium against a real `mkdocs serve`: a broken data file shows its
problem in the open page by live reload, the fix brings the page back, and the edit button opens
the data file. Every wait is Playwright's wait for the condition, never a sleep.

With REPO_URL set, Material's header asks api.github.com for the repository's stars; that request
is blocked here, as it fails offline, and the page must work without it.
"""

from __future__ import annotations

import shutil
import time

import pytest

from conftest import ROOT
from test_serve import PROBLEM, replace, start_server

REPO = "https://github.com/example/role-atlas"


@pytest.fixture
def serving(tmp_path):
    """`mkdocs serve` of a copy of the project (its data inside it, as in a clone, so role pages
    have their edit buttons), with REPO_URL set."""
    project = tmp_path / "role-atlas"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", ".cache", "__pycache__",
                                                                 ".pytest_cache", ".hypothesis", "screenshots"))
    staging = tmp_path / "staging"
    staging.mkdir()
    process, log, server = start_server(None, {"REPO_URL": REPO, "EDIT_URI": "edit/main/"}, project=project)
    yield project / "data", staging, log, server
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def live_tab(browser):
    context = browser.new_context(service_workers="block")
    blocked: list[str] = []

    def block(route):
        blocked.append(route.request.url)
        route.abort()

    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:")
                  else block(route))
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors, blocked
    context.close()


def test_a_broken_file_shows_in_the_open_page_and_the_fix_brings_it_back(serving, live_tab):
    data, staging, log, server = serving
    page, errors, blocked = live_tab
    page.goto(server.url + "roles/cto/")
    page.wait_for_selector("h1:has-text('Chief Technology Officer')")
    edit = page.locator("a[title='Edit this page']")
    assert edit.get_attribute("href") == f"{REPO}/edit/main/data/roles/cto.yaml"

    role_file = data / "roles" / "cto.yaml"
    original = role_file.read_text(encoding="utf-8")
    saved = time.monotonic()
    replace(role_file, original.replace("\ncoverage: full\n", "\ncoverage: <b>partial</b>\n", 1), staging)
    page.wait_for_selector(".atlas-data-problems")  # live reload brought the error page into the open tab
    seconds = time.monotonic() - saved
    assert PROBLEM in page.locator(".atlas-data-problems").inner_text()  # shown as text, not as markup
    assert page.locator(".atlas-data-problems b").count() == 0
    print(f"save to problem shown in Chromium: {seconds:.2f} s; requests blocked: {blocked}")

    replace(role_file, original, staging)
    page.wait_for_selector("h1:has-text('Chief Technology Officer')")
    assert page.locator(".atlas-data-problems").count() == 0
    assert not errors, errors
    assert all("api.github.com" in url for url in blocked), blocked  # nothing else leaves the machine


def test_an_unknown_address_shows_the_problem_and_reloads_after_the_fix(serving, live_tab):
    data, staging, log, server = serving
    page, errors, _ = live_tab
    role_file = data / "roles" / "cto.yaml"
    original = role_file.read_text(encoding="utf-8")
    epoch, _ = server.page("roles/cto/")
    replace(role_file, original.replace("\ncoverage: full\n", "\ncoverage: <b>partial</b>\n", 1), staging)
    server.next_epoch(epoch)
    page.goto(server.url + "roles/no-such-role/")
    page.wait_for_selector(".atlas-data-problems")
    assert PROBLEM in page.locator(".atlas-data-problems").inner_text()

    replace(role_file, original, staging)
    page.wait_for_selector("h1:has-text('Page not found')")  # the 404 page reloaded by itself
    assert not errors, errors
