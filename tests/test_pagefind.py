"""Pagefind search (issue 12): a chunked index in place of Material's past a configurable size.

Real `mkdocs build` runs with the `pagefind` package's own binary, and a real browser."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax.search.engine import PAGEFIND_FROM, choose_engine
from parallax.search.pagefind import PagefindError, add_header_link, index_site, mark_searchable

from .conftest import SEED_STORY, make_project, mkdocs_build, serve
from .test_accessibility import axe_run, blocking_violations

STORY = f"stories/{SEED_STORY}"


def test_auto_switches_to_pagefind_from_the_configured_size() -> None:
    assert choose_engine("auto", 5) == "material"  # the seed site
    assert choose_engine("auto", PAGEFIND_FROM - 1) == "material"
    assert choose_engine("auto", PAGEFIND_FROM) == "pagefind"
    assert choose_engine("auto", 5, pagefind_from=3) == "pagefind"
    assert choose_engine("material", 10_000) == "material"
    assert choose_engine("pagefind", 1) == "pagefind"


def test_pages_are_marked_and_get_a_header_button() -> None:
    page = ('<header class="md-header"><nav class="md-header__inner">logo</nav></header>'
            '<main><article class="md-content__inner md-typeset"><h1>T</h1></article></main>')
    marked = mark_searchable(page)
    assert '<article data-pagefind-body class="md-content__inner md-typeset">' in marked
    linked = add_header_link(page, '../x/"><script>')
    assert linked.count("px-search-link") == 1
    assert 'href="../x/&quot;&gt;&lt;script&gt;"' in linked  # escaped, whatever the URL
    assert linked.index("px-search-link") < linked.index("</nav>") < linked.index("<main>")
    # A theme without Material's content element: nothing is marked, nothing breaks.
    assert mark_searchable("<div>text</div>") == "<div>text</div>"


def test_a_failed_index_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(PagefindError, match="search_engine: material"):
        index_site(tmp_path / "no-such-site", [])


def _pagefind_project(tmp: Path, options: str) -> Path:
    project = make_project(tmp)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      data_dir: data\n", f"      data_dir: data\n{options}"),
                      encoding="utf-8")
    assert options in config.read_text(encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site with `search_engine: auto` and a threshold it passes."""
    project = _pagefind_project(tmp_path_factory.mktemp("pagefind"), "      pagefind_from: 3\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _manifest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_the_site_is_searched_by_pagefind_alone(pagefind_site: Path, tmp_path: Path) -> None:
    site = pagefind_site
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site / "search" / "search_index.json").exists()  # Material's index is off
    search = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-px-pagefind="../pagefind/"' in search
    article = (site / STORY / "sakshi-post" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in article
    assert 'class="md-header__button md-icon px-search-link" href="../../../search/"' in article
    assert 'for="__search"' not in article  # Material's search box is gone with its index
    missing = (site / "404.html").read_text(encoding="utf-8")  # served at any address
    assert re.search(r'px-search-link" href="(/[^"]*)?/search/"', missing)
    assert 'for="__search"' not in missing
    # Pages that repeat article text stay out of Pagefind as they stay out of Material's search.
    for kind in ("synopsis", "quotes", "lineage"):
        html = (site / STORY / kind / "index.html").read_text(encoding="utf-8")
        assert "data-pagefind-body" not in html and "px-search-link" in html
    compare = next((site / STORY / "compare").glob("*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body" not in compare
    assert "data-pagefind-body" not in search
    # The same index, byte for byte, when the site is built again.
    again = _pagefind_project(tmp_path, "      pagefind_from: 3\n")
    result = mkdocs_build(again, "--site-dir", str(tmp_path / "again"))
    assert result.returncode == 0, result.stderr
    assert _manifest(tmp_path / "again" / "pagefind") == _manifest(site / "pagefind")


@pytest.mark.build
def test_a_site_that_switched_material_search_off_keeps_it_off(tmp_path: Path) -> None:
    project = _pagefind_project(tmp_path, "")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - search\n", "  - search:\n      enabled: false\n", 1),
                      encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "search" / "search_index.json").exists()
    assert not (project / "site" / "pagefind").exists()  # five articles: Material's turn


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served below /digest/, as GitHub Pages serves a project site: result links
    must start from the site's root, not the server's."""
    host = tmp_path_factory.mktemp("host")
    (host / "digest").symlink_to(pagefind_site, target_is_directory=True)
    with serve(host) as url:
        yield f"{url}/digest"


@pytest.mark.browser
@pytest.mark.build
def test_a_pagefind_result_lands_on_the_sentence(page, pagefind_url: str) -> None:  # type: ignore[no-untyped-def]
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{pagefind_url}/{STORY}/")
    page.get_by_role("link", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/search/$"))
    page.get_by_placeholder("Search the stories").fill("Haroon Akhtar")
    link = page.locator(f".pagefind-ui__result-link[href*='{STORY}/sakshi-post/']").first
    link.wait_for(timeout=15_000)
    assert "h=" in (link.get_attribute("href") or "")
    link.click()
    page.wait_for_url(re.compile(r".*/sakshi-post/.*#s\d+$"))
    target = page.locator(f"span.px-s#{page.url.rsplit('#', 1)[1]}")
    assert target.evaluate("el => el.matches(':target')")
    assert "Haroon Akhtar Khan" in target.inner_text()
    assert any("/pagefind/" in url for url in fetched)
    assert not any("search_index.json" in url for url in fetched), "Material's index loaded"
    # `?q=` opens the page with the query run; the page with its results passes axe-core.
    page.goto(f"{pagefind_url}/search/?q=Nazaroof")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
    assert not blocking_violations(axe_run(page), "search page")
