"""Take the README's screenshots from a built site: `make screenshots` (after `make site`)."""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM, ROOT, SEED_STORY, serve

OUT = ROOT / "site_src" / "assets" / "screenshots"
# name: (page, element to frame or None for the top of the page)
SHOTS = {
    "compare.png": (f"stories/{SEED_STORY}/compare/sakshi-post-unattributed-000/", None),
    "story.png": (f"stories/{SEED_STORY}/", None),
    "claims.png": (f"stories/{SEED_STORY}/claims/", "table.px-matrix"),
    "synopsis.png": (f"stories/{SEED_STORY}/synopsis/", None),
}


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("no site/ yet: run `make site` first", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 820})
        for name, (path, selector) in SHOTS.items():
            page.goto(f"{url}/{path}")
            page.wait_for_load_state("networkidle")
            if selector:
                box = page.locator(selector).first.bounding_box()
                assert box, selector
                clip = {"x": box["x"], "y": box["y"], "width": box["width"],
                        "height": min(box["height"], 900)}
                page.screenshot(path=str(OUT / name), full_page=True, clip=clip)
            else:
                page.screenshot(path=str(OUT / name))
            print(f"wrote {(OUT / name).relative_to(ROOT)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
