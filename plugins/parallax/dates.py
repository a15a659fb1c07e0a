"""Dates in news sentences: absolute ("May 13", "30 May 2025") and relative ("on Friday",
"earlier this month", "last month", "earlier in April"), resolved against the article's date,
or, for an undated article, against the story's date and marked as such (`Fact.story_dated`):
an undated article may be older than the story, so such a resolution is a guess to say aloud.

A regular expression spots date-shaped phrases and dateparser reads them. dateparser's own
`search_dates` was tried on the seed story and rejected: it reads "We", "may" (the verb),
"26%" and "and now" as dates, misses "earlier this month", and is ~70 ms a sentence. Two rules
are ours because news convention differs from dateparser's: a weekday means the latest such
day on or before publication ("on Friday" in a Friday paper is that day), and a decade
("the 1970s") is kept as a decade.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

from .model import Fact

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# Modifiers kept in the surface text ("earlier in April") but not given to the parser.
_MODIFIER = r"(?:(?i:earlier|later|early|late|mid|end of|beginning of)[\s-](?:(?i:in)\s+)?)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE if name in ("relative", "ago") else 0))
    for name, pattern in (
        # Month-day(-year) and day-month(-year): "May 13", "May 30, 2025", "30 May 2025".
        ("absolute", rf"\b(?:{_MONTHS})\.? {_DAY}\b(?:,? {_YEAR}\b)?"),
        ("absolute", rf"\b{_DAY} (?:of )?(?:{_MONTHS})\b\.?(?:,? {_YEAR}\b)?"),
        # Month and year, or a month after a modifier or preposition ("in April"). A bare
        # "May" is too often the verb, so a month alone needs one of these in front.
        ("absolute", rf"\b{_MODIFIER}?(?:{_MONTHS}),? {_YEAR}\b"),
        ("month", rf"(?:\b{_MODIFIER}|\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom) )"
                  rf"(?:{_MONTHS})\b"),
        ("decade", r"\b(?:the )?((?:19|20)\d0)['’]?s\b"),
        ("year", rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate) "
                 rf"({_YEAR})\b(?!\s*(?:%|percent|per cent))"),
        ("weekday", rf"\b(?:(?:last|this|next|on|On|Last|This|Next) )?({_WEEKDAYS})\b"),
        ("relative", r"\b(?:(?:earlier|later|early|late) )?(?:this|last|next|past|previous) "
                     r"(?:week|month|year)\b"),
        ("relative", r"\b(?:yesterday|today|tomorrow)\b"),
        ("ago", r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) "
                r"(?:days?|weeks?|months?|years?) ago\b"),
    )
)
_STRIP = re.compile(rf"^(?:on |{_MODIFIER}|in |since |by |until |during |from |of )+",
                    re.IGNORECASE)
_EXPLICIT_YEAR = re.compile(rf"\b{_YEAR}\b")
_WEEKDAY_INDEX = {d.lower(): i for i, d in enumerate(_WEEKDAYS.split("|"))}


@dataclass(frozen=True)
class DateValue:
    """A date at some precision; missing parts are unknown, not zero."""

    year: int | None
    month: int | None
    day: int | None
    precision: str  # day, week, month, year, decade or relative
    relative: bool
    phrase: str = ""  # for unresolved relative dates: the normalised phrase
    from_base: bool = False  # the reference date supplied a part (the year, or the whole date)

    def iso(self) -> str:
        if self.precision == "relative":
            return f"relative:{self.phrase}"
        if self.precision == "decade":
            return f"{self.year}s"
        year = f"{self.year:04d}" if self.year else "-"
        if self.month is None:
            return year
        month = f"{year}-{self.month:02d}"
        return month if self.day is None else f"{month}-{self.day:02d}"


@lru_cache(maxsize=16)
def _parser(base: dt.date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=65536)
def find_dates(
    text: str, published: str | None = None, story_date: str | None = None
) -> tuple[Fact, ...]:
    """Date facts in one sentence; relative ones resolved against `published` (ISO date).

    Without `published` (an undated article) they are resolved against `story_date` instead,
    and every fact that needed it (a relative date, a year supplied to "May 13") is marked
    `story_dated`. Memoised: dateparser is slow, and stance and discrepancy checks re-read
    the same sentences.
    """
    fallback = not published and bool(story_date)
    reference = published or story_date
    base = dt.date.fromisoformat(reference) if reference else None
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            spans.append((match.start(), match.end(), name, match))
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    # Longest first, so "May 30, 2025" wins over "May 30" and "earlier in April" over "April".
    for start, end, name, match in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        value = _resolve(name, match, base)
        if value is None:
            continue
        taken.append((start, end))
        facts.append(Fact("date", text[start:end], value.iso(), start, end,
                          unit=value.precision, relative=value.relative,
                          story_dated=fallback and value.from_base))
    return tuple(sorted(facts, key=lambda f: f.start))


def _resolve(name: str, match: re.Match[str], base: dt.date | None) -> DateValue | None:
    surface = match.group(0)
    if name == "decade":
        return DateValue(int(match.group(1)), None, None, "decade", False)
    if name == "year":
        return DateValue(int(match.group(1)), None, None, "year", False)
    if name == "weekday":
        return _weekday(surface, match.group(1), base)
    relative = name in ("relative", "ago")
    if relative and base is None:
        return DateValue(None, None, None, "relative", True, _phrase(surface))
    core = _STRIP.sub("", surface).strip()
    if re.match(r"(?:earlier|later|early|late) ", core, re.IGNORECASE):
        core = core.split(" ", 1)[1]  # "earlier this month" is this month
    data = _parser(base).get_date_data(core)
    if data.date_obj is None:
        return None
    parsed, period = data.date_obj.date(), data.period or "day"
    # Without a publication date the year of "May 13" is unknown: do not invent one.
    year = parsed.year if (base is not None or _EXPLICIT_YEAR.search(surface)) else None
    from_base = relative or (year is not None and not _EXPLICIT_YEAR.search(surface))
    if period == "year":
        return DateValue(parsed.year, None, None, "year", relative, from_base=from_base)
    if period == "month":
        return DateValue(year, parsed.month, None, "month", relative, from_base=from_base)
    if period == "week":  # "last week": a span, not a day; only equal phrases compare
        return DateValue(None, None, None, "relative", True, _phrase(surface))
    return DateValue(year, parsed.month, parsed.day, "day", relative, from_base=from_base)


def _weekday(surface: str, weekday: str, base: dt.date | None) -> DateValue:
    lowered = surface.lower()
    if base is None:
        return DateValue(None, None, None, "relative", True, _phrase(surface))
    back = (base.weekday() - _WEEKDAY_INDEX[weekday.lower()]) % 7
    if lowered.startswith("last ") and back == 0:
        back = 7
    if lowered.startswith("next "):
        day = base + dt.timedelta(days=(7 - back) % 7 or 7)
    else:
        day = base - dt.timedelta(days=back)
    return DateValue(day.year, day.month, day.day, "day", True, from_base=True)


def _phrase(surface: str) -> str:
    words = surface.lower().split()
    return " ".join(w for w in words if w not in ("on", "in"))


def same_phrase(first: str, second: str) -> bool:
    """Whether two relative dates are the same words ("on Friday" and "Friday")."""
    return _phrase(first) == _phrase(second)


def parse_iso(value: str) -> tuple[int | None, int | None, int | None, str]:
    """(year, month, day, precision) of a date fact's value; precision "relative" if unknown."""
    if value.startswith("relative:"):
        return None, None, None, "relative"
    if value.endswith("s"):
        return int(value[:-1]), None, None, "decade"
    parts = value.split("-") if not value.startswith("--") else ["", *value[2:].split("-")]
    year = int(parts[0]) if parts[0] and parts[0] != "" else None
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    return year, month, day, "day" if day else "month" if month else "year"


def compatible(first: str, second: str) -> bool | None:
    """Whether two date values can name the same day; None when they cannot be compared."""
    y1, m1, d1, p1 = parse_iso(first)
    y2, m2, d2, p2 = parse_iso(second)
    if "relative" in (p1, p2):
        # Unresolved relative phrases ("this year", "later this year") may count from different
        # publication dates: the same phrase matches, anything else is no evidence either way.
        return True if first == second else None
    if "decade" in (p1, p2):
        if y1 is None or y2 is None:
            return None
        decade = y1 if p1 == "decade" else y2
        other = y2 if p1 == "decade" else y1
        return decade <= other < decade + 10
    if y1 is not None and y2 is not None and y1 != y2:
        return False
    if m1 is not None and m2 is not None and m1 != m2:
        return False
    return not (d1 is not None and d2 is not None and d1 != d2)
