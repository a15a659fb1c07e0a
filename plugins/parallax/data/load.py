"""data/ → Story objects. Reads and validates everything; nothing downstream re-reads files.

Every problem is collected with its file, line and fix, and reported together as one
`DataError`, so a maintainer fixes a batch of mistakes in one pass.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest.noncontent import strip_noncontent
from ..model import OUTLET_KINDS, Article, Outlet, Removed, Story
from ..nlp.text import sentences_from_body
from . import ids
from .claims_yml import load_claims
from .errors import DataError, Problem, excerpt
from .files import (
    FrontMatter,
    FrontMatterError,
    Problems,
    date_problem,
    is_http,
    optional_date,
    optional_str,
    read_text,
    read_yaml,
    split_front_matter,
)
from .limits import Limits
from .yaml_lines import LineDict, YamlSyntaxError, load_yaml

ARTICLE_SUFFIX = ".md"
_IMPORT_TEMP = re.compile(r"\..+\.md\.[A-Za-z0-9_]+\.tmp")
KNOWN_ARTICLE_KEYS = (
    "outlet", "title", "date", "url", "author", "credit", "language", "note", "removed",
)


@dataclass(frozen=True)
class Loaded:
    """Valid data, plus warnings about likely mistakes that did not stop loading."""

    stories: list[Story]
    warnings: list[Problem]


def load_data(data_dir: str | Path, limits: Limits | None = None,
              workers: int = 1) -> list[Story]:
    """Load every story under ``<data_dir>/stories``, sorted by id; raise DataError on problems."""
    return load_data_with_warnings(data_dir, limits, workers).stories


def load_data_with_warnings(data_dir: str | Path, limits: Limits | None = None,
                            workers: int = 1) -> Loaded:
    """`load_data`, also returning warnings (e.g. a misspelt outlet slug) for the caller to show.

    `limits` bound what one story may hold (default: `Limits()`). With `workers` > 1 the
    stories are read in that many processes (splitting sentences costs ~8 ms per article, a
    few seconds for a few hundred stories); the result, and every problem's order, is the
    same either way."""
    root = Path(data_dir)
    problems = Problems(root, limits or Limits())
    if not root.is_dir():
        problems.add(root, "data directory not found", "create it or point `data_dir` at it")
        raise DataError(problems.problems)
    outlets = _load_outlets(root / "outlets.yml", problems)
    stories_dir = root / "stories"
    stories: list[Story] = []
    if not stories_dir.is_dir():
        problems.add(stories_dir, "no stories folder", "add data/stories/<story>/<article>.md")
    else:
        folders = sorted(p for p in stories_dir.iterdir() if p.is_dir())
        for story, found in _load_stories(folders, outlets, problems.root, problems.limits,
                                          workers):
            problems.problems.extend(found.problems)
            problems.warnings.extend(found.warnings)
            if story is not None:
                stories.append(story)
    if problems.problems:
        raise DataError(problems.problems)
    return Loaded(stories, problems.warnings)


def _load_stories(
    folders: list[Path], outlets: dict[str, Outlet], root: Path, limits: Limits, workers: int
) -> Iterator[tuple[Story | None, Problems]]:
    """Each folder's story (None when it has problems) and what loading it found, in order."""
    load = functools.partial(_load_story_alone, outlets=outlets, root=root, limits=limits)
    if workers <= 1 or len(folders) < 2 * workers:  # a pool costs more than a few stories
        yield from map(load, folders)
        return
    with ProcessPoolExecutor(workers) as pool:
        # Big chunks: a story takes ~60 ms, and each task's round trip costs a little.
        yield from pool.map(load, folders, chunksize=max(1, len(folders) // (4 * workers)))


def _load_story_alone(folder: Path, *, outlets: dict[str, Outlet], root: Path,
                      limits: Limits) -> tuple[Story | None, Problems]:
    """`_load_story` with problems of its own, so it can run in another process."""
    problems = Problems(root, limits)
    return _load_story(folder, outlets, problems), problems


def data_fingerprint(data_dir: str | Path) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every data file: cheap change detection for `mkdocs serve`."""
    root = Path(data_dir)
    return sorted(
        (str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    )


# ----------------------------------------------------------------------------------- outlets


def _load_outlets(path: Path, problems: Problems) -> dict[str, Outlet]:
    if not path.exists():
        return {}
    data = read_yaml(path, problems)
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        problems.add(path, "expected a mapping of outlet slug to details",
                     "see the data format page")
        return {}
    outlets: dict[str, Outlet] = {}
    for slug, details in data.items():
        line = data.line_of(slug)
        if not ids.is_valid_id(slug):
            problems.add(path, f"outlet slug {excerpt(slug)} is not a slug",
                         f"use {excerpt(ids.slugify(slug))}", line)
            continue
        if details is None:
            details = {}
        if not isinstance(details, dict):
            problems.add(path, f"outlet {excerpt(slug)} must map to details",
                         "give name:, country:, …", line)
            continue

        def line_of(key: str, details: dict[str, Any] = details, line: int = line) -> int:
            return details.line_of(key) if isinstance(details, LineDict) else line

        kind = details.get("kind")
        if kind is not None and kind not in OUTLET_KINDS:
            problems.add(
                path, f"outlet {excerpt(slug)} has unknown kind {excerpt(kind)}",
                f"use one of {', '.join(OUTLET_KINDS)}", line_of("kind"),
            )
        url = optional_str(details.get("url"))
        if url and not is_http(url):
            problems.add(path, f"outlet {excerpt(slug)} url is not http(s)",
                         "use an http:// or https:// link", line_of("url"))
            url = None
        outlets[slug] = Outlet(
            slug=slug,
            name=optional_str(details.get("name")) or slug,
            country=optional_str(details.get("country")),
            url=url,
            kind=kind if kind in OUTLET_KINDS else None,
            notes=optional_str(details.get("notes")),
        )
    return outlets


# ----------------------------------------------------------------------------------- stories


def _load_story(folder: Path, outlets: dict[str, Outlet], problems: Problems) -> Story | None:
    story_id = folder.name
    before = len(problems.problems)
    if _bad_id(folder, story_id, "story folder name", "rename the folder to {}", problems):
        return None
    meta = _load_story_meta(folder / "story.yml", problems)
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ARTICLE_SUFFIX)
    entries = list(folder.iterdir())
    if not files and entries and all(_is_import_leftover(p) for p in entries):
        return None  # only what an interrupted first import left: not a story yet
    if not files:
        problems.add(folder, "story folder has no articles",
                     "add at least one <article>.md (see `parallax import`) or remove the folder")
        return None
    if len(files) > problems.limits.articles:
        problems.add(folder, f"story has {len(files)} articles, over the limit of "
                     f"{problems.limits.articles} per story (every pair of articles is compared)",
                     "split it into smaller stories, or raise `limits: {articles: …}` of the "
                     "parallax plugin in mkdocs.yml")
        return None
    articles = [a for a in (_load_article(p, story_id, outlets, problems) for p in files) if a]
    _check_article_ids(folder, [p for p in files], problems)
    # An article that failed to load is already reported; overrides naming it are not "unknown".
    failed = {p.stem for p in files} - {a.id for a in articles}
    claims = load_claims(folder / "claims.yml", articles, problems, failed)
    synopsis_base = _synopsis_base(folder / "story.yml", meta, files, problems)
    if len(problems.problems) > before:
        return None
    title = meta.get("title") or story_id
    return Story(
        id=story_id,
        title=str(title),
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        claims=tuple(claims),
        date=optional_date(meta.get("date")),
        summary=optional_str(meta.get("summary")),
        source_dir=problems.rel(folder),
        synopsis_base=synopsis_base,
    )


def _is_import_leftover(path: Path) -> bool:
    """A hidden `.<article>.md.<random>.tmp` file of an import killed before its rename."""
    return path.is_file() and bool(_IMPORT_TEMP.fullmatch(path.name))


def _load_story_meta(path: Path, problems: Problems) -> LineDict:
    """story.yml as a mapping; empty when the file is absent or unusable (already reported)."""
    if not path.exists():
        return LineDict.empty()
    data = read_yaml(path, problems)
    if data is None:
        return LineDict.empty()
    if not isinstance(data, LineDict):
        problems.add(path, "expected a mapping (title:, date:, summary:)",
                     "see the data format page")
        return LineDict.empty()
    bad_date = date_problem(data.get("date"))
    if bad_date:
        problems.add(path, bad_date, "write e.g. date: 2025-05-30", data.line_of("date"))
    for key in ("title", "summary"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            problems.add(path, f"{key} must be text", f"quote the {key}", data.line_of(key))
    return data


def _synopsis_base(
    path: Path, meta: LineDict, files: list[Path], problems: Problems
) -> str | None:
    """The optional `synopsis_base:` of story.yml: an article id of this story, or None."""
    value = meta.get("synopsis_base")
    if value is None:
        return None
    line = meta.line_of("synopsis_base")
    valid = sorted(p.stem for p in files)
    if not isinstance(value, str) or value.strip() not in valid:
        problems.add(path, f"synopsis_base {excerpt(value)} is not an article of this story",
                     f"write one of: {', '.join(valid)} (or remove the line to let Parallax "
                     "choose the earliest or most-copied article)", line)
        return None
    return value.strip()


def _bad_id(path: Path, value: str, what: str, rename: str, problems: Problems) -> bool:
    """Report an id (a folder or file name) that is not a slug or is too long; True if it was."""
    if not ids.is_valid_id(value):
        problems.add(path, f"{what} {path.name!r} is not a slug",
                     rename.format(ids.shorten(ids.slugify(value))))
    elif ids.too_long(value):
        problems.add(path, f"{what} {excerpt(path.name)} is too long: {len(value)} characters "
                     f"of id, over the limit of {ids.MAX_ID_LENGTH} (the file names of its pages "
                     "would be too long for common file systems)",
                     rename.format(ids.shorten(value)))
    else:
        return False
    return True


def _check_article_ids(folder: Path, files: list[Path], problems: Problems) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        lowered = path.stem.lower()
        if lowered in seen:
            problems.add(path, f"duplicate article id {lowered!r} (also {seen[lowered].name})",
                         "rename one of the two files")
        seen[lowered] = path
    stems = sorted(seen)
    pair_slugs: dict[str, tuple[str, str]] = {}
    for i, a in enumerate(stems):
        for b in stems[i + 1:]:
            slug = ids.pair_slug(a, b)
            if slug in pair_slugs:
                problems.add(folder, f"articles {a}/{b} and {'/'.join(pair_slugs[slug])} share "
                             f"the compare URL {slug!r}", "rename one article file")
            pair_slugs[slug] = (a, b)


def _load_article(
    path: Path, story_id: str, outlets: dict[str, Outlet], problems: Problems
) -> Article | None:
    article_id = path.stem
    if _bad_id(path, article_id, "article file name", "rename it to {}.md", problems):
        return None
    if article_id in ids.RESERVED_ARTICLE_IDS:
        problems.add(path, f"article id {article_id!r} is reserved for a story page",
                     "rename the file")
        return None
    parsed = _front_matter(path, problems)
    if parsed is None:
        return None
    front, meta = parsed
    ok = _required_fields_ok(path, meta, front.line, problems)
    date = meta.get("date")
    bad_date = date_problem(date)
    if bad_date:
        problems.add(path, bad_date, "write e.g. date: 2025-05-30", meta.line_of("date"))
        ok = False
    url = optional_str(meta.get("url"))
    if url and not is_http(url):
        problems.add(path, f"url {excerpt(url)} is not an http(s) link",
                     "use an http:// or https:// URL", meta.line_of("url"))
        ok = False
    removed = _parse_removed(meta.get("removed"), path, meta, problems)
    # Captions, section headings and placeholder lines stay out of the analysed sentences.
    body, noncontent = strip_noncontent(front.body)
    sentences = sentences_from_body(body)
    if len(sentences) > problems.limits.sentences:
        problems.add(path, f"article has {len(sentences)} sentences, over the limit of "
                     f"{problems.limits.sentences} per article",
                     "trim it to the news article itself, or raise `limits: {sentences: …}` of "
                     "the parallax plugin in mkdocs.yml", front.body_line)
        ok = False
    elif not sentences:
        problems.add(path, "article body is empty", "paste the article text below the front matter",
                     front.body_line)
        ok = False
    if not ok or removed is None:
        return None
    outlet_value = str(meta["outlet"]).strip()
    outlet = _resolve_outlet(outlet_value, outlets)
    if outlet not in outlets.values():
        _warn_near_miss(outlet_value, outlets, path, meta.line_of("outlet"), problems)
    extra = tuple(
        sorted((k, str(v)) for k, v in meta.items() if k not in KNOWN_ARTICLE_KEYS)
    )
    return Article(
        id=article_id,
        story_id=story_id,
        outlet=outlet,
        title=str(meta["title"]).strip(),
        sentences=sentences,
        source_path=problems.rel(path),
        date=optional_date(date),
        url=url,
        author=optional_str(meta.get("author")),
        credit=optional_str(meta.get("credit")),
        language=optional_str(meta.get("language")),
        note=optional_str(meta.get("note")),
        removed=(*removed, *noncontent),
        extra=extra,
    )


def _front_matter(path: Path, problems: Problems) -> tuple[FrontMatter, LineDict] | None:
    """An article's front matter, as a mapping with line numbers; None after a problem."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        front = split_front_matter(text)
    except FrontMatterError as error:
        problems.add(path, str(error), error.fix, error.line)
        return None
    try:
        meta = load_yaml(front.text, first_line=front.line + 1)
    except YamlSyntaxError as error:
        problems.add(path, str(error),
                     error.fix or "fix the front matter YAML (quote values with ':' or '#')",
                     error.line)
        return None
    if not isinstance(meta, LineDict):
        problems.add(path, "front matter must be a mapping", "write key: value lines",
                     front.line + 1)
        return None
    return front, meta


def _required_fields_ok(path: Path, meta: LineDict, line: int, problems: Problems) -> bool:
    """`outlet` and `title` are there, each one line of text."""
    ok = True
    for key in ("outlet", "title"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            problems.add(path, f"`{key}` must be text, not {excerpt(value)}",
                         f"write `{key}:` as one line of text, quoted if it starts with [ or {{ "
                         "or is a number", meta.line_of(key))
            ok = False
        elif not value or not value.strip():
            problems.add(path, f"missing required `{key}`", f"add `{key}: …` to the front matter",
                         meta.line_of(key) if key in meta else line)
            ok = False
    return ok


def _resolve_outlet(value: str, outlets: dict[str, Outlet]) -> Outlet:
    """An article's `outlet` is a slug from outlets.yml, a name from it, or a free name."""
    if value in outlets:
        return outlets[value]
    for outlet in outlets.values():
        if outlet.name == value:
            return outlet
    return Outlet(slug=ids.slugify(value), name=value)


def _warn_near_miss(
    value: str, outlets: dict[str, Outlet], path: Path, line: int, problems: Problems
) -> None:
    # Free outlet names are allowed, so only a value very close to a known slug or name is
    # taken for a typo: "sakshi-psot" is, "Unattributed outlet (seed 000)" is not.
    candidates = sorted(set(outlets) | {o.name for o in outlets.values()})
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.8)
    if close:
        problems.warn(path, f"outlet {excerpt(value)} is not in outlets.yml: did you mean "
                      f"{close[0]}?", f"write `outlet: {close[0]}`, or add {excerpt(value)} to "
                      "outlets.yml if it is another outlet", line)


def _parse_removed(
    value: Any, path: Path, meta: LineDict, problems: Problems
) -> tuple[Removed, ...] | None:
    if value is None:
        return ()
    fix = "write removed: as a list of {rule: …, text: …} (as `parallax import` does)"
    if not isinstance(value, list):
        problems.add(path, "`removed` must be a list", fix, meta.line_of("removed"))
        return None
    items = []
    for entry in value:
        if not isinstance(entry, dict) or "text" not in entry:
            problems.add(path, "each `removed` entry needs rule: and text:", fix,
                         meta.line_of("removed"))
            return None
        items.append(Removed(rule=str(entry.get("rule", "unknown")), text=str(entry["text"])))
    return tuple(items)
