"""The built site served on 127.0.0.1 and driven in Debian's Chromium through Playwright.

Nothing here downloads a browser: Playwright launches /usr/bin/chromium (Debian's `chromium`
package, which ./scripts/test installs). When it is missing, every browser test FAILS and says
what to install; it is never skipped.

The site is built once per session with SITE_URL set to the address it is served from, so
Material's instant navigation (which only follows links listed in sitemap.xml, compared by
protocol, host and port) works as it does when published.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, build_site
from roleatlas import urls
from roleatlas.kinds import KINDS
from roleatlas_dev import chromium


SCREENSHOTS = ROOT / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# Every kind of page, by name: the address relative to the site's root. The fixed pages, then one
# entry page of every kind with pages (kinds.KINDS): a named example where a test reads its content,
# else the first page the built site has there.
EXAMPLES = {"role": "cto", "skill": "python", "comparison": "cto-vs-vp-engineering"}
PAGE_KINDS = {
    "home": "",
    "roles-index": "roles/",
    "skills-index": "skills/",
    "topics-index": "topics/",
    "compare-any": "compare/?a=cto&b=vp-engineering",
    "matrix": "compare/matrix/",
    "perspectives": "perspectives/",
    "career-paths": "career-paths/",
    "ladders": "ladders/",
    "salaries": "salaries/",
    "official-pay": "pay/",
    "occupation-pay": "pay/11-3021/",
    "crosswalk": "crosswalk/",
    **{kind.ref: urls.url_of(urls.page_of(kind.ref, EXAMPLES.get(kind.ref, "*"))) for kind in KINDS if kind.page},
}


# Material's search box says "Initializing search" until its worker has the index, then
# "Type to start searching" (or, with a query, the number of results).
SEARCH_READY = """() => { const meta = document.querySelector('.md-search-result__meta');
                        return meta !== null && !/Initializing/.test(meta.textContent); }"""


# --- the served site -------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass


@dataclass
class Served:
    root: Path
    url: str  # http://127.0.0.1:<port>/

    def __call__(self, path: str = "") -> str:
        return self.url + self.resolve(path).lstrip("/")

    def resolve(self, path: str) -> str:
        """A path with a * in it names the first page the built site has there."""
        if "*" not in path:
            return path
        found = sorted(p.parent.relative_to(self.root).as_posix() + "/" for p in self.root.glob(path + "index.html"))
        assert found, f"the built site has no page like {path}"
        return found[0]

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real site (data/, or ROLE_ATLAS_DATA), built for and served at a free local port."""
    root = tmp_path_factory.mktemp("served-site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    server.daemon_threads = True
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    # The strict, link-checked build is tested by the `site` fixture's users; this copy differs
    # only in its address, so the slower link check is left off here.
    result = build_site(root, extra_env={"SITE_URL": url, "ROLE_ATLAS_CHECK_LINKS": "false"})
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield Served(root, url)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


# --- the browser -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not (chromium.PATH.is_file() and os.access(chromium.PATH, os.X_OK)):
        pytest.fail(chromium.INSTALL_HINT, pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright for Python is missing; run ./scripts/setup (it installs the test extras).",
                    pytrace=False)
    with sync_playwright() as p:
        try:
            browser = chromium.launch(p)
        except Exception as err:  # a broken install: say so instead of a wall of CDP text
            pytest.fail(f"{chromium.PATH} did not start ({str(err).splitlines()[0]}). "
                        + chromium.INSTALL_HINT, pytrace=False)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A page in a fresh browser context that records everything it asks for and complains about."""

    page: object
    served: Served
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        """Open the page and return once it has settled: every resource it names has loaded, and
        Material has set up the page and built its search index (the last thing a page asks for
        on its own; what a page draws with JavaScript is waited for by the tests that look at it)."""
        response = self.page.goto(self.served(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        self.page.wait_for_function(SEARCH_READY)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests
                if not (u.startswith(self.served.origin + "/") or u.startswith(("data:", "blob:", "about:")))]

    def assert_clean(self) -> None:
        """No console error, no uncaught exception, no failed request, no other host."""
        problems = ([f"request to another host: {u}" for u in self.foreign_requests()]
                    + [f"console error: {m}" for m in self.console_errors]
                    + [f"uncaught exception: {m}" for m in self.page_errors]
                    + [f"failed request: {m}" for m in self.failed])
        assert not problems, f"{self.page.url}:\n  " + "\n  ".join(problems)


def new_tab(browser, served: Served, viewport: dict[str, int] = DESKTOP, color_scheme: str = "light"):
    """(context, Tab): a fresh browser context whose page reports every request and complaint."""
    phone = viewport["width"] < 600
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme, is_mobile=phone, has_touch=phone,
                                  service_workers="block")
    page = context.new_page()
    page.set_default_timeout(15_000)
    tab = Tab(page, served)
    context.on("request", lambda r: tab.requests.append(r.url))  # the search worker's too
    page.on("console", lambda m: m.type == "error" and tab.console_errors.append(f"{m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: tab.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: tab.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and tab.failed.append(f"{r.url}: HTTP {r.status}"))
    return context, tab


@pytest.fixture
def open_tab(browser, served: Served):
    """open_tab(viewport=DESKTOP, color_scheme="light") -> Tab; contexts close after the test."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP, color_scheme: str = "light") -> Tab:
        context, tab = new_tab(browser, served, viewport, color_scheme)
        contexts.append(context)
        return tab

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def tab(open_tab) -> Tab:
    return open_tab()


def screenshot(tab: Tab, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    tab.page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    return path


def path_of(url: str) -> str:
    """/roles/cto/ for http://127.0.0.1:1234/roles/cto/#summary."""
    return urlsplit(url).path


COUNT_SEARCH_MESSAGES = """(() => {
    const seen = window.__atlasSearch = {asked: [], answered: 0};
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
        if (!this.__atlasCounted) {  // before or after Material's listener: both run in one event
            this.__atlasCounted = true;
            this.addEventListener("message", e => { if (e.data && e.data.type === 3) seen.answered++; });
        }
        if (message && message.type === 2) seen.asked.push(message.data);
        return post.call(this, message, ...rest);
    };
})();"""


@pytest.fixture(scope="module")
def search_tab(browser, served):
    """One page for every query: the search index loads once."""
    context, tab = new_tab(browser, served, DESKTOP)
    tab.page.add_init_script(COUNT_SEARCH_MESSAGES)
    tab.goto("")
    yield tab
    tab.assert_clean()
    context.close()
