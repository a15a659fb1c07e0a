"""The plugin's options, as a typed MkDocs config (documented in README.md, "Plugin options")."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


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
