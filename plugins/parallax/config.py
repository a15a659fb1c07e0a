"""The plugin's options, as a typed MkDocs config (documented in README.md, "Plugin options")."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .data.limits import Limits


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

    workers = c.Type(int, default=1)
    """Processes analysing stories in parallel; 1 analyses in the build process itself."""

    limits = c.SubConfig(LimitsConfig)
    """Size limits with clear errors: `limits: {file_kb: 1024, sentences: 6000, articles: 40}`."""

    atomic_site = c.Type(bool, default=True)
    """Build into a fresh folder beside `site_dir` and swap it in only when the build succeeded;
    false writes into `site_dir` directly, as MkDocs does (e.g. when it is a mount point)."""
