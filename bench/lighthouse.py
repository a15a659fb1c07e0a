"""Lighthouse accessibility scores of ten seed pages, desktop and phone (a benchmark, not a test).

Builds the default corpus into a temporary folder (or takes `--site DIR`), serves it on
loopback, and runs Lighthouse's accessibility category in Debian's chromium (CHROME_PATH,
default /usr/bin/chromium) on home, story, claims, two comparisons, synopsis, quotes,
discrepancies, lineage and one article: with the desktop preset, and as a 390 x 844 phone.
Lighthouse itself (npm, pinned; 13 needs Node 22) is installed on first use under
.cache/lighthouse, which git ignores. Prints each score and every failing audit; writes the
figures to bench/results/lighthouse.json.

    .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_VERSION = "12.8.2"
INSTALL = ROOT / ".cache" / "lighthouse"
RESULTS = ROOT / "bench" / "results" / "lighthouse.json"
STORY = "stories/2025-05-russia-pakistan-steel-mill-reports"
PAGES = {
    "home": "",
    "story": f"{STORY}/",
    "claims": f"{STORY}/claims/",
    "comparison (edits)": f"{STORY}/compare/sakshi-post-unattributed-000/",
    "comparison (own words)": f"{STORY}/compare/eurasian-times-sakshi-post/",
    "synopsis": f"{STORY}/synopsis/",
    "quotes": f"{STORY}/quotes/",
    "discrepancies": f"{STORY}/discrepancies/",
    "lineage": f"{STORY}/lineage/",
    "article": f"{STORY}/sakshi-post/",
}
FORMS = {
    "desktop": ["--preset=desktop"],
    "phone": ["--form-factor=mobile", "--screenEmulation.mobile", "--screenEmulation.width=390",
              "--screenEmulation.height=844", "--screenEmulation.deviceScaleFactor=3"],
}


def lighthouse() -> Path:
    """The pinned Lighthouse under .cache/lighthouse, installed by npm on first use."""
    binary = INSTALL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("npm not found: install Node.js 20 or newer (Debian: apt-get install npm)")
        INSTALL.mkdir(parents=True, exist_ok=True)
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {INSTALL}", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "-E",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], cwd=INSTALL, check=True)
    return binary


def build(folder: Path) -> Path:
    """The default corpus built by a real `mkdocs build` into `folder`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                    "--site-dir", str(folder)], cwd=ROOT, env=env, check=True)
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def audit(binary: Path, url: str, form: str, chrome: str) -> dict[str, object]:
    """One Lighthouse run: the accessibility score (0-100) and the audits that failed."""
    command = [str(binary), url, "--only-categories=accessibility", "--output=json",
               "--output-path=stdout", "--quiet", *FORMS[form],
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CHROME_PATH": chrome})
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url} ({form}):\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    category = report["categories"]["accessibility"]
    failed = sorted(ref["id"] for ref in category["auditRefs"]
                    if ref.get("weight", 0) > 0 and report["audits"][ref["id"]]["score"] == 0)
    return {"score": round(category["score"] * 100), "failed": failed,
            "version": report["lighthouseVersion"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    args = parser.parse_args()
    if not Path(args.chrome).exists():
        sys.exit(f"{args.chrome} not found: install Debian's chromium or pass --chrome")
    binary = lighthouse()
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build(Path(scratch) / "site")
        results: dict[str, dict[str, object]] = {}
        with serve(site) as url:
            print(f"{'page':<24} {'desktop':>7} {'phone':>7}", flush=True)
            for name, path in PAGES.items():
                results[name] = {form: audit(binary, f"{url}/{path}", form, args.chrome)
                                 for form in FORMS}
                scores = [results[name][form]["score"] for form in FORMS]  # type: ignore[index]
                print(f"{name:<24} {scores[0]:>7} {scores[1]:>7}", flush=True)
                for form in FORMS:
                    failed = results[name][form]["failed"]  # type: ignore[index]
                    if failed:
                        print(f"    {form} failed: {', '.join(failed)}", flush=True)
    version = next(iter(results.values()))["desktop"]["version"]  # type: ignore[index]
    everywhere = all(r[f]["score"] == 100 for r in results.values() for f in FORMS)  # type: ignore[index]
    print(f"Lighthouse {version}, accessibility category; 100 on every page and form factor: "
          f"{'yes' if everywhere else 'no'}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
