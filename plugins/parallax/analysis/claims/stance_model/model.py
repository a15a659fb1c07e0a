"""The shipped stance model: two softmax regressions over `features.FEATURE_NAMES`, numpy only.

1. **Carried**: does the article carry the claim at all (FNC-1: related or unrelated)?
2. **Stance**, given that it does: agree, disagree or discuss (asserts, disputes, reports).

Each has a temperature fitted on held-out training pairs, so its probabilities are calibrated;
a pair's probabilities are P(carried) × P(stance | carried) and 1 − P(carried) for *omits*.

FNC-1's unrelated pairs come from other stories; within one story every article is on topic,
and an outlet omits a claim when no sentence holds the claim itself. So the claim matrix asks a
third, small model, **in story**: a logistic regression over how much of the claim the best
sentences hold (`GATE_NAMES`) and the first stage's own logit, fitted on the claim-matrix
development set (see `tools/train_stance_model.py`).
`weights.json` holds everything: feature names (checked against the code), standardisation,
weights, temperatures, the red-flag thresholds chosen on held-out data, and how it was trained
(`tools/train_stance_model.py` rebuilds it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .features import FEATURE_NAMES, PairReading

WEIGHTS = Path(__file__).parent / "weights.json"
LABELS = ("agree", "disagree", "discuss", "unrelated")  # FNC-1's, in the model's column order
STANCE_OF_LABEL = {"agree": "asserts", "disagree": "disputes", "discuss": "reports",
                   "unrelated": "omits"}


GATE_NAMES = ("best_coverage", "best_meaning", "best_exact", "related_logit")


class ModelError(ValueError):
    """The weights file does not fit this code (other features, or a broken file)."""


@dataclass(frozen=True)
class Softmax:
    """One calibrated softmax regression: standardised features in, probabilities out."""

    weights: np.ndarray  # classes × features
    bias: np.ndarray
    temperature: float

    def logits(self, standardized: np.ndarray) -> np.ndarray:
        return standardized @ self.weights.T + self.bias

    def probabilities(self, standardized: np.ndarray) -> np.ndarray:
        logits = self.logits(standardized) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def to_json(self) -> dict[str, Any]:
        return {"weights": np.round(self.weights, 6).tolist(),
                "bias": np.round(self.bias, 6).tolist(), "temperature": round(self.temperature, 6)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Softmax:
        return cls(np.array(data["weights"], dtype=np.float64),
                   np.array(data["bias"], dtype=np.float64), float(data["temperature"]))


@dataclass(frozen=True)
class StanceModel:
    """Both stages, their standardisation, and the thresholds for red flags."""

    mean: np.ndarray
    scale: np.ndarray
    carried: Softmax  # classes: carried, not carried
    stance: Softmax  # classes: agree, disagree, discuss
    thresholds: dict[str, float]  # stance -> least probability to show it as a red flag
    info: dict[str, Any]  # provenance and held-out figures, as written by the trainer
    in_story: Softmax | None = None  # classes: carried, not carried; over GATE_NAMES
    # Readings that need no learning ("fact_conflict", "missing_figure"): their precision on
    # the development set, which stands for their probability.
    rules: dict[str, float] = field(default_factory=dict)

    def _standardized(self, features: np.ndarray) -> np.ndarray:
        rows = np.atleast_2d(np.asarray(features, dtype=np.float64))
        return (rows - self.mean) / self.scale

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Rows of (agree, disagree, discuss, unrelated) probabilities, summing to 1."""
        standardized = self._standardized(features)
        carried = self.carried.probabilities(standardized)[:, :1]
        return np.hstack([carried * self.stance.probabilities(standardized), 1.0 - carried])

    def gate(self, pair: PairReading) -> np.ndarray:
        """The in-story model's inputs for one pair (in `GATE_NAMES` order)."""
        logits = self.carried.logits(self._standardized(pair.features))[0]
        readings = pair.readings
        return np.array([max((r.coverage for r in readings), default=0.0),
                         max((r.meaning for r in readings), default=0.0),
                         max((r.exact for r in readings), default=0.0),
                         (logits[0] - logits[1]) / self.carried.temperature])

    def carried_in_story(self, pair: PairReading) -> float:
        """P(the article carries the claim) for an article of the claim's own story."""
        if self.in_story is None:
            return float(1.0 - self.probabilities(pair.features)[0, -1])
        return float(self.in_story.probabilities(self.gate(pair)[None, :])[0, 0])

    def to_json(self) -> str:
        data = {
            "format": 1,
            "labels": list(LABELS),
            "features": list(FEATURE_NAMES),
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
            "carried": self.carried.to_json(),
            "stance": self.stance.to_json(),
            "in_story": ({**self.in_story.to_json(), "features": list(GATE_NAMES)}
                         if self.in_story else None),
            "rules": self.rules,
            "thresholds": self.thresholds,
            "info": self.info,
        }
        return json.dumps(data, indent=1, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "weights") -> StanceModel:
        try:
            data = json.loads(text)
            if data.get("format") != 1 or tuple(data["labels"]) != LABELS:
                raise ModelError(f"{source}: not a format-1 stance model")
            if tuple(data["features"]) != FEATURE_NAMES:
                raise ModelError(f"{source}: trained on other features than this code computes; "
                                 "rebuild it with tools/train_stance_model.py")
            in_story = data.get("in_story")
            if in_story and tuple(in_story["features"]) != GATE_NAMES:
                raise ModelError(f"{source}: in-story model over other inputs than this code's")
            return cls(np.array(data["mean"], dtype=np.float64),
                       np.array(data["scale"], dtype=np.float64),
                       Softmax.from_json(data["carried"]), Softmax.from_json(data["stance"]),
                       {k: float(v) for k, v in data["thresholds"].items()}, data["info"],
                       Softmax.from_json(in_story) if in_story else None,
                       {k: float(v) for k, v in data.get("rules", {}).items()})
        except (KeyError, TypeError, json.JSONDecodeError) as error:
            raise ModelError(f"{source}: unreadable stance model ({error})") from error


@lru_cache(maxsize=1)
def default_model() -> StanceModel:
    """The shipped weights, loaded once per process."""
    return StanceModel.from_json(WEIGHTS.read_text(encoding="utf-8"), str(WEIGHTS))
