"""Read a saved HTML page: trafilatura's main text, plus what the page says about itself.

trafilatura finds the article body and its metadata. Around it we keep the facts the later
steps need to judge that result: the visible `<h1>` (when the metadata title is not a
headline), the site's own names (to strip "| The Japan Times" from a headline), section
headings and photo captions (to keep them out of the analysed sentences), and the page's own
hints of how long its article is (to notice a stub).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..nlp.text import fold, normalise_whitespace

# Elements whose text a reader never sees, and page furniture around an article.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
_FURNITURE = ("nav", "header", "footer", "aside", "form", "menu")
_FURNITURE_MARKS = ("comment", "sidebar", "related", "teaser", "promo", "widget", "disqus",
                    "newsletter", "footer", "navigation", "recommend")
# A JSON string inside a script that reads as article prose (client-rendered pages keep their
# text there): long, with several sentence ends.
_SCRIPT_STRING = re.compile(r'"((?:[^"\\\n]|\\.){300,})"')
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+[A-Z\"“‘]")
_TAG = re.compile(r"<[^>]{1,200}>")


@dataclass(frozen=True)
class PageFacts:
    """Facts about a saved page beyond its main text, for judging the extraction."""

    encoding: str = "utf-8"
    encoding_source: str = "valid UTF-8"
    metadata_title: str | None = None
    h1: tuple[str, ...] = ()  # visible top-level headlines, in page order
    site_names: tuple[str, ...] = ()  # og:site_name, publisher, application-name, host
    generator: str | None = None  # <meta name="generator">: the CMS, never a headline
    headings: frozenset[str] = frozenset()  # folded section headings of the extracted body
    captions: frozenset[str] = frozenset()  # folded figure captions and photo credits
    structured_body: str | None = None  # schema.org articleBody, when the page gives one
    word_count: int | None = None  # schema.org wordCount
    visible_prose: int = 0  # characters of prose in the largest block of paragraphs a reader sees
    script_prose: int = 0  # characters of prose held only in scripts (client-rendered pages)


def page_facts(tree: Any, document: Any, decoded_encoding: str, source: str) -> PageFacts:
    """Collect `PageFacts` from the parsed page `tree` and trafilatura's `document`."""
    metas = _metas(tree)
    linked = list(_json_ld(tree))
    articles = [item for item in linked if _is_article(item)]
    site_names = _unique([
        metas.get("og:site_name"), metas.get("application-name"),
        metas.get("twitter:site", "").lstrip("@") or None, metas.get("publisher"),
        *(_name(item.get("publisher")) for item in articles),
        *(_name(item) for item in linked if _type_in(item, ("Organization", "NewsMediaOrganization",
                                                             "WebSite"))),
        getattr(document, "sitename", None), getattr(document, "hostname", None),
    ])
    bodies = [item.get("articleBody") for item in articles]
    structured = max((b for b in bodies if isinstance(b, str)), key=len, default=None)
    counts = [_int(item.get("wordCount")) for item in articles]
    return PageFacts(
        encoding=decoded_encoding,
        encoding_source=source,
        metadata_title=getattr(document, "title", None) or None,
        h1=tuple(_unique(normalise_whitespace(h.text_content()) for h in tree.iter("h1"))),
        site_names=tuple(site_names),
        generator=metas.get("generator"),
        headings=frozenset(
            fold(" ".join(head.itertext())) for head in document.body.iter("head")
        ) if document.body is not None else frozenset(),
        captions=frozenset(_captions(tree)),
        structured_body=_strip_tags(structured) if structured else None,
        word_count=max((c for c in counts if c), default=None),
        visible_prose=_visible_prose(tree),
        script_prose=_script_prose(tree),
    )


def _metas(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = normalise_whitespace(meta.get("content") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page, flattening lists and @graph."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _type_in(item: dict[str, Any], names: tuple[str, ...]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k in names for k in kinds)


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and (k.endswith("Article") or k in ("BlogPosting",
                                                                        "LiveBlogPosting"))
               for k in kinds)


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    try:
        return int(str(value).replace(",", "").strip())
    except ValueError:
        return None


def _unique(values: Any) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        if isinstance(value, str) and (text := normalise_whitespace(value)):
            seen.setdefault(fold(text), text)
    return list(seen.values())


def _strip_tags(text: str) -> str:
    """articleBody is plain text by the schema, but some sites put HTML in it."""
    import html

    return html.unescape(_TAG.sub(" ", text)).strip()


def _captions(tree: Any) -> Iterator[str]:
    """Folded texts of figure captions and photo credits anywhere on the page."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        classes = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if element.tag == "figcaption" or "caption" in classes or (
                "credit" in classes and element.tag in ("span", "small", "p", "div", "cite")):
            text = fold(element.text_content())
            if 3 <= len(text) <= 600:
                yield text


def _visible_prose(tree: Any) -> int:
    """Characters of prose in the page's largest block of paragraphs (its article, usually).

    The largest block rather than the whole page: comments, teasers of other articles and
    sidebars are prose too, but not this article's.
    """
    blocks: dict[Any, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None or _in_furniture(paragraph):
            continue
        text = normalise_whitespace(paragraph.text_content())
        if len(text.split()) >= 12:
            blocks[parent] = blocks.get(parent, 0) + len(text)
    return max(blocks.values(), default=0)


def _in_furniture(element: Any) -> bool:
    for ancestor in element.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        if ancestor.tag in _INVISIBLE or ancestor.tag in _FURNITURE:
            return True
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower()
        if any(word in marks for word in _FURNITURE_MARKS):
            return True
    return False


def _script_prose(tree: Any) -> int:
    """Characters of prose held in script strings (JSON state of client-rendered pages)."""
    total = 0
    for script in tree.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind == "application/ld+json":
            continue  # structured data is counted as such
        for match in _SCRIPT_STRING.finditer(script.text or ""):
            text = match.group(1)
            if len(_SENTENCE_END.findall(text)) >= 3 and len(_TAG.findall(text)) * 20 < len(text):
                total += len(text)
    return total
