"""Who copied whom: the story-page section and the story's lineage page.

The section is the picture plus the lineage in words; the page adds, for every pair, the
figures behind its label, the shared passages themselves, and every credit found in the text.
"""

from __future__ import annotations

from .. import ids
from ..lineage import family_note
from ..model import REUSE_LABELS, Article, Family, Lineage, PairReuse, StoryAnalysis
from .common import article_labels
from .lineage_svg import lineage_svg
from .links import StoryLinks
from .pictures import bar
from .safe import direction, front_matter, html_text, md_text

LABEL_SYMBOLS = {  # so the label reads without colour, also in a table
    "verbatim copy": "⧉",
    "rewrite of shared source": "≈",
    "shares quotes only": "❝",
    "independent": "○",
}
SECTION_NAME = "lineage"


def lineage_section(analysis: StoryAnalysis) -> str:
    """The "Who copied whom" section of the story overview page."""
    if analysis.lineage is None:
        return ""
    story = analysis.story
    links = StoryLinks(story.id, ids.story_page(story.id))
    return "\n".join([
        "## Who copied whom\n",
        _picture(analysis, analysis.lineage),
        _sentences(analysis.lineage),
        f'<p class="px-more"><a href="{html_text(links.subpage("lineage"))}">Text reuse in '
        "detail</a>: the figures for every pair, the shared passages themselves and the credits "
        f'found in each text. <a href="{html_text(links.subpage("synopsis"))}">Synopsis</a>: '
        "every outlet's version side by side.</p>\n",
    ])


def render_lineage(analysis: StoryAnalysis) -> str:
    """The lineage page of one story."""
    story = analysis.story
    lineage = analysis.lineage
    links = StoryLinks(story.id, ids.story_subpage(story.id, "lineage"))
    labels = article_labels(story)
    title = f"Who copied whom: {story.title}"
    parts = [
        front_matter(title, hide=["navigation"]),  # room for the pair table; the TOC stays
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
    ]
    if lineage is None:
        return "\n".join([*parts, "No lineage was computed for this story.\n"])
    parts += [_picture(analysis, lineage), _sentences(lineage), "## Every pair\n",
              _method_note(), _pairs_table(analysis, links, labels), "## Shared passages\n"]
    parts += [_passages(analysis, pair, links, labels) for pair in _by_share(analysis.reuse)]
    if not any(p.passages for p in analysis.reuse):
        parts.append("No two articles share a run of words.\n")
    parts += ["## Credits and datelines found in the text\n", _credits(analysis, links, labels)]
    return "\n".join(parts)


def _picture(analysis: StoryAnalysis, lineage: Lineage) -> str:
    order = _order(analysis, lineage)
    return lineage_svg(lineage, f"Lineage of the articles: {analysis.story.title}", order) + "\n"


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


def _sentences(lineage: Lineage) -> str:
    if not lineage.sentences:
        return ""
    items = "".join(f"<li>{html_text(s)}</li>" for s in lineage.sentences)
    return f'<ul class="px-lineage-words">{items}</ul>\n'


def _method_note() -> str:
    return (
        "Word share: how much of each article lies inside passages it shares word for word with "
        "the other (four-word anchors, joined across small edits). Sentence share: how much of "
        "each article has a counterpart sentence in the other (the side-by-side alignment). The "
        "label reads both, setting quotations apart (How it works explains the thresholds; "
        "the export gives the figures behind each label).\n"
    )


def _pairs_table(analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]) -> str:
    families = analysis.lineage.families if analysis.lineage else ()
    rows = []
    for pair in _by_share(analysis.reuse):
        a, b = labels[pair.a], labels[pair.b]
        rows.append(
            f'<tr><td><a href="{html_text(links.compare(pair.a, pair.b))}">{html_text(a)} vs '
            f"{html_text(b)}</a></td>"
            f'<td class="px-reuse-label"><span aria-hidden="true">{LABEL_SYMBOLS[pair.label]}'
            f"</span> {html_text(pair.label)}{_note(pair, families)}</td>"
            f"<td>{_two_bars(pair.words_a_in_b, pair.words_b_in_a, a, b)}</td>"
            f"<td>{_two_bars(pair.sentences_a_in_b, pair.sentences_b_in_a, a, b)}</td>"
            f"<td>{sum(1 for p in pair.passages if not p.boilerplate)}</td></tr>"
        )
    return (
        '<div class="px-scroll"><table class="px-reuse"><thead><tr><th scope="col">Pair</th>'
        '<th scope="col">Label</th><th scope="col">Word share</th>'
        '<th scope="col">Sentence share</th><th scope="col">Shared passages</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>\n"
    )


