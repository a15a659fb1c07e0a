"""The plugin's options, as a typed MkDocs config (documented in README.md, "Plugin options")."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .batch.cache import DEFAULT_DIR
from .batch.executor import EXECUTORS, resolve_workers
from .data.limits import Limits
from .render.pair_choice import DEFAULT_NEAREST
from .search.engine import ENGINE_SETTINGS, PAGEFIND_FROM


class Nearest(c.Type[int]):
    """A whole number ≥ 1."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise ValidationError(f"{number} is below 1 — e.g. `compare_nearest: 2`")
        return number


class Workers(c.BaseConfigOption[int]):
    """`auto` (one per core this process may use) or a number ≥ 1, read as that number."""

    def run_validation(self, value: object) -> int:
        try:
            return resolve_workers(value)  # type: ignore[arg-type]
        except ValueError as error:
            raise ValidationError(f"{error} — e.g. `workers: auto` or `workers: 2`") from None

    def pre_validation(self, config: Any, key_name: str) -> None:
        if config.get(key_name) is None:
            config[key_name] = "auto"


class LimitsConfig(Config):
    """`limits:` of the plugin: what one story may hold (see `parallax.data.limits`)."""

    file_kb = c.Type(int, default=Limits.file_kb)
    """Largest data file (article, story.yml, claims.yml, outlets.yml) in KB: `file_kb: 1024`."""

    sentences = c.Type(int, default=Limits.sentences)
    """Most sentences in one article: `sentences: 6000`."""

    articles = c.Type(int, default=Limits.articles)
    """Most articles in one story: `articles: 40`."""


class ParallaxConfig(Config):
    """Options of the `parallax` plugin in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. `enabled: !ENV [PARALLAX, true]`): hand-written pages only."""

    data_dir = c.Dir(exists=True, default="data")
    """Folder with `outlets.yml` and `stories/`, relative to mkdocs.yml: `data_dir: data`."""

    export = c.Type(bool, default=True)
    """Write `export/<story>.json`, `export/<story>-claims.csv` and
    `export/<story>-discrepancies.csv` into the site."""

    compare_nearest = Nearest(default=DEFAULT_NEAREST)
    """Comparison pages for each article's N nearest outlets (pairs sharing a wire source
    first); every other pair opens in the story page's "compare any two" picker. A number of
    at least a story's articles less one gives every pair its page."""

    workers = Workers()
    """Processes analysing stories in parallel: `auto` (default, one per core) or a number; 1
    analyses in the build process itself. The site is the same whatever the number."""

    executor = c.Choice(EXECUTORS, default="local")
    """`local` (a process pool of `workers`) or `dask` (needs `parallax-digest[dask]`)."""

    scheduler = c.Optional(c.Type(str))
    """With `executor: dask`, the scheduler's address (`tcp://host:8786`); none starts a local
    cluster of `workers` processes."""

    cache = c.Type(bool, default=True)
    """Keep each story's analysis on disk, so a build analyses only the stories that changed."""

    cache_dir = c.Type(str, default=str(DEFAULT_DIR))
    """The analysis cache folder, relative to mkdocs.yml; shared with `parallax` commands."""

    search_engine = c.Choice(ENGINE_SETTINGS, default="auto")
    """`material` (Material's search: one index, loaded whole), `pagefind` (a chunked index; a
    query loads only what it needs; a search page replaces Material's search box), or `auto`
    (default): Pagefind from `pagefind_from` articles on."""

    pagefind_from = c.Type(int, default=PAGEFIND_FROM)
    """With `search_engine: auto`, the number of articles from which the site uses Pagefind."""

    limits = c.SubConfig(LimitsConfig)
    """Size limits with clear errors: `limits: {file_kb: 1024, sentences: 6000, articles: 40}`."""

    atomic_site = c.Type(bool, default=True)
    """Build into a fresh folder beside `site_dir` and swap it in only when the build succeeded;
    false writes into `site_dir` directly, as MkDocs does (e.g. when it is a mount point)."""
