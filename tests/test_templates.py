"""Pages from templates: overridable from the theme's custom_dir, styled and working in a bare
MkDocs project, and writable to a folder that a builder without plugins renders."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli
from parallax.model import StoryAnalysis
from parallax.render import Templates, story_pages
from parallax.render.templating import TemplateProblem

from .conftest import DATA, SEED_STORY, make_project, mkdocs_build, serve
from .links import dangling_links

STORY_DIR = f"stories/{SEED_STORY}"
HEADER = ("{% from \"parallax/partials/heading.html\" import heading with context %}\n"
          "{% macro page_header(header) -%}\n{{ heading(1, header.title) }}\n"
          '<p class="px-meta px-overridden">Back to <a href="{{ header.story.href }}">'
          "{{ header.story.text }}</a></p>\n{% endmacro %}\n")


def test_an_override_in_custom_dir_replaces_a_partial(
    tmp_path: Path, seed_analysis: StoryAnalysis
) -> None:
    (tmp_path / "parallax" / "partials").mkdir(parents=True)
    (tmp_path / "parallax" / "partials" / "header.html").write_text(HEADER, encoding="utf-8")
    pages = story_pages(seed_analysis, Templates(tmp_path))
    claims = pages[f"{STORY_DIR}/claims/index.md"].body
    assert '<p class="px-meta px-overridden">Back to <a href="../">' in claims
    default = story_pages(seed_analysis)[f"{STORY_DIR}/claims/index.md"].body
    assert "px-overridden" not in default


def test_a_broken_override_names_its_file_and_line(
    tmp_path: Path, seed_analysis: StoryAnalysis
) -> None:
    (tmp_path / "parallax").mkdir()
    (tmp_path / "parallax" / "quotes.html").write_text("<p>\n{% if %}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"parallax/quotes\.html:2: template error"):
        story_pages(seed_analysis, Templates(tmp_path))


def test_templates_escape_what_they_are_given(seed_analysis: StoryAnalysis) -> None:
    """Autoescaping is on: a template that forgets to escape cannot let markup through."""
    rendered = Templates().render("stories", stories=[]).html
    assert "<p>No stories yet" in rendered
    hostile = Templates().env.from_string("{{ text }}").render(text="<script>x</script>")
    assert hostile == "&lt;script&gt;x&lt;/script&gt;"


@pytest.mark.build
def test_a_site_overrides_a_template_from_its_custom_dir(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    (project / "overrides" / "parallax" / "partials").mkdir(parents=True)
    (project / "overrides" / "parallax" / "partials" / "header.html").write_text(
        HEADER, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / STORY_DIR / "claims" / "index.html").read_text(encoding="utf-8")
    assert '<p class="px-meta px-overridden">Back to <a href="../">' in html
    # A broken override stops the build with its file and line, and keeps the site.
    (project / "overrides" / "parallax" / "claims.html").write_text("{% endif %}\n",
                                                                      encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "overrides/parallax/claims.html:1: template error" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / "site" / STORY_DIR / "claims" / "index.html").read_text(
        encoding="utf-8") == html


def test_every_link_and_anchor_of_the_seed_site_resolves(built_site: Path) -> None:
    assert dangling_links(built_site) == []


def test_the_link_check_finds_dangling_links_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a><a href="a/#gone">anchor</a><a href="b/">file</a>'
        '<a href="#top">own anchor</a><a href="https://example.org/x">out</a>',
        encoding="utf-8")
    assert dangling_links(tmp_path) == ["index.html: a/#gone (no such anchor)",
                                        "index.html: b/ (no such file)",
                                        "index.html: #top (no such anchor)"]


def test_headings_of_generated_pages_make_the_toc_and_search_sections(built_site: Path) -> None:
    html = (built_site / STORY_DIR / "index.html").read_text(encoding="utf-8")
    toc = html[html.index('<nav class="md-nav md-nav--secondary"'): html.index("<article")]
    for anchor in ("#coverage", "#how-similar-are-the-outlets", "#who-copied-whom",
                   "#pages-of-this-story", "#side-by-side-comparisons", "#download-the-data"):
        assert f'href="{anchor}"' in toc, anchor
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    sections = {d["location"] for d in index["docs"]}
    assert f"{STORY_DIR}/#coverage" in sections
    assert f"{STORY_DIR}/claims/#curated-claims" in sections


# ------------------------------------------------------------------------ a bare MkDocs project


def _bare_project(root: Path) -> Path:
    (root / "docs").mkdir()
    shutil.copytree(DATA, root / "data")
    (root / "mkdocs.yml").write_text("site_name: Bare\nplugins:\n  - parallax\n",
                                     encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _bare_project(tmp_path_factory.mktemp("bare"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_bare_project_gets_every_page_and_its_assets(bare_site: Path) -> None:
    home = (bare_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{STORY_DIR}/"' in home and "px-stories" in home  # a home page of its own
    claims = (bare_site / STORY_DIR / "claims" / "index.html").read_text(encoding="utf-8")
    for asset in ("parallax.css", "parallax-facts.css", "parallax-reuse.css", "parallax.js",
                  "parallax-claims.js", "parallax-synopsis.js", "parallax-search.js",
                  "parallax-compare.js"):
        assert (bare_site / "assets" / "parallax" / asset).is_file(), asset
        assert f"../../../assets/parallax/{asset}" in claims, asset
    assert dangling_links(bare_site) == []


@pytest.mark.browser
def test_a_bare_project_pages_are_styled_and_work(bare_site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    # MkDocs' own theme loads highlight.js from a CDN this machine cannot reach, and its
    # scripts fail without it: only errors from our scripts count here.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    ours: list[str] = []
    page.on("pageerror", lambda e: ours.append(str(e.stack)) if "parallax" in str(e.stack)
            else None)
    with serve(bare_site) as url:
        page.goto(f"{url}/{STORY_DIR}/claims/")
        cell = page.locator("td.px-cell").first
        assert cell.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
        disputes = page.locator(".px-stance-disputes").first
        assert disputes.evaluate("e => getComputedStyle(e).color") == "rgb(179, 38, 30)"
        page.get_by_label("✔ asserted by an outlet").check()  # the filter, from our script
        status = page.locator(".px-filter-status").inner_text()
        assert re.fullmatch(r"Showing \d+ of \d+ claims\.", status) and "Showing 0" not in status
        page.goto(f"{url}/{STORY_DIR}/synopsis/")
        assert page.locator("[data-px-synopsis-pick]").is_visible()  # the synopsis script ran
        page.goto(f"{url}/{STORY_DIR}/compare/sakshi-post-unattributed-000/")
        struck = page.locator("table.px-diff del").first
        assert "line-through" in struck.evaluate("e => getComputedStyle(e).textDecorationLine")
    context.close()
    assert not ours, ours


# ----------------------------------------------------------- pages for builders without plugins


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("written") / "docs"
    result = CliRunner().invoke(cli, ["pages", str(out), "--data-dir", str(DATA),
                                      "--config-file", "absent.yml"])
    assert result.exit_code == 0, result.output
    assert "extra_css: [assets/parallax/parallax.css" in result.output
    return out


def test_written_pages_are_markdown_with_html_bodies(written: Path) -> None:
    page = (written / STORY_DIR / "claims" / "index.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "Claim matrix: Russia dismisses &quot;fake reports')
    assert "\n## Curated claims\n" in page  # headings as Markdown, for the builder's own TOC
    assert '<table class="px-matrix px-matrix-curated">' in page
    assert (written / "index.md").is_file() and (written / f"export/{SEED_STORY}.json").is_file()
    assert (written / "assets" / "parallax" / "parallax-claims.js").is_file()


@pytest.mark.slow
def test_pages_refuses_a_folder_it_did_not_write(tmp_path: Path, written: Path) -> None:
    mine = tmp_path / "docs"
    mine.mkdir()
    (mine / "notes.md").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["pages", str(mine), "--data-dir", str(DATA)])
    assert result.exit_code == 1 and "was not written by `parallax pages`" in result.output
    assert [p.name for p in mine.iterdir()] == ["notes.md"]
    again = CliRunner().invoke(cli, ["pages", str(written), "--data-dir", str(DATA)])
    assert again.exit_code == 0, again.output  # its own output it replaces


@pytest.mark.build
def test_written_pages_build_with_plain_mkdocs(
    written: Path, built_site: Path, tmp_path: Path
) -> None:
    """A `mkdocs build` that loads no Parallax plugin renders the written pages as the plugin
    does: same headings, same text, every link and anchor resolving."""
    shutil.copytree(written, tmp_path / "docs")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Written\ntheme: {name: material}\n"
        "markdown_extensions: [{toc: {permalink: true}}]\n"
        "not_in_nav: |\n  /stories/\n"
        "extra_css: [assets/parallax/parallax.css, assets/parallax/parallax-facts.css,"
        " assets/parallax/parallax-reuse.css]\n"
        "extra_javascript: [assets/parallax/parallax.js, assets/parallax/parallax-claims.js,"
        " assets/parallax/parallax-synopsis.js, assets/parallax/parallax-search.js,"
        " assets/parallax/parallax-compare.js]\n",
        encoding="utf-8")
    result = mkdocs_build(tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert dangling_links(site) == []
    for page in ("", "claims/", "sakshi-post/", "compare/sakshi-post-unattributed-000/"):
        ours = _article(built_site / STORY_DIR / page / "index.html")
        theirs = _article(site / STORY_DIR / page / "index.html")
        assert theirs == ours, page


def _article(path: Path) -> str:
    """The page body as a reader gets it (whitespace between tags and the choice of entities
    aside: `&#34;` and `"` read the same)."""
    page = path.read_text(encoding="utf-8")
    body = html.unescape(page[page.index("<article"): page.index("</article>")])
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", body))