def _note(pair: PairReuse, families: tuple[Family, ...]) -> str:
    note = family_note(pair, families)
    return f'<br><span class="px-sub">{html_text(note)}</span>' if note else ""


def _two_bars(first: float, second: float, a: str, b: str) -> str:
    return (f'{bar(first, 1.0, f"{round(first * 100)} %")} <span class="px-sub">of '
            f'{html_text(a)}</span><br>{bar(second, 1.0, f"{round(second * 100)} %")} '
            f'<span class="px-sub">of {html_text(b)}</span>')


def _passages(
    analysis: StoryAnalysis, pair: PairReuse, links: StoryLinks, labels: dict[str, str]
) -> str:
    if not pair.passages:
        return ""
    story = analysis.story
    a, b = story.article(pair.a), story.article(pair.b)
    items = []
    for passage in pair.passages:
        notes = [f"{passage.words} words matched", f"{round(passage.identity * 100)} % identical"]
        if passage.quoted >= 0.5:
            notes.append("a quotation")
        if passage.boilerplate:
            notes.append("a notice, not counted as reuse")
        items.append(
            f'<li><p class="px-sub">{html_text(" · ".join(notes))}</p>'
            f'<blockquote{direction(a.language)}>{_ids(links, a, passage.a)}'
            f'{html_text(passage.a_text)} '
            f'<span class="px-sub">— {html_text(labels[a.id])}</span></blockquote>'
            f'<blockquote{direction(b.language)}>{_ids(links, b, passage.b)}'
            f'{html_text(passage.b_text)} '
            f'<span class="px-sub">— {html_text(labels[b.id])}</span></blockquote></li>'
        )
    return (f"### {md_text(labels[a.id])} and {md_text(labels[b.id])}\n\n"
            f'<ol class="px-passages">{"".join(items)}</ol>\n')


def _ids(links: StoryLinks, article: Article, sentence_ids: tuple[str, ...]) -> str:
    return "".join(
        f'<a class="px-sid" href="{html_text(links.article(article.id, sid))}">{html_text(sid)}'
        "</a> " for sid in sentence_ids
    )


def _credits(analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]) -> str:
    lineage = analysis.lineage
    assert lineage is not None
    rows = []
    for credit in lineage.credits:
        article = analysis.story.article(credit.article)
        where = (f'<a href="{html_text(links.article(article.id, credit.sentence))}">'
                 f"{html_text(credit.sentence)}</a>" if credit.sentence else "front matter")
        rows.append(
            f"<tr><td>{html_text(labels[article.id])}</td><td>{html_text(credit.kind)}</td>"
            f"<td>{html_text(credit.source)}</td><td>“{html_text(credit.text)}”</td>"
            f"<td>{where}</td></tr>"
        )
    if not rows:
        return "<p>No article names an agency or another outlet.</p>\n"
    return (
        "A dateline, agency tag, credit line, copyright line or credit field says the text is "
        "that agency's copy; a citation or an interview credit says the text relies on that "
        "outlet for a fact or a quote.\n\n"
        '<div class="px-scroll"><table class="px-credits"><thead><tr>'
        '<th scope="col">Article</th><th scope="col">Kind</th>'
        '<th scope="col">Source</th><th scope="col">Words</th><th scope="col">Where</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>\n"
    )


def _by_share(reuse: tuple[PairReuse, ...]) -> list[PairReuse]:
    """Strongest reuse first: by label, then by shared sentences and words (then by ids)."""
    return sorted(reuse, key=lambda p: (REUSE_LABELS.index(p.label),
                                        -(p.sentences_a_in_b + p.sentences_b_in_a
                                          + p.words_a_in_b + p.words_b_in_a), p.a, p.b))
