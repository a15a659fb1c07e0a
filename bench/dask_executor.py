"""When does `executor: dask` pay off? The same stories analysed in this process, in a local
process pool and on a Dask LocalCluster of the same size, one after the other in one run.

On one machine Dask can only add cost (a scheduler, sending each story and its analysis over
TCP, a worker start-up); it pays off when its cluster has more cores than the build machine.
The figures give Dask's fixed cost (cluster start) and its cost per story beside the process
pool, so the break-even is: more cluster cores than `local seconds / (dask seconds per story
x stories + start)`.

    .venv/bin/python bench/dask_executor.py --stories 12 --articles 8 --workers 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from build_scale import ROOT, make_data

sys.path.insert(0, str(ROOT / "plugins"))

import parallax._threads  # noqa: F401  (one BLAS thread, as the plugin runs, before numpy)
from parallax.batch.analyse_many import analyse_story
from parallax.batch.executor import ExecutorSettings, run_each
from parallax.data.load import load_data


def timed_run(stories: list, settings: ExecutorSettings) -> float:
    started = time.perf_counter()
    done = dict(run_each(analyse_story, stories, settings))
    assert len(done) == len(stories)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=12)
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    try:
        import distributed
    except ImportError:
        print("the dask extra is not installed: pip install -e '.[dask]'")
        return 1
    with tempfile.TemporaryDirectory(prefix="parallax-dask-") as tmp:
        make_data(Path(tmp), args.stories, args.articles)
        stories = load_data(Path(tmp))
    print(f"{len(stories)} stories x {args.articles} articles, {args.workers} workers", flush=True)
    # Dask first (fresh worker processes), then the pool (forked from this process before it
    # analysed anything), then this process: none of them starts with another's memoised work.
    started = time.perf_counter()
    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                  dashboard_address=":0") as cluster:
        start = time.perf_counter() - started
        on_dask = timed_run(stories, ExecutorSettings(kind="dask",
                                                      scheduler=cluster.scheduler_address))
    print(f"  Dask LocalCluster:        {on_dask:6.1f} s (+ {start:.1f} s to start the cluster)")
    pool = timed_run(stories, ExecutorSettings(workers=args.workers))
    print(f"  local process pool:       {pool:6.1f} s")
    one = timed_run(stories, ExecutorSettings(workers=1))
    print(f"  in this process:          {one:6.1f} s ({one / len(stories):.2f} s/story)")
    extra = (on_dask - pool) / len(stories)
    print(f"  Dask against the pool: {on_dask / pool:.2f}x, {extra * 1000:+.0f} ms per story")
    return 0


if __name__ == "__main__":
    sys.exit(main())
