"""Every file Parallax adds to a site: pages, open-data exports and the pages' assets.

The MkDocs plugin registers them with MkDocs; `parallax pages OUT_DIR` writes them to a folder
for a builder that runs no MkDocs plugins (Zensical, a plain `mkdocs build`): the same pages as
Markdown files whose bodies are HTML, plus the exports and the stylesheets and scripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .atomic_site import discard, publish, stage
from .data import ids
from .data.errors import ParallaxError
from .export.story_export import claims_csv, discrepancies_csv, to_json
from .failures import guarded
from .model import Story, StoryAnalysis
from .nlp.memo import forget_story
from .render import DEFAULT_NEAREST, GeneratedPage, Templates, render_home, story_pages
from .render.templating import ASSET_FOLDER, ASSETS, SCRIPTS, STYLESHEETS

# Left in a folder `parallax pages` wrote, so a later run may replace it and no other.
MANIFEST = ".parallax-pages"


@dataclass
class SiteFiles:
    """Generated pages and exports, by path relative to the docs dir."""

    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    exports: dict[str, str] = field(default_factory=dict)


def site_files(
    analyses: Iterable[StoryAnalysis], templates: Templates, export: bool = True,
    nearest: int | None = DEFAULT_NEAREST,
) -> SiteFiles:
    """Render every story's pages (and exports); an unexpected failure names story and stage.

    Comparison pages go to each article's `nearest` outlets; the other pairs are rendered in
    the browser from the export. Without the export there is nothing to render them from, so
    every pair gets its page."""
    files = SiteFiles()
    for story in story_files(analyses, templates, export, nearest):
        files.pages.update(story.pages)
        files.exports.update(story.exports)
    return files


def story_files(
    analyses: Iterable[StoryAnalysis], templates: Templates, export: bool = True,
    nearest: int | None = DEFAULT_NEAREST,
) -> Iterator[SiteFiles]:
    """`site_files` one story at a time, as each analysis arrives, so a caller can keep each
    story's files in a compact form (the plugin packs them) and never hold them all as text."""
    for analysis in analyses:
        story = analysis.story.id
        files = SiteFiles(guarded(story, "page rendering", story_pages, analysis, templates,
                                  nearest if export else None))
        if export:
            files.exports[ids.export_json(story)] = guarded(story, "export", to_json, analysis)
            files.exports[ids.export_csv(story)] = guarded(story, "export", claims_csv, analysis)
            files.exports[ids.export_discrepancies_csv(story)] = guarded(
                story, "export", discrepancies_csv, analysis)
        forget_story()  # rendering read the story's sentences too
        yield files


def asset_paths() -> dict[str, Path]:
    """Site path → packaged file of every stylesheet and script the pages need."""
    return {f"{ASSET_FOLDER}/{name}": ASSETS / name for name in (*STYLESHEETS, *SCRIPTS)}


class FolderInUse(ParallaxError):
    """`parallax pages` was pointed at a folder it did not write."""


def write_pages(out_dir: Path, stories: list[Story], files: SiteFiles,
                templates: Templates) -> int:
    """Write the pages (as Markdown files with HTML bodies), a home page listing the stories,
    the exports and the assets into `out_dir`, replacing it whole once everything is written.
    Returns the number of files written."""
    if out_dir.exists() and not (out_dir / MANIFEST).exists() and any(out_dir.iterdir()):
        raise FolderInUse(f"{out_dir} is not empty and was not written by `parallax pages` — "
                          "give a new or empty folder; nothing written")
    home = render_home(stories, templates)
    texts = {path: page.source() for path, page in files.pages.items()}
    texts[home.path] = home.source()
    texts.update(files.exports)
    staged = stage(out_dir)
    try:
        for path, text in sorted(texts.items()):
            target = staged.staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))  # bytes: the CSVs keep their CRLF
        for path, source in asset_paths().items():
            target = staged.staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
        (staged.staging / MANIFEST).write_text(
            "Written by `parallax pages`; the next run replaces this whole folder.\n",
            encoding="utf-8")
        publish(staged)
    except BaseException:
        discard(staged)
        raise
    return len(texts) + len(asset_paths())
