"""Which pairs of a story get a comparison page: each article's nearest outlets, not every pair.

Every pair of n articles would make n(n-1)/2 pages (8 outlets 28, 40 outlets 780), most of
them between articles with little in common. Each article keeps a page with its `nearest`
most similar others, where a pair that shares a wire source (one text a copy or a rewrite of
the other's source) ranks before any that does not, so those diffs, the most telling ones,
come first. And every article that carries a wire family's copy (credited or not) gets a page
against the family's earliest witness, the closest the story has to the wire's own text, so each
copy is shown against its source whatever its nearest outlets are. That is at most
(`nearest` + 1) × n pages, linear in the outlets: every pair inside a big family would be
quadratic again (40 copies of one AP report, 780 pages). Every other pair is
still one click away: the story page's "compare any two" picker renders it in the browser from
the story's export, and every link to such a pair leads there (`StoryLinks.compare`).
"""

from __future__ import annotations

from ..model import StoryAnalysis

# Chosen by measurement (README, "Pages that grow linearly"). Seed story (5 articles, 10
# pairs): 1, 2, 3 give 4, 7, 9 pages, and its 2 shared-source pairs have pages from 1 on. The
# synthetic corpus of bench/build_scale.py (10 stories x 8 articles, 280 pairs, copies of five
# texts, so far more wire copies than real stories have): 50 / 118 / 168 pages, covering 38 /
# 74 / 89 of its 90 shared-source pairs. 2 keeps every story's nearest pairs and most wire
# copies at under half the pages; the rest are one click away in the picker.
DEFAULT_NEAREST = 2
SHARED_SOURCE = ("verbatim copy", "rewrite of shared source")

Pair = tuple[str, str]


def compared_pairs(analysis: StoryAnalysis, nearest: int | None) -> frozenset[Pair]:
    """The (a, b) pairs, as `analysis.pairs` orders them, that get a comparison page; `None`
    gives every pair one."""
    pairs = {(p.a, p.b): p.similarity for p in analysis.pairs}
    if nearest is None:
        return frozenset(pairs)
    shared = {(r.a, r.b) for r in analysis.reuse if r.label in SHARED_SOURCE}
    chosen: set[Pair] = set()
    for article in analysis.story.articles:
        mine = [key for key in pairs if article.id in key]
        # Shared source first, then the most similar; ids break ties so the choice is stable.
        mine.sort(key=lambda key: (key not in shared and key[::-1] not in shared,
                                   -pairs[key], key))
        chosen.update(mine[:nearest])
    for family in analysis.lineage.families:
        for member in family.members:
            if member != family.earliest:
                chosen.add(_ordered(pairs, member, family.earliest))
    return frozenset(chosen)


def _ordered(pairs: dict[Pair, float], a: str, b: str) -> Pair:
    """The pair of `a` and `b` as the analysis orders it."""
    return (a, b) if (a, b) in pairs else (b, a)
