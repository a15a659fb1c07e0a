"""Run every benchmark in turn (`make bench`) and summarise.

Benchmarks that read the public evaluation corpus exit 2 with a plain message when it is
absent ($PARALLAX_CORPUS, default ../shared/corpus), and so does the date benchmark without
TempEval-3 ($PARALLAX_TEMPEVAL); they are then reported as skipped and the others still run.
Any other non-zero exit is a missed target or a failure, and fails the run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RUNS = [
    ("stance model on the FNC-1 competition test split", ["fnc1.py"]),
    ("claim matrix on its development set (BASIL claims)", ["claims_dev.py", "--loso"]),
    ("stance on the 51 FNC-1 items", ["accuracy.py"]),
    ("calibration of the stance probabilities (ECE)", ["calibration.py"]),
    ("same-fact decision (MSRP test) and alignment (seed gold, BASIL)", ["paraphrase.py"]),
    ("sentence embeddings: speed per core, against the lexical analysis", ["embedding_speed.py"]),
    ("text reuse against human ratings (SemEval, BASIL)", ["reuse.py"]),
    ("quotations and speakers (BASIL quote spans; PolNeAR if $PARALLAX_POLNEAR)",
     ["quotes.py"]),
    ("discrepancies and contradictions against our gold on the BASIL stories",
     ["discrepancies.py"]),
    ("contradictions on FNC-1 sentence pairs (precision by body label)", ["contradictions.py"]),
    ("date resolution (TempEval-3 platinum, if $PARALLAX_TEMPEVAL)", ["dates.py"]),
    ("parallax import on saved news pages, beside trafilatura", ["import_eval.py"]),
    ("build time, bytes and memory beside Material's floor, 100 and 250 stories x 8 articles",
     ["build_scale.py", "--stories", "100", "250", "--articles", "8"]),
    ("search: Material's index against Pagefind's, 250 x 8", ["search_size.py"]),
    ("the Dask executor beside the local process pool", ["dask_executor.py"]),
    ("the page phase alone: one story's pages, beside main",
     ["page_phase.py", "--against", "main"]),
    ("long articles: near-linear analysis, 10k-100k words", ["long_articles.py"]),
]
CORPUS_ABSENT = 2


def main() -> int:
    outcomes = []
    for title, args in RUNS:
        print(f"\n=== {title}: python bench/{' '.join(args)}", flush=True)
        started = time.perf_counter()
        code = subprocess.run([sys.executable, str(BENCH / args[0]), *args[1:]]).returncode
        seconds = time.perf_counter() - started
        outcome = {0: "ok", CORPUS_ABSENT: "skipped: corpus absent"}.get(code, f"FAILED ({code})")
        outcomes.append((title, outcome, seconds))
    print("\n=== summary")
    for title, outcome, seconds in outcomes:
        print(f"  {outcome:24} {seconds:6.1f} s  {title}")
    return 1 if any(o.startswith("FAILED") for _, o, _ in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
