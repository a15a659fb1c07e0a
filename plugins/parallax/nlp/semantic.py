"""Meaning similarity between a story's texts: embed each distinct text once, compare by cosine.

One `MeaningSpace` per story (like `similarity.SentenceSpace` for words): alignment, stance and
the synopsis ask it for vectors and cosines, and a text seen twice is embedded once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .encoder import SentenceEncoder, default_encoder


class MeaningSpace:
    """Unit sentence vectors from the shipped encoder, memoised by text."""

    def __init__(self, texts: Iterable[str] = (), encoder: SentenceEncoder | None = None) -> None:
        self.encoder = encoder or default_encoder()
        self._rows: dict[str, int] = {}
        self._table = np.zeros((0, self.encoder.dimensions), dtype=np.float32)
        self.add(texts)

    def add(self, texts: Iterable[str]) -> None:
        """Embed the texts not seen yet, in one batch."""
        new = list(dict.fromkeys(t for t in texts if t not in self._rows))
        if new:
            start = len(self._rows)
            self._rows.update((t, start + i) for i, t in enumerate(new))
            self._table = np.vstack([self._table, self.encoder.encode(new)])

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """The unit vectors of `texts`, one row each (zeros for a text with no known word)."""
        self.add(texts)
        return self._table[[self._rows[t] for t in texts]]

    def vector(self, text: str) -> np.ndarray:
        return self.vectors([text])[0]

    def similarity(self, first: str, second: str) -> float:
        """Cosine of the two texts' vectors, clipped to 0..1."""
        value = float(self.vector(first) @ self.vector(second))
        return max(0.0, min(1.0, value))

    def matrix(self, rows: Sequence[str], columns: Sequence[str]) -> np.ndarray:
        """Cosines of every row text against every column text."""
        return self.vectors(rows) @ self.vectors(columns).T
