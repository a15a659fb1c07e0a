"""Train the shipped stance model on FNC-1's training split; write its weights JSON.

    python tools/train_stance_model.py          # writes the shipped stance weights.json
    python tools/train_stance_model.py --check  # retrain and compare with the shipped file

Only `train_bodies.csv` / `train_stances.csv` are read: the competition test split is never
seen here (bench/fnc1.py scores it). The training pairs are split by body, seeded: 80 % fit the
weights, 20 % (the dev split) fit the temperatures and choose the red-flag thresholds, so every
held-out figure comes from bodies the weights never saw. Deterministic: softmax regression by
Newton's method from zero, a seeded split; the same data gives the same file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only cost
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

import claims_dev
import fnc1
from parallax.analysis.claims.stance import RULES, VOICES
from parallax.analysis.claims.stance_model.fit import (
    Standardizer,
    fit_softmax,
    fit_temperature,
    precision_threshold,
    reliability,
    split_by_group,
)
from parallax.analysis.claims.stance_model.model import LABELS, WEIGHTS, Softmax, StanceModel

SEED = 20260101
DEV_SHARE = 0.2
L2 = 1e-3
# Classes may be weighted by (1 / frequency) ** BALANCE: disagree is 1.7 % of the training pairs.
# Weighting buys recall of it but skews the probabilities, which a temperature cannot undo, so
# the shipped model is unweighted (0): calibrated first, and red flags held back by thresholds.
BALANCE = 0.0
TARGET_PRECISION = 0.9


def class_weights(labels: np.ndarray, classes: int, power: float) -> np.ndarray:
    counts = np.bincount(labels, minlength=classes).astype(float)
    per_class = (counts.sum() / np.maximum(counts, 1)) ** power
    return per_class[labels] / per_class[labels].mean()


def train(features: np.ndarray, labels: Sequence[str], groups: Sequence[int], seed: int = SEED,
          l2: float = L2, balance: float = BALANCE, info: dict | None = None) -> StanceModel:
    """Fit both stages on the fit split; calibrate and choose thresholds on the dev split."""
    y = np.array([LABELS.index(label) for label in labels])
    dev = split_by_group(groups, DEV_SHARE, seed)
    fit = ~dev
    standardize = Standardizer.fit(features[fit])
    x = standardize(features)
    carried = (y != LABELS.index("unrelated")).astype(int)
    carried_labels = 1 - carried  # class 0: carried, class 1: not carried
    w1, b1 = fit_softmax(x[fit], carried_labels[fit], 2, l2=l2)
    related = carried == 1
    w2, b2 = fit_softmax(x[fit & related], y[fit & related], 3, l2=l2,
                         sample_weight=class_weights(y[fit & related], 3, balance))
    t1 = fit_temperature(x[dev] @ w1.T + b1, carried_labels[dev])
    t2 = fit_temperature(x[dev & related] @ w2.T + b2, y[dev & related])
    model = StanceModel(standardize.mean, standardize.scale, Softmax(w1, b1, t1),
                        Softmax(w2, b2, t2), {}, {})
    probabilities = model.probabilities(features[dev])
    gold = y[dev]
    predicted = probabilities.argmax(axis=1)
    thresholds: dict[str, float] = {}
    held_out: dict[str, object] = {"pairs": int(dev.sum()),
                                   "bodies": len(set(np.array(groups)[dev]))}
    for label in ("disagree", "unrelated"):
        k = LABELS.index(label)
        chosen = predicted == k
        t, precision, count = precision_threshold(probabilities[chosen, k], gold[chosen] == k,
                                                  TARGET_PRECISION)
        stance = {"disagree": "disputes", "unrelated": "omits"}[label]
        thresholds[stance] = round(t, 4)
        held_out[f"{stance}_threshold"] = {
            "threshold": round(t, 4), "precision": round(precision, 4) if count else None,
            "flagged": count, "predicted": int(chosen.sum())}
    related_prior = np.bincount(y[fit & related], minlength=3)[:3] / (fit & related).sum()
    alpha, macro = macro_rule(probabilities, gold, related_prior)
    held_out["macro_f1_rule"] = {"alpha": alpha, "macro_f1_related": round(macro, 4)}
    top = probabilities.max(axis=1)
    diagram = reliability(top, predicted == gold)
    held_out["ece"] = round(diagram.ece, 4)
    held_out["fnc_score"] = round(fnc1.fnc_score([LABELS[i] for i in gold],
                                                 [LABELS[i] for i in predicted]), 4)
    return StanceModel(model.mean, model.scale, model.carried, model.stance, thresholds,
                       {**(info or {}), "seed": seed, "dev_share": DEV_SHARE, "l2": l2,
                        "class_balance": balance,
                        "related_prior": [round(float(p), 6) for p in related_prior],
                        "dev_split": held_out})


def macro_rule(probabilities: np.ndarray, gold: np.ndarray,
               prior: np.ndarray) -> tuple[float, float]:
    """The exponent α for which choosing among the related stances by p / prior ** α gives the
    best macro-F1 over agree, disagree and discuss on held-out pairs (α = 0: the most probable).
    Calibrated probabilities favour the frequent class; macro-F1 weighs the rare ones alike."""
    best = (0.0, -1.0)
    for alpha in (0.0, 0.25, 0.5, 0.75, 1.0):
        predicted = decide_related(probabilities, prior, alpha)
        scores = fnc1.f1_scores([LABELS[i] for i in gold], [LABELS[i] for i in predicted])
        if scores["macro_related"] > best[1] + 1e-9:
            best = (alpha, scores["macro_related"])
    return best


def decide_related(probabilities: np.ndarray, prior: np.ndarray, alpha: float) -> np.ndarray:
    """Unrelated where most probable; otherwise the related stance with the most p / prior^α."""
    related = (probabilities[:, :3] / np.maximum(prior, 1e-6) ** alpha).argmax(axis=1)
    return np.where(probabilities.argmax(axis=1) == 3, 3, related)


def fit_in_story(model: StanceModel, corpus: Path) -> StanceModel:
    """The in-story model, fitted on the claim-matrix development set; the threshold for a
    notable omission, chosen on its leave-one-story-out probabilities; and the measured
    precision of the readings that need no learning."""
    rows, carried, story_of = claims_dev.gate_rows(corpus, model)
    accepted = claims_dev.accepted_omits(corpus)
    held = np.zeros(len(rows))
    for story in sorted(set(story_of)):
        mask = np.array([s == story for s in story_of])
        gate = claims_dev.fit_gate(rows[~mask], carried[~mask])
        held[mask] = gate.probabilities(rows[mask])[:, 1]  # P(omitted), never fitted on it
    omitted = held >= 0.5
    t, precision, count = precision_threshold(held[omitted], accepted[omitted],
                                              TARGET_PRECISION)
    model = replace(model, in_story=claims_dev.fit_gate(rows, carried),
                    thresholds={**model.thresholds, "omits": round(t, 4)})
    counts: dict[str, list[int]] = {}
    for decision, accepted in claims_dev.decisions(corpus, model):
        voiced = decision.rule in VOICES and bool(accepted & {"asserts", "reports"})
        if decision.rule in RULES or voiced:
            tally = counts.setdefault(decision.rule, [0, 0])
            tally[0] += decision.stance in accepted
            tally[1] += 1
    # Laplace's rule of succession: a rule seen right 3 times of 3 is not certain.
    rules = {rule: round((right + 1) / (total + 2), 4)
             for rule, (right, total) in sorted(counts.items())}
    return replace(model, rules=rules, info={**model.info, "in_story": {
        "fitted_on": f"claim-matrix development set ({len(rows)} cells, "
                     f"{len(set(story_of))} stories; gold: carried or omits)",
        "omits_threshold": {"threshold": round(t, 4),
                            "precision": round(precision, 4) if count else None,
                            "flagged": count, "predicted": int(omitted.sum()),
                            "chosen_on": "leave-one-story-out probabilities"},
        "rules": {rule: {"right": r, "cells": n} for rule, (r, n) in sorted(counts.items())},
    }})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--check", action="store_true",
                        help="retrain and compare with the shipped weights instead of writing")
    args = parser.parse_args(argv)
    corpus = args.corpus or fnc1.corpus_dir()
    if not (corpus / "fnc1" / "train_stances.csv").exists():
        print(f"train_stance_model: no FNC-1 training split at {corpus}/fnc1 — set "
              "PARALLAX_CORPUS to the folder of the public evaluation corpus", file=sys.stderr)
        return 2
    split = fnc1.load_split(corpus, "train")
    features = fnc1.cached_features(corpus, "train", split)
    info = {"trained_on": "FNC-1 train_stances.csv / train_bodies.csv "
                          f"({len(split.pairs)} pairs, {len(split.bodies)} bodies)",
            "trainer": "tools/train_stance_model.py"}
    model = train(features, split.labels, [b for _, b, _ in split.pairs], info=info)
    if (corpus / "claims").is_dir():
        model = fit_in_story(model, corpus)
    else:
        print(f"train_stance_model: no claims development set at {corpus}/claims: "
              "the in-story model is left out", file=sys.stderr)
    text = model.to_json()
    if args.check:
        same = args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'identical' if same else 'DIFFERENT'} to a fresh training run")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    held = model.info["dev_split"]
    print(f"wrote {args.out} ({len(text) // 1024} KB); dev split: {held}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
