"""An unexpected exception while analysing a story stops the build with one message naming the
story and the analysis stage; the traceback goes to the debug log only, and `mkdocs serve`
keeps serving the last good site."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.analysis.claims import stance
from parallax.failures import StageFailed, guarded
from parallax.model import Story

from .conftest import SEED_STORY, make_project, mkdocs_build
from .test_serve import _free_port, _wait_for

# A hook that makes one stage of the analysis fail for any article whose title says EXPLODE,
# as a bug would: claim_matrix → StanceReader.cell raises deep inside the claims stage.
HOOK = """
import parallax.analysis.claims.stance as stance

_original = stance.StanceReader.cell


def _exploding(self, claim, article, *args, **kwargs):
    if "EXPLODE" in article.title:
        return {}["no such key"]
    return _original(self, claim, article, *args, **kwargs)


stance.StanceReader.cell = _exploding
"""


def _explode(seed_story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        return 1 / 0

    monkeypatch.setattr(stance, "decide", broken)


def test_the_failure_names_story_stage_and_place(
    seed_story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    _explode(seed_story, monkeypatch)
    with pytest.raises(StageFailed) as caught:
        guarded(seed_story.id, "analysis", analyze, seed_story)
    failure = caught.value
    assert failure.story == SEED_STORY
    assert failure.stage == "claim matrix"  # analyze() → claim_matrix, in matrix.py
    assert failure.where.startswith("stance.py:") and failure.where.endswith("decision")
    assert failure.cause == "ZeroDivisionError: division by zero"
    message = str(failure)
    assert message.startswith(f"story '{SEED_STORY}': the claim matrix stage failed")
    assert "Traceback" not in message and "Traceback" in failure.trace
    # It crosses a process pool (workers > 1) intact.
    assert str(pickle.loads(pickle.dumps(failure))) == message


def _with_hook(project: Path) -> Path:
    (project / "explode_hook.py").write_text(HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - explode_hook.py\n",
                      encoding="utf-8")
    return project


def _title(project: Path, prefix: str) -> None:
    article = project / "data" / "stories" / SEED_STORY / "sakshi-post.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("title: ", f"title: {prefix}", 1), encoding="utf-8")


@pytest.mark.build
def test_the_build_stops_with_one_message_and_the_traceback_only_in_the_debug_log(
    tmp_path: Path
) -> None:
    project = _with_hook(make_project(tmp_path))
    _title(project, "EXPLODE ")
    result = mkdocs_build(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"parallax: story '{SEED_STORY}': the claim matrix stage failed" in output
    assert "KeyError: 'no such key'" in output
    assert "Traceback" not in output
    assert not (project / "site").exists()
    verbose = mkdocs_build(project, "--verbose")
    assert "Traceback (most recent call last)" in verbose.stderr
    assert "explode_hook.py" in verbose.stderr


@pytest.mark.slow
def test_the_command_line_says_the_same_in_one_line(tmp_path: Path) -> None:
    project = _with_hook(make_project(tmp_path))
    _title(project, "EXPLODE ")
    script = ("import sys; sys.path.insert(0, '.'); import explode_hook; "
              "from parallax.cli import main; "
              f"sys.argv = ['parallax', 'claims', 'suggest', '{SEED_STORY}']; main()")
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: story '{SEED_STORY}': the claim matrix stage "
                                    "failed")
    assert "Traceback" not in result.stderr
    debug = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True,
                           text=True, timeout=300, env={**os.environ, "PARALLAX_DEBUG": "1"})
    assert "Traceback (most recent call last)" in debug.stderr


@pytest.mark.build
def test_serve_keeps_serving_the_last_good_site(tmp_path: Path) -> None:
    project = _with_hook(make_project(tmp_path))
    port = _free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/stories/{SEED_STORY}/sakshi-post/"
        _wait_for(url, "Russia")
        _title(project, "EXPLODE ")
        _wait_for_log(tmp_path / "serve.log", "the claim matrix stage failed")
        assert "EXPLODE" not in _wait_for(url, "Russia")  # the last good page, not a hang
        article = project / "data" / "stories" / SEED_STORY / "sakshi-post.md"
        article.write_text(article.read_text(encoding="utf-8").replace("EXPLODE ", "Fixed "),
                           encoding="utf-8")
        _wait_for(url, "Fixed ")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _wait_for_log(path: Path, needle: str, timeout: float = 90.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in path.read_text(encoding="utf-8"):
            return
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} not logged within {timeout}s:\n{path.read_text('utf-8')}")
