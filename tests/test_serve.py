"""`mkdocs serve` (what `make serve` runs): pages are served and an edit in data/ rebuilds them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import SEED_STORY, make_project

pytestmark = pytest.mark.build  # runs a real `mkdocs serve`


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, needle: str, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if needle in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} not served at {url} within {timeout}s")


def test_serve_rebuilds_when_data_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/stories/{SEED_STORY}/eurasian-times/"
        _wait_for(url, "Russia Will Not Sell Its Latest Military Hardware")
        article = project / "data" / "stories" / SEED_STORY / "eurasian-times.md"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("title: Russia Will Not Sell",
                                        "title: Edited Headline - Russia Will Not Sell", 1),
                           encoding="utf-8")
        _wait_for(url, "Edited Headline - Russia Will Not Sell")
    finally:
        server.terminate()
        server.wait(timeout=30)
