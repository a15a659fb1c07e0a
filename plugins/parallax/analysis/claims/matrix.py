"""The claim matrix: one row per claim, one cell per article, each cell proven by sentences.

Curated claims (from `claims.yml`) come first, in file order; suggested claims (see
`discovery.py`) follow in rank order. Each cell's stance, evidence and confidence come from
`stance.StanceReader`; a curated override from `claims.yml` wins and is marked as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Cell, ClaimResult, Reason, Story, SuggestedClaim
from .stance import StanceReader
from .stance_model.model import StanceModel

# A claim counts as widely carried when more than this share of the articles carry it; an
# article that omits such a claim is a notable omission.
WIDELY_CARRIED = 0.5


def claim_matrix(story: Story, reader: StanceReader) -> tuple[ClaimResult, ...]:
    """One row per curated claim, one cell per article; overrides from claims.yml win."""
    results = []
    for claim in story.claims:
        overrides = dict(claim.overrides)
        cells = []
        for article in story.articles:
            if article.id in overrides:
                override = overrides[article.id]
                cell = Cell(override.stance, override.evidence, 1.0, curated=True,
                            note=override.note)
            else:
                cell = reader.cell(claim.text, article)
            cells.append((article.id, cell))
        results.append(_finished(claim.id, claim.text, True, tuple(cells), reader.model))
    return tuple(results)


def suggested_rows(
    story: Story,
    suggestions: Sequence[SuggestedClaim],
    reader: StanceReader,
) -> tuple[ClaimResult, ...]:
    """Matrix rows of suggested claims, in rank order, anchored on the sentences carrying them."""
    results = []
    for suggestion in suggestions:
        anchors = dict(suggestion.support)
        cells = tuple(
            (article.id,
             reader.cell(suggestion.text, article, anchors.get(article.id, ())))
            for article in story.articles
        )
        results.append(_finished(suggestion.id, suggestion.text, False, cells, reader.model))
    return tuple(results)


def _finished(claim_id: str, text: str, curated: bool, cells: tuple[tuple[str, Cell], ...],
              model: StanceModel) -> ClaimResult:
    """A matrix row with its uncertain omissions marked, and who carries and who notably
    omits the claim (read once here, for the page, the export and the CSV alike)."""
    row = mark_uncertain_omissions(ClaimResult(claim_id, text, curated, cells, (), ()), model)
    return replace(row, carried_by=carriers(row), notable_omissions=notable_omissions(row))


def carriers(claim: ClaimResult) -> tuple[str, ...]:
    """Article ids whose cell is not `omits`, in article order."""
    return tuple(a for a, cell in claim.cells if cell.stance != "omits")


def widely_carried(claim: ClaimResult) -> bool:
    """Whether more than `WIDELY_CARRIED` of at least three articles carry the claim."""
    return (len(claim.cells) >= 3
            and len(carriers(claim)) > WIDELY_CARRIED * len(claim.cells))


def notable_omissions(claim: ClaimResult) -> tuple[str, ...]:
    """Articles that surely omit a claim most of the story's articles carry (article order);
    an omission too unsure to outline is an uncertain cell instead."""
    if not widely_carried(claim):
        return ()
    return tuple(a for a, cell in claim.cells if cell.stance == "omits" and not cell.uncertain)


def mark_uncertain_omissions(claim: ClaimResult, model: StanceModel) -> ClaimResult:
    """A claim most outlets carry: its automatic *omits* cells under the model's threshold for
    notable omissions become uncertain (an outlet may state the fact in words not matched)."""
    if not widely_carried(claim):
        return claim
    threshold = model.thresholds.get("omits", 1.0)
    cells = []
    for article_id, cell in claim.cells:
        if cell.stance == "omits" and not cell.curated and cell.score < threshold:
            why = Reason.of("uncertain", reading=cell.why, probability=cell.score,
                            threshold=threshold, omission=True)
            cell = replace(cell, uncertain=True, why=why)
        cells.append((article_id, cell))
    return replace(claim, cells=tuple(cells))
