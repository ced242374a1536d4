"""Time the site build on synthetic databases of 1,000 and 10,000 papers.

    python -m bench.site_build [--sizes 1000 10000] [--repeat 1]

Prints, per size: seconds to load and validate the database, to render every generated page
(together: the generation step, what the curate plugin does), the whole `mkdocs build
--strict` as a user runs it, the share of generation in the whole build (target: under 10%),
and the build's cost per paper relative to the smallest size (1.00 means linear growth).
Databases are cached in bench/.data/; mkdocs.yml and site/ are copied fresh on every run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from bench.synthetic import REPO_ROOT, cached_synthetic_project
from generator.database.assemble import build_database
from generator.project import Project
from generator.render.site_pages import generate_site

_PLUGIN_TIME = re.compile(r"curate: generated (\d+) pages in ([\d.]+) s")


def synthetic_site_project(papers: int) -> Project:
    """A cached synthetic project with `papers` papers and this repository's site files."""
    root = cached_synthetic_project(f"site-{papers}", papers)
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.rmtree(root / "site", ignore_errors=True)
    shutil.copytree(REPO_ROOT / "site", root / "site")
    return Project(root)


def time_generation(project: Project) -> tuple[float, float, int]:
    """Seconds to load and validate, seconds to render, and the number of pages."""
    start = time.perf_counter()
    database = build_database(project)
    loaded = time.perf_counter()
    site = generate_site(database)
    done = time.perf_counter()
    return loaded - start, done - loaded, len(site.pages)


def time_mkdocs_build(project: Project) -> tuple[float, float]:
    """Wall seconds of `mkdocs build --strict`, and the generation seconds the plugin logged."""
    with tempfile.TemporaryDirectory(prefix="site-bench-") as output:
        start = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", output],
            cwd=project.root, capture_output=True, text=True, check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{completed.stderr[-3000:]}")
    logged = _PLUGIN_TIME.search(completed.stderr)
    return elapsed, float(logged.group(2)) if logged else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the best is kept")
    args = parser.parse_args()
    print(f"{'papers':>7} {'pages':>6} {'load s':>7} {'render s':>9} {'generate s':>11} "
          f"{'in build s':>11} {'mkdocs build s':>15} {'generate/build':>15} "
          f"{'build s/paper vs first':>23}")
    first_cost = None
    for size in args.sizes:
        project = synthetic_site_project(size)
        load, render, pages = min((time_generation(project) for _ in range(args.repeat)),
                                  key=lambda run: run[0] + run[1])
        build, in_build = min(time_mkdocs_build(project) for _ in range(args.repeat))
        cost = build / size
        first_cost = first_cost or cost
        print(f"{size:>7} {pages:>6} {load:>7.2f} {render:>9.2f} {load + render:>11.2f} "
              f"{in_build:>11.2f} {build:>15.2f} {in_build / build:>14.1%} "
              f"{cost / first_cost:>23.2f}")


if __name__ == "__main__":
    main()
