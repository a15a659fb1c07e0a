"""The `parallax` command line: import articles, check data, suggest claims, export data."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import _threads  # noqa: F401  (one BLAS thread, before anything imports numpy)
from .cache_cli import cache_dir_option, cache_group
from .data.errors import DataError, ParallaxError
from .failures import StageFailed
from .terminal import terminal_safe

if TYPE_CHECKING:
    from collections.abc import Callable

    from .data.load import Loaded
    from .model import Story, StoryAnalysis

DEFAULT_DATA = "data"


@click.group()
@click.version_option(package_name="parallax-digest")
def cli() -> None:
    """Parallax: one story as told by many outlets, as a static site."""


def main() -> None:
    """Entry point: expected errors are one line; unexpected ones too, unless PARALLAX_DEBUG=1."""
    try:
        cli(standalone_mode=True)
    except StageFailed as error:  # a bug in one stage of one story's analysis
        if os.environ.get("PARALLAX_DEBUG"):
            click.echo(error.trace, err=True)
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    except Exception as error:  # last line of defence against tracebacks
        if os.environ.get("PARALLAX_DEBUG"):
            traceback.print_exc()
        _echo(f"Error: unexpected {type(error).__name__}: {error} — this is a bug in "
              "Parallax; re-run with PARALLAX_DEBUG=1 and report the traceback", err=True)
        sys.exit(2)


def _analysis_options(command: Callable[..., None]) -> Callable[..., None]:
    """`--workers`, `--cache-dir` and `--no-cache`: the plugin's options, for the commands that
    analyse stories (they share the plugin's cache, so a built site's analyses are reused)."""
    command = click.option("--no-cache", is_flag=True,
                           help="Analyse every story, neither reading nor writing the cache.")(
        command)
    command = cache_dir_option(command)
    return click.option("--workers", default="auto", show_default=True, metavar="N|auto",
                        help="Processes analysing stories in parallel.")(command)


def _analyses(stories: list[Story], workers: str, cache_dir: Path,
              no_cache: bool) -> list[StoryAnalysis]:
    """Every story's analysis, in order: from the cache, or analysed with progress on stderr."""
    from .batch.analyse_many import analyse_stories
    from .batch.cache import AnalysisCache
    from .batch.executor import ExecutorSettings, resolve_workers

    try:
        count = resolve_workers(int(workers) if workers.isdigit() else workers)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--workers") from None
    cache = None if no_cache else AnalysisCache(
        cache_dir, warn=lambda message: _echo(f"warning: {message}", err=True))
    found: dict[int, StoryAnalysis] = {}
    # Progress for a batch; one story says nothing, so an error is the first line of stderr.
    say = (lambda message: _echo(message, err=True)) if len(stories) > 1 else (lambda _: None)
    for index, analysis in analyse_stories(stories, cache=cache,
                                           settings=ExecutorSettings(workers=count), say=say):
        found[index] = analysis
    return [found[i] for i in range(len(stories))]


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--story", required=True,
              help="Story id (folder under data/stories/), e.g. 2025-05-steel-mill.")
@click.option("--outlet", required=True, help="Outlet slug from data/outlets.yml, or its name.")
@click.option("--id", "article_id", help="Article id (file stem). Default: slug of the outlet.")
@click.option("--title",
              help="Headline. For .txt, giving it means the first line is body, not headline.")
@click.option("--date", help="Publication date, YYYY-MM-DD (default: found in the text, if any).")
@click.option("--url", help="Original URL (http/https).")
@click.option("--author", help="Author or desk.")
@click.option("--credit", help="Agency or outlet the text credits, e.g. IANS.")
@click.option("--language", default="en", show_default=True, help="Language code.")
@click.option("--set", "extra", multiple=True, metavar="KEY=VALUE",
              help="Extra front-matter key (repeatable).")
@click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA,
              show_default=True, help="Data directory.")
@click.option("--force", is_flag=True, help="Replace an existing article file of the same outlet.")
@click.option("--strict", is_flag=True,
              help="Refuse, rather than warn about, a page whose article looks cut short.")
