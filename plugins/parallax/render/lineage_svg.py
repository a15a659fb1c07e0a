"""The lineage picture's geometry: an inline SVG drawn at build time (no script, no external
service) by `partials/lineage-picture.html` from the shapes computed here.

Sources the articles credit sit on top, articles below. Line style, never colour, tells the
kinds apart: a solid arrow from a source = credited in the text, a dashed arrow = inferred
from shared text, a thick curve between articles = copied or rewritten text (labelled on the
curve itself, with the share of each article's sentences that has a counterpart in the other on
that article's side of the label: "100 % · rewrite · 82 %"), a dotted curve = shared quotations
only. `<title>`/`<desc>` carry the same information in words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Lineage, LineageEdge, LineageNode
from .wording import LINE_MEANINGS, SHORT_REUSE_LABELS

CHAR = 7.0  # average glyph width in px at the 12px label size (generous, so labels fit)
LINE = 15  # px between label lines
PAD = 10
GAP = 36  # px between neighbouring article boxes
TOP = 14
PORT_GAP = 44  # px between two arcs leaving one box, so their ends stay apart
ROW_GAP = 92  # px between the bottom of the source row and the top of the article row
ARC_BASE = 44  # depth of the arc between neighbouring articles; further apart = deeper
ARC_STEP = 48
MIN_SCALE = 0.7  # narrow screens scroll sideways rather than shrink the picture further

STYLES = {  # edge kind → (line class, SVG dash pattern, width); the legend's words: wording.py
    "credited": ("px-lin-credited", None, 1.6),
    "inferred": ("px-lin-inferred", "7 5", 1.6),
    "text": ("px-lin-text", None, 3.2),
    "quotes": ("px-lin-quotes", "1.5 4", 1.6),
}


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


@dataclass(frozen=True)
class Label:
    """A line of text at (x, y); `date` lines are set smaller."""

    x: float
    y: float
    text: str
    date: bool = False


@dataclass(frozen=True)
class Node:
    css: str  # px-lin-source | px-lin-article
    x: float
    y: float
    w: float
    h: float
    dashed: bool
    lines: tuple[Label, ...]


@dataclass(frozen=True)
class Edge:
    """A straight arrow (`line` set) or a curve between articles (`path` set), with its label
    at (label_x, label_y); `shares` are the two sentence shares written either side of it."""

    css: str
    width: float
    dash: str | None
    arrow: bool
    label_x: float
    label_y: float
    label: str
    line: tuple[float, float, float, float] | None = None
    path: str | None = None
    shares: tuple[str, str] | None = None


@dataclass(frozen=True)
class LegendItem:
    width: float
    dash: str | None
    words: str


@dataclass(frozen=True)
class LineagePicture:
    title: str
    desc: str
    width: float
    height: float
    min_width: float
    edges: tuple[Edge, ...]
    nodes: tuple[Node, ...]
    legend: tuple[LegendItem, ...] = field(default=())


def lineage_picture(
    lineage: Lineage, title: str, order: list[str], desc: str
) -> LineagePicture:
    """The picture's shapes; `order` = article ids left to right; `desc`: it all in words."""
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
    edges: list[Edge] = []
    deepest = bottom
    for edge in lineage.edges:
        if edge.kind == "reuse":
            arc, depth = _arc(edge, boxes, position, bottom, ports)
            edges.append(arc)
            deepest = max(deepest, depth)
        else:
            edges.append(_straight(edge, boxes))
    return LineagePicture(
        title=title,
        desc=desc,
        width=width,
        height=deepest + 28,
        min_width=width * MIN_SCALE,
        edges=tuple(edges),
        nodes=tuple(_node(b) for b in boxes.values()),
        legend=_legend(lineage),
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


def _straight(edge: LineageEdge, boxes: dict[str, _Box]) -> Edge:
    source, target = boxes[edge.source], boxes[edge.target]
    cls, dash, width = STYLES[edge.kind]
    x1, y1 = source.cx, source.y + source.h
    x2, y2 = target.cx, target.y - 2
    return Edge(cls, width, dash, True, (x1 + x2) / 2, (y1 + y2) / 2, edge.kind,
                line=(x1, y1, x2, y2))


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
) -> tuple[Edge, float]:
    source, target = boxes[edge.source], boxes[edge.target]
    kind = "quotes" if edge.label == "shares quotes only" else "text"
    cls, dash, width = STYLES[kind]
    span = abs(position[edge.source] - position[edge.target])
    depth = bottom + ARC_BASE + ARC_STEP * (span - 1)
    x1, x2 = ports[(edge.source, edge.target)], ports[(edge.target, edge.source)]
    y1, y2 = source.y + source.h, target.y + target.h + (2 if edge.directed else 0)
    # A cubic whose control points sit straight below its ends: it drops steeply out of each
    # box, then runs flat at `depth`, so a deeper arc has left a shallower arc's label band
    # before it reaches the label (a quadratic ran through it: overlapping text at 8 px).
    cx, cy = (x1 + x2) / 2, (depth - (y1 + y2) / 8) / 0.75  # the curve peaks at depth
    label = SHORT_REUSE_LABELS.get(edge.label or "", edge.label or "reuse")
    # The label sits on its own curve, at the curve's lowest point (haloed, so it breaks the
    # line it belongs to); copied text also gets the share of each article's sentences that
    # have a counterpart in the other on that article's side: "100 % · rewrite · 82 %".
    shares = None
    if kind == "text" and edge.share is not None and edge.share_back is not None:
        left, right = (edge.share_back, edge.share) if x1 <= x2 else (edge.share, edge.share_back)
        shares = (f"{round(left * 100)} %", f"{round(right * 100)} %")
    path = f"M{x1:.1f},{y1:.1f} C{x1:.1f},{cy:.1f} {x2:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"
    return Edge(cls, width, dash, edge.directed, cx, depth + 4, label, path=path,
                shares=shares), depth + 16


def _node(box: _Box) -> Node:
    last = len(box.lines) - 1
    lines = tuple(Label(box.cx, box.y + PAD + 8 + k * LINE, line, k == last)
                  for k, line in enumerate(box.lines))
    source = box.node.kind == "source"
    return Node("px-lin-source" if source else "px-lin-article", box.x, box.y, box.w, box.h,
                source, lines)


def _legend(lineage: Lineage) -> tuple[LegendItem, ...]:
    kinds = []
    for edge in lineage.edges:
        kind = edge.kind if edge.kind != "reuse" else (
            "quotes" if edge.label == "shares quotes only" else "text")
        if kind not in kinds:
            kinds.append(kind)
    items = []
    for kind in sorted(kinds, key=list(STYLES).index):
        _, dash, width = STYLES[kind]
        items.append(LegendItem(width, dash, LINE_MEANINGS[kind]))
    return tuple(items)
