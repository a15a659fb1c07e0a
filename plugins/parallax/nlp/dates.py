"""Dates and clock times in news sentences, resolved against the article's own date.

Absolute dates ("May 13", "30 May 2025", "March 2008", "the 1970s"), relative ones ("on
Friday", "earlier this month", "last week", "three weeks ago", "overnight") and clock times
("11:59 p.m.", a time, never a count) are found by patterns and resolved by hand against the
reference date: the article's date or, for an undated article, the story's date (then marked
`Fact.story_dated`, since an undated article may be older than the story).

Where the words leave the year or the week open ("May 13", "in April", "Tuesday"), the
sentence's tense decides, the way TimeML's annotators read news: a date the wording looks
ahead to (a deadline, "will", "set to", "due to be", "next") is the first such day on or after
the reference date, one it looks back on ("said", "was", "-ed") the last one on or before it.
With no cue, a weekday is the last one (news style names the days of the past week) and a day
or month is the reading nearest the reference date. A weekday equal to the reference's own
weekday is that day either way (wire style: "Russia on Friday rubbished…" in a Friday paper).

Every resolved date carries the interval of days it allows (`low`, `high`): "March 2008" is
the whole month, "earlier this month" the first of the month to the reference date, "three
weeks ago" a week around 21 days back. Two dates agree when their intervals meet.

A date word is a name, not a date, when it is written in capitals ("TODAY"), capitalised
inside a sentence ("NBC's “Today” show", ABC's "This Week"), or part of a capitalised name
("the 17 February Brigade", "Sunday Times", "Super Tuesday").

dateparser was used before and dropped: it chooses past or future once per parser, not per
expression, reads "We", "may" and "26%" as dates in free text, and its parse of the phrases
we had already found was its only use here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from ..model import Fact
from .lexicon import (
    AHEAD_BEFORE_TO,
    AHEAD_NOUNS,
    DATE_CLAUSE_WORDS,
    DATE_NUMBER_WORDS,
    LOOKING_AHEAD,
    LOOKING_BACK,
    PASSIVE_AUXILIARIES,
    PRESENT_TENSE,
)
from .memo import per_story

_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.month_name)
                  if name}
_MONTH_NUMBERS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr)
                       if name})
_MONTH_NUMBERS["sept"] = 9
_FULL_MONTHS = "|".join(calendar.month_name[1:])
_MONTH = rf"(?:{_FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAY_NAMES = tuple(calendar.day_name)
_WEEKDAY = "|".join(_WEEKDAY_NAMES)
_WEEKDAY_INDEX = {d.lower(): i for i, d in enumerate(_WEEKDAY_NAMES)}
_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_SPAN = r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|mid|late|earlier|later)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in (
        # "May 13", "Monday, Oct. 26", "May 30, 2025"; not "May 5%" nor the clock "May 5:30".
        ("month_day", rf"\b(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\.?\s+"
                      rf"(?P<day>{_DAY})\b(?!\s*(?:%|percent|per cent)|:\d)"
                      rf"(?:,?\s+(?P<year>{_YEAR})\b)?"),
        # "30 May 2025", "the 30th of May".
        ("day_month", rf"\b(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?"
                      rf"(?:,?\s+(?P<year>{_YEAR})\b)?"),
        # "March 2008", "earlier in May 2025", "May of 2017".
        ("month_year", rf"(?i:\b(?P<span>{_SPAN})[\s-]+(?:in\s+)?)?\b(?P<month>{_MONTH})\.?,?"
                       rf"\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
        # A month alone needs a cue: a bare "May" is too often the verb.
        ("month", rf"(?:(?i:\b(?P<det>last|this|next|(?:the\s+)?previous|(?:the\s+)?coming)\s+)"
                  rf"|(?i:\b(?P<span>{_SPAN})[\s-]+(?:in\s+)?)"
                  r"|\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Dd]uring|[Ff]rom|[Tt]hrough|"
                  r"[Bb]efore|[Aa]fter|[Oo]f|[Ee]nd|[Ss]tarting|[Bb]eginning)\s+)"
                  rf"(?P<month>{_FULL_MONTHS})\b(?!\s+(?:\d|[A-Z]))"),
        # A full month name other than May inside a sentence: "a televised March debate".
        ("month", rf"(?<=[a-z,] )(?P<month>(?!May\b){_FULL_MONTHS})\b(?!\s+(?:\d|[A-Z]))"),
        ("decade", r"\b(?:the\s+)?(?:(?i:(?P<span>early|mid|late))[\s-]+)?"
                   r"(?P<decade>(?:1[89]|20)\d0)['’]?s\b"),
        # A year: "in 2017", "the 2014 ban", "2009-2010"; not "$2010" nor "2010 percent".
        ("year", rf"(?:(?i:\b(?P<span>{_SPAN})[\s-]+(?:in\s+)?)|(?<![\w$€£#.,/])(?<![A-Za-z]-))"
                 rf"(?P<year>{_YEAR})\b(?![,.]\d|%|\s*(?:percent|per cent)\b)"),
        ("weekday", rf"(?i:\b(?P<det>last|this|next|on|late|early|since|by|until)\s+)?"
                    rf"\b(?P<weekday>{_WEEKDAY})\b(?:\s+(?P<part>morning|afternoon|evening|night))?"),
        ("relative", r"(?i:\b(?P<span>earlier|later|early|late)\s+)?"
                     r"(?i:\b(?P<det>this|last|next|(?:the\s+)?past|(?:the\s+)?previous|"
                     r"(?:the\s+)?coming))\s+(?P<unit>week|month|year|weekend|morning"
                     r"|afternoon|evening|night)\b"),
        ("relative", r"\b(?P<det>over)\s+the\s+(?P<unit>weekend)\b"),
        ("word", r"(?i:\b(?P<span>earlier|later|early|late)\s+)?"
                 r"\b(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Oo]vernight)\b"),
        ("ago", r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                r"twelve|a couple of|several|a few)\s+(?P<unit>day|week|month|year|decade)s?"
                r"\s+ago\b"),
        ("time", r"(?<![\w:.,])(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s?"
                 r"(?P<half>[AaPp]\.?\s?[Mm]\b\.?)"),
        ("time", r"(?<![\w:.,])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])"),
        ("time", r"\b(?P<word>noon|midday|midnight)\b"),
    )
)

# "extended to Nov. 20", "postponed until Tuesday": the new date lies ahead.
_PUT_OFF = re.compile(r"\b(?:extend|postpone|delay|adjourn|defer|push|move|reschedul)\w*"
                      r"(?:\s+\w+){0,3}?\s+(?:to|until|till|through)\s+(?:the\s+)?$", re.I)
_CLAUSE_END = re.compile(r"[;:—–]|\s-\s|\.\s")
_TOKEN = re.compile(r"[A-Za-z’']+|,")
_FEAST = re.compile(r"\b(?:Super|Good|Black|Cyber|Easter|Holy|Bloody|Ash|Palm|Shrove|Giving)"
                    r"\s+$")
_NAMED_AFTER = re.compile(r"\s+(?:[A-Z]\w+\s+)?(?:Brigades?|Movement|Revolution|Group|Agreement|"
                          r"Accords?|Coalition|Alliance|Party|Front|Committee|Club|Martyrs|"
                          r"Square|Street|Avenue|Road|Stadium|Bridge|Uprising)\b")
_MEDIA_AFTER = re.compile(r"\s+(?:Times|Express|Telegraph|Mirror|Post|Herald|Mail|Star|"
                          r"Tribune|Journal|Night|Morning|Edition|Show)\b")


@dataclass(frozen=True)
class _Reading:
    value: str
    precision: str  # day, week, month, year, decade, time, relative
    low: dt.date | None = None
    high: dt.date | None = None
    relative: bool = False
    from_base: bool = False  # the reference date supplied a part (the year, or the date)
    year_inferred: bool = False


@per_story
def find_dates(
    text: str, published: str | None = None, story_date: str | None = None
) -> tuple[Fact, ...]:
    """Date and clock-time facts in one sentence, resolved against `published` (ISO date).

    Without `published` (an undated article) they are resolved against `story_date` instead,
    and every fact that needed it (a relative date, a year supplied to "May 13") is marked
    `story_dated`. Memoised: stance and discrepancy checks re-read the same sentences.
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
        if any(start < e and s < end for s, e in taken) or _is_name(text, name, match):
            continue
        reading = _READERS[name](match, base, partial(_direction, text, start, end, name))
        if reading is None:
            continue
        taken.append((start, end))
        facts.append(Fact(
            "time" if name == "time" else "date", text[start:end], reading.value, start, end,
            unit=reading.precision, relative=reading.relative,
            story_dated=fallback and reading.from_base,
            low=reading.low.isoformat() if reading.low else "",
            high=reading.high.isoformat() if reading.high else "",
            year_inferred=reading.year_inferred))
    return tuple(sorted(facts, key=lambda f: f.start))


