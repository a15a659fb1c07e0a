"""The claim matrix page: claims as rows, outlets as columns, each cell proven by a link.

Curated claims come first, suggested claims after them in a table of their own (ranked, marked
"suggested", with the outlets that carry each). A cell links to its evidence sentences and quotes
them in a `<details>` block, so the page reads, and searches, fully without JavaScript; the
stance filter (assets/parallax-claims.js) only hides rows.
"""

from __future__ import annotations

from .. import ids
from ..claims import carriers, notable_omissions
from ..model import Article, Cell, ClaimResult, StoryAnalysis, SuggestedClaim
from .common import STANCE_LABELS, STANCE_SYMBOLS, article_labels, sentence_links, stance_badge
from .links import StoryLinks
from .pictures import bar
from .safe import direction, front_matter, html_text, md_text

UNCERTAIN_SYMBOL = "?"
KIND_LABELS = {"headline": "a headline fact several outlets tell in their own words",
               "shared": "carried by several outlets", "distinctive": "only one outlet says it"}


def render_claims(analysis: StoryAnalysis) -> str:
    story = analysis.story
    links = StoryLinks(story.id, ids.story_subpage(story.id, "claims"))
    labels = article_labels(story)
    title = f"Claim matrix: {story.title}"
    legend = " · ".join(
        [f"{STANCE_SYMBOLS[s]} <strong>{html_text(STANCE_LABELS[s])}</strong>"
         for s in STANCE_LABELS] + [f"{UNCERTAIN_SYMBOL} <strong>uncertain</strong>"]
    )
    curated = [c for c in analysis.claims if c.curated]
    suggested = [c for c in analysis.claims if not c.curated]
    parts = [
        front_matter(title, hide=["navigation", "toc"]),  # the matrix needs the full width
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
        "Each row is a claim, each column an outlet. A cell says whether the outlet states the "
        "claim in its own voice (asserts), attributes it to someone else (reports), contradicts "
        "or relays a denial of it (disputes), or does not carry it (omits). The sentence numbers "
        "in a cell link to the sentences that show it, and “quote” opens their text with the "
        "reading's probability; ✎ marks a cell set by a maintainer. ⚠ marks an outlet that omits "
        "a claim most outlets carry. A dispute or a notable omission is shown only when the "
        f"model is sure enough; otherwise the cell says {UNCERTAIN_SYMBOL} uncertain and gives "
        "its best reading, its evidence and its probability (see How it works).\n",
        f'<p class="px-legend">{legend}</p>\n',
    ]
    parts.append('<div class="px-claim-filter" data-px-filter="claims"></div>\n')
    parts.append("## Curated claims\n")
    if curated:
        parts.append(_omissions(curated, labels))
        parts.append(_table(curated, analysis, links, labels, {}))
    else:
        parts.append("No curated claims yet: add `claims.yml` to the story folder (see Data "
                     "format), or start from the suggestions below.\n")
    parts.append("## Suggested claims\n")
    if suggested:
        parts.append(
            "Found automatically, not checked by a maintainer: statements two or more outlets "
            "carry (their sentences aligned across articles), ranked by how many outlets carry "
            "them, then statements only one outlet makes, ranked by how many figures and names "
            "they hold. `parallax claims suggest` prints them as YAML for `claims.yml`.\n"
        )
        meta = {s.id: s for s in analysis.suggestions}
        parts.append(_table(suggested, analysis, links, labels, meta))
    else:
        parts.append("No suggestions: every statement two outlets share is already curated.\n")
    return "\n".join(parts)


def _omissions(claims: list[ClaimResult], labels: dict[str, str]) -> str:
    """Notable omissions, in words: outlets leaving out what most others carry."""
    items = []
    for claim in claims:
        missing = notable_omissions(claim)
        if missing:
            names = ", ".join(labels[a] for a in missing)
            items.append(
                f'<li><a href="#claim-{html_text(claim.id)}">{html_text(claim.text)}</a>: '
                f"carried by {len(carriers(claim))} of {len(claim.cells)} outlets, "
                f"omitted by <strong>{html_text(names)}</strong></li>"
            )
    if not items:
        return ""
    return ('<div class="px-omissions"><p><strong>⚠ Notable omissions</strong> — claims most '
            f'outlets carry that some leave out:</p><ul>{"".join(items)}</ul></div>\n')


