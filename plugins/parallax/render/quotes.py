"""The quotes page: each quotation side by side across outlets, its word-level differences and
the fidelity flags in words; then quotations only one outlet carries, then scare quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis.alignment.word_diff import word_diff
from ..analysis.facts.quote_groups import joined_text
from ..data import ids
from ..model import Quote, QuoteGroup, StoryAnalysis
from ..nlp.text import fold
from .common import (
    Bar,
    Header,
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
from .templating import Templates

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

# Where a quotation sits: the outlet's label and a link to the sentence.
Place = tuple[str, list[SentenceRef]]


@dataclass(frozen=True)
class Speaker:
    name: str | None
    cue: str | None
    via: str | None


@dataclass(frozen=True)
class FlagView:
    kind: str
    confident: bool
    label: str
    between: tuple[str, str]
    confidence: float
    explanation: str
    sentences: list[Place]


@dataclass(frozen=True)
class VersionView:
    """One outlet's version of a quotation, marked against the others."""

    speaker: Speaker
    sentences: list[SentenceRef]
    missing_mark: bool  # a quotation mark is missing in the source
    pieces: list[Piece]


@dataclass(frozen=True)
class GroupView:
    id: str
    heading: str
    flags: list[FlagView]
    common: Bar
    columns: list[str]
    versions: list[VersionView]


@dataclass(frozen=True)
class SingleQuote:
    outlet: str
    speaker: Speaker
    text: str
    sentence: list[SentenceRef]


@dataclass(frozen=True)
class ShortPhrase:
    text: str
    times: int
    places: list[Place]


@dataclass(frozen=True)
class QuotesView:
    header: Header
    quotations: int
    flagged: int
    possible: int
    groups: list[GroupView]
    single: list[SingleQuote]
    short: list[ShortPhrase]


def render_quotes(analysis: StoryAnalysis, templates: Templates) -> GeneratedPage:
    story = analysis.story
    path = ids.story_subpage(story.id, "quotes")
    links = StoryLinks(story.id, path)
    labels = article_labels(story)
    quotes = {q.id: q for q in analysis.quotes}
    title = f"Quotes: {story.title}"
    grouped = {qid for g in analysis.quote_groups for qid in g.quotes}
    long = [q for q in analysis.quotes if not q.short]
    view = QuotesView(
        header=header(title, story, links),
        quotations=len(long),
        flagged=sum(1 for g in analysis.quote_groups if any(f.confident for f in g.flags)),
        possible=sum(1 for g in analysis.quote_groups
                     if g.flags and not any(f.confident for f in g.flags)),
        groups=[_group(g, [quotes[q] for q in g.quotes], analysis, links, labels)
                for g in analysis.quote_groups],
        single=[SingleQuote(labels[q.article], _speaker(q), q.text,
                            sentence_refs(links, story.article(q.article), (q.sentence,)))
                for q in long if q.id not in grouped],
        short=_short(analysis, links, labels),
    )
    rendered = templates.render("quotes", page=view)
    return GeneratedPage(path, title, rendered.html, rendered.headings)


def _group(
    group: QuoteGroup,
    members: Sequence[Quote],
    analysis: StoryAnalysis,
    links: StoryLinks,
    labels: dict[str, str],
) -> GroupView:
    story = analysis.story
    by_article: dict[str, list[Quote]] = {}
    for quote in members:
        by_article.setdefault(quote.article, []).append(quote)
    articles = list(by_article)
    texts = [joined_text(by_article[a]) for a in articles]
    opening = " ".join(texts[0].split()[:HEADING_WORDS])
    flags = [
        FlagView(f.kind, f.confident, FLAG_LABELS[f.kind] if f.confident else POSSIBLE[f.kind],
                 (labels[f.articles[0]], labels[f.articles[1]]), f.confidence, f.explanation,
                 [(labels[a], sentence_refs(links, story.article(a), (s,)))
                  for a, s in f.sentences])
        for f in group.flags
    ]
    common = min((f.unchanged for f in group.flags if f.kind == "wording"), default=1.0)
    versions = []
    for index, article_id in enumerate(articles):
        quotes = by_article[article_id]
        sentences = tuple(dict.fromkeys(q.sentence for q in quotes))
        versions.append(VersionView(
            _speaker(quotes[0]),
            sentence_refs(links, story.article(article_id), sentences),
            bool({q.marks for q in quotes} - {"paired"}),
            _diffed(texts, index),
        ))
    return GroupView(
        id=group.id,
        heading=f"{group.speaker or 'speaker not named'}: “{opening}…”",
        flags=flags,
        common=bar(common, 1.0, f"{common:.0%}"),
        columns=[labels[a] for a in articles],
        versions=versions,
    )


def _diffed(texts: list[str], index: int) -> list[Piece]:
    """The version at `index`, marked against the first one (with two versions: both ways)."""
    reference = texts[0]
    if index == 0:
        if len(texts) != 2:
            return plain(reference)
        return diff_pieces(word_diff(reference, texts[1]), "a")
    return diff_pieces(word_diff(reference, texts[index]), "b" if len(texts) == 2 else "both")


def _speaker(quote: Quote) -> Speaker:
    return Speaker(quote.speaker or None, quote.cue or None, quote.via or None)


def _short(
    analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]
) -> list[ShortPhrase]:
    phrases: dict[str, list[Quote]] = {}
    for quote in (q for q in analysis.quotes if q.short):
        phrases.setdefault(fold(quote.text).strip(" .,"), []).append(quote)
    return [
        ShortPhrase(quotes[0].text, len(quotes),
                    [(labels[q.article],
                      sentence_refs(links, analysis.story.article(q.article), (q.sentence,)))
                     for q in quotes])
        for _, quotes in sorted(phrases.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