def _is_name(text: str, name: str, match: re.Match[str]) -> bool:
    """A date word that is part of a name: capitals, a show, a newspaper, "Super Tuesday"."""
    keyword = next((match.group(g) for g in ("word", "month", "weekday", "unit")
                    if g in match.re.groupindex and match.group(g)), "")
    if len(keyword) > 2 and keyword.isupper():
        return True  # "TODAY", "MAY": a name or a headline in capitals
    head = text[:match.start()].rstrip()
    initial = not head or head[-1] in ".!?:—–-(\"“‘'`"
    if name in ("relative", "word") and match.group(0)[:1].isupper() and not initial:
        return True  # "ABC's “This Week”", "USA Today"
    if name in ("relative", "word") and text[match.end():match.end() + 1] in "”\"’'" \
            and head[-1:] in ("“", '"', "‘", "'"):
        return True  # "the “Today” show": a title in quotation marks
    if _MEDIA_AFTER.match(text, match.end()) and name in ("weekday", "word", "relative"):
        return True  # "Sunday Times", "Today Show"
    if name == "weekday" and not match.group("det") and _FEAST.search(text, 0, match.start()):
        return True  # "Super Tuesday", "Good Friday"
    # "the 17 February Brigade", "the April 6 Youth Movement"
    return name in ("month_day", "day_month") and bool(_NAMED_AFTER.match(text, match.end()))


