"""`parallax import` on real saved news pages, beside `trafilatura.extract` with its defaults.

    .venv/bin/python bench/import_eval.py          # corpus at $PARALLAX_CORPUS or ../shared/corpus
    .venv/bin/python bench/import_eval.py --pages  # also every page's misses and leftovers
    PARALLAX_TRAFILATURA_EVAL=…/trafilatura/tests .venv/bin/python bench/import_eval.py

The pages and their gold come from trafilatura's own evaluation set (`webpages/` of the public
corpus; never copied here): per page, snippets the extracted text must contain (`with`) and
must not (`without`). Scoring as that evaluation does: a `with` snippet found (whitespace
normalised) is a true positive, one missing a false negative; a `without` snippet found is a
false positive. Precision, recall and F1 over all snippets, for the 60 news pages (UTF-8) and
the 23 pages in other charsets.

Held out: with $PARALLAX_TRAFILATURA_EVAL set to the `tests/` folder of a trafilatura
checkout (its `evaldata.json`, `cache/` and `eval/`), the run adds every page of that larger
evaluation set that is not among the 83 above (907 pages of news, blogs and other sites, most
not in English): our rules were written while reading the 83, so these pages show whether they
generalise. Nothing of it is copied into this repository.

Ours is the full import (`prepare_import`: decoding, extraction, headline, boilerplate rules,
checks), scored on the article body it would write ("# headline", then the text), and on that
body without its headline line. Both sides get the page's bytes. Missed
snippets that our import recorded as removed are counted by rule: those are decisions (a
section heading kept out of the analysed text), not extraction failures.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from parallax.data.errors import ParallaxError
from parallax.data.files import split_front_matter
from parallax.ingest import ImportRequest, prepare_import

CORPUS_ABSENT = 2


def corpus_path() -> Path:
    return Path(os.environ.get("PARALLAX_CORPUS", ROOT.parent / "shared" / "corpus"))


def normalised(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    seconds: float = 0.0
    misses: Counter[str] = field(default_factory=Counter)  # missed snippets by removal rule

    def add(self, text: str, item: dict[str, list[str]]) -> tuple[list[str], list[str]]:
        text = normalised(text)
        missed = [s for s in item["with"] if normalised(s) not in text]
        leaked = [s for s in item["without"] if normalised(s) in text]
        self.tp += len(item["with"]) - len(missed)
        self.fn += len(missed)
        self.fp += len(leaked)
        self.tn += len(item["without"]) - len(leaked)
        return missed, leaked

    def row(self) -> tuple[float, float, float]:
        precision = self.tp / max(1, self.tp + self.fp)
        recall = self.tp / max(1, self.tp + self.fn)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        return precision, recall, f1


@dataclass
class Ours:
    written: str  # the article body as the file holds it: "# headline", then the text
    body: str  # the same without the headline line, as trafilatura returns text
    removed: list[tuple[str, str]]
    warnings: list[str]
    refused: str | None = None


def ours(path: Path, data_dir: Path) -> Ours:
    request = ImportRequest(source=path, story="bench", outlet="bench-outlet", data_dir=data_dir)
    try:
        prepared = prepare_import(request)
    except ParallaxError as error:
        return Ours("", "", [], [], refused=str(error))
    written = split_front_matter(prepared.content).body
    lines = written.strip().split("\n")
    body = "\n".join(lines[1:] if lines and lines[0].startswith("# ") else lines)
    return Ours(written, body, [(r.rule, r.text) for r in prepared.removed], prepared.warnings)


def trafilatura_default(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_bytes()) or ""


def _held_out(tests: Path, evaluation: dict[str, Any]) -> tuple[Path, list[dict[str, Any]]]:
    """trafilatura's evaluation pages that are not among ours, with `file` relative to `tests`."""
    data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    ours = {item["url"] for part in ("news", "charset") for item in evaluation[part]}
    items = []
    for url, item in sorted(data.items()):
        folder = next((f for f in ("cache", "eval") if (tests / f / item["file"]).is_file()), None)
        if url not in ours and folder is not None:
            items.append({**item, "url": url, "file": f"{folder}/{item['file']}"})
    return tests, items


