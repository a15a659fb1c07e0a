"""Jinja2 templates for the generated pages: autoescaped, overridable from the theme's custom_dir.

Each page kind has a template `parallax/<kind>.html` shipped in `templates/`; the shared pieces
(header, headings, diff segments, sentence links, stance cell, bars) are partials under
`parallax/partials/`. A site overrides any of them the way Material's own templates are
overridden: a file of the same name under the theme's `custom_dir` wins
(`overrides/parallax/claims.html`). Python hands each template a small view model; the template
only loops and formats, and autoescaping makes every untrusted string inert.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from ..data.errors import ParallaxError
from .safe import md_text

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
# The site folder the assets are published to, and their order on every page: the helper
# script first, since the page scripts call it.
ASSET_FOLDER = "assets/parallax"
STYLESHEETS = ("parallax.css", "parallax-facts.css", "parallax-reuse.css")
SCRIPTS = ("parallax.js", "parallax-claims.js", "parallax-synopsis.js", "parallax-search.js",
           "parallax-compare.js", "parallax-pagefind.js")


@dataclass(frozen=True)
class Permalink:
    """The anchor link after each heading, as Python-Markdown's `toc: {permalink: …}` draws it."""

    symbol: str = "¶"
    title: str = "Permanent link"
    css_class: str = "headerlink"


@dataclass(frozen=True)
class Heading:
    """A heading a template wrote: the page's table of contents and search sections."""

    level: int
    id: str
    text: str


@dataclass
class _Anchors:
    """Heading ids of one page, made unique the way Python-Markdown's toc makes them, so the
    ids (and every bookmark of them) are the ones a Markdown heading would have had."""

    ids: set[str] = field(default_factory=set)
    headings: list[Heading] = field(default_factory=list)

    def __call__(self, level: int, text: str) -> str:
        anchor = unique(slugify(text, "-"), self.ids)
        self.headings.append(Heading(level, anchor, text))
        return anchor


@dataclass(frozen=True)
class Rendered:
    html: str
    headings: tuple[Heading, ...]


class TemplateProblem(ParallaxError):
    """A template could not be loaded or rendered (a broken override, most likely): the
    message names the template file and line."""


class Templates:
    """The template environment of one build.

    `custom_dir` is looked in first (the theme's `custom_dir`); `permalink` is drawn after each
    heading (None: none); `markdown_headings` writes headings as Markdown lines instead of HTML,
    for pages another builder converts (`parallax pages`), so its own table of contents sees
    them.
    """

    def __init__(
        self,
        custom_dir: str | Path | None = None,
        permalink: Permalink | None = Permalink(),
        markdown_headings: bool = False,
    ) -> None:
        folders = [str(custom_dir)] if custom_dir else []
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES)]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(FILTERS)
        self.env.globals.update(permalink=permalink, markdown_headings=markdown_headings)

    def render(self, name: str, **context: Any) -> Rendered:
        """Render `parallax/<name>.html` with `context`; the headings it wrote come back too."""
        anchors = _Anchors()
        try:
            template = self.env.get_template(f"parallax/{name}.html")
            text = template.render(anchor=anchors, **context)
        except jinja2.TemplateError as error:
            raise TemplateProblem(_describe(error, name)) from None
        return Rendered(text, tuple(anchors.headings))


def _describe(error: jinja2.TemplateError, name: str) -> str:
    where = f"parallax/{name}.html"
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or error.name or where}:{error.lineno}"
    elif isinstance(error, jinja2.TemplateNotFound):
        return f"template {error.name} not found — restore it or remove the override that uses it"
    return (f"{where}: template error: {error.message or error} — fix the template (an override "
            "in the theme's custom_dir?) or remove it to use Parallax's own")


def toc_tokens(headings: tuple[Heading, ...]) -> list[dict[str, Any]]:
    """Headings nested as Python-Markdown's toc extension nests them (MkDocs' `get_toc` input).

    `name` is HTML, as MkDocs and Material expect: the theme writes it into the page unescaped.
    """
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "children": [],
                 "name": html.escape(heading.text, quote=False)}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def permalink_from(markdown_configs: Mapping[str, Any]) -> Permalink | None:
    """The permalink a site's `toc` extension draws after headings (MkDocs' `mdx_configs`)."""
    options = markdown_configs.get("toc") or markdown_configs.get("markdown.extensions.toc") or {}
    value = options.get("permalink")
    if not value:
        return None
    symbol = "¶" if value is True else html.unescape(str(value))
    return Permalink(symbol, str(options.get("permalink_title", "Permanent link")),
                     str(options.get("permalink_class", "headerlink")))


# ------------------------------------------------------------------------------------ filters


def _fixed(value: float, places: int = 2) -> str:
    """`0.4372` → `0.44`."""
    return f"{value:.{places}f}"


def _percent(value: float, spaced: bool = False) -> str:
    """`0.9` → `90%` (or `90 %`, the lineage page's style)."""
    return f"{round(value * 100)} %" if spaced else f"{value:.0%}"


def _markdown_text(text: str) -> Markup:
    """Text for a Markdown heading line (escaped for Markdown, not HTML: Markdown does that)."""
    return Markup(md_text(text))


FILTERS = {"fixed": _fixed, "percent": _percent, "markdown_text": _markdown_text}
