"""`curate new DIR [--from LIST.md] [--title ...]`: a complete project that validates and builds
(a real `mkdocs build --strict` through `curate build`) with no hand edits."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from generator.newproject import template_files

LIST = """\
# Awesome Graph Learning

Papers on learning from graphs.

## Node classification

- [x] [Semi-Supervised Classification with Graph Convolutional Networks](\
https://arxiv.org/abs/1609.02907), ICLR2017
- [ ] GraphSAGE: Inductive Representation Learning on Large Graphs, NeurIPS2017 \
[[code]](https://github.com/williamleif/GraphSAGE)
"""


def test_a_new_project_has_every_file_a_list_needs(tmp_path: Path, curate):
    result = curate("-C", tmp_path, "new", "graphs", "--title", "Awesome Graph Learning")

    root = tmp_path / "graphs"
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"created {root} (17 files); next: curate -C {root} build\n"
    files = {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
    assert {
        "papers/list.yaml", "mkdocs.yml", "README.md", ".gitignore", ".pre-commit-config.yaml",
        "site/index.md", "site/about.md", "site/contributing.md", "site/overrides/main.html",
        ".github/workflows/deploy.yml", ".github/workflows/pull-request.yml",
        ".github/workflows/link-check.yml", ".github/actions/setup-curate/action.yml",
        ".github/PULL_REQUEST_TEMPLATE.md", ".github/ISSUE_TEMPLATE/suggest-a-paper.yml",
        ".ci/run", "papers/schema/paper.schema.json",
    } <= files
    assert {path.as_posix() for path in template_files()} <= files
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Awesome Graph Learning\n")
    assert "<!-- curate:readme:start -->" in readme and "<!-- curate:readme:end -->" in readme
    assert yaml.safe_load((root / "mkdocs.yml").read_text())["site_name"] == "Awesome Graph Learning"
    assert not any("__LIST_" in (root / path).read_text() for path in template_files())


def test_after_new_validate_readme_and_build_work_with_no_hand_edits(tmp_path: Path, curate):
    source = tmp_path / "graphs.md"
    source.write_text(LIST, encoding="utf-8")
    assert curate("-C", tmp_path, "new", "graphs", "--from", source, "--added", "2024-01-01").exit_code == 0
    root = tmp_path / "graphs"

    validated = curate("-C", root, "validate").stdout
    assert validated == "ok: 2 papers, 0 leaderboards, 0 implementations, 0 resources\n"
    assert curate("-C", root, "readme", "--check").exit_code == 0
    assert curate("-C", root, "schema", "--check").exit_code == 0
    built = curate("-C", root, "build")

    assert built.exit_code == 0, built.stderr
    home = BeautifulSoup((root / "public" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title is not None and "Awesome Graph Learning" in home.title.text
    pages = {path.name for path in (root / "public" / "papers").glob("*.html")}
    assert pages >= {"graphsage-nips2017.html", "semi-supervised-classification-iclr2017.html"}


def test_a_title_with_markup_is_refused_and_nothing_is_created(tmp_path: Path, curate):
    result = curate("-C", tmp_path, "new", "x", "--title", "Graphs <img src=x onerror=alert(1)>")

    assert result.exit_code == 2
    assert result.stderr.startswith("curate new: --title: HTML markup is not allowed here")
    assert not (tmp_path / "x").exists()


def test_an_existing_project_is_never_overwritten(tmp_path: Path, curate):
    assert curate("-C", tmp_path, "new", "graphs").exit_code == 0
    before = (tmp_path / "graphs" / "papers" / "list.yaml").read_text()

    again = curate("-C", tmp_path, "new", "graphs", "--title", "Other")

    assert again.exit_code == 2
    assert again.stderr.startswith(f"curate new: {tmp_path / 'graphs'}: already has ")
    assert (tmp_path / "graphs" / "papers" / "list.yaml").read_text() == before


def test_a_list_that_cannot_be_imported_creates_nothing(tmp_path: Path, curate):
    source = tmp_path / "list.md"
    source.write_text("# L\n\n## S\n\n```\ncode\n```\n", encoding="utf-8")

    result = curate("-C", tmp_path, "new", "x", "--from", source)

    assert result.exit_code == 1
    assert result.stderr == "curate new: nothing created\n"
    assert not (tmp_path / "x" / "mkdocs.yml").exists()
