"""A side-by-side comparison of two articles, in one of two forms chosen by their reuse label.

- One text reuses the other's (a copy, a rewrite of a shared source): aligned sentences in
  reading order, with word-level changes marked in the text itself (`<del>`/`<ins>`) and
  labelled in words in their own column, so nothing depends on colour. Heavily rewritten
  passages show as one replaced block.
- Independent accounts (or ones that share quotations only): neither is an edit of the other,
  so nothing is struck through or underlined as if it were. The facts both report sit side by
  side, each in its own words, then what only one of them reports; word-level marks stay only
  on a pair whose wording is really shared (a quotation both carry).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..data import ids
from ..model import Article, PairAlignment, PairReuse, Row, SharedFact, StoryAnalysis
from .common import (
    Bar,
    Header,
    Link,
    Piece,
    SentenceRef,
    bar,
    diff_pieces,
    header,
    plain,
    sentence_refs,
)
from .generated_page import OUT_OF_SEARCH, GeneratedPage
from .links import StoryLinks
from .safe import Direction, direction
from .templating import Templates
from .wording import family_note

OP_LABELS = {
    "equal": "same",
    "replace": "changed",
    "delete": "only in A",
    "insert": "only in B",
    "move": "moved",
}
OWN_WORDS = ("independent", "shares quotes only")  # reuse labels shown as independent accounts


@dataclass(frozen=True)
class Side:
    """One article's cell of a row: sentence anchors, then the text with its marks; `moved`
    links to the row where a moved sentence's counterpart sits; no text and no `moved`: the
    article has nothing here."""

    direction: Direction
    refs: list[SentenceRef]
    pieces: list[Piece]
    moved: Link | None = None


@dataclass(frozen=True)
class DiffRow:
    id: str
    op: str
    label: str
    score: float | None
    a: Side
    b: Side


@dataclass(frozen=True)
class FactRow:
    id_a: str
    id_b: str
    label: str
    a: Side
    b: Side


@dataclass(frozen=True)
class CompareView:
    header: Header
    a: Link
    b: Link
    own_words: bool
    # One text reuses the other:
    similarity: Bar | None = None
    summary: str = ""
    rows: tuple[DiffRow, ...] = ()
    # Independent accounts:
    why: str = ""
    shared: int = 0  # % of the words of either in passages both carry
    family: str | None = None
    facts: tuple[FactRow, ...] = ()
    only_a: tuple[tuple[str, Side], ...] = ()  # (sentence id, its text)
    only_b: tuple[tuple[str, Side], ...] = ()
    direction_a: Direction | None = None
    direction_b: Direction | None = None


def render_compare(
    analysis: StoryAnalysis, pair: PairAlignment, templates: Templates
) -> GeneratedPage:
    story = analysis.story
    a, b = story.article(pair.a), story.article(pair.b)
    path = ids.compare_page(story.id, a.id, b.id)
    links = StoryLinks(story.id, path)
    labels = story.article_labels()
    title = f"{labels[a.id]} vs {labels[b.id]}"
    reuse = next((r for r in analysis.reuse if (r.a, r.b) == (pair.a, pair.b)), None)
    base = CompareView(header(title, story, links), Link(links.article(a.id), labels[a.id]),
                       Link(links.article(b.id), labels[b.id]), own_words=False)
    if reuse is not None and reuse.label in OWN_WORDS:
        view = _own_words(analysis, base, pair, reuse, a, b, links)
    else:
        view = _edits(base, pair, a, b, links)
    rendered = templates.render("compare", page=view)
    # Comparisons repeat both articles' text; rank them below the articles themselves.
    return GeneratedPage(path, title, rendered.html, rendered.headings,
                         (OUT_OF_SEARCH, ("hide", ["navigation", "toc"])))


# ------------------------------------------------------------------------ one text reuses the other


def _edits(
    base: CompareView, pair: PairAlignment, a: Article, b: Article, links: StoryLinks
) -> CompareView:
    counts = Counter(row.op for row in pair.rows)
    counts["move"] = len(_moved_pairs(pair))
    summary = ", ".join(f"{counts[op]} {OP_LABELS[op]}"
                        for op in ("equal", "replace", "move", "delete", "insert") if counts[op])
    place = _row_ids(pair)
    return CompareView(
        base.header, base.a, base.b, own_words=False,
        similarity=bar(pair.similarity, 1.0, f"{pair.similarity:.2f}"),
        summary=summary,
        rows=tuple(_row(row, a, b, links, place) for row in pair.rows),
    )


def _row_id(row: Row) -> str:
    return f"row-a-{row.a[0]}" if row.a else f"row-b-{row.b[0]}"


def _row_ids(pair: PairAlignment) -> dict[tuple[str, str], str]:
    """The id of the row each sentence sits in, by ("a" | "b", sentence id)."""
    place: dict[tuple[str, str], str] = {}
    for row in pair.rows:
        row_id = _row_id(row)
        place.update((("a", i), row_id) for i in row.a)
        place.update((("b", j), row_id) for j in row.b)
    return place


def _moved_pairs(pair: PairAlignment) -> set[frozenset[tuple[str, str]]]:
    """Moves counted once each: a move shown on both sides is one move."""
    found = set()
    for row in pair.rows:
        if row.op == "move":
            found.add(frozenset([(i, c) for i in row.a for c in row.counterpart]
                                + [(c, j) for j in row.b for c in row.counterpart]))
    return found


def _row(
    row: Row, a: Article, b: Article, links: StoryLinks, place: dict[tuple[str, str], str]
) -> DiffRow:
    label = OP_LABELS[row.op]
    moved_a = moved_b = None
    if row.op == "equal":
        left, right = plain(_text(a, row.a)), plain(_text(b, row.b))
    elif row.op == "delete":
        left, right = [Piece("del", _text(a, row.a))], []
    elif row.op == "insert":
        left, right = [], [Piece("ins", _text(b, row.b))]
    else:
        assert row.diff is not None  # analysis diffs every replaced and moved row
        left, right = diff_pieces(row.diff, "a"), diff_pieces(row.diff, "b")
        if row.op == "replace":
            label = "rewritten" if row.diff.rewritten else "changed"
        elif row.a:  # moved: shown where it sits in A, diffed against its place in B
            right = []
            moved_b = Link(f"#{place[('b', row.counterpart[0])]}", ", ".join(row.counterpart))
            label = "moved (A side)"
        else:
            left = []
            moved_a = Link(f"#{place[('a', row.counterpart[0])]}", ", ".join(row.counterpart))
            label = "moved (B side)"
    return DiffRow(
        id=_row_id(row), op=row.op, label=label,
        score=row.similarity if row.op in ("replace", "move") else None,
        a=Side(direction(a.language), sentence_refs(links, a, row.a), left, moved_a),
        b=Side(direction(b.language), sentence_refs(links, b, row.b), right, moved_b),
    )


def _text(article: Article, sentence_ids: tuple[str, ...]) -> str:
    return " ".join(article.sentence(i).text for i in sentence_ids)


# ------------------------------------------------------------------------- independent accounts


def _own_words(
    analysis: StoryAnalysis, base: CompareView, pair: PairAlignment, reuse: PairReuse,
    a: Article, b: Article, links: StoryLinks,
) -> CompareView:
    linked_a = {i for fact in pair.facts for i in fact.a}
    linked_b = {j for fact in pair.facts for j in fact.b}
    tie = next((t for t in analysis.lineage.ties if (t.a, t.b) == (pair.a, pair.b)), None)
    return CompareView(
        base.header, base.a, base.b, own_words=True,
        why=("they share only quotations" if reuse.label == "shares quotes only"
             else "they share almost no wording"),
        shared=round(max(reuse.words_a_in_b, reuse.words_b_in_a) * 100),
        family=family_note(tie) if tie else None,
        facts=tuple(_fact_row(fact, a, b, links) for fact in pair.facts),
        only_a=_only(a, linked_a, links),
        only_b=_only(b, linked_b, links),
        direction_a=direction(a.language),
        direction_b=direction(b.language),
    )


def _fact_row(fact: SharedFact, a: Article, b: Article, links: StoryLinks) -> FactRow:
    if fact.diff.rewritten:  # own words: no marks, the two tellings side by side
        left, right = plain(_text(a, fact.a)), plain(_text(b, fact.b))
        label = "same fact, own words"
    else:
        left, right = diff_pieces(fact.diff, "a"), diff_pieces(fact.diff, "b")
        label = "same wording" if all(p.kind == "text" for p in left) else "shared wording"
    return FactRow(fact.a[0], fact.b[0], label,
                   Side(direction(a.language), sentence_refs(links, a, fact.a), left),
                   Side(direction(b.language), sentence_refs(links, b, fact.b), right))


def _only(
    article: Article, linked: set[str], links: StoryLinks
) -> tuple[tuple[str, Side], ...]:
    return tuple(
        (s.id, Side(direction(article.language), sentence_refs(links, article, (s.id,)),
                    plain(s.text)))
        for s in article.sentences if s.id not in linked)
