"""The built site: lineage picture and words on the story page, the synopsis and lineage pages,
the export, and (in a real browser) the outlet picker of the synopsis."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from parallax.analysis.analyze import analyze
from parallax.model import Story
from parallax.render import story_pages

from .conftest import SEED_STORY

STORY_DIR = f"stories/{SEED_STORY}"


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text("utf-8")


def test_story_page_shows_the_lineage_picture_and_words(built_site: Path) -> None:
    html = _html(built_site, STORY_DIR)
    assert '<h2 id="who-copied-whom">' in html
    svg = re.search(r"<svg role=\"img\" aria-labelledby=\"px-lin-title px-lin-desc\".*?</svg>",
                    html, re.S)
    assert svg is not None
    picture = svg.group(0)
    assert "<title id=\"px-lin-title\">" in picture and "<desc id=\"px-lin-desc\">" in picture
    assert ">IANS<" in picture and ">Sakshi Post<" in picture
    assert 'stroke-dasharray="7 5"' in picture  # the inferred edge is dashed, not coloured
    assert 'marker-end="url(#px-lin-arrow)"' in picture
    assert re.search(r">\d+ %<", picture)  # shares are written on the picture
    assert "are rewrites of the same IANS report" in html
    assert "synopsis/" in html and "lineage/" in html


def test_synopsis_page_has_a_column_per_outlet_and_a_picker(built_site: Path) -> None:
    html = _html(built_site, f"{STORY_DIR}/synopsis")
    table = re.search(r"<table class=\"px-synopsis\".*?</table>", html, re.S)
    assert table is not None
    head = re.findall(r'<th scope="col" data-col="([a-z0-9-]+)"', table.group(0))
    assert head[0] == "sakshi-post" and sorted(head) == sorted(
        ["eurasian-times", "sakshi-post", "unattributed-000", "unattributed-001",
         "unattributed-004"])
    assert "data-px-synopsis-pick hidden" in html  # no dead controls without JavaScript
    assert "◆ common wording" in html and "<ins>" in html
    assert "assets/parallax/parallax-synopsis.js" in html


def test_lineage_page_lists_passages_and_credits(built_site: Path) -> None:
    html = _html(built_site, f"{STORY_DIR}/lineage")
    assert "Shared passages" in html and "Credits and datelines found in the text" in html
    assert "Moscow, May 30 (IANS)" in html
    assert "rewrite of shared source" in html


def test_export_carries_reuse_lineage_and_a_lossless_synopsis(built_site: Path) -> None:
    document = json.loads((built_site / "export" / f"{SEED_STORY}.json").read_text("utf-8"))
    assert {"reuse", "lineage", "synopsis"} <= set(document)
    ians = next(r for r in document["reuse"] if {r["a"], r["b"]} == {"sakshi-post",
                                                                       "unattributed-000"})
    assert ians["label"] == "rewrite of shared source"
    cells = Counter((article, sid) for row in document["synopsis"]["rows"]
                    for article, cell in row["cells"].items() for sid in cell["sentences"])
    sentences = Counter((a["id"], s["id"]) for a in document["articles"] for s in a["sentences"])
    assert cells == sentences
    assert any(f["source"] == "IANS" for f in document["lineage"]["families"])


@pytest.mark.slow
def test_untrusted_outlet_names_are_escaped_in_picture_and_synopsis(seed_story: Story) -> None:
    evil = "<script>alert(1)</script> & [x](javascript:alert(1))"
    article = seed_story.article("unattributed-000")
    article = dataclasses.replace(article, outlet=dataclasses.replace(article.outlet, name=evil))
    story = dataclasses.replace(seed_story, articles=tuple(
        article if a.id == article.id else a for a in seed_story.articles))
    pages = story_pages(analyze(story))
    for path in (f"{STORY_DIR}/index.md", f"{STORY_DIR}/synopsis/index.md",
                 f"{STORY_DIR}/lineage/index.md"):
        assert "<script>alert" not in pages[path].body, path
        assert "&lt;script&gt;" in pages[path].body, path


@pytest.mark.browser
def test_unticking_an_outlet_hides_its_column(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY_DIR}/synopsis/")
    picker = page.locator("[data-px-synopsis-pick]")
    assert picker.is_visible()
    column = page.locator('table.px-synopsis [data-col="unattributed-000"]')
    assert column.first.is_visible()
    page.get_by_label("Unattributed outlet (seed 000)").uncheck()
    assert column.count() > 10
    assert all(not column.nth(k).is_visible() for k in range(column.count()))
    assert page.locator('table.px-synopsis th[data-col="sakshi-post"]').is_visible()
    # A row only that outlet had is hidden with it; ticking it again brings both back.
    only = page.locator("tr", has=page.locator('td[data-col="unattributed-000"]')).filter(
        has_text="1 outlet").filter(has_text="facilitated by Russian-supplied military equipment")
    assert not only.is_visible()
    page.get_by_label("Unattributed outlet (seed 000)").check()
    assert column.first.is_visible() and only.is_visible()
