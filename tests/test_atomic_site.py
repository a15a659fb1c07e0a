"""The published site is never empty or half-written: builds are staged beside site/ and swapped
in only when they succeed. Real `mkdocs build` runs, killed with SIGKILL at several points."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parallax import atomic_site
from parallax.atomic_site import discard, publish, recover, stage

from .conftest import SEED_STORY, make_project, mkdocs_build

ARTICLE = Path("data") / "stories" / SEED_STORY / "eurasian-times.md"


def _manifest(site: Path) -> dict[str, str]:
    """Every file of the site and a hash of its bytes."""
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".parallax-" in p.name)


def _edit(project: Path, marker: str) -> None:
    article = project / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("title: ", f"title: {marker} ", 1), encoding="utf-8")


def _build_killed_at(project: Path, pattern: str, nth: int = 1) -> int:
    """Start `mkdocs build --verbose` and SIGKILL it when its log shows `pattern` for the
    `nth` time; returns the exit status (-9 when it was killed there)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert process.stderr is not None
    seen = 0
    for line in process.stderr:
        if re.search(pattern, line):
            seen += 1
            if seen == nth:
                process.kill()
                break
    process.stderr.close()
    return process.wait(timeout=120)


# Points of a build, in order: analysing, the staging folder just made and MkDocs "cleaning"
# it, theme assets being copied, the first page written, a page in the middle, and the very
# moment before the new site is swapped in. That last one is held open by a hook (below): a
# kill sent when the plugin logs "swapping" races the swap itself, which once won in CI.
KILL_POINTS = [
    (r"analysing \d+ of \d+ stories", 1),
    (r"Cleaning site directory", 1),
    (r"Copying static assets", 1),
    (r"Building page ", 1),
    (r"Building page ", 12),
    (r"every page written, waiting to be killed", 1),
]

# Runs after search and every other plugin's on_post_build (priority 0) and before Parallax
# swaps the staged site in (-100), then waits there to be killed.
HOLD_BEFORE_SWAP = """\
import sys, time
from mkdocs.plugins import event_priority

@event_priority(-99)
def on_post_build(config):
    sys.stderr.write("every page written, waiting to be killed\\n")
    sys.stderr.flush()
    time.sleep(120)
"""


def _hold_before_swap(project: Path) -> str:
    """Add the waiting hook to the project's mkdocs.yml; returns the original config."""
    (project / "hold_hook.py").write_text(HOLD_BEFORE_SWAP, encoding="utf-8")
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "\nhooks:\n  - hold_hook.py\n", encoding="utf-8")
    return original


@pytest.mark.build
def test_a_killed_build_leaves_the_previous_site_exactly_as_it_was(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = mkdocs_build(project)
    assert first.returncode == 0, first.stderr
    before = _manifest(project / "site")
    assert len(before) > 50
    _edit(project, "Edited")
    original_config = _hold_before_swap(project)
    for pattern, nth in KILL_POINTS:
        status = _build_killed_at(project, pattern, nth)
        assert status == -9, f"the build ended ({status}) before {pattern!r} #{nth}"
        assert _manifest(project / "site") == before, f"site/ changed when killed at {pattern!r}"
    assert _leftovers(project), "the kills should have left staging folders behind"
    # The next build clears what the killed ones left and publishes the edit.
    (project / "mkdocs.yml").write_text(original_config, encoding="utf-8")
    final = mkdocs_build(project)
    assert final.returncode == 0, final.stderr
    assert _leftovers(project) == []
    after = _manifest(project / "site")
    assert after.keys() == before.keys()
    page = project / "site" / "stories" / SEED_STORY / "eurasian-times" / "index.html"
    assert "Edited Russia Will Not Sell" in page.read_text(encoding="utf-8")


@pytest.mark.build
def test_a_build_that_fails_midway_changes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    before = _manifest(project / "site")
    # A hook that fails once most pages are written, as an unexpected error would.
    (project / "failing_hook.py").write_text(
        "def on_post_page(output, page, config):\n"
        "    if page.file.src_uri.endswith('synopsis/index.md'):\n"
        "        raise RuntimeError('disk on fire')\n"
        "    return output\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - failing_hook.py\n",
                      encoding="utf-8")
    _edit(project, "Edited")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "disk on fire" in result.stderr
    assert _manifest(project / "site") == before
    assert _leftovers(project) == []


@pytest.mark.build
def test_a_strict_warning_keeps_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert mkdocs_build(project).returncode == 0
    before = _manifest(project / "site")
    # MkDocs counts strict-mode warnings only after every plugin's on_post_build.
    (project / "site_src" / "broken.md").write_text("# Broken\n\n[gone](missing.md)\n",
                                                     encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "strict mode" in result.stdout + result.stderr
    assert _manifest(project / "site") == before
    assert _leftovers(project) == []


# ------------------------------------------------------------------ the swap itself


def _site(folder: Path, text: str) -> None:
    (folder / "deep").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "deep" / "page.html").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_publish_swaps_in_the_new_site_and_removes_the_old(
    tmp_path: Path, exchange: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not exchange:
        monkeypatch.setattr(atomic_site, "_exchange", lambda first, second: False)
    target = tmp_path / "site"
    _site(target, "old")
    staged = stage(target)
    assert staged.staging.parent == tmp_path and list(staged.staging.iterdir()) == []
    _site(staged.staging, "new")
    assert publish(staged) is (exchange and sys.platform.startswith("linux"))
    assert (target / "deep" / "page.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_swap_killed_between_its_two_renames_is_undone_by_the_next_build(
    tmp_path: Path
) -> None:
    target = tmp_path / "site"
    _site(target, "old")
    aside = tmp_path / ".site.parallax-old-999999999-abcd"  # a pid no process has
    target.replace(aside)
    staging = tmp_path / ".site.parallax-new-999999999-abcd"
    _site(staging, "half")
    recover(target)
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_dirty_build_starts_from_a_copy_and_discard_keeps_the_site(tmp_path: Path) -> None:
    target = tmp_path / "site"
    _site(target, "old")
    staged = stage(target, keep=True)
    assert (staged.staging / "deep" / "page.html").read_text(encoding="utf-8") == "old"
    (staged.staging / "index.html").write_text("changed", encoding="utf-8")  # a copy, not links
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    discard(staged)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.build
def test_a_running_builds_staging_folder_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "site"
    _site(target, "old")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        theirs = tmp_path / f".site.parallax-new-{other.pid}-abcd"
        theirs.mkdir()
        recover(target)
        assert theirs.is_dir()
    finally:
        other.kill()
        other.wait()
    recover(target)
    assert not theirs.exists()
