"""`mkdocs serve` rebuilds once per edit of a data file, and the page shows the change.

Nothing here waits on the clock; the test follows the server's own signals. MkDocs' livereload
stamps every page it serves with the epoch of the build it comes from (`livereload(<epoch>, …)`),
and `GET /livereload/<epoch>/<id>` answers as soon as a newer build is visible; its log says
"Detected file changes" when a rebuild starts and "Reloading browsers" when it is served. A reload
loop is a build that changes a file the server watches, so after each edit's build the test checks
that every watched file is exactly as the test left it, that the next build after the first edit's
is the second edit's (it shows the second edit), and that there was one rebuild per edit.
The file check is the one that cannot miss: the watcher polls, so a loop's next change can fold
into the test's next edit and leave the counts right (checked with a hook that touches a data file).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from markupsafe import escape

from conftest import MKDOCS, ROOT

pytestmark = pytest.mark.slow  # mkdocs serve builds the whole site three times

PAGE = "roles/cto/"
WAIT = 180  # seconds: an upper bound for one build on a busy machine, never waited out when all is well


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Log:
    """The server's output, read line by line as it is written; waits end on the line, not a timer."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self.process = process
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append("(the server exited)")
            self.changed.notify_all()

    def count(self, words: str) -> int:
        with self.changed:
            return sum(words in line for line in self.lines)

    def wait_for(self, words: str, times: int = 1) -> str:
        """The latest line holding `words`, once `times` lines hold them."""
        with self.changed:
            done = self.changed.wait_for(lambda: sum(words in ln for ln in self.lines) >= times
                                         or "(the server exited)" in self.lines, timeout=WAIT)
            assert done and sum(words in ln for ln in self.lines) >= times, f"no {words!r} ×{times}:\n{self}"
            return [ln for ln in self.lines if words in ln][-1]

    def __str__(self) -> str:
        with self.changed:
            return "\n".join(self.lines[-60:])


