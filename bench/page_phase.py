"""The page phase of a build, alone: turning one analysed story into its pages' HTML.

Analyses the seed story once, then renders its pages many times, the way a build does: with
this tree's templates (the body goes into the page as it is), and with `--against REV` also
with the code of git revision REV in a subprocess (before issue 11 that was Markdown from
f-strings, then converted by Python-Markdown with the site's extensions). Medians of 9 runs.

    .venv/bin/python bench/page_phase.py --against main
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 9

# Run by each side's interpreter: its own `story_pages`; a page that is still Markdown text
# goes through Python-Markdown as MkDocs would have converted it (mkdocs.yml's extensions).
_MEASURE = r"""
import statistics, sys, time
import markdown, yaml
try:  # the package by capability (issue 11), or the flat one before it
    from parallax.data.load import load_data
    from parallax.analysis.analyze import analyze
except ImportError:
    from parallax.load import load_data
    from parallax.analyze import analyze
from parallax import render
story = [s for s in load_data(sys.argv[1])][0]
analysis = analyze(story)
config = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
extensions, configs = [], {}
for entry in config["markdown_extensions"]:
    name, options = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, None))
    extensions.append(name)
    if options:
        configs[name] = options
templates = render.default_templates() if hasattr(render, "default_templates") else None

def once():
    started = time.perf_counter()
    pages = render.story_pages(analysis, templates) if templates else render.story_pages(analysis)
    bodies = []
    for page in pages.values():
        if isinstance(page, str):
            body = page.split("\n---\n", 1)[1]
            bodies.append(markdown.Markdown(extensions=extensions,
                                            extension_configs=configs).convert(body))
        else:
            bodies.append(page.body)
    return time.perf_counter() - started, len(pages)

once()
runs = [once() for _ in range(int(sys.argv[3]))]
print(statistics.median(t for t, _ in runs) * 1000, runs[0][1])
"""


def measure(code: Path) -> tuple[float, int]:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(ROOT / "data"), str(code / "mkdocs.yml"),
         str(RUNS)], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(code / "plugins"), "PATH": ""})
    ms, pages = result.stdout.split()
    return float(ms), int(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also measure git revision REV")
    args = parser.parse_args()
    ours, pages = measure(ROOT)
    print(f"this tree: {ours:.0f} ms for the seed story's {pages} pages "
          f"({ours / pages:.1f} ms/page)")
    if args.against:
        with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against],
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            theirs, _ = measure(Path(tmp))
        print(f"{args.against}: {theirs:.0f} ms ({theirs / pages:.1f} ms/page); this tree "
              f"takes {ours / theirs:.2f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
