"""The quotes page: each quotation side by side across outlets, its word-level differences and
the fidelity flags in words; then quotations only one outlet carries, then scare quotes."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import Quote, QuoteGroup, QuoteVersion, StoryAnalysis
from .common import (
    Bar,
    Header,
    Piece,
    SentenceRef,
    bar,
    diff_pieces,
    header,
    plain,
    sentence_refs,
)
from .generated_page import OUT_OF_SEARCH, GeneratedPage
from .links import StoryLinks
from .templating import Templates
from .wording import quote_flag_explanation

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
    labels = story.article_labels()
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
        groups=[_group(g, quotes, analysis, links, labels) for g in analysis.quote_groups],
        single=[SingleQuote(labels[q.article], _speaker(q), q.text,
                            sentence_refs(links, story.article(q.article), (q.sentence,)))
                for q in long if q.id not in grouped],
        short=_short(analysis, links, labels),
    )
    rendered = templates.render("quotes", page=view)
    return GeneratedPage(path, title, rendered.html, rendered.headings, (OUT_OF_SEARCH,))


def _group(
    group: QuoteGroup,
    quotes: dict[str, Quote],
    analysis: StoryAnalysis,
    links: StoryLinks,
    labels: dict[str, str],
) -> GroupView:
    story = analysis.story
    versions = group.versions
    opening = " ".join(versions[0].text.split()[:HEADING_WORDS])
    flags = [
        FlagView(f.kind, f.confident, FLAG_LABELS[f.kind] if f.confident else POSSIBLE[f.kind],
                 (labels[f.articles[0]], labels[f.articles[1]]), f.confidence,
                 quote_flag_explanation(f),
                 [(labels[a], sentence_refs(links, story.article(a), (s,)))
                  for a, s in f.sentences])
        for f in group.flags
    ]
    common = min((f.unchanged for f in group.flags if f.kind == "wording"), default=1.0)
    views = []
    for index, version in enumerate(versions):
        members = [quotes[q] for q in version.quotes]
        sentences = tuple(dict.fromkeys(q.sentence for q in members))
        views.append(VersionView(
            _speaker(members[0]),
            sentence_refs(links, story.article(version.article), sentences),
            bool({q.marks for q in members} - {"paired"}),
            _marked(versions, index),
        ))
    return GroupView(
        id=group.id,
        heading=f"{group.speaker or 'speaker not named'}: “{opening}…”",
        flags=flags,
        common=bar(common, 1.0, f"{common:.0%}"),
        columns=[labels[v.article] for v in versions],
        versions=views,
    )


def _marked(versions: tuple[QuoteVersion, ...], index: int) -> list[Piece]:
    """The version at `index`, marked against the first one (with two versions: both ways)."""
    version = versions[index]
    if index == 0:
        if len(versions) != 2:
            return plain(version.text)
        diff = versions[1].diff
        assert diff is not None  # every version after the first is diffed against it
        return diff_pieces(diff, "a")
    assert version.diff is not None
    return diff_pieces(version.diff, "b" if len(versions) == 2 else "both")


def _speaker(quote: Quote) -> Speaker:
    return Speaker(quote.speaker or None, quote.cue or None, quote.via or None)


def _short(
    analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]
) -> list[ShortPhrase]:
    quotes = {q.id: q for q in analysis.quotes}
    return [
        ShortPhrase(phrase.text, len(phrase.quotes),
                    [(labels[quotes[q].article],
                      sentence_refs(links, analysis.story.article(quotes[q].article),
                                    (quotes[q].sentence,)))
                     for q in phrase.quotes])
        for phrase in analysis.short_phrases
    ]
