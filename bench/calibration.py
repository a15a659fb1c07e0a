"""How well the stance model's probabilities are calibrated: reliability and ECE, as figures
and as a picture.

    python bench/calibration.py                        # figures
    python bench/calibration.py --svg site_src/assets/stance-calibration.svg

Three sets, none of which fitted the weights they score:
* FNC-1's dev split: the 20 % of training bodies held out by the trainer (the temperatures were
  fitted there, so this is where calibration is made);
* FNC-1's competition test split (never seen in training);
* the claim-matrix development set, each story's cells read with the in-story model fitted on
  the other nine stories (leave one story out).
A reliability diagram bins predictions by the probability of the chosen reading and plots how
often they were right; the expected calibration error (ECE) is the mean gap, weighted by bin.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only cost

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools"))

import claims_dev
import fnc1
from parallax.analysis.claims.stance_model.fit import Reliability, reliability, split_by_group
from parallax.analysis.claims.stance_model.model import LABELS, default_model

BINS = 10
MIN_BIN = 5  # a bin of fewer predictions is drawn as nothing: its share right is noise
COLOURS = ("#2a5db0", "#b3261e", "#1b7a3a")


def fnc_reliability(corpus: Path, name: str) -> Reliability:
    """Top-label reliability of the shipped model on an FNC-1 split (the dev part of train)."""
    import train_stance_model as trainer

    model = default_model()
    split = fnc1.load_split(corpus, name)
    features = fnc1.cached_features(corpus, name, split)
    gold = np.array([LABELS.index(label) for label in split.labels])
    if name == "train":
        dev = split_by_group([b for _, b, _ in split.pairs], trainer.DEV_SHARE, trainer.SEED)
        features, gold = features[dev], gold[dev]
    probabilities = model.probabilities(features)
    return reliability(probabilities.max(axis=1), probabilities.argmax(axis=1) == gold, BINS)


def claims_reliability(corpus: Path) -> Reliability:
    """Each cell's probability against whether its reading is accepted, leave one story out."""
    judged = claims_dev.leave_one_story_out(corpus)
    automatic = [j for j in judged if not j.cell.curated]
    return reliability(np.array([j.cell.score for j in automatic]),
                       np.array([j.right for j in automatic]), BINS)


def svg(series: Sequence[tuple[str, Reliability]]) -> str:
    """A reliability diagram: one line per set, dots sized by how many predictions fell in
    the bin, the diagonal for perfect calibration."""
    size, pad = 320, 44
    width, height = size + pad + 240, size + pad + 16

    def x(p: float) -> float:
        return pad + p * size

    def y(p: float) -> float:
        return 8 + (1 - p) * size

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" font-family="sans-serif" '
             'font-size="12">',
             "<title>Reliability of the stance model's probabilities</title>",
             "<desc>For each set, predictions binned by probability (x) against the share "
             "that was right (y), bins of at least 5 predictions; on the diagonal, "
             "probabilities mean what they say.</desc>",
             f'<rect x="{pad}" y="8" width="{size}" height="{size}" fill="none" '
             'stroke="#999"/>',
             f'<line x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}" stroke="#999" '
             'stroke-dasharray="4 3"/>']
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(f'<text x="{x(tick):.1f}" y="{size + 24}" text-anchor="middle">'
                     f"{tick:g}</text>")
        parts.append(f'<text x="{pad - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
                     f"{tick:g}</text>")
    parts.append(f'<text x="{x(0.5)}" y="{size + 40}" text-anchor="middle">probability of '
                 "the reading</text>")
    parts.append(f'<text transform="translate(12 {y(0.5)}) rotate(-90)" '
                 'text-anchor="middle">share right</text>')
    for index, (label, diagram) in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        total = sum(diagram.counts) or 1
        points = [(c, a, n) for c, a, n in zip(diagram.confidence, diagram.accuracy,
                                               diagram.counts, strict=True) if n >= MIN_BIN]
        path = " ".join(f"{x(c):.1f},{y(a):.1f}" for c, a, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                     'stroke-width="2"/>')
        for c, a, n in points:
            radius = 2.5 + 9 * (n / total) ** 0.5
            parts.append(f'<circle cx="{x(c):.1f}" cy="{y(a):.1f}" r="{radius:.1f}" '
                         f'fill="{colour}" fill-opacity="0.5"/>')
        top = 20 + index * 40
        parts.append(f'<rect x="{size + pad + 14}" y="{top - 9}" width="12" height="12" '
                     f'fill="{colour}"/>')
        parts.append(f'<text x="{size + pad + 32}" y="{top + 1}">{label}</text>')
        parts.append(f'<text x="{size + pad + 32}" y="{top + 16}" fill="#555">ECE '
                     f"{diagram.ece:.3f}, n = {total}</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def describe(label: str, diagram: Reliability) -> str:
    rows = [f"{label}: ECE {diagram.ece:.4f} over {sum(diagram.counts)} predictions",
            "  bin          n  probability  share right"]
    for b, n in enumerate(diagram.counts):
        if n:
            rows.append(f"  {diagram.edges[b]:.1f}–{diagram.edges[b + 1]:.1f} {n:7d}"
                        f"  {diagram.confidence[b]:11.3f}  {diagram.accuracy[b]:11.3f}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--svg", type=Path, default=None, help="write the reliability diagram")
    args = parser.parse_args(argv)
    corpus = args.corpus or fnc1.corpus_dir()
    if not (corpus / "fnc1").is_dir() or not (corpus / "claims").is_dir():
        print(f"calibration: no FNC-1 or claims development set under {corpus} — set "
              "PARALLAX_CORPUS to the folder of the public evaluation corpus", file=sys.stderr)
        return 2
    series = [("FNC-1 dev split (held out)", fnc_reliability(corpus, "train")),
              ("FNC-1 competition test", fnc_reliability(corpus, "competition_test")),
              ("claim matrix dev set (LOSO)", claims_reliability(corpus))]
    for label, diagram in series:
        print(describe(label, diagram))
    if args.svg:
        args.svg.write_text(svg(series), encoding="utf-8")
        print(f"wrote {args.svg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
