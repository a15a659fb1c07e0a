"""The MkDocs adapter: config, generated pages, serve watching, error mapping. No analysis here."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler, get_relative_url
from mkdocs.utils.templates import TemplateContext

from . import _threads  # noqa: F401  (before numpy)
from .atomic_site import StagedSite, discard, publish, stage
from .batch.analyse_many import BatchReport, analyse_stories
from .batch.cache import AnalysisCache, story_key
from .batch.executor import ExecutorError, ExecutorKind, ExecutorSettings
from .config import ParallaxConfig
from .data.errors import DataError
from .data.limits import Limits
from .data.load import load_data_with_warnings
from .failures import StageFailed
from .lean_build import ExportFolder, PackedPage, ParkedContent, pack, return_freed_memory
from .model import Story, StoryAnalysis
from .render import (
    MARKER,
    TemplateProblem,
    Templates,
    render_home,
    render_story_list,
)
from .render.search_page import SEARCH_PAGE, SEARCH_URL, render_search_page
from .render.templating import ASSET_FOLDER, SCRIPTS, STYLESHEETS, permalink_from
from .search.engine import Engine, choose_engine
from .search.pagefind import PagefindError, add_header_link, index_site, mark_searchable
from .site_files import asset_paths, story_files

log = get_plugin_logger(__name__)
# Failures `mkdocs serve` survives: printed as MkDocs prints errors, but not through its logger,
# whose strict-mode count would fail the rebuild and leave the preview stuck.
_serve_log = logging.getLogger("parallax.serve")
_serve_log.propagate = False
_serve_log.addHandler(logging.StreamHandler())
# A cache entry refused (damaged, foreign) is said as a warning but does not fail a `--strict`
# build: the story is analysed again, so the site is exactly what it would have been.
_cache_log = logging.getLogger("parallax.cache")
_cache_log.propagate = False
_cache_log.addHandler(logging.StreamHandler())


class ParallaxPlugin(BasePlugin[ParallaxConfig]):
    """Turns data/ into story, article, comparison and claim pages plus open-data exports."""

    def __init__(self) -> None:
        self._memo: dict[str, StoryAnalysis] = {}
        self._stories: list[Story] = []
        # Generated pages and exports are held compressed (lean_build.py says why).
        self._pages: dict[str, PackedPage] = {}
        self._exports: dict[str, bytes] = {}
        self._home: PackedPage | None = None  # for a site without a home page of its own
        self._rendered: dict[str, PackedPage] = {}  # this build's pages, home included
        self._parked = ParkedContent()
        self._last_filled: tuple[str, bytes] | None = None  # the body just given to MkDocs
        self._export_folder = ExportFolder()
        self._templates = Templates()
        self._limits = Limits()
        self._dirty = False
        self._serving = False
        self._staged: StagedSite | None = None
        self._mkdocs_config: MkDocsConfig | None = None
        self._config_dir: Path | None = None
        self._engine: Engine = "material"
        self._searchable: list[str] = []  # the files Pagefind indexes
        self._material_search: bool | None = None  # Material's search `enabled`, as configured

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds, so the
        # memo of analyses (keyed by a hash of each story's inputs) survives edits to other files.
        self._dirty = dirty
        self._serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled and not config.use_directory_urls:
            raise PluginError("parallax: set `use_directory_urls: true` in mkdocs.yml — "
                              "the story pages link to each other by directory URLs")
        if config.config_file_path:
            self._config_dir = Path(config.config_file_path).resolve().parent
        try:
            self._limits = Limits(**dict(self.config.limits))
        except ValueError as error:
            raise PluginError(f"parallax: mkdocs.yml: {error}") from None
        if self.config.enabled:
            # Our stylesheets and scripts travel with the package: a site needs no copy of them
            # and no extra_css entries (on_files adds the files themselves).
            config.extra_css.extend(f"{ASSET_FOLDER}/{name}" for name in STYLESHEETS)
            config.extra_javascript.extend(f"{ASSET_FOLDER}/{name}" for name in SCRIPTS)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Load and analyse before MkDocs cleans site/: bad data stops the build with the
        # previous site still intact, never half-written.
        self._searchable = []  # this build's pages, also when serve keeps the last good ones
        if not self.config.enabled:
            return
        try:
            # `mkdocs serve` reads in this process, where sentence splits are memoised from one
            # rebuild to the next; a build splits every article once, on every core.
            loaded = load_data_with_warnings(self.config.data_dir, self._limits,
                                             workers=1 if self._serving else self.config.workers)
            for warning in loaded.warnings:
                log.warning(str(warning))  # `mkdocs build --strict` stops: a typo never publishes
            # Templates are looked up in the theme's custom_dir first, so a site can override
            # any of them; headings get the permalink the site's `toc` extension would draw.
            self._templates = Templates(config.theme.custom_dir,
                                        permalink_from(config.mdx_configs))
            pages: dict[str, PackedPage] = {}
            exports: dict[str, bytes] = {}
            for story in story_files(self._analyse(loaded.stories), self._templates,
                                     self.config.export, self.config.compare_nearest):
                pages.update((path, PackedPage.of(page)) for path, page in story.pages.items())
                exports.update((path, pack(text)) for path, text in story.exports.items())
            home = PackedPage.of(render_home(loaded.stories, self._templates))
        except (DataError, StageFailed, TemplateProblem, ExecutorError) as error:
            if isinstance(error, StageFailed):
                log.debug(f"traceback of the failure below:\n{error.trace}")
            message = error.render() if isinstance(error, DataError) else str(error)
            if not (self._serving and self._pages):
                raise PluginError(f"parallax: {message}") from None
            # `mkdocs serve` would hang every request until a build succeeds: keep serving the
            # last good pages and say why on the terminal, outside MkDocs' strict-mode count.
            _serve_log.error(f"ERROR   -  parallax: {message}\n           The preview keeps the "
                             "last good pages until this is fixed.")
            return
        self._stories, self._pages, self._exports = loaded.stories, pages, exports
        self._home = home
        self._choose_search(config)
        if self.config.atomic_site:
            # From here on MkDocs writes into a fresh folder beside site_dir; on_post_build
            # swaps it in once everything is written (see atomic_site.py).
            self._staged = stage(config.site_dir, keep=self._dirty)
            self._mkdocs_config = config
            config.site_dir = str(self._staged.staging)
            log.debug(f"building into {self._staged.staging}")

    def _choose_search(self, config: MkDocsConfig) -> None:
        """Pagefind or Material's search (search/engine.py says why). With Pagefind, Material's
        search plugin is switched off: no index of its own, no search box in the header (its
        templates read `enabled`), and our search page and header button take their place."""
        articles = sum(len(story.articles) for story in self._stories)
        self._engine = choose_engine(self.config.search_engine, articles,
                                     self.config.pagefind_from)
        material = config.plugins.get("material/search")
        if material is not None and hasattr(material.config, "enabled"):
            if self._material_search is None:  # a site that switched it off keeps it off
                self._material_search = bool(material.config.enabled)
            material.config.enabled = self._material_search and self._engine == "material"
        if self._engine == "pagefind":
            log.info(f"search: Pagefind ({articles} articles)")

    def _analyse(self, stories: list[Story]) -> Iterator[StoryAnalysis]:
        """Every story's analysis, as each is ready: from memory (`mkdocs serve` keeps this
        instance, and so its analyses, between rebuilds), from the disk cache, or analysed on
        the executor. The caller renders each and lets it go, so `mkdocs build` never holds
        every analysis at once; the pages it makes are sorted by path, so the order in which
        analyses arrive changes nothing in the site."""
        keys = [story_key(s) for s in stories]
        todo = [i for i, key in enumerate(keys) if key not in self._memo]
        memo = {key: self._memo[key] for key in keys if key in self._memo}
        yield from memo.values()  # empty unless serving
        report = BatchReport()
        for position, analysis in analyse_stories(
                [stories[i] for i in todo], cache=self._cache(), settings=self._settings(),
                say=log.info, report=report):
            if self._serving:
                memo[keys[todo[position]]] = analysis
            yield analysis
        if todo and not report.analysed:
            log.info(f"all {len(todo)} stories unchanged, from the cache")
        self._memo = memo  # only what serve needs: removed and edited stories are forgotten

    def _cache(self) -> AnalysisCache | None:
        if not self.config.cache:
            return None
        folder = Path(self.config.cache_dir)
        if not folder.is_absolute() and self._config_dir is not None:
            folder = self._config_dir / folder
        return AnalysisCache(folder, warn=lambda message: _cache_log.warning(
            f"WARNING -  parallax: {message}"))

    def _settings(self) -> ExecutorSettings:
        kind: ExecutorKind = "dask" if self.config.executor == "dask" else "local"
        return ExecutorSettings(kind=kind, workers=self.config.workers,
                                scheduler=self.config.scheduler)

    @event_priority(-50)  # after other plugins add files, so ours are never shadowed unnoticed
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        pages = dict(self._pages)
        homeless = all(files.get_file_from_path(p) is None for p in ("index.md", "README.md"))
        if homeless and self._home is not None:
            pages[self._home.path] = self._home  # a site without a home page gets the stories
        if self._engine == "pagefind":
            pages[SEARCH_PAGE] = PackedPage.of(render_search_page(self._templates))
        self._rendered = pages
        exports = self._export_folder.write(self._exports)  # MkDocs copies them from there
        for path in sorted([*pages, *exports]):
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"parallax: {config.docs_dir}/{path} clashes with a generated "
                                  "page — rename or remove the hand-written file")
            if path in pages:
                files.append(File.generated(config, path, content=pages[path].stub(),
                                            inclusion=InclusionLevel.NOT_IN_NAV))
            else:
                files.append(File.generated(config, path, abs_src_path=str(exports[path]),
                                            inclusion=InclusionLevel.NOT_IN_NAV))
        for path, source in asset_paths().items():
            if files.get_file_from_path(path) is None:  # a site's own copy wins
                files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    @event_priority(100)  # first: other plugins see the page as readers will
    def _fill_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Generated pages: the rendered body replaces what Markdown made of the stub, so the
        body never goes through Python-Markdown; its headings become the page's TOC (which
        search also reads). A hand-written page gets the list of stories at the marker."""
        if not self.config.enabled:
            return html
        if self._is_generated(page):
            generated = self._rendered[page.file.src_uri]
            page.toc = get_toc(generated.toc())  # type: ignore[arg-type]
            body = generated.body()
            self._last_filled = (body, generated.packed_body)
            return body
        if MARKER in html:
            try:
                stories = render_story_list(self._stories, self._templates, page.file.src_uri)
            except TemplateProblem as error:
                raise PluginError(f"parallax: {error}") from None
            return html.replace(MARKER, stories)
        return html

    @event_priority(-100)  # last: after every plugin has seen and changed the page's HTML
    def _park_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated page's HTML waits compressed until MkDocs writes the page (MkDocs reads
        every page before it writes any); `on_page_context` gives it back."""
        filled, self._last_filled = self._last_filled, None
        if not self._is_generated(page):
            return html
        self._parked.park(page.file.src_uri, html, filled)
        return ""

    on_page_content = CombinedEvent(_fill_page_content, _park_page_content)

    @event_priority(100)  # first: every plugin and the theme's template read the HTML
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        parked = self._parked.take(page.file.src_uri)
        if parked is not None:
            page.content = parked
        return context

    def _is_generated(self, page: Page) -> bool:
        return (self.config.enabled and page.file.src_uri in self._rendered
                and page.file.generated_by is not None)

    def _mark_for_search(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """With Pagefind: mark what it indexes (what Material's search would index) and put
        its button in the header."""
        if not self.config.enabled or self._engine != "pagefind":
            return output
        search = page.meta.get("search")
        if not (isinstance(search, dict) and search.get("exclude")):
            output = mark_searchable(output)
            self._searchable.append(page.file.dest_uri)
        return add_header_link(output, get_relative_url(SEARCH_URL, page.url or "."))

    @event_priority(-100)  # last: every plugin is done with the page
    def _drop_written_content(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """A generated page's HTML is not needed once the page is written: MkDocs would keep
        it to the end of the build."""
        if self._is_generated(page):
            page.content = ""
        return output

    on_post_page = CombinedEvent(_mark_for_search, _drop_written_content)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str | None:
        """The theme's 404 page gets the search button too; it is served at any address, so
        its links start from the site's root, as MkDocs' own do there."""
        if not self.config.enabled or self._engine != "pagefind" or template_name != "404.html":
            return output_content
        root = urlsplit(config.site_url or "/").path.rstrip("/")
        return add_header_link(output_content, f"{root}/{SEARCH_URL}")

    @event_priority(-100)  # last: search and every other plugin have written their files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._release_build_memory()
        if self.config.enabled and self._engine == "pagefind":
            try:
                # The staging folder while the site is staged.
                index_site(Path(config.site_dir), self._searchable)
            except PagefindError as error:
                if self._staged is not None:
                    discard(self._staged)
                    config.site_dir = str(self._staged.target)
                    self._staged = None
                raise PluginError(f"parallax: {error}") from None
        staged, self._staged = self._staged, None
        if staged is None:
            return
        config.site_dir = str(staged.target)  # what `gh-deploy` and others read after the build
        if _strict_warnings_logged(config):
            discard(staged)  # MkDocs aborts right after this event: keep the previous site
            return
        log.debug(f"swapping {staged.staging} in as {staged.target}")
        try:
            atomic = publish(staged)
        except OSError as error:
            discard(staged)
            raise PluginError(f"parallax: could not swap the new site into {staged.target} "
                              f"({error.strerror or error}) — the previous site is unchanged; "
                              "if site_dir is a mount point, set `atomic_site: false`") from None
        log.info(f"the new site replaced {staged.target}"
                 f"{' in one atomic step' if atomic else ''}")

    def _release_build_memory(self) -> None:
        """What only this build needed goes (serve keeps the pages, for a failed rebuild),
        and the freed memory goes back to the system before Pagefind runs beside us."""
        self._export_folder.remove()
        self._parked.clear()
        if not self._serving:
            self._pages, self._exports, self._rendered, self._home = {}, {}, {}, None
        return_freed_memory()

    def on_build_error(self, *, error: Exception) -> None:
        self._export_folder.remove()
        self._parked.clear()
        staged, self._staged = self._staged, None
        if staged is not None:
            discard(staged)
            if self._mkdocs_config is not None:
                self._mkdocs_config.site_dir = str(staged.target)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer:
        if self.config.enabled:
            server.watch(str(Path(self.config.data_dir)))
        return server


def _strict_warnings_logged(config: MkDocsConfig) -> bool:
    """Whether `--strict` MkDocs has counted warnings, and so will abort after on_post_build."""
    if not config.strict:
        return False
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)
