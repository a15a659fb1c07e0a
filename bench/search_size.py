"""Material's search against Pagefind on one built site: index size, bytes a query downloads,
and time to the first result in a real browser.

Both index the same pages: those in Material's `search/search_index.json` (so a page the site
keeps out of search is out of both). Pagefind runs from the `pagefind` package's own binary
(`pagefind_bin`: shipped in the wheel, nothing downloaded at run time) over a copy of the site,
on each page's `<article>`, as Material indexes the page content.

In Debian's chromium, for a reader who opens the home page and searches at once, from the
start of navigation to the first result: Material's worker downloads and parses its whole
index first; Pagefind loads its entry file and WebAssembly, then only the index chunks and
fragments the query needs. The bytes are counted by the HTTP server (uncompressed, as served
here; the gzip size, as GitHub Pages would send it, is given beside the index). A second figure
throttles the network as Lighthouse's phone profile does (150 ms round trip, 1.6 Mbit/s down).

    .venv/bin/python bench/search_size.py --stories 250 --articles 8
    .venv/bin/python bench/search_size.py --site path/to/site
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from build_scale import build, make_data, our_project
from measure import folder_bytes

CHROMIUM = "/usr/bin/chromium"
QUERIES = ("Nazaroof", "steel mills Karachi", "Haroon Akhtar Khan", "Pakistan Steel Mills")
PHONE = {"latency": 150, "download": 1.6e6 / 8, "upload": 750e3 / 8}  # Lighthouse slow 4G
TIMEOUT_MS = 180_000
_PROBE = """<script>window.searchFirst = async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  const found = await pf.search(q);
  if (!found.results.length) return '';
  const first = await found.results[0].data();
  return first.url;
};</script>"""
# What a query fetches for search itself (Material: its index and worker; Pagefind: its folder).
_SEARCH_FILES = {"material": ("/search/", "/workers/search"), "pagefind": ("/pagefind/",)}


class Counter:
    """Bytes and requests served, by whether the path is Pagefind's or Material's search."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bytes: dict[str, int] = {}

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.bytes[path] = self.bytes.get(path, 0) + size

    def take(self) -> dict[str, int]:
        with self.lock:
            taken, self.bytes = self.bytes, {}
        return taken


def _handler(counter: Counter, directory: str) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=directory, **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

        def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
            data = source.read()
            counter.add(self.path.split("?")[0], len(data))
            outputfile.write(data)

    return Handler


@contextlib.contextmanager
def serve(directory: Path, counter: Counter) -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _handler(counter, str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def searchable_pages(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted({doc["location"].split("#")[0] for doc in index["docs"]})


def add_pagefind(site: Path) -> float:
    """Index the pages Material's search holds with Pagefind; return the seconds it took."""
    for location in searchable_pages(site):
        page = site / location / "index.html" if not location.endswith(".html") \
            else site / location
        if not page.exists():
            continue
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("<article ", "<article data-pagefind-body ", 1),
                        encoding="utf-8")
    # The probe is the home page with a search function added, so both engines load the same
    # page before their first result.
    # Material's own search is switched off there (no worker in its config), as it would be on
    # a site searched by Pagefind.
    home = (site / "index.html").read_text(encoding="utf-8").replace(
        '"search": "assets/javascripts/workers/', '"search-off": "', 1)
    (site / "pagefind-probe.html").write_text(home.replace("</head>", _PROBE + "</head>", 1),
                                             encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
                   check=True)
    return time.perf_counter() - started


def _gzip_bytes(paths: list[Path]) -> int:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths)


def _context(browser, throttle: bool):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 412, "height": 900})
    page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": PHONE["latency"],
            "downloadThroughput": PHONE["download"], "uploadThroughput": PHONE["upload"]})
    return context, page


