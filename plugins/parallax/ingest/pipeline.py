"""`parallax import` from end to end: options in, a checked article file (not yet written) out.

Everything that can refuse an import happens here, before a byte is written: bad options,
names the file system or the site cannot hold, a page with no article text, and any problem
`parallax check` would then report. The CLI only prints and writes what this returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data import ids
from ..data.errors import ImportRefused, ParallaxError
from ..data.files import date_problem, is_http
from ..data.yaml_lines import YamlSyntaxError, load_yaml
from ..model import Removed
from ..terminal import CONTROL_IN_TEXT
from .boilerplate import clean
from .bylines import clean_byline
from .headline import choose_headline
from .readers import RawArticle, read_source
from .stubs import ADVICE, check_length, has_article_text
from .validate import name_max, new_problems
from .writer import TEMP_OVERHEAD, render_article_file

# Front-matter keys the import writes itself; `--set` may not override them.
_OWN_KEYS = {"outlet": "--outlet", "title": "--title", "removed": None, "imported_from": None}
_SET_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


@dataclass
class ImportRequest:
    """The options of one `parallax import` run."""

    source: Path
    story: str
    outlet: str
    data_dir: Path
    article_id: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    credit: str | None = None
    language: str = "en"
    extra: tuple[str, ...] = ()
    force: bool = False


@dataclass
class Prepared:
    """A checked article file ready to write, and what to tell the user about it."""

    target: Path
    content: str
    paragraphs: int
    removed: list[Removed]
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the article looks cut short
    check_warnings: list[str] = field(default_factory=list)  # what `parallax check` would warn


def prepare_import(request: ImportRequest) -> Prepared:
    """Read, clean and check one article; raise ParallaxError saying why it cannot be imported."""
    outlet = request.outlet.strip()
    article_id = _check_names(request, outlet)
    extra = _parse_set(request.extra)
    bad_date = date_problem(request.date)
    if bad_date:
        raise ParallaxError(f"--date: {bad_date} — pass e.g. --date 2025-05-30")
    if request.url is not None and not is_http(request.url):
        raise ParallaxError(f"--url {request.url!r} is not an http(s) link — pass an http:// or "
                            "https:// URL")
    target = request.data_dir / "stories" / request.story / f"{article_id}.md"
    outlet_names = _outlet_names(request.data_dir, outlet)
    _check_target(target, outlet, outlet_names, request.force)

    raw = read_source(request.source, has_headline=request.title is None)
    notes: list[str] = []
    removed: list[Removed] = []
    if raw.page is not None and (raw.page.encoding != "utf-8"
                                 or raw.page.encoding_source.startswith(("UTF-8 ", "fallback"))):
        notes.append(f"decoded as {raw.page.encoding} ({raw.page.encoding_source})")
    headline, title_source = _headline(request, raw, outlet_names, removed)
    length = check_length(raw.paragraphs, raw.page)
    if length.body_source:
        notes.append(f"article text taken from {length.body_source}")
    cleaned = clean(length.paragraphs, headline, raw.page)
    removed.extend(cleaned.removed)
    if not headline:
        raise ParallaxError(f"{request.source}: no headline found — pass --title")
    if not has_article_text(cleaned.paragraphs):
        left = "; ".join(p[:40] for p in cleaned.paragraphs[:4]) or "nothing"
        if length.warnings:
            raise ImportRefused(f"{request.source}: no article text — "
                                f"{'; '.join(length.warnings)}; {ADVICE}")
        raise ImportRefused(
            f"{request.source}: no article text — what is left after removing boilerplate "
            f"reads as a menu or a footer ({left}); save the article's own page (not a home "
            "or section page), or paste its text into a .txt file")
    # --author is the maintainer's word; a byline found on the page has to read as a name.
    byline = clean_byline(raw.author or cleaned.author)
    removed.extend(byline.removed if request.author is None else [])
    paragraphs, stripped = _strip_controls([*cleaned.paragraphs])
    if stripped:
        removed.append(Removed("control characters", stripped))
    meta: dict[str, Any] = {
        "outlet": outlet,
        "title": headline,
        # Only dates the page or text states (markup, URL, a date line); never a guess.
        "date": request.date or raw.date or cleaned.date,
        "url": request.url or (raw.url if raw.url and is_http(raw.url) else None),
        "author": request.author or byline.author,
        "credit": request.credit,
        "language": request.language,
        "title_source": title_source,
        "body_source": length.body_source,
        **extra,
        "imported_from": request.source.name,
        "removed": [{"rule": r.rule, "text": r.text} for r in removed],
    }
    meta = {k: _without_controls(v) for k, v in meta.items()}
    content = render_article_file(meta, meta["title"], paragraphs)
    check_warnings = _check_like_check(request, target, content)
    warnings = [f"{w} — {ADVICE}" for w in length.warnings]
    return Prepared(target, content, len(paragraphs), removed, notes, warnings, check_warnings)


def _check_names(request: ImportRequest, outlet: str) -> str:
    """The article id, after checking every name that becomes a folder or a file name."""
    if not outlet:
        raise ParallaxError("--outlet is empty — pass the outlet's slug from outlets.yml or "
                            "its name")
    if not ids.is_valid_id(request.story):
        raise ParallaxError(f"--story {_cut(request.story)!r} is not a slug — use "
                            f"{_cut(ids.slugify(request.story))!r}")
    article_id = request.article_id or ids.slugify(outlet)
    if request.article_id is not None and not ids.is_valid_id(request.article_id):
        raise ParallaxError(f"--id {_cut(request.article_id)!r} is not a slug — use "
                            f"{_cut(ids.slugify(request.article_id))!r}")
    if article_id in ids.RESERVED_ARTICLE_IDS:
        given = f"--id {article_id}" if request.article_id else f"--outlet {outlet}"
        raise ParallaxError(f"{given} gives the article id {article_id!r}, which a story page "
                            f"uses — pass another id, e.g. --id {article_id}-outlet")
    limit = name_max(request.data_dir)
    if len(request.story.encode()) > limit:
        raise ParallaxError(f"--story is {len(request.story)} characters long, more than a "
                            f"folder name may have here ({limit}) — choose a shorter story id")
    longest = limit - TEMP_OVERHEAD - len(".md")
    if len(article_id.encode()) > longest:
        what = "--id" if request.article_id else "--outlet (as an article id)"
        raise ParallaxError(f"{what} is {len(article_id)} characters long, more than an article "
                            f"file name may have here ({longest}) — pass a shorter --id")
    return article_id


def _parse_set(items: tuple[str, ...]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not _SET_KEY.match(key):
            raise ParallaxError(f"--set {_cut(item)!r}: write KEY=VALUE, the key a plain word")
        if key in _OWN_KEYS:
            option = _OWN_KEYS[key]
            raise ParallaxError(f"--set {key}=…: the import writes `{key}` itself"
                                + (f" — use {option}" if option else ""))
        extra[key] = value
    return extra


def _check_target(target: Path, outlet: str, outlet_names: list[str], force: bool) -> None:
    """Refuse to replace a file; name --id, never --force, when it is another outlet's."""
    if not target.exists():
        return
    theirs = _outlet_of(target)
    # A file whose outlet cannot be read (edited by hand) is not known to be another outlet's.
    other = theirs is not None and theirs.strip().casefold() not in {
        n.casefold() for n in outlet_names}
    if other:
        free = next(f"{target.stem}-{n}" for n in range(2, 1000)
                    if not target.with_name(f"{target.stem}-{n}.md").exists())
        raise ParallaxError(
            f"{target} holds the article of outlet {theirs!r}, and {outlet!r} makes the same "
            f"file name — pass --id {free} (or another id) to import it beside that one")
    if not force:
        raise ParallaxError(f"{target} already exists — pass --force to replace it")


