"""The lineage picture: an inline SVG drawn at build time (no script, no external service).

Sources the articles credit sit on top, articles below. Line style, never colour, tells the
kinds apart: a solid arrow from a source = credited in the text, a dashed arrow = inferred
from shared text, a thick curve between articles = copied or rewritten text (labelled on the
curve itself, with the share of each article's sentences that has a counterpart in the other on
that article's side of the label: "100 % · rewrite · 82 %"), a dotted curve = shared quotations
only. `<title>`/`<desc>` carry the same information in words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Lineage, LineageEdge, LineageNode
from .safe import html_text

CHAR = 7.0  # average glyph width in px at the 12px label size (generous, so labels fit)
LINE = 15  # px between label lines
PAD = 10
GAP = 36  # px between neighbouring article boxes
TOP = 14
PORT_GAP = 44  # px between two arcs leaving one box, so their ends stay apart
ROW_GAP = 92  # px between the bottom of the source row and the top of the article row
ARC_BASE = 44  # depth of the arc between neighbouring articles; further apart = deeper
ARC_STEP = 26
MIN_SCALE = 0.7  # narrow screens scroll sideways rather than shrink the picture further

STYLES = {  # edge kind → (line class, SVG dash pattern, width, legend words)
    "credited": ("px-lin-credited", None, 1.6, "credits the source in its text"),
    "inferred": ("px-lin-inferred", "7 5", 1.6, "carries the source's copy without crediting it"),
    "text": ("px-lin-text", None, 3.2, "copied or rewritten text, labelled on the curve; each % "
                                       "= share of the sentences of the article on that side "
                                       "with a counterpart in the other"),
    "quotes": ("px-lin-quotes", "1.5 4", 1.6, "shares quotations only"),
}
_DATE_CLASS = ' class="px-lin-date"'
SHORT_LABELS = {"verbatim copy": "verbatim copy", "rewrite of shared source": "rewrite",
                "shares quotes only": "quotes only"}


@dataclass
class _Box:
    node: LineageNode
    lines: list[str]
    x: float = 0.0  # left
    y: float = 0.0  # top
    w: float = 0.0
    h: float = 0.0

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


def lineage_svg(lineage: Lineage, title: str, order: list[str]) -> str:
    """The picture as one line-broken-free HTML block; `order` = article ids left to right."""
    boxes = {n.id: _box(n) for n in lineage.nodes}
    for node_id, count in Counter(x for e in lineage.edges if e.kind == "reuse"
                                  for x in (e.source, e.target)).items():
        boxes[node_id].w = max(boxes[node_id].w, (count + 1) * PORT_GAP)  # a port per arc
    articles = [boxes[i] for i in order if i in boxes]
    sources = [b for b in boxes.values() if b.node.kind == "source"]
    has_sources = bool(sources)
    article_top = TOP + (max((b.h for b in sources), default=0) + ROW_GAP if has_sources else 0)
    x = float(PAD)
    for box in articles:
        box.x, box.y = x, article_top
        x += box.w + GAP
    width = max(x - GAP + PAD, 240.0)
    _place_sources(sources, lineage.edges, boxes, width)
    position = {b.node.id: k for k, b in enumerate(articles)}
    bottom = max((b.y + b.h for b in articles), default=article_top)
    ports = _ports(lineage.edges, boxes)
    parts: list[str] = []
    deepest = bottom
    for edge in lineage.edges:
        if edge.kind == "reuse":
            svg, depth = _arc(edge, boxes, position, bottom, ports)
            deepest = max(deepest, depth)
        else:
            svg = _straight(edge, boxes)
        parts.append(svg)
    parts += [_node_svg(b) for b in boxes.values()]
    height = deepest + 28
    desc = " ".join([*_edge_words(lineage), *lineage.sentences])
    return (
        '<figure class="px-lineage"><div class="px-lin-scroll">'
        f'<svg role="img" aria-labelledby="px-lin-title px-lin-desc" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'style="min-width: {width * MIN_SCALE:.0f}px" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="12">'
        f'<title id="px-lin-title">{html_text(title)}</title>'
        f'<desc id="px-lin-desc">{html_text(desc)}</desc>'
        '<defs><marker id="px-lin-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        'markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="currentColor"/></marker></defs>'
        f'{"".join(parts)}</svg></div>{_legend(lineage)}</figure>'
    )


def _box(node: LineageNode) -> _Box:
    name = node.label
    if len(name) > 22 and " (" in name:
        head, _, tail = name.partition(" (")
        lines = [head, f"({tail}"]
    else:
        lines = [name]
    lines.append(("undated" if node.date is None else node.date) if node.kind == "article"
                 else "source")
    w = max(90.0, max(len(line) for line in lines) * CHAR + 2 * PAD)
    return _Box(node, lines, w=w, h=len(lines) * LINE + PAD)


def _place_sources(
    sources: list[_Box], edges: tuple[LineageEdge, ...], boxes: dict[str, _Box], width: float
) -> None:
    """Each source centred over the articles it reaches, nudged right to avoid overlaps."""
    x_min = float(PAD)
    for box in sorted(sources, key=lambda b: b.node.id):
        targets = [boxes[e.target].cx for e in edges if e.source == box.node.id]
        centre = sum(targets) / len(targets) if targets else width / 2
        box.x = min(max(centre - box.w / 2, x_min), max(width - PAD - box.w, x_min))
        box.y = TOP
        x_min = box.x + box.w + GAP


def _straight(edge: LineageEdge, boxes: dict[str, _Box]) -> str:
    source, target = boxes[edge.source], boxes[edge.target]
    cls, dash, width, _ = STYLES[edge.kind]
    x1, y1 = source.cx, source.y + source.h
    x2, y2 = target.cx, target.y - 2
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    return (
        f'<g class="px-lin-edge {cls}"><line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
        f'y2="{y2:.1f}" stroke="currentColor" stroke-width="{width}"'
        f'{_dash(dash)} marker-end="url(#px-lin-arrow)"/>'
        f'<text class="px-lin-halo" x="{mx:.1f}" y="{my:.1f}" text-anchor="middle">'
        f"{html_text(edge.kind)}</text></g>"
    )


def _ports(edges: tuple[LineageEdge, ...], boxes: dict[str, _Box]) -> dict[tuple[str, str], float]:
    """Where each arc leaves each box: spread along its bottom edge."""
    ends: dict[str, list[tuple[float, str]]] = {}
    for edge in edges:
        if edge.kind == "reuse":
            ends.setdefault(edge.source, []).append((boxes[edge.target].cx, edge.target))
            ends.setdefault(edge.target, []).append((boxes[edge.source].cx, edge.source))
    ports: dict[tuple[str, str], float] = {}
    for node, partners in ends.items():
        box = boxes[node]
        # Left partners take the left ports; on each side the farther partner's (deeper) arc
        # leaves from the outer port, so arcs from one box never cross.
        partners.sort(key=lambda p: (p[0] > box.cx, -p[0], p[1]))
        for k, (_, other) in enumerate(partners):
            ports[(node, other)] = box.x + box.w * (k + 1) / (len(partners) + 1)
    return ports


def _arc(
    edge: LineageEdge,
    boxes: dict[str, _Box],
    position: dict[str, int],
    bottom: float,
    ports: dict[tuple[str, str], float],
) -> tuple[str, float]:
    source, target = boxes[edge.source], boxes[edge.target]
    kind = "quotes" if edge.label == "shares quotes only" else "text"
    cls, dash, width, _ = STYLES[kind]
    span = abs(position[edge.source] - position[edge.target])
    depth = bottom + ARC_BASE + ARC_STEP * (span - 1)
    x1, x2 = ports[(edge.source, edge.target)], ports[(edge.target, edge.source)]
    y1, y2 = source.y + source.h, target.y + target.h + (2 if edge.directed else 0)
    cx, cy = (x1 + x2) / 2, 2 * depth - (y1 + y2) / 2  # control point: the curve peaks at depth
    marker = ' marker-end="url(#px-lin-arrow)"' if edge.directed else ""
    label = html_text(SHORT_LABELS.get(edge.label or "", edge.label or "reuse"))
    parts = [
        f'<g class="px-lin-edge {cls}"><path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} '
        f'{x2:.1f},{y2:.1f}" fill="none" stroke="currentColor" stroke-width="{width}"'
        f"{_dash(dash)}{marker}/>",
    ]
    # The label sits on its own curve, at the curve's lowest point (haloed, so it breaks the
    # line it belongs to); copied text also gets the share of each article's sentences that
    # have a counterpart in the other on that article's side: "100 % · rewrite · 82 %".
    if kind == "text" and edge.share is not None and edge.share_back is not None:
        left, right = (edge.share_back, edge.share) if x1 <= x2 else (edge.share, edge.share_back)
        label = (f'<tspan class="px-lin-share">{round(left * 100)} %</tspan> · {label} · '
                 f'<tspan class="px-lin-share">{round(right * 100)} %</tspan>')
    parts.append(f'<text class="px-lin-halo" x="{cx:.1f}" y="{depth + 4:.1f}" '
                 f'text-anchor="middle">{label}</text>')
    parts.append("</g>")
    return "".join(parts), depth + 16


def _node_svg(box: _Box) -> str:
    cls = "px-lin-source" if box.node.kind == "source" else "px-lin-article"
    dash = ' stroke-dasharray="4 3"' if box.node.kind == "source" else ""
    last = len(box.lines) - 1
    lines = "".join(
        f'<text x="{box.cx:.1f}" y="{box.y + PAD + 8 + k * LINE:.1f}" text-anchor="middle"'
        f'{_DATE_CLASS if k == last else ""}>{html_text(line)}</text>'
        for k, line in enumerate(box.lines)
    )
    return (
        f'<g class="px-lin-node {cls}"><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
        f'height="{box.h:.1f}" rx="6" fill="none" stroke="currentColor" stroke-width="1.2"{dash}/>'
        f"{lines}</g>"
    )


def _legend(lineage: Lineage) -> str:
    kinds = []
    for edge in lineage.edges:
        kind = edge.kind if edge.kind != "reuse" else (
            "quotes" if edge.label == "shares quotes only" else "text")
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        return ""
    items = []
    for kind in sorted(kinds, key=list(STYLES).index):
        _, dash, width, words = STYLES[kind]
        sample = (f'<svg width="42" height="10" aria-hidden="true"><line x1="1" y1="5" x2="41" '
                  f'y2="5" stroke="currentColor" stroke-width="{width}"{_dash(dash)}/></svg>')
        items.append(f"<li>{sample} {html_text(words)}</li>")
    return (f'<figcaption><ul class="px-lin-legend">{"".join(items)}</ul>'
            "Arrows point from the earlier witness to the later one where the direction is "
            "known.</figcaption>")


def _edge_words(lineage: Lineage) -> list[str]:
    label = {n.id: n.label for n in lineage.nodes}
    words = []
    for edge in lineage.edges:
        link = "→" if edge.directed else "and"
        kind = edge.kind if edge.kind != "reuse" else (edge.label or "reuse")
        words.append(f"{label[edge.source]} {link} {label[edge.target]}: {kind}.")
    return words


def _dash(pattern: str | None) -> str:
    return f' stroke-dasharray="{pattern}"' if pattern else ""
