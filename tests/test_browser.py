"""What a reader sees, in Debian's chromium driven by Playwright."""

from __future__ import annotations

import re

import pytest

from .conftest import SEED_STORY

pytestmark = pytest.mark.browser
STORY = f"stories/{SEED_STORY}"


def test_diff_page_shows_two_aligned_columns(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY}/compare/sakshi-post-unattributed-000/")
    headers = page.locator("table.px-diff thead th").all_inner_texts()
    assert headers == ["Change", "A: Sakshi Post", "B: Unattributed outlet (seed 000)"]
    row = page.locator("table.px-diff tr", has_text="Nazaroof").first
    left, right = row.locator("td.px-a"), row.locator("td.px-b")
    assert "Denis Nazaroof held in Islamabad on May 13" in left.inner_text()
    assert "on May 13 at Islamabad" in right.inner_text()
    box_left, box_right = left.bounding_box(), right.bounding_box()
    assert box_left and box_right
    assert box_left["x"] + box_left["width"] <= box_right["x"] + 1  # side by side
    assert abs(box_left["y"] - box_right["y"]) < 1  # same row, same top
    assert abs(box_left["width"] - box_right["width"]) < 2  # two equal columns
    # changes are marked in the text itself, not by colour alone
    assert row.locator("del").count() + row.locator("ins").count() > 0
    assert row.locator("td.px-op").inner_text().startswith(("changed", "rewritten"))


def test_matrix_link_lands_on_the_evidence_sentence(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY}/claims/")
    link = page.locator("a.px-evidence").first
    href = link.get_attribute("href")
    assert href and re.fullmatch(r"\.\./[a-z0-9-]+/#s\d+", href)
    # The sentence as the page quotes it (once: evidence links carry no copy of it).
    quoted = page.locator(f"details.px-quote blockquote:has(a[href='{href}'])").first
    expected = (quoted.text_content() or "").split(" ", 1)[1].strip()
    link.click()
    page.wait_for_url(re.compile(r".*#s\d+$"))
    sentence_id = page.url.rsplit("#", 1)[1]
    target = page.locator(f"span.px-s#{sentence_id}")
    assert target.evaluate("el => el.matches(':target')")
    assert target.is_visible()
    assert expected and expected in target.inner_text()
    box = target.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]


def test_search_finds_nazaroof(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")  # the search worker loads its index
    page.locator("input.md-search__input").click()
    page.keyboard.type("Nazaroof", delay=40)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]
    assert any(f"{STORY}/sakshi-post/" in h for h in hrefs), hrefs
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert "Nazaroof" in page.locator("article").inner_text()


def test_a_search_result_lands_on_the_sentence_that_matched(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Haroon Akhtar", delay=40)
    # The result for the article's text (Material also lists the page itself, above it).
    link = page.locator(f".md-search-result__link[href*='{STORY}/sakshi-post/?h=']"
                        "[href$='#text']").first
    link.wait_for(timeout=15_000)
    link.click()
    page.wait_for_url(re.compile(r".*/sakshi-post/.*#s\d+$"))
    sentence_id = page.url.rsplit("#", 1)[1]
    target = page.locator(f"span.px-s#{sentence_id}")
    assert target.evaluate("el => el.matches(':target')")
    assert "Haroon Akhtar Khan" in target.inner_text()
    box = target.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]



def test_story_heatmap_links_to_comparisons(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY}/")
    cell = page.locator("table.px-heatmap td.px-heat a").first
    value = float(cell.inner_text())
    assert 0 <= value <= 1
    cell.click()
    page.wait_for_url(re.compile(r".*/compare/[a-z0-9-]+/$"))
    # The first cell is the older EurAsian Times piece against Sakshi Post: independent
    # accounts, so the page says so on top and strikes nothing through.
    assert page.locator(".px-own-words-note").is_visible()
    assert "Independent accounts." in page.locator(".px-own-words-note").inner_text()
    assert page.locator("del, ins").count() == 0
    page.goto(f"{site_url}/{STORY}/compare/sakshi-post-unattributed-000/")
    assert page.locator("table.px-diff").is_visible()  # a rewrite: the word-level edits


