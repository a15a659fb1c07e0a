"""Which search a site gets: Material's (one index, loaded whole before the first result) or
Pagefind's (a chunked index; a query fetches only the chunks it needs).

Measured by `bench/search_size.py` in headless chromium (README, "Search that stays small"):
at 400 articles (50 stories x 8) Material's index is 2.5 MB and its first result takes 2.8 s
locally and 19.8 s on a throttled phone, against Pagefind's 1.2 s and 5.4 s (211 KB per
query); at 2,000 articles, 4.9 s and 69.5 s against 1.0 s and 5.2 s. At the seed's five
articles both answer at once, and Material's search box needs no extra page. So `auto`
switches to Pagefind from `PAGEFIND_FROM` articles, where the figures already favour it.
"""

from __future__ import annotations

from typing import Literal

Engine = Literal["material", "pagefind"]
ENGINE_SETTINGS = ("auto", "material", "pagefind")
PAGEFIND_FROM = 200


def choose_engine(setting: str, articles: int, pagefind_from: int = PAGEFIND_FROM) -> Engine:
    """The engine for a site of `articles` articles under the `search_engine` setting."""
    if setting == "material":
        return "material"
    if setting == "pagefind":
        return "pagefind"
    return "pagefind" if articles >= pagefind_from else "material"
