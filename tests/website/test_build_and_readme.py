"""`mkdocs build` and `curate build` on a broken database, and `curate readme [--check]`."""

from __future__ import annotations

import re
from pathlib import Path

import cmarkgfm
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from tests.website.conftest import make_project, mkdocs_build

README_INTRO = "# My list project\n\nHow to build it: `curate build`.\n\n"
MARKERS = "<!-- curate:readme:start -->\n<!-- curate:readme:end -->\n"


def break_records(project: Path) -> None:
    """Two problems in two files: a year that is not a number, a topic that does not exist."""
    beta = project / "papers" / "papers" / "beta-eccv2018.yaml"
    beta.write_text(beta.read_text().replace("year: 2018", "year: soon"))
    gamma = project / "papers" / "papers" / "gamma-arxiv2021.yaml"
    gamma.write_text(gamma.read_text().replace("topics: [affinity]", "topics: [afinity]"))


def test_a_bad_record_stops_mkdocs_build_with_the_messages_of_curate_validate(tmp_path, curate):
    project = make_project(tmp_path / "project")
    break_records(project)

    validate = curate("-C", project, "validate")
    build = mkdocs_build(project, tmp_path / "public")

    problems = validate.stdout.splitlines()
    assert problems == [
        "papers/papers/beta-eccv2018.yaml:6: year: expected a whole number, got 'soon'",
        "papers/papers/gamma-arxiv2021.yaml:10: topics[0]: unknown topic 'afinity'; did you mean "
        "'affinity'? (known: cams, affinity, empty-topic, other)",
    ]
    assert build.returncode == 1
    assert "curate: 2 problems in the database:\n" + "\n".join(problems) + "\n" in build.stderr
    assert "Traceback" not in build.stderr


def test_curate_build_swaps_in_a_new_site_only_when_the_build_succeeds(tmp_path, curate):
    project = make_project(tmp_path / "project")
    output = tmp_path / "out"

    first = curate("-C", project, "build", "-o", output)
    assert first.exit_code == 0, first.stderr
    assert first.stdout == f"built {output}/ (open {output}/index.html in a browser; no server needed)\n"
    (output / "stamp.txt").write_text("the previous build")
    home = (output / "index.html").read_text()

    break_records(project)
    failed = curate("-C", project, "build", "-o", output)
    assert failed.exit_code == 1
    assert failed.stderr.startswith("curate: the site build failed")
    assert (output / "stamp.txt").read_text() == "the previous build"
    assert (output / "index.html").read_text() == home
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]  # no staging left

    (project / "papers" / "papers" / "gamma-arxiv2021.yaml").unlink()
    beta = project / "papers" / "papers" / "beta-eccv2018.yaml"
    beta.write_text(beta.read_text().replace("year: soon", "year: 2018"))
    rebuilt = curate("-C", project, "build", "-o", output)
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert not (output / "stamp.txt").exists()
    assert not (output / "papers" / "gamma-arxiv2021.html").exists()
    assert (output / "papers" / "beta-eccv2018.html").is_file()


def test_curate_readme_writes_the_list_between_the_markers_and_keeps_the_rest(tmp_path, curate):
    project = make_project(tmp_path / "project")
    readme = project / "README.md"
    readme.write_text(README_INTRO + MARKERS + "\nWritten by hand after the list.\n")

    assert curate("-C", project, "readme").exit_code == 0

    text = readme.read_text()
    assert text.startswith(README_INTRO + "<!-- curate:readme:start -->\n## Tiny \\& \\*List\\*\n")
    assert text.endswith("<!-- curate:readme:end -->\n\nWritten by hand after the list.\n")
    assert curate("-C", project, "readme", "--check").exit_code == 0


def test_curate_readme_check_fails_on_a_stale_readme_and_writes_nothing(tmp_path, curate):
    project = make_project(tmp_path / "project")
    readme = project / "README.md"
    readme.write_text(README_INTRO + MARKERS)
    curate("-C", project, "readme")
    delta = project / "papers" / "papers" / "delta-tpami2019.yaml"
    delta.write_text(delta.read_text().replace("status: read", "status: to-read"))
    before = readme.read_text()

    result = curate("-C", project, "readme", "--check")

    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (  # after the diff (tests/contrib/test_readme_guard.py)
        "README.md: out of date; run 'curate readme' and commit the result"
    )
    assert readme.read_text() == before