def test_compare_any_two_draws_a_pair_without_a_page_by_keyboard(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """The EurAsian Times and seed 004 are not each other's nearest: no page of their own, so
    the story page's picker draws them from the export, with native labelled selects."""
    assert page.request.get(
        f"{site_url}/{STORY}/compare/eurasian-times-unattributed-004/").status == 404
    page.goto(f"{site_url}/{STORY}/")
    first, second = page.get_by_label("First article"), page.get_by_label("Second article")
    first.select_option(label="The EurAsian Times")
    second.select_option(label="Unattributed outlet (seed 004)")
    second.focus()
    page.keyboard.press("Tab")  # to the Compare button
    assert page.evaluate("document.activeElement.textContent") == "Compare"
    page.keyboard.press("Enter")
    table = page.locator(".px-picker-result table.px-diff")
    table.wait_for(timeout=15_000)
    assert table.locator("thead th").all_inner_texts() == [
        "Change", "A: The EurAsian Times", "B: Unattributed outlet (seed 004)"]
    export = page.request.get(f"{site_url}/export/{SEED_STORY}.json").json()
    (pair,) = [p for p in export["pairs"]
               if {p["a"], p["b"]} == {"eurasian-times", "unattributed-004"}]
    assert table.locator("tbody tr").count() == len(pair["rows"])
    assert "rows" in page.locator(".px-picker-status").inner_text()
    # Each sentence links to its anchor on the article's page.
    href = table.locator("a.px-evidence").first.get_attribute("href")
    assert href and re.fullmatch(r"(eurasian-times|unattributed-004)/#s\d+", href)
    # The other way round: B's sentences now in column A, inserts become deletions.
    first.select_option(label="Unattributed outlet (seed 004)")
    second.select_option(label="The EurAsian Times")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_function("document.querySelector('.px-picker-result thead th:nth-child(2)')"
                           ".textContent.includes('seed 004')")
    assert table.locator("tbody tr.px-insert").count() == sum(
        1 for r in pair["rows"] if r["op"] == "delete")


def test_a_link_to_a_pair_without_a_page_opens_it_in_the_picker(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{STORY}/")
    link = page.locator("table.px-heatmap a[href*='#compare-any-two']").first
    link.click()
    page.wait_for_url(re.compile(r".*\?a=[a-z0-9-]+&b=[a-z0-9-]+#compare-any-two$"))
    page.locator(".px-picker-result table.px-diff").wait_for(timeout=15_000)
    query = dict(part.split("=") for part in page.url.split("?")[1].split("#")[0].split("&"))
    assert page.locator("#px-pick-a").input_value() == query["a"]
    assert page.locator("#px-pick-b").input_value() == query["b"]


def test_a_seed_page_is_light_and_renders_fast(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    """The story page's transfer size and time to first render, measured (printed for the
    README); bytes are asserted, the time only recorded (these machines are noisy)."""
    page.goto(f"{site_url}/{STORY}/")
    page.wait_for_load_state("load")
    figures = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const resources = performance.getEntriesByType('resource');
        return {html: nav.encodedBodySize,
                total: nav.encodedBodySize + resources.reduce((s, r) => s + r.encodedBodySize, 0),
                export: resources.filter(r => r.name.includes('/export/')).length,
                fcp: paint ? paint.startTime : null};
    }""")
    print(f"story page: {figures['html'] / 1024:.0f} KB of HTML, {figures['total'] / 1024:.0f}"
          f" KB with its assets, first contentful paint {figures['fcp']:.0f} ms")
    assert figures["export"] == 0, "the export is fetched only when a reader asks for a pair"
    assert figures["html"] < 120 * 1024
    assert figures["fcp"] is not None


STORY_PAGES = ["", "claims/", "synopsis/", "lineage/", "quotes/", "discrepancies/",
               "sakshi-post/", "compare/sakshi-post-unattributed-000/",
               "compare/unattributed-000-unattributed-001/"]


@pytest.mark.parametrize("subpage", STORY_PAGES)
def test_story_pages_fit_a_phone_screen(browser, site_url: str, subpage: str) -> None:  # type: ignore[no-untyped-def]
    # Wide tables and pictures scroll inside their own box; the page itself never scrolls
    # sideways on a phone (Material wraps only unclassed tables, ours carry classes).
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        phone.goto(f"{site_url}/{STORY}/{subpage}")
        phone.wait_for_load_state("load")
        phone.evaluate("window.scrollTo(10000, 0)")
        assert phone.evaluate("window.scrollX") == 0
    finally:
        phone.close()
