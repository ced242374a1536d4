"""Time `curate import` of synthetic Markdown lists of 1,000, 5,000 and 20,000 entries.

    python -m bench.import_list [--sizes 1000 5000 20000]

Prints, per size: seconds to import into an empty folder (parse, merge, validate, write every
file), seconds to rerun the import on the result (it matches every entry to an existing record
and writes nothing), entries per second, and the cost per entry of each relative to the
smallest size (1.00 means linear growth). A third of the entries repeat an earlier one under
another heading, so merging is exercised too.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from generator.importer import import_list

VENUES = ["CVPR", "ICCV", "ECCV", "NIPS", "BMVC", "arxiv"]
BOXES = ["- [x] ", "- [ ] ", "- "]


def synthetic_list(entries: int) -> str:
    """A list with topics of 50 entries, a results table, and repeated papers."""
    lines = ["# Synthetic list", "", "A list made up for timing the importer.", ""]
    lines += ["## Results", "| method | val | test | notes |", "| --- | --- | --- | --- |"]
    lines += [
        f"| [M{n}](https://example.org/m{n})<sub>CVPR2019</sub> | {50 + n % 20}.1 | 60.2 | n{n} |"
        for n in range(min(entries // 10, 500))
    ]
    lines.append("## Reading List")
    for n in range(entries):
        if n % 50 == 0:
            lines += ["", f"#### topic {n // 50}"]
        paper = n if n % 3 else n // 3  # every third entry repeats an earlier paper
        venue = VENUES[paper % len(VENUES)]
        lines.append(
            f"{BOXES[n % 3]}Synthetic Paper Number {paper} About Segmentation: "
            f"{venue}{2010 + paper % 12}, note {n} on [code](https://github.com/x/p{paper})"
        )
        if n % 7 == 0:
            lines.append(f"  - sub-point of entry {n}")
    return "\n".join(lines) + "\n"


def time_import(entries: int) -> tuple[float, float]:
    """Seconds for the first import and for the rerun."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "list.md"
        source.write_text(synthetic_list(entries), encoding="utf-8")
        project = Path(folder) / "project"
        start = time.perf_counter()
        first = import_list(source, project)
        imported = time.perf_counter()
        rerun = import_list(source, project)
        done = time.perf_counter()
    assert first.written and not first.skipped and not rerun.plan.writes
    return imported - start, done - imported


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args()
    print(f"{'entries':>8} {'import s':>9} {'rerun s':>8} {'entries/s':>10} "
          f"{'import cost vs first':>21} {'rerun cost vs first':>20}")
    first: tuple[float, float] | None = None
    for size in args.sizes:
        imported, rerun = time_import(size)
        costs = (imported / size, rerun / size)
        first = first or costs
        print(f"{size:>8} {imported:>9.2f} {rerun:>8.2f} {size / imported:>10.0f} "
              f"{costs[0] / first[0]:>21.2f} {costs[1] / first[1]:>20.2f}")


if __name__ == "__main__":
    main()
