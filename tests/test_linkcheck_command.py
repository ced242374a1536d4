"""`curate check-links` as a user runs it: on a project, on files, with each report format."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path

import pytest

from tests.conftest import CurateRun
from tests.link_server import LinkServer

LIST_YAML = """\
title: Test list
description: A list for the tests.
repo_url: {base}/ok
sections:
- id: main
  title: Main
  topics:
  - id: things
    title: Things
link_check:
  exclude:
  - pattern: /members-only/
    reason: needs a login
  arxiv_url: {base}/ok?arxiv={{id}}
  timeout: 2
  retries: 0
  arxiv_api_url: {base}/api/query?id_list={{id}}
  doi_api_url: {base}/api/handles/{{id}}
  wayback_url: {base}/wayback/available
"""

GOOD_PAPER = """\
id: good-paper
title: A good paper
links:
  url: {base}/ok
  arxiv: '1902.10421'
topics: [things]
added: 2019-10-01
"""

BAD_PAPER = """\
id: bad-paper
title: A paper whose links rotted
links:
  url: {base}/missing
  project: {base}/members-only/page
  code:
  - url: {base}/moved
notes: see [the old site]({base}/gone)
topics: [things]
added: 2019-10-01
"""

SITE_PAGE = "# About\n\nThe list lives at [its repository]({base}/ok).\n"


@pytest.fixture
def project(tmp_path: Path, server: LinkServer) -> Path:
    base = server.url("")
    (tmp_path / "papers" / "papers").mkdir(parents=True)
    (tmp_path / "site").mkdir()
    (tmp_path / "papers" / "list.yaml").write_text(LIST_YAML.format(base=base))
    (tmp_path / "papers" / "papers" / "good-paper.yaml").write_text(GOOD_PAPER.format(base=base))
    (tmp_path / "papers" / "papers" / "bad-paper.yaml").write_text(BAD_PAPER.format(base=base))
    (tmp_path / "site" / "about.md").write_text(SITE_PAGE.format(base=base))
    return tmp_path


def run_cli(curate: Callable[..., CurateRun], *argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `curate ARGV...`."""
    return astuple(curate(*argv))


def summary(output: str) -> str:
    return output.strip().splitlines()[-1]


