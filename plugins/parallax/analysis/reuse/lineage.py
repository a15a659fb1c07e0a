"""Who copied whom: families of articles carrying one source's copy, and the direction of reuse.

Evidence, strongest first:

1. **Credits.** An article whose dateline, agency tag, credit line, copyright line or `credit`
   field names an agency carries that agency's copy (`credited`).
2. **Shared text.** An article that is a copy or a rewrite of a credited one carries the same
   copy even when it does not say so (`inferred`). Families are the connected groups of
   articles joined by `verbatim copy` or `rewrite of shared source` pairs (see reuse.py).
3. **Dates and citations.** Between two articles with no common credited source, the one
   published first, or the one the other names ("as the Express Tribune reported"), is the
   earlier witness; with neither, the edge stays undirected: we do not guess.

The earliest witness of a family is ordered by: earliest date (undated last), then a wire credit
in the text (the copy closest to the agency's), then a dateline, then how much of the other
members' text it accounts for (most copied), then article id.
"""

from __future__ import annotations

from collections import Counter

from ...data.ids import slugify
from ...model import (
    Article,
    Credit,
    Family,
    FamilyTie,
    Lineage,
    LineageEdge,
    LineageNode,
    PairReuse,
    Reason,
    Story,
)
from ..disjoint_sets import DisjointSets
from .credits import WIRE_KINDS, article_credits, dateline, names_outlet, wire_sources
from .pair_reuse import REWRITE_SENTENCES

TEXT_REUSE = ("verbatim copy", "rewrite of shared source")


def infer_lineage(story: Story, reuse: tuple[PairReuse, ...]) -> Lineage:
    """Nodes, edges, families, and the lineage as statements, for one story."""
    labels = story.article_labels()
    credits = {a.id: article_credits(a) for a in story.articles}
    wires = {a.id: wire_sources(credits[a.id]) for a in story.articles}
    families = _families(story, reuse, wires)
    nodes = [LineageNode(a.id, labels[a.id], "article", a.date) for a in story.articles]
    edges: list[LineageEdge] = []
    for family in families:
        if family.source is None:
            continue
        node_id = source_node_id(family.source)
        if all(n.id != node_id for n in nodes):
            nodes.append(LineageNode(node_id, family.source, "source"))
        for member in family.members:
            edges.append(_wire_edge(node_id, member, family, credits[member], reuse))
    in_family = {m: f for f in families for m in f.members}
    for pair in reuse:
        if pair.label == "independent":
            continue
        edges.append(_reuse_edge(story, pair, in_family, credits))
    return Lineage(
        credits=tuple(c for a in story.articles for c in credits[a.id]),
        nodes=tuple(nodes),
        edges=tuple(sorted(edges, key=lambda e: (e.kind, e.source, e.target))),
        families=tuple(families),
        statements=_statements(story, reuse, families, edges),
        ties=tuple(tie for pair in reuse if (tie := family_tie(pair, families)) is not None),
    )


def family_tie(pair: PairReuse, families: tuple[Family, ...] | list[Family]) -> FamilyTie | None:
    """Two articles of one family whose own pair is labelled less than a rewrite, or None."""
    if pair.label in TEXT_REUSE:
        return None
    family = next((f for f in families if {pair.a, pair.b} <= set(f.members)), None)
    if family is None:
        return None
    return FamilyTie(pair.a, pair.b, family.source,
                     (pair.narrative_a_in_b + pair.narrative_b_in_a) / 2, REWRITE_SENTENCES)


def source_node_id(source: str) -> str:
    return f"source:{slugify(source)}"


def _families(
    story: Story, reuse: tuple[PairReuse, ...], wires: dict[str, tuple[str, ...]]
) -> list[Family]:
    """Connected groups of text reuse, plus any single article that credits a wire."""
    sets: DisjointSets[str] = DisjointSets()
    for pair in reuse:
        if pair.label in TEXT_REUSE:
            sets.union(pair.a, pair.b)  # only membership counts, not which root a group gets
    groups: dict[str, list[str]] = {}
    for article in story.articles:
        groups.setdefault(sets.find(article.id), []).append(article.id)
    families = []
    for members in groups.values():
        credited = Counter(w for m in members for w in wires[m])
        if len(members) < 2 and not credited:
            continue
        # The source most members credit (ties: alphabetical), so the result is deterministic.
        source = min(credited, key=lambda w: (-credited[w], w)) if credited else None
        with_credit = tuple(m for m in members if source in wires[m])
        families.append(Family(
            source=source,
            members=tuple(members),
            earliest=_earliest(story, members, with_credit, reuse),
            credited=with_credit,
            inferred=tuple(m for m in members if m not in with_credit),
        ))
    return sorted(families, key=lambda f: (-len(f.members), f.members))


def _earliest(
    story: Story, members: list[str], credited: tuple[str, ...], reuse: tuple[PairReuse, ...]
) -> str:
    def copied(article_id: str) -> float:  # how much of the others' text has a match in it
        return sum(p.share(p.b if p.a == article_id else p.a) for p in reuse
                   if article_id in (p.a, p.b) and {p.a, p.b} <= set(members))

    def key(article_id: str) -> tuple[str, bool, bool, float, str]:
        article = story.article(article_id)
        return (article.date or "9999-99-99", article_id not in credited,
                dateline(article) is None, -copied(article_id), article_id)

    return min(members, key=key)