def _outlet_of(path: Path) -> str | None:
    from ..data.files import FrontMatterError, split_front_matter

    try:
        front = split_front_matter(path.read_text(encoding="utf-8"))
        meta = load_yaml(front.text)
    except (OSError, UnicodeDecodeError, FrontMatterError, YamlSyntaxError):
        return None
    value = meta.get("outlet") if isinstance(meta, dict) else None
    return str(value) if value is not None else None


def _outlet_names(data_dir: Path, outlet: str) -> list[str]:
    """The outlet as given, its slug, and its name and slug in outlets.yml (for headlines)."""
    names = [outlet, ids.slugify(outlet)]
    try:
        outlets = load_yaml((data_dir / "outlets.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return names
    if isinstance(outlets, dict):
        for slug, details in outlets.items():
            name = details.get("name") if isinstance(details, dict) else None
            if outlet in (slug, name):
                names += [str(slug)] + ([str(name)] if name else [])
    return names


def _headline(
    request: ImportRequest, raw: RawArticle, outlet_names: list[str], removed: list[Removed]
) -> tuple[str | None, str | None]:
    """The headline and, for a web page, where it came from."""
    if request.title is not None:
        return request.title.strip() or None, None
    if raw.page is None:
        return raw.title, None
    headline = choose_headline(raw.title, raw.page, outlet_names=outlet_names, date=raw.date,
                               body=raw.paragraphs)
    if headline is None:
        return None, None
    removed.extend(headline.removed)
    return headline.text, headline.source


def _check_like_check(request: ImportRequest, target: Path, content: str) -> list[str]:
    """Refuse what `parallax check` would refuse, with its own words; return its warnings."""
    problems, warnings = new_problems(request.data_dir, request.story, target.name, content)
    if problems:
        lines = "\n".join(f"  {p.message} — {p.fix}" for p in problems)
        raise ParallaxError(f"{target} would not pass `parallax check`, nothing written:\n{lines}")
    return [f"{w.message} — {w.fix}" for w in warnings]


def _strip_controls(paragraphs: list[str]) -> tuple[list[str], str]:
    """Paragraphs without control characters, and which were removed ('' if none)."""
    found: dict[str, int] = {}
    clean_paragraphs = []
    for paragraph in paragraphs:
        for char in CONTROL_IN_TEXT.findall(paragraph):
            found[char] = found.get(char, 0) + 1
        kept = CONTROL_IN_TEXT.sub("", paragraph).strip()
        if kept:
            clean_paragraphs.append(kept)
    summary = ", ".join(f"{n} × U+{ord(c):04X}" for c, n in sorted(found.items()))
    return clean_paragraphs, summary


def _without_controls(value: Any) -> Any:
    if isinstance(value, str):
        return CONTROL_IN_TEXT.sub("", value)
    if isinstance(value, list):
        return [_without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_controls(v) for k, v in value.items()}
    return value


def _cut(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
