"""The aligner's same-fact decision on public paraphrase data, and the alignment on real stories.

    .venv/bin/python bench/paraphrase.py           # corpus at $PARALLAX_CORPUS or ../shared/corpus
    .venv/bin/python bench/paraphrase.py --show    # also print every pair the aligner makes on
                                                   # the BASIL stories, to audit by reading

1. MSRP test split (1,725 pairs of news sentences judged by people as saying the same thing or
   not): accuracy and F1 of the paraphrase class of `nlp/samefact.py` (trained on MSRP train
   only, by tools/train_same_fact.py), at its decision threshold and at the aligner's stricter
   one for moves, beside baselines computed here (thresholds tuned on MSRP train) and the
   published figures.
2. The seed story against its hand-judged gold (tests/fixtures/seed_alignment_gold.yml):
   precision (pairs judged same fact or possibly so) and recall (pairs judged same fact), and
   the moves.
3. BASIL (10 stories, three newsrooms each, independent accounts): how many sentence pairs the
   aligner makes, and how many of the claim dev set's cross-outlet evidence pairs (both outlets
   carry the claim) it puts side by side: a recall proxy for facts told in other words.
Exits 2 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from tests.alignment_gold import load_gold, score

from parallax.analysis.alignment import pairwise
from parallax.data.load import load_data
from parallax.model import PairAlignment, Story
from parallax.nlp.samefact import SameFact, shipped_model
from parallax.nlp.semantic import MeaningSpace
from parallax.nlp.similarity import SentenceSpace
from train_same_fact import corpus_dir, feature_table, read_msrp, scores

PUBLISHED = (  # MSRP test, accuracy / F1 of the paraphrase class (msrp/README.md)
    ("always 'paraphrase'", 0.665, 0.799),
    ("word overlap, TF-IDF cosine baselines (about)", 0.70, 0.80),
    ("Mihalcea et al. 2006, corpus + knowledge-based", 0.703, 0.813),
    ("Madnani et al. 2012, machine-translation metrics", 0.774, 0.841),
    ("fine-tuned transformers, GLUE MRPC (about)", 0.87, 0.90),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every BASIL pair made")
    args = parser.parse_args(argv)
    corpus = corpus_dir()
    if not (corpus / "msrp" / "msr_paraphrase_test.txt").exists():
        print(f"bench/paraphrase.py: MSRP not found under {corpus}: set PARALLAX_CORPUS to the "
              "public evaluation corpus", file=sys.stderr)
        return 2
    started = time.perf_counter()
    _msrp(corpus)
    _seed()
    _basil(corpus, args.show)
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


def _msrp(corpus: Path) -> None:
    train = read_msrp(corpus / "msrp" / "msr_paraphrase_train.txt")
    test = read_msrp(corpus / "msrp" / "msr_paraphrase_test.txt")
    table, gold = feature_table(test)
    p = shipped_model().probability(table)
    print(f"MSRP test split: {len(test)} pairs, {gold.mean():.1%} paraphrases\n")
    print(f"  {'method':58} {'accuracy':>8} {'F1':>6} {'prec.':>6} {'recall':>6}")
    rows = [("same-fact decision, p >= 0.5 (the aligner's LINK)", scores(p, gold, pairwise.LINK)),
            (f"same-fact decision, p >= {pairwise.MOVE} (the aligner's MOVE)",
             scores(p, gold, pairwise.MOVE))]
    for name, value, tuned in _baselines(train, test):
        rows.append((f"{name} (threshold {tuned:.2f}, tuned on train)", value))
    for name, s in rows:
        print(f"  {name:58} {s['accuracy']:8.3f} {s['f1']:6.3f} {s['precision']:6.3f} "
              f"{s['recall']:6.3f}")
    print("\n  published (MSRP test):")
    for name, accuracy, f1 in PUBLISHED:
        print(f"  {name:58} {accuracy:8.3f} {f1:6.3f}")


def _baselines(
    train: list[tuple[int, str, str]], test: list[tuple[int, str, str]]
) -> list[tuple[str, dict[str, float], float]]:
    """Single-number baselines: one cosine, its threshold chosen for accuracy on train."""
    meaning = MeaningSpace()
    out = []
    for name, similarity in (
        ("static sentence-vector cosine", lambda rows: [meaning.similarity(a, b)
                                                        for _, a, b in rows]),
        ("TF-IDF cosine (IDF from the split's sentences)", _tfidf),
    ):
        tr, te = np.array(similarity(train)), np.array(similarity(test))
        gold_tr = np.array([label for label, _, _ in train], dtype=float)
        gold_te = np.array([label for label, _, _ in test], dtype=float)
        grid = np.round(np.arange(0.0, 1.0, 0.005), 3)
        best = max(grid, key=lambda t: (scores(tr, gold_tr, float(t))["accuracy"], -t))
        out.append((name, scores(te, gold_te, float(best)), float(best)))
    return out


def _tfidf(rows: list[tuple[int, str, str]]) -> list[float]:
    space = SentenceSpace(text for _, a, b in rows for text in (a, b))
    return [space.similarity(a, b) for _, a, b in rows]


def _seed() -> None:
    story = next(s for s in load_data(ROOT / "data"))
    pairs = _align(story)
    result = score(story, pairs, load_gold(story))
    print(f"\nSeed story, hand-judged gold ({len(load_gold(story))} pairs of articles)\n")
    print(f"  precision {result.right}/{result.found} = {result.precision:.3f} "
          "(pairs made that state the same fact, or possibly so)")
    print(f"  recall    {result.sure_found}/{result.sure} = {result.recall:.3f} "
          "(same-fact pairs made)")
    moves = sum(len(g.moves) for g in load_gold(story))
    print(f"  moves     {moves - len(result.moves_missing)}/{moves} found")
    for line in result.wrong:
        print(f"    wrong: {line}")
    for line in result.moves_missing:
        print(f"    move missed: {line}")


def _basil(corpus: Path, show: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "stories").symlink_to(corpus / "stories", target_is_directory=True)
        stories = list(load_data(tmp))
    made = linked = total = 0
    lines = []
    for story in stories:
        pairs = {(p.a, p.b): p for p in _align(story)}
        made += sum(len(p.links()) for p in pairs.values())
        claims = yaml.safe_load((corpus / "claims" / f"{story.id}.yml").read_text("utf-8"))
        for claim in claims["claims"]:
            carried = {o: g["evidence"] for o, g in claim["gold"].items()
                       if g["stance"] in ("asserts", "reports") and g.get("evidence")}
            for x, y in itertools.combinations(sorted(carried), 2):
                ends_x, ends_y = (_evidence(story, x, carried[x]), _evidence(story, y, carried[y]))
                if ends_x and ends_y:
                    total += 1
                    found = set(pairs[(x, y)].links())
                    linked += any((i, j) in found for i in ends_x for j in ends_y)
        if show:
            lines += _shown(story, pairs.values())
    print(f"\nBASIL: {len(stories)} stories, three newsrooms each\n")
    print(f"  sentence pairs made: {made}")
    print(f"  claim dev set, evidence pairs of two outlets that both carry a claim: {linked}/"
          f"{total} = {linked / total:.3f} side by side")
    for line in lines:
        print(line)


def _evidence(story: Story, article: str, fragments: list[str]) -> set[str]:
    found = set()
    for fragment in fragments:
        wanted = " ".join(fragment.split())
        found |= {s.id for s in story.article(article).sentences
                  if wanted[:60] in s.text or s.text in wanted}
    return found


def _shown(story: Story, pairs: Iterable[PairAlignment]) -> list[str]:
    out = []
    for pair in pairs:
        a, b = story.article(pair.a), story.article(pair.b)
        for i, j in pair.links():
            out.append(f"  {story.id[:24]} {pair.a}/{pair.b} {i}-{j}\n"
                       f"      A: {a.sentence(i).text[:160]}\n      B: {b.sentence(j).text[:160]}")
    return out


def _align(story: Story) -> tuple[PairAlignment, ...]:
    meaning = MeaningSpace(s.text for a in story.articles for s in a.sentences)
    return pairwise.align_story(story.articles, SameFact(meaning))


if __name__ == "__main__":
    sys.exit(main())
