"""Sentence meaning: a static embedding model shipped inside the package.

The model (`model/`) is all-MiniLM-L6-v2 distilled by model2vec into one 256-dimension vector
per WordPiece token; a sentence's vector is the mean of its tokens' vectors, unit length. That
is a table lookup and an average: numpy only, no torch, nothing downloaded, a few thousand
sentences a second per core. `tools/build_embedding_model.py` rebuilds the files bit for bit;
`model/PROVENANCE.md` says where they come from and under which licence.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .wordpiece import WordPiece

MODEL_DIR = Path(__file__).parent / "model"
MAX_TOKENS = 512  # the teacher's window; the distilled model was built with the same cut


class SentenceEncoder:
    """Unit-length sentence vectors from a static token table."""

    def __init__(self, folder: Path = MODEL_DIR) -> None:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        vocabulary = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        # Memory-mapped and left float16, as shipped: every process of a build (a pool's
        # workers too) shares one copy in the page cache instead of holding a float32 copy
        # each (29 MB); `rows` turns the rows a computation reads into float32.
        table = np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False)
        if table.shape != (len(vocabulary), manifest["dimensions"]):
            raise ValueError(f"{folder}: vectors {table.shape} do not match the vocabulary "
                             f"({len(vocabulary)} tokens × {manifest['dimensions']})")
        self.name: str = manifest["name"]
        self.dimensions: int = manifest["dimensions"]
        self._table = table
        self.tokenizer = WordPiece({token: i for i, token in enumerate(vocabulary)})
        self.version = hashlib.sha256(table.tobytes()).hexdigest()[:16]

    def rows(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        """The token vectors of `ids`, as float32 (exactly the shipped float16 values)."""
        return np.asarray(self._table[ids], dtype=np.float32)

    def token_ids(self, text: str) -> list[int]:
        """The ids a text averages over: known tokens of its first `MAX_TOKENS`."""
        unknown = self.tokenizer.unknown_id
        return [i for i in self.tokenizer.ids(text)[:MAX_TOKENS] if i != unknown]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length float32 row per text; a text with no known token gets zeros."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        ids = [self.token_ids(text) for text in texts]
        rows = [k for k, found in enumerate(ids) if found]
        if not rows:
            return out
        # One gather and one segmented sum for the whole batch, not a numpy call per text.
        counts = np.array([len(ids[k]) for k in rows])
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        sums = np.add.reduceat(self.rows([i for k in rows for i in ids[k]]), starts, axis=0)
        means = sums / counts[:, None].astype(np.float32)
        norms = np.linalg.norm(means, axis=1)
        good = norms > 0
        out[np.array(rows)[good]] = means[good] / norms[good, None]
        return out


@lru_cache(maxsize=1)
def default_encoder() -> SentenceEncoder:
    """The shipped model, loaded once per process."""
    return SentenceEncoder()
