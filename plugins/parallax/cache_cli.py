"""`parallax cache info|clear|prune`: look into and empty the analysis cache on disk."""

from __future__ import annotations

from pathlib import Path

import click

from .batch.cache import DEFAULT_DIR, AnalysisCache

CONFIG_FILE = Path("mkdocs.yml")


def _configured_cache_dir(context: click.Context, parameter: click.Parameter,
                          value: Path | None) -> Path:
    """`--cache-dir` (or PARALLAX_CACHE_DIR) when given; else the plugin's `cache_dir` in
    ./mkdocs.yml, relative to that file as the plugin reads it; else the plugin's default. So
    `parallax cache info` looks where `mkdocs build` writes."""
    if value is not None:
        return value
    from .data.mkdocs_yml import plugin_option

    try:
        configured = plugin_option(CONFIG_FILE, "cache_dir")
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if configured is None:
        return DEFAULT_DIR
    if not isinstance(configured, str) or not configured:
        raise click.ClickException(f"{CONFIG_FILE}: parallax `cache_dir` must be a folder "
                                   f"path, not {configured!r}")
    return Path(configured)  # relative to the folder of ./mkdocs.yml, the working folder


cache_dir_option = click.option(
    "--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
    envvar="PARALLAX_CACHE_DIR", callback=_configured_cache_dir,
    help=f"The analysis cache folder (env PARALLAX_CACHE_DIR). Default: the plugin's "
         f"`cache_dir` in ./mkdocs.yml, else {DEFAULT_DIR}.")


@click.group("cache")
def cache_group() -> None:
    """The analysis cache shared by `mkdocs build`, `mkdocs serve` and these commands."""


@cache_group.command("info")
@cache_dir_option
def cache_info_command(cache_dir: Path) -> None:
    """Print where the cache is, how many analyses it holds and their size."""
    info = AnalysisCache(cache_dir).info()
    click.echo(f"cache: {info.folder}")
    click.echo(f"analysis version: {info.version}")
    stale = info.entries - info.current
    click.echo(f"entries: {info.entries} ({info.current} of this version, {stale} of others)")
    click.echo(f"size: {info.bytes / 2**20:.1f} MB")


@cache_group.command("clear")
@cache_dir_option
def cache_clear_command(cache_dir: Path) -> None:
    """Remove every cached analysis (always safe: the next build analyses again)."""
    removed = AnalysisCache(cache_dir).clear()
    click.echo(f"removed {removed} cached {'analysis' if removed == 1 else 'analyses'} "
               f"from {cache_dir}")


@cache_group.command("prune")
@click.argument("data_dir", type=click.Path(path_type=Path, file_okay=False), default="data")
@cache_dir_option
def cache_prune_command(data_dir: Path, cache_dir: Path) -> None:
    """Keep only the analyses of DATA_DIR's stories as they are now (before saving a CI cache)."""
    from .data.errors import DataError
    from .data.load import load_data

    try:
        stories = load_data(data_dir)
    except DataError as error:
        raise click.ClickException(error.render()) from None
    cache = AnalysisCache(cache_dir)
    removed = cache.prune(cache.key(story) for story in stories)
    click.echo(f"removed {removed} cached {'analysis' if removed == 1 else 'analyses'} "
               f"not used by {data_dir}")
