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

from .. import ids
from ..diff import word_diff
from ..lineage import family_note
from ..model import Article, PairAlignment, PairReuse, Row, StoryAnalysis
from ..unionfind import DisjointSets
from .common import article_labels
from .links import StoryLinks
from .pictures import bar
from .safe import direction, front_matter, html_text, md_text

OP_LABELS = {
    "equal": "same",
    "replace": "changed",
    "delete": "only in A",
    "insert": "only in B",
    "move": "moved",
}
OWN_WORDS = ("independent", "shares quotes only")  # reuse labels shown as independent accounts


def render_compare(analysis: StoryAnalysis, pair: PairAlignment) -> str:
    story = analysis.story
    a, b = story.article(pair.a), story.article(pair.b)
    links = StoryLinks(story.id, ids.compare_page(story.id, a.id, b.id))
    labels = article_labels(story)
    title = f"{labels[a.id]} vs {labels[b.id]}"
    reuse = next((r for r in analysis.reuse if (r.a, r.b) == (pair.a, pair.b)), None)
    own_words = reuse is not None and reuse.label in OWN_WORDS
    head = [
        # Comparisons repeat both articles' text; rank them below the articles themselves.
        front_matter(title, search={"boost": 0.5}, hide=["navigation", "toc"]),
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
    ]
    if own_words and reuse is not None:
        return "\n".join([*head, *_own_words(analysis, pair, reuse, a, b, links, labels)])
    return "\n".join([*head, *_edits(pair, a, b, links, labels)])


# ------------------------------------------------------------------------ one text reuses the other


def _edits(
    pair: PairAlignment, a: Article, b: Article, links: StoryLinks, labels: dict[str, str]
) -> list[str]:
    counts = Counter(row.op for row in pair.rows)
    counts["move"] = len(_moved_pairs(pair))
    summary = ", ".join(f"{counts[op]} {OP_LABELS[op]}"
                        for op in ("equal", "replace", "move", "delete", "insert") if counts[op])
    place = _row_ids(pair)
    rows = "".join(_row(row, a, b, links, place) for row in pair.rows)
    return [
        f'<p class="px-pair-score">Similarity {bar(pair.similarity, 1.0, f"{pair.similarity:.2f}")}'
        f" <span class=\"px-sub\">(rows: {html_text(summary)})</span></p>\n",
        '<p class="px-legend">A = <a href="' + html_text(links.article(a.id)) + '">'
        + html_text(labels[a.id]) + "</a>, B = <a href=\"" + html_text(links.article(b.id))
        + '">' + html_text(labels[b.id]) + "</a>. Removed words are "
        "<del>struck through</del>, added words <ins>underlined</ins>; the first column says "
        "what happened to each row.</p>\n",
        '<table class="px-diff"><thead><tr><th scope="col" class="px-op">Change</th>'
        f'<th scope="col">A: {html_text(labels[a.id])}</th>'
        f'<th scope="col">B: {html_text(labels[b.id])}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>\n",
    ]


def _row_ids(pair: PairAlignment) -> dict[tuple[str, str], str]:
    """The id of the row each sentence sits in, by ("a" | "b", sentence id)."""
    place: dict[tuple[str, str], str] = {}
    for row in pair.rows:
        row_id = f"row-a-{row.a[0]}" if row.a else f"row-b-{row.b[0]}"
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
) -> str:
    text_a = " ".join(a.sentence(i).text for i in row.a)
    text_b = " ".join(b.sentence(j).text for j in row.b)
    label = OP_LABELS[row.op]
    row_id = f"row-a-{row.a[0]}" if row.a else f"row-b-{row.b[0]}"
    if row.op == "equal":
        left, right = html_text(text_a), html_text(text_b)
    elif row.op == "replace":
        left, right, rewritten = _highlighted(text_a, text_b)
        label = "rewritten" if rewritten else "changed"
    elif row.op == "delete":
        left, right = f"<del>{html_text(text_a)}</del>", '<span class="px-none">—</span>'
    elif row.op == "insert":
        left, right = '<span class="px-none">—</span>', f"<ins>{html_text(text_b)}</ins>"
    elif row.a:  # moved: shown where it sits in A, diffed against its place in B
        other = " ".join(b.sentence(j).text for j in row.counterpart)
        left, _, _ = _highlighted(text_a, other)
        right = (f'<span class="px-none">moved: appears in B as '
                 f'<a href="#{html_text(place[("b", row.counterpart[0])])}">'
                 f"{_ids(row.counterpart)}</a></span>")
        label = "moved (A side)"
    else:
        other = " ".join(a.sentence(i).text for i in row.counterpart)
        _, right, _ = _highlighted(other, text_b)
        left = (f'<span class="px-none">moved: appears in A as '
                f'<a href="#{html_text(place[("a", row.counterpart[0])])}">'
                f"{_ids(row.counterpart)}</a></span>")
        label = "moved (B side)"
    score = (f'<br><span class="px-sub">{row.similarity:.2f}</span>'
             if row.op in ("replace", "move") else "")
    return (
        f'<tr id="{row_id}" class="px-row px-{row.op}">'
        f'<td class="px-op">{html_text(label)}{score}</td>'
        f'<td class="px-side px-a"{direction(a.language)}>{_anchors(links, a, row.a)}{left}</td>'
        f'<td class="px-side px-b"{direction(b.language)}>{_anchors(links, b, row.b)}{right}</td>'
        "</tr>"
    )