def _direction(text: str, start: int, end: int, kind: str = "") -> int:
    """+1 when the clause around a date looks ahead, -1 when it looks back, 0 when unclear.

    The cue nearest the date in its clause decides, before or after it (the verb that governs
    a date may come either side: "the State Department on Sunday issued"; "a March 3
    deadline"); a tie goes to the cue before. Words that say their tense outright ("will",
    "said", "was") outrank a bare "-ed", which may be an adjective ("markets untouched"). A
    weekday in the possessive ("Wednesday's ruling") names an event already held.
    """
    if kind == "weekday" and re.match(r"['’]s\b", text[end:]):
        return -1
    if _PUT_OFF.search(text[:start]):
        return 1
    before = _TOKEN.findall(_CLAUSE_END.split(text[:start])[-1])[::-1]
    after = _TOKEN.findall(_CLAUSE_END.split(text[end:])[0])
    found: list[tuple[int, int, int]] = []  # (cost, side, cue)
    for side, tokens in ((0, before), (1, after)):
        words = [t.lower() for t in tokens if t != ","]
        commas = 0
        distance = 0
        for token in tokens:
            if token == ",":
                commas += 1
                continue
            distance += 1
            word = token.lower()
            if (word in DATE_CLAUSE_WORDS and not (side == 0 and distance == 1)) or distance > 12:
                break  # "…, saying the entry will…": another clause's tense ("needed before
                # this weekend" is the date's own preposition)
            # Neighbours in reading order: `words` runs backwards on the side before.
            previous = words[distance] if side == 0 and distance < len(words) else (
                words[distance - 2] if side == 1 and distance > 1 else "")
            following = words[distance - 2] if side == 0 and distance > 1 else (
                words[distance] if side == 1 and distance < len(words) else "")
            cue = _cue(word, previous, following)
            if side == 1 and distance == 1 and word in AHEAD_NOUNS:
                cue = (False, 1)
            if cue is not None:
                # A bare "-ed" and a cue past a comma are weaker evidence than a near one.
                found.append((distance + 3 * cue[0] + 2 * commas, side, cue[1]))
                break
    return min(found)[2] if found else 0


