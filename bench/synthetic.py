"""Write synthetic list projects of any size, shaped like the real database.

    python -m bench.synthetic DIR --papers 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

from generator.database.write import record_yaml_from_data
from generator.project import KIND_BY_NAME, LIST_KIND

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / ".data"
"""Where benchmarks keep their synthetic projects between runs (git-ignored)."""
WORDS = (
    "weakly supervised semantic instance panoptic segmentation affinity attention saliency "
    "erasing region growing graph web scribble box point pseudo label refinement network "
    "learning adversarial consistency boundary prototype transformer contrastive mining "
    "propagation random walk superpixel dense crf self training cross image object"
).split()
VENUES = ["CVPR", "ICCV", "ECCV", "NIPS", "BMVC", "AAAI", "IJCAI", "TPAMI", "arXiv"]
FRAMEWORKS = ["pytorch", "tensorflow", "caffe", "mxnet", "jax"]
SECTIONS, TOPICS_PER_SECTION, LEADERBOARDS = 8, 8, 6


def list_data() -> dict[str, Any]:
    """A list config with a synthetic taxonomy, venues and tags."""
    return {
        "title": "Synthetic list",
        "description": "A synthetic list for benchmarks.",
        "sections": [
            {
                "id": f"section-{s}",
                "title": f"Section {s}",
                "topics": [
                    {"id": f"topic-{s}-{t}", "title": f"Topic {s}.{t}", "description": "A topic."}
                    for t in range(TOPICS_PER_SECTION)
                ],
            }
            for s in range(SECTIONS)
        ],
        "venues": [
            {"id": venue, "kind": "preprint" if venue == "arXiv" else "conference"}
            for venue in VENUES
        ],
        "tag_groups": [
            {"id": "supervision", "title": "Supervision",
             "tags": [{"id": t, "title": t} for t in ("image-level", "box", "scribble", "point")]},
            {"id": "task", "title": "Task",
             "tags": [{"id": t, "title": t} for t in ("semantic", "instance", "panoptic")]},
        ],
    }


def paper_data(index: int, rng: random.Random) -> dict[str, Any]:
    """One synthetic paper with links, notes and, for some, leaderboard results."""
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize()
    venue = rng.choice(VENUES)
    topics = rng.sample(
        [f"topic-{s}-{t}" for s in range(SECTIONS) for t in range(TOPICS_PER_SECTION)], 2
    )
    data: dict[str, Any] = {
        "id": f"paper-{index:06d}",
        "title": f"{title} {index}",
        "short_name": f"M{index}",
        "authors": [f"Author {rng.randint(1, 5000)}" for _ in range(rng.randint(2, 6))],
        "venue": venue,
        "year": rng.randint(2012, 2025),
        "links": {
            "url": f"https://example.org/papers/{index}.pdf",
            "arxiv": f"{rng.randint(15, 25)}{rng.randint(1, 12):02d}.{index:05d}",
            "code": [{"url": f"https://github.com/lab{index % 97}/repo{index}",
                      "framework": rng.choice(FRAMEWORKS)}],
        },
        "topics": topics,
        "tags": [rng.choice(["image-level", "box", "scribble"]), "semantic"],
        "status": rng.choice(["read", "to-read", "untracked"]),
        "notes": "- " + " ".join(rng.choice(WORDS) for _ in range(20)) + "\n- **key idea** here",
        "added": dt.date(2019, 1, 1) + dt.timedelta(days=index % 2000),
    }
    if venue == "arXiv":
        data["kind"] = "preprint"
    if rng.random() < 0.3:
        data["results"] = [{
            "leaderboard": f"board-{rng.randrange(LEADERBOARDS)}",
            "values": {"val": round(rng.uniform(40, 80), 1), "test": round(rng.uniform(40, 80), 1)},
            "backbone": rng.choice(["ResNet-38", "ResNet-101", "VGG-16"]),
            "notes": "synthetic row",
        }]
    return data


def write_synthetic_project(root: Path, papers: int, seed: int = 0) -> Path:
    """Write a project with `papers` papers (plus leaderboards, implementations, resources)."""
    rng = random.Random(seed)
    database = root / "papers"
    if database.exists():
        shutil.rmtree(database)
    _write(database / "list.yaml", record_yaml_from_data(LIST_KIND, list_data()))
    for index in range(papers):
        _write_record(database, "paper", paper_data(index, rng))
    for board in range(LEADERBOARDS):
        _write_record(database, "leaderboard", {
            "id": f"board-{board}", "title": f"Board {board}", "dataset": f"Dataset {board}",
            "task": "semantic segmentation", "metric": "mIoU", "splits": ["val", "test"],
        })
    for index in range(max(1, papers // 20)):
        _write_record(database, "implementation", {
            "id": f"impl-{index:05d}", "name": f"impl {index}",
            "url": f"https://github.com/impl/{index}", "framework": rng.choice(FRAMEWORKS),
            "paper": f"paper-{rng.randrange(papers):06d}" if papers else None,
        })
    for index in range(max(1, papers // 50)):
        _write_record(database, "resource", {
            "id": f"resource-{index:05d}", "title": f"Resource {index}", "kind": "tutorial",
            "links": [{"label": "web", "url": f"https://example.org/r/{index}"}],
        })
    _copy_site_files(root)
    return root


def cached_synthetic_project(name: str, papers: int) -> Path:
    """Root of the synthetic project `name` under `bench/.data/`, written on first use."""
    root = DATA_DIR / name
    marker = root / ".complete"
    if not marker.exists():
        write_synthetic_project(root, papers)
        marker.write_text("ok")
    return root


def _write_record(database: Path, kind_name: str, data: dict[str, Any]) -> None:
    kind = KIND_BY_NAME[kind_name]
    clean = {key: value for key, value in data.items() if value is not None}
    _write(database / kind.folder / f"{data['id']}.yaml", record_yaml_from_data(kind, clean))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy_site_files(root: Path) -> None:
    """Copy mkdocs.yml and site/ from this repository so the project builds as a site."""
    if (REPO_ROOT / "mkdocs.yml").is_file():
        shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if (REPO_ROOT / "site").is_dir():
        shutil.copytree(REPO_ROOT / "site", root / "site", dirs_exist_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_synthetic_project(args.directory, args.papers, args.seed)
    print(f"wrote {args.papers} papers into {args.directory}/papers")


if __name__ == "__main__":
    main()
