"""Dates as pages and scrapes write them, read into ISO form (no guessing beyond the text)."""

from __future__ import annotations

import datetime as dt
import re

from ..nlp.lexicon import MONTH_NAMES_LOWER

DATE_LINE = (
    rf"(?:\d{{1,2}}\s+{MONTH_NAMES_LOWER}\.?,?\s+\d{{4}}"  # 30 May 2025
    rf"|{MONTH_NAMES_LOWER}\.?\s+\d{{1,2}},?\s+\d{{4}}"  # May 30, 2025
    r"|\d{4}-\d{2}-\d{2}"  # 2025-05-30
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"  # 19.01.2020, 19/01/2020
)
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y",
            "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y")


def parse_dates(text: str) -> list[str]:
    """Every ISO date `text` can be read as, in `_FORMATS` order ("03/04/2020" gives two)."""
    cleaned = re.sub(r"\s+", " ", text.strip().rstrip("."))
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", cleaned)
    cleaned = re.sub(r"\bsept\b", "sep", cleaned, flags=re.IGNORECASE)
    found: list[str] = []
    for fmt in _FORMATS:
        try:
            day = dt.datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
        if day not in found:
            found.append(day)
    return found


def parse_date(text: str) -> str | None:
    """The first ISO reading of `text` (day first when ambiguous), or None."""
    found = parse_dates(text)
    return found[0] if found else None