def _cue(word: str, previous: str, following: str) -> tuple[bool, int] | None:
    """(weak, direction) of one word, or None when it says nothing of time."""
    if word in LOOKING_AHEAD or (word in AHEAD_BEFORE_TO and following == "to") or (
            word == "set" and following == "for"):
        return False, 1
    if word in LOOKING_BACK:
        return False, -1
    if word in PRESENT_TENSE:
        return False, 0
    if word.endswith("ed") and len(word) > 4 and previous not in PASSIVE_AUXILIARIES:
        return True, -1  # "signed"; not "to be arraigned", where the auxiliary decides
    return None


# --------------------------------------------------------------------------- readers


Direction = Callable[[], int]


def _month_day(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading | None:
    month = _MONTH_NUMBERS[match.group("month").lower()]
    day = int(re.sub(r"\D", "", match.group("day")))
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    if match.group("year"):
        year = int(match.group("year"))
        if day > calendar.monthrange(year, month)[1]:
            return None
        when = dt.date(year, month, day)
        return _Reading(when.isoformat(), "day", when, when)
    if base is None:
        return _Reading(f"--{month:02d}-{day:02d}", "day", year_inferred=True)
    weekday = match.groupdict().get("weekday")
    candidates = [dt.date(y, month, day) for y in (base.year - 1, base.year, base.year + 1)
                  if day <= calendar.monthrange(y, month)[1]]
    if weekday:  # "Monday, Oct. 26": the year in which Oct. 26 is a Monday, if one is near
        fitting = [c for c in candidates if c.weekday() == _WEEKDAY_INDEX[weekday.lower()]]
        candidates = fitting or candidates
    when = _choose(candidates, base, direction(), lambda d: (d, d))
    return _Reading(when.isoformat(), "day", when, when, from_base=True, year_inferred=True)


def _month_year(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    month = _MONTH_NUMBERS[match.group("month").lower()]
    year = int(match.group("year"))
    low, high = _narrow(_month_span(year, month), match.group("span"), None)
    return _Reading(f"{year}-{month:02d}", "month", low, high)


def _month(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading | None:
    month = _MONTH_NUMBERS[match.group("month").lower()]
    det = (match.groupdict().get("det") or "").lower().split()[-1:]
    span = match.groupdict().get("span")
    if base is None:
        return _Reading(f"--{month:02d}", "month", year_inferred=True)
    if det == ["this"]:
        year = base.year
    elif det in (["last"], ["previous"]):
        year = base.year if month < base.month else base.year - 1
    elif det in (["next"], ["coming"]):
        year = base.year if month > base.month else base.year + 1
    else:
        # "earlier in April" looks back, "later in April" ahead, whatever the verb says.
        way = {"earlier": -1, "later": 1}.get((span or "").lower()) or direction()
        year = _choose([base.year - 1, base.year, base.year + 1], base, way,
                       lambda y: _month_span(y, month))
    low, high = _narrow(_month_span(year, month), span, base)
    return _Reading(f"{year}-{month:02d}", "month", low, high, from_base=True,
                    year_inferred=True)


def _decade(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    start = int(match.group("decade"))
    low, high = dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    span = (match.group("span") or "").lower()
    if span == "early":
        high = dt.date(start + 3, 12, 31)
    elif span == "late":
        low = dt.date(start + 6, 1, 1)
    elif span == "mid":
        low, high = dt.date(start + 3, 1, 1), dt.date(start + 7, 12, 31)
    return _Reading(f"{start}s", "decade", low, high)


def _year(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    year = int(match.group("year"))
    low, high = _narrow((dt.date(year, 1, 1), dt.date(year, 12, 31)), match.group("span"),
                        None)
    return _Reading(str(year), "year", low, high)


def _weekday(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    det = (match.group("det") or "").lower()
    weekday = match.group("weekday")
    if base is None:
        return _Reading(f"relative:{_phrase(match.group(0))}", "relative", relative=True)
    back = (base.weekday() - _WEEKDAY_INDEX[weekday.lower()]) % 7
    if det == "last":
        when = base - dt.timedelta(days=back or 7)
    elif det == "next":
        # The coming one, unless it falls in this (Sunday to Saturday) week: said on a
        # Sunday, "next Monday" is eight days on, not tomorrow.
        when = base + dt.timedelta(days=(7 - back) % 7 or 7)
        if (when - base).days <= 6 - (base.weekday() + 1) % 7:
            when += dt.timedelta(days=7)
    elif det == "this":
        when = base + dt.timedelta(days=_WEEKDAY_INDEX[weekday.lower()] - base.weekday())
    else:
        way = -1 if det == "since" else direction()
        when = base + dt.timedelta(days=7 - back) if back and way > 0 else (
            base - dt.timedelta(days=back))
    return _Reading(when.isoformat(), "day", when, when, relative=True, from_base=True)


def _relative(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    det = match.group("det").lower().split()[-1]
    unit = match.group("unit").lower()
    span = (match.groupdict().get("span") or "").lower()
    if base is None:
        return _Reading(f"relative:{_phrase(match.group(0))}", "relative", relative=True)
    step = {"last": -1, "previous": -1, "past": -1, "over": -1, "next": 1, "coming": 1}.get(det, 0)
    if unit in ("morning", "afternoon", "evening", "night"):
        when = base + dt.timedelta(days=step)
        return _Reading(when.isoformat(), "day", when, when, relative=True, from_base=True)
    if unit == "week":
        if det in ("past", "previous") and match.group(0).lower().startswith("the"):
            low, high = base - dt.timedelta(days=7), base  # "the past week": seven days back
        else:
            # News weeks run Sunday to Saturday: said on a Sunday, "last week" is the
            # week just ended.
            sunday = base - dt.timedelta(days=(base.weekday() + 1) % 7) + dt.timedelta(
                weeks=step)
            low, high = sunday, sunday + dt.timedelta(days=6)
        low, high = _narrow((low, high), span, base if step == 0 else None)
        return _week_reading(low, high)
    if unit == "weekend":
        saturday = _weekend(base, step or direction())
        year, week, _ = saturday.isocalendar()
        return _Reading(f"{year}-W{week:02d}-WE", "week", saturday,
                        saturday + dt.timedelta(days=1), relative=True, from_base=True)
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + step, 12)
        low, high = _narrow(_month_span(year, month + 1), span, base if step == 0 else None)
        return _Reading(f"{year}-{month + 1:02d}", "month", low, high, relative=True,
                        from_base=True)
    year = base.year + step
    low, high = _narrow((dt.date(year, 1, 1), dt.date(year, 12, 31)), span,
                        base if step == 0 else None)
    return _Reading(str(year), "year", low, high, relative=True, from_base=True)


def _word(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    word = match.group("word").lower()
    if base is None:
        return _Reading(f"relative:{word}", "relative", relative=True)
    step = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    when = base + dt.timedelta(days=step)
    low = when - dt.timedelta(days=1) if word == "overnight" else when
    return _Reading(when.isoformat(), "day", low, when, relative=True, from_base=True)


def _ago(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading:
    unit = match.group("unit")
    count = match.group("n").lower()
    if base is None:
        return _Reading(f"relative:{_phrase(match.group(0))}", "relative", relative=True)
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
    if count in ("several", "a few"):  # a span of units, not a date
        fewest, most = (2, 4) if count == "a few" else (3, 9)
        return _Reading(f"relative:{_phrase(match.group(0))}", "relative",
                        base - dt.timedelta(days=most * days),
                        base - dt.timedelta(days=fewest * days), relative=True, from_base=True)
    n = int(count) if count.isdigit() else DATE_NUMBER_WORDS[count]
    centre = base - dt.timedelta(days=n * days)
    # "three weeks ago" is said loosely: about half a unit either way (a day is exact).
    slack = dt.timedelta(days={"day": 0, "week": 3, "month": 15, "year": 182,
                               "decade": 1826}[unit])
    low, high = centre - slack, min(base, centre + slack)
    if unit == "day":
        value, precision = centre.isoformat(), "day"
    elif unit == "week":
        year, week, _ = centre.isocalendar()
        value, precision = f"{year}-W{week:02d}", "week"
    elif unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 - n, 12)
        value, precision = f"{year}-{month + 1:02d}", "month"
    elif unit == "year":
        value, precision = str(base.year - n), "year"
    else:
        value, precision = f"{centre.year // 10 * 10}s", "decade"
    return _Reading(value, precision, low, high, relative=True, from_base=True)


def _time(match: re.Match[str], base: dt.date | None, direction: Direction) -> _Reading | None:
    word = match.groupdict().get("word")
    if word:
        return _Reading("00:00" if word.lower() == "midnight" else "12:00", "time")
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    half = (match.groupdict().get("half") or "").lower().replace(".", "").replace(" ", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    return _Reading(f"{hour:02d}:{minute:02d}", "time")


_READERS: dict[str, Callable[[re.Match[str], dt.date | None, Direction], _Reading | None]] = {
    "month_day": _month_day, "day_month": _month_day, "month_year": _month_year,
    "month": _month, "decade": _decade, "year": _year, "weekday": _weekday,
    "relative": _relative, "word": _word, "ago": _ago, "time": _time,
}


# --------------------------------------------------------------------------- helpers


_T = TypeVar("_T")


def _choose(candidates: list[_T], base: dt.date, direction: int,
            span: Callable[[_T], tuple[dt.date, dt.date]]) -> _T:
    """The candidate the wording points to: the first one ahead, the last one back, or the
    nearest (ties go back) when the wording says neither."""
    def distance(c: _T) -> int:
        low, high = span(c)
        return 0 if low <= base <= high else min(abs((low - base).days), abs((high - base).days))

    if direction > 0:
        ahead = [c for c in candidates if span(c)[1] >= base]
        if ahead:
            return min(ahead, key=lambda c: span(c)[0])
    if direction < 0:
        back = [c for c in candidates if span(c)[0] <= base]
        if back:
            return max(back, key=lambda c: span(c)[0])
    return min(candidates, key=lambda c: (distance(c), span(c)[0] > base))


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _narrow(
    interval: tuple[dt.date, dt.date], span: str | None, base: dt.date | None
) -> tuple[dt.date, dt.date]:
    """Part of a period: "early March" (first third), "earlier this month" (up to the base)."""
    low, high = interval
    span = re.sub(r"^the\s+", "", (span or "").lower())
    if span in ("earlier", "later") and base is not None and low <= base <= high:
        return (low, base) if span == "earlier" else (base, high)
    length = (high - low).days
    if span in ("early", "beginning of", "start of"):
        return low, low + dt.timedelta(days=length * 2 // 5)
    if span in ("late", "end of"):
        return high - dt.timedelta(days=length * 2 // 5), high
    if span in ("mid", "middle of"):
        return low + dt.timedelta(days=length // 4), high - dt.timedelta(days=length // 4)
    return low, high


def _week_reading(low: dt.date, high: dt.date) -> _Reading:
    year, week, _ = (low + dt.timedelta(days=1)).isocalendar()  # named by its Monday
    return _Reading(f"{year}-W{week:02d}", "week", low, high, relative=True, from_base=True)


def _weekend(base: dt.date, direction: int) -> dt.date:
    """The Saturday of "the weekend": the one just past, the coming one, or the nearer."""
    saturday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=5)
    if saturday <= base:  # on a weekend day, that weekend is both past and coming
        return saturday
    past = saturday - dt.timedelta(days=7)
    if direction < 0 or (direction == 0 and (base - past).days - 1 < (saturday - base).days):
        return past
    return saturday


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
    if "-W" in value:
        return int(value[:4]), None, None, "week"
    parts = value.split("-") if not value.startswith("--") else ["", *value[2:].split("-")]
    year = int(parts[0]) if parts[0] else None
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    return year, month, day, "day" if day else "month" if month else "year"


def overlap(first: Fact, second: Fact) -> bool | None:
    """Whether two resolved dates' intervals meet; None when either has no interval."""
    if not (first.low and first.high and second.low and second.high):
        return None
    return first.low <= second.high and second.low <= first.high


def compatible(first: str, second: str) -> bool | None:
    """Whether two date values can name the same day; None when they cannot be compared.

    For values without an interval (a year-less "--05-13", an unresolved "relative:…").
    """
    y1, m1, d1, p1 = parse_iso(first)
    y2, m2, d2, p2 = parse_iso(second)
    if "relative" in (p1, p2):
        # Unresolved relative phrases ("this year", "later this year") may count from different
        # publication dates: the same phrase matches, anything else is no evidence either way.
        return True if first == second else None
    if "week" in (p1, p2):
        return None if y1 is None or y2 is None else (y1 == y2 or None)
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

