"""Build the site of synthetic databases of 1,000 and 10,000 papers and weigh what it serves.

    python -m bench.site_build [--sizes 1000 10000] [--repeat 1] [--engines mkdocs zensical]

Prints one table, a row per size and engine:

- papers, and pages (Markdown pages the generator hands to MkDocs);
- build s: wall seconds of the whole build as a user runs it (the best of `--repeat` runs):
  `mkdocs build --strict` for the mkdocs engine, `curate build --engine zensical` (pages
  written to a staged folder, then `zensical build`) for zensical; and gen %: the share of it
  spent generating pages (the time the curate plugin logs; load, validate and render; mkdocs
  only);
- cpu s: CPU seconds (user and system) of that build, steadier than wall time on a busy
  machine;
- index MB: the size of `search/search_index.json` (`search.json` under Zensical), which search fetches on the
  first visit of any page (target at 10,000 papers: at most 3 MB);
- first-visit KB: bytes transferred by the first visit to a page, measured in headless
  Chromium (/usr/bin/chromium through Playwright) against the built site served over HTTP on
  127.0.0.1 by a plain server (Python's http.server, no compression), from the first request
  until the network is idle (so the search index counts when the theme loads it at start):
  the sum of every response's headers and body as Chromium received them. The figure is
  therefore *uncompressed*; `gzip KB` beside it is the same responses gzip-compressed (level
  6), about what a host that compresses (GitHub Pages does) would send. The worst of four
  pages is shown: the home page, a paper page, the papers page and the largest HTML page of
  the site (named in the last column); target at 10,000 papers: at most 500 KB;
- site MB: the whole built folder;
- s/paper: build seconds per paper relative to the first size (1.00 is linear growth).

Databases are cached in bench/.data/; mkdocs.yml and site/ are copied fresh on every run.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, Request, sync_playwright

from bench.synthetic import REPO_ROOT, cached_synthetic_project
from generator.project import Project

# The test suite's static server: SimpleHTTPRequestHandler never compresses, so first-visit
# bytes are measured uncompressed.
from tests.website.conftest import serve

_PLUGIN_LOG = re.compile(r"curate: generated (\d+) pages in ([\d.]+) s")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]


@dataclass
class Build:
    """One `mkdocs build` of a synthetic project and what it wrote."""

    pages: int
    seconds: float
    cpu_seconds: float
    generation_seconds: float
    index_bytes: int
    site_bytes: int


@dataclass
class Visit:
    """The first visit of one page: bytes as received, and gzip-compressed."""

    page: str
    raw_bytes: int
    gzip_bytes: int


def synthetic_site_project(papers: int) -> Project:
    """A cached synthetic project with `papers` papers and this repository's site files."""
    root = cached_synthetic_project(f"site-{papers}", papers)
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.rmtree(root / "site", ignore_errors=True)
    shutil.copytree(REPO_ROOT / "site", root / "site")
    return Project(root)


def mkdocs_build(project: Project, output: Path) -> Build:
    """Run `mkdocs build --strict` into `output` and weigh the result."""
    shutil.rmtree(output, ignore_errors=True)
    start, cpu_start = time.perf_counter(), _children_cpu_seconds()
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(output)],
        cwd=project.root, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    elapsed, cpu = time.perf_counter() - start, _children_cpu_seconds() - cpu_start
    if completed.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{completed.stderr[-3000:]}")
    logged = _PLUGIN_LOG.search(completed.stderr)
    index = output / "search" / "search_index.json"
    return Build(
        pages=int(logged.group(1)) if logged else 0,
        seconds=elapsed,
        cpu_seconds=cpu,
        generation_seconds=float(logged.group(2)) if logged else float("nan"),
        index_bytes=index.stat().st_size if index.is_file() else 0,
        site_bytes=sum(path.stat().st_size for path in output.rglob("*") if path.is_file()),
    )


def zensical_build(project: Project, output: Path) -> Build:
    """Run `curate build --engine zensical` into `output` and weigh the result."""
    shutil.rmtree(output, ignore_errors=True)
    start, cpu_start = time.perf_counter(), _children_cpu_seconds()
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--engine", "zensical", "-o", str(output)],
        cwd=project.root, capture_output=True, text=True, check=False,
    )
    elapsed, cpu = time.perf_counter() - start, _children_cpu_seconds() - cpu_start
    if completed.returncode != 0:
        raise SystemExit(f"curate build --engine zensical failed:\n{completed.stderr[-3000:]}")
    index = output / "search.json"  # Zensical writes its index at the site's root
    return Build(
        pages=sum(1 for _ in output.rglob("*.html")),
        seconds=elapsed,
        cpu_seconds=cpu,
        generation_seconds=float("nan"),
        index_bytes=index.stat().st_size if index.is_file() else 0,
        site_bytes=sum(path.stat().st_size for path in output.rglob("*") if path.is_file()),
    )


