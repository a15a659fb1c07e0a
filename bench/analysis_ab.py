"""CPU seconds per story of `analyze`, this tree against another checkout, side by side.

Each tree runs in its own long-lived process, both pinned to one core (`taskset`), and they take
turns, round by round, so drifting load on a shared machine falls on both alike; a round times
the seed story and the first synthetic stories of `--data` (made by `build_scale.make_data`)
with `time.process_time`. Prints each side's min and median and their ratio.

    python bench/analysis_ab.py --base /path/to/other/checkout/plugins --data /tmp/p100/data
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORKER = """
import parallax._threads  # one BLAS thread, as the plugin and the CLI run
import sys, time
from parallax.analysis.analyze import analyze
from parallax.data.load import load_data
from parallax.nlp.memo import forget_story
stories = load_data(sys.argv[1]) + load_data(sys.argv[2])[:int(sys.argv[3])]
analyze(stories[0]); forget_story()
print("ready", flush=True)
for _ in sys.stdin:
    start = time.process_time()
    for story in stories:
        forget_story(); analyze(story)
    forget_story()
    print((time.process_time() - start) / len(stories), flush=True)
"""


def _worker(plugins: Path, args: argparse.Namespace) -> subprocess.Popen[str]:
    # The caller's PYTHONPATH follows the tree's own (a library not installed in the venv).
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(plugins), *filter(None, [os.environ.get("PYTHONPATH")])]))
    process = subprocess.Popen(
        ["taskset", "-c", str(args.cpu), sys.executable, "-c", _WORKER, str(ROOT / "data"),
         str(args.data), str(args.stories)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the other tree's plugins/")
    parser.add_argument("--data", type=Path, required=True, help="a synthetic corpus's data/")
    parser.add_argument("--stories", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--cpu", type=int, default=0)
    args = parser.parse_args()
    workers = {"base": _worker(args.base, args), "this": _worker(ROOT / "plugins", args)}
    times: dict[str, list[float]] = {name: [] for name in workers}
    for round_ in range(args.rounds):
        for name in (list(workers) if round_ % 2 == 0 else list(workers)[::-1]):
            process = workers[name]
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write("go\n")
            process.stdin.flush()
            times[name].append(float(process.stdout.readline()))
    for process in workers.values():
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    for name, seconds in times.items():
        print(f"{name}: min {min(seconds):.3f}, median {statistics.median(seconds):.3f} "
              f"CPU s/story over {args.rounds} rounds")
    print(f"this/base: min {min(times['this']) / min(times['base']):.3f}, median "
          f"{statistics.median(times['this']) / statistics.median(times['base']):.3f}")


if __name__ == "__main__":
    main()
