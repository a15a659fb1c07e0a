"""Boilerplate removal: drop what a scraper picked up around the article, and say what it was.

Each rule is a name plus a test on one paragraph. Nothing is dropped silently: every removal is
returned as a `Removed(rule, text)` and written into the article's front matter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Removed
from ..text import fold

_Rule = tuple[str, Callable[[str, int], bool]]


def _matches(pattern: str) -> Callable[[str, int], bool]:
    compiled = re.compile(pattern, re.IGNORECASE)
    return lambda text, _index: bool(compiled.fullmatch(text.strip()))


def _near_top(pattern: str, within: int = 3) -> Callable[[str, int], bool]:
    """Bylines and datelines only count as boilerplate among the first paragraphs."""
    compiled = re.compile(pattern, re.IGNORECASE)
    return lambda text, index: index < within and bool(compiled.fullmatch(text.strip()))


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_LINE = (
    rf"(?:\d{{1,2}}\s+{_MONTHS}\.?,?\s+\d{{4}}"  # 30 May 2025
    rf"|{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}"  # May 30, 2025
    r"|\d{4}-\d{2}-\d{2})"  # 2025-05-30
)

RULES: tuple[_Rule, ...] = (
    ("advertisement", _matches(r"(?:advertisements?|sponsored(?: content)?|\[?ad\]?)")),
    ("read-also link", _matches(r"(?:read also|also read|read more|read|watch|see also)\s*[|:].*")),
    ("comment footer", _matches(
        r"(?:comments?|\d+\s+comments?|leave a (?:reply|comment)|reply|post a comment|"
        r"your email address will not be published\.?.*|required fields are marked.*)")),
    ("syndication disclaimer", _matches(
        r"disclaimer\s*:.*(?:syndicat|auto-generated|not been edited|agency feed).*")),
    ("share buttons", _matches(r"(?:share(?: this(?: article)?)?|tweet|print|email|whatsapp)")),
    ("separator", _matches(r"[|•·\-–—_*]+")),
    ("byline", _near_top(r"(?:web desk|news desk|online desk|staff reporter|by\s+[^.]{2,60})")),
    ("date line", _near_top(_DATE_LINE)),
)

# Scrapers sometimes glue a metadata field onto the first paragraph: "date 2025-05-30 Moscow, …".
_SCRAPED_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")


@dataclass
class Cleaned:
    """Paragraphs kept, what was removed, and metadata recovered from the removed parts."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    date: str | None = None
    author: str | None = None


def clean(paragraphs: list[str], title: str | None = None) -> Cleaned:
    """Remove boilerplate paragraphs and repeated paragraphs; keep the first of any repeat.

    A paragraph that repeats the headline (HTML pages often carry the H1 inside the article
    body) is dropped too: the headline is kept in the front matter.
    """
    result = Cleaned(paragraphs=[])
    seen: set[str] = set()
    headline = fold(title) if title else None
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if not text:
            continue
        if index == 0 and (prefix := _SCRAPED_DATE_PREFIX.match(text)):
            result.removed.append(Removed("scraped metadata", prefix.group(0).strip()))
            result.date = prefix.group(1)
            text = text[prefix.end():]
        rule = next((name for name, test in RULES if test(text, index)), None)
        if rule is not None:
            result.removed.append(Removed(rule, text))
            if rule == "date line" and result.date is None:
                result.date = _parse_date(text)
            if rule == "byline" and result.author is None:
                result.author = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
            continue
        key = fold(text)
        if key == headline:
            result.removed.append(Removed("repeated headline", text))
            continue
        if key in seen:
            result.removed.append(Removed("repeated paragraph", text))
            continue
        seen.add(key)
        result.paragraphs.append(text)
    return result


def _parse_date(text: str) -> str | None:
    for fmt in ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip().replace(".", ""), fmt).date().isoformat()
        except ValueError:
            continue
    return None
