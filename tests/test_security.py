"""Untrusted text must come out inert on every page: titles, nav, toc, links and bodies.

The fixture in tests/fixtures/hostile puts script tags, event handlers, `javascript:` links,
attr_list braces and a `</title>` breakout into every field that reaches a page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from parallax.cli import cli

from .conftest import HOSTILE, ROOT, mkdocs_build, serve

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _Audit(HTMLParser):
    """Collects everything that could execute, and the page's visible text and title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.text: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append(tag)
        if tag in ("iframe", "object", "embed", "frame"):
            self.findings.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and value.strip().lower().startswith(
                    ("javascript:", "vbscript:", "data:text/html")):
                self.findings.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "script" in self._in[-1:] and "alert" in data:
            self.findings.append(f"script running {data.strip()[:60]!r}")
        if "title" in self._in[-1:]:
            self.title += data
        self.text.append(data)


def audit(path: Path) -> _Audit:
    parser = _Audit()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def pages(site: Path) -> Iterator[Path]:
    yield from sorted((site / "stories").rglob("*.html"))
    yield site / "index.html"


def test_no_page_carries_live_markup(hostile_site: Path) -> None:
    checked = 0
    for path in pages(hostile_site):
        findings = audit(path).findings
        assert not findings, (path.relative_to(hostile_site), findings)
        checked += 1
    assert checked >= 5  # home, story, 2 articles, 1 comparison, claims


@pytest.mark.build
def test_written_pages_stay_inert_in_a_build_without_the_plugin(tmp_path: Path) -> None:
    """`parallax pages` hands the same untrusted text to a builder that runs no plugin: its
    Markdown headings and HTML bodies must come out inert there too."""
    result = CliRunner().invoke(cli, ["pages", str(tmp_path / "docs"), "--data-dir",
                                      str(HOSTILE), "--config-file", "absent.yml"])
    assert result.exit_code == 0, result.output
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Written\ntheme: {name: material}\nmarkdown_extensions: [toc, attr_list, "
        "md_in_html, tables]\n", encoding="utf-8")
    build = mkdocs_build(tmp_path)
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site"
    for path in pages(site):
        assert not audit(path).findings, (path.relative_to(site), audit(path).findings)
    story = audit(site / "stories" / "evil-story" / "index.html")
    assert story.title.startswith("</title><script>alert('story-title')</script>")


def test_hostile_titles_are_shown_as_text(hostile_site: Path) -> None:
    story = audit(hostile_site / "stories" / "evil-story" / "index.html")
    assert story.title.startswith("</title><script>alert('story-title')</script>")
    article = audit(hostile_site / "stories" / "evil-story" / "evil" / "index.html")
    assert "</title><script>alert('article-title')</script>" in article.title
    visible = "".join(article.text)
    for shown in ("<script>alert('body-script')</script>", "a link here",
                  "{: onclick=\"alert('attr-list')\" }", "{++inserted++}",
                  "<img src=x onerror=alert('note')> [note](javascript:alert('note-link'))"):
        assert shown in visible, shown


def test_search_index_carries_no_markup(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            for tag in ("<script", "<img", "<svg", "<iframe", "<a href=\"javascript"):
                assert tag not in doc[field], (doc["location"], field, tag)


@pytest.mark.browser
def test_no_script_runs_in_a_real_browser(hostile_site: Path, page) -> None:  # type: ignore[no-untyped-def]
    """The `page` fixture fails the test on any dialog (alert) or page error."""
    with serve(hostile_site) as url:
        for path in pages(hostile_site):
            relative = path.relative_to(hostile_site).as_posix().removesuffix("index.html")
            page.goto(f"{url}/{relative}")
            page.wait_for_load_state("load")
            # Hover everything that carries a title: a theme feature that renders title
            # attributes as HTML tooltips (Material's content.tooltips does) would run them.
            for element in page.locator("article [title]").all()[:40]:
                if element.is_visible():
                    element.hover(timeout=5_000)
        page.goto(f"{url}/")
        page.wait_for_load_state("networkidle")  # the search worker loads its index
        page.locator("input.md-search__input").click()
        page.keyboard.type("Karachi", delay=50)  # results show hostile titles
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.locator(".md-search-result__item").first.hover()


def test_the_audit_catches_live_markup(tmp_path: Path) -> None:
    """Guard against a blind audit: the same strings, unescaped, must be caught."""
    page = tmp_path / "page.html"
    page.write_text("<title>x</title><script>alert('t')</script><img src=x onerror=alert(1)>"
                    "<a href=' javascript:alert(2)'>x</a><iframe></iframe>", encoding="utf-8")
    assert len(audit(page).findings) == 4


def test_material_tooltips_stay_off() -> None:
    """Material's `content.tooltips` renders `title` attributes as HTML; ours carry article
    text (escaped once, which the attribute decodes), so the feature would run it on hover."""
    from mkdocs.config.base import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "content.tooltips" not in config.theme["features"]