def test_a_project_check_reports_each_problem_at_its_file_and_line(
    project: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    code, out, _ = run_cli(curate, "-C", str(project), "check-links", "--allow-private")
    base = server.url("")
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[:-1] == [
        f"papers/papers/bad-paper.yaml:4: broken: {base}/missing: 404 not found",
        f"papers/papers/bad-paper.yaml:8: broken: {base}/gone: 410 gone",
        f"papers/papers/bad-paper.yaml:7: redirected: {base}/moved: 200 moved: update to {base}/ok",
        "excluded 1: needs a login",
    ]
    assert lines[-1].startswith("checked 6 links in ")
    assert lines[-1].endswith(
        "cached): 2 ok, 1 redirected, 2 broken, 0 error, 0 blocked, 1 excluded")
    # /ok is written in three places and requested once, /moved lands on it too; the arXiv
    # link is asked of the arXiv API, not as a page.
    assert server.hits["/ok"] == 2
    assert server.hits["/api/query"] == 1
    assert server.hits["/members-only/page"] == 0


def test_json_report_lists_every_link_with_its_locations(
    project: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    code, out, _ = run_cli(
        curate, "-C", str(project), "check-links", "--allow-private", "--format", "json")
    report = json.loads(out)
    by_url = {link["url"]: link for link in report["links"]}
    ok = by_url[server.url("/ok")]
    assert code == 1
    assert (ok["verdict"], ok["status"], ok["final_url"]) == ("ok", 200, None)
    assert ok["locations"] == [
        {"path": "papers/list.yaml", "line": 3},
        {"path": "papers/papers/good-paper.yaml", "line": 4},
        {"path": "site/about.md", "line": 3},
    ]
    moved = by_url[server.url("/moved")]
    assert (moved["verdict"], moved["final_url"], moved["severity"]) == (
        "redirected", server.url("/ok"), "warning")
    assert by_url[server.url("/members-only/page")]["message"] == "needs a login"
    assert report["summary"]["broken"] == 2 and report["summary"]["links"] == 6
    # One link a line, so the report can be searched line by line too.
    link_lines = [line for line in out.splitlines() if line.lstrip().startswith('{"url": ')]
    assert [json.loads(line.rstrip(",")) for line in link_lines] == report["links"]


def test_github_format_annotates_the_record_line(
    project: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    _, out, _ = run_cli(
        curate, "-C", str(project), "check-links", "--allow-private", "--format", "github")
    base = server.url("")
    assert out.splitlines()[0] == (
        "::error file=papers/papers/bad-paper.yaml,line=4,title=broken link::"
        f"{base}/missing: 404 not found")
    assert out.splitlines()[2] == (
        "::warning file=papers/papers/bad-paper.yaml,line=7,title=redirected link::"
        f"{base}/moved: 200 moved: update to {base}/ok")


def test_markdown_format_is_an_issue_body(
    project: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    _, out, _ = run_cli(
        curate, "-C", str(project), "check-links", "--allow-private", "--format", "markdown")
    assert out.startswith("## Link check\n\n| verdict | links |\n|---|---:|\n| ok | 2 |\n")
    assert (f"| broken | <{server.url('/missing')}> | `papers/papers/bad-paper.yaml:4` "
            "| 404 not found |") in out


def test_strict_makes_warnings_fail(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"[moved]({server.url('/moved')})\n")
    common = ("-C", str(tmp_path), "check-links", "--allow-private", "--no-cache", str(page))
    assert run_cli(curate, *common)[0] == 0
    assert run_cli(curate, *common, "--strict")[0] == 1


def test_a_cached_rerun_makes_no_request(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    page = tmp_path / "README.md"
    page.write_text(f"- [a]({server.url('/ok')})\n- [b]({server.url('/page.html')})\n")
    cache = tmp_path / "links.json"
    argv = ("-C", str(tmp_path), "check-links", "--allow-private", "--cache", str(cache), str(page))
    assert run_cli(curate, *argv)[0] == 0
    hits = server.total_hits
    code, out, _ = run_cli(curate, *argv)
    assert code == 0
    assert server.total_hits == hits
    assert "(0 requests, 2 cached): 2 ok," in summary(out)
    code, out, _ = run_cli(curate, *argv, "--max-age", "0s")
    assert server.total_hits == hits + 2
    assert "(2 requests, 0 cached)" in summary(out)


def test_failures_are_checked_again_despite_the_cache(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(server.url("/missing") + "\n")
    argv = ("-C", str(tmp_path), "check-links", "--allow-private", "--cache",
            str(tmp_path / "c.json"), str(urls))
    run_cli(curate, *argv)
    run_cli(curate, *argv)
    assert server.hits["/missing"] == 4  # HEAD and GET, twice.


@pytest.mark.parametrize("content", ["{not json", '{"some": "other tool"}', "[1, 2]", "\xff\xfe"])
def test_a_corrupt_or_foreign_cache_is_ignored_with_a_warning(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun], content: str
) -> None:
    cache = tmp_path / "links.json"
    cache.write_text(content, encoding="latin-1")
    code, out, _ = run_cli(curate, "-C", str(tmp_path), "check-links", "--allow-private",
                           "--cache", str(cache), server.url("/ok"))
    assert code == 0
    assert f"{cache}: ignored, not a" in out.splitlines()[-2]
    assert json.loads(cache.read_text())["format"] == "curate-link-cache"


def test_inputs_can_be_html_url_lists_folders_and_urls(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    site = tmp_path / "public"
    site.mkdir()
    (site / "index.html").write_text(f'<p>\n<a href="{server.url("/gone")}">x</a></p>\n')
    (tmp_path / "urls.txt").write_text(f"# to check\n{server.url('/missing')}\n")
    code, out, _ = run_cli(
        curate, "-C", str(tmp_path), "check-links", "--allow-private", "--no-cache",
        str(site), str(tmp_path / "urls.txt"), server.url("/ok"))
    where = {line.split(": ")[0] for line in out.splitlines()[:-1]}
    assert code == 1
    assert where == {f"{site}/index.html:2", f"{tmp_path}/urls.txt:2"}
    assert summary(out).endswith("1 ok, 0 redirected, 2 broken, 0 error, 0 blocked, 0 excluded")


def test_credentials_in_urls_are_never_printed(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    url = f"http://someone:hunter2@127.0.0.1:{server.port}/missing"
    for output_format in ("text", "json", "github", "markdown"):
        _, out, err = run_cli(curate, "-C", str(tmp_path), "check-links", "--allow-private",
                              "--cache", str(tmp_path / "c.json"), "--format", output_format, url)
        assert "hunter2" not in out + err
        assert f"http://***@127.0.0.1:{server.port}/missing" in out
    assert "hunter2" not in (tmp_path / "c.json").read_text()


def test_without_allow_private_a_loopback_link_is_excluded_not_requested(
    tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    code, out, _ = run_cli(curate, "-C", str(tmp_path), "check-links", "--no-cache",
                           server.url("/ok"))
    assert code == 0
    assert out.splitlines()[0] == "excluded 1: private address"
    assert server.total_hits == 0


def test_changed_since_checks_only_records_changed_since_the_ref(
    project: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    def git(*arguments: str) -> None:
        subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "0")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "records")
    good = project / "papers" / "papers" / "good-paper.yaml"
    good.write_text(good.read_text().replace("/ok\n", "/page.html\n", 1))
    code, out, _ = run_cli(curate, "-C", str(project), "check-links", "--allow-private",
                           "--no-cache", "--changed-since", "HEAD", "--format", "json")
    checked = {link["url"] for link in json.loads(out)["links"]}
    assert code == 0
    assert checked == {server.url("/page.html"), server.url("/ok?arxiv=1902.10421")}


def test_a_bad_ref_or_missing_input_is_a_usage_error(
    project: Path, curate: Callable[..., CurateRun]
) -> None:
    code, _, err = run_cli(curate, "-C", str(project), "check-links", "--changed-since", "nope")
    assert code == 2 and err.startswith("curate check-links: git diff: ")
    code, _, err = run_cli(curate, "-C", str(project), "check-links", "missing.md")
    assert (code, err) == (2, "curate check-links: no such file or folder: missing.md\n")
    code, _, err = run_cli(curate, "-C", str(project), "check-links", "--max-age", "soon")
    assert code == 2 and "expected a duration such as '30m'" in err


def test_a_bad_link_check_setting_is_reported_at_its_line(
    project: Path, curate: Callable[..., CurateRun]
) -> None:
    list_file = project / "papers" / "list.yaml"
    list_file.write_text(list_file.read_text().replace("/members-only/", "(unclosed"))
    code, _, err = run_cli(curate, "-C", str(project), "check-links")
    assert code == 1
    assert err.startswith("papers/list.yaml:12: link_check.exclude[0].pattern: ")
    assert "not a valid regular expression" in err


def test_checking_given_files_needs_only_the_list_settings_not_a_valid_database(
    project: Path, server: LinkServer, curate: Callable[..., CurateRun]
) -> None:
    (project / "README.md").write_text(f"See [the members' page]({server.url('/members-only/x')}).\n")
    bad = project / "papers" / "papers" / "bad-paper.yaml"
    bad.write_text(bad.read_text().replace("added: 2019-10-01", "added: soon"))

    code, out, err = run_cli(curate, "-C", str(project), "check-links", "--allow-private",
                             "--no-cache", str(project / "README.md"))

    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "excluded 1: needs a login"  # the list's own exclude rule
    assert server.total_hits == 0

    list_file = project / "papers" / "list.yaml"
    list_file.write_text(list_file.read_text().replace("timeout: 2", "timeout: -2"))
    code, _, err = run_cli(curate, "-C", str(project), "check-links", str(project / "README.md"))
    assert code == 1
    assert err == ("papers/list.yaml:15: link_check.timeout: input should be greater than 0, got -2\n"
                   "curate: 1 problem found\n")


def test_checking_a_file_outside_a_project_loads_no_database_model_yaml_or_template(
    tmp_path: Path, server: LinkServer
) -> None:
    """Start-up is most of a small check's time: only the Markdown reader and the HTTP client
    are imported, not the database, its models, nor pydantic (the plain default settings)."""
    (tmp_path / "README.md").write_text(f"See [the page]({server.url('/ok')}).\n")
    probe = (
        "import sys; from generator.cli import main; "
        f"code = main(['-C', {str(tmp_path)!r}, 'check-links', '--allow-private', '--no-cache', "
        f"'--format', 'json', {str(tmp_path / 'README.md')!r}]); "
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('yaml', 'jinja2', 'rich', 'nh3', 'pydantic') or m.startswith(('generator.database', "
        "'generator.models.', 'generator.render', 'generator.views'))))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=tmp_path)

    assert result.stdout.splitlines()[-1] == "0 []"
    assert server.hits["/ok"] == 1
