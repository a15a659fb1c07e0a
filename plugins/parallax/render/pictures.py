"""Pictures of numbers readers compare: the similarity heatmap (bars are in common.py).

Both are plain HTML (no script, no image files), carry the number as text next to the shading,
and so read without colour, in search results, and with a screen reader. The templates are
`partials/heatmap.html` and `partials/bar.html`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class HeatCell:
    value: float | None  # None: the diagonal
    level: int  # five bands, 0..4, also exposed as a class
    href: str | None
    title: str


@dataclass(frozen=True)
class Heatmap:
    caption: str
    labels: list[str]
    rows: list[tuple[str, list[HeatCell]]]


def heatmap(
    labels: Sequence[str],
    value: Callable[[int, int], float | None],
    link: Callable[[int, int], str | None],
    caption: str,
) -> Heatmap:
    """A labelled square matrix; each cell shows its value as text and as a shade (0..1)."""
    rows = []
    for i, row_label in enumerate(labels):
        cells = []
        for j, column_label in enumerate(labels):
            v = value(i, j)
            level = 0 if v is None else min(4, int(v * 5))
            title = "" if v is None else f"{row_label} vs {column_label}: {v:.2f}"
            cells.append(HeatCell(v, level, link(i, j) if v is not None else None, title))
        rows.append((row_label, cells))
    return Heatmap(caption, list(labels), rows)
