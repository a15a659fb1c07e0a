"""`.html` / `.htm`: decode as the page declares, parse, extract the main text with trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..data.errors import ImportRefused
from .encoding import decode_html
from .readers import RawArticle
from .saved_page import page_facts


def read_html(data: bytes, path: Path) -> RawArticle:
    """The article of a saved page: main text and metadata, plus the page's own facts."""
    from lxml.html import HTMLParser, fromstring

    decoded = decode_html(data)
    # huge_tree lifts libxml2's nesting limit (256 levels): pages built from deeply nested
    # layout blocks still hold an article, and without it the parse silently stops short.
    parser = HTMLParser(huge_tree=True, collect_ids=False, default_doctype=False,
                        remove_comments=True, remove_pis=True)
    try:
        tree = fromstring(_without_xml_declaration(decoded.text) or "<html></html>",
                          parser=parser)
    except (ValueError, TypeError) as error:  # lxml refuses some inputs outright
        raise ImportRefused(f"{path}: not readable as HTML ({error}) — save the article page "
                            "itself, or paste its text into a .txt file") from None

    # trafilatura's own parse first (it repairs some broken markup); our huge-tree parse when
    # that finds nothing, as on pages nested deeper than libxml2's default limit.
    document = _extract(decoded.text)
    if not _found(document):
        document = _extract(tree)
    if not _found(document) and _max_depth(tree) >= _DEPTH_LIMIT:
        # Deeper than even the huge-tree parse goes (libxml2 stops at 2048 levels): the
        # layout wrappers carry no text of their own, so drop them and read what is left.
        flat = _LAYOUT_TAGS.sub(" ", decoded.text)
        tree = fromstring(_without_xml_declaration(flat) or "<html></html>", parser=parser)
        document = _extract(tree)
    if document is None or isinstance(document, dict):
        raise ImportRefused(f"{path}: no article text found in the HTML — save the article page "
                            "itself, or paste its text into a .txt file")
    body = document.text or ""
    return RawArticle(
        title=document.title or None,
        paragraphs=[p.strip() for p in body.split("\n") if p.strip()],
        date=document.date or None,
        url=document.url or None,
        author=document.author or None,
        page=page_facts(tree, document, decoded.encoding, decoded.source),
    )


_DEPTH_LIMIT = 2000
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|font|center)\b[^>]*>", re.IGNORECASE)


def _found(document: Any) -> bool:
    return document is not None and not isinstance(document, dict) and bool(document.text)


def _max_depth(tree: Any) -> int:
    """How deep the parsed page goes (0 for an empty parse)."""
    deepest = 0
    for element in tree.iter():
        if len(element) == 0:  # only leaves can be deepest
            deepest = max(deepest, sum(1 for _ in element.iterancestors()))
    return deepest


def _extract(source: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        source, include_comments=False, include_tables=False, with_metadata=True,
        # Only dates the page states in its markup or URL: the "extensive" search falls back
        # to a copyright year and would date a menu page 1 January.
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": dt.date.today().isoformat()},
    )


def _without_xml_declaration(text: str) -> str:
    # lxml refuses str input that still carries `<?xml … encoding=…?>`: it is decoded already.
    stripped = text.lstrip()
    if stripped.startswith("<?xml"):
        end = stripped.find("?>")
        return stripped[end + 2:] if end >= 0 else stripped
    return text
