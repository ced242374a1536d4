"""`curate enrich` fills what a record leaves empty, never what a curator wrote; shows a diff."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

from tests.contrib.replay_server import REPLAY_DIR

FICKLENET = "papers/papers/ficklenet-cvpr2019.yaml"
PUZZLE_CAM = "papers/papers/puzzle-cam-2021.yaml"


def read(project: Path, path: str) -> str:
    return (project / path).read_text(encoding="utf-8")


def edit(project: Path, path: str, old: str, new: str) -> None:
    text = read(project, path)
    assert old in text
    (project / path).write_text(text.replace(old, new), encoding="utf-8")


def test_enrich_fills_empty_fields_and_never_overwrites_a_curated_one(project, replay, curate):
    # The curator spelled the title and authors their own way and left the year out.
    edit(
        project,
        FICKLENET,
        "- Jungbeom Lee\n- Eunji Kim\n- Sungmin Lee\n- Jangho Lee\n- Sungroh Yoon\n",
        "- J. Lee\n- E. Kim\n- S. Lee\n- J. Lee\n- S. Yoon\n",
    )
    edit(project, FICKLENET, "using Stochastic Inference'", "using Stochastic Inference (curated)'")
    edit(project, FICKLENET, "year: 2019\n", "")
    before = yaml.safe_load(read(project, FICKLENET))

    enriched = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019")

    after = yaml.safe_load(read(project, FICKLENET))
    assert enriched.exit_code == 0
    assert enriched.stderr == "curate enrich: filled 4 field(s) in 1 paper(s); 0 unchanged; 0 failed\n"
    filled = {key: after[key] for key in after if key not in before}
    assert sorted(filled) == ["abstract", "citations", "year"]
    assert (filled["year"], filled["citations"]) == (2019, 402)
    assert filled["abstract"].startswith("The main obstacle to weakly supervised semantic image segmentation")
    assert after["links"] == {**before["links"], "doi": "10.1109/CVPR.2019.00536"}
    assert {key: after[key] for key in before if key != "links"} == {
        k: v for k, v in before.items() if k != "links"
    }
    removed = [
        line for line in enriched.stdout.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    assert enriched.stdout.startswith(f"--- a/{FICKLENET}\n+++ b/{FICKLENET}\n")
    assert removed == []


def test_enrich_fills_stars_and_last_commit_but_keeps_stars_a_curator_wrote(project, replay, curate):
    curate(
        "-C",
        project,
        "add",
        "2101.11253",
        "--offline",
        "--topic",
        "localization",
        "--title",
        "Puzzle-CAM: Improved localization via matching partial and full features",
        "--year",
        "2021",
        "--code",
        "https://github.com/OFRIN/PuzzleCAM",
    )
    edit(
        project,
        PUZZLE_CAM,
        "  - url: https://github.com/OFRIN/PuzzleCAM\n",
        "  - url: https://github.com/OFRIN/PuzzleCAM\n    stars: 5\n",
    )

    enriched = curate("-C", project, "enrich", "--only", "puzzle-cam-2021")

    record = yaml.safe_load(read(project, PUZZLE_CAM))
    assert record["links"]["code"] == [
        {
            "url": "https://github.com/OFRIN/PuzzleCAM",
            "stars": 5,
            "last_commit": dt.date(2022, 3, 11),
        }
    ]
    assert record["authors"] == ["Sanghyun Jo", "In-Jae Yu"]
    assert "venue" not in record
    assert enriched.stderr.splitlines() == [
        f"curate enrich: {PUZZLE_CAM}: venue 'IEEE International Conference on Image Processing' "
        "is not "
        "among the venues of papers/list.yaml (AAAI, BMVC, CVPR, ECCV, ICCV, ICLR, ICML, IJCAI, "
        "ISVC, "
        "KDD, NIPS, TPAMI, WACV, CVIU, Neurocomputing, arXiv, preprint); left empty: add it there (or "
        "as an "
        "alias of a venue) and set 'venue:' in the record",
        "curate enrich: filled 4 field(s) in 1 paper(s); 0 unchanged; 0 failed",
    ]
    assert "+    last_commit: 2022-03-11\n" in enriched.stdout
    assert "stars" not in "".join(
        line for line in enriched.stdout.splitlines(keepends=True) if line[:1] in "+-"
    )


def test_a_second_run_has_nothing_left_to_fill(project, replay, curate):
    curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019")

    again = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019")

    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == "curate enrich: filled 0 field(s) in 0 paper(s); 1 unchanged; 0 failed\n"


def test_a_dry_run_shows_the_diff_and_writes_nothing(project, replay, curate):
    before = read(project, FICKLENET)

    dry = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019", "--dry-run")

    assert read(project, FICKLENET) == before
    assert "+  doi: 10.1109/CVPR.2019.00536\n" in dry.stdout
    assert dry.stderr == "curate enrich: would fill 3 field(s) in 1 paper(s); 0 unchanged; 0 failed\n"


def test_an_unknown_paper_id_is_refused(project, services, curate):
    refused = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2018")

    assert (refused.exit_code, refused.stderr) == (
        1,
        "curate enrich: no paper with id 'ficklenet-cvpr2018'; did you mean 'ficklenet-cvpr2019'?\n",
    )
    assert services.log == []


def test_an_unreachable_service_stops_the_run_and_changes_nothing(project, monkeypatch, curate):
    monkeypatch.setenv("CURATE_ARXIV_URL", "http://127.0.0.1:9")
    before = {
        path.name: path.read_text(encoding="utf-8") for path in (project / "papers/papers").glob("*.yaml")
    }

    stopped = curate("-C", project, "enrich", "--only", "seenet-nips2018", "ficklenet-cvpr2019")

    after = {
        path.name: path.read_text(encoding="utf-8") for path in (project / "papers/papers").glob("*.yaml")
    }
    assert stopped.exit_code == 1
    assert stopped.stderr == (
        "curate enrich: papers/papers/seenet-nips2018.yaml: cannot reach arXiv at "
        "http://127.0.0.1:9/api/query?id_list=1810.09821&max_results=1 (ConnectionError); check "
        "the "
        "network; stopped, 1 paper(s) not tried\n"
        "curate enrich: filled 0 field(s) in 0 paper(s); 0 unchanged; 1 failed\n"
    )
    assert after == before


def test_a_value_the_records_cannot_take_is_reported_and_nothing_is_written(project, services, curate):
    feed = (REPLAY_DIR / "arxiv" / "1902.10421.xml").read_text(encoding="utf-8")
    without_abstract = re.sub(r"<summary>.*</summary>", "", feed, flags=re.DOTALL)
    answer = json.loads((REPLAY_DIR / "semanticscholar" / "ficklenet.json").read_text(encoding="utf-8"))
    answer["abstract"] = "A bell \u0007 rings."  # removed: what a service says is plain text
    work = json.loads((REPLAY_DIR / "crossref" / "10.1109_CVPR.2019.00536.json").read_bytes())
    for key in ("published-print", "published", "issued", "published-online"):
        if key in work["message"]:
            work["message"][key]["date-parts"] = [[3000, 1, 1]]
    services.expect_request("/api/query").respond_with_data(
        without_abstract, content_type="application/atom+xml"
    )
    services.expect_request("/graph/v1/paper/arXiv:1902.10421").respond_with_json(answer)
    services.expect_request("/works/10.1109/CVPR.2019.00536").respond_with_json(work)
    edit(project, FICKLENET, "year: 2019\n", "")
    before = read(project, FICKLENET)

    failed = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019")

    assert (failed.exit_code, failed.stdout) == (1, "")
    assert failed.stderr == (
        f"curate enrich: {FICKLENET}: what the services say would not be valid "
        "(year: year must be between 1950 and next year, got 3000); skipped\n"
        "curate enrich: filled 0 field(s) in 0 paper(s); 0 unchanged; 1 failed\n"
    )
    assert read(project, FICKLENET) == before
