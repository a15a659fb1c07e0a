"""Precision of the contradiction reader on public data beyond our BASIL gold: FNC-1.

FNC-1 pairs a headline with an article body and labels the body's stance: *disagree* bodies
contradict or deny the headline. Read as sentence pairs — the headline and each of its closest
body sentences by meaning, as the site pairs a story's sentences (`contradictions.CLOSE`,
`CLOSEST`) — every pair the reader flags is scored by its body's label: a flag on a
*disagree* body is right, one on an *agree* or *discuss* body (or an unrelated one) is wrong.
That is strict: a *disagree* body may hold a flagged sentence that contradicts nothing, and a
*discuss* body may hold a real contradiction. Nothing in the reader was fitted on FNC-1 (its
stance model aside, trained on the training split); both splits are reported.

Run: `.venv/bin/python bench/contradictions.py` (reads $PARALLAX_CORPUS or ../shared/corpus;
caches readings in $PARALLAX_CACHE, default /tmp/parallax-fnc1).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

import fnc1
from parallax.analysis.facts import contradictions
from parallax.analysis.facts.contradictions import CLOSE, CLOSEST, ContradictionReader, Reading
from parallax.model import CONFIDENT
from parallax.nlp import polarity
from parallax.nlp.samefact import SameFact
from parallax.nlp.semantic import MeaningSpace

CORPUS_ABSENT = 2
Labelled = tuple[str, Reading]  # (the body's FNC-1 label, the flagged reading)


def readings(split: fnc1.Split, progress: bool = True) -> list[Labelled]:
    """Every (headline, body sentence) pair the reader flags, with its body's label."""
    decide = SameFact(MeaningSpace())
    reader = ContradictionReader(decide)
    sentences = {b: fnc1.body_sentences(text) for b, text in split.bodies.items()}
    found: list[Labelled] = []
    for n, (headline, body, label) in enumerate(split.pairs):
        if progress and n % 2000 == 0:
            print(f"  {n}/{len(split.pairs)} pairs read, {len(found)} flagged",
                  file=sys.stderr)
        texts = sentences[body]
        if not texts:
            continue
        cosines = decide.space.vectors(texts) @ decide.space.vector(headline)
        for j in np.argsort(-cosines, kind="stable")[:CLOSEST]:
            if cosines[j] < CLOSE:
                continue
            reading = reader.read(("headline", "h", headline), ("body", f"s{j + 1}", texts[j]))
            if reading is not None:
                found.append((label, reading))
    return found


def cached_readings(name: str) -> list[Labelled]:
    """`readings` of one split, cached by the code that makes them."""
    digest = hashlib.sha256()
    for module in (contradictions, polarity):
        digest.update(Path(module.__file__ or "").read_bytes())
    cache = fnc1.cache_dir() / f"contradictions-{name}-{digest.hexdigest()[:12]}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    found = readings(fnc1.load_split(fnc1.corpus_dir(), name))
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(found))
    return found


def precision_report(title: str, found: Sequence[Labelled]) -> None:
    scores = [r.confidence for _, r in found]
    labels = [label for label, _ in found]
    print(f"{title}: {len(found)} sentence pairs flagged, by body label {dict(Counter(labels))}")
    for name, keep in (("confident (>= 0.7)", [s >= CONFIDENT for s in scores]),
                       ("possible (< 0.7)", [s < CONFIDENT for s in scores]),
                       ("all flags", [True] * len(scores))):
        chosen = [label for label, k in zip(labels, keep, strict=True) if k]
        right = sum(label == "disagree" for label in chosen)
        share = f"{right / len(chosen):.3f}" if chosen else "n/a"
        mean = np.mean([s for s, k in zip(scores, keep, strict=True) if k]) if chosen else 0.0
        print(f"  {name:20} precision {right}/{len(chosen)} = {share} "
              f"(mean confidence {mean:.3f})")
    reasons = Counter((r.reason, label == "disagree") for label, r in found)
    for reason in ("negation", "denial", "opposite"):
        right, wrong = reasons[(reason, True)], reasons[(reason, False)]
        print(f"  {reason:9} {right} on disagree bodies, {wrong} on others")


def show(found: Sequence[Labelled]) -> None:
    """Every flag, surest first: what an audit by reading goes through."""
    ranked = sorted(found, key=lambda item: (-item[1].confidence, item[1].stating[2]))
    for n, (label, reading) in enumerate(ranked, 1):
        print(f"{n:3} {label:9} {reading.confidence:.2f} {reading.reason:8} {reading.cue!r}")
        print(f"      states:  {reading.stating[2]}")
        print(f"      negates: {reading.negating[2]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every flag of the test split")
    args = parser.parse_args(argv)
    if not (fnc1.corpus_dir() / "fnc1").is_dir():
        print(f"public corpus not found at {fnc1.corpus_dir()}: set PARALLAX_CORPUS",
              file=sys.stderr)
        return CORPUS_ABSENT
    test = fnc1.load_split(fnc1.corpus_dir(), "competition_test")
    related = Counter(label for _, _, label in test.pairs)
    print(f"FNC-1 competition test: {len(test.pairs)} pairs, {related['disagree']} disagree "
          f"({related['disagree'] / (len(test.pairs) - related['unrelated']):.1%} of related)")
    precision_report("competition test", cached_readings("competition_test"))
    precision_report("training split", cached_readings("train"))
    if args.show:
        show(cached_readings("competition_test"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
