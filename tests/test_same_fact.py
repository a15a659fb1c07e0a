"""The trained same-fact decision: shipped weights, their trainer, and what they decide."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from parallax.nlp.linear import fit_logistic
from parallax.nlp.samefact import FEATURES, SIGNS, WEIGHTS, SameFact, shipped_model
from parallax.nlp.semantic import MeaningSpace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import train_same_fact  # noqa: E402

PARAPHRASES = [
    ('Russia on Friday rubbished "fake reports" of broadening economic ties with Pakistan.',
     'Russia on Friday dismissed what it called "fake reports" of closer economic ties with '
     "Pakistan."),
    ("The two officials agreed to form a joint working group for a steel mill in Karachi.",
     "The two officials decided to set up a joint working group on a Karachi steel mill."),
    ("Putin is also slated to visit India this year.", "Putin will also visit India this year."),
    ("The attack on April 22 killed 26 civilians.", "26 civilians died in the April 22 attack."),
]
UNRELATED = [
    ("Pakistan has a habit of inflating its ties with Russia.",
     "The BrahMos missiles were used to strike high-value targets."),
    ("Police in Ohio arrested a man after a standoff at a farmhouse.",
     "The city council approved a new budget for road repairs."),
    ("The reports cited the 1970s Pakistan Steel Mills project.",
     "Trade between Pakistan and Russia reached $1 billion in 2024."),
    ("The ambassador praised the Prime Minister's leadership.",
     "The plant is expected to cut steel imports by 30%."),
]


def test_shipped_weights_match_the_features_and_their_signs() -> None:
    model = shipped_model()
    assert model.features == FEATURES
    assert all(sign * weight >= 0 for sign, weight in zip(SIGNS, model.weights, strict=True))
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert "MSRP train" in data["trained_on"] and data["thresholds"]["decision"] == 0.5
    assert WEIGHTS.stat().st_size < 10_000  # a few numbers, reviewable in a diff


def test_the_decision_tells_same_fact_from_same_topic() -> None:
    decide = SameFact(MeaningSpace())
    same = [decide.probability(a, b) for a, b in PARAPHRASES]
    other = [decide.probability(a, b) for a, b in UNRELATED]
    assert min(same) > max(other)
    assert max(other) < 0.1  # unrelated sentences: no doubt
    # A different figure or a negation lowers p for otherwise equal wording.
    base = decide.probability("The plant will cut imports by 30%.",
                              "The plant will cut imports by 30%.")
    assert decide.probability("The plant will cut imports by 30%.",
                              "The plant will cut imports by 40%.") < base
    assert decide.probability("The plant will cut imports.",
                              "The plant will not cut imports.") < base


def test_the_matrix_equals_pairwise_probabilities() -> None:
    decide = SameFact(MeaningSpace())
    rows = [a for a, _ in PARAPHRASES + UNRELATED]
    columns = [b for _, b in PARAPHRASES + UNRELATED]
    matrix = decide.matrix(rows, columns)
    single = np.array([[decide.probability(r, c) for c in columns] for r in rows])
    assert np.abs(matrix - single).max() <= 2e-6
    # With a floor, pairs below it get an upper bound that stays below it.
    floored = decide.matrix(rows, columns, floor=0.1)
    assert np.all((single < 0.1) == (floored < 0.1))


@pytest.mark.slow
def test_fit_holds_the_signs_and_is_deterministic() -> None:
    rng = np.random.default_rng(0)
    table = rng.normal(size=(400, 3))
    # The third column helps only through its correlation with the first: free, its weight
    # would come out negative; held to +1, it is dropped.
    table[:, 2] = table[:, 0] + 0.1 * rng.normal(size=400)
    labels = (table[:, 0] - table[:, 1] + 0.3 * rng.normal(size=400) > 0).astype(float)
    free = fit_logistic(table, labels, ("x", "y", "z"), l2=0.1)
    held = fit_logistic(table, labels, ("x", "y", "z"), l2=0.1, signs=(1, -1, 1))
    assert held.weights[0] > 0 and held.weights[1] < 0 and held.weights[2] >= 0
    again = fit_logistic(table, labels, ("x", "y", "z"), l2=0.1, signs=(1, -1, 1))
    assert again.to_json() == held.to_json()
    assert free.to_json() != held.to_json() or free.weights[2] >= 0


def test_trainer_on_a_tiny_sample_is_reproducible() -> None:
    rows = [(1, a, b) for a, b in PARAPHRASES] + [(0, a, b) for a, b in UNRELATED]
    rows = rows * 3  # enough rows for five folds
    first, second = train_same_fact.train(rows), train_same_fact.train(rows)
    assert first == second
    assert first["features"] == list(FEATURES)
    assert all(s * w >= 0 for s, w in zip(SIGNS, first["weights"], strict=True))  # type: ignore[call-overload]


@pytest.mark.corpus
def test_shipped_weights_are_what_the_trainer_makes(corpus: Path) -> None:
    env = {**os.environ, "PARALLAX_CORPUS": str(corpus)}
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "train_same_fact.py"),
                             "--check"], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the shipped weights match" in result.stdout
