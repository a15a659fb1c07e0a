"""The headline of a saved page: a plausible title, without the site's name and date tail.

Page metadata usually holds the headline, but not always: a CMS may write its own name there
("escenic"), and `<title>` tags add the site ("… | The Japan Times", "… | DW | 19.01.2020").
The visible `<h1>` is the fallback, and a tail is cut only when the page's own metadata (its
site names, its host, its date) or the outlet's name identify it; real headline text stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Removed
from ..nlp.lexicon import CMS_TITLE_WORDS
from ..nlp.text import content_stems, fold
from .page_dates import parse_dates
from .saved_page import PageFacts

# Separators a <title> puts between headline, site and section: "|", " - ", " – ", "—", "::", "·".
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+|\s*\|\s*")


@dataclass(frozen=True)
class Headline:
    """The chosen headline, where it came from, and what was cut from it."""

    text: str
    source: str  # e.g. "page metadata", "visible headline (<h1>)"
    removed: list[Removed] = field(default_factory=list)


def choose_headline(
    metadata_title: str | None, page: PageFacts | None, *, outlet_names: Iterable[str] = (),
    date: str | None = None, body: Iterable[str] = (),
) -> Headline | None:
    """The page's headline: metadata if it reads as one, else the visible `<h1>`; tail cut."""
    names = _site_keys([*(page.site_names if page else ()), *outlet_names])
    generator = page.generator if page else None
    removed: list[Removed] = []
    chosen, source = metadata_title, "page metadata"
    if page is not None and not _plausible(metadata_title, names, generator):
        h1 = _best_h1(page.h1, names, generator, body)
        if h1 is not None:
            chosen = h1
            source = "visible headline (<h1>)"
            if metadata_title:
                source += f"; the metadata title {metadata_title!r} is not a headline"
                removed.append(Removed("metadata title, not a headline", metadata_title))
    if not chosen:
        return None
    text, tail = strip_site_tail(chosen, names, date)
    if tail:
        removed.append(Removed("site name in headline", tail))
    return Headline(text, source, removed)


def strip_site_tail(title: str, site_keys: set[str], date: str | None = None) -> tuple[str, str]:
    """``("Headline", "| Site | 19.01.2020")``: the headline and the cut tail ('' if none).

    Segments are cut from the end while each is a name of the site or a date; a date alone
    is cut only when it is the page's own date. At least one segment of real text stays.
    """
    pieces = _SEPARATOR.split(title)
    separators = _SEPARATOR.findall(title)
    if len(pieces) < 2 or (not site_keys and date is None):
        return title, ""
    cut = len(pieces)
    saw_site = False
    while cut > 1:
        segment = pieces[cut - 1]
        if _key(segment) in site_keys:
            saw_site = True
        elif not (readings := parse_dates(segment)) or (
                date not in readings and not saw_site
                and not _site_before(pieces[:cut - 1], site_keys)):
            break
        cut -= 1
    if cut == len(pieces):
        return title, ""
    head = pieces[0] + "".join(sep + piece for sep, piece in zip(separators, pieces[1:cut],
                                                                   strict=False))
    tail = "".join(sep + piece for sep, piece in zip(separators[cut - 1:], pieces[cut:],
                                                     strict=False))
    return head.strip(), tail.strip()


def _site_before(pieces: list[str], site_keys: set[str]) -> bool:
    """A date right after a site name ("… | DW | 19.01.2020") belongs to the site's tail."""
    return bool(pieces) and _key(pieces[-1]) in site_keys


def _plausible(title: str | None, site_keys: set[str], generator: str | None) -> bool:
    """Reads as a headline: words, not a CMS or site name, not a file name or a URL."""
    if not title or not any(c.isalpha() for c in title):
        return False
    key = _key(title)
    if key in CMS_TITLE_WORDS or (generator and key and key in _key(generator)):
        return False
    words = title.split()
    if len(words) < 2 or re.fullmatch(r"\S+\.(?:html?|php|aspx?|jsp)|https?://\S+", title.strip()):
        return False
    # A headline that is only the site's name ("POLITICO", "KBS WORLD") names no story.
    return not (key in site_keys and len(words) <= 4)


def _best_h1(
    candidates: Iterable[str], site_keys: set[str], generator: str | None, body: Iterable[str]
) -> str | None:
    """The plausible `<h1>` sharing most words with the opening of the article."""
    opening = set(content_stems(" ".join(list(body)[:5])))
    best: tuple[float, str] | None = None
    for text in candidates:
        if not _plausible(text, site_keys, generator):
            continue
        stems = content_stems(text)
        overlap = sum(1 for s in stems if s in opening) / max(1, len(stems))
        if best is None or overlap > best[0]:
            best = (overlap, text)
    return best[1] if best else None


def _site_keys(names: Iterable[str]) -> set[str]:
    """Comparable forms of a site's names: "The Japan Times", "japantimes.co.jp", "DW.COM"."""
    keys: set[str] = set()
    for name in names:
        # A site name with separators ("WSVN 7News | Miami News, Weather, Sports") names the
        # site in each of its parts, as a <title> tail repeats them.
        forms = {name, re.sub(r"\(.*?\)", "", name), *_SEPARATOR.split(name)}
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().lower())
        if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", host):
            forms.add(host.split(".")[0])  # japantimes.co.jp → japantimes
        for form in forms:
            key = _key(form)
            if key:
                keys.add(key)
                keys.add(key.removeprefix("the"))
    return {k for k in keys if len(k) >= 2}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))
