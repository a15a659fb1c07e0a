"""Write an imported article as Markdown with YAML front matter, atomically.

The file appears whole or not at all: it is written to a hidden temporary file beside the
target and renamed over it. An interrupted import (Ctrl-C, `kill`, a closed terminal) removes
its temporary file; one left by `kill -9` is removed by the next import of the same article,
and the loader never reads such files. The article gets the permissions any new file of
the user gets (or keeps those of the file it replaces), like the other data files.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from ..data.yaml_lines import dump_yaml

TEMP_SUFFIX = ".tmp"
# Longest temporary name beyond the target's own: "." + name + "." + 8 hex digits + ".tmp".
TEMP_OVERHEAD = 1 + 1 + 8 + len(TEMP_SUFFIX)
_STALE_AFTER_S = 60.0  # an import takes well under a second; older temp files are leftovers


def render_article_file(meta: dict[str, Any], title: str, paragraphs: list[str]) -> str:
    """Front matter, then ``# title``, then the paragraphs separated by blank lines."""
    front = dump_yaml({k: v for k, v in meta.items() if v not in (None, "", [])})
    body = "\n\n".join([f"# {title}", *paragraphs])
    return f"---\n{front}---\n\n{body}\n"


def temp_files(path: Path) -> list[Path]:
    """Temporary files an import of `path` may have left beside it."""
    if not path.parent.is_dir():
        return []
    return sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))


def write_article(path: Path, content: str) -> None:
    """Write `content` to `path` via a temporary file and a rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else None
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    with _interruptions_raise():
        try:
            # 0o666 minus the umask: the permissions of any file the user creates (mkstemp
            # would give 0o600, and the article could then not be read by the web server).
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
            if mode is not None:
                tmp.chmod(mode)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _remove_stale(path: Path) -> None:
    now = time.time()
    for leftover in temp_files(path):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _STALE_AFTER_S:
                leftover.unlink()


class Interrupted(BaseException):
    """A termination signal arrived while writing; raised so the temporary file is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def _interruptions_raise() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception for the duration of the write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s]

    def interrupt(signum: int, _frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, interrupt) for s in wanted}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