BUILDERS = {"mkdocs": mkdocs_build, "zensical": zensical_build}


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_visits(site: Path, pages: list[str]) -> list[Visit]:
    """Open each page in a fresh browser context (empty cache) and add up what it loaded."""
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        visits = [first_visit(browser, base, site, page) for page in pages]
        browser.close()
    return visits


def first_visit(browser: Browser, base: str, site: Path, page: str) -> Visit:
    """Bytes of every response of the first load of `page`, until the network is idle."""
    context = browser.new_context()
    tab = context.new_page()
    finished: list[Request] = []
    context.on("requestfinished", lambda request: finished.append(request))
    tab.goto(base + page, wait_until="networkidle", timeout=300_000)
    tab.wait_for_timeout(2000)  # a script may start a download after the first idle
    tab.wait_for_load_state("networkidle", timeout=300_000)
    raw = compressed = 0
    for request in finished:
        sizes = request.sizes()
        path = site / unquote(urlsplit(request.url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        # Chromium reports no body size for a worker's script; the plain server sends each
        # file as it is on disk, so its size is the body that crossed the network.
        body = path.read_bytes() if path.is_file() else b""
        raw += sizes["responseHeadersSize"] + max(sizes["responseBodySize"], len(body))
        compressed += sizes["responseHeadersSize"] + len(gzip.compress(body, compresslevel=6))
    context.close()
    return Visit(page, raw, compressed)


def pages_to_visit(site: Path) -> list[str]:
    """The home page, the first paper page, the papers page (every paper with facets) and the
    largest HTML page of a built site."""
    html = [path for path in site.rglob("*.html") if path.name != "404.html"]
    papers = sorted(path for path in html if path.parent.name == "papers")
    largest = max(html, key=lambda path: path.stat().st_size)
    chosen = [site / "index.html", *papers[:1], site / "papers.html", largest]
    return list(dict.fromkeys(path.relative_to(site).as_posix() for path in chosen))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per size; the best is kept")
    parser.add_argument("--engines", nargs="+", choices=sorted(BUILDERS), default=["mkdocs"])
    args = parser.parse_args()
    header = (f"{'engine':<9}{'papers':>7} {'pages':>6} {'build s':>8} {'cpu s':>6} {'gen %':>6} "
              f"{'index MB':>9} {'first-visit KB':>15} {'gzip KB':>8} {'site MB':>8} {'s/paper':>8}"
              "  worst page")
    rows = []
    first_cost: dict[str, float] = {}
    for size in args.sizes:
        project = synthetic_site_project(size)
        for engine in args.engines:
            with tempfile.TemporaryDirectory(prefix="site-bench-") as scratch:
                output = Path(scratch) / "public"
                builds = [BUILDERS[engine](project, output) for _ in range(args.repeat)]
                build = min(builds, key=lambda run: run.seconds)
                visits = first_visits(output, pages_to_visit(output))
            worst = max(visits, key=lambda visit: visit.raw_bytes)
            cost = build.seconds / size
            first_cost.setdefault(engine, cost)
            rows.append(
                f"{engine:<9}{size:>7} {build.pages:>6} {build.seconds:>8.1f} "
                f"{build.cpu_seconds:>6.1f} {build.generation_seconds / build.seconds:>6.1%} "
                f"{build.index_bytes / 1e6:>9.2f} {worst.raw_bytes / 1e3:>15.0f} "
                f"{worst.gzip_bytes / 1e3:>8.0f} {build.site_bytes / 1e6:>8.1f} "
                f"{cost / first_cost[engine]:>8.2f}  {worst.page}")
            print("\n".join(f"    {engine}, first visit of {visit.page}: {visit.raw_bytes / 1e3:.0f} KB"
                            f" ({visit.gzip_bytes / 1e3:.0f} KB gzip)" for visit in visits),
                  file=sys.stderr)
    print(header)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
