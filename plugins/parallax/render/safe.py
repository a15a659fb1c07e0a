"""Untrusted text on its way into titles, Markdown headings and links.

Article text, titles, outlet names and claim text are all untrusted. Page bodies are escaped by
the templates' autoescaping; what reaches a page another way is handled here. Two traps of this
stack shape the rules: MkDocs + Material insert `page.meta.title` into `<title>` unescaped, so
a title is entity-escaped in the front matter; and Python-Markdown turns ``[x](javascript:…)``
into a live link (and attr_list turns ``{: …}`` into attributes), so a heading written as
Markdown for another builder (`parallax pages`) is escaped for Markdown. Only http(s) URLs ever
become links.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from ..nlp.text import normalise_whitespace

# Python-Markdown's backslash-escapable characters (plus `|` from the tables extension): exactly
# these, because a backslash before any other character stays visible. `<`, `>` and `&` become
# entities instead, so no raw HTML can start. mkdocs.yml enables no extension with other syntax.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_text(text: str) -> str:
    """Text for a Markdown context (heading, table cell, paragraph): inert, shown verbatim."""
    escaped = html.escape(normalise_whitespace(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


# Languages written right to left (ISO 639 codes): Arabic-script, Hebrew, Syriac, Thaana, N'Ko.
RTL_LANGUAGES = frozenset(
    "ar arc arz ckb dv fa he iw ks ku-arab nqo pa-arab ps sd syr ug ur yi".split())
_RTL_SCRIPTS = ("-arab", "-hebr", "-syrc", "-thaa", "-nkoo")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Direction:
    """`lang` and `dir` of an element holding an article's text (the template writes them)."""

    lang: str | None
    dir: str


def direction(language: str | None = None) -> Direction:
    """The text direction of an article's text.

    An article whose `language` is written right to left (ur, ar, fa, he…) is laid out right to
    left; any other text gets `dir="auto"`, so the browser takes the direction from the text
    itself (an Urdu sentence quoted in an English article, or an article with no `language`).
    A `language` that is not a language tag is ignored.
    """
    tag = (language or "").strip()
    if not _LANGUAGE_TAG.match(tag):
        return Direction(None, "auto")
    lowered = tag.lower()
    rtl = (lowered.split("-")[0] in RTL_LANGUAGES or lowered in RTL_LANGUAGES
           or any(script in lowered for script in _RTL_SCRIPTS))
    return Direction(tag, "rtl" if rtl else "auto")


def title_text(text: str) -> str:
    """A page title for front matter: one line, entity-escaped (it reaches `<title>` raw)."""
    return html.escape(normalise_whitespace(text), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) link, else None (never `javascript:` and friends)."""
    if not url:
        return None
    candidate = url.strip()
    if re.match(r"^https?://[^\s<>\"']+$", candidate, re.IGNORECASE):
        return candidate
    return None


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter for a generated page. JSON strings are valid YAML scalars."""
    lines = ["---", f"title: {json.dumps(title_text(title), ensure_ascii=False)}"]
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
