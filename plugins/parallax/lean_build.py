"""Keeping a large build's memory flat: generated pages and exports held compressed.

MkDocs reads every page (Markdown → HTML) before it writes the first one, and keeps each
page's HTML to the end of the build, so a site's whole HTML sits in memory at once; with
Pagefind the indexer then runs beside it. For a digest of a few hundred stories that HTML is
most of the build's memory (100 stories × 8 articles: 190 MB of 300), so the plugin holds
what it generates compressed (zlib at level 1: about a fifth of the size, a third of a second
per 100 MB) and as text only while MkDocs needs it:

- a story's pages are packed as soon as they are rendered (`PackedPage`);
- a generated page's HTML, after every plugin's `on_page_content` has run, is parked
  compressed until the page is written (`ParkedContent`): between the two MkDocs holds an
  empty string, and after the page is written the HTML is dropped again;
- exports are written to a temporary folder that MkDocs copies from (`ExportFolder`).

Nothing here changes a byte of the site; tests/test_determinism.py compares whole sites.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import shutil
import tempfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .render.generated_page import GeneratedPage

LEVEL = 1  # zlib's fastest: level 6 saves 14 % more and takes twice the time


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


@dataclass(frozen=True)
class PackedPage:
    """A generated page held compressed: its outline (title, front matter, headings) as a
    `GeneratedPage` with an empty body, and the body packed."""

    outline: GeneratedPage
    packed_body: bytes

    @classmethod
    def of(cls, page: GeneratedPage) -> PackedPage:
        return cls(replace(page, body=""), pack(page.body))

    @property
    def path(self) -> str:
        return self.outline.path

    def body(self) -> str:
        return unpack(self.packed_body)

    def stub(self) -> str:
        return self.outline.stub()

    def toc(self) -> list[dict[str, Any]]:
        return self.outline.toc()


class ParkedContent:
    """Pages' HTML held compressed between MkDocs reading a page and writing it."""

    def __init__(self) -> None:
        self._parked: dict[str, bytes] = {}

    def park(self, uri: str, html: str, known: tuple[str, bytes] | None = None) -> None:
        """Hold `html` for page `uri`; `known` is a text already packed, reused when `html` is
        that very text (no other plugin changed it), so it is not compressed twice."""
        if known is not None and html is known[0]:
            self._parked[uri] = known[1]
        else:
            self._parked[uri] = pack(html)

    def take(self, uri: str) -> str | None:
        """The parked HTML of `uri` (None when it was not parked), no longer held here."""
        packed = self._parked.pop(uri, None)
        return None if packed is None else unpack(packed)

    def clear(self) -> None:
        self._parked.clear()


class ExportFolder:
    """Exports written out to a temporary folder, for MkDocs to copy from, so the build does
    not hold their text (40 MB of JSON and CSV for 100 stories) while it renders the pages."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def write(self, exports: dict[str, bytes]) -> dict[str, Path]:
        """Site path → the file holding that export (packed exports are unpacked here)."""
        self.remove()
        self._folder = Path(tempfile.mkdtemp(prefix="parallax-exports-"))
        written = {}
        for number, (path, packed) in enumerate(sorted(exports.items())):
            # Numbered names: a site path may be longer, or deeper, than the temp folder allows.
            target = self._folder / f"{number}{Path(path).suffix}"
            target.write_bytes(zlib.decompress(packed))
            written[path] = target
        return written

    def remove(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def return_freed_memory() -> None:
    """Collect garbage and hand the freed heap back to the system, before a child process
    (Pagefind) needs memory of its own. CPython keeps freed memory for reuse, and glibc's
    `malloc_trim` is what returns it; elsewhere this only collects."""
    gc.collect()
    with contextlib.suppress(AttributeError, OSError):  # not glibc: nothing to trim with
        ctypes.CDLL(None).malloc_trim(0)
