"""The MkDocs adapter: config, generated pages, serve watching, error mapping. No analysis here."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import _threads, ids  # noqa: F401  (_threads: before numpy)
from .analyze import analyze, cache_key
from .config import ParallaxConfig
from .errors import DataError
from .export import claims_csv, to_json
from .load import load_data_with_warnings
from .model import Story, StoryAnalysis
from .render import MARKER, render_story_list, story_pages

log = get_plugin_logger(__name__)


class ParallaxPlugin(BasePlugin[ParallaxConfig]):
    """Turns data/ into story, article, comparison and claim pages plus open-data exports."""

    def __init__(self) -> None:
        self._memo: dict[str, StoryAnalysis] = {}
        self._stories: list[Story] = []
        self._pages: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds, so the
        # memo of analyses (keyed by a hash of each story's inputs) survives edits to other files.
        pass

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled and not config.use_directory_urls:
            raise PluginError("parallax: set `use_directory_urls: true` in mkdocs.yml — "
                              "the story pages link to each other by directory URLs")
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Load and analyse before MkDocs cleans site/: bad data stops the build with the
        # previous site still intact, never half-written.
        if not self.config.enabled:
            return
        try:
            loaded = load_data_with_warnings(self.config.data_dir)
        except DataError as error:
            raise PluginError(f"parallax: {error.render()}") from None
        for warning in loaded.warnings:
            log.warning(str(warning))  # `mkdocs build --strict` stops here: a typo never publishes
        self._stories = loaded.stories
        analyses = self._analyse(self._stories)
        self._pages = {}
        for analysis in analyses:
            self._pages.update(story_pages(analysis))
            if self.config.export:
                self._pages[ids.export_json(analysis.story.id)] = to_json(analysis)
                self._pages[ids.export_csv(analysis.story.id)] = claims_csv(analysis)

    def _analyse(self, stories: list[Story]) -> list[StoryAnalysis]:
        keys = [cache_key(s) for s in stories]
        todo = [(k, s) for k, s in zip(keys, stories, strict=True) if k not in self._memo]
        started = time.perf_counter()
        if todo:
            log.info(f"analysing {len(todo)} of {len(stories)} stories "
                     f"({len(stories) - len(todo)} unchanged, from memory)")
        if self.config.workers > 1 and len(todo) > 1:
            with ProcessPoolExecutor(self.config.workers) as pool:
                results = pool.map(analyze, [s for _, s in todo])
                for done, ((key, story), analysis) in enumerate(
                        zip(todo, results, strict=True), 1):
                    self._memo[key] = analysis
                    self._progress(done, len(todo), story, started)
        else:
            for done, (key, story) in enumerate(todo, 1):
                self._memo[key] = analyze(story)
                self._progress(done, len(todo), story, started)
        live = set(keys)
        self._memo = {k: v for k, v in self._memo.items() if k in live}
        return [self._memo[k] for k in keys]

    @staticmethod
    def _progress(done: int, total: int, story: Story, started: float) -> None:
        log.info(f"[{done}/{total}] {story.id}: {len(story.articles)} articles "
                 f"({time.perf_counter() - started:.1f}s)")

    @event_priority(-50)  # after other plugins add files, so ours are never shadowed unnoticed
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        for path, content in sorted(self._pages.items()):
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"parallax: site_src/{path} clashes with a generated page — "
                                  "rename or remove the hand-written file")
            files.append(File.generated(config, path, content=content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.config.enabled and MARKER in markdown:
            return markdown.replace(MARKER, render_story_list(self._stories, page.file.src_uri))
        return markdown

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        if self.config.enabled:
            server.watch(str(Path(self.config.data_dir)))
        return server
