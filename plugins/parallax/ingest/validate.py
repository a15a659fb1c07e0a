"""Before an import writes anything: would `parallax check` accept the result?

The article is checked by the loader itself, not by a copy of its rules: the story folder
(and `outlets.yml`) is staged in a temporary folder with the new file added, loaded as
`parallax check` loads it, and every problem the new file brings is reported. Problems the
story already had are not the import's doing and are left to `parallax check`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..data.errors import DataError, Problem

if TYPE_CHECKING:
    from ..data.load import Loaded

# File-system limit on one name (bytes): ext4, APFS, NTFS and btrfs all allow 255.
DEFAULT_NAME_MAX = 255


def name_max(folder: Path) -> int:
    """The longest file name the file system holding `folder` accepts."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return int(os.pathconf(probe, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return DEFAULT_NAME_MAX


def new_problems(
    data_dir: Path, story: str, file_name: str, content: str
) -> tuple[list[Problem], list[Problem]]:
    """Problems and warnings `parallax check` would newly report with this article added."""
    from ..data.load import load_data_with_warnings

    with tempfile.TemporaryDirectory(prefix="parallax-import-") as tmp:
        staged = Path(tmp) / (data_dir.resolve().name or "data")
        staged.mkdir()
        if (data_dir / "outlets.yml").is_file():
            shutil.copy2(data_dir / "outlets.yml", staged / "outlets.yml")
        folder = staged / "stories" / story
        source = data_dir / "stories" / story
        if source.is_dir():
            shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".*"))
        before = _report(staged, load_data_with_warnings)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / file_name).write_text(content, encoding="utf-8")
        after = _report(staged, load_data_with_warnings)
    known = {str(p) for p in before[0]}, {str(w) for w in before[1]}
    return ([p for p in after[0] if str(p) not in known[0]],
            [w for w in after[1] if str(w) not in known[1]])


def _report(root: Path, load: Callable[[Path], Loaded]) -> tuple[list[Problem], list[Problem]]:
    try:
        loaded = load(root)
    except DataError as error:
        return error.problems, []
    return [], list(loaded.warnings)
