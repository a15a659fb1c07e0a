"""Read a raw article from `.txt` (first line = headline) or `.html` (main-text extraction)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..data.errors import ImportRefused
from .saved_page import PageFacts

HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (".txt", *HTML_SUFFIXES)


@dataclass(frozen=True)
class RawArticle:
    """Headline and paragraphs as found, before boilerplate removal."""

    title: str | None
    paragraphs: list[str]
    date: str | None = None
    url: str | None = None
    author: str | None = None
    page: PageFacts | None = None  # HTML only: what the page says about itself


def read_source(path: Path, *, has_headline: bool = True) -> RawArticle:
    """Read `path`: `.txt` as plain text, `.html`/`.htm` through trafilatura; refuse others."""
    # A PDF or .docx read as text would import binary noise as the article; refuse up front.
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ImportRefused(
            f"{path}: unsupported file type {path.suffix or '(no extension)'!r} — import a "
            f"{', '.join(SUPPORTED_SUFFIXES)} file (save the page as HTML, or paste its text "
            "into a .txt file)"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{path}: no such file — check the path") from None
    if path.suffix.lower() in HTML_SUFFIXES:
        from .html_reader import read_html  # trafilatura is heavy: only the HTML path loads it

        return read_html(data, path)
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        # A .txt file declares nothing, and guessing would silently garble names and quotes.
        raise ImportRefused(
            f"{path}: not UTF-8 (offset {error.start}) — convert it first, "
            "e.g. `iconv -f latin1 -t utf-8`"
        ) from None
    return _read_text(text, has_headline=has_headline)


def _read_text(text: str, *, has_headline: bool) -> RawArticle:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = None
    if has_headline:
        while lines and not lines[0].strip():
            lines.pop(0)
        title = lines.pop(0).strip() if lines else None
    # Scrapes differ: some separate paragraphs with blank lines (hard-wrapped lines inside a
    # paragraph are then joined), others put one paragraph per line with hardly a blank line.
    # Whichever layout most of the file follows wins.
    content = [line for line in lines if line.strip()]
    breaks = sum(1 for prev, line in pairwise(lines) if prev.strip() and not line.strip())
    paragraphs: list[str] = []
    if breaks * 2 >= len(content):
        current: list[str] = []
        for line in [*lines, ""]:
            if line.strip():
                current.append(line.strip())
            elif current:
                paragraphs.append(" ".join(current))
                current = []
    else:
        paragraphs = [line.strip() for line in content]
    return RawArticle(title=title or None, paragraphs=paragraphs)
