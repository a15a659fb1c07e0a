"""The claim matrix page: claims as rows, outlets as columns, each cell proven by a link.

Curated claims come first, suggested claims after them in a table of their own (ranked, marked
"suggested", with the outlets that carry each). A cell links to its evidence sentences and quotes
them in a `<details>` block, so the page reads, and searches, fully without JavaScript; the
stance filter (assets/parallax-claims.js) only hides rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import ids
from ..model import Article, Cell, ClaimResult, Stance, StoryAnalysis, SuggestedClaim
from ..nlp.text import normalise_whitespace
from .common import (
    STANCE_LABELS,
    STANCE_SYMBOLS,
    Bar,
    Header,
    Link,
    SentenceRef,
    bar,
    header,
    sentence_refs,
)
from .generated_page import GeneratedPage
from .links import StoryLinks
from .safe import Direction, direction
from .templating import Templates
from .wording import cell_note

UNCERTAIN_SYMBOL = "?"
KIND_LABELS = {"headline": "a headline fact several outlets tell in their own words",
               "shared": "carried by several outlets", "distinctive": "only one outlet says it"}


@dataclass(frozen=True)
class StanceBadge:
    stance: Stance
    symbol: str
    label: str
    curated: bool = False


def stance_badge(stance: Stance, curated: bool = False) -> StanceBadge:
    return StanceBadge(stance, STANCE_SYMBOLS[stance], STANCE_LABELS[stance], curated)


@dataclass(frozen=True)
class QuoteView:
    """One evidence sentence in a cell's quote disclosure: quoted in full the first time the
    page quotes it (`anchor` is its id), and from then on a link to that first quotation
    (`earlier`); a sentence that is the row's claim text itself is not quoted again. So a
    sentence's text is on the page once however many claims it decides."""

    ref: SentenceRef
    anchor: str | None = None
    earlier: str | None = None
    is_claim: bool = False  # the claim's own text is this sentence, word for word


@dataclass(frozen=True)
class CellView:
    cell: Cell
    badge: StanceBadge  # the best reading (shown under "uncertain" for an uncertain cell)
    evidence: list[SentenceRef]
    quotes: list[QuoteView]
    omission: bool  # a notable omission: most outlets carry the claim
    note: str | None  # why it reads as it does, in words
    probability: Bar
    direction: Direction


@dataclass(frozen=True)
class SuggestionNote:
    rank: int
    kind: str  # in words
    carried_by: str


@dataclass(frozen=True)
class ClaimRow:
    claim: ClaimResult
    stances: str  # every stance shown in the row, for the filter
    suggestion: SuggestionNote | None
    cells: list[CellView]


@dataclass(frozen=True)
class Omission:
    claim: Link
    carried: int
    outlets: int
    missing: str


@dataclass(frozen=True)
class ClaimsView:
    header: Header
    legend: list[tuple[str, str]]  # (symbol, label)
    columns: list[str]
    omissions: list[Omission]
    curated: list[ClaimRow]
    suggested: list[ClaimRow]


def render_claims(analysis: StoryAnalysis, templates: Templates) -> GeneratedPage:
    story = analysis.story
    path = ids.story_subpage(story.id, "claims")
    links = StoryLinks(story.id, path)
    labels = story.article_labels()
    title = f"Claim matrix: {story.title}"
    curated = [c for c in analysis.claims if c.curated]
    suggested = [c for c in analysis.claims if not c.curated]
    meta = {s.id: s for s in analysis.suggestions}
    quoted: dict[str, str] = {}  # sentence link -> id of the page's first quotation of it
    view = ClaimsView(
        header=header(title, story, links),
        legend=[(STANCE_SYMBOLS[s], STANCE_LABELS[s]) for s in STANCE_LABELS]
        + [(UNCERTAIN_SYMBOL, "uncertain")],
        columns=[labels[a.id] for a in story.articles],
        omissions=_omissions(curated, labels),
        # In page order: curated rows come first, so the first quotation is the one above.
        curated=[_row(c, analysis, links, labels, None, quoted) for c in curated],
        suggested=[_row(c, analysis, links, labels, meta.get(c.id), quoted)
                   for c in suggested],
    )
    rendered = templates.render("claims", page=view)
    # The matrix needs the full width.
    return GeneratedPage(path, title, rendered.html, rendered.headings,
                         (("hide", ["navigation", "toc"]),))


def _omissions(claims: list[ClaimResult], labels: dict[str, str]) -> list[Omission]:
    """Notable omissions: outlets leaving out what most others carry."""
    found = []
    for claim in claims:
        if claim.notable_omissions:
            found.append(Omission(Link(f"#claim-{claim.id}", claim.text), len(claim.carried_by),
                                  len(claim.cells),
                                  ", ".join(labels[a] for a in claim.notable_omissions)))
    return found


def _row(
    claim: ClaimResult,
    analysis: StoryAnalysis,
    links: StoryLinks,
    labels: dict[str, str],
    suggestion: SuggestedClaim | None,
    quoted: dict[str, str],
) -> ClaimRow:
    articles = analysis.story.articles
    omitted = set(claim.notable_omissions)
    note = None
    if suggestion is not None:
        support = dict(suggestion.support)
        note = SuggestionNote(suggestion.rank, KIND_LABELS[suggestion.kind],
                              ", ".join(labels[a.id] for a in articles if a.id in support))
    return ClaimRow(
        claim=claim,
        stances=" ".join(sorted({cell.shown for _, cell in claim.cells})),
        suggestion=note,
        cells=[_cell(claim, a, links, a.id in omitted, quoted) for a in articles],
    )


def _cell(claim: ClaimResult, article: Article, links: StoryLinks, omission: bool,
          quoted: dict[str, str]) -> CellView:
    cell = claim.cell(article.id)
    evidence = sentence_refs(links, article, cell.evidence)
    return CellView(
        cell=cell,
        badge=stance_badge(cell.stance, cell.curated and not cell.uncertain),
        evidence=evidence,
        quotes=[_quote(ref, article, claim.text, quoted) for ref in evidence],
        omission=omission,
        note=cell_note(cell),
        probability=bar(cell.score, 1.0, f"{cell.score:.2f}"),
        direction=direction(article.language),
    )


def _quote(ref: SentenceRef, article: Article, claim_text: str,
           quoted: dict[str, str]) -> QuoteView:
    if normalise_whitespace(ref.text) == normalise_whitespace(claim_text):
        return QuoteView(ref, is_claim=True)
    earlier = quoted.get(ref.href)
    if earlier is not None:
        return QuoteView(ref, earlier=f"#{earlier}")
    anchor = quoted[ref.href] = f"q-{article.id}-{ref.id}"
    return QuoteView(ref, anchor=anchor)
