"""The story overview page: summary, coverage, similarity picture, links, data download."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import Article, Story, StoryAnalysis
from .common import Bar, Link, bar
from .generated_page import GeneratedPage
from .lineage import LineageSection, lineage_section
from .links import PICKER_ANCHOR, StoryLinks
from .pictures import Heatmap, heatmap
from .safe import safe_url
from .templating import Templates


@dataclass(frozen=True)
class CoverageRow:
    article: Article
    link: Link
    url: str | None  # the original, when it is a safe http(s) link
    words: Bar


@dataclass(frozen=True)
class Downloads:
    json: str
    claims_csv: str
    discrepancies_csv: str


@dataclass(frozen=True)
class Picker:
    """The "compare any two" picker: the articles to choose from (id, label), the pair shown
    first, and the export it renders from (None: the site publishes no export, and every pair
    has its page instead)."""

    anchor: str
    articles: list[tuple[str, str]]
    first: tuple[str, str] | None
    data: str | None
    pages: int  # comparison pages this story has
    pairs: int  # pairs it has in all


@dataclass(frozen=True)
class StoryView:
    story: Story
    facts: str  # "2025-05-30 · 5 outlets · 5 articles"
    coverage: list[CoverageRow]
    heatmap: Heatmap
    lineage: LineageSection
    claims: str  # the claim matrix
    pages: list[Link]  # the story's other pages, described
    pairs: list[tuple[Link, Bar]]  # the pairs with a comparison page, most similar first
    picker: Picker
    downloads: Downloads


def story_view(analysis: StoryAnalysis, links: StoryLinks) -> StoryView:
    story = analysis.story
    labels = story.article_labels()
    outlets = {a.outlet.slug for a in story.articles}
    facts = [f"{len(outlets)} outlets", f"{len(story.articles)} articles"]
    if story.date:
        facts.insert(0, story.date)
    most_words = max(a.word_count for a in story.articles)
    articles = list(story.articles)
    score = {(p.a, p.b): p.similarity for p in analysis.pairs}
    score.update({(p.b, p.a): p.similarity for p in analysis.pairs})
    return StoryView(
        story=story,
        facts=" · ".join(facts),
        coverage=[CoverageRow(a, Link(links.article(a.id), labels[a.id]), safe_url(a.url),
                              bar(a.word_count, most_words, str(a.word_count)))
                  for a in story.articles],
        heatmap=heatmap(
            [labels[a.id] for a in articles],
            lambda i, j: None if i == j else score[(articles[i].id, articles[j].id)],
            lambda i, j: links.compare(articles[i].id, articles[j].id),
            "Pairwise similarity of the articles",
        ),
        lineage=lineage_section(analysis),
        claims=links.subpage("claims"),
        pages=[Link(links.subpage(name), label) for name, label in _extra_pages(analysis)],
        pairs=[(Link(links.compare(p.a, p.b), f"{labels[p.a]} vs {labels[p.b]}"),
                bar(p.similarity, 1.0, f"{p.similarity:.2f}"))
               for p in sorted(analysis.pairs, key=lambda p: (-p.similarity, p.a, p.b))
               if links.compared is None or (p.a, p.b) in links.compared],
        picker=_picker(analysis, links, labels),
        downloads=Downloads(links.export_json(), links.export_csv(),
                            links.export_discrepancies_csv()),
    )


def _picker(analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]) -> Picker:
    pairs = len(analysis.pairs)
    paged = pairs if links.compared is None else len(links.compared)
    first = next(((p.a, p.b) for p in sorted(analysis.pairs, key=lambda p: (-p.similarity,
                                                                              p.a, p.b))), None)
    return Picker(PICKER_ANCHOR, [(a.id, labels[a.id]) for a in analysis.story.articles],
                  first, links.export_json() if links.compared is not None else None,
                  paged, pairs)


def render_story(analysis: StoryAnalysis, templates: Templates,
                 compared: frozenset[tuple[str, str]] | None = None) -> GeneratedPage:
    path = ids.story_page(analysis.story.id)
    view = story_view(analysis, StoryLinks(analysis.story.id, path, compared))
    rendered = templates.render("story", page=view)
    return GeneratedPage(path, analysis.story.title, rendered.html, rendered.headings,
                         (("search", {"boost": 3}),))


def _extra_pages(analysis: StoryAnalysis) -> list[tuple[str, str]]:
    """Story sub-pages beyond the claim matrix."""
    pages = [("synopsis", "Synopsis: every outlet's version side by side, passage by passage"),
             ("lineage", "Who copied whom: text reuse between every pair, shared passages and "
                         "credits")]
    groups = len(analysis.quote_groups)
    flagged = sum(1 for g in analysis.quote_groups if any(f.confident for f in g.flags))
    sure = sum(1 for d in analysis.discrepancies if d.confident)
    possible = len(analysis.discrepancies) - sure
    pages += [
        ("quotes", f"Quotes: every quotation and its speaker; {groups} carried by several "
                   f"outlets, {flagged} worded differently or attributed differently"),
        ("discrepancies", f"Discrepancies: {sure} facts the outlets state differently (dates, "
                          f"numbers, names) or leave out"
                          + (f", and {possible} possible, unconfirmed"
                             if possible else "")),
    ]
    return pages
