"""`mkdocs serve` rebuilds once when a data file changes, and the page shows the change."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request

from conftest import MKDOCS, ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_editing_a_role_file_while_serving_rebuilds_it_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "ROLE_ATLAS_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "w") as out:
        server = subprocess.Popen([*MKDOCS, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/roles/cto/"
        assert wait_for(lambda: "Role Atlas" in fetch(url), 120), log.read_text()
        role_file = data / "roles" / "cto.yaml"
        text = role_file.read_text(encoding="utf-8")
        role_file.write_text(text.replace("\ntitle: ", "\ntitle: Renamed ", 1), encoding="utf-8")
        assert wait_for(lambda: "Renamed " in fetch(url), 120), log.read_text()
        time.sleep(4)  # a reload loop would keep rebuilding during this pause
        rebuilds = log.read_text().count("Detected file changes")
        assert rebuilds == 1, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
