"""The claim matrix page: claims as rows, outlets as columns, each cell proven by a link."""

from __future__ import annotations

from .. import ids
from ..model import StoryAnalysis
from .common import STANCE_LABELS, STANCE_SYMBOLS, article_labels, sentence_links, stance_badge
from .links import StoryLinks
from .safe import front_matter, html_text, md_text


def render_claims(analysis: StoryAnalysis) -> str:
    story = analysis.story
    links = StoryLinks(story.id, ids.story_subpage(story.id, "claims"))
    labels = article_labels(story)
    title = f"Claim matrix: {story.title}"
    legend = " · ".join(
        f"{STANCE_SYMBOLS[s]} <strong>{html_text(STANCE_LABELS[s])}</strong>" for s in STANCE_LABELS
    )
    parts = [
        front_matter(title),
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">{html_text(story.title)}</a></p>\n',
        "Each row is a claim, each column an outlet. A cell says whether the outlet states the "
        "claim in its own voice (asserts), attributes it to someone else (reports), contradicts "
        "or relays a denial of it (disputes), or does not carry it (omits). The sentence numbers "
        "in a cell link to the sentences that show it; ✎ marks a cell set by a maintainer.\n",
        f'<p class="px-legend">{legend}</p>\n',
    ]
    if not analysis.claims:
        parts.append("No claims yet: add `claims.yml` to the story folder (see Data format).\n")
        return "\n".join(parts)
    head = "".join(f'<th scope="col">{html_text(labels[a.id])}</th>' for a in story.articles)
    rows = []
    for claim in analysis.claims:
        cells = []
        for article in story.articles:
            cell = claim.cell(article.id)
            evidence = sentence_links(links, article, cell.evidence)
            note = f'<br><span class="px-sub">{html_text(cell.note)}</span>' if cell.note else ""
            cells.append(
                f'<td class="px-cell px-cell-{cell.stance}" data-stance="{cell.stance}">'
                f"{stance_badge(cell.stance, cell.curated)}"
                f'{"<br>" + evidence if evidence else ""}{note}</td>'
            )
        rows.append(
            f'<tr id="claim-{html_text(claim.id)}"><th scope="row">{html_text(claim.text)}'
            f'<br><code class="px-sub">{html_text(claim.id)}</code></th>{"".join(cells)}</tr>'
        )
    parts.append(
        f'<div class="px-scroll"><table class="px-matrix"><thead><tr><th scope="col">Claim</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>\n"
    )
    return "\n".join(parts)
