"""Fitting and calibrating the stance model, numpy only: softmax regression, temperature,
thresholds, and the figures that say how well calibrated a model is.

Training needs no randomness: softmax regression with an L2 penalty is a convex problem, solved
here by Newton's method from zero weights, so the same data gives the same weights bit for bit
on the same platform. The trainer (`tools/train_stance_model.py`) uses these functions; so do
the tests, on a tiny sample.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Standardizer:
    """Features to zero mean and unit variance, with the training data's moments."""

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, features: np.ndarray) -> Standardizer:
        scale = features.std(axis=0)
        return cls(features.mean(axis=0), np.where(scale > 1e-9, scale, 1.0))

    def __call__(self, features: np.ndarray) -> np.ndarray:
        return (features - self.mean) / self.scale


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_softmax(
    features: np.ndarray,
    labels: np.ndarray,
    classes: int,
    l2: float = 1e-2,
    sample_weight: np.ndarray | None = None,
    iterations: int = 50,
    tolerance: float = 1e-8,
) -> tuple[np.ndarray, np.ndarray]:
    """Weights (classes × features) and biases of an L2-penalised softmax regression.

    Newton's method on the mean weighted log-loss plus `l2`/2 · |W|² (biases not penalised);
    the last class's parameters are pinned at zero, which makes the problem strictly convex.
    """
    rows, width = features.shape
    weight = np.ones(rows) if sample_weight is None else np.asarray(sample_weight, float)
    weight = weight / weight.sum()
    design = np.hstack([features.astype(np.float64), np.ones((rows, 1))])
    size = width + 1
    free = classes - 1
    theta = np.zeros((free, size))
    target = np.eye(classes)[labels][:, :free]
    penalty = np.full(size, l2)
    penalty[-1] = 0.0

    def loss(params: np.ndarray) -> float:
        logits = np.hstack([design @ params.T, np.zeros((rows, 1))])
        logits -= logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(logits).sum(axis=1))
        picked = logits[np.arange(rows), labels]
        return float(weight @ (log_norm - picked) + 0.5 * (penalty * params**2).sum())

    current = loss(theta)
    for _ in range(iterations):
        probabilities = softmax(np.hstack([design @ theta.T, np.zeros((rows, 1))]))[:, :free]
        residual = (probabilities - target) * weight[:, None]
        gradient = residual.T @ design + penalty * theta
        hessian = np.zeros((free * size, free * size))
        for k in range(free):
            for j in range(free):
                w = probabilities[:, k] * ((k == j) - probabilities[:, j]) * weight
                block = design.T @ (design * w[:, None])
                hessian[k * size:(k + 1) * size, j * size:(j + 1) * size] = block
        hessian += np.diag(np.tile(penalty, free)) + 1e-10 * np.eye(free * size)
        step = np.linalg.solve(hessian, gradient.reshape(-1)).reshape(free, size)
        scale = 1.0
        while scale > 1e-4:  # backtracking: Newton steps can overshoot far from the optimum
            candidate = theta - scale * step
            value = loss(candidate)
            if value <= current:
                break
            scale /= 2
        else:
            break
        theta, previous, current = candidate, current, value
        if previous - current < tolerance:
            break
    full = np.vstack([theta, np.zeros((1, size))])
    return full[:, :width], full[:, width]


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature T minimising the log-loss of softmax(logits / T) (golden-section search
    over log T in [1/20, 20]): one number, so it cannot change which class wins."""
    def nll(log_t: float) -> float:
        p = softmax(logits / np.exp(log_t))
        return float(-np.log(np.clip(p[np.arange(len(labels)), labels], 1e-12, None)).mean())

    low, high = -np.log(20.0), np.log(20.0)
    ratio = (np.sqrt(5) - 1) / 2
    a, b = high - ratio * (high - low), low + ratio * (high - low)
    fa, fb = nll(a), nll(b)
    for _ in range(80):
        if fa < fb:
            high, b, fb = b, a, fa
            a = high - ratio * (high - low)
            fa = nll(a)
        else:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = nll(b)
    return float(np.exp((low + high) / 2))


@dataclass(frozen=True)
class Reliability:
    """A reliability diagram's bins and the expected calibration error."""

    edges: tuple[float, ...]
    confidence: tuple[float, ...]  # mean predicted probability per bin (nan when empty)
    accuracy: tuple[float, ...]  # share right per bin (nan when empty)
    counts: tuple[int, ...]
    ece: float


def reliability(probability: np.ndarray, correct: np.ndarray, bins: int = 10) -> Reliability:
    """Bins of equal width over the predicted probability of the chosen class; ECE is the
    count-weighted mean gap between confidence and accuracy."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(probability, edges[1:-1]), 0, bins - 1)
    confidence, accuracy, counts = [], [], []
    ece = 0.0
    for b in range(bins):
        mask = index == b
        n = int(mask.sum())
        counts.append(n)
        if n:
            conf, acc = float(probability[mask].mean()), float(correct[mask].mean())
            ece += n / len(probability) * abs(conf - acc)
        else:
            conf = acc = float("nan")
        confidence.append(conf)
        accuracy.append(acc)
    return Reliability(tuple(edges.tolist()), tuple(confidence), tuple(accuracy),
                       tuple(counts), ece)


def precision_threshold(probability: np.ndarray, correct: np.ndarray, target: float = 0.9,
                        minimum: int = 20) -> tuple[float, float, int]:
    """The lowest threshold t such that predictions with probability ≥ t are right at least
    `target` of the time, over at least `minimum` predictions; (t, precision, count).

    Scanned from the most confident prediction down; where no threshold reaches the target
    with enough predictions, the threshold is 1.0 (never confident enough)."""
    order = np.argsort(-probability, kind="stable")
    hits = np.cumsum(correct[order])
    counts = np.arange(1, len(order) + 1)
    precision = hits / counts
    best: tuple[float, float, int] = (1.0, float("nan"), 0)
    for i in range(len(order)):
        # Only cut between distinct probabilities: ties fall on the same side.
        if i + 1 < len(order) and probability[order[i + 1]] == probability[order[i]]:
            continue
        if counts[i] >= minimum and precision[i] >= target:
            best = (float(probability[order[i]]), float(precision[i]), int(counts[i]))
    return best


def split_by_group(groups: Sequence[int], share: float, seed: int) -> np.ndarray:
    """A boolean mask selecting about `share` of the rows, whole groups at a time (all pairs of
    one FNC-1 body fall on one side, so held-out figures never see a training body)."""
    unique = np.array(sorted(set(groups)))
    rng = np.random.default_rng(seed)
    chosen = set(rng.choice(unique, size=max(1, round(share * len(unique))), replace=False))
    return np.array([g in chosen for g in groups])
