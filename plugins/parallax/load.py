"""data/ → Story objects. Reads and validates everything; nothing downstream re-reads files.

Every problem is collected with its file, line and fix, and reported together as one
`DataError`, so a maintainer fixes a batch of mistakes in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ids
from .errors import DataError, Problem
from .model import (
    OUTLET_KINDS,
    STANCES,
    Article,
    ClaimSpec,
    Outlet,
    Override,
    Removed,
    Stance,
    Story,
)
from .text import sentences_from_body
from .yamlio import LineDict, YamlSyntaxError, load_yaml

ARTICLE_SUFFIX = ".md"
KNOWN_ARTICLE_KEYS = ("outlet", "title", "date", "url", "author", "credit", "language", "removed")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class _Collector:
    """Gathers problems relative to the data dir so messages show short paths."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, message: str, fix: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.rel(path), message, fix, line))

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def load_data(data_dir: str | Path) -> list[Story]:
    """Load every story under ``<data_dir>/stories``, sorted by id; raise DataError on problems."""
    root = Path(data_dir)
    problems = _Collector(root)
    if not root.is_dir():
        problems.add(root, "data directory not found", "create it or point `data_dir` at it")
        raise DataError(problems.problems)
    outlets = _load_outlets(root / "outlets.yml", problems)
    stories_dir = root / "stories"
    stories: list[Story] = []
    if not stories_dir.is_dir():
        problems.add(stories_dir, "no stories folder", "add data/stories/<story>/<article>.md")
    else:
        for folder in sorted(p for p in stories_dir.iterdir() if p.is_dir()):
            story = _load_story(folder, outlets, problems)
            if story is not None:
                stories.append(story)
    if problems.problems:
        raise DataError(problems.problems)
    return stories


