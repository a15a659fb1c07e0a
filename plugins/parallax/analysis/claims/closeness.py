"""How close a claim is to a sentence by shared words: TF-IDF cosine in the story's space.

Claim discovery uses it to tell a statement no other outlet comes near, and a suggestion that
repeats a curated claim. (The claim matrix reads stance by meaning: see `stance.py`.)
"""

from __future__ import annotations

import math
import re

from ...nlp.memo import per_story
from ...nlp.similarity import SentenceSpace, cosine
from ...nlp.text import content_stems
from .stance_model.cues import clauses

EVIDENCE_THRESHOLD = 0.16  # TF-IDF cosine for a sentence to count as being about the claim
MIN_PART_STEMS = 6  # content words a clause or comma part needs to be matched on its own


class LexicalScorer:
    """TF-IDF cosine in the story's `SentenceSpace`.

    The claim's words that no sentence of the story uses can never be matched; they are left
    out of its vector rather than diluting every score (a headline's "foiled", "chronic").
    """

    threshold = EVIDENCE_THRESHOLD

    def __init__(self, space: SentenceSpace) -> None:
        self.space = space
        self._claims: dict[str, dict[str, float]] = {}

    def similarity(self, claim: str, text: str) -> float:
        return cosine(self._claim_vector(claim), self.space.vector(text))

    def _claim_vector(self, claim: str) -> dict[str, float]:
        vector = self._claims.get(claim)
        if vector is None:
            known = {f: w for f, w in self.space.vector(claim).items()
                     if self.space.document_frequency(f)}
            norm = math.sqrt(sum(w * w for w in known.values())) or 1.0
            vector = self._claims[claim] = {f: w / norm for f, w in known.items()}
        return vector


def sentence_evidence(claim: str, sentence: str, scorer: LexicalScorer) -> float:
    """How close a sentence is to the claim: the whole sentence or its closest clause or part.

    A long sentence often carries the claim in one clause; its other clauses should not dilute
    the match. Parts shorter than `MIN_PART_STEMS` content words are too small to match alone.
    """
    return max([scorer.similarity(claim, sentence)]
               + [scorer.similarity(claim, p) for p in _pieces(sentence)])


@per_story
def _pieces(sentence: str) -> tuple[str, ...]:
    """Clauses and comma parts of a sentence long enough to match a claim on their own."""
    pieces = {p.strip() for c in clauses(sentence) for p in (c, *re.split(r"[,;:()]", c))}
    return tuple(sorted(p for p in pieces if len(content_stems(p)) >= MIN_PART_STEMS))
