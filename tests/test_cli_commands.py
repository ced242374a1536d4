"""`curate validate`, `export` and `schema` on clean projects, and their output formats."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


def test_validate_passes_on_the_real_database(curate):
    result = curate("-C", REPO_ROOT, "validate")

    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("ok: ")


def test_validate_reports_counts_on_a_clean_project(minimal_project, curate):
    result = curate("-C", minimal_project, "validate")

    assert result.exit_code == 0
    assert result.stdout == "ok: 2 papers, 1 leaderboard, 1 implementation, 1 resource\n"


def test_validate_finds_the_project_from_a_subfolder(minimal_project, monkeypatch, curate):
    monkeypatch.chdir(minimal_project / "papers" / "papers")

    assert curate("validate").exit_code == 0


def test_outside_a_project_validate_explains_and_exits_2(tmp_path, curate):
    result = curate("-C", tmp_path, "validate")

    assert result.exit_code == 2
    assert result.stderr == (
        f"curate: no papers/list.yaml in {tmp_path.resolve()} or any parent folder; "
        "run this inside a list project (or pass -C DIR)\n"
    )


def break_a_paper(project: Path) -> None:
    paper = project / "papers" / "papers" / "dcsp.yaml"
    paper.write_text(paper.read_text().replace("year: 2017", "year: soon, maybe"))


def test_github_format_annotates_the_offending_line(minimal_project, curate):
    break_a_paper(minimal_project)

    result = curate("-C", minimal_project, "validate", "--format", "github")

    assert result.exit_code == 1
    assert result.stdout == (
        "::error file=papers/papers/dcsp.yaml,line=6,title=year::"
        "expected a whole number, got 'soon, maybe'\n"
    )


def test_json_format_lists_problems_as_objects(minimal_project, curate):
    break_a_paper(minimal_project)

    result = curate("-C", minimal_project, "validate", "--format", "json")

    assert json.loads(result.stdout) == [{
        "path": "papers/papers/dcsp.yaml", "line": 6, "field": "year",
        "message": "expected a whole number, got 'soon, maybe'", "severity": "error",
    }]


def test_json_format_prints_an_empty_list_when_clean(minimal_project, curate):
    result = curate("-C", minimal_project, "validate", "--format", "json")

    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_export_holds_papers_leaderboards_with_rows_and_the_taxonomy(minimal_project, curate):
    result = curate("-C", minimal_project, "export")

    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [paper["id"] for paper in document["papers"]] == ["dcsp", "psa"]
    psa = document["papers"][1]
    assert psa["links"] == {
        "url": "https://github.com/jiwoon-ahn/psa", "arxiv": "1803.10464", "doi": None,
        "code": [], "project": None, "other": [],
    }
    assert (psa["venue"], psa["year"], psa["status"], psa["topics"]) == ("CVPR", 2018, "read", ["affinity"])
    assert document["leaderboards"][0]["results"] == [{
        "paper": "psa", "values": {"val": 61.7, "test": 63.7}, "method": None, "url": None,
        "backbone": None, "extra_data": None, "supervision": None, "source": None, "highlight": False,
        "notes": None,
    }]
    assert [topic["id"] for topic in document["taxonomy"][0]["topics"]] == ["affinity", "saliency"]
    assert document["implementations"][0]["paper"] == "psa"
    assert document["resources"][0]["kind"] == "tutorial"


def test_export_refuses_an_invalid_database(minimal_project, curate):
    break_a_paper(minimal_project)

    result = curate("-C", minimal_project, "export")

    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "papers/papers/dcsp.yaml:6: year: expected a whole number, got 'soon, maybe'\n"
        "curate: 1 problem found\n"
    )


def test_export_writes_a_file(minimal_project, curate):
    target = minimal_project / "out" / "papers.json"

    assert curate("-C", minimal_project, "export", "-o", target).exit_code == 0
    assert json.loads(target.read_text())["format_version"] == 1


def test_schema_writes_one_file_per_kind_with_field_descriptions(minimal_project, curate):
    result = curate("-C", minimal_project, "schema")

    schema_dir = minimal_project / "papers" / "schema"
    assert sorted(path.name for path in schema_dir.iterdir()) == [
        "implementation.schema.json", "leaderboard.schema.json", "list.schema.json",
        "paper.schema.json", "resource.schema.json",
    ]
    paper = json.loads((schema_dir / "paper.schema.json").read_text())
    assert paper["properties"]["short_name"]["description"] == "Name used in tables, e.g. 'DSRG'."
    assert paper["additionalProperties"] is False
    assert result.exit_code == 0
    assert curate("-C", minimal_project, "schema", "--check").exit_code == 0


def test_committed_schemas_match_the_models(curate):
    result = curate("-C", REPO_ROOT, "schema", "--check")

    assert (result.exit_code, result.stdout) == (0, "")


def test_every_record_file_points_editors_at_its_schema():
    records = sorted((REPO_ROOT / "papers").glob("*/*.yaml"))
    first_lines = {path.parent.name: path.read_text().splitlines()[0] for path in records}

    assert records
    for folder, first_line in first_lines.items():
        kind = folder.removesuffix("s")
        assert first_line == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"


def test_console_script_prints_help_a_newcomer_can_follow():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--help"],
        capture_output=True, text=True, check=True,
    )

    assert "Exit 0 when clean, 1 when any problem is found." in " ".join(result.stdout.split())


def test_one_verb_imports_only_its_own_command_module():
    probe = (
        "import sys; from generator.cli import main; "
        f"code = main(['-C', {str(REPO_ROOT)!r}, 'validate']); "
        "print(sorted(m for m in sys.modules if m.startswith('generator.commands.')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)

    assert result.stdout.splitlines()[-1] == (
        "['generator.commands.common', 'generator.commands.validate_command']"
    )


def test_a_reader_closing_the_pipe_early_is_not_a_traceback():
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "-C", str(REPO_ROOT), "export"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    process.stdout.close()  # the reader is gone before curate writes anything (as `| head` does)
    stderr = process.stderr.read()
    process.stderr.close()

    assert (process.wait(), stderr) == (141, "")


def test_export_to_a_folder_is_a_one_line_error_and_writes_nothing(minimal_project, curate):
    result = curate("-C", minimal_project, "export", "-o", minimal_project)

    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"curate: {minimal_project}: is a folder, not a file\n"
    assert not [path for path in minimal_project.parent.rglob("*.tmp")]


def test_a_record_folder_that_is_a_file_is_reported(minimal_project, curate):
    shutil.rmtree(minimal_project / "papers" / "resources")
    (minimal_project / "papers" / "resources").write_text("oops\n")

    result = curate("-C", minimal_project, "validate")

    assert result.exit_code == 1
    assert result.stdout == (
        "papers/resources: expected a folder of resource records, found a file; delete or rename it\n"
    )
