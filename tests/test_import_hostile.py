"""Hostile lists end in a clear result within a bounded time: no traceback, no hang, and what the
import writes validates (issue: hangs and crashes of `curate import`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BOUND_SECONDS = 60
"""Far above a linear import of these inputs (under 2 s); the quadratic ones took 16-62 s."""


def run_curate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`curate` in its own process, stopped when it exceeds the bound (a hang fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=BOUND_SECONDS,
        check=False,
    )


HOSTILE_LISTS = {
    "100 KB of '['": "# T\n\n## S\n\n- " + "[" * 100_000 + "\n",
    "50 KB of '*a '": "# T\n\n## S\n\n- " + "*a " * 17_000 + "\n",
    "50 KB of '**a '": "# T\n\n## S\n\n- " + "**a " * 13_000 + "\n",
    "50 KB of '__a '": "# T\n\n## S\n\n- " + "__a " * 13_000 + "\n",
    "headings of spaces and '#'": "# T\n\n" + ("## a" + " " * 1000 + "#" * 1000 + " x\n\n") * 4,
    "a heading of '#' runs": "# T\n\n## " + "# " * 2000 + "\n",
    "links that never close": "# T\n\n## S\n\n- " + "[a](" * 20_000 + "\n",
}


@pytest.mark.parametrize("text", HOSTILE_LISTS.values(), ids=HOSTILE_LISTS.keys())
def test_pathological_text_is_read_in_linear_time_without_a_traceback(tmp_path: Path, text: str):
    source = tmp_path / "list.md"
    source.write_text(text, encoding="utf-8")

    result = run_curate("-C", tmp_path / "project", "import", source, "--allow-skips")

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert run_curate("-C", tmp_path / "project", "validate").returncode == 0


def test_text_the_models_refuse_is_reported_with_its_line_and_left_out(tmp_path: Path):
    source = tmp_path / "list.md"
    long_heading = "H" * 600
    topic_text = "\n".join(f"A line of topic text number {n} that goes on." for n in range(600))
    source.write_text(
        f"# My List\n\n## Papers\n\n{topic_text}\n\n## {long_heading}\n\n"
        "- [x] A title with a nul\x00 byte inside, CVPR2018\n"
        "- [ ] A Perfectly Good Title, ICCV2019\n",
        encoding="utf-8",
    )

    result = run_curate("-C", tmp_path / "project", "import", source, "--allow-skips")

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert f"{source}:5: skipped: not kept in papers/list.yaml: description: text may be at most " \
        "20000 characters, got 27489" in lines
    assert f"{source}:606: skipped: not kept in papers/list.yaml: title: text may be at most 500 " \
        "characters, got 600" in lines
    assert any(line.startswith(f"{source}:608: skipped: not a valid paper: title:") for line in lines)
    assert run_curate("-C", tmp_path / "project", "validate").returncode == 0
    config = yaml.safe_load((tmp_path / "project" / "papers" / "list.yaml").read_text())
    assert [section["title"] for section in config["sections"]] == ["Papers", "H" * 119 + "…"]


def test_a_paper_written_twice_becomes_one_record_and_the_project_validates(tmp_path: Path):
    source = tmp_path / "list.md"
    source.write_text(
        "# My List\n\n## Methods\n\n- FickleNet: Weakly and Semi-supervised Semantic Image "
        "Segmentation, CVPR2019\n\n## Results\n\n| Method | val |\n| --- | --- |\n"
        "| FickleNet: Weakly and Semi-supervised Semantic Image Segmentation | 64.9 |\n"
        "| FNet | 60.1 |\n| FNet | 61.0 |\n",
        encoding="utf-8",
    )

    result = run_curate("-C", tmp_path / "project", "import", source)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("found 2 papers")
    assert run_curate("-C", tmp_path / "project", "validate").returncode == 0