def evaluate(corpus: Path, items: list[dict[str, Any]], show_pages: bool,
             data_dir: Path) -> tuple[Score, Score, Score, list[str]]:
    mine, mine_body, theirs = Score(), Score(), Score()
    notes: list[str] = []
    for item in items:
        path = corpus / item["file"]
        started = time.perf_counter()
        result = ours(path, data_dir)
        mine.seconds += time.perf_counter() - started
        missed, leaked = mine.add(result.written, item)
        mine_body.add(result.body, item)
        for snippet in missed:
            rule = next((r for r, t in result.removed if normalised(snippet) in normalised(t)),
                        "not extracted")
            mine.misses[rule] += 1
        if result.refused:
            notes.append(f"{item['file']}: refused — {result.refused}")
        notes.extend(f"{item['file']}: warning — {w}" for w in result.warnings)
        started = time.perf_counter()
        reference = trafilatura_default(path)
        theirs.seconds += time.perf_counter() - started
        their_missed, their_leaked = theirs.add(reference, item)
        if show_pages and (missed or leaked or their_missed or their_leaked):
            print(f"  {item['file']}")
            for snippet in missed:
                print(f"      ours missed: {snippet[:90]}")
            for snippet in leaked:
                print(f"      ours kept:   {snippet[:90]}")
            for snippet in their_missed:
                print(f"      trafilatura missed: {snippet[:90]}")
            for snippet in their_leaked:
                print(f"      trafilatura kept:   {snippet[:90]}")
    return mine, mine_body, theirs, notes


def main(argv: list[str]) -> int:
    corpus = corpus_path()
    gold = corpus / "webpages" / "evaluation.json"
    if not gold.is_file():
        print(f"bench/import_eval.py: public corpus not found at {corpus} (need "
              "webpages/evaluation.json). Set PARALLAX_CORPUS to its folder.", file=sys.stderr)
        return CORPUS_ABSENT
    show_pages = "--pages" in argv
    evaluation = json.loads(gold.read_text(encoding="utf-8"))
    import trafilatura

    print(f"parallax import vs trafilatura.extract {trafilatura.__version__} (default settings)")
    print(f"{'pages':<22} {'extractor':<22} {'precision':>9} {'recall':>7} {'F1':>6} "
          f"{'found':>6} {'missed':>6} {'leaked':>6} {'s/page':>7}")
    parts = [(part, corpus / "webpages", evaluation[part]) for part in ("news", "charset")]
    held_out = os.environ.get("PARALLAX_TRAFILATURA_EVAL")
    if held_out:
        parts.append(("held out", *_held_out(Path(held_out), evaluation)))
    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        for part, folder, items in parts:
            mine, mine_body, theirs, notes = evaluate(folder, items, show_pages,
                                                      Path(tmp) / "data")
            label = f"{part} ({len(items)})"
            for name, score in (("parallax import", mine), ("  body only", mine_body),
                                ("trafilatura.extract", theirs)):
                p, r, f = score.row()
                seconds = f"{score.seconds / len(items):7.3f}" if score.seconds else ""
                print(f"{label:<22} {name:<22} {p:9.3f} {r:7.3f} {f:6.3f} {score.tp:6d} "
                      f"{score.fn:6d} {score.fp:6d} {seconds}")
                label = ""
            if mine.misses:
                why = ", ".join(f"{n} {rule}" for rule, n in mine.misses.most_common())
                print(f"{'':22}   our missed snippets: {why}")
            for note in notes[:10]:
                print(f"{'':22}   {note[:160]}")
            if len(notes) > 10:
                print(f"{'':22}   … and {len(notes) - 10} more notes (--pages lists every page)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
