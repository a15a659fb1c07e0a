"""The story overview page: summary, coverage, similarity picture, links, data download."""

from __future__ import annotations

from .. import ids
from ..model import StoryAnalysis
from .common import article_labels
from .links import StoryLinks
from .pictures import bar, heatmap
from .safe import external_link, front_matter, html_text, md_text

# Extra sections later analyses add to the overview (name, Markdown), in order.
StorySection = tuple[str, str]


def render_story(analysis: StoryAnalysis, sections: tuple[StorySection, ...] = ()) -> str:
    story = analysis.story
    page = ids.story_page(story.id)
    links = StoryLinks(story.id, page)
    labels = article_labels(story)
    outlets = {a.outlet.slug for a in story.articles}
    parts = [front_matter(story.title, search={"boost": 3}), f"# {md_text(story.title)}\n"]
    facts = [f"{len(outlets)} outlets", f"{len(story.articles)} articles"]
    if story.date:
        facts.insert(0, story.date)
    parts.append(f'<p class="px-meta">{html_text(" · ".join(facts))}</p>\n')
    if story.summary:
        parts.append(md_text(story.summary) + "\n")

    parts.append("## Coverage\n")
    most_words = max(a.word_count for a in story.articles)
    rows = []
    for article in story.articles:
        outlet = article.outlet
        rows.append(
            "<tr>"
            f'<td><a href="{html_text(links.article(article.id))}">'
            f"{html_text(labels[article.id])}</a>"
            f'<br><span class="px-sub">{html_text(article.title)}</span></td>'
            f"<td>{html_text(outlet.country or '—')}</td>"
            f"<td>{html_text(outlet.kind or '—')}</td>"
            f"<td>{html_text(article.date or 'undated')}"
            + (f'<br><span class="px-sub">from the {html_text(article.date_source)}</span>'
               if article.date_source else "") + "</td>"
            f"<td>{bar(article.word_count, most_words, str(article.word_count))}</td>"
            f"<td>{external_link(article.url, 'original') if article.url else '—'}</td>"
            "</tr>"
        )
    parts.append(
        '<div class="px-scroll"><table class="px-coverage"><thead><tr>'
        "<th>Outlet and headline</th><th>Country</th>"
        "<th>Kind</th><th>Date</th><th>Words</th><th>Link</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>\n"
    )

    parts.append("## How similar are the outlets?\n")
    parts.append(
        "Each cell is the share of two articles' words that have a counterpart in the other, "
        "weighted by how closely the counterpart matches (0 = nothing in common, 1 = the same "
        "text). Darker cells are more similar; the number is always written in the cell. "
        "Select a number to open the side-by-side comparison.\n"
    )
    articles = list(story.articles)
    score = {(p.a, p.b): p.similarity for p in analysis.pairs}
    score.update({(p.b, p.a): p.similarity for p in analysis.pairs})
    parts.append(
        heatmap(
            [labels[a.id] for a in articles],
            lambda i, j: None if i == j else score[(articles[i].id, articles[j].id)],
            lambda i, j: links.compare(articles[i].id, articles[j].id),
            "Pairwise similarity of the articles",
        )
        + "\n"
    )
    for _name, markdown in sections:
        parts.append(markdown.rstrip() + "\n")

    parts.append("## Pages of this story\n")
    items = [f'<li><a href="{html_text(links.subpage("claims"))}">Claim matrix</a>: who asserts, '
             "reports, disputes or omits each claim, with the sentence that shows it</li>"]
    items += [f'<li><a href="{html_text(links.subpage(name))}">{html_text(label)}</a></li>'
              for name, label in _extra_pages(analysis)]
    parts.append(f'<ul class="px-pages">{"".join(items)}</ul>\n')
    parts.append("### Side-by-side comparisons\n")
    pair_items = [
        f'<li><a href="{html_text(links.compare(p.a, p.b))}">{html_text(labels[p.a])} vs '
        f"{html_text(labels[p.b])}</a> {bar(p.similarity, 1.0, f'{p.similarity:.2f}')}</li>"
        for p in sorted(analysis.pairs, key=lambda p: (-p.similarity, p.a, p.b))
    ]
    parts.append(f'<ul class="px-pairs">{"".join(pair_items)}</ul>\n')

    parts.append("## Download the data\n")
    parts.append(
        f'<p class="px-download">Everything on these pages as open data: '
        f'<a href="{html_text(links.export_json())}" download>{html_text(story.id)}.json</a> '
        "(articles, sentences, alignments, claims, quotes, discrepancies, reuse, lineage and "
        "synopsis) and "
        f'<a href="{html_text(links.export_csv())}" download>the claim matrix as CSV</a>, and '
        f'<a href="{html_text(links.export_discrepancies_csv())}" download>the discrepancies '
        "as CSV</a>. The format is described on the Export format page.</p>\n"
    )
    return "\n".join(parts)


def _extra_pages(analysis: StoryAnalysis) -> list[tuple[str, str]]:
    """Story sub-pages beyond the claim matrix (added by later analyses)."""
    pages = []
    if analysis.synopsis is not None:
        pages.append(("synopsis", "Synopsis: every outlet's version side by side, passage by "
                                  "passage"))
    if analysis.lineage is not None:
        pages.append(("lineage", "Who copied whom: text reuse between every pair, shared "
                                 "passages and credits"))
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
