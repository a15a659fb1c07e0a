"""Material's floor: the pages of a built Parallax site as plain Markdown, for a plain MkDocs build.

For every page Parallax generated (and the home page, which lists the stories), the visible text
of the page's content, in reading order, becomes a Markdown page at the same path: headings stay
headings, every other block of text (a paragraph, a table cell, a list item, a label in a
picture) becomes a paragraph. The hand-written pages are copied as they are. The floor's
`mkdocs.yml` is the site's own without the parallax plugin, and every generated page stays out
of the nav, as ours do. What MkDocs and Material need to publish that much text is the floor
no generated site of this size can go below.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from lxml import html

# Elements whose text starts a new block of text.
_BLOCKS = frozenset(
    "p div li td th tr h1 h2 h3 h4 h5 h6 table ul ol section details summary figure "
    "figcaption dt dd pre blockquote header footer nav caption text title label option "
    "button".split())
_HEADING = "\u2063\u2063"  # invisible separators: a heading marker no page text holds
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def page_markdown(page: Path) -> str:
    """The visible text of a built page's content as Markdown (title in the front matter)."""
    tree = html.fromstring(page.read_bytes())
    article = tree.find(".//article")
    if article is None:
        raise ValueError(f"{page}: no <article> element")
    for hidden in article.xpath(".//script | .//style | .//noscript | .//template"
                                " | .//*[contains(@class, 'headerlink')]"):
        hidden.drop_tree()
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.split("}")[-1].lower()
        if tag in _BLOCKS or tag == "br":
            element.tail = "\n" + (element.tail or "")
            marker = f"{_HEADING}{tag[1]}" if re.fullmatch(r"h[1-6]", tag) else ""
            element.text = "\n" + marker + (element.text or "")
    lines = []
    for raw in article.text_content().split("\n"):
        line = " ".join(raw.split())
        if line.startswith(_HEADING):
            rest = line[len(_HEADING):]
            level, text = int(rest[0]), rest[1:].strip()
            lines.append(f"{'#' * level} {_escape(text)}")
        elif line:
            lines.append(_escape(line))
    title_element = tree.find(".//title")
    title = (title_element.text or "") if title_element is not None else ""
    title = title.rsplit(" - ", 1)[0]
    front = yaml.safe_dump({"title": title}, allow_unicode=True, width=10**6)
    return f"---\n{front}---\n\n" + "\n\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def make_floor(built_site: Path, source: Path, target: Path) -> int:
    """Write the floor project into `target` from our built site and our project `source`;
    return the number of generated pages it holds."""
    docs = target / "site_src"
    shutil.copytree(source / "site_src", docs)
    pages = [built_site / "index.html", *sorted((built_site / "stories").rglob("index.html"))]
    for page in pages:
        relative = page.relative_to(built_site).parent
        out = docs / relative / "index.md" if relative.parts else docs / "index.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page_markdown(page), encoding="utf-8")
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"]
                         if not (isinstance(p, dict) and "parallax" in p) and p != "parallax"]
    config["not_in_nav"] = "/stories/"
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                       encoding="utf-8")
    return len(pages) - 1
