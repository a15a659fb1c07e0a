"""Shared fixtures: the seed story, real MkDocs builds, a real browser, the public corpus."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import parallax._threads  # noqa: F401  (one BLAS thread, before numpy)
from parallax.analysis.analyze import analyze
from parallax.data.load import load_data
from parallax.model import Story, StoryAnalysis

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED_STORY = "2025-05-russia-pakistan-steel-mill-reports"
# Untrusted text in every field that reaches a page (script tags, `javascript:` links, ...).
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
CHROMIUM = os.environ.get("PARALLAX_CHROMIUM", "/usr/bin/chromium")


# Fixtures that build a site with a real `mkdocs build`: a test using one is a build test.
BUILD_FIXTURES = {"built_site", "site_url", "hostile_site", "rtl_site", "bare_site"}
_running: list[pytest.Item] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a real build `build`, so `pytest -m "not build and not
    browser"` runs the core tests alone, in seconds."""
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


def pytest_configure(config: pytest.Config) -> None:
    # A quick run of the core tests also tries fewer random stories in the property test.
    if "not build" in (config.getoption("markexpr", "") or ""):
        os.environ["PARALLAX_QUICK_TESTS"] = "1"


def pytest_runtest_setup(item: pytest.Item) -> None:
    _running[:] = [item]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with tests/golden/<name>; `pytest --update-golden` rewrites the file."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))  # bytes: a CSV's CRLF stays as it is
            return
        assert path.exists(), f"{path} missing: run pytest --update-golden and review the diff"
        expected = path.read_bytes().decode("utf-8")
        assert actual == expected, f"{name} changed: review, then pytest --update-golden"

    return check


def corpus_path() -> Path:
    """The public evaluation corpus: $PARALLAX_CORPUS, else ../shared/corpus beside the repo."""
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = corpus_path()
    if not (path / "stance" / "stance.jsonl").exists():
        pytest.skip(f"public corpus not found at {path}: set PARALLAX_CORPUS to its folder")
    return path


@pytest.fixture(scope="session")
def seed_story() -> Story:
    stories = {s.id: s for s in load_data(DATA)}
    return stories[SEED_STORY]


@pytest.fixture(scope="session")
def seed_analysis(seed_story: Story) -> StoryAnalysis:
    return analyze(seed_story)


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build` for the project folder (its mkdocs.yml) and return the result."""
    if _running and _running[0].get_closest_marker("build") is None:
        raise AssertionError(f"{_running[0].nodeid} runs a real build: mark it "
                             "@pytest.mark.build (or use a build fixture)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )


def make_project(tmp: Path, data: Path | None = None) -> Path:
    """A copy of this repository's site config, docs and data (or `data`) under `tmp`."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "site_src", tmp / "site_src")
    shutil.copytree(data or DATA, tmp / "data")
    return tmp


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default corpus built once by a real `mkdocs build`; returns the site folder."""
    project = make_project(tmp_path_factory.mktemp("project"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile-input corpus (tests/fixtures/hostile) built once; returns the site folder."""
    project = make_project(tmp_path_factory.mktemp("hostile"), data=HOSTILE)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site over HTTP on loopback (search needs http, not file://)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The default corpus's site, served on loopback."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's chromium driven by Playwright (never Playwright's downloaded browsers)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run `make test` (it installs Debian's chromium) "
                    "or set PARALLAX_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that fails the test on any JavaScript dialog or page error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    yield tab
    context.close()
    assert not problems, problems
