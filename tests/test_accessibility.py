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


# Every rule axe runs by default (WCAG 2.0-2.1 A/AA and best practices), plus WCAG 2.2 AA's
# target size (2.5.8), which axe leaves off by default.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def axe_run(page: Any) -> dict[str, Any]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response  # type: ignore[no-any-return]


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
    """Guard against a blind check: a page made to fail (grey on grey, an unnamed control, two
    10 px buttons side by side) is reported with its rule and element."""
    tab = browser.new_page()
    try:
        open_page(tab, f"{site_url}/", "light")
        tab.evaluate("""() => {
            const p = document.querySelector('article p');
            p.style.color = '#aaa'; p.style.background = '#bbb';
            const box = document.createElement('input'); box.type = 'checkbox';
            box.id = 'px-unnamed'; document.querySelector('article').append(box);
            const tiny = document.createElement('div');
            tiny.innerHTML = '<button id="px-tiny" style="width:10px;height:10px;padding:0;'
              + 'border:0;font-size:6px">a</button><button style="width:10px;height:10px;'
              + 'padding:0;border:0;font-size:6px">b</button>';
            document.querySelector('article').append(tiny);
        }""")
        found = "\n".join(blocking_violations(axe_run(tab), "home"))
    finally:
        tab.close()
    assert "color-contrast (serious)" in found
    assert "label (critical) at #px-unnamed" in found
    assert "target-size (serious) at #px-tiny" in found  # WCAG 2.2's rule is on


# Keyboard: every control of the pages that have controls takes focus in tab order, and
# focus is visible (the control's pixels change when it is focused).
KEYBOARD_PAGES = {
    "claims": f"{STORY}/claims/",  # stance filter, quote disclosures, evidence links
    "synopsis": f"{STORY}/synopsis/",  # outlet picker, row links
    "article": f"{STORY}/sakshi-post/",  # sentence anchors, disclosure of removed text
    "lineage": f"{STORY}/lineage/",  # the picture's scroll box, pair links
    "story": f"{STORY}/",  # heat-map links, page links
}
# On a phone the wide tables scroll under their pinned first column: focus must stay clear of it.
KEYBOARD_ON_A_PHONE = ("claims", "synopsis")
# The controls a reader reaches with Tab: a radio group is one stop, arrow keys move inside it.
TABBABLE = """() => {
  const all = [...document.querySelectorAll('.md-content :is(a[href], input, select, button,'
    + ' summary, [tabindex]):not([tabindex="-1"])')];
  const groups = new Set();
  return all.filter(el => {
    if (!el.checkVisibility()) return false;
    if (el.type === 'radio') {
      if (groups.has(el.name)) return false;
      groups.add(el.name);
    }
    return true;
  }).length;
}"""
# Where focus is now: inside the page body or not, a description, and the box to compare.
FOCUSED = """(k) => {
  const el = document.activeElement;
  if (!el || !el.closest('.md-content')) return null;
  if (!el.dataset.pxTab) el.dataset.pxTab = String(k);
  el.scrollIntoView({block: 'center', inline: 'nearest'});
  const r = el.getBoundingClientRect();
  // Not hidden under a pinned column or the header (WCAG 2.4.11): the middle of its first
  // line box, within the screen, shows the element itself.
  const line = el.getClientRects()[0] || r;
  const x = (Math.max(line.left, 0) + Math.min(line.right, innerWidth)) / 2;
  const y = (Math.max(line.top, 0) + Math.min(line.bottom, innerHeight)) / 2;
  const hit = document.elementFromPoint(x, y);
  return {id: el.dataset.pxTab, obscured: !(hit && (hit === el || el.contains(hit))),
          tag: el.tagName.toLowerCase(), type: el.type || '',
          cls: el.className && typeof el.className === 'string' ? el.className : '',
          text: (el.textContent || '').trim().slice(0, 40),
          box: [r.left, r.top, r.width, r.height]};
}"""
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def focus_shots(tab: Any, box: list[float]) -> tuple[bytes, bytes]:
    """The focused element's surroundings as pixels, focused and then blurred."""
    size = tab.viewport_size
    left, top = max(box[0] - 4, 0), max(box[1] - 4, 0)
    clip = {"x": left, "y": top,
            "width": max(min(box[0] + box[2] + 4, size["width"]) - left, 1),
            "height": max(min(box[1] + box[3] + 4, size["height"]) - top, 1)}
    focused = tab.screenshot(clip=clip)
    tab.evaluate("() => { window.__pxFocus = document.activeElement; "
                 "document.activeElement.blur(); }")
    unfocused = tab.screenshot(clip=clip)
    tab.evaluate("() => window.__pxFocus.focus({preventScroll: true})")
    return focused, unfocused


