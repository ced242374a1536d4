"""The fast YAML reader (generator/database/yamlsource.py) overrides parts of PyYAML's composer
and constructor: for every record it accepts, it must give exactly what `yaml.safe_load` gives.
Checked on every YAML file of the repository and on the synthetic set the benchmarks read."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from bench.synthetic import write_synthetic_project
from generator.database.yamlsource import SourceRecord, read_record
from tests.conftest import REPO_ROOT

BENCH_PAPERS = 1000
"""The smallest size `bench.load_validate` and `bench.site_build` measure."""


def repository_yaml_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", "*.yaml"], cwd=REPO_ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    return [REPO_ROOT / name for name in listed if name and "/papers/" in f"/{name}"]


def compare(paths: list[Path], root: Path) -> tuple[int, list[str]]:
    """How many files both readers read alike, and the files not compared: refused by one
    reader, or with keys PyYAML reads as other types."""
    read, not_compared = 0, []
    for path in paths:
        shown = path.relative_to(root).as_posix()
        ours = read_record(path, shown)
        try:
            theirs = yaml.safe_load(path.read_bytes())
        except (yaml.YAMLError, ValueError, RecursionError):  # e.g. a bad date, or 500 levels deep
            theirs = not_compared
        if not isinstance(ours, SourceRecord) or theirs is not_compared:
            not_compared.append(shown)
            continue
        if _has_key_that_is_not_text(theirs):
            # On purpose: the fast reader keeps keys as written ('yes:', 'null:'), so that an
            # unknown field is reported by the name the curator typed; PyYAML makes True/None.
            assert not _has_key_that_is_not_text(ours.data) and len(ours.data) == len(theirs), shown
            not_compared.append(shown)
            continue
        assert ours.data == theirs, shown
        read += 1
    return read, not_compared


def _has_key_that_is_not_text(data: object) -> bool:
    if isinstance(data, dict):
        return any(not isinstance(key, str) or _has_key_that_is_not_text(value)
                   for key, value in data.items())
    if isinstance(data, list):
        return any(_has_key_that_is_not_text(item) for item in data)
    return False


def test_the_fast_reader_gives_what_safe_load_gives_for_every_record_of_the_repository():
    paths = repository_yaml_files()
    read, refused = compare(paths, REPO_ROOT)
    assert read >= 100
    # Refused on purpose: files of the bad-records suite (duplicate keys, tabs, not UTF-8,
    # impossible dates...).
    assert [name for name in refused if not name.startswith("tests/bad_records/")] == []


@pytest.fixture(scope="module")
def bench_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_synthetic_project(tmp_path_factory.mktemp("bench"), BENCH_PAPERS)


def test_the_fast_reader_gives_what_safe_load_gives_for_every_record_of_the_synthetic_bench_set(bench_set):
    paths = sorted((bench_set / "papers").rglob("*.yaml"))
    read, refused = compare(paths, bench_set)
    assert refused == []
    assert read == len(paths) > BENCH_PAPERS
