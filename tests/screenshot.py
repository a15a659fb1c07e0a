"""Take the README's screenshots from a built site: `make screenshots` (after `make site`)."""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM, ROOT, SEED_STORY, serve

OUT = ROOT / "site_src" / "assets" / "screenshots"
SHOTS = {
    "compare.png": f"stories/{SEED_STORY}/compare/sakshi-post-unattributed-000/",
    "story.png": f"stories/{SEED_STORY}/",
    "claims.png": f"stories/{SEED_STORY}/claims/",
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
        for name, path in SHOTS.items():
            page.goto(f"{url}/{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(OUT / name))
            print(f"wrote {(OUT / name).relative_to(ROOT)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
