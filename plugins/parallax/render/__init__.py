"""StoryAnalysis → Markdown pages: one module per page kind, one function per page.

`story_pages` is the only entry point the plugin needs: it returns every generated page of a
story as {docs-relative path: Markdown}.
"""

from __future__ import annotations

from .. import ids
from ..model import StoryAnalysis
from .article import render_article
from .claims import render_claims
from .compare import render_compare
from .discrepancies import render_discrepancies
from .home import MARKER, render_story_list
from .lineage import lineage_section, render_lineage
from .quotes import render_quotes
from .story import render_story
from .synopsis import render_synopsis

__all__ = ["MARKER", "render_story_list", "story_pages"]


def story_pages(analysis: StoryAnalysis) -> dict[str, str]:
    story = analysis.story
    sections = (("lineage", lineage_section(analysis)),)
    pages = {ids.story_page(story.id): render_story(analysis, sections)}
    for article in story.articles:
        pages[ids.article_page(story.id, article.id)] = render_article(analysis, article)
    for pair in analysis.pairs:
        pages[ids.compare_page(story.id, pair.a, pair.b)] = render_compare(analysis, pair)
    pages[ids.story_subpage(story.id, "claims")] = render_claims(analysis)
    pages[ids.story_subpage(story.id, "quotes")] = render_quotes(analysis)
    pages[ids.story_subpage(story.id, "discrepancies")] = render_discrepancies(analysis)
    pages[ids.story_subpage(story.id, "synopsis")] = render_synopsis(analysis)
    pages[ids.story_subpage(story.id, "lineage")] = render_lineage(analysis)
    return pages
