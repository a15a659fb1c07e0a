"""One article: metadata, the cleaned text with an anchor on every sentence, its comparisons."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import Article, StoryAnalysis
from .common import Link
from .generated_page import GeneratedPage
from .links import StoryLinks
from .safe import Direction, direction, safe_url
from .templating import Templates


@dataclass(frozen=True)
class SentenceView:
    id: str
    number: str
    text: str


@dataclass(frozen=True)
class ArticleView:
    article: Article
    label: str
    story: Link
    url: str | None  # the original, when it is a safe http(s) link
    direction: Direction
    paragraphs: list[list[SentenceView]]
    comparisons: list[tuple[Link, float]]


def article_view(analysis: StoryAnalysis, article: Article, links: StoryLinks) -> ArticleView:
    labels = analysis.story.article_labels()
    comparisons = []
    for pair in sorted(analysis.pairs, key=lambda p: (-p.similarity, p.a, p.b)):
        if article.id in (pair.a, pair.b):
            other = pair.b if pair.a == article.id else pair.a
            link = Link(links.compare(pair.a, pair.b), f"{labels[article.id]} vs {labels[other]}")
            comparisons.append((link, pair.similarity))
    return ArticleView(
        article=article,
        label=labels[article.id],
        story=Link(links.story_home(), analysis.story.title),
        url=safe_url(article.url),
        direction=direction(article.language),
        paragraphs=[[SentenceView(s.id, s.id[1:], s.text) for s in paragraph]
                    for paragraph in article.paragraphs],
        comparisons=comparisons,
    )


def render_article(
    analysis: StoryAnalysis, article: Article, templates: Templates,
    compared: frozenset[tuple[str, str]] | None = None,
) -> GeneratedPage:
    path = ids.article_page(analysis.story.id, article.id)
    view = article_view(analysis, article, StoryLinks(analysis.story.id, path, compared))
    rendered = templates.render("article", page=view)
    return GeneratedPage(path, f"{view.label}: {article.title}", rendered.html,
                         rendered.headings, (("search", {"boost": 2}),))
