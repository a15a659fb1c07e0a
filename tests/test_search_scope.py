"""Search holds each article once: derived pages (comparison, synopsis, lineage, quotes) are out
of Material's index, and so are help text and navigation that every page repeats."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import SEED_STORY

STORY = f"stories/{SEED_STORY}"


def test_search_holds_each_article_once_and_no_derived_page(built_site: Path) -> None:
    """Comparison, synopsis, lineage and quotes pages repeat article text: out of search. A
    sentence of the seed story is in the index once per article that has it, no more."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert f"{STORY}/sakshi-post/" in pages and f"{STORY}/" in pages
    assert f"{STORY}/claims/" in pages
    derived = [p for p in pages if re.search(r"/(compare/|synopsis/|lineage/|quotes/)", p)]
    assert derived == []
    sentence = "Moscow's representative Denis Nazaroof held in Islamabad on May 13"
    holders = {doc["location"].split("#")[0] for doc in index["docs"]
               if sentence in doc["text"]}
    assert holders == {f"{STORY}/sakshi-post/"}
    for doc in index["docs"]:  # help text and navigation are not what a reader searches for
        assert "Every sentence has an anchor" not in doc["text"]
        assert "Each row is a claim" not in doc["text"]
