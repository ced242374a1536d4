"""`curate enrich --refresh` updates the counts that age, once they are older than the configured
age; `curate enrich` patches a record in place and keeps the curator's comments and formatting;
the weekly workflow's refresh step runs as written against the replayed services."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from pytest_httpserver import HTTPServer

from tests.contrib.replay_server import REPLAY_DIR, register_replay
from tests.contrib.test_workflows import GITHUB, load

FICKLENET = "papers/papers/ficklenet-cvpr2019.yaml"
PUZZLE_CAM = "papers/papers/puzzle-cam-2021.yaml"
EXPECTED = Path(__file__).parent / "data" / "expected"
TODAY = dt.date.today()


def read(project: Path, path: str) -> str:
    return (project / path).read_text(encoding="utf-8")


def write(project: Path, path: str, text: str) -> None:
    (project / path).write_text(text, encoding="utf-8")


def add_puzzle_cam(project: Path, curate, counts: str) -> None:
    """Puzzle-CAM written offline, with its code repository's counts as an older run left them."""
    added = curate(
        "-C", project, "add", "2101.11253", "--offline", "--topic", "localization", "--year", "2021",
        "--title", "Puzzle-CAM: Improved localization via matching partial and full features",
        "--code", "https://github.com/OFRIN/PuzzleCAM",
    )
    assert added.exit_code == 0, added.stderr
    text = read(project, PUZZLE_CAM).replace(
        "  - url: https://github.com/OFRIN/PuzzleCAM\n",
        "  - url: https://github.com/OFRIN/PuzzleCAM  # the authors' own\n" + counts,
    )
    write(project, PUZZLE_CAM, text)


def test_refresh_updates_counts_older_than_the_configured_age(project, replay, curate):
    add_puzzle_cam(project, curate, "    stars: 5\n    last_commit: 2021-02-01\n")
    write(project, PUZZLE_CAM, read(project, PUZZLE_CAM) + "refreshed: 2020-01-06\ncitations: 3\n")

    refreshed = curate("-C", project, "enrich", "--refresh", "--only", "puzzle-cam-2021")

    record = yaml.safe_load(read(project, PUZZLE_CAM))
    assert refreshed.exit_code == 0, refreshed.stderr
    assert record["links"]["code"] == [
        {"url": "https://github.com/OFRIN/PuzzleCAM", "stars": 198, "last_commit": dt.date(2022, 3, 11)}
    ]
    assert (record["citations"], record["refreshed"]) == (
        json.loads((REPLAY_DIR / "semanticscholar" / "puzzle-cam.json").read_text())["citationCount"],
        TODAY,
    )
    assert "  - url: https://github.com/OFRIN/PuzzleCAM  # the authors' own\n" in read(project, PUZZLE_CAM)
    assert refreshed.stderr.splitlines()[-1] == (
        "curate enrich: filled or refreshed 6 field(s) in 1 paper(s); 0 unchanged; 0 failed"
    )


def test_counts_refreshed_recently_are_left_alone_until_they_age(project, replay, curate):
    assert curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019").exit_code == 0
    recent = TODAY - dt.timedelta(days=27)  # refresh_after_days is 28 unless configured
    text = read(project, FICKLENET).replace("citations: 402\n", f"citations: 400\nrefreshed: {recent}\n")
    write(project, FICKLENET, text)

    fresh = curate("-C", project, "enrich", "--refresh", "--only", "ficklenet-cvpr2019")
    write(project, FICKLENET, text.replace(f"refreshed: {recent}", f"refreshed: {recent - dt.timedelta(1)}"))
    aged = curate("-C", project, "enrich", "--refresh", "--only", "ficklenet-cvpr2019")

    assert (fresh.exit_code, fresh.stdout) == (0, "")
    assert [line for line in aged.stdout.splitlines() if line[:1] in "+-" and line[1:3] not in "--++"] == [
        "-citations: 400",
        f"-refreshed: {recent - dt.timedelta(1)}",
        "+citations: 402",
        f"+refreshed: {TODAY}",
    ]


def test_the_age_is_configured_in_the_services_block(project, replay, curate):
    assert curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019").exit_code == 0
    write(project, FICKLENET, read(project, FICKLENET) + f"refreshed: {TODAY - dt.timedelta(days=3)}\n")
    with (project / "papers" / "list.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  refresh_after_days: 2\n")

    refreshed = curate("-C", project, "enrich", "--refresh", "--only", "ficklenet-cvpr2019")

    assert f"+refreshed: {TODAY}\n" in refreshed.stdout


def test_an_archived_repository_is_marked_and_its_counts_updated(project, services: HTTPServer, curate):
    repository = json.loads((REPLAY_DIR / "github" / "OFRIN_PuzzleCAM.json").read_text())
    services.expect_request("/repos/OFRIN/PuzzleCAM").respond_with_json(
        {**repository, "archived": True, "stargazers_count": 240}
    )
    register_replay(services)
    add_puzzle_cam(project, curate, "    stars: 198\n    last_commit: 2022-03-11\n")

    refreshed = curate("-C", project, "enrich", "--refresh", "--only", "puzzle-cam-2021")

    assert "-    stars: 198\n+    stars: 240\n" in refreshed.stdout
    assert yaml.safe_load(read(project, PUZZLE_CAM))["links"]["code"][0]["archived"] is True


def test_enrich_keeps_comments_quotes_and_flow_lists_of_a_hand_written_record(project, replay, curate):
    hand_written = (
        read(project, FICKLENET)
        .replace("year: 2019\n", "# The CVPR version, not the arXiv one.\nyear: 2019  # checked\n")
        .replace("topics:\n- by-dataset\n- by-years\n", "topics: [by-dataset, by-years]  # both\n")
    )
    write(project, FICKLENET, hand_written)

    enriched = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019")

    golden = EXPECTED / "enrich-keeps-hand-formatting.diff"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(enriched.stdout)
    assert enriched.stdout == golden.read_text()
    assert [line for line in enriched.stdout.splitlines() if line[:1] == "-" and line[:3] != "---"] == []
    assert read(project, FICKLENET).startswith(hand_written.split("links:")[0])


def refresh_step() -> str:
    workflow = load(GITHUB / "workflows" / "refresh.yml")
    steps = workflow["jobs"]["refresh"]["steps"]
    return next(step["run"] for step in steps if step.get("id") == "enrich")


def test_the_weekly_workflows_refresh_step_runs_as_written(project, services: HTTPServer, tmp_path):
    register_replay(services)  # papers without recorded answers fail, as a service outage would
    output = tmp_path / "github-output"
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
    }

    step = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", refresh_step()], cwd=project, env=environment,
        capture_output=True, text=True, timeout=300, check=False,
    )

    record = yaml.safe_load(read(project, FICKLENET))
    log = (project / "refresh.log").read_text()
    assert step.returncode == 0, step.stdout + step.stderr
    assert output.read_text() == "status=1\n"
    assert (record["citations"], record["refreshed"]) == (402, TODAY)
    assert f"+refreshed: {TODAY}\n" in (project / "refresh.diff").read_text()
    assert log.splitlines()[-1].startswith("curate enrich: filled or refreshed ")
    assert "<!-- curate:readme:start -->" in (project / "README.md").read_text()
    assert step.stdout.splitlines()[-1].startswith("ok: ")
