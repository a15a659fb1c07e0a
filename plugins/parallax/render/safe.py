"""Escaping for untrusted text on its way into Markdown, HTML, titles and links.

Article text, titles, outlet names and claim text are all untrusted. Two traps of this stack
shape the rules: MkDocs + Material insert `page.meta.title` into `<title>` unescaped, and
Python-Markdown turns ``[x](javascript:…)`` into a live link (and attr_list turns ``{: …}`` into
attributes). So every field is escaped for the exact place it lands, and only http(s) URLs
ever become links.
"""

from __future__ import annotations

import html
import json
import re

from ..text import normalise_whitespace

# Python-Markdown's backslash-escapable characters (plus `|` from the tables extension): exactly
# these, because a backslash before any other character stays visible. `<`, `>` and `&` become
# entities instead, so no raw HTML can start. mkdocs.yml enables no extension with other syntax.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def html_text(text: str) -> str:
    """Text for an HTML element body or attribute value."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text for a Markdown context (heading, table cell, paragraph): inert, shown verbatim."""
    escaped = html.escape(normalise_whitespace(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


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


def external_link(url: str | None, label: str) -> str:
    """An outbound HTML link for a safe URL, or the escaped label alone."""
    safe = safe_url(url)
    if safe is None:
        return html_text(label)
    return (f'<a href="{html_text(safe)}" rel="nofollow noopener" target="_blank">'
            f"{html_text(label)}</a>")


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter for a generated page. JSON strings are valid YAML scalars."""
    lines = ["---", f"title: {json.dumps(title_text(title), ensure_ascii=False)}"]
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