def import_command(
    source: Path, story: str, outlet: str, article_id: str | None, title: str | None,
    date: str | None, url: str | None, author: str | None, credit: str | None, language: str,
    extra: tuple[str, ...], data_dir: Path, force: bool, strict: bool,
) -> None:
    """Clean SOURCE (.txt, .html or .htm) and write it as an article of STORY."""
    from .ingest import ImportRequest, prepare_import, write_article
    from .ingest.writer import Interrupted

    request = ImportRequest(source=source, story=story, outlet=outlet, data_dir=data_dir,
                            article_id=article_id, title=title, date=date, url=url,
                            author=author, credit=credit, language=language, extra=extra,
                            force=force)
    try:
        prepared = prepare_import(request)
        for warning in prepared.warnings:
            _echo(f"warning: {source}: {warning}", err=True)
        if strict and prepared.warnings:
            raise ParallaxError(f"{source}: the extracted article looks cut short (see the "
                                "warning above); --strict refuses it, nothing written")
        write_article(prepared.target, prepared.content)
    except ParallaxError as error:
        raise click.ClickException(terminal_safe(str(error))) from None
    except OSError as error:  # a full disk, a read-only folder: one line, not a traceback
        raise click.ClickException(terminal_safe(
            f"cannot write {error.filename or prepared.target}: {error.strerror or error} — "
            "check the data folder is writable and has space")) from None
    except Interrupted as interrupted:
        _echo(f"interrupted ({interrupted}); nothing written", err=True)
        sys.exit(128 + interrupted.signum)
    _echo(f"wrote {prepared.target} ({_count(prepared.paragraphs, 'paragraph')}, "
          f"{_count(len(prepared.removed), 'boilerplate piece')} removed and recorded)")
    for warning in prepared.check_warnings:
        _echo(f"warning: {prepared.target}: {warning}", err=True)
    for note in prepared.notes:
        _echo(f"  note: {note}")
    for removed in prepared.removed:
        _echo(f"  removed [{removed.rule}] {_short(removed.text)}")


def _echo(text: str, *, err: bool = False) -> None:
    """Echo untrusted text (article text, file names) with control characters escaped."""
    click.echo(terminal_safe(text), err=err)


@cli.command("check")
@click.argument("data_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA)
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False),
              default="mkdocs.yml", show_default=True,
              help="mkdocs.yml whose parallax `limits:` to apply (defaults when it is absent).")
def check_command(data_dir: Path, config_file: Path) -> None:
    """Validate DATA_DIR without building the site."""
    loaded = _load(data_dir, config_file)
    stories = loaded.stories
    articles = sum(len(s.articles) for s in stories)
    claims = sum(len(s.claims) for s in stories)
    warnings = len(loaded.warnings)
    counts = [_count(len(stories), "story", "stories"), _count(articles, "article"),
              _count(claims, "claim")] + ([_count(warnings, "warning")] if warnings else [])
    _echo(f"{data_dir}: OK — {', '.join(counts)}")


def _load(data_dir: Path, config_file: Path) -> Loaded:
    """The data, checked with the limits of `config_file` (defaults when it is absent); prints
    warnings, and exits 1 after printing the problems of data that does not load."""
    from .data.limits import Limits, limits_from_mkdocs_yml
    from .data.load import load_data_with_warnings

    try:
        limits = limits_from_mkdocs_yml(config_file) if config_file.is_file() else Limits()
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    try:
        loaded = load_data_with_warnings(data_dir, limits)
    except DataError as error:
        _echo(error.render(), err=True)
        sys.exit(1)
    for warning in loaded.warnings:
        _echo(f"warning: {warning}", err=True)
    return loaded


def _compare_nearest(config_file: Path) -> int:
    """The plugin's `compare_nearest` in `config_file` (its default when absent)."""
    from .data.mkdocs_yml import plugin_option
    from .render import DEFAULT_NEAREST

    try:
        value = plugin_option(config_file, "compare_nearest")
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    if value is None:
        return DEFAULT_NEAREST
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise click.ClickException(f"{config_file}: parallax `compare_nearest` must be a whole "
                                   f"number of at least 1, not {value!r}")
    return value


@cli.command("pages")
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA,
              show_default=True, help="Data directory.")
@click.option("--config-file", type=click.Path(path_type=Path, dir_okay=False),
              default="mkdocs.yml", show_default=True,
              help="mkdocs.yml whose parallax `limits:` and `compare_nearest:` and theme "
                   "`custom_dir` (template overrides) to apply, when it exists.")