# ------------------------------------------------------------------------- independent accounts


def _own_words(
    analysis: StoryAnalysis, pair: PairAlignment, reuse: PairReuse, a: Article, b: Article,
    links: StoryLinks, labels: dict[str, str],
) -> list[str]:
    facts = _shared_facts(pair)
    linked_a = {i for sa, _ in facts for i in sa}
    linked_b = {j for _, sb in facts for j in sb}
    only_a = [s.id for s in a.sentences if s.id not in linked_a]
    only_b = [s.id for s in b.sentences if s.id not in linked_b]
    name_a, name_b = html_text(labels[a.id]), html_text(labels[b.id])
    shared_words = max(reuse.words_a_in_b, reuse.words_b_in_a)
    why = ("they share only quotations" if reuse.label == "shares quotes only"
           else "they share almost no wording")
    note = family_note(reuse, analysis.lineage.families) if analysis.lineage else None
    family = f" They are {html_text(note)}." if note else ""
    rows = "".join(_fact_row(sa, sb, a, b, links) for sa, sb in facts)
    parts = [
        f'<p class="px-pair-score">Same facts: {len(facts)} '
        f'<span class="px-sub">(only in A: {len(only_a)} sentences, only in B: '
        f"{len(only_b)})</span></p>\n",
        f'<div class="px-own-words-note"><p><strong>Independent accounts.</strong> '
        f'<a href="{html_text(links.article(a.id))}">{name_a}</a> (A) and '
        f'<a href="{html_text(links.article(b.id))}">{name_b}</a> (B) tell this story in their '
        f"own words: {why} ({round(shared_words * 100)} % of the words of either lie in "
        f"passages both carry), so neither is shown as an edit of the other.{family} First the "
        "facts both report, side by side, each in its own words; then what only one of them "
        "reports. Word-level marks appear only where the wording itself is shared (a "
        "quotation both carry).</p></div>\n",
        "## Same fact, own words\n",
    ]
    if facts:
        parts.append(
            '<table class="px-diff px-own-words"><thead><tr>'
            '<th scope="col" class="px-op">Pair</th>'
            f'<th scope="col">A: {name_a}</th><th scope="col">B: {name_b}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>\n")
    else:
        parts.append('<p class="px-none">No sentence of one states a fact of the other '
                     "closely enough to pair them.</p>\n")
    parts += [f"## Only in A: {md_text(labels[a.id])}\n", _only(a, only_a, "a", links),
              f"## Only in B: {md_text(labels[b.id])}\n", _only(b, only_b, "b", links)]
    return parts


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
) -> str:
    text_a = " ".join(a.sentence(i).text for i in sa)
    text_b = " ".join(b.sentence(j).text for j in sb)
    left, right, rewritten = _highlighted(text_a, text_b)
    if rewritten:  # own words: no marks, the two tellings side by side
        left, right, label = html_text(text_a), html_text(text_b), "same fact, own words"
    else:
        label = "same wording" if left == html_text(text_a) else "shared wording"
    return (
        f'<tr id="row-a-{html_text(sa[0])}" class="px-row px-fact">'
        f'<td class="px-op">{html_text(label)}</td>'
        f'<td class="px-side px-a"{direction(a.language)}><span id="row-b-{html_text(sb[0])}">'
        f"</span>{_anchors(links, a, sa)}{left}</td>"
        f'<td class="px-side px-b"{direction(b.language)}>{_anchors(links, b, sb)}{right}</td>'
        "</tr>"
    )


def _only(article: Article, sentence_ids: list[str], side: str, links: StoryLinks) -> str:
    if not sentence_ids:
        return '<p class="px-none">Nothing: every sentence has a counterpart above.</p>\n'
    items = "".join(
        f'<li id="row-{side}-{html_text(sid)}" class="px-row px-only">'
        f"{_anchors(links, article, (sid,))}{html_text(article.sentence(sid).text)}</li>"
        for sid in sentence_ids)
    return f'<ul class="px-only-list"{direction(article.language)}>{items}</ul>\n'


# ---------------------------------------------------------------------------------- both forms


def _highlighted(text_a: str, text_b: str) -> tuple[str, str, bool]:
    diff = word_diff(text_a, text_b)
    if diff.rewritten:
        return (f'<del class="px-block">{html_text(text_a)}</del>',
                f'<ins class="px-block">{html_text(text_b)}</ins>', True)
    left, right = [], []
    for seg in diff.segments:
        if seg.op == "equal":
            left.append(html_text(seg.a))
            right.append(html_text(seg.b))
        else:
            if seg.a:
                left.append(f"<del>{html_text(seg.a)}</del>")
            if seg.b:
                right.append(f"<ins>{html_text(seg.b)}</ins>")
    return "".join(left), "".join(right), False


def _anchors(links: StoryLinks, article: Article, sentence_ids: tuple[str, ...]) -> str:
    if not sentence_ids:
        return ""
    tags = " ".join(
        f'<a class="px-sid" href="{html_text(links.article(article.id, sid))}">{sid}</a>'
        for sid in sentence_ids
    )
    return f"{tags} "


def _ids(sentence_ids: tuple[str, ...]) -> str:
    return html_text(", ".join(sentence_ids))


def _number(sentence_id: str) -> int:
    return int(sentence_id[1:]) if sentence_id[1:].isdigit() else 0