def data_fingerprint(data_dir: str | Path) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every data file: cheap change detection for `mkdocs serve`."""
    root = Path(data_dir)
    return sorted(
        (str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    )


# ----------------------------------------------------------------------------------- outlets


def _load_outlets(path: Path, problems: _Collector) -> dict[str, Outlet]:
    if not path.exists():
        return {}
    data = _read_yaml(path, problems)
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
            problems.add(path, f"outlet slug {slug!r} is not a slug",
                         f"use {ids.slugify(slug)!r}", line)
            continue
        if details is None:
            details = {}
        if not isinstance(details, dict):
            problems.add(path, f"outlet {slug!r} must map to details",
                         "give name:, country:, …", line)
            continue
        def line_of(key: str, details: dict[str, Any] = details, line: int = line) -> int:
            return details.line_of(key) if isinstance(details, LineDict) else line

        kind = details.get("kind")
        if kind is not None and kind not in OUTLET_KINDS:
            problems.add(
                path, f"outlet {slug!r} has unknown kind {kind!r}",
                f"use one of {', '.join(OUTLET_KINDS)}", line_of("kind"),
            )
        url = _optional_str(details.get("url"))
        if url and not _is_http(url):
            problems.add(path, f"outlet {slug!r} url is not http(s)",
                         "use an http:// or https:// link", line_of("url"))
            url = None
        outlets[slug] = Outlet(
            slug=slug,
            name=_optional_str(details.get("name")) or slug,
            country=_optional_str(details.get("country")),
            url=url,
            kind=kind if kind in OUTLET_KINDS else None,
            notes=_optional_str(details.get("notes")),
        )
    return outlets


# ----------------------------------------------------------------------------------- stories


def _load_story(folder: Path, outlets: dict[str, Outlet], problems: _Collector) -> Story | None:
    story_id = folder.name
    before = len(problems.problems)
    if not ids.is_valid_id(story_id):
        problems.add(folder, f"story folder name {story_id!r} is not a slug",
                     f"rename the folder to {ids.slugify(story_id)!r}")
        return None
    meta = _load_story_meta(folder / "story.yml", problems)
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ARTICLE_SUFFIX)
    if not files:
        problems.add(folder, "story folder has no articles",
                     "add at least one <article>.md (see `parallax import`) or remove the folder")
        return None
    articles = [a for a in (_load_article(p, story_id, outlets, problems) for p in files) if a]
    _check_article_ids(folder, [p for p in files], problems)
    claims = _load_claims(folder / "claims.yml", articles, problems)
    if len(problems.problems) > before:
        return None
    title = meta.get("title") or story_id
    return Story(
        id=story_id,
        title=str(title),
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        claims=tuple(claims),
        date=_optional_date(meta.get("date")),
        summary=_optional_str(meta.get("summary")),
        source_dir=problems.rel(folder),
    )


def _load_story_meta(path: Path, problems: _Collector) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = _read_yaml(path, problems)
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        problems.add(path, "expected a mapping (title:, date:, summary:)",
                     "see the data format page")
        return {}
    if "date" in data and _optional_date(data["date"]) is None and data["date"] is not None:
        problems.add(path, f"date {data['date']!r} is not YYYY-MM-DD", "write e.g. 2025-05-30",
                     data.line_of("date"))
    for key in ("title", "summary"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            problems.add(path, f"{key} must be text", f"quote the {key}", data.line_of(key))
    return dict(data)


def _check_article_ids(folder: Path, files: list[Path], problems: _Collector) -> None:
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
    path: Path, story_id: str, outlets: dict[str, Outlet], problems: _Collector
) -> Article | None:
    article_id = path.stem
    if not ids.is_valid_id(article_id):
        problems.add(path, f"article file name {path.name!r} is not a slug",
                     f"rename it to {ids.slugify(article_id)}.md")
        return None
    if article_id in ids.RESERVED_ARTICLE_IDS:
        problems.add(path, f"article id {article_id!r} is reserved for a story page",
                     "rename the file")
        return None
    text = _read_text(path, problems)
    if text is None:
        return None
    split = _split_front_matter(text)
    if split is None:
        problems.add(path, "no YAML front matter", "start the file with a '---' block holding "
                     "outlet: and title:", 1)
        return None
    front_text, body, body_line = split
    try:
        meta = load_yaml(front_text, first_line=2)
    except YamlSyntaxError as error:
        problems.add(path, str(error), "fix the front matter YAML (quote values with ':' or '#')",
                     error.line)
        return None
    if not isinstance(meta, LineDict):
        problems.add(path, "front matter must be a mapping", "write key: value lines", 2)
        return None
    ok = True
    for key in ("outlet", "title"):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.add(path, f"missing required `{key}`", f"add `{key}: …` to the front matter",
                         meta.line_of(key) if key in meta else 1)
            ok = False
    date = meta.get("date")
    if date is not None and _optional_date(date) is None:
        problems.add(path, f"date {date!r} is not YYYY-MM-DD", "write e.g. date: 2025-05-30",
                     meta.line_of("date"))
        ok = False
    url = _optional_str(meta.get("url"))
    if url and not _is_http(url):
        problems.add(path, f"url {url!r} is not an http(s) link", "use an http:// or https:// URL",
                     meta.line_of("url"))
        ok = False
    removed = _parse_removed(meta.get("removed"), path, meta, problems)
    sentences = sentences_from_body(body)
    if not sentences:
        problems.add(path, "article body is empty", "paste the article text below the front matter",
                     body_line)
        ok = False
    if not ok or removed is None:
        return None
    outlet_value = str(meta["outlet"]).strip()
    outlet = _resolve_outlet(outlet_value, outlets)
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
        date=_optional_date(date),
        url=url,
        author=_optional_str(meta.get("author")),
        credit=_optional_str(meta.get("credit")),
        language=_optional_str(meta.get("language")),
        removed=removed,
        extra=extra,
    )


def _resolve_outlet(value: str, outlets: dict[str, Outlet]) -> Outlet:
    """An article's `outlet` is a slug from outlets.yml, a name from it, or a free name."""
    if value in outlets:
        return outlets[value]
    for outlet in outlets.values():
        if outlet.name == value:
            return outlet
    return Outlet(slug=ids.slugify(value), name=value)