def test_readme_lists_leaderboards_years_topics_with_checkboxes_code_and_resources(tmp_path, curate):
    project = make_project(tmp_path / "project")
    (project / "README.md").write_text(README_INTRO)

    curate("-C", project, "readme")

    text = (project / "README.md").read_text()
    lines = text.splitlines()
    assert text.startswith(README_INTRO.rstrip("\n") + "\n\n<!-- curate:readme:start -->\n")
    assert ("| 1 | [Gamma (ours)](https://arxiv.org/abs/2101.00002)<sub>arXiv 2021</sub> "
            "| **72.25** |  |  |  |") in lines
    assert "#### 2021" in lines and lines.index("#### 2021") < lines.index("#### 2017")
    cams = lines[lines.index("#### Class activation maps"):lines.index("#### Published: Affinity")]
    assert [line[:6] for line in cams if line.startswith("- ")] == ["- [x] ", "- [x] ", "- [ ] "]
    assert "2 of 3 read." in cams
    assert "Leaderboards: [VOC \\& friends](#voc--friends)." in cams
    assert "#### VOC \\& friends" in lines
    assert "- [Gamma Rays of Attention](https://arxiv.org/abs/2101.00002) **Gamma** *arXiv 2021*" in lines
    assert "- SEC: [SEC original](https://github.com/example/sec)" in lines
    assert any(line.startswith("- Weak Supervision Tutorial: 1 \\< 2 \\& 3 \\> 2 *CVPR 2018* [[part 1]]")
               for line in lines)
    assert "- [Class activation maps](#class-activation-maps)" in text


def test_readme_shows_record_text_as_text(tmp_path, curate):
    project = make_project(tmp_path / "project")
    (project / "README.md").write_text(README_INTRO)

    curate("-C", project, "readme")

    text = (project / "README.md").read_text()
    assert re.search(r"(?<![\\`])<(script|img|b)\b", text) is None
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    shown = BeautifulSoup(html, "html5lib")
    assert shown.find_all(["script", "img", "b"]) == []
    assert "<script>alert(1)</script>" in shown.get_text()
    assert "[bad](javascript:alert(3))" in shown.get_text()
    assert "[Alpha \\& Beta \\| \\*Stars\\* \\[v2\\] \\< 1 \\`tick\\` \\_under\\_ \\#hash]" in text


def test_curate_readme_refuses_a_readme_with_broken_markers(tmp_path, curate):
    project = make_project(tmp_path / "project")
    (project / "README.md").write_text(README_INTRO + "<!-- curate:readme:end -->\n")

    result = curate("-C", project, "readme")

    assert result.exit_code == 2
    assert "must hold exactly one '<!-- curate:readme:start -->' line" in result.stderr


def test_the_committed_readme_is_fresh(curate):
    from tests.conftest import REPO_ROOT

    assert curate("-C", REPO_ROOT, "readme", "--check").exit_code == 0


def test_a_template_in_the_project_overrides_the_packaged_one(tmp_path):
    project = make_project(tmp_path / "project")
    override = project / "templates" / "site" / "tags.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("# Labels\n\nOur own words about {{ tag_groups|length }} tag group.\n\n"
                        "<!-- material/tags -->\n")

    assert mkdocs_build(project, tmp_path / "public").returncode == 0

    page = (tmp_path / "public" / "tags.html").read_text()
    assert "Our own words about 1 tag group." in page


def test_a_project_keeping_the_markdown_paper_template_of_earlier_versions_still_uses_it(tmp_path):
    # Paper pages are now written as HTML (site/paper.html.j2); an override of the Markdown
    # template they had before keeps working, through MkDocs' Markdown pass.
    project = make_project(tmp_path / "project")
    override = project / "templates" / "site" / "paper.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("# {{ page.ref.title }}\n\nRead *{{ page.ref.id }}* with care.\n")

    assert mkdocs_build(project, tmp_path / "public").returncode == 0

    page = (tmp_path / "public" / "papers" / "beta-eccv2018.html").read_text()
    assert "Read <em>beta-eccv2018</em> with care." in page


def test_a_hand_written_page_in_the_place_of_a_generated_one_stops_the_build(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "site" / "topics.md").write_text("# My topics\n")

    build = mkdocs_build(project, tmp_path / "public")

    assert build.returncode == 1
    assert "site/topics.md is hand-written but curate generates that page" in build.stderr


def test_readme_links_count_the_hand_written_headings_above_the_list_as_github_does(
        tmp_path, curate):
    project = make_project(tmp_path / "project")
    readme = project / "README.md"
    readme.write_text(
        "# My list project\n\n## Leaderboards\n\nHow we rank.\n\n```sh\n# VOC & friends\n```\n\n"
        "### VOC & friends\n\nOur own notes.\n\n## Resources\n\n" + MARKERS)

    curate("-C", project, "readme")

    lines = readme.read_text().splitlines()
    assert "- [Leaderboards](#leaderboards-1)" in lines
    assert "  - [VOC \\& friends](#voc--friends-1)" in lines
    assert "Leaderboards: [VOC \\& friends](#voc--friends-1)." in lines
    assert "- [Resources](#resources-1)" in lines
    assert "- [Papers by year](#papers-by-year)" in lines


def test_a_home_page_written_without_the_marker_still_gets_the_counts_and_indices(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "site" / "index.md").write_text("# Our list\n\nWritten by hand, no marker.\n")

    assert mkdocs_build(project, tmp_path / "public").returncode == 0

    home = (tmp_path / "public" / "index.html").read_text()
    assert home.index("Written by hand, no marker.") < home.index('class="grid cards curate-counts"')
    assert 'href="years.html">Papers by year</a>' in home
