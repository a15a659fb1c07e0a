"""StoryAnalysis → pages: one view model and one Jinja template per page kind.

`story_pages` is the entry point: every generated page of a story, rendered, by its path
relative to the docs dir. Views live in one module per page kind; templates in
`templates/parallax/`; the stylesheets and scripts the pages need in `assets/`.
"""

from __future__ import annotations

from functools import cache

from ..data import ids
from ..model import StoryAnalysis
from .article import render_article
from .claims import render_claims
from .compare import render_compare
from .discrepancies import render_discrepancies
from .generated_page import GeneratedPage
from .home import MARKER, render_home, render_story_list
from .lineage import render_lineage
from .pair_choice import DEFAULT_NEAREST, compared_pairs
from .quotes import render_quotes
from .story import render_story
from .synopsis import render_synopsis
from .templating import TemplateProblem, Templates

__all__ = ["DEFAULT_NEAREST", "MARKER", "GeneratedPage", "TemplateProblem", "Templates",
           "default_templates", "render_home", "render_story_list", "story_pages"]


@cache
def default_templates() -> Templates:
    """Parallax's own templates, compiled once per process."""
    return Templates()


def story_pages(
    analysis: StoryAnalysis, templates: Templates | None = None,
    nearest: int | None = DEFAULT_NEAREST,
) -> dict[str, GeneratedPage]:
    """Every page of one story: overview, articles, comparisons (each article's `nearest`
    outlets, see pair_choice.py; None: every pair), claims, quotes, discrepancies, synopsis
    and lineage."""
    templates = templates or default_templates()
    story = analysis.story
    compared = compared_pairs(analysis, nearest)
    pages = [render_story(analysis, templates, compared)]
    pages += [render_article(analysis, article, templates, compared)
              for article in story.articles]
    pages += [render_compare(analysis, pair, templates) for pair in analysis.pairs
              if (pair.a, pair.b) in compared]
    pages += [render_claims(analysis, templates), render_quotes(analysis, templates),
              render_discrepancies(analysis, templates), render_synopsis(analysis, templates),
              render_lineage(analysis, templates, compared)]
    assert all(p.path.startswith(f"stories/{story.id}/") for p in pages), ids.story_page(story.id)
    return {page.path: page for page in pages}