def _wire_edge(
    node: str,
    member: str,
    family: Family,
    credits: tuple[Credit, ...],
    reuse: tuple[PairReuse, ...],
) -> LineageEdge:
    if member in family.credited:
        shown = tuple((c.kind, c.text) for c in credits
                      if c.source == family.source and c.kind in WIRE_KINDS)
        return LineageEdge(node, member, "credited", True,
                           Reason.of("credits", source=family.source, credits=shown))
    # Inferred: point to the credited member whose text it shares most.
    best = max(
        ((p.share(member), other) for p in reuse if p.label in TEXT_REUSE
         for other in (p.a, p.b) if member in (p.a, p.b) and other != member
         and other in family.credited),
        default=None,
    )
    mentions = [c for c in credits if c.source == family.source and c.kind not in WIRE_KINDS]
    why = Reason.of("carries uncredited", source=family.source,
                    share=best[0] if best else None, via=best[1] if best else None,
                    mention=mentions[0].text if mentions else None)
    return LineageEdge(node, member, "inferred", True, why)


def _reuse_edge(
    story: Story,
    pair: PairReuse,
    in_family: dict[str, Family],
    credits: dict[str, tuple[Credit, ...]],
) -> LineageEdge:
    a, b = story.article(pair.a), story.article(pair.b)
    first, evidence = _direction(a, b, pair.label in TEXT_REUSE, in_family, credits)
    source, target = (a, b) if first is None or first is a else (b, a)
    return LineageEdge(
        source.id, target.id, "reuse", first is not None, evidence or pair.why,
        label=pair.label, share=pair.share(target.id), share_back=pair.share(source.id),
    )


def _direction(
    a: Article,
    b: Article,
    text_reuse: bool,
    in_family: dict[str, Family],
    credits: dict[str, tuple[Credit, ...]],
) -> tuple[Article | None, Reason | None]:
    """The earlier witness of two articles and why, or (None, None) when unknown.

    Dates only direct copied or rewritten text: two reporters who quote the same speaker did
    not take the quote from each other because one published a day later.
    """
    for x, y in ((a, b), (b, a)):
        cited = [c for c in credits[y.id] if c.kind in ("cites", "interview")
                 and names_outlet(c.source, x)]
        if cited:
            return x, Reason.of("names", citing=y.id, cited=x.id, text=cited[0].text)
    family = in_family.get(a.id)
    if family is not None and family is in_family.get(b.id) and family.source is not None:
        return None, None  # siblings: both carry the agency's copy, neither copied the other
    if text_reuse and a.date and b.date and a.date != b.date:
        x, y = (a, b) if a.date < b.date else (b, a)
        return x, Reason.of("dated", earlier=x.id, later=y.id)
    return None, None


def _statements(
    story: Story,
    reuse: tuple[PairReuse, ...],
    families: list[Family],
    edges: list[LineageEdge],
) -> tuple[Reason, ...]:
    """The lineage as statements, in the order a reader should meet them."""
    out: list[Reason] = []
    for family in families:
        out += _family_statements(story, reuse, family)
    out += _edge_statements(edges)
    linked = {m for f in families for m in f.members} | {
        x for e in edges if e.kind == "reuse" for x in (e.source, e.target)}
    alone = tuple(a.id for a in story.articles if a.id not in linked)
    if alone and len(story.articles) > 1:
        out.append(Reason.of("shares nothing", articles=alone))
    ignored = sum(1 for p in reuse for x in p.passages if x.boilerplate)
    if ignored:
        out.append(Reason.of("notices", count=ignored))
    return tuple(out)


def _family_statements(
    story: Story, reuse: tuple[PairReuse, ...], family: Family
) -> list[Reason]:
    out: list[Reason] = []
    for pair in reuse:
        if pair.label in TEXT_REUSE and {pair.a, pair.b} <= set(family.members):
            out.append(_pair_statement(pair, family))
    if family.source is None:
        if len(family.members) > 1:
            out.append(Reason.of("uncredited family", members=family.members))
    else:
        out.append(Reason.of("credited family", source=family.source,
                             credited=family.credited, inferred=family.inferred))
    for pair in reuse:
        tie = family_tie(pair, (family,))  # None unless the pair is in this family
        if tie is not None:
            out.append(Reason.of("family tie", tie=tie))
    if len(family.members) > 1:
        earliest = story.article(family.earliest)
        out.append(Reason.of("earliest witness", article=earliest.id, date=earliest.date,
                             credits=family.source if earliest.id in family.credited else None,
                             dateline=dateline(earliest)))
    return out


def _edge_statements(edges: list[LineageEdge]) -> list[Reason]:
    out: list[Reason] = []
    for edge in edges:
        if edge.kind == "reuse" and edge.label == "shares quotes only":
            out.append(Reason.of("quotations only", a=edge.source, b=edge.target,
                                 evidence=edge.why if edge.directed else None))
        elif edge.kind == "reuse" and edge.directed and edge.label not in TEXT_REUSE:
            out.append(Reason.of("relies on", source=edge.source, target=edge.target,
                                 evidence=edge.why))
    return out


def _pair_statement(pair: PairReuse, family: Family) -> Reason:
    # Name first the earlier witness (then a crediting member), and give the other's share:
    # "70 % of 000's sentences have a counterpart in Sakshi Post".
    def rank(article_id: str) -> tuple[bool, bool, str]:
        return article_id != family.earliest, article_id not in family.credited, article_id

    x, y = sorted((pair.a, pair.b), key=rank)
    return Reason.of("copy in family", first=x, second=y, label=pair.label,
                     source=family.source, share=pair.share(y), share_back=pair.share(x))
