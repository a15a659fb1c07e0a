"""The search page of a site searched by Pagefind: Pagefind's UI, out of its own index."""

from __future__ import annotations

from .generated_page import OUT_OF_SEARCH, GeneratedPage
from .links import page_url, relative
from .templating import Templates

SEARCH_PAGE = "search/index.md"
SEARCH_URL = page_url(SEARCH_PAGE)  # "search/", what the header buttons link to


def render_search_page(templates: Templates, bundle: str = "pagefind") -> GeneratedPage:
    """`bundle`: the Pagefind index's folder, relative to the site root."""
    rendered = templates.render("search", bundle=relative(SEARCH_PAGE, bundle) + "/",
                                home=relative(SEARCH_PAGE, "index.md"))
    return GeneratedPage(SEARCH_PAGE, "Search", rendered.html, rendered.headings,
                         (OUT_OF_SEARCH, ("hide", ["toc"])))
