"""Lexical similarity: TF-IDF vectors over word stems and stem bigrams, compared by cosine.

One `SentenceSpace` is built per story, so a word's weight reflects how rare it is in that
story's coverage: "Pakistan" says little in a story about Pakistan, "Nazaroof" says a lot.
Alignment, claim matching and the synopsis all measure closeness in this one space.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import pairwise

from .text import content_stems

Vector = Mapping[str, float]


BIGRAM_WEIGHT = 0.5  # bigrams reward shared phrasing, but paraphrases share few of them


def features(text: str) -> dict[str, float]:
    """Term frequencies of stem unigrams plus down-weighted adjacent-stem bigrams."""
    stems = content_stems(text)
    counts: dict[str, float] = dict(Counter(stems))
    for x, y in pairwise(stems):
        key = f"{x}_{y}"
        counts[key] = counts.get(key, 0.0) + BIGRAM_WEIGHT
    return counts


class SentenceSpace:
    """IDF weights learnt from a set of texts; turns any text into a unit-length vector."""

    def __init__(self, documents: Iterable[str]) -> None:
        self._df: Counter[str] = Counter()
        self._n = 0
        for text in documents:
            self._n += 1
            self._df.update(set(features(text)))
        self._cache: dict[str, dict[str, float]] = {}

    def idf(self, feature: str) -> float:
        # Smoothed IDF; unseen features (e.g. from a claim's text) count as rare.
        return math.log((1 + self._n) / (1 + self._df.get(feature, 0))) + 1.0

    def document_frequency(self, feature: str) -> int:
        """How many of the space's texts contain the feature (0: unseen in the story)."""
        return self._df.get(feature, 0)

    def vector(self, text: str) -> dict[str, float]:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        weights = {f: c * self.idf(f) for f, c in features(text).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vector = {f: w / norm for f, w in weights.items()}
        self._cache[text] = vector
        return vector

    def similarity(self, first: str, second: str) -> float:
        return cosine(self.vector(first), self.vector(second))


def cosine(u: Vector, v: Vector) -> float:
    """Cosine of two unit vectors (the dot product), clipped to 0..1."""
    # Key-view intersection runs in C; only the few shared features are multiplied in Python,
    # in sorted order so the float sum does not depend on the process's string-hash seed.
    return max(0.0, min(1.0, sum(u[f] * v[f] for f in sorted(u.keys() & v.keys()))))


def combine(vectors: Iterable[Vector]) -> dict[str, float]:
    """The unit-length sum of several vectors: a run of sentences read as one text."""
    total: dict[str, float] = {}
    for vector in vectors:
        for f, w in vector.items():
            total[f] = total.get(f, 0.0) + w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {f: w / norm for f, w in total.items()}
