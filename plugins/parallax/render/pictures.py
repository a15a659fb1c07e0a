"""Pictures of numbers readers compare: a similarity heatmap and inline bars.

Both are plain HTML (no script, no image files), carry the number as text next to the shading,
and so read without colour, in search results, and with a screen reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .safe import html_text


def bar(value: float, maximum: float, label: str) -> str:
    """A horizontal bar proportional to value/maximum, with the number written beside it."""
    share = 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum))
    return (
        f'<span class="px-bar" role="img" aria-label="{html_text(label)}">'
        f'<span class="px-bar-fill" style="width:{share * 100:.1f}%"></span></span>'
        f' <span class="px-num">{html_text(label)}</span>'
    )


def heatmap(
    labels: Sequence[str],
    value: Callable[[int, int], float | None],
    link: Callable[[int, int], str | None],
    caption: str,
) -> str:
    """A labelled square matrix; each cell shows its value as text and as a shade (0..1)."""
    head = "".join(f'<th scope="col">{html_text(label)}</th>' for label in labels)
    rows = []
    for i, row_label in enumerate(labels):
        cells = []
        for j in range(len(labels)):
            v = value(i, j)
            if v is None:
                cells.append('<td class="px-heat px-heat-self" aria-label="same article">—</td>')
                continue
            text = f"{v:.2f}"
            href = link(i, j)
            inner = f'<a href="{html_text(href)}">{text}</a>' if href else text
            level = min(4, int(v * 5))  # five bands, also exposed as a pattern-free class
            cells.append(
                f'<td class="px-heat px-heat-{level}" style="--px-v:{v:.3f}" '
                f'title="{html_text(row_label)} vs {html_text(labels[j])}: {text}">{inner}</td>'
            )
        rows.append(f'<tr><th scope="row">{html_text(row_label)}</th>{"".join(cells)}</tr>')
    return (
        f'<div class="px-scroll"><table class="px-heatmap"><caption>{html_text(caption)}</caption>'
        f'<thead><tr><td></td>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )
