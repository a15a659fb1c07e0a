"""Stance on the public corpus's 51 claim x article items with gold labels (from FNC-1's
competition test split), read by the claim matrix's own method.

    python bench/accuracy.py            # figures
    python bench/accuracy.py --items    # and each item's prediction

Each FNC-1 story's articles are read as one story, as the site reads a story's outlets. Prints
accuracy, macro-F1, per-class precision, recall and F1, and the confusion matrix, scored on
each cell's best reading (an uncertain cell counts as its reading). The corpus is found at
$PARALLAX_CORPUS, else ../shared/corpus beside the repository; it is never copied into data/.
(The full FNC-1 test split is scored by bench/fnc1.py.)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.analysis.claims.stance import StanceReader
from parallax.analysis.claims.stance_model.model import LABELS, STANCE_OF_LABEL
from parallax.model import STANCES, Article, Outlet, Stance
from parallax.nlp.text import sentences_from_body


@dataclass(frozen=True)
class Item:
    """One gold claim x article pair."""

    id: str
    story: str
    claim: str
    article: str  # path relative to the corpus folder
    gold: Stance


def corpus_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def load_items(corpus: Path) -> list[Item]:
    path = corpus / "stance" / "stance.jsonl"
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            items.append(Item(record["id"], record["story_slug"], record["claim"],
                              record["article"], record["gold_stance"]))
    return items


def read_article(corpus: Path, relative: str) -> Article:
    """A corpus file as an Article: front matter dropped, body split into sentences."""
    text = (corpus / relative).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
    stem = Path(relative).stem
    return Article(id=stem, story_id=Path(relative).parent.name, outlet=Outlet(stem, stem),
                   title=stem, sentences=sentences_from_body(body), source_path=relative)


def predict(corpus: Path, items: Sequence[Item], model_only: bool = False) -> list[Stance]:
    """Each item's cell, read as the claim matrix reads it (one reader per story); with
    `model_only`, the trained model's most probable stance for the pair, as on FNC-1."""
    readers: dict[str, StanceReader] = {}
    articles: dict[str, Article] = {}
    predictions: list[Stance] = []
    for item in items:
        article = articles.get(item.article) or read_article(corpus, item.article)
        articles[item.article] = article
        reader = readers.setdefault(item.story, StanceReader())
        if model_only:
            probabilities = reader.model.probabilities(reader.reading(item.claim, article).features)
            label = LABELS[int(probabilities[0].argmax())]
            predictions.append(STANCE_OF_LABEL[label])  # type: ignore[arg-type]
        else:
            predictions.append(reader.cell(item.claim, article).stance)
    return predictions


@dataclass(frozen=True)
class Scores:
    accuracy: float
    macro_f1: float
    per_class: dict[str, tuple[float, float, float, int]]  # precision, recall, F1, support
    confusion: dict[tuple[str, str], int]  # (gold, predicted) -> count
    labels: tuple[str, ...]


def score(gold: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Accuracy, and per-class P/R/F1 with macro-F1 over the classes present in the gold."""
    confusion = Counter(zip(gold, predicted, strict=True))
    labels = tuple(s for s in STANCES if s in set(gold) | set(predicted))
    per_class = {}
    for label in (s for s in STANCES if s in set(gold)):
        tp = confusion[(label, label)]
        predicted_n = sum(1 for p in predicted if p == label)
        support = sum(1 for g in gold if g == label)
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = (precision, recall, f1, support)
    accuracy = sum(confusion[(s, s)] for s in labels) / len(gold) if gold else 0.0
    macro = sum(v[2] for v in per_class.values()) / len(per_class) if per_class else 0.0
    return Scores(accuracy, macro, per_class, dict(confusion), labels)


def majority_baseline(gold: Sequence[str]) -> list[str]:
    """Predict the most frequent gold class for every item (ties: the first in STANCES)."""
    counts = Counter(gold)
    top = max(STANCES, key=lambda s: (counts[s], -STANCES.index(s)))
    return [top] * len(gold)


def report(title: str, scores: Scores) -> str:
    lines = [title, f"  accuracy  {scores.accuracy:.3f}", f"  macro-F1  {scores.macro_f1:.3f}",
             "  class      precision  recall  F1     support"]
    for label, (p, r, f, n) in scores.per_class.items():
        lines.append(f"  {label:9}  {p:9.3f}  {r:6.3f}  {f:5.3f}  {n:7d}")
    lines.append("  confusion (rows gold, columns predicted):")
    lines.append("  " + " " * 10 + "".join(f"{label:>10}" for label in scores.labels))
    for g in scores.labels:
        row = "".join(f"{scores.confusion.get((g, p), 0):>10}" for p in scores.labels)
        lines.append(f"  {g:10}{row}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder")
    parser.add_argument("--items", action="store_true", help="print each item's prediction")
    args = parser.parse_args(argv)
    corpus = args.corpus or corpus_dir()
    if not (corpus / "stance" / "stance.jsonl").exists():
        print(f"accuracy: no stance corpus at {corpus}/stance/stance.jsonl — set PARALLAX_CORPUS "
              "to the folder of the public evaluation corpus", file=sys.stderr)
        return 2
    items = load_items(corpus)
    predicted = predict(corpus, items)
    gold = [i.gold for i in items]
    if args.items:
        for item, p in zip(items, predicted, strict=True):
            mark = "ok " if p == item.gold else "BAD"
            print(f"{mark} {item.id} gold={item.gold:9} got={p:9} {item.claim[:60]}")
    print(f"Stance on {len(items)} claim x article items ({corpus.name}/stance, FNC-1)")
    print(report("the claim matrix's method", score(gold, predicted)))
    # Every article in this corpus discusses its claim (no FNC-1 "unrelated" pair was kept), so
    # an article that carries no sentence close to the claim is what FNC-1 calls "discuss":
    # it is about the subject without taking a position. This second reading maps our `omits`
    # to `reports`; it changes no prediction, only how an omission is scored.
    related = [("reports" if p == "omits" else p) for p in predicted]
    committed = [(g, p) for g, p in zip(gold, predicted, strict=True) if p != "omits"]
    print(report("the same, omits read as reports (every article is on topic)",
                 score(gold, related)))
    if committed:
        right = sum(g == p for g, p in committed)
        print(f"  where it finds evidence: {len(committed)}/{len(gold)} items, "
              f"{right / len(committed):.3f} correct")
    print(report("the trained model alone, as on FNC-1 (the most probable stance of the pair)",
                 score(gold, predict(corpus, items, model_only=True))))
    print(report("baseline: majority class", score(gold, majority_baseline(gold))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
