"""Pagefind over a built site: what gets indexed, the header link, and running the binary.

The `pagefind` package ships Pagefind's binary in its wheel (`pagefind_bin`), so nothing is
downloaded at build time. Pagefind is given the pages Material's search would index (articles,
story overviews, claim texts, hand-written pages), not those with `search: exclude` in their
front matter (comparison, synopsis, lineage, quotes: they repeat article text); in each, only
the content marked `data-pagefind-body` (not the nav, header or footer), and the parts marked
`data-search-exclude` stay out as they do for Material.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

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


def index_site(site_dir: Path, pages: Sequence[str]) -> None:
    """Index `pages` (files of the built site) with Pagefind into `site_dir/pagefind/`.

    Pointed at the whole site, Pagefind parses every page (comparisons, synopses, …) to find
    the marked ones: 3.4 times the memory on a 25-story site (143 MB against 42 MB,
    `/usr/bin/time -v`). So it gets a shadow folder holding the searchable pages alone, hard
    links where the file system allows (copies where not), at the same paths, so the URLs it
    records are the site's. (Its Python API takes pages one by one, but answers about ten
    requests a second: 140 s for 800 articles where the whole build takes 30 s.)"""
    with tempfile.TemporaryDirectory(prefix="parallax-pagefind-") as shadow:
        for page in sorted(pages):
            target = Path(shadow) / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / page, target)
            except OSError:
                shutil.copyfile(site_dir / page, target)
        _run(Path(shadow), site_dir / BUNDLE)


def _run(source: Path, bundle: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(source),
               "--output-path", str(bundle), "--exclude-selectors", EXCLUDED, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PagefindError(f"Pagefind did not run ({error}) — reinstall the project "
                            "(`make site`), or set `search_engine: material`") from None
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        said = " ".join((result.stderr or result.stdout).split())[-300:]
        raise PagefindError(f"Pagefind failed to index the site ({said or 'no output'}) — "
                            "is `pagefind[bin]` installed? `make site` installs it; or set "
                            "`search_engine: material`")
