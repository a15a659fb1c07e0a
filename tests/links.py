"""Every link and anchor of a built site, checked: the target file exists, the anchor is an id
on the target page. Links out of the site (http, mailto, data) are not followed."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("use", "href")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and not (tag == "meta" and name == "name"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRIBUTES:
                self.links.append(value)


def _parse(path: Path, cache: dict[Path, _Page]) -> _Page:
    if path not in cache:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        cache[path] = page
    return cache[path]


def dangling_links(site: Path) -> list[str]:
    """'page: link (why)' for every link in the site's HTML that leads nowhere."""
    cache: dict[Path, _Page] = {}
    problems = []
    for path in sorted(site.rglob("*.html")):
        here = path.relative_to(site).as_posix()
        for link in _parse(path, cache).links:
            why = _check(site, here, link, cache)
            if why:
                problems.append(f"{here}: {link} ({why})")
    return problems


def _check(site: Path, here: str, link: str, cache: dict[Path, _Page]) -> str | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("//"):
        return None  # leaves the site
    target = site / here
    if parts.path:
        # A path from the root (the 404 page's links) is taken from the site's own root.
        base = "" if parts.path.startswith("/") else posixpath.dirname(here)
        joined = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
        if joined.startswith(".."):
            return "points above the site"
        target = site / joined
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return "no such file"
    if (parts.fragment and target.suffix == ".html"
            and unquote(parts.fragment) not in _parse(target, cache).ids):
        return "no such anchor"
    return None
