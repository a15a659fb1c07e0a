"""Datelines date an article whose front matter has none.

A wire dateline opens the text with a place, a date and often the agency: "Moscow, May 30
(IANS) Russia on Friday…", "LONDON, June 9 (Reuters) - …", "March 3 (AFP) – …". Such a date is
the day the copy was filed, which is the article's date when the outlet gives none. The
dateline rarely writes the year: it is the one that puts the day nearest the story's date (or,
for an undated story, nearest its dated articles); with no date anywhere to count from, the
article stays undated. The article records where its date came from, and the pages say so.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from statistics import median_low

from ...model import Article, Story
from ...nlp.lexicon import MONTH_ABBREVIATIONS

DATELINE_WITHIN = 3  # a photo caption or a kicker may come first
_PLACE = r"[A-Z][\w.'’-]*(?:(?:,\s*|\s+)[A-Z][\w.'’-]*){0,4}"
_DATELINE = re.compile(
    rf"^(?:(?P<place>{_PLACE}),?\s+)?(?P<month>{MONTH_ABBREVIATIONS})\.?\s+(?P<day>[0-3]?\d)\b"
    r"(?:,\s+(?P<year>(?:19|20)\d\d))?\s*"
    r"(?:\((?P<agency>[^()]{2,40})\)\s*(?:—|–|--|-|:)?|(?:—|–|--|-|:)\s)"
)
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}


def dateline_date(text: str, reference: dt.date | None) -> tuple[str, str] | None:
    """(ISO date, the dateline as written) when `text` opens with a dated dateline."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    month = _MONTHS.get(match.group("month")[:3].lower())
    day = int(match.group("day"))
    if month is None or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    surface = match.group(0).rstrip(" —–-:").strip()
    if match.group("year"):
        year = int(match.group("year"))
        if day > calendar.monthrange(year, month)[1]:
            return None
        return dt.date(year, month, day).isoformat(), surface
    if reference is None:
        return None
    candidates = [dt.date(y, month, day) for y in range(reference.year - 1, reference.year + 2)
                  if day <= calendar.monthrange(y, month)[1]]
    best = min(candidates, key=lambda d: abs((d - reference).days))
    if abs((best - reference).days) > 183:
        return None
    return best.isoformat(), surface


def date_from_datelines(story: Story) -> Story:
    """The story with each undated article dated by its dateline, where it has one."""
    reference = _reference(story)
    articles: list[Article] = []
    changed = False
    for article in story.articles:
        found = None if article.date else next(
            (d for s in article.sentences[:DATELINE_WITHIN]
             if (d := dateline_date(s.text, reference)) is not None), None)
        if found is None:
            articles.append(article)
            continue
        date, surface = found
        articles.append(dataclasses.replace(article, date=date,
                                            date_source=f"dateline “{surface}”"))
        changed = True
    return dataclasses.replace(story, articles=tuple(articles)) if changed else story


def _reference(story: Story) -> dt.date | None:
    """What a year-less dateline is counted from: the story's date, else its dated articles'."""
    if story.date:
        return dt.date.fromisoformat(story.date)
    dated = sorted(a.date for a in story.articles if a.date)
    return dt.date.fromisoformat(median_low(dated)) if dated else None
