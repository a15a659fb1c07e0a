"""The synopsis page: one column per outlet, one row per aligned passage.

Without JavaScript every column shows; with it, checkboxes above the table hide and show
outlets (site_src/assets/parallax-synopsis.js). Word differences are marked against the row's
most common wording (◆), and each state is also written in words.
"""

from __future__ import annotations

from .. import ids
from ..diff import word_diff
from ..model import Article, Story, StoryAnalysis, Synopsis, SynopsisCell, SynopsisRow
from .common import article_labels
from .links import StoryLinks
from .safe import direction, front_matter, html_text, md_text

_BASE_NOTE = '<br><span class="px-sub">base text</span>'


def render_synopsis(analysis: StoryAnalysis) -> str:
    story = analysis.story
    synopsis = analysis.synopsis
    links = StoryLinks(story.id, ids.story_subpage(story.id, "synopsis"))
    labels = article_labels(story)
    title = f"Synopsis: {story.title}"
    parts = [
        front_matter(title, hide=["navigation", "toc"]),  # the table needs the full width
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
    ]
    if synopsis is None:
        return "\n".join([*parts, "No synopsis was computed for this story.\n"])
    base = labels[synopsis.base]
    shared = sum(1 for r in synopsis.rows if len(r.cells) > 1)
    parts += [
        f"Every outlet's text side by side: {len(synopsis.rows)} rows, {shared} of them told by "
        f"more than one outlet. Rows follow the text of {md_text(base)}, "
        f"{md_text(synopsis.base_reason)}. Sentences that say the same thing sit in one row; a "
        "sentence only one outlet has gets a row of its own, placed after that outlet's previous "
        "sentence.\n",
        '<p class="px-legend"><strong>◆ common wording</strong>: the row\'s most shared '
        "wording; other cells <ins>underline</ins> the words where they differ from it. "
        "<strong>≈ reworded</strong>: too different for a word-by-word comparison. "
        "<strong>↕ moved</strong>: the outlet tells this at another point of its text. "
        "<strong>—</strong>: the outlet does not have this passage.</p>\n",
        _picker(synopsis, labels),
        _table(story, synopsis, links, labels),
    ]
    return "\n".join(parts)


def _picker(synopsis: Synopsis, labels: dict[str, str]) -> str:
    """Outlet checkboxes: hidden until the script wires them, so no dead controls without JS."""
    boxes = "".join(
        f'<label><input type="checkbox" value="{html_text(a)}" checked> '
        f"{html_text(labels[a])}</label>"
        for a in synopsis.columns
    )
    return (f'<fieldset class="px-synopsis-pick" data-px-synopsis-pick hidden>'
            f"<legend>Show outlets</legend>{boxes}</fieldset>\n")


def _table(
    story: Story, synopsis: Synopsis, links: StoryLinks, labels: dict[str, str]
) -> str:
    head = "".join(
        f'<th scope="col" data-col="{html_text(a)}">{html_text(labels[a])}'
        f'{_BASE_NOTE if a == synopsis.base else ""}</th>'
        for a in synopsis.columns
    )
    where = {(c.article, sid): row.id for row in synopsis.rows for c in row.cells
             for sid in c.sentences}
    # Each sentence's place in its article, indexed once rather than searched per moved cell.
    position = {(a.id, s.id): k for a in story.articles for k, s in enumerate(a.sentences)}
    body = "".join(_row(story, synopsis, row, links, labels, where, position)
                   for row in synopsis.rows)
    return (
        '<div class="px-scroll"><table class="px-synopsis" data-px-synopsis>'
        f'<thead><tr><th scope="col" class="px-syn-id">Row</th>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>\n"
    )


def _row(
    story: Story,
    synopsis: Synopsis,
    row: SynopsisRow,
    links: StoryLinks,
    labels: dict[str, str],
    where: dict[tuple[str, str], str],
    position: dict[tuple[str, str], int],
) -> str:
    cells = {c.article: c for c in row.cells}
    medoid_text = _text(story, cells[row.medoid])
    status = "1 outlet" if len(row.cells) == 1 else f"{len(row.cells)} outlets"
    tds = []
    for article_id in synopsis.columns:
        cell = cells.get(article_id)
        if cell is None:
            tds.append(f'<td data-col="{html_text(article_id)}" class="px-syn-absent">'
                       '<span class="px-none" aria-label="not in this outlet">—</span></td>')
            continue
        tds.append(f'<td data-col="{html_text(article_id)}">'
                   f"{_cell(story, cell, medoid_text, len(row.cells) > 1, links, where, position)}"
                   "</td>")
    kind = "shared" if len(row.cells) > 1 else "unique"
    return (f'<tr id="{html_text(row.id)}" class="px-syn-row px-syn-{kind}">'
            f'<th scope="row" class="px-syn-id"><a href="#{html_text(row.id)}">'
            f'{html_text(row.id)}</a><br><span class="px-sub">{html_text(status)}</span></th>'
            f'{"".join(tds)}</tr>')


def _cell(
    story: Story,
    cell: SynopsisCell,
    medoid_text: str,
    shared: bool,
    links: StoryLinks,
    where: dict[tuple[str, str], str],
    position: dict[tuple[str, str], int],
) -> str:
    article = story.article(cell.article)
    anchors = " ".join(
        f'<a class="px-sid" href="{html_text(links.article(article.id, sid))}">{sid}</a>'
        for sid in cell.sentences
    )
    text = _text(story, cell)
    badges = []
    if shared and cell.medoid:
        badges.append('<span class="px-badge">◆ common wording</span>')
        body = html_text(text)
    elif shared:
        body, rewritten = _marked(medoid_text, text)
        if rewritten:
            badges.append('<span class="px-badge">≈ reworded</span>')
    else:
        body = html_text(text)
    if cell.moved:
        badges.append(f'<span class="px-badge">↕ moved: {html_text(", ".join(cell.moved))} '
                      "comes at another point of this outlet's text"
                      f"{_moved_link(article, cell, where, position)}</span>")
    badge_html = f'<br>{" ".join(badges)}' if badges else ""
    return f"{anchors} <span{direction(article.language)}>{body}</span>{badge_html}"


def _moved_link(
    article: Article,
    cell: SynopsisCell,
    where: dict[tuple[str, str], str],
    position: dict[tuple[str, str], int],
) -> str:
    """", after s3 (row r12)": where the outlet's own text around the moved sentence sits."""
    sentences = article.sentences
    at = position[(article.id, cell.moved[0])]
    if at > 0:
        neighbour, relation = sentences[at - 1].id, "after"
    elif at + 1 < len(sentences):
        neighbour, relation = sentences[at + 1].id, "before"
    else:
        return ""
    row = where[(article.id, neighbour)]
    return (f', {relation} {html_text(neighbour)} (<a href="#{html_text(row)}">row '
            f"{html_text(row)}</a>)")


def _marked(medoid: str, text: str) -> tuple[str, bool]:
    """The cell's own words, those that differ from the common wording underlined."""
    diff = word_diff(medoid, text)
    if diff.rewritten:
        return html_text(text), True
    out = []
    for segment in diff.segments:
        if segment.op == "equal":
            out.append(html_text(segment.b))
        elif segment.b:
            out.append(f"<ins>{html_text(segment.b)}</ins>")
    return "".join(out), False


def _text(story: Story, cell: SynopsisCell) -> str:
    article = story.article(cell.article)
    return " ".join(article.sentence(s).text for s in cell.sentences)
