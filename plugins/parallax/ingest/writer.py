"""Write an imported article as Markdown with YAML front matter, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import ImportRefused
from ..yamlio import dump_yaml


def render_article_file(meta: dict[str, Any], title: str, paragraphs: list[str]) -> str:
    """Front matter, then ``# title``, then the paragraphs separated by blank lines."""
    front = dump_yaml({k: v for k, v in meta.items() if v not in (None, "", [])})
    body = "\n\n".join([f"# {title}", *paragraphs])
    return f"---\n{front}---\n\n{body}\n"


def write_article(path: Path, content: str, *, force: bool = False) -> None:
    """Write `content` to `path` via a temporary file and a rename: never a half-written file."""
    if path.exists() and not force:
        raise ImportRefused(f"{path} already exists — pass --force to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
