"""The quotes page: each quotation side by side across outlets, its word-level differences and
the fidelity flags in words; then quotations only one outlet carries, then scare quotes."""

from __future__ import annotations

from collections.abc import Sequence

from .. import ids
from ..diff import word_diff
from ..model import Quote, QuoteGroup, StoryAnalysis
from ..quote_groups import joined_text
from ..text import fold
from .common import article_labels, sentence_links
from .links import StoryLinks
from .pictures import bar
from .safe import front_matter, html_text, isolated, md_text

FLAG_LABELS = {
    "wording": "⚠ Words differ between outlets",
    "speaker": "⚠ Attributed to different speakers",
}
# A flag the analysis is not sure of (the versions may be two quotations): said as possible.
POSSIBLE = {
    "wording": "Possibly, unconfirmed: words differ between outlets",
    "speaker": "Possibly, unconfirmed: attributed to different speakers",
}
HEADING_WORDS = 8


def render_quotes(analysis: StoryAnalysis) -> str:
    story = analysis.story
    links = StoryLinks(story.id, ids.story_subpage(story.id, "quotes"))
    labels = article_labels(story)
    quotes = {q.id: q for q in analysis.quotes}
    title = f"Quotes: {story.title}"
    grouped = {qid for g in analysis.quote_groups for qid in g.quotes}
    flagged = sum(1 for g in analysis.quote_groups if any(f.confident for f in g.flags))
    possible = sum(1 for g in analysis.quote_groups
                   if g.flags and not any(f.confident for f in g.flags))
    long = [q for q in analysis.quotes if not q.short]
    parts = [
        front_matter(title),
        f"# {md_text(title)}\n",
        f'<p class="px-meta"><a href="{html_text(links.story_home())}">'
        f"{html_text(story.title)}</a></p>\n",
        "Every direct quotation in the coverage, with who it is attributed to. When several "
        "outlets carry the same quotation, their versions stand side by side: words one version "
        "lacks are <del>struck through</del>, words it adds are <ins>underlined</ins>. A "
        "quotation should be verbatim, so any change of wording between outlets is flagged, as "
        "is one quotation attributed to different people. Quotations count as one only when "
        "their words overlap substantially, or when the same speaker says them at the same "
        "event; a flag the analysis is not sure of is marked as possible. A speaker read from "
        "“he said” is the last speaker the passage named; a paper that carried the words is "
        "shown as the source, not as the speaker. Sentence numbers link to the sentence in the "
        "article.\n",
        f'<p class="px-summary">{len(long)} quotations · {len(analysis.quote_groups)} carried by '
        f"several outlets · {flagged} flagged · {possible} possibly</p>\n",
        "## Quotations carried by several outlets\n",
    ]
    if not analysis.quote_groups:
        parts.append("<p>No quotation appears in more than one outlet.</p>\n")
    for group in analysis.quote_groups:
        parts.append(_group(group, [quotes[q] for q in group.quotes], analysis, links, labels))
    parts.append("## Quotations in one outlet only\n")
    single = [q for q in long if q.id not in grouped]
    if single:
        items = "".join(
            f"<li><strong>{html_text(labels[q.article])}</strong>, "
            f"{_speaker(q)}: “{isolated(q.text)}” "
            f"{sentence_links(links, story.article(q.article), (q.sentence,))}</li>"
            for q in single
        )
        parts.append(f'<ul class="px-single-quotes">{items}</ul>\n')
    else:
        parts.append("<p>None.</p>\n")
    parts.append("## Short quoted phrases\n")
    parts.append(
        "Phrases of one to three words in quotation marks (“fake reports”) mark a word as "
        "someone else's rather than quote a statement; they are listed, not compared.\n"
    )
    parts.append(_short(analysis, links, labels))
    return "\n".join(parts)


