"""The discrepancies page: where outlets disagree on a date, an amount, a name's spelling, or
leave out a fact others state, and where they contradict each other; every value linked to the
sentence it comes from, with how sure the analysis is. Those below the confidence threshold are
listed apart, as possible. The core hands contradictions over as structured reasons;
`wording.contradiction_explanation` words them, for the page and the export alike."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..data import ids
from ..model import Contradiction, Discrepancy, StoryAnalysis
from .common import Bar, Header, SentenceRef, bar, header, sentence_refs
from .generated_page import GeneratedPage
from .links import StoryLinks
from .templating import Templates
from .wording import contradiction_explanation, discrepancy_explanation, discrepancy_topic

KIND_LABELS = {
    "date": "date",
    "number": "number",
    "money": "amount",
    "percent": "percentage",
    "presence": "left out",
    "name": "spelling",
    "contradiction": "contradiction",
}
KIND_HELP = {
    "date": "outlets date the same event differently",
    "number": "outlets count the same thing differently",
    "money": "outlets give different amounts",
    "percent": "outlets give different percentages",
    "presence": "a figure most outlets state is missing from another's matching passage",
    "name": "one name spelt in more than one way",
    "contradiction": "one outlet states what another negates, denies or says the opposite of",
}
ROLE_WORDS = {"states": "states", "negates": "negates"}


@dataclass(frozen=True)
class ValueView:
    outlet: str
    value: str  # as written; empty: not stated
    sentences: list[SentenceRef]


@dataclass(frozen=True)
class DiscrepancyRow:
    discrepancy: Discrepancy
    kind: str  # in words
    topic: str  # what it is about, in words
    explanation: str  # why it is flagged, in words
    values: list[ValueView]
    confidence: Bar


@dataclass(frozen=True)
class SideView:
    outlet: str
    role: str  # in words
    text: str  # the whole sentence
    sentence: list[SentenceRef]


@dataclass(frozen=True)
class ContradictionRow:
    contradiction: Contradiction
    about: str
    sides: list[SideView]
    explanation: str
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
    contradictions: list[ContradictionRow]  # confident
    unconfirmed: list[ContradictionRow]


def render_discrepancies(analysis: StoryAnalysis, templates: Templates) -> GeneratedPage:
    story = analysis.story
    path = ids.story_subpage(story.id, "discrepancies")
    links = StoryLinks(story.id, path)
    labels = story.article_labels()
    title = f"Discrepancies: {story.title}"
    sure = [d for d in analysis.discrepancies if d.confident]
    contradictions = [c for c in analysis.contradictions if c.confident]
    counts = Counter([d.kind for d in sure] + ["contradiction"] * len(contradictions))
    most = max(counts.values(), default=0)
    view = DiscrepanciesView(
        header=header(title, story, links),
        any=bool(analysis.discrepancies or analysis.contradictions),
        kinds=[KindCount(KIND_LABELS[k], bar(n, most, str(n)), KIND_HELP[k])
               for k, n in sorted(counts.items(), key=lambda kv: list(KIND_LABELS).index(kv[0]))],
        sure=[_row(d, analysis, links, labels) for d in sure],
        possible=[_row(d, analysis, links, labels)
                  for d in analysis.discrepancies if not d.confident],
        contradictions=[_contradiction(c, analysis, links, labels) for c in contradictions],
        unconfirmed=[_contradiction(c, analysis, links, labels)
                     for c in analysis.contradictions if not c.confident],
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
    return DiscrepancyRow(discrepancy, KIND_LABELS[discrepancy.kind],
                          discrepancy_topic(discrepancy), discrepancy_explanation(discrepancy),
                          values,
                          bar(discrepancy.confidence, 1.0, f"{discrepancy.confidence:.0%}"))


def _contradiction(
    contradiction: Contradiction, analysis: StoryAnalysis, links: StoryLinks,
    labels: dict[str, str],
) -> ContradictionRow:
    story = analysis.story
    sides = []
    for side in contradiction.sides:
        article = story.article(side.article)
        sides.append(SideView(labels[side.article], ROLE_WORDS[side.role],
                              article.sentence(side.sentence).text,
                              sentence_refs(links, article, (side.sentence,))))
    return ContradictionRow(contradiction, ", ".join(contradiction.words) or contradiction.cue,
                            sides, contradiction_explanation(contradiction, story),
                            bar(contradiction.confidence, 1.0,
                                f"{contradiction.confidence:.0%}"))
