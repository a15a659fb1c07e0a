"""Build the site into a fresh folder beside the target and swap it in only when it succeeded.

MkDocs empties `site_dir` first and writes pages last, so a killed or failed build leaves a
half-written or empty site. Instead the plugin points `site_dir` at a staging folder next to the
target (same parent, so the same file system and the swap is a rename), and swaps it in once the
build has succeeded:

* On Linux the two folders are exchanged in one atomic `renameat2(RENAME_EXCHANGE)`: at every
  instant the target is either the complete old site or the complete new one.
* Elsewhere (or on a file system without it) the old site is renamed aside, the new one renamed
  in, the old one removed. Killed between the two renames, the target is missing for an
  instant; the next build finds the old site aside and puts it back before anything else.

Leftovers of killed builds (named `.<target>.parallax-new-<pid>-…` and `.…-old-…`) are removed
by the next build, unless the process that made them is still running (two builds at once).
"""

from __future__ import annotations

import ctypes
import os
import re
import secrets
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class StagedSite:
    """A build in progress: `staging` becomes `target` on `publish`."""

    target: Path
    staging: Path


def _pattern(target: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(target.name)}\.parallax-(new|old)-(\d+)-[0-9a-f]+$")


def _name(target: Path, kind: str) -> str:
    return f".{target.name}.parallax-{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def stage(site_dir: str | Path, keep: bool = False) -> StagedSite:
    """A fresh, empty staging folder beside `site_dir` (with `keep`, a copy of the current site,
    for `--dirty` builds). Recovers from and clears what earlier killed builds left behind."""
    target = Path(os.path.realpath(site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = target.parent / _name(target, "new")
    if keep and target.is_dir():
        shutil.copytree(target, staging, symlinks=True)
    else:
        staging.mkdir()
    return StagedSite(target, staging)


def recover(target: Path) -> None:
    """Put back an old site a killed swap left aside; remove stale staging folders."""
    pattern = _pattern(target)
    leftovers = []
    for entry in target.parent.iterdir():
        match = pattern.match(entry.name)
        if match and not _alive(int(match.group(2))):
            leftovers.append((match.group(1), entry))
    for kind, entry in sorted(leftovers, key=lambda x: x[1].name):
        if kind == "old" and not target.exists():
            entry.replace(target)  # killed between the two renames of the fallback swap
        else:
            shutil.rmtree(entry, ignore_errors=True)


def publish(staged: StagedSite) -> bool:
    """Make the staged build the site: one atomic exchange where the system has it. Returns
    whether the swap was a single atomic step."""
    target, staging = staged.target, staged.staging
    if not target.exists() and not target.is_symlink():
        staging.replace(target)
        return True
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # the old site, now under the staging name
        return True
    aside = target.parent / _name(target, "old")
    target.replace(aside)
    staging.replace(target)
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink()
    return False


def discard(staged: StagedSite) -> None:
    """Drop a failed build; the site stays exactly as it was."""
    shutil.rmtree(staged.staging, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a libc without it (musl before 1.2.5, old glibc)
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                       _RENAME_EXCHANGE)
    return bool(result == 0)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        # Ours from an earlier build of this process (`mkdocs serve`); on Windows signal 0 would
        # terminate the process, so leftovers there are always taken for stale.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's running process
    except OSError:
        return False
    return True

