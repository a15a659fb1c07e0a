"""Our own settings read from a site's mkdocs.yml without loading MkDocs: the command line
applies the same limits and templates as the build (`parallax check`, `parallax pages`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml for our own options only: MkDocs' tags (`!ENV`, `!relative`,
    `!!python/name:`) become None instead of failing or running anything."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Lenient.add_multi_constructor("!", _ignore_tag)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def read_mkdocs_yml(path: Path) -> Any:
    """The parsed file; ValueError naming it when it cannot be read."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Lenient)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ValueError(f"{path}: cannot read it ({type(error).__name__}) — fix it or pass "
                         "--config-file") from None


def plugin_options(config: Any) -> Any:
    """The `parallax` plugin's options, {} when it has none."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    if isinstance(plugins, dict):
        return plugins.get("parallax") or {}
    for entry in plugins if isinstance(plugins, list) else ():
        if isinstance(entry, dict) and "parallax" in entry:
            return entry["parallax"] or {}
    return {}


def plugin_option(path: Path, name: str) -> Any:
    """The `parallax` plugin's option `name` in the mkdocs.yml at `path`: None when the file or
    the option is absent; ValueError naming the file when it cannot be read."""
    if not path.is_file():
        return None
    options = plugin_options(read_mkdocs_yml(path))
    return options.get(name) if isinstance(options, dict) else None


def theme_custom_dir(path: Path) -> Path | None:
    """The theme's `custom_dir` (where template overrides live), relative to the file's folder."""
    config = read_mkdocs_yml(path)
    theme = config.get("theme") if isinstance(config, dict) else None
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    return path.parent / folder if isinstance(folder, str) and folder else None
