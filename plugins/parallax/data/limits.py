"""Size limits that protect the build: a data file's size, sentences per article, articles per
story. Overridable in mkdocs.yml (`limits:` of the parallax plugin); `parallax check` reads the
same settings, so it never passes what the build refuses.

The defaults leave ample room for real news (the longest seed article is 1,100 words; a long
feature is 10,000) while bounding what one careless or hostile file can cost: the analysis
compares every pair of articles, so articles per story bound the pairs, and sentences per
article bound each pair's work.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from .mkdocs_yml import plugin_options, read_mkdocs_yml


@dataclass(frozen=True)
class Limits:
    """What one story may hold; every limit is a positive whole number."""

    file_kb: int = 1024  # size of any one data file (article, story.yml, claims.yml, outlets.yml)
    sentences: int = 6000  # sentences of one article (100,000 words is about 5,000 sentences)
    articles: int = 40  # articles of one story (40 articles make 780 comparison pages)

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"limits.{field.name} must be a whole number of at least 1, "
                                 f"not {value!r}")


def describe(size: int) -> str:
    """A byte count for a message: '50.0 MB', '1.2 MB', '640 KB'."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def limits_from_mkdocs_yml(path: Path) -> Limits:
    """The `limits:` the parallax plugin is given in mkdocs.yml (defaults where absent).

    Raises ValueError naming the file when the setting is present but not valid.
    """
    options = plugin_options(read_mkdocs_yml(path))
    raw = options.get("limits") if isinstance(options, dict) else None
    if raw is None:
        return Limits()
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: parallax `limits` must be a mapping such as "
                         "{file_kb: 1024, sentences: 6000, articles: 40}")
    known = {f.name for f in fields(Limits)}
    unknown = sorted(set(map(str, raw)) - known)
    if unknown:
        raise ValueError(f"{path}: unknown parallax limit {unknown[0]!r} — use "
                         f"{', '.join(sorted(known))}")
    try:
        return Limits(**{str(k): v for k, v in raw.items()})
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
