"""One article: metadata, the cleaned text with an anchor on every sentence, its comparisons."""

from __future__ import annotations

from .. import ids
from ..model import Article, StoryAnalysis
from .common import article_labels
from .links import StoryLinks
from .safe import direction, external_link, front_matter, html_text, md_text


def render_article(analysis: StoryAnalysis, article: Article) -> str:
    story = analysis.story
    links = StoryLinks(story.id, ids.article_page(story.id, article.id))
    labels = article_labels(story)
    parts = [
        front_matter(f"{labels[article.id]}: {article.title}", search={"boost": 2}),
        f"# {md_text(article.title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
        _metadata(article, labels[article.id]),
        "## Text\n",
        "Every sentence has an anchor (its number, s1, s2, …) that other pages link to.\n",
        _text(article),
        "## Compare with other outlets\n",
        _comparisons(analysis, article, links, labels),
    ]
    if article.removed:
        parts.append("## Removed when importing\n")
        items = "".join(
            f"<li><strong>{html_text(r.rule)}</strong>: {html_text(r.text)}</li>"
            for r in article.removed
        )
        parts.append(
            f'<details class="px-removed"><summary>{len(article.removed)} pieces of boilerplate '
            f"were dropped from the source text</summary><ul>{items}</ul></details>\n"
        )
    return "\n".join(parts)


def _metadata(article: Article, label: str) -> str:
    outlet = article.outlet
    rows = [
        ("Outlet", html_text(label)),
        ("Country", html_text(outlet.country or "—")),
        ("Date", html_text(article.date or "undated")
         + (f' <span class="px-sub">(from the {html_text(article.date_source)})</span>'
            if article.date_source else "")),
        ("Author", html_text(article.author or "—")),
        ("Credits", html_text(article.credit or "—")),
        ("Words", str(article.word_count)),
        ("Sentences", str(len(article.sentences))),
        ("Original", external_link(article.url, article.url or "") if article.url else "—"),
        ("Source file", f"<code>{html_text(article.source_path)}</code>"),
    ]
    if article.note:  # the curator's remark, e.g. why an undated piece is in the story
        rows.insert(3, ("Note", html_text(article.note)))
    if outlet.notes:
        rows.insert(2, ("About the outlet", html_text(outlet.notes)))
    body = "".join(f"<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="px-article-meta"><tbody>{body}</tbody></table>\n'


def _text(article: Article) -> str:
    paragraphs = []
    for paragraph in article.paragraphs:
        sentences = " ".join(
            f'<span class="px-s" id="{s.id}"><a class="px-sid" href="#{s.id}" '
            f'aria-label="sentence {s.id[1:]}">{s.id}</a> <span dir="auto">{html_text(s.text)}'
            "</span></span>"
            for s in paragraph
        )
        paragraphs.append(f'<p dir="auto">{sentences}</p>')
    return f'<div class="px-article"{direction(article.language)}>{"".join(paragraphs)}</div>\n'


def _comparisons(
    analysis: StoryAnalysis, article: Article, links: StoryLinks, labels: dict[str, str]
) -> str:
    items = []
    for pair in sorted(analysis.pairs, key=lambda p: (-p.similarity, p.a, p.b)):
        if article.id not in (pair.a, pair.b):
            continue
        other = pair.b if pair.a == article.id else pair.a
        items.append(
            f'<li><a href="{html_text(links.compare(pair.a, pair.b))}">'
            f"{html_text(labels[article.id])} vs {html_text(labels[other])}</a>"
            f' <span class="px-num">similarity {pair.similarity:.2f}</span></li>'
        )
    if not items:
        return "<p>This is the only article of the story.</p>\n"
    return f'<ul class="px-pairs">{"".join(items)}</ul>\n'
