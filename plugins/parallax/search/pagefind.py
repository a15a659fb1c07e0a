"""Pagefind over a built site: what gets indexed, the header link, and running the binary.

The `pagefind` package ships Pagefind's binary in its wheel (`pagefind_bin`), so nothing is
downloaded at build time. Pagefind is given the pages Material's search would index (articles,
story overviews, claim texts, hand-written pages), not those with `search: exclude` in their
front matter (comparison, synopsis, lineage, quotes: they repeat article text); in each, only
the content marked `data-pagefind-body` (not the nav, header or footer), and the parts marked
`data-search-exclude` stay out as they do for Material.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pagefind.index import IndexConfig

BUNDLE = "pagefind"  # the index's folder in the site
EXCLUDED = "[data-search-exclude]"
_CONTENT = re.compile(r'<article class="md-content__inner')
_HEADER_END = re.compile(r"(<header\b.*?)(</nav>)", re.S)
# Material's magnifier ("material/magnify"), so the button looks like the one it replaces.
_MAGNIFIER = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">'
              '<path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 '
              '5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 '
              '0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>')


class PagefindError(Exception):
    """Pagefind could not index the site; the message says why and what to do."""


def mark_searchable(page_html: str) -> str:
    """The page with its content marked for Pagefind (unchanged when the theme has no
    Material content element: the page is then not indexed, as a page left out would be)."""
    return _CONTENT.sub('<article data-pagefind-body class="md-content__inner', page_html,
                        count=1)


def add_header_link(page_html: str, href: str) -> str:
    """A search button in Material's header, where its own search box would be, leading to the
    search page (a plain link: it works before any script has run)."""
    link = (f'<a class="md-header__button md-icon px-search-link" href="{html.escape(href)}" '
            f'title="Search" aria-label="Search">{_MAGNIFIER}</a>')
    return _HEADER_END.sub(lambda m: m.group(1) + link + m.group(2), page_html, count=1)


def index_site(site_dir: Path, pages: Sequence[tuple[str, str]]) -> None:
    """Index `pages` of the built site with Pagefind; its bundle goes to `site_dir/pagefind/`.

    `pages` are (file in the site, URL from the site's root) of the searchable pages alone, fed
    one by one to Pagefind's indexing service: pointed at the whole folder it parses every page
    (comparisons, synopses, …) to find the marked ones, which took 3.4 times the memory on
    a 25-story site (143 MB against 42 MB, `/usr/bin/time -v`)."""
    try:
        asyncio.run(_index(site_dir, pages))
    except Exception as error:  # whatever the service raises becomes one clear error
        raise PagefindError(f"Pagefind failed to index the site ({type(error).__name__}: "
                            f"{str(error)[:200]}) — is `pagefind[bin]` installed? `make site` "
                            "installs it; or set `search_engine: material`") from None
    if not (site_dir / BUNDLE / "pagefind.js").is_file():
        raise PagefindError("Pagefind wrote no index — is `pagefind[bin]` installed? `make "
                            "site` installs it; or set `search_engine: material`")


async def _index(site_dir: Path, pages: Sequence[tuple[str, str]]) -> None:
    from pagefind.index import PagefindIndex

    config: IndexConfig = {"exclude_selectors": [EXCLUDED],
                           "output_path": str(site_dir / BUNDLE)}
    async with PagefindIndex(config=config) as index:
        for path, url in sorted(pages):  # one order, one index: the same bytes every build
            content = (site_dir / path).read_text(encoding="utf-8")
            await index.add_html_file(content=content, url=url)
