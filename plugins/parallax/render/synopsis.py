"""The synopsis page: one column per outlet, one row per aligned passage.

Without JavaScript every column shows; with it, checkboxes above the table hide and show
outlets (assets/parallax-synopsis.js). Word differences are marked against the row's most
common wording (◆), and each state is also written in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import Article, Story, StoryAnalysis, Synopsis, SynopsisCell, SynopsisRow
from .common import (
    Header,
    Link,
    Piece,
    SentenceRef,
    diff_pieces,
    header,
    plain,
    sentence_refs,
)
from .generated_page import OUT_OF_SEARCH, GeneratedPage
from .links import StoryLinks
from .safe import Direction, direction
from .templating import Templates
from .wording import synopsis_base_reason


@dataclass(frozen=True)
class Moved:
    """A moved sentence: which, and where the outlet's own text around it sits."""

    sentences: str
    relation: str | None  # "after" | "before" its neighbour; None: the article's only sentence
    neighbour: str | None
    row: Link | None


@dataclass(frozen=True)
class CellView:
    refs: list[SentenceRef]
    direction: Direction
    pieces: list[Piece]
    common: bool  # the row's most shared wording
    reworded: bool  # too different for a word-by-word comparison
    moved: Moved | None


@dataclass(frozen=True)
class RowView:
    id: str
    shared: bool
    outlets: int
    cells: list[tuple[str, CellView | None]]  # (article id, cell) per column; None: absent


@dataclass(frozen=True)
class Column:
    article: str
    label: str
    base: bool


@dataclass(frozen=True)
class SynopsisView:
    header: Header
    synopsis: Synopsis
    base: str  # the label of the base text's outlet
    base_reason: str  # why it is the base, in words
    shared: int  # rows told by more than one outlet
    columns: list[Column]
    rows: list[RowView]


def render_synopsis(analysis: StoryAnalysis, templates: Templates) -> GeneratedPage:
    story = analysis.story
    synopsis = analysis.synopsis
    path = ids.story_subpage(story.id, "synopsis")
    links = StoryLinks(story.id, path)
    labels = story.article_labels()
    title = f"Synopsis: {story.title}"
    where = {(c.article, sid): row.id for row in synopsis.rows for c in row.cells
             for sid in c.sentences}
    # Each sentence's place in its article, indexed once rather than searched per cell.
    position = {(a.id, s.id): k for a in story.articles for k, s in enumerate(a.sentences)}
    view = SynopsisView(
        header=header(title, story, links),
        synopsis=synopsis,
        base=labels[synopsis.base],
        base_reason=synopsis_base_reason(synopsis.base_reason),
        shared=sum(1 for r in synopsis.rows if len(r.cells) > 1),
        columns=[Column(a, labels[a], a == synopsis.base) for a in synopsis.columns],
        rows=[_row(story, synopsis, row, links, where, position) for row in synopsis.rows],
    )
    rendered = templates.render("synopsis", page=view)
    # The table needs the full width.
    return GeneratedPage(path, title, rendered.html, rendered.headings,
                         (OUT_OF_SEARCH, ("hide", ["navigation", "toc"])))


def _row(
    story: Story,
    synopsis: Synopsis,
    row: SynopsisRow,
    links: StoryLinks,
    where: dict[tuple[str, str], str],
    position: dict[tuple[str, str], int],
) -> RowView:
    cells = {c.article: c for c in row.cells}
    shared = len(row.cells) > 1
    return RowView(row.id, shared, len(row.cells), [
        (article_id, _cell(story, cells[article_id], shared, links, where, position)
         if article_id in cells else None)
        for article_id in synopsis.columns
    ])


def _cell(
    story: Story,
    cell: SynopsisCell,
    shared: bool,
    links: StoryLinks,
    where: dict[tuple[str, str], str],
    position: dict[tuple[str, str], int],
) -> CellView:
    article = story.article(cell.article)
    text = _text(story, cell)
    pieces, reworded = plain(text), False
    if shared and cell.diff is not None:  # against the row's most common wording
        reworded = cell.diff.rewritten
        if not reworded:  # the cell's own words, those differing from the common wording marked
            pieces = diff_pieces(cell.diff, "b")
    return CellView(
        refs=sentence_refs(links, article, cell.sentences),
        direction=direction(article.language),
        pieces=pieces,
        common=shared and cell.medoid,
        reworded=reworded,
        moved=_moved(article, cell, where, position) if cell.moved else None,
    )


def _moved(
    article: Article,
    cell: SynopsisCell,
    where: dict[tuple[str, str], str],
    position: dict[tuple[str, str], int],
) -> Moved:
    """Where the outlet's own text around the moved sentence sits: "after s3 (row r12)"."""
    sentences = article.sentences
    at = position[(article.id, cell.moved[0])]
    moved = ", ".join(cell.moved)
    if at > 0:
        neighbour, relation = sentences[at - 1].id, "after"
    elif at + 1 < len(sentences):
        neighbour, relation = sentences[at + 1].id, "before"
    else:
        return Moved(moved, None, None, None)
    row = where[(article.id, neighbour)]
    return Moved(moved, relation, neighbour, Link(f"#{row}", f"row {row}"))


def _text(story: Story, cell: SynopsisCell) -> str:
    article = story.article(cell.article)
    return " ".join(article.sentence(s).text for s in cell.sentences)
