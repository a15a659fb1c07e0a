"""Relative links between generated pages, derived from ids only (see ids.py).

Generated HTML blocks are not touched by MkDocs' link rewriting, so links are computed here from
the same page paths the plugin registers, for MkDocs' directory URLs.
"""

from __future__ import annotations

import functools
import posixpath

from ..data import ids


def page_url(src_path: str) -> str:
    """Directory URL of a page: ``stories/x/a.md`` → ``stories/x/a/``; index → its folder."""
    stem, _ = posixpath.splitext(src_path)
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def relative(from_page: str, to_path: str, anchor: str | None = None) -> str:
    """Link from the page generated at `from_page` to a page or file at `to_path`."""
    return _relative_path(from_page, to_path) + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=4096)
def _relative_path(from_page: str, to_path: str) -> str:
    # A page links to the same few pages hundreds of times (one link per sentence), and
    # `relpath` asks the operating system for the working directory each time: a fifth of
    # the time rendering took.
    here = page_url(from_page) or "."
    target = page_url(to_path) if to_path.endswith(".md") else to_path
    rel = posixpath.relpath(target or ".", here)
    if to_path.endswith(".md") and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


# The story page's section that renders any pair in the browser (see pair_choice.py).
PICKER_ANCHOR = "compare-any-two"


class StoryLinks:
    """Links from one page of a story to the story's other pages.

    `compared`: the pairs that have a comparison page (None: every pair); a link to any other
    pair opens it in the story page's "compare any two" picker.
    """

    def __init__(self, story: str, from_page: str,
                 compared: frozenset[tuple[str, str]] | None = None) -> None:
        self.story = story
        self.from_page = from_page
        self.compared = compared

    def story_home(self) -> str:
        return relative(self.from_page, ids.story_page(self.story))

    def article(self, article: str, sentence: str | None = None) -> str:
        return relative(self.from_page, ids.article_page(self.story, article), sentence)

    def compare(self, a: str, b: str) -> str:
        if self.compared is None or (a, b) in self.compared or (b, a) in self.compared:
            return relative(self.from_page, ids.compare_page(self.story, a, b))
        return self.picker(a, b)

    def picker(self, a: str | None = None, b: str | None = None) -> str:
        """The story page's picker, with the pair chosen when given (ids are slugs: no
        escaping needed in the query)."""
        home = relative(self.from_page, ids.story_page(self.story))
        query = f"?a={a}&b={b}" if a and b else ""
        return f"{home}{query}#{PICKER_ANCHOR}"

    def subpage(self, name: str) -> str:
        return relative(self.from_page, ids.story_subpage(self.story, name))

    def export_json(self) -> str:
        return relative(self.from_page, ids.export_json(self.story))

    def export_csv(self) -> str:
        return relative(self.from_page, ids.export_csv(self.story))

    def export_discrepancies_csv(self) -> str:
        return relative(self.from_page, ids.export_discrepancies_csv(self.story))