def material_query(browser, url: str, query: str, throttle: bool) -> float:  # type: ignore[no-untyped-def]
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context, page = _context(browser, throttle)
    try:
        started = time.perf_counter()
        page.goto(f"{url}/", wait_until="domcontentloaded", timeout=TIMEOUT_MS)
        box, first = page.locator("input.md-search__input"), page.locator(
            ".md-search-result__item").first
        # Typed as soon as the box is there; typed again while Material's script is not yet
        # listening, as a reader would, until the first result shows.
        while time.perf_counter() - started < TIMEOUT_MS / 1000:
            box.fill("", timeout=TIMEOUT_MS)
            box.fill(query)
            with contextlib.suppress(PlaywrightTimeout):
                first.wait_for(timeout=1000)
                return time.perf_counter() - started
        raise TimeoutError(f"no result for {query!r}")
    finally:
        context.close()


def pagefind_query(browser, url: str, query: str, throttle: bool) -> float:  # type: ignore[no-untyped-def]
    context, page = _context(browser, throttle)
    try:
        started = time.perf_counter()
        page.goto(f"{url}/pagefind-probe.html", wait_until="domcontentloaded",
                  timeout=TIMEOUT_MS)
        found = page.evaluate("q => window.searchFirst(q)", query)
        if not found:
            raise SystemExit(f"pagefind found nothing for {query!r}")
        return time.perf_counter() - started
    finally:
        context.close()


def measure(site: Path) -> dict:
    index = site / "search" / "search_index.json"
    pagefind_seconds = add_pagefind(site)
    pagefind_files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    result: dict = {
        "pages": len(searchable_pages(site)),
        "material_index_mb": index.stat().st_size / 2**20,
        "material_index_gzip_mb": _gzip_bytes([index]) / 2**20,
        "pagefind_index_mb": folder_bytes(site / "pagefind") / 2**20,
        "pagefind_index_gzip_mb": _gzip_bytes(pagefind_files) / 2**20,
        "pagefind_files": len(pagefind_files),
        "pagefind_seconds": pagefind_seconds,
    }
    from playwright.sync_api import sync_playwright

    counter = Counter()
    with serve(site, counter) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for throttle in (False, True):
            tag = "phone" if throttle else "local"
            for engine, run in (("material", material_query), ("pagefind", pagefind_query)):
                times, served, search = [], [], []
                # On the phone profile one query will do: a large index takes minutes there.
                for query in QUERIES[:1] if throttle else QUERIES:
                    counter.take()
                    try:
                        times.append(run(browser, url, query, throttle))
                    except Exception as error:  # a timeout on the phone profile
                        print(f"  {engine} {tag} {query!r}: {type(error).__name__}: {error}"[:400])
                        times.append(float("inf"))
                    taken = counter.take()
                    served.append(sum(taken.values()))
                    search.append(sum(size for path, size in taken.items()
                                      if any(part in path for part in _SEARCH_FILES[engine])))
                result[f"{engine}_{tag}_first_result_s"] = statistics.median(times)
                result[f"{engine}_{tag}_bytes_per_query_kb"] = statistics.median(search) / 1024
                result[f"{engine}_{tag}_page_and_query_kb"] = statistics.median(served) / 1024
                print(f"  {engine:8} {tag:5}: first result {statistics.median(times):.2f} s, "
                      f"search files {statistics.median(search) / 1024:.0f} KB per query, "
                      f"{statistics.median(served) / 1024:.0f} KB with the page and its "
                      "scripts", flush=True)
        browser.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build a corpus)")
    parser.add_argument("--stories", type=int, default=250)
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--workers", help="the plugin's `workers` for the build")
    parser.add_argument("--json", type=Path,
                        default=Path(__file__).parent / "results" / "search_size.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parallax-search-") as tmp:
        site = Path(tmp) / "site"
        if args.site:
            shutil.copytree(args.site, site)
            text_mb = float("nan")
        else:
            data = Path(tmp) / "data"
            data.mkdir()
            text_mb = make_data(data, args.stories, args.articles) / 2**20
            # Material's search, whatever the size: this bench adds Pagefind beside it itself.
            project = our_project(Path(tmp) / "ours", data, args.workers,
                                  search_engine="material")
            print(f"building {args.stories} x {args.articles}…", flush=True)
            build(project)
            shutil.move(project / "site", site)
        result = measure(site)
    result["article_text_mb"] = text_mb
    print(json.dumps(result, indent=1))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
