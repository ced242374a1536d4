"""What CONTRIBUTING.md and the site's Contributing page tell a newcomer is what happens."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
SITE_PAGE = (REPO / "site" / "contributing.md").read_text(encoding="utf-8")


def arxiv_ids_on_the_list() -> set[str]:
    records = (yaml.safe_load(p.read_text()) for p in (REPO / "papers" / "papers").glob("*.yaml"))
    return {str(record["links"]["arxiv"]) for record in records if record.get("links", {}).get("arxiv")}


def test_the_git_add_line_adds_the_list_file_the_venue_note_asks_to_edit():
    git_add = [line for line in CONTRIBUTING.splitlines() if line.startswith("git add ")]

    assert git_add == ["git add papers/papers/puzzle-cam-2021.yaml README.md papers/list.yaml"]
    assert "add the venue (or an alias of one) there" in CONTRIBUTING


def test_both_pages_say_curate_add_writes_untracked_unless_told_otherwise():
    default = build_parser().parse_args(["add", "2101.11253", "--topic", "localization"]).status

    assert default == "untracked"
    assert "`status: untracked` unless you pass `--read` or `--to-read`" in CONTRIBUTING
    assert "`status: untracked` unless you pass\n   `--read` or `--to-read`" in SITE_PAGE


def test_the_site_page_adds_a_paper_that_is_not_on_the_list_yet():
    examples = set(re.findall(r"curate add (\d{4}\.\d{4,5})", SITE_PAGE))

    assert examples == {"2101.11253"}
    assert examples & arxiv_ids_on_the_list() == set()


def test_the_replay_server_says_it_needs_the_test_extra_when_run_without_it():
    hide_the_library = (
        "import runpy, sys; sys.modules['pytest_httpserver'] = None; "
        "runpy.run_path('tests/contrib/replay_server.py', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", hide_the_library], cwd=REPO, capture_output=True, text=True, timeout=60,
        check=False,
    )

    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "replay_server.py needs pytest-httpserver, from the test extra: pip install -e '.[test]'\n",
    )
    assert "pip install -e '.[test]'\npython tests/contrib/replay_server.py" in CONTRIBUTING
