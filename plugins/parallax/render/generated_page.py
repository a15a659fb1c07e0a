"""A generated page: its title and front matter, its HTML body and the headings in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .safe import front_matter
from .templating import Heading, toc_tokens

# Front matter that keeps a page out of Material's search index. Comparison, synopsis, lineage
# and quotes pages show article sentences again; indexing them would make the index a reader
# downloads several times the articles (and a query would land on every copy). They are
# reached from the story page, and each sentence is found once, on its article page.
OUT_OF_SEARCH: tuple[str, Any] = ("search", {"exclude": True})


@dataclass(frozen=True)
class GeneratedPage:
    """One page of the site, rendered.

    The plugin registers `stub()` with MkDocs (front matter only, so the title, `hide` and
    search settings reach the theme) and puts `body` in as the page's content after
    Python-Markdown has run, so the body is never parsed as Markdown; `headings` become the
    page's table of contents. `source()` is the same page as one Markdown file with an HTML
    body, for a builder that runs no plugin (`parallax pages`).
    """

    path: str  # relative to the docs dir: stories/<story>/<article>.md
    title: str
    body: str
    headings: tuple[Heading, ...] = ()
    meta: tuple[tuple[str, Any], ...] = ()  # front matter after the title, in order

    def stub(self) -> str:
        return front_matter(self.title, **dict(self.meta))

    def source(self) -> str:
        return self.stub() + self.body

    def toc(self) -> list[dict[str, Any]]:
        return toc_tokens(self.headings)