class Server:
    def __init__(self, port: int, log: Log) -> None:
        self.url = f"http://127.0.0.1:{port}/"
        self.log = log

    def page(self, path: str) -> tuple[int, str]:
        """The page as served now, and the epoch of the build it comes from."""
        with urllib.request.urlopen(self.url + path, timeout=WAIT) as response:
            html = response.read().decode("utf-8")
        stamp = re.search(r"livereload\((\d+), \d+\)", html)
        assert stamp, f"{path} has no livereload script:\n{self.log}"
        return int(stamp.group(1)), html

    def next_epoch(self, epoch: int) -> int:
        """Block until a build newer than `epoch` is served; return its epoch."""
        for _ in range(WAIT // 60 + 1):  # the server answers with the same epoch after a minute idle
            with urllib.request.urlopen(f"{self.url}livereload/{epoch}/1", timeout=WAIT) as response:
                newer = int(response.read())
            if newer > epoch:
                return newer
        pytest.fail(f"no build after epoch {epoch}:\n{self.log}")


def watched_files(log: Log) -> dict[str, tuple[int, int, int]]:
    """Every file under the paths the server watches, with what its watcher compares: inode, time, size."""
    listed = log.wait_for("Watching paths for changes:").split("Watching paths for changes:", 1)[1]
    state = {}
    for name in re.findall(r"'([^']+)'", listed):
        top = ROOT / name  # relative names are relative to the project, absolute ones stay
        for path in [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()):
            stat = path.stat()
            state[str(path)] = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    assert any("roles/cto.yaml" in p for p in state), listed
    return state


def replace(path: Path, text: str, staging: Path) -> None:
    """Write `text` to `path` in one step, so the watcher can never see it half written."""
    staged = staging / path.name
    staged.write_text(text, encoding="utf-8")
    os.replace(staged, path)


def test_editing_a_role_file_while_serving_rebuilds_it_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    staging = tmp_path / "staging"  # outside every watched folder, on the same file system
    staging.mkdir()
    env = {**os.environ, "ROLE_ATLAS_DATA": str(data)}
    process = subprocess.Popen([*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{free_port()}"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = Log(process)
    try:
        port = int(log.wait_for("Serving on http://127.0.0.1:").rsplit(":", 1)[1].strip(" /"))
        server = Server(port, log)
        epoch, html = server.page(PAGE)
        assert "Role Atlas" in html and "Renamed " not in html

        role_file = data / "roles" / "cto.yaml"
        original = role_file.read_text(encoding="utf-8")
        for edit, title in enumerate(["Renamed ", "Renamed twice "], start=1):
            replace(role_file, original.replace("\ntitle: ", f"\ntitle: {title}", 1), staging)
            as_left = watched_files(log)
            epoch = server.next_epoch(epoch)  # the first build after this edit ...
            served, html = server.page(PAGE)  # ... is the one served, and shows the edit
            assert served == epoch and title in html, f"build {epoch} (served: {served}) lacks edit {edit}:\n{log}"
            # ... left every watched file as the test wrote it: a build that writes there rebuilds forever
            assert watched_files(log) == as_left, f"the build after edit {edit} changed a watched file:\n{log}"
            log.wait_for("Reloading browsers", times=edit)
            assert log.count("Detected file changes") == edit, f"more than one rebuild per edit:\n{log}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def start_server(data: Path | None, extra_env: dict[str, str] | None = None,
                 project: Path = ROOT) -> tuple[subprocess.Popen, Log, "Server"]:
    """`mkdocs serve` of `project` on `data` (None: the project's own data/), at a free port."""
    env = {**os.environ, **(extra_env or {})}
    env.pop("ROLE_ATLAS_DATA", None)
    if data is not None:
        env["ROLE_ATLAS_DATA"] = str(data)
    process = subprocess.Popen([*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{free_port()}"],
                               cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = Log(process)
    port = int(log.wait_for("Serving on http://127.0.0.1:").rsplit(":", 1)[1].strip(" /"))
    return process, log, Server(port, log)


def unknown_address(server: Server, path: str) -> tuple[int, str]:
    """The status and page the server answers for an address that is no page."""
    try:
        with urllib.request.urlopen(server.url + path, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


PROBLEM = "data/roles/cto.yaml:3: coverage: got the text '<b>partial</b>'; expected one of 'full', 'limited'"
SHOWN = str(escape(PROBLEM))  # as the page holds it: the data's <b> is text, not markup


def test_a_data_problem_shows_on_every_page_while_serving_and_the_fix_brings_the_site_back(tmp_path):
    """Break a role file while serving: the next build succeeds with the problem (escaped) on every
    page, known or not, and the build after the fix serves the site again. No clock waits: each step
    waits for the server's next epoch; the time from save to the error page is measured, not waited."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    staging = tmp_path / "staging"
    staging.mkdir()
    process, log, server = start_server(data)
    try:
        epoch, html = server.page(PAGE)
        assert "atlas-data-problems" not in html and "Chief Technology Officer" in html

        role_file = data / "roles" / "cto.yaml"
        original = role_file.read_text(encoding="utf-8")
        assert "\ncoverage: full\n" in original
        saved = time.monotonic()
        replace(role_file, original.replace("\ncoverage: full\n", "\ncoverage: <b>partial</b>\n", 1), staging)
        epoch = server.next_epoch(epoch)
        served, html = server.page(PAGE)
        seconds = time.monotonic() - saved
        assert served == epoch, f"the page served is not the newest build's:\n{log}"
        assert "atlas-data-problems" in html, f"no problem list on {PAGE}:\n{log}"
        assert SHOWN in html, html
        assert "<b>partial</b>" not in html
        for other in ("", "roles/", "skills/python/", "use-the-data/"):  # generated, index and docs/ pages
            assert SHOWN in server.page(other)[1], other
        status, missing = unknown_address(server, "roles/no-such-role/")
        assert status == 404 and SHOWN in missing, missing
        assert "Every page shows the problems until they are fixed" in str(log)
        print(f"save to error page served: {seconds:.2f} s")

        replace(role_file, original, staging)
        epoch = server.next_epoch(epoch)
        served, html = server.page(PAGE)
        assert served == epoch and "atlas-data-problems" not in html and "Chief Technology Officer" in html, log
        status, missing = unknown_address(server, "roles/no-such-role/")
        assert status == 404 and "atlas-data-problems" not in missing and "Page not found" in missing
        assert process.poll() is None, f"the server stopped:\n{log}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serving_starts_with_broken_data_and_shows_the_problem(tmp_path):
    """`mkdocs serve` on data that is already broken still starts, and shows the problem at the
    addresses the data's file names promise."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    role_file = data / "roles" / "cto.yaml"
    role_file.write_text(role_file.read_text(encoding="utf-8").replace("\ncoverage: full\n", "\ncoverage: <b>partial</b>\n", 1),
                         encoding="utf-8")
    process, log, server = start_server(data)
    try:
        for path in (PAGE, "skills/python/", "salaries/"):
            assert SHOWN in server.page(path)[1], f"{path}:\n{log}"
    finally:
        process.terminate()
        process.wait(timeout=30)
