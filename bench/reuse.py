"""Text-reuse figures on the public evaluation corpus, next to the human ratings.

    .venv/bin/python bench/reuse.py            # corpus at $PARALLAX_CORPUS or ../shared/corpus

1. SemEval-2022 Task 8 pairs (`reuse/`, ratings in `gold.jsonl`: 1 = very similar … 4 =
   unrelated). One pair is two unrelated AP stories that share only the agency's copyright
   notice: it must not read as reuse.
2. BASIL triplets (`stories/`): Fox News, The New York Times and HuffPost on one event each.
   They are mostly independent reporting, so they show how much text independent reports
   share (quotations above all) and how close they come to the label thresholds.

Columns: share of each article's words inside shared passages (a in b / b in a), share of its
sentences with a counterpart, the mean share of unquoted sentences with a counterpart (what
the rewrite label reads), shared passages (+n: notices found and not counted), the pairwise
similarity of the alignment, and the label. Prints a summary; exits 1 if the boilerplate pair
reads as reuse, 2 if the corpus is absent.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.analysis.analyze import analyze
from parallax.analysis.reuse.lineage import TEXT_REUSE
from parallax.analysis.reuse.pair_reuse import COPIED_NARRATIVE, REWRITE_SENTENCES, VERBATIM_WORDS
from parallax.data.load import load_data
from parallax.model import Article, PairReuse, Story

NEGATIVE_PAIR = "1484084337_1484110209"  # two unrelated AP stories, same boilerplate


def corpus_path() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def main() -> int:
    corpus = corpus_path()
    if not (corpus / "gold.jsonl").is_file() or not (corpus / "reuse").is_dir():
        print(f"bench/reuse.py: public corpus not found at {corpus} (need gold.jsonl and "
              "reuse/). Set PARALLAX_CORPUS to its folder.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    semeval = _semeval(corpus)
    basil = _basil(corpus)
    _seed()
    failed = _summary(semeval, basil)
    print(f"\n{len(semeval) + len(basil)} pairs in {time.perf_counter() - started:.1f} s")
    return 1 if failed else 0


# ------------------------------------------------------------------------------------ SemEval


def _semeval(corpus: Path) -> list[tuple[str, float, PairReuse, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        # The reuse folder has the data/stories layout, so the project's own loader reads it.
        (Path(tmp) / "stories").symlink_to(corpus / "reuse", target_is_directory=True)
        stories = {s.id: s for s in load_data(tmp)}
    articles = {f"reuse/{s.id}/{a.id}.md": a for s in stories.values() for a in s.articles}
    gold = [json.loads(line) for line in (corpus / "gold.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    results = []
    print("SemEval-2022 Task 8 pairs (gold Overall: 1 = very similar … 4 = unrelated)\n")
    print(_header())
    for item in sorted((g for g in gold if g["type"] == "semeval2022t8_pair_similarity"),
                       key=lambda g: g["pair_id"]):
        first, second = articles[item["article_1"]], articles[item["article_2"]]
        # Both articles of the negative pair are `washington-post-ap`: give them distinct ids.
        a = dataclasses.replace(first, id=f"1-{first.id}")
        b = dataclasses.replace(second, id=f"2-{second.id}")
        analysis = analyze(Story(id=item["pair_id"], title=item["pair_id"], articles=(a, b)))
        reuse, similarity = analysis.reuse[0], analysis.pairs[0].similarity
        overall = float(item["scores"]["Overall"])
        results.append((item["pair_id"], overall, reuse, similarity))
        print(_line(f"{item['pair_id']} {_names(first, second)}", reuse, similarity,
                    f"{overall:.2f}"))
    return results


# -------------------------------------------------------------------------------------- BASIL


def _basil(corpus: Path) -> list[tuple[str, PairReuse, float]]:
    results = []
    print("\nBASIL triplets (independent reports of one event; no pairwise rating)\n")
    print(_header())
    for story in load_data(corpus):
        analysis = analyze(story)
        for reuse, pair in zip(analysis.reuse, analysis.pairs, strict=True):
            name = f"{story.id[:32]} {reuse.a} / {reuse.b}"
            results.append((name, reuse, pair.similarity))
            print(_line(name, reuse, pair.similarity, "—"))
    return results


def _seed() -> None:
    print("\nSeed story (data/, for reference: two rewrites of one IANS report)\n")
    print(_header())
    for story in load_data(ROOT / "data"):
        analysis = analyze(story)
        for reuse, pair in zip(analysis.reuse, analysis.pairs, strict=True):
            print(_line(f"{reuse.a} / {reuse.b}", reuse, pair.similarity, "—"))


# ------------------------------------------------------------------------------------ summary


def _summary(
    semeval: list[tuple[str, float, PairReuse, float]], basil: list[tuple[str, PairReuse, float]]
) -> bool:
    print("\nSummary")
    ratings = [s[1] for s in semeval]
    for name, scores in (
        ("pairwise similarity", [s[3] for s in semeval]),
        ("sentence share (mean of both ways)",
         [(s[2].sentences_a_in_b + s[2].sentences_b_in_a) / 2 for s in semeval]),
        ("word share (max of both ways)",
         [max(s[2].words_a_in_b, s[2].words_b_in_a) for s in semeval]),
    ):
        rho = _spearman(ratings, scores)
        print(f"  Spearman rho, gold Overall vs {name}: {rho:+.2f} "
              f"(n = {len(ratings)}; negative = agrees, since 1 = most similar)")
    negative = next((s for s in semeval if s[0] == NEGATIVE_PAIR), None)
    failed = False
    if negative is None:
        print(f"  boilerplate pair {NEGATIVE_PAIR}: not in gold.jsonl")
    else:
        reuse = negative[2]
        notices = sum(1 for p in reuse.passages if p.boilerplate)
        failed = reuse.label in TEXT_REUSE
        print(f"  boilerplate pair {NEGATIVE_PAIR}: label {reuse.label!r}, {notices} shared "
              f"notice(s) found and not counted, word share "
              f"{max(reuse.words_a_in_b, reuse.words_b_in_a):.2f} -> "
              f"{'FAIL: reads as reuse' if failed else 'ok: not reuse'}")
    independent = [(name, r) for name, _, r, _ in semeval if name != NEGATIVE_PAIR]
    independent += [(name, r) for name, r, _ in basil]
    labels: dict[str, int] = {}
    for _, reuse in independent:
        labels[reuse.label] = labels.get(reuse.label, 0) + 1
    print(f"  labels on {len(independent)} pairs of articles by different newsrooms: "
          + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    for what, threshold, value in (
        ("mean unquoted-sentence share", REWRITE_SENTENCES,
         lambda r: (r.narrative_a_in_b + r.narrative_b_in_a) / 2),
        ("word share", VERBATIM_WORDS, lambda r: max(r.words_a_in_b, r.words_b_in_a)),
        ("unquoted word share", COPIED_NARRATIVE, lambda r: r.copied),
    ):
        name, top = max(((n, value(r)) for n, r in independent), key=lambda t: t[1])
        print(f"  highest {what} among them: {top:.2f} ({name.split(' ')[0]}…), "
              f"threshold {threshold:.2f}")
    return failed


def _spearman(x: list[float], y: list[float]) -> float:
    """Spearman's rank correlation with average ranks for ties (no SciPy needed)."""
    rx, ry = _ranks(x), _ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sx = sum((a - mx) ** 2 for a in rx) ** 0.5
    sy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (sx * sy) if sx and sy else 0.0


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _header() -> str:
    return (f"{'pair':58} {'gold':>5} {'words a/b':>11} {'sent. a/b':>11} {'unq.':>5} "
            f"{'pass.':>5} {'sim':>5}  label")


def _line(name: str, reuse: PairReuse, similarity: float, gold: str) -> str:
    counted = sum(1 for p in reuse.passages if not p.boilerplate)
    notices = len(reuse.passages) - counted
    passages = f"{counted}" + (f"+{notices}n" if notices else "")
    return (f"{name[:58]:58} {gold:>5} {reuse.words_a_in_b:5.2f}/{reuse.words_b_in_a:<5.2f} "
            f"{reuse.sentences_a_in_b:5.2f}/{reuse.sentences_b_in_a:<5.2f} "
            f"{(reuse.narrative_a_in_b + reuse.narrative_b_in_a) / 2:5.2f} {passages:>5} "
            f"{similarity:5.2f}  {reuse.label}")


def _names(first: Article, second: Article) -> str:
    return f"{first.id} / {second.id}"


if __name__ == "__main__":
    sys.exit(main())
