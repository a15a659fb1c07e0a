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

from ..analysis.alignment.word_diff import word_diff
from ..analysis.disjoint_sets import DisjointSets
from ..analysis.reuse.lineage import family_note
from ..data import ids
from ..model import Article, PairAlignment, PairReuse, Row, StoryAnalysis
from .common import (
    Bar,
    Header,
    Link,
    Piece,
    SentenceRef,
    article_labels,
    bar,
    diff_pieces,
    header,
    plain,
    sentence_refs,
)
from .generated_page import GeneratedPage
from .links import StoryLinks
from .safe import Direction, direction
from .templating import Templates

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
    labels = article_labels(story)
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
                         (("search", {"boost": 0.5}), ("hide", ["navigation", "toc"])))


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
    text_a = " ".join(a.sentence(i).text for i in row.a)
    text_b = " ".join(b.sentence(j).text for j in row.b)
    label = OP_LABELS[row.op]
    moved_a = moved_b = None
    if row.op == "equal":
        left, right = plain(text_a), plain(text_b)
    elif row.op == "replace":
        diff = word_diff(text_a, text_b)
        left, right = diff_pieces(diff, "a"), diff_pieces(diff, "b")
        label = "rewritten" if diff.rewritten else "changed"
    elif row.op == "delete":
        left, right = [Piece("del", text_a)], []
    elif row.op == "insert":
        left, right = [], [Piece("ins", text_b)]
    elif row.a:  # moved: shown where it sits in A, diffed against its place in B
        other = " ".join(b.sentence(j).text for j in row.counterpart)
        left, right = diff_pieces(word_diff(text_a, other), "a"), []
        moved_b = Link(f"#{place[('b', row.counterpart[0])]}", ", ".join(row.counterpart))
        label = "moved (A side)"
    else:
        other = " ".join(a.sentence(i).text for i in row.counterpart)
        left, right = [], diff_pieces(word_diff(other, text_b), "b")
        moved_a = Link(f"#{place[('a', row.counterpart[0])]}", ", ".join(row.counterpart))
        label = "moved (B side)"
    return DiffRow(
        id=_row_id(row), op=row.op, label=label,
        score=row.similarity if row.op in ("replace", "move") else None,
        a=Side(direction(a.language), sentence_refs(links, a, row.a), left, moved_a),
        b=Side(direction(b.language), sentence_refs(links, b, row.b), right, moved_b),
    )


# ------------------------------------------------------------------------- independent accounts


def _own_words(
    analysis: StoryAnalysis, base: CompareView, pair: PairAlignment, reuse: PairReuse,
    a: Article, b: Article, links: StoryLinks,
) -> CompareView:
    facts = _shared_facts(pair)
    linked_a = {i for sa, _ in facts for i in sa}
    linked_b = {j for _, sb in facts for j in sb}
    return CompareView(
        base.header, base.a, base.b, own_words=True,
        why=("they share only quotations" if reuse.label == "shares quotes only"
             else "they share almost no wording"),
        shared=round(max(reuse.words_a_in_b, reuse.words_b_in_a) * 100),
        family=family_note(reuse, analysis.lineage.families) if analysis.lineage else None,
        facts=tuple(_fact_row(sa, sb, a, b, links) for sa, sb in facts),
        only_a=_only(a, linked_a, links),
        only_b=_only(b, linked_b, links),
        direction_a=direction(a.language),
        direction_b=direction(b.language),
    )


def _shared_facts(pair: PairAlignment) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Sentences that state the same fact, one group per fact (sentences linked to each other,
    in or out of order, form one group), in A's reading order."""
    sets: DisjointSets[tuple[str, str]] = DisjointSets()
    for i, j in pair.links():
        sets.union(("a", i), ("b", j))
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for node in sets:
        groups.setdefault(sets.find(node), []).append(node)
    facts = [(tuple(sorted((s for side, s in g if side == "a"), key=_number)),
              tuple(sorted((s for side, s in g if side == "b"), key=_number)))
             for g in groups.values()]
    return sorted(facts, key=lambda f: (_number(f[0][0]), _number(f[1][0])))


def _fact_row(
    sa: tuple[str, ...], sb: tuple[str, ...], a: Article, b: Article, links: StoryLinks
) -> FactRow:
    text_a = " ".join(a.sentence(i).text for i in sa)
    text_b = " ".join(b.sentence(j).text for j in sb)
    diff = word_diff(text_a, text_b)
    if diff.rewritten:  # own words: no marks, the two tellings side by side
        left, right, label = plain(text_a), plain(text_b), "same fact, own words"
    else:
        left, right = diff_pieces(diff, "a"), diff_pieces(diff, "b")
        unmarked = all(p.kind == "text" for p in left)
        label = "same wording" if unmarked else "shared wording"
    return FactRow(sa[0], sb[0], label,
                   Side(direction(a.language), sentence_refs(links, a, sa), left),
                   Side(direction(b.language), sentence_refs(links, b, sb), right))


def _only(
    article: Article, linked: set[str], links: StoryLinks
) -> tuple[tuple[str, Side], ...]:
    return tuple(
        (s.id, Side(direction(article.language), sentence_refs(links, article, (s.id,)),
                    plain(s.text)))
        for s in article.sentences if s.id not in linked)


def _number(sentence_id: str) -> int:
    return int(sentence_id[1:]) if sentence_id[1:].isdigit() else 0
