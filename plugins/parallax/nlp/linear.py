"""A logistic regression small enough to ship as JSON and apply with numpy.

Training is Newton's method on the L2-penalised log-loss over standardised features: no random
start, no learning rate, so the same data gives the same weights on every machine. Used by
`tools/train_same_fact.py`; any other trained yes/no decision can use it the same way.

Each feature may carry the sign its weight must have (more agreement can only raise p, a
mismatch can only lower it). Training data rarely covers every case the model will meet — a
paraphrase corpus holds few pairs with little shared wording — and a weight of the wrong sign,
harmless inside the data, extrapolates into nonsense outside it. A feature whose weight comes
out with the wrong sign is dropped (weight 0), the largest offender first, and the rest refitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

DIGITS = 6  # weights are stored rounded, so the JSON file is small and reviewable


@dataclass(frozen=True)
class LinearModel:
    """p(yes) = sigmoid(((x - mean) / scale) · weights + bias)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def probability(self, table: np.ndarray) -> np.ndarray:
        """One probability per row of `table` (columns in `features` order)."""
        z = ((table - self.mean) / self.scale) @ self.weights + self.bias
        # Rounded so that a last-bit difference in a float sum can never flip a decision.
        return np.asarray(np.round(1.0 / (1.0 + np.exp(-z)), DIGITS))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": [round(float(v), DIGITS) for v in self.mean],
            "scale": [round(float(v), DIGITS) for v in self.scale],
            "weights": [round(float(v), DIGITS) for v in self.weights],
            "bias": round(self.bias, DIGITS),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(
            features=tuple(data["features"]),
            mean=np.array(data["mean"], dtype=np.float64),
            scale=np.array(data["scale"], dtype=np.float64),
            weights=np.array(data["weights"], dtype=np.float64),
            bias=float(data["bias"]),
        )


def fit_logistic(
    table: np.ndarray, labels: np.ndarray, features: Sequence[str], l2: float = 1.0,
    signs: Sequence[int] | None = None,
) -> LinearModel:
    """Fit on rows of `table` (one column per feature) and 0/1 `labels`.

    `signs` (one per feature: +1, -1, or 0 for free) constrains the sign of each weight.
    """
    active = list(range(len(features)))
    model = _fit(table[:, active], labels, [features[k] for k in active], l2)
    for _ in range(4 * len(features)):  # an active-set search: drop offenders, re-admit others
        wrong = [(abs(float(w)), k) for w, k in zip(model.weights, active, strict=True)
                 if signs is not None and signs[k] * w < 0]
        if wrong:
            active.remove(max(wrong)[1])
        else:
            entering = _entering(table, labels, model, active, signs or (), l2)
            if entering is None:
                break
            active = sorted([*active, entering])
        model = _fit(table[:, active], labels, [features[k] for k in active], l2)
    weights = np.zeros(len(features))
    weights[active] = model.weights
    mean, scale = table.mean(axis=0), table.std(axis=0)
    scale[scale == 0] = 1.0
    # Dropped features keep weight 0; their mean and scale are stored so the file is complete.
    mean[active], scale[active] = model.mean, model.scale
    return LinearModel(tuple(features), mean, scale, weights, model.bias)


def _entering(
    table: np.ndarray, labels: np.ndarray, model: LinearModel, active: list[int],
    signs: Sequence[int], l2: float,
) -> int | None:
    """A dropped feature whose weight, moved the way its sign allows, would lower the loss."""
    p = model.probability(table[:, active])
    scale = table.std(axis=0)
    scale[scale == 0] = 1.0
    standard = (table - table.mean(axis=0)) / scale
    gradient = standard.T @ (p - labels)  # the penalty adds nothing at a weight of 0
    best, chosen = 1e-6 * len(labels) + l2 * 0.0, None
    for k, sign in enumerate(signs):
        if k not in active and sign * -gradient[k] > best:
            best, chosen = sign * -gradient[k], k
    return chosen


def _fit(table: np.ndarray, labels: np.ndarray, features: Sequence[str], l2: float,
         iterations: int = 100) -> LinearModel:
    mean = table.mean(axis=0)
    scale = table.std(axis=0)
    scale[scale == 0] = 1.0
    design = np.hstack([(table - mean) / scale, np.ones((len(table), 1))])
    penalty = np.diag([l2] * len(features) + [0.0])  # the bias is not penalised
    theta = np.zeros(design.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (p - labels) + penalty @ theta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return LinearModel(tuple(features), mean, scale, theta[:-1].copy(), float(theta[-1]))