def _table(
    claims: list[ClaimResult],
    analysis: StoryAnalysis,
    links: StoryLinks,
    labels: dict[str, str],
    meta: dict[str, SuggestedClaim],
) -> str:
    story = analysis.story
    head = "".join(f'<th scope="col">{html_text(labels[a.id])}</th>' for a in story.articles)
    rows = []
    for claim in claims:
        omitted = set(notable_omissions(claim))
        stances = " ".join(sorted({cell.shown for _, cell in claim.cells}))
        cells = "".join(
            _cell(claim.cell(a.id), a, links, a.id in omitted) for a in story.articles
        )
        head_cell = _claim_head(claim, meta, labels, story.articles)
        rows.append(
            f'<tr id="claim-{html_text(claim.id)}" class="px-claim-row" '
            f'data-stances="{html_text(stances)}"><th scope="row">{head_cell}</th>{cells}</tr>'
        )
    kind = "suggested" if meta else "curated"
    return (
        f'<div class="px-scroll"><table class="px-matrix px-matrix-{kind}"><thead><tr>'
        f'<th scope="col">Claim</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></div>\n"
    )


def _claim_head(
    claim: ClaimResult,
    meta: dict[str, SuggestedClaim],
    labels: dict[str, str],
    articles: tuple[Article, ...],
) -> str:
    head = f'{html_text(claim.text)}<br><code class="px-sub">{html_text(claim.id)}</code>'
    suggestion = meta.get(claim.id)
    if suggestion is None:
        return head
    names = ", ".join(labels[a.id] for a in articles if a.id in dict(suggestion.support))
    return (
        f'<span class="px-suggested">#{suggestion.rank} suggested · '
        f"{html_text(KIND_LABELS[suggestion.kind])}</span><br>{head}"
        f'<br><span class="px-sub">Carried by: {html_text(names)}</span>'
    )


def _cell(cell: Cell, article: Article, links: StoryLinks, omission: bool) -> str:
    evidence = sentence_links(links, article, cell.evidence)
    note = f'<br><span class="px-sub">{html_text(cell.note)}</span>' if cell.note else ""
    warn = ('<br><span class="px-omission-note">⚠ omitted here, though most outlets carry '
            "it</span>") if omission else ""
    probability = bar(cell.score, 1.0, f"{cell.score:.2f}")
    quotes = ""
    if cell.evidence:
        quoted = "".join(
            f'<blockquote{direction(article.language)}><a href="'
            f'{html_text(links.article(article.id, sid))}">{html_text(sid)}'
            f"</a> {html_text(article.sentence(sid).text)}</blockquote>"
            for sid in cell.evidence
        )
        quotes = (f'<details class="px-quote"><summary>quote</summary>{quoted}'
                  f'<p class="px-sub">probability {probability}</p></details>')
    elif not cell.curated:
        quotes = f'<p class="px-sub">probability {probability}</p>'
    if cell.uncertain:
        badge = (f'<span class="px-stance px-stance-uncertain"><span aria-hidden="true">'
                 f"{UNCERTAIN_SYMBOL}</span> uncertain</span>"
                 f'<br><span class="px-sub">best reading: </span>{stance_badge(cell.stance)}')
    else:
        badge = stance_badge(cell.stance, cell.curated)
    classes = f"px-cell px-cell-{cell.shown}" + (" px-omission" if omission else "")
    return (
        f'<td class="{classes}" data-stance="{cell.shown}" data-reading="{cell.stance}">'
        f"{badge}"
        f'{"<br>" + evidence if evidence else ""}{note}{warn}{quotes}</td>'
    )
