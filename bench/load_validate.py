"""Time loading + validating synthetic databases of 1,000, 10,000 and 50,000 papers.

    python -m bench.load_validate [--sizes 1000 10000 50000] [--repeat 3]

Prints, per size: seconds to read the YAML files, to validate the records, to run the
cross-record checks, the total, records per second, and the cost per paper relative to the
smallest size (1.00 means perfectly linear growth). Databases are cached in bench/.data/.
"""

from __future__ import annotations

import argparse
import gc
import time

from bench.synthetic import cached_synthetic_project
from generator.database.assemble import assemble_database, paused_garbage_collection
from generator.database.load import load_sources
from generator.project import Project


def synthetic_project(papers: int) -> Project:
    """A cached synthetic project with `papers` papers."""
    return Project(cached_synthetic_project(f"papers-{papers}", papers))


def time_once(project: Project) -> tuple[float, float, int]:
    """Seconds to read, seconds to validate and cross-check, and the record count."""
    gc.collect()
    with paused_garbage_collection():  # as build_database does
        start = time.perf_counter()
        tree = load_sources(project)
        read_done = time.perf_counter()
        database, problems = assemble_database(tree)
        done = time.perf_counter()
    assert database is not None and not problems, problems[:3]
    records = 1 + sum(len(database.records_of(kind)) for kind in
                      ("paper", "leaderboard", "implementation", "resource"))
    return read_done - start, done - read_done, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    args = parser.parse_args()
    print(f"{'papers':>8} {'records':>8} {'read s':>8} {'validate s':>11} {'total s':>8} "
          f"{'records/s':>10} {'cost/paper vs first':>20}")
    first_cost = None
    for size in args.sizes:
        project = synthetic_project(size)
        runs = [time_once(project) for _ in range(args.repeat)]
        read, validate, records = min(runs, key=lambda run: run[0] + run[1])
        total = read + validate
        cost = total / size
        first_cost = first_cost or cost
        print(f"{size:>8} {records:>8} {read:>8.3f} {validate:>11.3f} {total:>8.3f} "
              f"{records / total:>10.0f} {cost / first_cost:>20.2f}")


if __name__ == "__main__":
    main()
