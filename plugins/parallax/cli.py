"""The `parallax` command line: import articles, check data, suggest claims, export data."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import click

from . import _threads, ids  # noqa: F401  (_threads: before numpy)
from .errors import DataError, ParallaxError

DEFAULT_DATA = "data"


@click.group()
@click.version_option(package_name="parallax-digest")
def cli() -> None:
    """Parallax: one story as told by many outlets, as a static site."""


def main() -> None:
    """Entry point: expected errors are one line; unexpected ones too, unless PARALLAX_DEBUG=1."""
    try:
        cli(standalone_mode=True)
    except Exception as error:  # last line of defence against tracebacks
        if os.environ.get("PARALLAX_DEBUG"):
            traceback.print_exc()
        click.echo(f"Error: unexpected {type(error).__name__}: {error} — this is a bug in "
                   "Parallax; re-run with PARALLAX_DEBUG=1 and report the traceback", err=True)
        sys.exit(2)


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
@click.option("--force", is_flag=True, help="Replace an existing article file.")
def import_command(
    source: Path, story: str, outlet: str, article_id: str | None, title: str | None,
    date: str | None, url: str | None, author: str | None, credit: str | None, language: str,
    extra: tuple[str, ...], data_dir: Path, force: bool,
) -> None:
    """Clean SOURCE (.txt, .html or .htm) and write it as an article of STORY."""
    from .ingest import clean, read_source, write_article
    from .ingest.writer import render_article_file
    from .sources import date_problem, is_http

    try:
        for value, what in ((story, "--story"), (article_id, "--id")):
            if value is not None and not ids.is_valid_id(value):
                raise ParallaxError(f"{what} {value!r} is not a slug — use {ids.slugify(value)!r}")
        # The same checks `parallax check` makes, before anything is written: an import must
        # never produce a file the build then refuses.
        bad_date = date_problem(date)
        if bad_date:
            raise ParallaxError(f"--date: {bad_date} — pass e.g. --date 2025-05-30")
        if url is not None and not is_http(url):
            raise ParallaxError(f"--url {url!r} is not an http(s) link — pass an http:// or "
                                "https:// URL")
        raw = read_source(source, has_headline=title is None)
        headline = title or raw.title
        cleaned = clean(raw.paragraphs, headline)
        if not headline:
            raise ParallaxError(f"{source}: no headline found — pass --title")
        if not cleaned.paragraphs:
            raise ParallaxError(f"{source}: nothing left after removing boilerplate — "
                                "check the file holds the article text")
        meta: dict[str, object] = {
            "outlet": outlet,
            "title": headline,
            "date": date or raw.date or cleaned.date,
            "url": url or (raw.url if raw.url and is_http(raw.url) else None),
            "author": author or raw.author or cleaned.author,
            "credit": credit,
            "language": language,
        }
        for item in extra:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise ParallaxError(f"--set {item!r}: write KEY=VALUE")
            meta[key.strip()] = value
        meta["imported_from"] = source.name
        meta["removed"] = [{"rule": r.rule, "text": r.text} for r in cleaned.removed]
        target = data_dir / "stories" / story / f"{article_id or ids.slugify(outlet)}.md"
        write_article(target, render_article_file(meta, headline, cleaned.paragraphs), force=force)
    except ParallaxError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"wrote {target} ({len(cleaned.paragraphs)} paragraphs, "
               f"{len(cleaned.removed)} boilerplate pieces removed and recorded)")
    for removed in cleaned.removed:
        click.echo(f"  removed [{removed.rule}] {_short(removed.text)}")


@cli.command("check")
@click.argument("data_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA)
def check_command(data_dir: Path) -> None:
    """Validate DATA_DIR without building the site."""
    from .load import load_data_with_warnings

    try:
        loaded = load_data_with_warnings(data_dir)
    except DataError as error:
        click.echo(error.render(), err=True)
        sys.exit(1)
    for warning in loaded.warnings:
        click.echo(f"warning: {warning}", err=True)
    stories = loaded.stories
    articles = sum(len(s.articles) for s in stories)
    claims = sum(len(s.claims) for s in stories)
    warnings = len(loaded.warnings)
    counts = [_count(len(stories), "story", "stories"), _count(articles, "article"),
              _count(claims, "claim")] + ([_count(warnings, "warning")] if warnings else [])
    click.echo(f"{data_dir}: OK — {', '.join(counts)}")


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
def claims_suggest_command(story: str, data_dir: Path, limit: int) -> None:
    """Print suggested claims of STORY as YAML to paste into its claims.yml."""
    from .analyze import analyze
    from .load import load_data
    from .suggestions import suggestions_yaml

    try:
        stories = {s.id: s for s in load_data(data_dir)}
    except DataError as error:
        click.echo(error.render(), err=True)
        sys.exit(1)
    if story not in stories:
        known = ", ".join(sorted(stories)) or "none"
        raise click.ClickException(f"no story {story!r} in {data_dir} (stories: {known})")
    click.echo(suggestions_yaml(analyze(stories[story]), limit), nl=False)


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command("reuse")
@click.argument("data_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA)
@click.option("--story", "story_id", help="Only this story (folder name under data/stories/).")
def reuse_command(data_dir: Path, story_id: str | None) -> None:
    """Print who copied whom: each pair's reuse label and shares, then the lineage in words."""
    from .analyze import analyze
    from .lineage import family_note
    from .load import load_data

    try:
        stories = load_data(data_dir)
    except DataError as error:
        click.echo(error.render(), err=True)
        sys.exit(1)
    chosen = [s for s in stories if story_id in (None, s.id)]
    if not chosen:
        raise click.ClickException(f"no story {story_id!r} in {data_dir}")
    for story in chosen:
        analysis = analyze(story)
        click.echo(f"{story.id}")
        for pair in analysis.reuse:
            click.echo(f"  {pair.a} / {pair.b}: {pair.label} — sentences "
                       f"{pair.sentences_a_in_b:.0%} / {pair.sentences_b_in_a:.0%}, words "
                       f"{pair.words_a_in_b:.0%} / {pair.words_b_in_a:.0%}, "
                       f"{sum(1 for p in pair.passages if not p.boilerplate)} passages")
            note = family_note(pair, analysis.lineage.families) if analysis.lineage else None
            if note:
                click.echo(f"    ({note})")
        for sentence in analysis.lineage.sentences if analysis.lineage else ():
            click.echo(f"  * {sentence}")
