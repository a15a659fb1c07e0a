"""Sparse similarity and matching give the same alignments as comparing every pair."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.nlp.candidate_pairs import DENSE, close_pairs, monotone_matches
from parallax.nlp.similarity import SentenceSpace, cosine

from .test_robustness import _SEED


def dense_matches(sim: list[list[float]], threshold: float) -> list[tuple[int, int]]:
    """The reference: Needleman-Wunsch over the full table, no gap cost (the former aligner)."""
    m, n = len(sim), len(sim[0]) if sim else 0
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            best = max(score[i - 1][j], score[i][j - 1])
            gain = sim[i - 1][j - 1] - threshold
            if gain > 0 and score[i - 1][j - 1] + gain > best:
                best = score[i - 1][j - 1] + gain
            score[i][j] = best
    matches, i, j = [], m, n
    while i > 0 and j > 0:
        gain = sim[i - 1][j - 1] - threshold
        if gain > 0 and abs(score[i][j] - (score[i - 1][j - 1] + gain)) < 1e-12:
            matches.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return matches[::-1]


# Few distinct values, so equally good matchings (ties) are common; quarters, so that sums of
# gains are exact in binary and a tie is a tie whatever order they are added in.
MATRICES = st.integers(1, 9).flatmap(lambda m: st.integers(1, 9).flatmap(
    lambda n: st.lists(st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]),
                                min_size=n, max_size=n), min_size=m, max_size=m)))


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(MATRICES)
def test_sparse_matching_is_the_dense_traceback(sim: list[list[float]]) -> None:
    scores = {(i, j): s for i, row in enumerate(sim) for j, s in enumerate(row) if s}
    assert monotone_matches(scores, 0.25, len(sim[0])) == dense_matches(sim, 0.25)


def _vectors(count: int, seed: int) -> list[dict[str, float]]:
    texts = random.Random(seed).sample(_SEED, min(count, len(_SEED)))
    space = SentenceSpace(_SEED)
    return [space.vector(t) for t in texts]


@pytest.mark.parametrize("floor", [0.05, 0.12, 0.3])
def test_close_pairs_are_exactly_the_pairs_above_the_floor(floor: float) -> None:
    first, second = _vectors(40, 1), _vectors(45, 2)
    brute = {(i, j): cosine(x, y) for i, x in enumerate(first) for j, y in enumerate(second)
             if cosine(x, y) >= floor}
    assert len(second) <= DENSE  # so no feature is skipped as a topic word
    assert close_pairs(first, second, floor) == brute
    assert close_pairs(first, second, floor, dense=None) == brute
