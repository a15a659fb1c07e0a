"""Golden files for generated Markdown: a change to any page kind shows up as a reviewable diff.

After an intended change: `pytest tests/test_golden.py --update-golden`, then read `git diff`.
"""

from __future__ import annotations

import pytest

from parallax.model import StoryAnalysis
from parallax.render import story_pages

from .conftest import SEED_STORY

PAGES = [
    "index.md",
    "claims.md",
    "sakshi-post.md",
    "compare/sakshi-post-unattributed-000.md",
    "compare/eurasian-times-unattributed-004.md",
]


@pytest.mark.parametrize("page", PAGES)
def test_generated_page_matches_golden(seed_analysis: StoryAnalysis, golden, page: str) -> None:  # type: ignore[no-untyped-def]
    pages = story_pages(seed_analysis)
    golden(f"{SEED_STORY}/{page}", pages[f"stories/{SEED_STORY}/{page}"])
