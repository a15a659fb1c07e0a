"""The claim matrix: one row per claim, one cell per article, each cell proven by sentences.

Curated claims (from `claims.yml`) come first, in file order; suggested claims (see
`discovery.py`) follow in rank order. Each cell's stance, evidence and confidence come from
`stance.article_cell`; a curated override from `claims.yml` wins and is marked as such.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Cell, ClaimResult, Story, SuggestedClaim
from .stance import FactCheck, Scorer, article_cell, no_conflicts

# A claim counts as widely carried when more than this share of the articles carry it; an
# article that omits such a claim is a notable omission.
WIDELY_CARRIED = 0.5


def claim_matrix(
    story: Story, scorer: Scorer, facts: FactCheck = no_conflicts
) -> tuple[ClaimResult, ...]:
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
                cell = article_cell(claim.text, article, scorer, facts)
            cells.append((article.id, cell))
        results.append(ClaimResult(claim.id, claim.text, curated=True, cells=tuple(cells)))
    return tuple(results)


def suggested_rows(
    story: Story,
    suggestions: Sequence[SuggestedClaim],
    scorer: Scorer,
    facts: FactCheck = no_conflicts,
) -> tuple[ClaimResult, ...]:
    """Matrix rows of suggested claims, in rank order, anchored on the sentences carrying them."""
    results = []
    for suggestion in suggestions:
        anchors = dict(suggestion.support)
        cells = tuple(
            (article.id,
             article_cell(suggestion.text, article, scorer, facts, anchors.get(article.id, ())))
            for article in story.articles
        )
        results.append(ClaimResult(suggestion.id, suggestion.text, curated=False, cells=cells))
    return tuple(results)


def carriers(claim: ClaimResult) -> tuple[str, ...]:
    """Article ids whose cell is not `omits`, in article order."""
    return tuple(a for a, cell in claim.cells if cell.stance != "omits")


def notable_omissions(claim: ClaimResult) -> tuple[str, ...]:
    """Articles that omit a claim most of the story's articles carry (in article order)."""
    carried = carriers(claim)
    if len(claim.cells) < 3 or len(carried) <= WIDELY_CARRIED * len(claim.cells):
        return ()
    return tuple(a for a, cell in claim.cells if cell.stance == "omits")