@_analysis_options
def pages_command(out_dir: Path, data_dir: Path, config_file: Path, workers: str,
                  cache_dir: Path, no_cache: bool) -> None:
    """Write every generated page into OUT_DIR for a builder that runs no MkDocs plugins.

    The pages are Markdown files with HTML bodies, beside a home page listing the stories, the
    exports and the stylesheets and scripts the pages need. OUT_DIR is replaced whole once
    everything is written; it must be new, empty, or written by this command before.
    """
    from .data.mkdocs_yml import theme_custom_dir
    from .render import Templates
    from .render.templating import ASSET_FOLDER, SCRIPTS, STYLESHEETS
    from .site_files import site_files, write_pages

    loaded = _load(data_dir, config_file)
    try:
        custom_dir = theme_custom_dir(config_file) if config_file.is_file() else None
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    # Headings as Markdown lines, so the builder's own table of contents and permalinks see them.
    templates = Templates(custom_dir, permalink=None, markdown_headings=True)
    analyses = _analyses(loaded.stories, workers, cache_dir, no_cache)
    try:
        files = site_files(analyses, templates, nearest=_compare_nearest(config_file))
        count = write_pages(out_dir, loaded.stories, files, templates)
    except ParallaxError as error:
        raise click.ClickException(terminal_safe(str(error))) from None
    except OSError as error:
        raise click.ClickException(terminal_safe(
            f"cannot write {error.filename or out_dir}: {error.strerror or error} — check the "
            "folder is writable and has space")) from None
    _echo(f"wrote {count} files into {out_dir}: {len(files.pages)} pages, a home page "
          "(index.md), the exports and the assets. Add the assets to the builder's config:")
    _echo("  extra_css: [" + ", ".join(f"{ASSET_FOLDER}/{n}" for n in STYLESHEETS) + "]")
    _echo("  extra_javascript: [" + ", ".join(f"{ASSET_FOLDER}/{n}" for n in SCRIPTS) + "]")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


@cli.group("claims")
def claims_group() -> None:
    """Work with a story's claims."""


@claims_group.command("suggest")
@click.argument("story")
@click.option("--data-dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA,
              show_default=True, help="Data directory.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many suggestions to print, best first.")
@_analysis_options
def claims_suggest_command(story: str, data_dir: Path, limit: int, workers: str,
                           cache_dir: Path, no_cache: bool) -> None:
    """Print suggested claims of STORY as YAML to paste into its claims.yml."""
    from .data.load import load_data
    from .export.suggestions_yaml import suggestions_yaml

    try:
        stories = {s.id: s for s in load_data(data_dir)}
    except DataError as error:
        _echo(error.render(), err=True)
        sys.exit(1)
    if story not in stories:
        known = ", ".join(sorted(stories)) or "none"
        raise click.ClickException(terminal_safe(
            f"no story {story!r} in {data_dir} (stories: {known})"))
    (analysis,) = _analyses([stories[story]], workers, cache_dir, no_cache)
    click.echo(suggestions_yaml(analysis, limit), nl=False)


def _short(text: str, width: int = 70) -> str:
    text = terminal_safe(text, one_line=True)
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command("reuse")
@click.argument("data_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA)
@click.option("--story", "story_id", help="Only this story (folder name under data/stories/).")
@_analysis_options
def reuse_command(data_dir: Path, story_id: str | None, workers: str, cache_dir: Path,
                  no_cache: bool) -> None:
    """Print who copied whom: each pair's reuse label and shares, then the lineage in words."""
    from .data.load import load_data
    from .render.wording import family_note, lineage_sentences

    try:
        stories = load_data(data_dir)
    except DataError as error:
        _echo(error.render(), err=True)
        sys.exit(1)
    chosen = [s for s in stories if story_id in (None, s.id)]
    if not chosen:
        raise click.ClickException(terminal_safe(f"no story {story_id!r} in {data_dir}"))
    for story, analysis in zip(chosen, _analyses(chosen, workers, cache_dir, no_cache),
                               strict=True):
        _echo(f"{story.id}")
        for pair in analysis.reuse:
            _echo(f"  {pair.a} / {pair.b}: {pair.label} — sentences "
                  f"{pair.sentences_a_in_b:.0%} / {pair.sentences_b_in_a:.0%}, words "
                  f"{pair.words_a_in_b:.0%} / {pair.words_b_in_a:.0%}, "
                  f"{sum(1 for p in pair.passages if not p.boilerplate)} passages")
            for tie in analysis.lineage.ties:
                if (tie.a, tie.b) == (pair.a, pair.b):
                    _echo(f"    ({family_note(tie)})")
        for sentence in lineage_sentences(analysis.lineage, story):
            _echo(f"  * {sentence}")


cli.add_command(cache_group)