@pytest.mark.parametrize("name, viewport", [*((n, "desktop") for n in KEYBOARD_PAGES),
                                            *((n, "phone") for n in KEYBOARD_ON_A_PHONE)])
def test_tab_reaches_every_control_and_focus_is_visible(  # type: ignore[no-untyped-def]
        browser, site_url: str, name: str, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/{KEYBOARD_PAGES[name]}")
        tab.wait_for_load_state("load")
        tab.add_style_tag(content=NO_MOTION)
        expected = tab.evaluate(TABBABLE)
        # Start from the page's title, as a reader who skipped the site navigation would.
        tab.evaluate("() => { const h = document.querySelector('.md-content h1');"
                     " h.tabIndex = -1; h.focus(); }")
        reached: dict[str, dict[str, Any]] = {}
        invisible: list[str] = []
        hidden: list[str] = []
        for k in range(expected + 5):
            tab.keyboard.press("Tab")
            element = tab.evaluate(FOCUSED, k)
            if element is None or element["id"] in reached:
                break
            reached[element["id"]] = element
            if element["obscured"]:
                hidden.append(f"<{element['tag']} class={element['cls']!r}> {element['text']!r}")
            focused, unfocused = focus_shots(tab, element["box"])
            if focused == unfocused:
                invisible.append(f"<{element['tag']} {element['type']} class={element['cls']!r}>"
                                 f" {element['text']!r}")
    finally:
        context.close()
    kinds = {(e["tag"], e["type"]) for e in reached.values()}
    assert len(reached) == expected, (f"{name}: Tab reached {len(reached)} of {expected} "
                                      f"controls: {sorted(kinds)}")
    assert not hidden, f"{name}: focused but covered on {len(hidden)}:\n" + "\n".join(hidden)
    assert not invisible, f"{name}: no visible focus on {len(invisible)}:\n" + "\n".join(invisible)
    wanted = {"claims": {("input", "radio"), ("summary", ""), ("a", "")},
              "synopsis": {("input", "checkbox"), ("a", "")},
              "article": {("a", "")},
              "lineage": {("div", ""), ("a", "")},  # the picture's scroll box is a stop
              "story": {("div", ""), ("a", "")}}[name]
    assert wanted <= kinds, (name, sorted(kinds))


@pytest.fixture
def phone(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    tab = context.new_page()
    yield tab
    context.close()


def test_screen_readers_hear_edits_sentence_numbers_and_distinct_disclosures(  # type: ignore[no-untyped-def]
        page, site_url: str) -> None:
    page.goto(f"{site_url}/{STORY}/compare/sakshi-post-unattributed-000/")
    row = page.locator("table.px-diff tr", has_text="Nazaroof").first
    spoken = row.aria_snapshot()
    # Deleted and inserted words are announced as such (generated text, hidden on screen).
    assert "[deleted:" in spoken and "[inserted:" in spoken, spoken
    assert "[deleted:" not in row.inner_text()  # ...and never copied with a quotation
    page.goto(f"{site_url}/{STORY}/sakshi-post/")
    # A sentence anchor shows "s1" and is named by what it shows (voice control), described
    # as "sentence 1".
    anchor = page.locator("a.px-sid#s1, span#s1 > a.px-sid").first
    assert page.get_by_role("link", name="s1", exact=True).count() >= 1
    assert page.get_by_role("link", name="sentence 1", exact=True).count() == 0
    assert anchor.get_attribute("title") == "sentence 1" and anchor.inner_text() == "s1"
    page.goto(f"{site_url}/{STORY}/claims/")
    summaries = page.locator("details.px-quote > summary")
    names = [s.get_attribute("aria-label") or "" for s in summaries.all()]
    assert len(names) > 20
    assert set(summaries.all_text_contents()) == {"quote"}
    assert all(n.startswith("quote, ") for n in names), names[:3]  # starts with what it shows
    assert len(set(names)) == len(names), "two quote disclosures share a name"
    # Nothing names a plain span (not announced): symbols carry hidden words instead.
    page.goto(f"{site_url}/{STORY}/synopsis/")
    assert page.locator("span[aria-label]").count() == 0
    absent = page.locator("td.px-syn-absent").first
    assert "not in this outlet" in absent.aria_snapshot()


def test_a_filter_that_matches_nothing_says_so(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY}/claims/")
    status = page.locator(".px-filter-status")
    assert status.get_attribute("aria-live") == "polite"
    # A story no outlet disputes anything of: the rows keep every stance but "disputes".
    page.evaluate("""() => document.querySelectorAll('tr.px-claim-row').forEach(row =>
        row.dataset.stances = row.dataset.stances.replace(/\\bdisputes\\b/g, ''))""")
    page.get_by_label("✘ disputed").check()
    assert page.locator("tr.px-claim-row:visible").count() == 0
    assert status.inner_text().startswith("No claim matches “✘ disputed”: showing 0 of")
    notes = page.locator(".px-filter-empty")
    assert notes.count() == page.locator("table.px-matrix").count()
    for note in notes.all():
        assert note.is_visible() and "No claim in this table matches" in note.inner_text()
    page.get_by_label("all claims").check()
    assert not notes.first.is_visible()
    assert status.inner_text().startswith("Showing ")


def test_unticking_every_outlet_says_so(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY}/synopsis/")
    status = page.locator(".px-synopsis-status")
    assert status.get_attribute("aria-live") == "polite"
    boxes = page.locator("fieldset.px-synopsis-pick input[type=checkbox]")
    assert status.inner_text() == f"Showing {boxes.count()} of {boxes.count()} outlets."
    for box in boxes.all():
        box.uncheck()
    assert not page.locator("table.px-synopsis").is_visible()
    assert status.inner_text().startswith("No outlet is ticked")
    boxes.first.check()
    assert page.locator("table.px-synopsis").is_visible()
    assert status.inner_text() == f"Showing 1 of {boxes.count()} outlets."


@pytest.mark.parametrize("subpage, table", [("claims/", "table.px-matrix"),
                                            ("synopsis/", "table.px-synopsis"),
                                            ("lineage/", "table.px-reuse")])
def test_wide_tables_keep_their_first_column_on_a_phone(  # type: ignore[no-untyped-def]
        phone, site_url: str, subpage: str, table: str) -> None:
    phone.goto(f"{site_url}/{STORY}/{subpage}")
    box = phone.locator(f".px-scroll:has({table})").first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth + 100"), "the table fits: no test"
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    assert box.get_attribute("aria-label")
    first = box.locator("tbody tr").first.locator(":scope > :first-child")
    second = box.locator("tbody tr").first.locator(":scope > :nth-child(2)")
    before_first, before_second = first.bounding_box(), second.bounding_box()
    box.evaluate("b => { b.scrollLeft = 300; }")
    after_first, after_second = first.bounding_box(), second.bounding_box()
    assert before_first and after_first and before_second and after_second
    assert abs(after_first["x"] - before_first["x"]) < 1  # pinned
    assert after_second["x"] < before_second["x"] - 200  # the rest scrolled under it


def test_lineage_picture_is_legible_and_reachable_by_keyboard_on_a_phone(  # type: ignore[no-untyped-def]
        phone, site_url: str) -> None:
    phone.goto(f"{site_url}/{STORY}/lineage/")
    scroll = phone.locator(".px-lin-scroll")
    assert scroll.get_attribute("role") == "region" and scroll.get_attribute("aria-label")
    picture = scroll.locator("svg")
    # Full size (12 px labels), not shrunk to fit: the box scrolls instead.
    width = float(picture.get_attribute("width") or 0)
    box = picture.bounding_box()
    assert box and abs(box["width"] - width) < 1
    scroll.focus()
    assert scroll.evaluate("el => el === document.activeElement")
    for _ in range(40):  # arrow keys scroll the focused box, about 40 px a press
        phone.keyboard.press("ArrowRight")
        if scroll.evaluate("el => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1"):
            break
    else:
        raise AssertionError("the right edge of the picture is out of keyboard reach")


# The first screen of each analysis page shows some of the analysis, not only its title and
# introduction (the detail of how to read it folds into a disclosure).
FIRST_SCREEN = {"claims/": ".px-claim-filter fieldset", "synopsis/": "fieldset.px-synopsis-pick",
                "quotes/": ".px-summary", "discrepancies/": "table",
                "lineage/": ".px-lineage svg",
                "compare/eurasian-times-sakshi-post/": ".px-own-words-note ~ h2",
                "compare/sakshi-post-unattributed-000/": "table.px-diff tbody"}


@pytest.mark.parametrize("subpage", list(FIRST_SCREEN))
def test_the_first_phone_screen_shows_the_analysis(  # type: ignore[no-untyped-def]
        phone, site_url: str, subpage: str) -> None:
    phone.goto(f"{site_url}/{STORY}/{subpage}")
    top = phone.locator(f"article {FIRST_SCREEN[subpage]}").first.bounding_box()
    assert top and top["y"] < VIEWPORTS["phone"]["height"] - 40, top


# axe cannot measure text over a gradient: an uncertain cell's stripes. The darkest stripe
# (the theme's lightest tint over the page) is measured here against every text colour in it.
STRIPE_CONTRAST = """() => {
  // "rgb(r, g, b)", "rgba(r, g, b, a)" or, from color-mix(), "color(srgb r g b / a)" in 0..1
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number);
    const k = s.startsWith('color(') ? 255 : 1;
    return [m[0] * k, m[1] * k, m[2] * k, m.length > 3 ? m[3] : 1]; };
  const over = (top, base) => top.slice(0, 3).map((c, i) => c * top[3] + base[i] * (1 - top[3]));
  const lum = c => {
    const l = c.map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const probe = document.createElement('div');
  probe.style.background = 'var(--md-default-fg-color--lightest)';
  document.querySelector('article').append(probe);
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const stripe = over(rgba(getComputedStyle(probe).backgroundColor), page);
  probe.remove();
  const worst = [];
  for (const cell of document.querySelectorAll('td.px-cell-uncertain')) {
    for (const el of [cell, ...cell.querySelectorAll('*')]) {
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!el.checkVisibility() || el.closest('.px-vh, [aria-hidden=true]')) continue;
      const fg = over(rgba(getComputedStyle(el).color), stripe);
      const [a, b] = [lum(fg), lum(stripe)].sort((x, y) => y - x);
      worst.push([(a + 0.05) / (b + 0.05), el.className || el.tagName]);
    }
  }
  worst.sort((x, y) => x[0] - y[0]);
  return worst.slice(0, 3);
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_text_on_the_stripes_of_uncertain_cells_keeps_its_contrast(  # type: ignore[no-untyped-def]
        browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"], color_scheme=scheme)
    tab = context.new_page()
    try:
        open_page(tab, f"{site_url}/{STORY}/claims/", scheme)
        worst = tab.evaluate(STRIPE_CONTRAST)
    finally:
        context.close()
    assert worst, "no uncertain cell on the seed claims page: nothing measured"
    assert worst[0][0] >= 4.5, worst
