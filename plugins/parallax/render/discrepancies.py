"""The discrepancies page: where outlets disagree on a date, an amount, a name's spelling, or
leave out a fact others state; every value linked to the sentence it comes from, with how sure
the analysis is. Those below the confidence threshold are listed apart, as possible."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import ids
from ..model import Discrepancy, StoryAnalysis
from .common import Bar, Header, SentenceRef, article_labels, bar, header, sentence_refs
from .links import StoryLinks
from .page import GeneratedPage
from .templating import Templates

KIND_LABELS = {
    "date": "date",
    "number": "number",
    "money": "amount",
    "percent": "percentage",
    "presence": "left out",
    "name": "spelling",
}
KIND_HELP = {
    "date": "outlets date the same event differently",
    "number": "outlets count the same thing differently",
    "money": "outlets give different amounts",
    "percent": "outlets give different percentages",
    "presence": "a figure most outlets state is missing from another's matching passage",
    "name": "one name spelt in more than one way",
}


@dataclass(frozen=True)
class ValueView:
    outlet: str
    value: str  # as written; empty: not stated
    sentences: list[SentenceRef]


@dataclass(frozen=True)
class DiscrepancyRow:
    discrepancy: Discrepancy
    kind: str  # in words
    values: list[ValueView]
    confidence: Bar


@dataclass(frozen=True)
class KindCount:
    kind: str
    found: Bar
    meaning: str


@dataclass(frozen=True)
class DiscrepanciesView:
    header: Header
    any: bool
    kinds: list[KindCount]  # of the confident ones
    sure: list[DiscrepancyRow]
    possible: list[DiscrepancyRow]


def render_discrepancies(analysis: StoryAnalysis, templates: Templates) -> GeneratedPage:
    story = analysis.story
    path = ids.story_subpage(story.id, "discrepancies")
    links = StoryLinks(story.id, path)
    labels = article_labels(story)
    title = f"Discrepancies: {story.title}"
    sure = [d for d in analysis.discrepancies if d.confident]
    counts = Counter(d.kind for d in sure)
    most = max(counts.values(), default=0)
    view = DiscrepanciesView(
        header=header(title, story, links),
        any=bool(analysis.discrepancies),
        kinds=[KindCount(KIND_LABELS[k], bar(n, most, str(n)), KIND_HELP[k])
               for k, n in sorted(counts.items(), key=lambda kv: list(KIND_LABELS).index(kv[0]))],
        sure=[_row(d, analysis, links, labels) for d in sure],
        possible=[_row(d, analysis, links, labels)
                  for d in analysis.discrepancies if not d.confident],
    )
    rendered = templates.render("discrepancies", page=view)
    return GeneratedPage(path, title, rendered.html, rendered.headings)


def _row(
    discrepancy: Discrepancy, analysis: StoryAnalysis, links: StoryLinks, labels: dict[str, str]
) -> DiscrepancyRow:
    values = [
        ValueView(labels[v.article], v.value,
                  sentence_refs(links, analysis.story.article(v.article), v.sentences))
        for v in discrepancy.values
    ]
    return DiscrepancyRow(discrepancy, KIND_LABELS[discrepancy.kind], values,
                          bar(discrepancy.confidence, 1.0, f"{discrepancy.confidence:.0%}"))
