"""Golden files for every generated page kind and for the export: a change to any of them shows
up as a reviewable diff.

After an intended change: `pytest tests/test_golden.py --update-golden`, then read `git diff`.
"""

from __future__ import annotations

import json

import pytest

from parallax.export.story_export import claims_csv, discrepancies_csv, to_json
from parallax.model import Story, StoryAnalysis
from parallax.render import Templates, render_home, render_story_list, story_pages

from .conftest import SEED_STORY

PAGES = [
    "index.md",  # the story overview
    "sakshi-post/index.md",  # an article
    "compare/sakshi-post-unattributed-000/index.md",  # one text rewrites the other
    "compare/eurasian-times-sakshi-post/index.md",  # independent accounts
    "claims/index.md",
    "quotes/index.md",
    "discrepancies/index.md",
    "synopsis/index.md",
    "lineage/index.md",
]


@pytest.fixture(scope="module")
def pages(seed_analysis: StoryAnalysis):  # type: ignore[no-untyped-def]
    return story_pages(seed_analysis, Templates())


@pytest.mark.parametrize("page", PAGES)
def test_generated_page_matches_golden(pages, golden, page: str) -> None:  # type: ignore[no-untyped-def]
    golden(f"{SEED_STORY}/{page}", pages[f"stories/{SEED_STORY}/{page}"].source())


def _kind(page: str) -> str:
    """story, article, compare, claims, quotes, discrepancies, synopsis or lineage."""
    name = page.removesuffix("index.md").rstrip("/")
    if not name:
        return "story"
    if name.startswith("compare/"):
        return "compare"
    return name if name in SUBPAGES else "article"


SUBPAGES = {"claims", "quotes", "discrepancies", "synopsis", "lineage"}


def test_every_page_kind_has_a_golden_file(pages) -> None:  # type: ignore[no-untyped-def]
    kinds = {_kind(path.removeprefix(f"stories/{SEED_STORY}/")) for path in pages}
    assert kinds == {_kind(page) for page in PAGES}
    assert len(kinds) == 8


def test_story_list_and_home_match_golden(seed_story: Story, golden) -> None:  # type: ignore[no-untyped-def]
    templates = Templates()
    golden("stories.html", render_story_list([seed_story], templates))
    golden("home.md", render_home([seed_story], templates).source())


def _pretty_json(analysis: StoryAnalysis) -> str:
    """The export as the golden file keeps it: pretty-printed, so a change reads as a diff."""
    compact = to_json(analysis)
    assert "\n" not in compact.rstrip("\n")  # the site ships it on one line
    return json.dumps(json.loads(compact), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("name, export", [("export.json", _pretty_json), ("claims.csv", claims_csv),
                                          ("discrepancies.csv", discrepancies_csv)])
def test_export_matches_golden(seed_analysis: StoryAnalysis, golden, name, export) -> None:  # type: ignore[no-untyped-def]
    golden(f"{SEED_STORY}/export/{name}", export(seed_analysis))
