"""Issue 9, 'Script on the site': each reproduction, read on the corpus site where the vector sits
in every field that shows it (see corpus.py for where vector N goes)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.security.conftest import Corpus
from tests.security.corpus import LIST_TITLE
from tests.security.test_hostile_corpus import hazards
from tests.security.vectors import VECTORS
from tests.website.conftest import TINY_PAPERS, make_project

KEPT_ATTRIBUTES = {"class", "href", "rel", "title", "start", "style"}
"""What sanitized record HTML may carry (style: text-align of table cells only)."""


def number(vector: str) -> int:
    return VECTORS.index(vector) + 1


def record_markdown_places(index: int) -> dict[str, int]:
    """Page -> how many rendered Markdown fields of vector `index` it shows at least."""
    return {
        f"papers/v{index:03d}.html": 3,  # notes, abstract, result notes
        f"leaderboards/lb{index:03d}.html": 2,  # description, result notes in the table
        "implementations.html": 1,
        "resources.html": 1,
        "topics.html": 1,  # the section description
        f"topics/t{index:03d}.html": 1,  # the topic's description on its own page
    }


def rendered_fields(corpus: Corpus, index: int) -> list[tuple[str, BeautifulSoup]]:
    """(page, rendered Markdown field) for every field that holds vector `index`; fails when a
    page shows fewer of them than it should."""
    marker = re.compile(rf"alert\({index}\)")
    found = []
    for page, count in record_markdown_places(index).items():
        blocks = [block for block in corpus.html(page).select(".curate-md")
                  if block.find(string=marker)]
        assert len(blocks) >= count, page
        found.extend((page, block) for block in blocks)
    return found


ATTRIBUTE_LISTS = [
    '![x](https://x.invalid/a.png){: onerror="alert(57)" }',
    '[a](https://x.invalid/){: onclick="alert(58)" }',
    '[a](https://x.invalid/){: href="javascript:alert(59)" }',
    'para\n{: onclick="alert(60)" }',
    '# Heading {: onclick="alert(61)" }',
]


@pytest.mark.parametrize("vector", ATTRIBUTE_LISTS)
def test_an_attribute_list_in_any_markdown_field_stays_text(corpus, vector):
    for page, block in rendered_fields(corpus, number(vector)):
        attributes = {name for element in [block, *block.find_all(True)] for name in element.attrs}
        assert attributes <= KEPT_ATTRIBUTES, page
        assert "{: " in block.get_text() and "alert(" in block.get_text()
        links = [link.get("href") for link in block.find_all("a")]
        assert set(links) <= {"https://x.invalid/", "https://x.invalid/a.png"}


@pytest.mark.parametrize("vector", ['para\n{: onclick="alert(60)" }', '# Heading {: onclick="alert(61)" }'])
def test_a_heading_made_from_a_title_takes_no_attribute(corpus, vector):
    index = number(vector)
    title = " ".join(vector.splitlines())
    paper = corpus.html(f"papers/v{index:03d}.html").select_one("article h1")
    topics = corpus.html("topics.html")
    section = topics.find(id=f"s{index:03d}")
    group = [heading for heading in topics.select("article h3") if title in heading.get_text()]

    for heading, text in ((paper, f"(p{index}) {title}"), (section, f"(s{index}) {title}"),
                          (group[0], title)):
        assert set(heading.attrs) <= {"id"}
        assert heading.get_text().rstrip("¶") == text


@pytest.mark.parametrize("vector", [
    "`a\n\n<img src=x onerror=alert(70)>`", "\\<img src=x onerror=alert(71)>",
    "<img src=x onerror=alert(2)>",
])
def test_code_spans_escapes_and_raw_html_in_descriptions_stay_text(corpus, vector):
    index = number(vector)
    for _page, block in rendered_fields(corpus, index):
        assert block.find("img") is None
        assert f"<img src=x onerror=alert({index})>" in block.get_text()


def test_the_list_title_is_text_on_every_page(corpus):
    for page in corpus.pages():
        # The theme's header, or the stand-alone 404 page's own.
        header = corpus.html(page).select_one(".md-header__title") or corpus.html(page).header

        assert header.find("img") is None, page
        assert LIST_TITLE in header.get_text(), page
        assert hazards(header) == []


@pytest.mark.parametrize("vector", [
    "- item\n\n  [r]: javascript:alert(54)\n\n[ref][r]",
    "> quote\n>\n> [r]: javascript:alert(55)\n\n[ref][r]",
])
def test_a_nested_link_definition_to_a_script_links_nowhere(corpus, vector):
    for _page, block in rendered_fields(corpus, number(vector)):
        assert [link.get("href") for link in block.find_all("a")] == []
        assert "[ref][r]" in block.get_text()


NESTED_DEFINITIONS = """\
  description: |-
    - a list

      [r]: javascript:alert(1)

    > [q]: javascript:alert(2)

    [one][r] [two][q]
"""


def test_curate_build_with_nested_link_definitions_in_list_yaml_and_a_leaderboard(tmp_path):
    project = make_project(tmp_path / "project", TINY_PAPERS)
    list_file = project / "papers" / "list.yaml"
    text = list_file.read_text().replace("  description: Ways to learn masks from weak labels.\n",
                                          NESTED_DEFINITIONS)
    list_file.write_text(text)
    board = project / "papers" / "leaderboards" / "voc.yaml"
    board.write_text(board.read_text().replace("description: Scores <i>as reported</i>.",
                                               NESTED_DEFINITIONS.strip()))

    curate = Path(sys.executable).parent / "curate"
    result = subprocess.run([str(curate), "-C", str(project), "build"],
                            capture_output=True, text=True, check=False, timeout=300)

    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    for page in ("topics.html", "leaderboards/voc.html"):
        html = BeautifulSoup((project / "public" / page).read_text(), "html5lib")
        assert hazards(html) == []
        assert "[one][r] [two][q]" in html.get_text()
