"""Authors as pages state them, kept only when they read as a person's or a desk's name.

Page metadata carries odd bylines: a label with no name ("Article by"), a placeholder ("No
Author", "admin"), a date glued on by the template ("CBS News February"). Each part of a
byline is kept when it reads as a name ("Adam Aaronson", "Web Desk", "AFP", "BBNTEAM") and
recorded as removed otherwise, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Removed
from ..nlp.lexicon import (
    BYLINE_PLACEHOLDERS,
    MONTH_NAMES_LOWER,
    NAME_PARTICLES,
    WEEKDAY_NAMES_LOWER,
)

_LABEL = re.compile(
    r"^(?:(?:article|story|words|text|reporting|report|posted|written|published|edited|"
    r"compiled|photos?)\s+)?by\b:?\s*", re.IGNORECASE)
# A date or time the template glued after the name: "February", "Feb. 24, 2020", "10:11 pm".
_TRAILING_DATE = re.compile(
    rf"(?:[\s,|·–-]+(?:{MONTH_NAMES_LOWER}\.?|{WEEKDAY_NAMES_LOWER}|\d{{1,4}}(?:st|nd|rd|th)?|\d{{1,2}}:\d{{2}}|"
    r"[ap]\.?m\.?|updated|published|on|at|gmt|utc|[a-z]{1,2}t))+$", re.IGNORECASE)


@dataclass
class Byline:
    """The author to keep (None when nothing reads as a name) and what was removed."""

    author: str | None
    removed: list[Removed] = field(default_factory=list)


def clean_byline(author: str | None) -> Byline:
    """Keep each ';'-separated part of `author` that reads as a person or desk name."""
    if not author or not author.strip():
        return Byline(None)
    kept: list[str] = []
    removed: list[Removed] = []
    for part in (p.strip() for p in author.split(";")):
        if not part:
            continue
        name = _TRAILING_DATE.sub("", _LABEL.sub("", part)).strip(" ,|·–-:")
        if not reads_as_name(name):
            removed.append(Removed("junk byline", part))
            continue
        if name != part:  # a label or a date came off: record exactly those words
            at = part.find(name)
            cut = " … ".join(x.strip(" ,") for x in (part[:at], part[at + len(name):])
                             if x.strip(" ,"))
            if cut.lower().rstrip(":") != "by":  # the bare label "By" is no content
                removed.append(Removed("junk byline", cut))
        if name not in kept:
            kept.append(name)
    return Byline("; ".join(kept) or None, removed)


def reads_as_name(text: str) -> bool:
    """A person or desk: up to six capitalised words, no digits, links or placeholders."""
    if not text or text.lower() in BYLINE_PLACEHOLDERS:
        return False
    if re.search(r"\d|@|https?:|www\.|[<>{}\[\]=/\\]", text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    capitalised = [w for w in words if w[0].isupper() or not w[0].isalpha()]
    return bool(capitalised) and all(
        w in capitalised or w.lower() in NAME_PARTICLES for w in words)
