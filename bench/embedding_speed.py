"""Speed of the shipped sentence-embedding model, on one core, beside the lexical analysis.

    .venv/bin/python bench/embedding_speed.py

1. Sentences per second per core: every distinct sentence of the seed story, the BASIL stories
   and the MSRP test split (when the corpus is there) embedded by `nlp/encoder.py`, once with a
   cold tokenizer cache (a fresh process's first story) and once warm.
2. Per story, side by side in one run: embedding the story's sentences and comparing every
   pair of articles by cosine (what alignment and stance now read), against the lexical
   analysis it replaces (the story's TF-IDF space, a vector per sentence, the same cosines).
   Target: the embeddings cost less. Best of five runs each, fresh objects every run.
3. For scale: the whole alignment of each story (the trained same-fact decision included).
Exits 1 if the target is missed. One thread: BLAS threads are pinned to 1 before numpy loads.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import itertools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.analysis.alignment.pairwise import align_story
from parallax.data.load import load_data
from parallax.model import Story
from parallax.nlp.encoder import SentenceEncoder, default_encoder
from parallax.nlp.samefact import SameFact
from parallax.nlp.semantic import MeaningSpace
from parallax.nlp.similarity import SentenceSpace, cosine

RUNS = 5


def corpus_dir() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def stories() -> list[Story]:
    found = list(load_data(ROOT / "data"))
    corpus = corpus_dir()
    if (corpus / "stories").is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "stories").symlink_to(corpus / "stories", target_is_directory=True)
            found += list(load_data(tmp))
    return found


def best(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def lexical(story: Story) -> None:
    """What alignment read before: TF-IDF vectors and every cross-article cosine."""
    space = SentenceSpace(s.text for a in story.articles for s in a.sentences)
    for x, y in itertools.combinations(story.articles, 2):
        vx = [space.vector(s.text) for s in x.sentences]
        vy = [space.vector(s.text) for s in y.sentences]
        [[cosine(u, v) for v in vy] for u in vx]


def meaning(story: Story) -> None:
    """What it reads now: sentence vectors and every cross-article cosine."""
    space = MeaningSpace(s.text for a in story.articles for s in a.sentences)
    for x, y in itertools.combinations(story.articles, 2):
        space.matrix([s.text for s in x.sentences], [s.text for s in y.sentences])


def main() -> int:
    found = stories()
    texts = sorted({s.text for story in found for a in story.articles for s in a.sentences})
    msrp = corpus_dir() / "msrp" / "msr_paraphrase_test.txt"
    if msrp.exists():
        for line in msrp.read_text(encoding="utf-8-sig").splitlines()[1:]:
            texts += line.split("\t")[3:5]
        texts = sorted(set(texts))
    cold_encoder = SentenceEncoder()
    started = time.perf_counter()
    cold_encoder.encode(texts)
    cold = len(texts) / (time.perf_counter() - started)
    warm = len(texts) / best(lambda: cold_encoder.encode(texts))
    print(f"Sentence embeddings, one core: {len(texts)} distinct sentences, "
          f"{cold:,.0f} sentences/s with a cold tokenizer cache, {warm:,.0f} warm\n")
    default_encoder()  # load the model once, outside the timings
    print(f"{'story':44} {'sent.':>6} {'lexical ms':>11} {'embed ms':>9} {'ratio':>6} "
          f"{'align ms':>9}")
    total_lexical = total_meaning = 0.0
    for story in found:
        sentences = sum(len(a.sentences) for a in story.articles)
        t_lexical, t_meaning = best(lambda s=story: lexical(s)), best(lambda s=story: meaning(s))
        t_align = best(lambda s=story: align_story(s.articles, SameFact(MeaningSpace(
            t.text for a in s.articles for t in a.sentences))))
        total_lexical += t_lexical
        total_meaning += t_meaning
        print(f"{story.id[:44]:44} {sentences:6d} {t_lexical * 1000:11.1f} "
              f"{t_meaning * 1000:9.1f} {t_meaning / t_lexical:6.2f} {t_align * 1000:9.0f}")
    ratio = total_meaning / total_lexical
    verdict = "ok: cheaper" if ratio < 1 else "MISSED: embeddings cost more"
    print(f"\nall stories: lexical {total_lexical * 1000:.0f} ms, embeddings "
          f"{total_meaning * 1000:.0f} ms (ratio {ratio:.2f}) -> {verdict}")
    return 0 if ratio < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
