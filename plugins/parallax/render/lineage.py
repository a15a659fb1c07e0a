"""Who copied whom: the story-page section and the story's lineage page.

The section is the picture plus the lineage in words; the page adds, for every pair, the
figures behind its label, the shared passages themselves, and every credit found in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import REUSE_LABELS, Lineage, PairReuse, StoryAnalysis
from .common import Bar, Header, Link, SentenceRef, bar, header, sentence_refs
from .generated_page import OUT_OF_SEARCH, GeneratedPage
from .lineage_svg import LineagePicture, lineage_picture
from .links import StoryLinks
from .safe import Direction, direction
from .templating import Templates
from .wording import family_note, lineage_picture_words, lineage_sentences

LABEL_SYMBOLS = {  # so the label reads without colour, also in a table
    "verbatim copy": "⧉",
    "rewrite of shared source": "≈",
    "shares quotes only": "❝",
    "independent": "○",
}


@dataclass(frozen=True)
class LineageSection:
    """The "Who copied whom" section of the story overview page."""

    picture: LineagePicture
    sentences: tuple[str, ...]
    details: str  # the lineage page
    synopsis: str


@dataclass(frozen=True)
class PairRow:
    link: Link
    symbol: str
    label: str
    note: str | None
    words: tuple[tuple[Bar, str], tuple[Bar, str]]  # (bar, article label) for a, then b
    sentences: tuple[tuple[Bar, str], tuple[Bar, str]]
    passages: int


@dataclass(frozen=True)
class PassageSide:
    refs: list[SentenceRef]
    text: str
    label: str
    direction: Direction


@dataclass(frozen=True)
class PassageView:
    notes: str
    a: PassageSide
    b: PassageSide


@dataclass(frozen=True)
class CreditRow:
    article: str
    kind: str
    source: str
    text: str
    where: Link | None  # the sentence, or None for front matter


@dataclass(frozen=True)
class LineagePage:
    header: Header
    section: LineageSection
    pairs: list[PairRow]
    passages: list[tuple[str, list[PassageView]]]  # (heading, passages) per pair with any
    credits: list[CreditRow]


def lineage_section(analysis: StoryAnalysis) -> LineageSection:
    story = analysis.story
    links = StoryLinks(story.id, ids.story_page(story.id))
    return LineageSection(_picture(analysis, analysis.lineage),
                          lineage_sentences(analysis.lineage, story),
                          links.subpage("lineage"), links.subpage("synopsis"))


def render_lineage(analysis: StoryAnalysis, templates: Templates,
                   compared: frozenset[tuple[str, str]] | None = None) -> GeneratedPage:
    """The lineage page of one story (`compared`: the pairs with a comparison page)."""
    story = analysis.story
    path = ids.story_subpage(story.id, "lineage")
    links = StoryLinks(story.id, path, compared)
    labels = story.article_labels()
    title = f"Who copied whom: {story.title}"
    view = LineagePage(
        header=header(title, story, links),
        section=lineage_section(analysis),
        pairs=_pair_rows(analysis, links, labels),
        passages=[(f"{labels[p.a]} and {labels[p.b]}", _passages(analysis, p, links, labels))
                  for p in _by_share(analysis.reuse) if p.passages],
        credits=_credits(analysis, links, labels),
    )
    rendered = templates.render("lineage", page=view)
    # Room for the pair table; the table of contents stays.
    return GeneratedPage(path, title, rendered.html, rendered.headings,
                         (OUT_OF_SEARCH, ("hide", ["navigation"])))


def _picture(analysis: StoryAnalysis, lineage: Lineage) -> LineagePicture:
    return lineage_picture(lineage, f"Lineage of the articles: {analysis.story.title}",
                           _order(analysis, lineage),
                           lineage_picture_words(lineage, analysis.story))


def _order(analysis: StoryAnalysis, lineage: Lineage) -> list[str]:
    """Articles left to right: families (earliest witness first), linked ones, then the rest."""
    order: list[str] = []
    for family in lineage.families:
        first = [family.earliest, *family.credited, *family.members]
        order += [m for m in dict.fromkeys(first) if m not in order]
    linked = [x for e in lineage.edges if e.kind == "reuse" for x in (e.source, e.target)]
    order += [a for a in dict.fromkeys(linked) if a not in order]
    order += [a.id for a in analysis.story.articles if a.id not in order]
    return order


def _pair_rows(
    analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]
) -> list[PairRow]:
    ties = {(t.a, t.b): t for t in analysis.lineage.ties}
    rows = []
    for pair in _by_share(analysis.reuse):
        a, b = labels[pair.a], labels[pair.b]
        rows.append(PairRow(
            link=Link(links.compare(pair.a, pair.b), f"{a} vs {b}"),
            symbol=LABEL_SYMBOLS[pair.label],
            label=pair.label,
            note=family_note(ties[(pair.a, pair.b)]) if (pair.a, pair.b) in ties else None,
            words=((_share(pair.words_a_in_b), a), (_share(pair.words_b_in_a), b)),
            sentences=((_share(pair.sentences_a_in_b), a), (_share(pair.sentences_b_in_a), b)),
            passages=sum(1 for p in pair.passages if not p.boilerplate),
        ))
    return rows


def _share(value: float) -> Bar:
    return bar(value, 1.0, f"{round(value * 100)} %")


def _passages(
    analysis: StoryAnalysis, pair: PairReuse, links: StoryLinks, labels: dict[str, str]
) -> list[PassageView]:
    story = analysis.story
    a, b = story.article(pair.a), story.article(pair.b)
    views = []
    for passage in pair.passages:
        notes = [f"{passage.words} words matched", f"{round(passage.identity * 100)} % identical"]
        if passage.quoted >= 0.5:
            notes.append("a quotation")
        if passage.boilerplate:
            notes.append("a notice, not counted as reuse")
        views.append(PassageView(
            " · ".join(notes),
            PassageSide(sentence_refs(links, a, passage.a), passage.a_text, labels[a.id],
                        direction(a.language)),
            PassageSide(sentence_refs(links, b, passage.b), passage.b_text, labels[b.id],
                        direction(b.language)),
        ))
    return views


def _credits(
    analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]
) -> list[CreditRow]:
    return [
        CreditRow(labels[credit.article], credit.kind, credit.source, credit.text,
                  Link(links.article(credit.article, credit.sentence), credit.sentence)
                  if credit.sentence else None)
        for credit in analysis.lineage.credits
    ]


def _by_share(reuse: tuple[PairReuse, ...]) -> list[PairReuse]:
    """Strongest reuse first: by label, then by shared sentences and words (then by ids)."""
    return sorted(reuse, key=lambda p: (REUSE_LABELS.index(p.label),
                                        -(p.sentences_a_in_b + p.sentences_b_in_a
                                          + p.words_a_in_b + p.words_b_in_a), p.a, p.b))
