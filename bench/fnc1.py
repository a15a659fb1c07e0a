"""FNC-1 (Fake News Challenge stage 1): read the splits, extract features, score.

    python bench/fnc1.py                 # the shipped model on the competition test split

Reads `fnc1/` of the public evaluation corpus ($PARALLAX_CORPUS, else ../shared/corpus).
Features are cached under $PARALLAX_CACHE (default /tmp/parallax-fnc1) by split and feature
version, so the trainer and this benchmark extract each split once. The FNC score is the
challenge's official metric: +0.25 for each pair whose related/unrelated call is right, +0.75
more when a related pair's stance (agree, disagree, discuss) is right, over the best possible.
Our stances map as asserts = agree, disputes = disagree, reports = discuss, omits = unrelated.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only cost
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.analysis.claims.stance_model import features as feats
from parallax.analysis.claims.stance_model.model import LABELS, StanceModel, default_model
from parallax.nlp import text
from parallax.nlp.text import sentences_from_body

PUBLISHED = (("official baseline", 0.7953), ("SOLAT in the SWEN (1st)", 0.8202),
             ("Athene (2nd)", 0.8197), ("UCL Machine Reading (3rd)", 0.8172))
STANCE_OF = {"agree": "asserts", "disagree": "disputes", "discuss": "reports",
             "unrelated": "omits"}
RELATED = ("agree", "disagree", "discuss")


@dataclass(frozen=True)
class Split:
    """One FNC-1 split: bodies by id, and (headline, body id, label) pairs."""

    bodies: dict[int, str]
    pairs: tuple[tuple[str, int, str], ...]

    @property
    def labels(self) -> list[str]:
        return [label for _, _, label in self.pairs]


def corpus_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def cache_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CACHE", "/tmp/parallax-fnc1"))


def load_split(corpus: Path, name: str) -> Split:
    """`name` is `train` or `competition_test`."""
    folder = corpus / "fnc1"
    with (folder / f"{name}_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}
    with (folder / f"{name}_stances.csv").open(encoding="utf-8", newline="") as handle:
        pairs = tuple((row["Headline"], int(row["Body ID"]), row["Stance"])
                      for row in csv.DictReader(handle))
    return Split(bodies, pairs)


def body_sentences(body: str) -> tuple[str, ...]:
    """A body's sentences, split as the site splits an article."""
    return tuple(s.text for s in sentences_from_body(body))


def extract(split: Split, progress: bool = True) -> np.ndarray:
    """One feature row per pair, in `feats.FEATURE_NAMES` order."""
    table = feats.default_words()
    views: dict[int, feats.ArticleView] = {}
    claims: dict[str, feats.ClaimView] = {}
    rows = np.zeros((len(split.pairs), len(feats.FEATURE_NAMES)), dtype=np.float32)
    start = time.time()
    for index, (headline, body_id, _) in enumerate(split.pairs):
        view = views.get(body_id)
        if view is None:
            view = views[body_id] = feats.article_view(body_sentences(split.bodies[body_id]),
                                                       table)
        claim = claims.get(headline)
        if claim is None:
            claim = claims[headline] = feats.claim_view(headline, table)
        rows[index] = feats.pair_reading(claim, view, table=table).features
        if progress and (index + 1) % 2000 == 0:
            rate = (index + 1) / (time.time() - start)
            print(f"  features: {index + 1}/{len(split.pairs)} pairs ({rate:.0f}/s)",
                  file=sys.stderr, flush=True)
    return rows


def feature_version() -> str:
    """A hash of the feature code and names, and of the sentence splitting and stems they rest
    on: a cache made by other code is never reused."""
    digest = hashlib.sha256("\n".join(feats.FEATURE_NAMES).encode())
    for module in (feats, feats.cues, text):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


