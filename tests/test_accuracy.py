"""Stance accuracy on the public corpus (FNC-1 items), scored by bench/accuracy.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
assert _spec and _spec.loader
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["accuracy"] = accuracy  # dataclasses look their module up while being defined
_spec.loader.exec_module(accuracy)


@pytest.mark.corpus
def test_stance_beats_the_majority_baseline(corpus: Path) -> None:
    items = accuracy.load_items(corpus)
    gold = [i.gold for i in items]
    predicted = accuracy.predict(corpus, items)
    baseline = accuracy.score(gold, accuracy.majority_baseline(gold))
    # Every article of this corpus is on topic: an omission is FNC-1's "discuss" (reports).
    method = accuracy.score(gold, [("reports" if p == "omits" else p) for p in predicted])
    # The baseline never finds a dispute or an assertion; the method must find each class.
    assert method.macro_f1 > 1.5 * baseline.macro_f1
    assert method.accuracy > baseline.accuracy
    assert all(recall > 0 for _, recall, _, _ in method.per_class.values())
    assert method.per_class["disputes"][2] > baseline.per_class["disputes"][2]
    # Where the cell finds evidence, it is right more often than not.
    committed = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != "omits"]
    assert sum(g == p for g, p in committed) > len(committed) / 2


def test_scoring_is_correct_on_a_worked_example() -> None:
    gold = ["asserts", "asserts", "reports", "disputes"]
    predicted = ["asserts", "reports", "reports", "omits"]
    scores = accuracy.score(gold, predicted)
    assert scores.accuracy == 0.5
    assert scores.per_class["asserts"][:2] == (1.0, 0.5)
    assert scores.per_class["reports"][:2] == (0.5, 1.0)
    assert scores.per_class["disputes"][2] == 0.0
    assert scores.confusion[("disputes", "omits")] == 1
    assert accuracy.majority_baseline(gold) == ["asserts"] * 4


def test_missing_corpus_is_a_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert accuracy.main(["--corpus", str(tmp_path)]) == 2
    assert "no stance corpus" in capsys.readouterr().err
