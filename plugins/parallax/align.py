"""Pairwise sentence alignment: which sentence of article a says what which sentence of b says.

1. In-order matches: a dynamic programme picks the set of non-crossing sentence pairs that
   maximises total similarity above a threshold (zero cost for gaps, so reordered text does not
   drag the rest down).
2. Merges: a sentence split in two by one outlet is matched to both halves when together they
   read closer than either alone.
3. Moves: remaining pairs above a stricter threshold that would cross an in-order match are
   passages moved to another place in the text.
The rows keep both articles' reading order and list every sentence exactly once per side.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Article, PairAlignment, Row, RowOp
from .similarity import SentenceSpace, combine, cosine
from .sparse import close_pairs, monotone_matches
from .text import fold

MATCH_THRESHOLD = 0.18  # cosine above which two sentences count as counterparts
MOVE_THRESHOLD = 0.28  # stricter: calling text "moved" needs more evidence
MERGE_GAIN = 0.04  # a neighbour joins a match only if it adds at least this much similarity
MERGE_FLOOR = 0.12  # …and is itself at least this close to the other side
MAX_GROUP = 3  # sentences per side in one row


@dataclass
class _Group:
    a: list[int]
    b: list[int]


def align_pair(first: Article, second: Article, space: SentenceSpace) -> PairAlignment:
    """Align two articles of one story; `first` becomes side a."""
    va = [space.vector(s.text) for s in first.sentences]
    vb = [space.vector(s.text) for s in second.sentences]
    # Only pairs at least MERGE_FLOOR close are ever used (merges, matches, moves): found from an
    # index, not by comparing every pair, so long articles cost near-linear time (sparse.py).
    sim = close_pairs(va, vb, MERGE_FLOOR)
    groups = [_Group([i], [j]) for i, j in monotone_matches(sim, MATCH_THRESHOLD, len(vb))]
    _merge_neighbours(groups, va, vb, sim)
    moves = _moves(sim, groups)
    rows = _rows(first, second, groups, moves, va, vb, sim)
    return PairAlignment(
        a=first.id, b=second.id, similarity=_pair_similarity(first, second, rows), rows=rows
    )


def _merge_neighbours(
    groups: list[_Group],
    va: list[dict[str, float]],
    vb: list[dict[str, float]],
    sim: dict[tuple[int, int], float],
) -> None:
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    for group in groups:
        changed = True
        while changed and len(group.a) + len(group.b) < 2 * MAX_GROUP:
            changed = False
            current = cosine(combine(va[i] for i in group.a), combine(vb[j] for j in group.b))
            candidates: list[tuple[float, str, int]] = []
            for side, members, used, vectors in (("a", group.a, used_a, va),
                                                 ("b", group.b, used_b, vb)):
                if len(members) >= MAX_GROUP:
                    continue
                for k in (min(members) - 1, max(members) + 1):
                    if 0 <= k < len(vectors) and k not in used:
                        other = group.b if side == "a" else group.a
                        alone = max(sim.get((k, o) if side == "a" else (o, k), 0.0)
                                    for o in other)
                        if alone < MERGE_FLOOR:
                            continue
                        if side == "a":
                            joined = cosine(combine(va[i] for i in [*members, k]),
                                            combine(vb[j] for j in group.b))
                        else:
                            joined = cosine(combine(va[i] for i in group.a),
                                            combine(vb[j] for j in [*members, k]))
                        if joined >= current + MERGE_GAIN:
                            candidates.append((joined, side, k))
            if candidates:
                _, side, k = max(candidates)
                (group.a if side == "a" else group.b).append(k)
                (used_a if side == "a" else used_b).add(k)
                group.a.sort()
                group.b.sort()
                changed = True


def _moves(
    sim: dict[tuple[int, int], float], groups: list[_Group]
) -> dict[tuple[str, int], int]:
    """Greedy best-first pairs among unmatched sentences: {("a", i): j, ("b", j): i}."""
    used_a = {i for g in groups for i in g.a}
    used_b = {j for g in groups for j in g.b}
    candidates = sorted(
        ((score, i, j) for (i, j), score in sim.items()
         if i not in used_a and j not in used_b and score >= MOVE_THRESHOLD),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    moves: dict[tuple[str, int], int] = {}
    for _, i, j in candidates:
        if ("a", i) in moves or ("b", j) in moves:
            continue
        moves[("a", i)] = j
        moves[("b", j)] = i
    return moves


def _rows(
    first: Article,
    second: Article,
    groups: list[_Group],
    moves: dict[tuple[str, int], int],
    va: list[dict[str, float]],
    vb: list[dict[str, float]],
    sim: dict[tuple[int, int], float],
) -> tuple[Row, ...]:
    a_ids = [s.id for s in first.sentences]
    b_ids = [s.id for s in second.sentences]
    rows: list[Row] = []
    ia = ib = 0  # next sentence of a and of b not yet in a row

    def flush(upto_a: int, upto_b: int) -> None:
        nonlocal ia, ib
        for i in range(ia, upto_a):
            if ("a", i) in moves:
                j = moves[("a", i)]
                rows.append(Row("move", (a_ids[i],), (), round(sim[(i, j)], 4), (b_ids[j],)))
            else:
                rows.append(Row("delete", (a_ids[i],), ()))
        for j in range(ib, upto_b):
            if ("b", j) in moves:
                i = moves[("b", j)]
                rows.append(Row("move", (), (b_ids[j],), round(sim[(i, j)], 4), (a_ids[i],)))
            else:
                rows.append(Row("insert", (), (b_ids[j],)))
        ia, ib = max(ia, upto_a), max(ib, upto_b)

    for group in sorted(groups, key=lambda g: (g.a[0], g.b[0])):
        flush(group.a[0], group.b[0])
        text_a = " ".join(first.sentences[i].text for i in group.a)
        text_b = " ".join(second.sentences[j].text for j in group.b)
        similarity = cosine(combine(va[i] for i in group.a), combine(vb[j] for j in group.b))
        op: RowOp = "equal" if fold(text_a) == fold(text_b) else "replace"
        rows.append(Row(op, tuple(a_ids[i] for i in group.a), tuple(b_ids[j] for j in group.b),
                        round(1.0 if op == "equal" else similarity, 4)))
        ia, ib = group.a[-1] + 1, group.b[-1] + 1
    flush(len(a_ids), len(b_ids))
    return tuple(rows)


def _pair_similarity(first: Article, second: Article, rows: tuple[Row, ...]) -> float:
    """Share of both texts' words that have a counterpart, weighted by how close it is."""
    words_a = {s.id: len(s.text.split()) for s in first.sentences}
    words_b = {s.id: len(s.text.split()) for s in second.sentences}
    total = sum(words_a.values()) + sum(words_b.values())
    if not total:
        return 0.0
    covered = 0.0
    for row in rows:
        # A moved pair shows up as two rows, one per side, so each row counts its own words.
        if row.op in ("equal", "replace", "move"):
            covered += row.similarity * (sum(words_a[i] for i in row.a) +
                                         sum(words_b[j] for j in row.b))
    return round(min(1.0, covered / total), 4)


def align_story(articles: tuple[Article, ...], space: SentenceSpace) -> tuple[PairAlignment, ...]:
    """Every unordered pair of articles, a before b in id order."""
    ordered = sorted(articles, key=lambda a: a.id)
    return tuple(
        align_pair(x, y, space) for k, x in enumerate(ordered) for y in ordered[k + 1:]
    )
