"""A side-by-side comparison of two articles: aligned sentences, then word-level changes.

Every change is marked in the text itself (`<del>`/`<ins>`) and labelled in words in its own
column, so nothing depends on colour. Heavily rewritten passages show as one replaced block.
"""

from __future__ import annotations

from collections import Counter

from .. import ids
from ..diff import word_diff
from ..model import Article, PairAlignment, Row, StoryAnalysis
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


def render_compare(analysis: StoryAnalysis, pair: PairAlignment) -> str:
    story = analysis.story
    a, b = story.article(pair.a), story.article(pair.b)
    links = StoryLinks(story.id, ids.compare_page(story.id, a.id, b.id))
    labels = article_labels(story)
    title = f"{labels[a.id]} vs {labels[b.id]}"
    counts = Counter(row.op for row in pair.rows)
    summary = ", ".join(
        f"{counts[op] if op != 'move' else counts[op] // 2} {OP_LABELS[op]}"
        for op in ("equal", "replace", "move", "delete", "insert")
        if counts[op]
    )
    parts = [
        # Comparisons repeat both articles' text; rank them below the articles themselves.
        front_matter(title, search={"boost": 0.5}, hide=["navigation", "toc"]),
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
        f'<p class="px-pair-score">Similarity {bar(pair.similarity, 1.0, f"{pair.similarity:.2f}")}'
        f" <span class=\"px-sub\">(rows: {html_text(summary)})</span></p>\n",
        '<p class="px-legend">A = <a href="' + html_text(links.article(a.id)) + '">'
        + html_text(labels[a.id]) + "</a>, B = <a href=\"" + html_text(links.article(b.id))
        + '">' + html_text(labels[b.id]) + "</a>. Removed words are "
        "<del>struck through</del>, added words <ins>underlined</ins>; the first column says "
        "what happened to each row.</p>\n",
        _table(pair, a, b, links, labels),
    ]
    return "\n".join(parts)


def _table(
    pair: PairAlignment, a: Article, b: Article, links: StoryLinks, labels: dict[str, str]
) -> str:
    rows = "".join(_row(row, a, b, links) for row in pair.rows)
    return (
        '<table class="px-diff"><thead><tr><th scope="col" class="px-op">Change</th>'
        f'<th scope="col">A: {html_text(labels[a.id])}</th>'
        f'<th scope="col">B: {html_text(labels[b.id])}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>\n"
    )


def _row(row: Row, a: Article, b: Article, links: StoryLinks) -> str:
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
                 f'<a href="#row-b-{html_text(row.counterpart[0])}">'
                 f"{_ids(row.counterpart)}</a></span>")
        label = "moved (A side)"
    else:
        other = " ".join(a.sentence(i).text for i in row.counterpart)
        _, right, _ = _highlighted(other, text_b)
        left = (f'<span class="px-none">moved: appears in A as '
                f'<a href="#row-a-{html_text(row.counterpart[0])}">'
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
