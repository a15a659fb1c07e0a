"""The analysis cache and the executors inside real `mkdocs build` runs: the site is the same
byte for byte with one worker or two, from a cold cache or a warm one, and a rebuild after one
article is edited analyses that story alone."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import DATA, SEED_STORY, make_project, mkdocs_build

pytestmark = pytest.mark.build

OTHER = "2025-05-a-second-story"


def edit_body(article: Path, old: str, new: str) -> None:
    """Replace the first `old` in the article's text (not its front matter) by `new`."""
    front, body = article.read_text(encoding="utf-8").split("\n---\n", 1)
    assert old in body
    article.write_text(front + "\n---\n" + body.replace(old, new, 1), encoding="utf-8")


def two_stories(tmp: Path) -> Path:
    """The seed corpus with a second story (the seed's articles, one sentence changed in each),
    so two workers each have a story to analyse."""
    data = tmp / "data"
    shutil.copytree(DATA, data)
    other = data / "stories" / OTHER
    shutil.copytree(data / "stories" / SEED_STORY, other)
    for article in sorted(other.glob("*.md")):
        edit_body(article, " the ", " this ")
    return data


def configured(project: Path, **options: object) -> Path:
    """Set plugin options in the project's mkdocs.yml (under `data_dir:`)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    lines = "".join(f"\n      {key}: {value}" for key, value in options.items())
    ours = r"(\n\s+(workers|cache|cache_dir|executor|scheduler): [^\n]*)*"
    text = re.sub(r"(\n\s+data_dir: data)" + ours, lambda m: m.group(1) + lines, text, count=1)
    config.write_text(text, encoding="utf-8")
    return project


def site_bytes(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def build(project: Path) -> tuple[dict[str, bytes], str]:
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_bytes(project / "site"), result.stderr


def test_one_worker_or_two_cold_or_warm_the_site_is_the_same_and_an_edit_reanalyses_one_story(
    tmp_path: Path,
) -> None:
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", two_stories(tmp_path))
    cache = tmp_path / "cache"

    one_worker, log = build(configured(project, workers=1, cache_dir=cache))
    assert "analysing 2 of 2 stories" in log
    assert len(list(cache.glob("analyses/*.json"))) == 2

    two_workers, log = build(configured(project, workers=2, cache="false"))
    assert "analysing 2 stories (no cache)" in log
    assert list(two_workers) == list(one_worker)
    differ = [path for path in one_worker if one_worker[path] != two_workers[path]]
    assert not differ, f"one worker and two made different files: {differ[:10]}"

    warm, log = build(configured(project, workers=2, cache_dir=cache))
    assert "all 2 stories unchanged, from the cache" in log and "analysing" not in log
    assert warm == one_worker, "a site built from cached analyses is the site analysed afresh"

    edit_body(project / "data" / "stories" / OTHER / "sakshi-post.md", " this ", " that ")
    edited, log = build(project)
    assert "analysing 1 of 2 stories (1 unchanged, from the cache)" in log
    assert f"[1/1] {OTHER}: 5 articles" in log and f"] {SEED_STORY}:" not in log
    changed = {path.split("/")[1] for path in edited
               if path.startswith("stories/") and edited[path] != warm.get(path)}
    assert changed == {OTHER}, "only the edited story's pages change"


def test_a_damaged_cache_entry_is_refused_with_a_warning_and_the_build_still_passes_strict(
    tmp_path: Path,
) -> None:
    (tmp_path / "project").mkdir()
    project = configured(make_project(tmp_path / "project"), cache_dir=tmp_path / "cache")
    first, _ = build(project)
    (entry,) = (tmp_path / "cache").glob("analyses/*.json")
    entry.write_bytes(entry.read_bytes()[:-40] + b"garbage")
    again, log = build(project)
    assert "cache entry" in log and "ignored" in log and "analysing story" in log
    assert "analysing 1 of 1 stories" in log
    assert again == first


def test_a_build_on_dask_makes_the_same_site(tmp_path: Path) -> None:
    """`executor: dask` with a scheduler address: the build sends each story's analysis to the
    cluster (here an in-process LocalCluster) and the site is the local build's, byte for byte."""
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", two_stories(tmp_path))
    local, _ = build(configured(project, workers=1, cache="false"))
    # Workers as threads of this process, reached over TCP by the build's process.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=None) as cluster:
        on_dask, log = build(configured(project, workers=2, cache="false", executor="dask",
                                        scheduler=cluster.scheduler_address))
    assert "analysing 2 stories (no cache)" in log and "[2/2]" in log
    assert on_dask == local
