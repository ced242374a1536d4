"""Import every excerpt of tests/data/lists/corpus/ and score it against its truth file.

    python -m bench.import_corpus [NAME ...]

Each excerpt `NAME.md` is a small list written in the style of a real paper list, and
`NAME.truth.yaml` says what it holds: each paper's title, venue, year, checkbox and URLs. Prints
per excerpt: paper recall and precision, year and venue accuracy (over entries that state one),
checkbox accuracy, URLs of the list found in no record and no reported skip, skipped lines, and
whether the import crashed. Targets: recall and precision at least 95%, years 95%, every box
right, no URL lost, no crash.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.database.crosscheck import normalized_title
from generator.importer import import_list
from generator.importer.pipeline import ImportOutcome

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "lists" / "corpus"
_URL = re.compile(r"https?://[^\s)\]>\"'<|`]+")


@dataclass
class Score:
    """How one excerpt imported."""

    name: str
    truth: int = 0
    found: int = 0
    matched: int = 0
    years: list[bool] = field(default_factory=list)
    venues: list[bool] = field(default_factory=list)
    boxes: list[bool] = field(default_factory=list)
    urls_lost: list[str] = field(default_factory=list)
    skips: int = 0
    crashed: str | None = None
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.truth if self.truth else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    def meets_targets(self) -> bool:
        return (
            self.crashed is None and self.recall >= 0.95 and self.precision >= 0.95
            and _share(self.years) >= 0.95 and all(self.boxes)
            and not self.urls_lost
        )


def _share(checks: list[bool]) -> float:
    return sum(checks) / len(checks) if checks else 1.0


def score_excerpt(source: Path) -> Score:
    """Import `source` into a temporary folder and compare the papers with its truth file."""
    truth = yaml.safe_load(source.with_suffix(".truth.yaml").read_text(encoding="utf-8"))
    score = Score(source.stem, truth=len(truth["papers"]))
    with tempfile.TemporaryDirectory() as folder:
        try:
            outcome = import_list(source, Path(folder), allow_skips=True)
        except Exception:  # the benchmark reports a crash instead of stopping
            score.crashed = traceback.format_exc(limit=1).strip().splitlines()[-1]
            return score
        papers = [yaml.safe_load(p.read_text()) for p in Path(folder).glob("papers/papers/*.yaml")]
        written = "\n".join(p.read_text() for p in Path(folder).rglob("*.yaml"))
    _compare(score, truth["papers"], papers)
    score.skips = len(outcome.skipped)
    score.urls_lost = _lost_urls(source.read_text(encoding="utf-8"), written, outcome)
    return score


def _compare(score: Score, expected: list[dict], papers: list[dict]) -> None:
    by_title = {normalized_title(paper["title"]): paper for paper in papers}
    score.found = len(papers)
    used: set[str] = set()
    for entry in expected:
        key = normalized_title(entry["title"])
        paper = by_title.get(key)
        if paper is None:
            score.misses.append(entry["title"])
            continue
        used.add(key)
        score.matched += 1
        if entry.get("year") is not None:
            score.years.append(paper.get("year") == entry["year"])
        if entry.get("venue") is not None:
            score.venues.append(paper.get("venue") == entry["venue"])
        score.boxes.append(paper.get("status", "untracked") == entry.get("status", "untracked"))
    score.extras = [paper["title"] for key, paper in by_title.items() if key not in used]


def _lost_urls(text: str, written: str, outcome: ImportOutcome) -> list[str]:
    """URLs of the list in no written file and in no reported skip's line."""
    skipped_lines = {skip.line for skip in outcome.skipped}
    lost = []
    for number, line in enumerate(text.splitlines(), start=1):
        for url in _URL.findall(line):
            url = url.rstrip(".,;:*_")
            if url not in written and number not in skipped_lines:
                lost.append(f"{number}: {url}")
    return lost


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def print_table(scores: list[Score], verbose: bool) -> None:
    print("| excerpt | papers | recall | precision | years | venues | boxes | URLs lost | skips | crash |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for s in scores:
        years = f"{sum(s.years)}/{len(s.years)}" if s.years else "-"
        venues = f"{sum(s.venues)}/{len(s.venues)}" if s.venues else "-"
        boxes = f"{sum(s.boxes)}/{len(s.boxes)}" if s.boxes else "-"
        print(
            f"| {s.name} | {s.truth} | {_percent(s.recall)} | {_percent(s.precision)} | {years} "
            f"| {venues} | {boxes} | {len(s.urls_lost)} | {s.skips} | {s.crashed or 'no'} |"
        )
    met = sum(s.meets_targets() for s in scores)
    print(f"\n{met} of {len(scores)} excerpts meet every target")
    if verbose:
        for s in scores:
            for title in s.misses:
                print(f"{s.name}: missed: {title}")
            for title in s.extras:
                print(f"{s.name}: extra: {title}")
            for url in s.urls_lost:
                print(f"{s.name}: URL lost on line {url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="excerpts to import (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and lost URLs")
    args = parser.parse_args(argv)
    sources = sorted(CORPUS.glob("*.md"))
    if args.names:
        sources = [source for source in sources if source.stem in args.names]
    print_table([score_excerpt(source) for source in sources], args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