def _parse_removed(
    value: Any, path: Path, meta: LineDict, problems: _Collector
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


# ------------------------------------------------------------------------------------ claims


def _load_claims(path: Path, articles: list[Article], problems: _Collector) -> list[ClaimSpec]:
    if not path.exists():
        return []
    data = _read_yaml(path, problems)
    if data is None:
        return []
    if isinstance(data, LineDict) and "claims" in data:
        data = data["claims"]
    if not isinstance(data, list):
        problems.add(path, "expected a list of claims", "write `- id: c1` / `  text: …` items", 1)
        return []
    by_article = {a.id: a for a in articles}
    by_outlet: dict[str, list[str]] = {}
    for article in articles:
        by_outlet.setdefault(article.outlet.slug, []).append(article.id)
    claims: list[ClaimSpec] = []
    seen: set[str] = set()
    for item in data:
        if not isinstance(item, LineDict):
            problems.add(path, "each claim must be a mapping with id: and text:",
                         "write `- id: c1` / `  text: …`")
            continue
        claim_id, text = item.get("id"), item.get("text")
        if not isinstance(claim_id, str) or not ids.is_valid_id(claim_id):
            problems.add(path, f"claim id {claim_id!r} is missing or not a slug",
                         "use ids like c1, meeting-date", item.line)
            continue
        if claim_id in seen:
            problems.add(path, f"duplicate claim id {claim_id!r}", "give each claim its own id",
                         item.line_of("id"))
            continue
        seen.add(claim_id)
        if not isinstance(text, str) or not text.strip():
            problems.add(path, f"claim {claim_id!r} has no text", "add `text: …`", item.line)
            continue
        overrides = _parse_overrides(item, claim_id, path, by_article, by_outlet, problems)
        claims.append(ClaimSpec(id=claim_id, text=text.strip(), overrides=overrides,
                                line=item.line))
    return claims


def _parse_overrides(
    item: LineDict,
    claim_id: str,
    path: Path,
    by_article: dict[str, Article],
    by_outlet: dict[str, list[str]],
    problems: _Collector,
) -> tuple[tuple[str, Override], ...]:
    raw = item.get("overrides")
    if raw is None:
        return ()
    if not isinstance(raw, LineDict):
        problems.add(path, f"claim {claim_id!r}: overrides must map outlet to stance",
                     "write `overrides: {outlet-slug: {stance: disputes, evidence: [s3]}}`",
                     item.line_of("overrides"))
        return ()
    result: dict[str, Override] = {}
    known = sorted(set(by_outlet) | set(by_article))
    for key, value in raw.items():
        line = raw.line_of(key)
        targets = [key] if key in by_article else by_outlet.get(key, [])
        if not targets:
            problems.add(path, f"claim {claim_id!r}: override names unknown outlet {key!r}",
                         "use an outlet slug or article id of this story: "
                         f"{', '.join(known)}", line)
            continue
        if isinstance(value, str):
            value = {"stance": value}
        if not isinstance(value, dict) or value.get("stance") not in STANCES:
            problems.add(path, f"claim {claim_id!r}: override for {key!r} needs a stance",
                         f"use stance: one of {', '.join(STANCES)}", line)
            continue
        evidence = value.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        stance: Stance = value["stance"]
        for target in targets:
            article = by_article[target]
            known_ids = {s.id for s in article.sentences}
            missing = [e for e in evidence if e not in known_ids]
            if missing:
                problems.add(path, f"claim {claim_id!r}: {target} has no sentence "
                             f"{', '.join(map(str, missing))}",
                             f"use sentence ids s1…s{len(article.sentences)} "
                             "(see the article page)",
                             line)
                continue
            result[target] = Override(stance=stance, evidence=tuple(evidence),
                                      note=_optional_str(value.get("note")))
    return tuple(sorted(result.items()))


# ----------------------------------------------------------------------------------- helpers


def _read_text(path: Path, problems: _Collector) -> str | None:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(path, f"not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})",
                     "re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)", line)
        return None


def _read_yaml(path: Path, problems: _Collector) -> Any:
    text = _read_text(path, problems)
    if text is None:
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError as error:
        problems.add(path, str(error), "fix the YAML syntax (quote values containing ':' or '#')",
                     error.line)
        return None


def _split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, first body line) or None when the file has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _optional_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))
