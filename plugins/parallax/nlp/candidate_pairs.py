"""Which sentences can be close, and the best in-order matching among them, without comparing
every pair: analysis work that grows with the pairs that matter, not with the product of two
articles' lengths.

Comparing every sentence of one article with every sentence of another is fine for news (40 x
40 sentences) and ruinous for long texts (two 100,000-word articles: 18 million cosines and a
dynamic-programming table of the same size). Two texts with no feature in common have cosine 0,
so only texts sharing a feature are compared (an inverted index), and by prefix filtering
(Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", WWW 2007) a query's lightest
features, whose weights times the heaviest weight any indexed text gives them add up to less than
the floor, cannot lift a pair to the floor by themselves, so they are not looked up. All exact.

One approximation keeps long articles near-linear: a feature in more than `DENSE` of the
indexed texts (a long article's running topic, "Ebola" in 5,000 sentences about Ebola) is not
looked up; pairs that share it are still found through any rarer feature they share, and their
cosine is exact. An article of at most `DENSE` sentences is never affected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Vector = Mapping[str, float]

DENSE = 50  # a feature in more texts than this is a topic word, not looked up on its own


class FeatureIndex:
    """An inverted index of vectors (non-negative weights, norm at most 1) by feature."""

    def __init__(
        self, vectors: Sequence[Vector], dense: int | None = DENSE, ceiling: float | None = None
    ) -> None:
        """`ceiling`: the most weight a feature may have in what a query is really compared
        with (1.0 for any part of an indexed text, renormalised); default: the indexed weights."""
        self.vectors = vectors
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self._heaviest: dict[str, float] = {}
        for index, vector in enumerate(vectors):
            for feature, weight in vector.items():
                self._postings.setdefault(feature, []).append((index, weight))
                if weight > self._heaviest.get(feature, 0.0):
                    self._heaviest[feature] = weight if ceiling is None else ceiling
        self._dense = dense
        self._exact = ceiling is None  # indexed weights are those the query is scored against

    def near(self, query: Vector, floor: float) -> list[int]:
        """Indexes of the vectors whose dot product with `query` can reach `floor` (see the
        module), the likeliest first."""
        bounds = sorted((query[f] * self._heaviest[f], f) for f in query if f in self._heaviest)
        slack = 0.0  # the most the features not looked up can add
        partial: dict[int, float] = {}  # the dot product over the features looked up
        for bound, feature in bounds:
            postings = self._postings[feature]
            if slack + bound < floor or (self._dense is not None and len(postings) > self._dense):
                slack += bound  # the lightest features together cannot reach the floor
                continue
            weight = query[feature]
            for index, other in postings:
                partial[index] = partial.get(index, 0.0) + weight * other
        found = [(k, dot) for k, dot in partial.items()
                 if not self._exact or dot + slack >= floor - 1e-9]  # float rounding
        return [k for k, _ in sorted(found, key=lambda x: (-x[1], x[0]))]


def close_pairs(
    first: Sequence[Vector], second: Sequence[Vector], floor: float, dense: int | None = DENSE
) -> dict[tuple[int, int], float]:
    """{(i, j): dot product} for the vectors of `first` and `second` at least `floor` close."""
    from .similarity import cosine  # vectors are unit length: cosine is the dot product

    index = FeatureIndex(second, dense)
    pairs: dict[tuple[int, int], float] = {}
    for i, vector in enumerate(first):
        for j in index.near(vector, floor):
            score = cosine(vector, second[j])
            if score >= floor:
                pairs[(i, j)] = score
    return pairs


def monotone_matches(
    scores: Mapping[tuple[int, int], float], threshold: float, columns: int
) -> list[tuple[int, int]]:
    """Non-crossing pairs maximising the summed excess `score - threshold` (a weighted longest
    common subsequence over the sparse candidates, O(k log k) for k pairs above the threshold);
    `columns` is the length of the second sequence.

    Among equally good matchings it makes the choice of the dense Needleman-Wunsch traceback
    (no gap cost), which walks back from the end preferring a match, then a step up, then a step
    left: before a cell (i, j), the best chain ending in column j - 1 with the latest row if
    there is one, else the one ending in the earliest row, then the latest column.
    """
    gains = sorted((i, j, s - threshold) for (i, j), s in scores.items() if s > threshold)
    if not gains:
        return []
    rank = {j: k + 1 for k, j in enumerate(sorted({j for _, j, _ in gains}))}
    size = len(rank)
    # Fenwick tree of prefix maxima over columns, entries (total, -row, column, node); and the
    # best entry of each column, (total, row, node).
    empty = (0.0, 1, -1, -1)  # below every entry: totals are positive
    tree: list[tuple[float, int, int, int]] = [empty] * (size + 1)
    in_column: dict[int, tuple[float, int, int]] = {}
    totals: list[float] = []
    previous: list[int] = []

    def best_before(row: int, column: int) -> tuple[float, int]:
        """(total, node) of the chain a pair at (row, column) extends (node -1: none)."""
        best = empty
        k = rank[column] - 1
        while k > 0:
            best = max(best, tree[k])
            k -= k & -k
        beside = in_column.get(column - 1)
        if beside is not None and beside[0] == best[0]:
            return beside[0], beside[2]
        return best[0], best[3]

    def insert(row: int, column: int, total: float, node: int) -> None:
        k = rank[column]
        entry = (total, -row, column, node)
        while k <= size:
            tree[k] = max(tree[k], entry)
            k += k & -k
        in_column[column] = max(in_column.get(column, (0.0, -1, -1)), (total, row, node))

    start = 0
    while start < len(gains):  # one row at a time: a row's pairs cannot chain to each other
        end = start
        while end < len(gains) and gains[end][0] == gains[start][0]:
            end += 1
        row = []
        for i, j, gain in gains[start:end]:
            total, node = best_before(i, j)
            totals.append(total + gain)
            previous.append(node)
            row.append((i, j, totals[-1], len(totals) - 1))
        for entry in row:
            insert(*entry)
        start = end
    best = max(range(len(gains)), key=lambda k: (totals[k], -gains[k][0], gains[k][1]))
    last = in_column.get(columns - 1)
    node = last[2] if last is not None and last[0] == totals[best] else best
    matches = []
    while node >= 0:
        matches.append((gains[node][0], gains[node][1]))
        node = previous[node]
    return matches[::-1]
