"""WCAG 2.2 AA in a real browser: axe-core on every page kind, keyboard focus, what a screen
reader and a phone reader get.

axe-core comes with `axe-playwright-python` and runs inside Debian's chromium (the `browser`
fixture), on the seed site and on the hostile-input site, at desktop and phone widths, in the
light and the dark palette. A serious or critical violation fails the test with the rule, the
element and the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import SEED_STORY, serve

pytestmark = pytest.mark.browser

STORY = f"stories/{SEED_STORY}"
# One page of every kind the seed site has, hand-written pages and the theme's 404 included.
SEED_PAGES = {
    "home": "",
    "hand-written page": "methods/",
    "404": "404.html",
    "story": f"{STORY}/",
    "claims": f"{STORY}/claims/",
    "comparison (edits)": f"{STORY}/compare/sakshi-post-unattributed-000/",
    "comparison (own words)": f"{STORY}/compare/eurasian-times-sakshi-post/",
    "synopsis": f"{STORY}/synopsis/",
    "quotes": f"{STORY}/quotes/",
    "discrepancies": f"{STORY}/discrepancies/",
    "lineage": f"{STORY}/lineage/",
    "article": f"{STORY}/sakshi-post/",
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# Material picks its palette from the reader's preference (mkdocs.yml: `media:` per scheme).
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="session")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def hostile_pages(site: Path) -> dict[str, str]:
    """Every page the plugin generated for the hostile corpus, and the home page."""
    pages = {"hostile home": ""}
    for path in sorted((site / "stories").rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix() + "/"
        pages[f"hostile {relative}"] = relative
    return pages


def axe_run(page: Any) -> dict[str, Any]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options={"resultTypes": ["violations"]}).response  # type: ignore[no-any-return]


def blocking_violations(response: dict[str, Any], where: str) -> list[str]:
    """One readable line per element: page, rule, impact, element and what is wrong."""
    lines = []
    for violation in response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            why = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"{where}: {violation['id']} ({violation['impact']}) at {target}: "
                         f"{why[:240]}")
    return lines


def open_page(tab: Any, url: str, scheme: str) -> None:
    tab.goto(url)
    tab.wait_for_load_state("load")
    shown = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme], f"{url}: palette {shown!r}, expected {SCHEMES[scheme]!r}"


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_serious_axe_violation_on_any_page_kind(  # type: ignore[no-untyped-def]
        browser, site_url: str, hostile_site: Path, hostile_url: str, viewport: str,
        scheme: str) -> None:
    """Every page kind of the seed and hostile sites, in one browser context per width and
    palette: zero serious or critical axe-core violations."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    tab = context.new_page()
    pages = {name: f"{site_url}/{path}" for name, path in SEED_PAGES.items()}
    pages.update({name: f"{hostile_url}/{path}"
                  for name, path in hostile_pages(hostile_site).items()})
    found: list[str] = []
    try:
        for name, url in pages.items():
            open_page(tab, url, scheme)
            found += blocking_violations(axe_run(tab), f"{name} [{viewport} {scheme}]")
    finally:
        context.close()
    assert not found, f"{len(found)} serious/critical axe violations:\n" + "\n".join(found)


def test_the_axe_check_catches_a_violation(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """Guard against a blind check: a page made to fail (grey on grey, an unnamed control) is
    reported with its rule and element."""
    tab = browser.new_page()
    try:
        open_page(tab, f"{site_url}/", "light")
        tab.evaluate("""() => {
            const p = document.querySelector('article p');
            p.style.color = '#aaa'; p.style.background = '#bbb';
            const box = document.createElement('input'); box.type = 'checkbox';
            box.id = 'px-unnamed'; document.querySelector('article').append(box);
        }""")
        found = "\n".join(blocking_violations(axe_run(tab), "home"))
    finally:
        tab.close()
    assert "color-contrast (serious)" in found
    assert "label (critical) at #px-unnamed" in found
