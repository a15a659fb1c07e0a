"""Train the same-fact decision (plugins/parallax/nlp/weights/same_fact.json) on MSRP train.

    .venv/bin/python tools/train_same_fact.py            # write the weights
    .venv/bin/python tools/train_same_fact.py --check    # retrain, compare with the shipped file

Reads only the training split of the Microsoft Research Paraphrase Corpus
($PARALLAX_CORPUS/msrp/, default ../shared/corpus/msrp/); the test split is for
`bench/paraphrase.py` and is never read here. The features are `parallax.nlp.samefact`'s; the
model is an L2 logistic regression fitted by Newton's method (`parallax.nlp.linear`), each weight
held to the sign its feature's meaning demands, so the same data gives the same weights bit for
bit. The penalty is chosen by 5-fold cross-validation
on the training split (folds drawn with a fixed seed), and so is the aligner's stricter
threshold: the lowest probability at which out-of-fold precision reaches `PRECISE`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.nlp.linear import LinearModel, fit_logistic
from parallax.nlp.samefact import FEATURES, SIGNS, WEIGHTS, SameFact
from parallax.nlp.semantic import MeaningSpace

SEED = 0
FOLDS = 5
PENALTIES = (0.1, 1.0, 10.0, 100.0)
PRECISE = 0.90  # out-of-fold precision the stricter threshold must reach
CORPUS_ABSENT = 2


def corpus_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def read_msrp(path: Path) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) rows of an MSRP file (tab-separated, quoting off)."""
    rows = []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    for number, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != 5:
            raise SystemExit(f"{path}:{number}: expected 5 tab-separated fields")
        rows.append((int(fields[0]), fields[3], fields[4]))
    return rows


def feature_table(rows: list[tuple[int, str, str]]) -> tuple[np.ndarray, np.ndarray]:
    decide = SameFact(MeaningSpace())
    table = np.array([decide.features(a, b) for _, a, b in rows])
    return table, np.array([label for label, _, _ in rows], dtype=np.float64)


def scores(p: np.ndarray, gold: np.ndarray, threshold: float) -> dict[str, float]:
    said = p >= threshold
    tp = float((said & (gold == 1)).sum())
    fp = float((said & (gold == 0)).sum())
    fn = float((~said & (gold == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float((said == (gold == 1)).mean()), "f1": f1,
            "precision": precision, "recall": recall}


def out_of_fold(table: np.ndarray, labels: np.ndarray, l2: float) -> np.ndarray:
    folds = np.random.default_rng(SEED).permutation(len(labels)) % FOLDS
    p = np.zeros(len(labels))
    for k in range(FOLDS):
        held = folds == k
        model = fit_logistic(table[~held], labels[~held], FEATURES, l2, SIGNS)
        p[held] = model.probability(table[held])
    return p


def precise_threshold(p: np.ndarray, labels: np.ndarray) -> float:
    for threshold in np.round(np.arange(0.50, 1.0, 0.01), 2):
        if scores(p, labels, float(threshold))["precision"] >= PRECISE:
            return float(threshold)
    return 0.99


def train(rows: list[tuple[int, str, str]]) -> dict[str, object]:
    table, labels = feature_table(rows)
    validation = {l2: out_of_fold(table, labels, l2) for l2 in PENALTIES}
    best = max(PENALTIES, key=lambda l2: (scores(validation[l2], labels, 0.5)["accuracy"], -l2))
    model: LinearModel = fit_logistic(table, labels, FEATURES, best, SIGNS)
    strict = precise_threshold(validation[best], labels)
    return {
        "about": "p(two sentences state the same fact): parallax.nlp.samefact; "
                 "trained by tools/train_same_fact.py on MSRP train",
        "trained_on": f"MSRP train split, {len(rows)} pairs",
        **model.to_json(),
        "l2": best,
        "thresholds": {"decision": 0.5, "precise": strict},
        "cross_validation": {
            "folds": FOLDS, "seed": SEED,
            "at_decision": {k: round(v, 4) for k, v in
                            scores(validation[best], labels, 0.5).items()},
            "at_precise": {k: round(v, 4) for k, v in
                           scores(validation[best], labels, strict).items()},
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="retrain and compare with the shipped weights instead of writing")
    args = parser.parse_args()
    path = corpus_dir() / "msrp" / "msr_paraphrase_train.txt"
    if not path.exists():
        print(f"MSRP not found at {path}: set PARALLAX_CORPUS to the corpus folder")
        return CORPUS_ABSENT
    result = train(read_msrp(path))
    text = json.dumps(result, indent=1) + "\n"
    print(json.dumps(result["cross_validation"], indent=1))
    if args.check:
        same = WEIGHTS.read_text(encoding="utf-8") == text
        print("the shipped weights match" if same else "the shipped weights DIFFER")
        return 0 if same else 1
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
