"""Which URLs are checked, and the file:line each one is reported at."""

from __future__ import annotations

from pathlib import Path

from generator.database.yamlsource import parse_record
from generator.linkcheck.collect import database_links, file_links
from generator.linkcheck.extract import urls_in_html, urls_in_markdown, urls_in_url_list
from generator.linkcheck.results import Location
from generator.linkcheck.settings import LinkCheckSettings

MARKDOWN = """\
# Links

See [the paper](https://example.org/paper.pdf), and <https://example.org/auto>.
A bare https://example.org/bare. And (https://example.org/in-parens).
[Wiki](https://en.wikipedia.org/wiki/Segmentation_(image_processing)) too.

```sh
curl http://localhost:8000/not-a-link
```

[ref]: https://example.org/reference "Title"
"""


def test_markdown_links_with_their_lines_leaving_out_code_blocks() -> None:
    assert list(urls_in_markdown(MARKDOWN)) == [
        (3, "https://example.org/paper.pdf"),
        (3, "https://example.org/auto"),
        (4, "https://example.org/bare"),
        (4, "https://example.org/in-parens"),
        (5, "https://en.wikipedia.org/wiki/Segmentation_(image_processing)"),
        (11, "https://example.org/reference"),
    ]


def test_html_links_from_href_and_src_with_their_lines() -> None:
    html = (
        '<html>\n<head><link rel="stylesheet" href="https://cdn.example.org/s.css"></head>\n'
        '<body>\n<a href="/relative/page">internal</a>\n'
        '<a href="https://example.org/a?x=1&amp;y=2">a</a> <img src="http://example.org/i.png">\n'
        '<a href="mailto:someone@example.org">mail</a>\n</body></html>\n'
    )
    assert list(urls_in_html(html)) == [
        (2, "https://cdn.example.org/s.css"),
        (5, "https://example.org/a?x=1&y=2"),
        (5, "http://example.org/i.png"),
    ]


def test_html_link_elements_about_the_page_itself_are_not_links_to_check() -> None:
    html = (
        '<head>\n<link rel="canonical" href="https://list.example/papers/new.html">\n'
        '<link rel="alternate" type="application/atom+xml" href="https://list.example/feed.xml">\n'
        '<link rel="preconnect" href="https://fonts.example">\n'
        '<link rel="dns-prefetch" href="https://cdn.example">\n'
        '<link rel="icon" href="https://list.example/favicon.png">\n</head>\n'
    )
    assert list(urls_in_html(html)) == [(6, "https://list.example/favicon.png")]


def test_a_url_list_keeps_malformed_urls_for_the_checker_to_report() -> None:
    text = "# links to check\n\nhttps://example.org/one\n  http://exa mple.org/  \nnot a url\n"
    assert list(urls_in_url_list(text)) == [
        (3, "https://example.org/one"),
        (4, "http://exa mple.org/"),
    ]


PAPER = b"""\
id: a-paper
title: A paper
links:
  url: https://example.org/paper.pdf
  arxiv: '1902.10421'
  doi: 10.1109/CVPR.2019.00536
  code:
  - url: https://github.com/someone/code
    framework: pytorch
notes: |-
  builds on [that work](https://example.org/that-work)
topics: [things]
added: 2019-10-01
results:
- leaderboard: voc
  values: {val: 1.0}
  url: https://github.com/someone/code
"""


class _Database:
    """Just the parts of a Database that collecting reads."""

    def __init__(self, *sources) -> None:
        self.sources = {("paper", source.data["id"]): source for source in sources}
        self.list_source = None


def test_database_urls_are_located_at_the_line_of_their_field() -> None:
    source = parse_record(PAPER, "papers/papers/a-paper.yaml")
    links = database_links(_Database(source), LinkCheckSettings())  # type: ignore[arg-type]
    where = "papers/papers/a-paper.yaml"
    assert links == {
        "https://example.org/paper.pdf": [Location(where, 4)],
        "https://arxiv.org/abs/1902.10421": [Location(where, 5)],
        "https://doi.org/10.1109/CVPR.2019.00536": [Location(where, 6)],
        "https://github.com/someone/code": [Location(where, 8), Location(where, 17)],
        "https://example.org/that-work": [Location(where, 10)],
    }


def test_only_the_files_asked_for_are_collected() -> None:
    source = parse_record(PAPER, "papers/papers/a-paper.yaml")
    database = _Database(source)
    assert database_links(database, LinkCheckSettings(), {"papers/papers/other.yaml"}) == {}  # type: ignore[arg-type]


def test_identifier_urls_come_from_the_config() -> None:
    source = parse_record(PAPER, "papers/papers/a-paper.yaml")
    config = LinkCheckSettings(arxiv_url="https://export.arxiv.org/abs/{id}v1")
    assert "https://export.arxiv.org/abs/1902.10421v1" in database_links(
        _Database(source), config)  # type: ignore[arg-type]


def test_a_folder_is_searched_for_pages(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("[a](https://example.org/a)\n")
    (tmp_path / "docs" / "page.html").write_text('\n<a href="https://example.org/a">a</a>\n')
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG https://example.org/not-read")
    assert file_links([tmp_path / "docs"], tmp_path) == {
        "https://example.org/a": [Location("docs/index.md", 1), Location("docs/page.html", 2)],
    }
