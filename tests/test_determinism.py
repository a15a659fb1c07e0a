"""The same data gives the same site, byte for byte, whatever the process's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import make_project


def test_every_file_of_the_site_is_identical_under_another_hash_seed(
    built_site: Path, tmp_path: Path
) -> None:
    project = make_project(tmp_path)
    # The session's site was built with a random seed; this one with a fixed, different one.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    again = project / "site"
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    differ = [str(f) for f in files if (built_site / f).read_bytes() != (again / f).read_bytes()]
    assert not differ, differ
