"""Which search a site gets: Material's (one index, loaded whole before the first result) or
Pagefind's (a chunked index; a query fetches only the chunks it needs).

Measured by `bench/search_size.py` in headless chromium (README, "Search that stays small"),
first result locally / on a throttled phone: at 80 articles Material 1.28 s / 5.89 s, Pagefind
0.84 s / 5.03 s (about even on the phone); at 200 articles 1.70 s / 10.1 s against 1.03 s /
5.14 s; at 400, 2.8 s / 19.8 s against 1.2 s / 5.4 s; at 2,000, 4.9 s / 69.5 s against
1.0 s / 5.2 s. Pagefind's query stays about 200 KB while Material's index grows with the
corpus. At the seed's five articles both answer at once, and Material's search box needs no
extra page. So `auto` switches to Pagefind from `PAGEFIND_FROM` articles, where it already
halves the phone's wait.
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
