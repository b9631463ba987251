"""Debian's Chromium as the browser tests and scripts/bench_search launch it: the one place for its
path and flags (nothing downloads a browser)."""

from __future__ import annotations

import os
from pathlib import Path

PATH = Path(os.environ.get("ROLE_ATLAS_CHROMIUM", "/usr/bin/chromium"))
"""The Chromium binary; ROLE_ATLAS_CHROMIUM points elsewhere (README, Settings)."""
ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync")
INSTALL_HINT = (f"Chromium is needed at {PATH}. Install it with `sudo apt-get install chromium` "
                "(./scripts/test does this when run as root), or point ROLE_ATLAS_CHROMIUM at a Chromium binary.")


def launch(playwright):
    """Chromium through Playwright's sync API, with the project's path and flags."""
    return playwright.chromium.launch(executable_path=str(PATH), args=list(ARGS))
