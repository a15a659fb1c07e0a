"""Long articles: does the analysis grow near-linearly with article length?

Two articles of N words each (N = 10,000, 50,000, 100,000 by default): article A is real news
text (FNC-1 bodies, one after another, no paragraph repeated), article B a rewrite of it that
keeps 60 % of A's paragraphs (a fifth of them cut short), swaps a few and adds paragraphs of its
own, as outlets do with wire copy. Each size runs in a fresh process, side by side with a
reference: one linear pass over the same text (find every word and stem it), run just before
and just after the analysis in the same process, so a busy machine slows both alike. If the
analysis is near-linear, its time divided by the reference's stays flat as N grows; the
benchmark fails when that ratio grows more than `MAX_RATIO_GROWTH` times from the smallest size
to the largest, or when a full `mkdocs build` of the largest pair (`--build`) needs more memory
than the README's target.

    .venv/bin/python bench/long_articles.py                  # 10k, 50k, 100k words
    .venv/bin/python bench/long_articles.py --words 10000 20000 --build

Reads $PARALLAX_CORPUS (default ../shared/corpus); exits 2 with a plain message without it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))
BODIES = CORPUS / "fnc1" / "train_bodies.csv"
MAX_RATIO_GROWTH = 2.0  # analysis/reference at the largest size over that at the smallest
TARGET_PEAK_MB = 1500.0  # the README's build memory target


def _paragraphs() -> Iterator[str]:
    csv.field_size_limit(1 << 26)
    with BODIES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for paragraph in row["articleBody"].split("\n"):
                paragraph = " ".join(paragraph.split())
                if len(paragraph.split()) >= 5:
                    yield paragraph


def bodies(words: int, seed: int = 7) -> tuple[str, str]:
    """Article A (`words` words of distinct real paragraphs) and B, its rewrite."""
    rnd = random.Random(seed)
    source = _paragraphs()
    seen: set[str] = set()
    first: list[str] = []
    count = 0
    for paragraph in source:
        if paragraph not in seen:
            seen.add(paragraph)
            first.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    own = (p for p in source if p not in seen)  # B's own paragraphs: text A does not have
    second = []
    for paragraph in first:
        draw = rnd.random()
        if draw < 0.6:
            if rnd.random() < 0.2:
                cut = paragraph.split()
                paragraph = " ".join(cut[: max(5, len(cut) - rnd.randint(1, 6))])
            second.append(paragraph)
        elif draw < 0.8:
            second.append(next(own))
    for _ in range(len(second) // 20):
        i, j = rnd.sample(range(len(second)), 2)
        second[i], second[j] = second[j], second[i]
    while sum(len(p.split()) for p in second) < words:  # B as long as A
        second.append(next(own))
    return "\n\n".join(first), "\n\n".join(second)


def reference(texts: tuple[str, ...]) -> float:
    """Seconds of one linear pass over the texts: find every word and stem it (no caches)."""
    import re

    import snowballstemmer

    stemmer = snowballstemmer.stemmer("english")
    started = time.perf_counter()
    for text in texts:
        for word in re.findall(r"\w+", text.lower()):
            stemmer.stemWord(word)
    return time.perf_counter() - started


def _measure(words: int) -> dict[str, float]:
    """Run in a fresh process: the analysis of the N-word pair, between two reference passes
    (their mean is the yardstick, so a busy machine slows both alike)."""
    from parallax.analysis.analyze import analyze
    from parallax.export.story_export import claims_csv, to_json
    from parallax.model import Article, Outlet, Story
    from parallax.nlp.text import sentences_from_body
    from parallax.render import story_pages

    texts = bodies(words)
    before = reference(texts)
    started = time.perf_counter()
    sentences = [sentences_from_body(text) for text in texts]
    split = time.perf_counter() - started
    articles = tuple(
        Article(id=name, story_id="long", outlet=Outlet(slug=name, name=name), title=name,
                sentences=group, source_path=f"{name}.md")
        for name, group in zip(("a", "b"), sentences, strict=True))
    story = Story(id="long", title="Long", articles=articles)
    started = time.perf_counter()
    analysis = analyze(story)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    pages = story_pages(analysis)
    to_json(analysis)
    claims_csv(analysis)
    render = time.perf_counter() - started
    after = reference(texts)
    return {
        "sentences": float(sum(len(group) for group in sentences)),
        "reference": (before + after) / 2,
        "split": split,
        "seconds": seconds,
        "render_seconds": render,
        "page_mb": sum(len(p) for p in pages.values()) / 2**20,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _run(words: int) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--one", str(words)],
                            capture_output=True, text=True, check=False)
    if output.returncode != 0:
        raise SystemExit(f"{words} words failed:\n{output.stderr[-3000:]}")
    return dict(json.loads(output.stdout))


def _build(words: int) -> tuple[float, float]:
    """A real `mkdocs build` of the pair as data files: (seconds, peak RSS in MB)."""
    with tempfile.TemporaryDirectory(prefix="parallax-long-") as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "site_src", project / "site_src")
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        story = project / "data" / "stories" / "long"
        story.mkdir(parents=True)
        for name, text in zip(("a", "b"), bodies(words), strict=True):
            (story / f"{name}.md").write_text(f"---\noutlet: {name}\ntitle: {name}\n---\n\n"
                                              f"{text}\n", encoding="utf-8")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"],
                                cwd=project, capture_output=True, text=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs per size; the one with the lowest ratio counts")
    parser.add_argument("--build", action="store_true",
                        help="also time a real mkdocs build of the largest pair")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_measure(args.one)))
        return 0
    if not BODIES.exists():
        print(f"public corpus not found at {CORPUS}: set PARALLAX_CORPUS to its folder")
        return 2
    print(f"{'words/article':>13} {'sentences':>9} {'reference s':>11} {'analysis s':>10} "
          f"{'ratio':>6} {'split s':>7} {'render s':>8} {'pages MB':>8} {'peak MB':>7}")
    ratios = []
    for words in args.words:
        # The fastest of a few runs: noise on a shared machine only ever adds time.
        run = min((_run(words) for _ in range(args.repeat)),
                  key=lambda r: r["seconds"] / r["reference"])
        ratio = run["seconds"] / run["reference"]
        ratios.append(ratio)
        print(f"{words:>13,} {run['sentences']:>9.0f} {run['reference']:>11.2f} "
              f"{run['seconds']:>10.2f} {ratio:>6.1f} {run['split']:>7.2f} "
              f"{run['render_seconds']:>8.2f} {run['page_mb']:>8.1f} {run['peak_mb']:>7.0f}",
              flush=True)
    growth = ratios[-1] / ratios[0]
    print(f"analysis/reference grew {growth:.2f}x from {args.words[0]:,} to {args.words[-1]:,} "
          f"words per article (near-linear: at most {MAX_RATIO_GROWTH}x)")
    failed = growth > MAX_RATIO_GROWTH
    if args.build:
        seconds, peak = _build(args.words[-1])
        print(f"mkdocs build of two {args.words[-1]:,}-word articles: {seconds:.1f} s, "
              f"peak RSS {peak:.0f} MB (target ≤ {TARGET_PEAK_MB:.0f} MB)")
        failed = failed or peak > TARGET_PEAK_MB
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