def cached_features(corpus: Path, name: str, split: Split | None = None) -> np.ndarray:
    """The split's feature matrix, from the cache when the feature code is unchanged."""
    path = cache_dir() / f"{name}-{feature_version()}.npy"
    if path.exists():
        return np.load(path)
    split = split or load_split(corpus, name)
    print(f"extracting features of {name} ({len(split.pairs)} pairs) into {path}",
          file=sys.stderr)
    rows = extract(split)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, rows)
    return rows


# --------------------------------------------------------------------------- scoring

def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 score, as a share of the best possible."""
    def points(g: str, p: str) -> float:
        score = 0.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
        if g != "unrelated" and g == p:
            score += 0.75
        return score

    best = sum(points(g, g) for g in gold)
    return sum(points(g, p) for g, p in zip(gold, predicted, strict=True)) / best


def f1_scores(gold: Sequence[str], predicted: Sequence[str],
              labels: Sequence[str] = LABELS) -> dict[str, float]:
    """F1 per label, plus `macro` over all labels and `macro_related` over the three related."""
    confusion = Counter(zip(gold, predicted, strict=True))
    result = {}
    for label in labels:
        tp = confusion[(label, label)]
        fp = sum(n for (g, p), n in confusion.items() if p == label and g != label)
        fn = sum(n for (g, p), n in confusion.items() if g == label and p != label)
        result[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    result["macro"] = sum(result[label] for label in labels) / len(labels)
    result["macro_related"] = sum(result[label] for label in RELATED) / len(RELATED)
    return result


def confusion_table(gold: Sequence[str], predicted: Sequence[str]) -> str:
    confusion = Counter(zip(gold, predicted, strict=True))
    lines = ["  " + " " * 11 + "".join(f"{label:>11}" for label in LABELS)]
    for g in LABELS:
        lines.append(f"  {g:11}" + "".join(f"{confusion[(g, p)]:>11}" for p in LABELS))
    return "\n".join(lines)


def report(title: str, gold: Sequence[str], predicted: Sequence[str]) -> str:
    f1 = f1_scores(gold, predicted)
    lines = [title, f"  FNC score       {fnc_score(gold, predicted):.4f}",
             "  F1              " + "  ".join(f"{label} {f1[label]:.3f}" for label in LABELS),
             f"  macro-F1 (4)    {f1['macro']:.3f}",
             f"  macro-F1 agree/disagree/discuss  {f1['macro_related']:.3f}",
             "  confusion (rows gold, columns predicted):", confusion_table(gold, predicted)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    if not (corpus / "fnc1" / "competition_test_stances.csv").exists():
        print(f"fnc1: no FNC-1 corpus at {corpus}/fnc1 — set PARALLAX_CORPUS to the folder of "
              "the public evaluation corpus", file=sys.stderr)
        return 2
    split = load_split(corpus, "competition_test")
    model: StanceModel = default_model()
    probabilities = model.probabilities(cached_features(corpus, "competition_test", split))
    predicted = [LABELS[i] for i in probabilities.argmax(axis=1)]
    print(f"FNC-1 competition test split: {len(split.pairs)} pairs; our stances map as "
          "asserts = agree, disputes = disagree, reports = discuss, omits = unrelated")
    print(report("the shipped stance model (the most probable stance)", split.labels, predicted))
    rule = model.info.get("dev_split", {}).get("macro_f1_rule")
    if rule and rule["alpha"]:
        prior = np.maximum(np.array(model.info["related_prior"]), 1e-6)
        related = (probabilities[:, :3] / prior ** rule["alpha"]).argmax(axis=1)
        choice = np.where(probabilities.argmax(axis=1) == 3, 3, related)
        print(report(f"the same probabilities, related stances chosen by p / prior^{rule['alpha']}"
                     " (the exponent chosen on the dev split for macro-F1)",
                     split.labels, [LABELS[i] for i in choice]))
    print("  published: " + ", ".join(f"{name} {value:.2%}" for name, value in PUBLISHED))
    return 0


if __name__ == "__main__":
    sys.exit(main())