def _group(
    group: QuoteGroup,
    members: Sequence[Quote],
    analysis: StoryAnalysis,
    links: StoryLinks,
    labels: dict[str, str],
) -> str:
    story = analysis.story
    by_article: dict[str, list[Quote]] = {}
    for quote in members:
        by_article.setdefault(quote.article, []).append(quote)
    articles = list(by_article)
    texts = [joined_text(by_article[a]) for a in articles]
    opening = " ".join(texts[0].split()[:HEADING_WORDS])
    speaker = group.speaker or "speaker not named"
    heading = f"### {md_text(speaker)}: “{md_text(opening)}…”\n"
    if group.flags:
        flags = "".join(
            f'<li class="px-flag px-flag-{f.kind}{"" if f.confident else " px-possible"}">'
            f"<strong>{html_text(FLAG_LABELS[f.kind] if f.confident else POSSIBLE[f.kind])}"
            f"</strong> ({html_text(labels[f.articles[0]])} vs "
            f"{html_text(labels[f.articles[1]])}, sure: {f.confidence:.0%}): "
            f"{html_text(f.explanation)} Sentences: "
            f"{_flag_sentences(f.sentences, analysis, links)}</li>"
            for f in group.flags
        )
        status = f'<ul class="px-flags">{flags}</ul>'
    else:
        status = '<p class="px-flag px-flag-ok">✔ The same words in every outlet.</p>'
    common = min((f.unchanged for f in group.flags if f.kind == "wording"), default=1.0)
    picture = (f'<p class="px-common">Words in common between the versions: '
               f"{bar(common, 1.0, f'{common:.0%}')}</p>")
    head = "".join(f'<th scope="col">{html_text(labels[a])}</th>' for a in articles)
    cells = []
    for index, article_id in enumerate(articles):
        quotes = by_article[article_id]
        article = story.article(article_id)
        body = _diffed(texts, index)
        sentences = sentence_links(links, article, tuple(dict.fromkeys(q.sentence
                                                                      for q in quotes)))
        marks = {q.marks for q in quotes} - {"paired"}
        mark_note = (' <span class="px-sub">(a quotation mark is missing in the source)</span>'
                     if marks else "")
        cells.append(
            f'<td class="px-quote-cell"><p class="px-sub">{_speaker(quotes[0])} · '
            f"{sentences}{mark_note}</p><blockquote>{body}</blockquote></td>"
        )
    table = (f'<div class="px-scroll"><table class="px-quotes"><thead><tr>{head}</tr></thead>'
             f'<tbody><tr>{"".join(cells)}</tr></tbody></table></div>')
    return (f"{heading}\n<div class=\"px-quote-group\" id=\"{html_text(group.id)}\">"
            f"{status}{picture}{table}</div>\n")


def _diffed(texts: list[str], index: int) -> str:
    """The version at `index`, marked against the first one (with two versions: both ways)."""
    reference = texts[0]
    if index == 0:
        if len(texts) != 2:
            return html_text(reference)
        return _marked(reference, texts[1], side="a")
    return _marked(reference, texts[index], side="b" if len(texts) == 2 else "both")


def _marked(text_a: str, text_b: str, side: str) -> str:
    diff = word_diff(text_a, text_b)
    if diff.rewritten:
        own = text_a if side == "a" else text_b
        tag = "del" if side == "a" else "ins"
        return f'<{tag} class="px-block">{html_text(own)}</{tag}>'
    out = []
    for segment in diff.segments:
        if segment.op == "equal":
            out.append(html_text(segment.a if side == "a" else segment.b))
            continue
        if segment.a and side in ("a", "both"):
            out.append(f"<del>{html_text(segment.a)}</del>")
        if segment.b and side in ("b", "both"):
            out.append(f"<ins>{html_text(segment.b)}</ins>")
    return "".join(out)


def _speaker(quote: Quote) -> str:
    via = f" · via {html_text(quote.via)}" if quote.via else ""
    if not quote.speaker:
        return f'<span class="px-none">speaker not named</span>{via}'
    cue = f" ({html_text(quote.cue)})" if quote.cue else ""
    return f"{html_text(quote.speaker)}{cue}{via}"


def _flag_sentences(
    sentences: tuple[tuple[str, str], ...], analysis: StoryAnalysis, links: StoryLinks
) -> str:
    labels = article_labels(analysis.story)
    return "; ".join(
        f"{html_text(labels[a])} "
        f"{sentence_links(links, analysis.story.article(a), (s,))}" for a, s in sentences
    )


def _short(analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]) -> str:
    phrases: dict[str, list[Quote]] = {}
    for quote in (q for q in analysis.quotes if q.short):
        phrases.setdefault(fold(quote.text).strip(" .,"), []).append(quote)
    if not phrases:
        return "<p>None.</p>\n"
    rows = []
    for _, quotes in sorted(phrases.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        where = "; ".join(
            f"{html_text(labels[q.article])} "
            f"{sentence_links(links, analysis.story.article(q.article), (q.sentence,))}"
            for q in quotes
        )
        rows.append(f"<tr><td>“{isolated(quotes[0].text)}”</td>"
                    f'<td class="px-num">{len(quotes)}</td><td>{where}</td></tr>')
    return ('<table class="px-short-quotes"><thead><tr><th scope="col">Phrase</th>'
            '<th scope="col">Times</th><th scope="col">Where</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>\n")
