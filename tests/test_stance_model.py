"""The trained stance model: fitting, calibration and thresholds on worked examples, the
trainer on a tiny sample (seeded, reproducible), and the shipped weights' provenance."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from parallax.analysis.claims.stance_model.features import FEATURE_NAMES
from parallax.analysis.claims.stance_model.fit import (
    Standardizer,
    fit_softmax,
    fit_temperature,
    precision_threshold,
    reliability,
    softmax,
    split_by_group,
)
from parallax.analysis.claims.stance_model.model import (
    LABELS,
    WEIGHTS,
    ModelError,
    StanceModel,
    default_model,
)

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


sys.path.insert(0, str(ROOT / "bench"))
trainer = _load("train_stance_model", ROOT / "tools" / "train_stance_model.py")


def _sample(rows: int, seed: int) -> tuple[np.ndarray, list[str], list[int]]:
    """A tiny synthetic sample: four classes, each shifted along its own features."""
    rng = np.random.default_rng(seed)
    labels = rng.choice(len(LABELS), size=rows, p=[0.2, 0.1, 0.3, 0.4])
    features = rng.normal(size=(rows, len(FEATURE_NAMES))).astype(np.float32)
    for k in range(len(LABELS)):
        features[labels == k, k] += 2.0
    return features, [LABELS[k] for k in labels], [i // 3 for i in range(rows)]


def test_softmax_regression_learns_and_is_deterministic() -> None:
    features, labels, _ = _sample(400, 1)
    y = np.array([LABELS.index(label) for label in labels])
    x = Standardizer.fit(features)(features)
    weights, bias = fit_softmax(x, y, 4, l2=1e-3)
    again = fit_softmax(x, y, 4, l2=1e-3)
    assert np.array_equal(weights, again[0]) and np.array_equal(bias, again[1])
    accuracy = (softmax(x @ weights.T + bias).argmax(axis=1) == y).mean()
    assert accuracy > 0.7  # chance is 0.4
    assert np.all(weights[-1] == 0) and bias[-1] == 0  # the reference class is pinned


def test_temperature_undoes_overconfidence() -> None:
    rng = np.random.default_rng(2)
    labels = rng.integers(0, 3, size=3000)
    honest = rng.normal(size=(3000, 3))
    honest[np.arange(3000), labels] += 1.0
    assert fit_temperature(honest, labels) == pytest.approx(1.0, abs=0.15)
    assert fit_temperature(4.0 * honest, labels) == pytest.approx(4.0, rel=0.15)


def test_reliability_and_ece_on_a_worked_example() -> None:
    probability = np.array([0.95, 0.95, 0.55, 0.55, 0.55, 0.55])
    correct = np.array([1, 1, 1, 0, 1, 0])
    diagram = reliability(probability, correct, bins=10)
    assert diagram.counts[9] == 2 and diagram.counts[5] == 4
    assert diagram.accuracy[9] == 1.0 and diagram.accuracy[5] == 0.5
    # ECE: 2/6 · |0.95 − 1| + 4/6 · |0.55 − 0.5|
    assert diagram.ece == pytest.approx(2 / 6 * 0.05 + 4 / 6 * 0.05)


def test_precision_threshold_is_the_lowest_that_keeps_precision() -> None:
    probability = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    correct = np.array([1, 1, 1, 1, 0, 0])
    assert precision_threshold(probability, correct, 0.8, minimum=2) == (0.5, 0.8, 5)
    assert precision_threshold(probability, correct, 1.0, minimum=2) == (0.6, 1.0, 4)
    never = precision_threshold(probability, 1 - correct, 0.9, minimum=2)
    assert never[0] == 1.0 and never[2] == 0  # unreachable: never sure enough to flag


def test_split_keeps_each_group_on_one_side() -> None:
    groups = [i // 4 for i in range(200)]
    mask = split_by_group(groups, 0.2, seed=7)
    assert mask.sum() == 40
    for group in set(groups):
        assert len({bool(m) for m, g in zip(mask, groups, strict=True) if g == group}) == 1
    assert np.array_equal(mask, split_by_group(groups, 0.2, seed=7))


def test_trainer_on_a_tiny_sample_is_seeded_and_reproducible() -> None:
    features, labels, groups = _sample(600, 3)
    first = trainer.train(features, labels, groups, seed=11)
    second = trainer.train(features, labels, groups, seed=11)
    assert first.to_json() == second.to_json()
    other = trainer.train(features, labels, groups, seed=12)
    assert other.to_json() != first.to_json()  # the seed chooses the dev split
    probabilities = first.probabilities(features)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    predicted = [LABELS[i] for i in probabilities.argmax(axis=1)]
    assert np.mean([p == g for p, g in zip(predicted, labels, strict=True)]) > 0.6
    held = first.info["dev_split"]
    assert held["pairs"] > 0 and 0.0 <= held["ece"] <= 1.0
    assert set(first.thresholds) == {"disputes", "omits"}
    restored = StanceModel.from_json(first.to_json())
    assert np.allclose(restored.probabilities(features), probabilities, atol=1e-5)


@pytest.mark.corpus
def test_trainer_on_real_pairs_beats_chance(corpus: Path) -> None:
    fnc1 = _load("fnc1", ROOT / "bench" / "fnc1.py")
    split = fnc1.load_split(corpus, "train")
    bodies = sorted(split.bodies)[:40]
    pairs = tuple(p for p in split.pairs if p[1] in set(bodies))[:500]
    sample = fnc1.Split(split.bodies, pairs)
    features = fnc1.extract(sample, progress=False)
    model = trainer.train(features, sample.labels, [b for _, b, _ in pairs], seed=5)
    assert model.to_json() == trainer.train(features, sample.labels,
                                            [b for _, b, _ in pairs], seed=5).to_json()
    # Related against unrelated is the easy half: meaning and coverage tell them apart.
    related = model.probabilities(features)[:, 3] < 0.5
    gold = np.array([label != "unrelated" for label in sample.labels])
    assert (related == gold).mean() > 0.85


def test_the_shipped_weights_load_and_say_where_they_come_from() -> None:
    model = default_model()
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURE_NAMES
    assert "FNC-1 train" in data["info"]["trained_on"]
    assert data["info"]["trainer"] == "tools/train_stance_model.py"
    assert "competition_test" not in json.dumps(data["info"])  # never trained on test data
    assert model.in_story is not None and set(model.thresholds) == {"disputes", "omits"}
    assert WEIGHTS.stat().st_size < 100_000  # small: a few linear models


def test_weights_for_other_features_are_refused() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    data["features"] = [*data["features"][:-1], "something_else"]
    with pytest.raises(ModelError, match="other features"):
        StanceModel.from_json(json.dumps(data))
    with pytest.raises(ModelError, match="not a format-1"):
        StanceModel.from_json("{}")
    with pytest.raises(ModelError, match="unreadable"):
        StanceModel.from_json(WEIGHTS.read_text(encoding="utf-8")[:200])
