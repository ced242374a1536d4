"""`curate import LIST.md [--allow-skips] [--force]` on the source list and on projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.completeness import SOURCE_LIST, missing_entries
from tests.conftest import REPO_ROOT

FOUND = (
    "found 108 papers (36 read, 49 to read, 23 not tracked), 1 leaderboard with 15 rows, "
    "17 implementations, 6 resources, 29 topics, 54 URLs"
)


def files_of(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*.yaml"))}


@pytest.fixture
def imported(tmp_path: Path, curate) -> Path:
    """The source list imported into an empty folder."""
    assert curate("-C", tmp_path, "import", SOURCE_LIST, "--added", "2019-10-01").exit_code == 0
    return tmp_path


def test_the_source_list_imports_into_an_empty_folder_with_no_line_skipped(tmp_path, curate):
    result = curate("-C", tmp_path, "import", SOURCE_LIST, "--added", "2019-10-01")

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        FOUND,
        "wrote 133 files (papers/list.yaml, papers/papers/dsrg-cvpr2018.yaml, "
        "papers/papers/psa-cvpr2018.yaml, ...); kept 0 existing records",
        "skipped 0 lines",
    ]
    assert curate("-C", tmp_path, "validate").exit_code == 0
    assert sorted(path.name for path in (tmp_path / "papers" / "schema").iterdir()) == [
        "implementation.schema.json",
        "leaderboard.schema.json",
        "list.schema.json",
        "paper.schema.json",
        "resource.schema.json",
    ]


def test_the_raw_import_already_holds_every_entry_url_and_checkbox(imported: Path):
    assert missing_entries(SOURCE_LIST, imported, attribute_headings={"ICCV2019", "CVPR2019"}) == []


def test_a_rerun_writes_nothing(imported: Path, curate):
    before = files_of(imported)
    result = curate("-C", imported, "import", SOURCE_LIST)

    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "wrote 0 files; kept 132 existing records",
        "skipped 0 lines",
    ]
    assert files_of(imported) == before


def test_importing_into_the_curated_seed_database_changes_nothing(tmp_path: Path, curate):
    shutil.copytree(REPO_ROOT / "papers", tmp_path / "papers")
    before = files_of(tmp_path)
    result = curate("-C", tmp_path, "import", SOURCE_LIST)

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        FOUND,
        "wrote 0 files; kept 132 existing records",
        "skipped 0 lines",
    ]
    assert files_of(tmp_path) == before


def test_an_edited_record_is_kept_unless_force(imported: Path, curate):
    record = imported / "papers" / "papers" / "stc-tpami2017.yaml"
    original = record.read_text()
    record.write_text(original.replace("status: read", "status: to-read"))

    curate("-C", imported, "import", SOURCE_LIST)
    assert "status: to-read" in record.read_text()
    forced = curate("-C", imported, "import", SOURCE_LIST, "--force", "--added", "2019-10-01")

    assert record.read_text() == original
    assert forced.stdout.splitlines()[-2] == (
        "wrote 132 files (papers/papers/dsrg-cvpr2018.yaml, papers/papers/psa-cvpr2018.yaml, "
        "papers/papers/mdc-cvpr2018.yaml, ...); replaced 132 existing records"
    )


def test_a_heading_the_project_has_no_topic_for_is_reported(imported: Path, curate):
    more = imported / "more.md"
    more.write_text(
        "# Weakly-Segmentation\n\n## Reading List\n#### graph\n"
        "- [ ] Associating Inter-Image Salient Instances for Weakly Supervised Semantic "
        "Segmentation: ECCV2018\n\n#### brand new\n- [ ] DeepLab Revisited: A New Paper, CVPR2030\n"
    )
    result = curate("-C", imported, "import", more)

    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{more}:7: skipped: heading 'brand new' has no topic in papers/list.yaml; "
        "add one (id: brand-new) or import into an empty folder",
        f"{more}:8: skipped: paper not written: its heading has no topic",
    ]
    assert not list((imported / "papers" / "papers").glob("deeplab-revisited*"))


def test_a_missing_list_file_is_a_usage_error(tmp_path: Path, curate):
    result = curate("-C", tmp_path, "import", tmp_path / "nope.md")

    assert result.exit_code == 2
    assert result.stderr == f"curate: {tmp_path / 'nope.md'}: no such file\n"


def test_a_list_that_is_not_utf8_is_a_usage_error(tmp_path: Path, curate):
    source = tmp_path / "list.md"
    source.write_bytes(b"# Title\n- \xff\xfe paper\n")
    result = curate("-C", tmp_path, "import", source)

    assert result.exit_code == 2
    assert result.stderr == (
        f"curate: {source}: not UTF-8 text (invalid start byte at byte 10); save the list as UTF-8\n"
    )
    assert not (tmp_path / "papers").exists()


def test_a_folder_given_as_the_list_is_a_usage_error(tmp_path: Path, curate):
    result = curate("-C", tmp_path, "import", tmp_path)

    assert result.exit_code == 2
    assert result.stderr == f"curate: {tmp_path}: is a folder; give the Markdown file\n"


def test_a_byte_order_mark_does_not_hide_the_list_title(tmp_path: Path, curate):
    source = tmp_path / "windows.md"
    source.write_bytes(
        "\ufeff# My List\r\n\r\n## Papers\r\n\r\n- [x] [A Paper](https://x.org/a) CVPR2018\r\n".encode()
    )

    assert curate("-C", tmp_path, "import", source).exit_code == 0
    assert "title: My List\n" in (tmp_path / "papers" / "list.yaml").read_text()
    assert curate("-C", tmp_path, "validate").exit_code == 0


def test_titles_that_differ_only_in_non_latin_letters_stay_two_papers(tmp_path: Path, curate):
    source = tmp_path / "greek.md"
    source.write_text(
        "# Greek\n\n## Papers\n\n- [ ] [α-Net](https://x.org/alpha)\n- [ ] [β-Net](https://x.org/beta)\n",
        encoding="utf-8",
    )

    result = curate("-C", tmp_path, "import", source)

    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("found 2 papers (0 read, 2 to read, 0 not tracked)")
    records = [yaml.safe_load(path.read_text()) for path in (tmp_path / "papers" / "papers").glob("*.yaml")]
    titles = sorted(record["title"] for record in records)
    assert titles == ["α-Net", "β-Net"]


def test_a_file_that_cannot_be_written_stops_the_import_before_any_is(tmp_path: Path, curate):
    source = tmp_path / "list.md"
    source.write_text("# My List\n\n## Papers\n\n- [x] [A Paper](https://x.org/a) CVPR2018\n")
    project = tmp_path / "project"
    blocker = project / "papers" / "papers" / "paper-cvpr2018.yaml"
    blocker.mkdir(parents=True)

    result = curate("-C", project, "import", source)

    assert result.exit_code == 1
    assert result.stderr == f"curate: {blocker}: is a folder, not a file\n"
    assert sorted(path.relative_to(project).as_posix() for path in project.rglob("*")) == [
        "papers", "papers/papers", "papers/papers/paper-cvpr2018.yaml",
    ]
