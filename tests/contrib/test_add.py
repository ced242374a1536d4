"""`curate add`: one command turns an identifier into one valid record, or writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml
from werkzeug import Request, Response

from tests.conftest import REPO_ROOT
from tests.contrib.replay_server import REPLAY_DIR, register_replay

EXPECTED_DIR = Path(__file__).parent / "data" / "expected"
ARXIV_QUERY = {"id_list": "1902.10421", "max_results": "1"}
FICKLENET = "papers/papers/ficklenet-cvpr2019.yaml"
CVF_PAGE = (
    "https://openaccess.thecvf.com/content_CVPR_2019/html/Lee_FickleNet_Weakly_and_Semi-Supervised_"
    "Semantic_Image_Segmentation_Using_Stochastic_Inference_CVPR_2019_paper.html"
)


def paper_files(project: Path) -> list[str]:
    return sorted(path.name for path in (project / "papers" / "papers").glob("*.yaml"))


def expected_ficklenet() -> str:
    text = (EXPECTED_DIR / "ficklenet-cvpr2019.yaml").read_text(encoding="utf-8")
    return text.replace("{added}", dt.date.today().isoformat())


def test_an_arxiv_id_becomes_a_record_that_validates_and_exports(project_without_ficklenet, replay, curate):
    project = project_without_ficklenet

    added = curate("-C", project, "add", "1902.10421", "--topic", "affinity")

    assert (added.exit_code, added.stdout) == (0, f"{FICKLENET}\n")
    assert added.stderr == (
        "next: review the file, run 'curate validate' and 'curate readme', then open a pull request\n"
    )
    assert (project / FICKLENET).read_text(encoding="utf-8") == expected_ficklenet()
    validated = curate("-C", project, "validate")
    assert validated.exit_code == 0
    assert validated.stdout.startswith(f"ok: {len(paper_files(project))} papers, ")
    exported = curate("-C", project, "export")
    papers = {paper["id"]: paper for paper in json.loads(exported.stdout)["papers"]}
    assert (papers["ficklenet-cvpr2019"]["venue"], papers["ficklenet-cvpr2019"]["year"]) == (
        "CVPR",
        2019,
    )


@pytest.mark.parametrize(
    "identifier",
    [
        "arxiv:1902.10421v2",
        "https://arxiv.org/abs/1902.10421",
        "https://arxiv.org/pdf/1902.10421v2.pdf",
        "10.1109/CVPR.2019.00536",
        "doi:10.1109/CVPR.2019.00536",
        "https://doi.org/10.1109/CVPR.2019.00536",
        "https://www.semanticscholar.org/paper/FickleNet/6a2e0e4f2b1c9a5d8e7f3b4c1d0a9e8f7c6b5a4d",
    ],
)
def test_every_identifier_form_gives_the_same_record(project_without_ficklenet, replay, curate, identifier):
    added = curate("-C", project_without_ficklenet, "add", identifier, "--topic", "affinity")

    assert (added.exit_code, added.stdout) == (0, f"{FICKLENET}\n")
    assert (project_without_ficklenet / FICKLENET).read_text(encoding="utf-8") == expected_ficklenet()


def test_a_cvf_page_is_found_by_its_title_and_kept_as_the_main_link(
    project_without_ficklenet, replay, curate
):
    added = curate("-C", project_without_ficklenet, "add", CVF_PAGE, "--topic", "affinity")

    assert (added.exit_code, added.stdout) == (0, f"{FICKLENET}\n")
    expected = expected_ficklenet().replace("url: https://arxiv.org/abs/1902.10421", f"url: {CVF_PAGE}")
    assert (project_without_ficklenet / FICKLENET).read_text(encoding="utf-8") == expected


def test_a_paper_on_the_list_is_refused_naming_its_file_without_asking_anyone(project, services, curate):
    before = paper_files(project)

    refused = curate("-C", project, "add", "1902.10421", "--topic", "affinity")

    assert refused.exit_code == 1
    assert refused.stderr == (
        f"curate add: already on the list: {FICKLENET}:15 has the same arXiv id (1902.10421); "
        "edit that record (e.g. add a topic) instead of adding a new one\n"
        "curate add: nothing written\n"
    )
    assert services.log == []
    assert paper_files(project) == before


def test_a_duplicate_seen_only_after_the_look_up_is_refused(project, replay, curate):
    refused = curate("-C", project, "add", "10.1109/CVPR.2019.00536", "--topic", "affinity")

    assert refused.exit_code == 1
    assert refused.stderr == (
        f"curate add: already on the list: {FICKLENET}:3 has the same title (FickleNet: Weakly and "
        "Semi-supervised Semantic Image Segmentation using Stochastic Inference); "
        "edit that record (e.g. add a topic) instead of adding a new one\n"
        "curate add: nothing written\n"
    )


def test_a_venue_the_list_does_not_know_is_left_empty_with_a_note(project, replay, curate):
    added = curate("-C", project, "add", "2101.11253", "--topic", "localization", "--tag", "image-level")

    assert (added.exit_code, added.stdout) == (0, "papers/papers/puzzle-cam-2021.yaml\n")
    assert added.stderr.splitlines()[0] == (
        "note: venue 'IEEE International Conference on Image Processing' is not among the venues "
        "of "
        "papers/list.yaml (AAAI, BMVC, CVPR, ECCV, ICCV, ICLR, ICML, IJCAI, ISVC, KDD, NIPS, "
        "TPAMI, "
        "WACV, CVIU, Neurocomputing, arXiv, preprint); left empty: add it there (or as an alias of a "
        "venue) "
        "and set 'venue:' in the record"
    )
    record = yaml.safe_load((project / "papers/papers/puzzle-cam-2021.yaml").read_text(encoding="utf-8"))
    assert "venue" not in record
    assert (record["short_name"], record["year"], record["authors"]) == (
        "Puzzle-CAM",
        2021,
        ["Sanghyun Jo", "In-Jae Yu"],
    )
    assert record["links"] == {
        "url": "https://arxiv.org/abs/2101.11253",
        "arxiv": "2101.11253",
        "code": [{"url": "https://github.com/OFRIN/PuzzleCAM"}],
    }
    assert curate("-C", project, "validate").exit_code == 0


def test_a_doi_finds_the_journal_and_the_preprint(project_without_stc, replay, curate):
    project = project_without_stc
    added = curate("-C", project, "add", "https://doi.org/10.1109/TPAMI.2016.2636150", "--topic", "saliency")

    assert (added.exit_code, added.stdout) == (0, "papers/papers/stc-tpami2017.yaml\n")
    record = yaml.safe_load((project / "papers/papers/stc-tpami2017.yaml").read_text(encoding="utf-8"))
    assert (record["venue"], record["year"], record.get("kind", "paper")) == (
        "TPAMI",
        2017,
        "paper",
    )
    assert record["links"] == {
        "url": "https://arxiv.org/abs/1509.03150",
        "arxiv": "1509.03150",
        "doi": "10.1109/TPAMI.2016.2636150",
    }


def test_readable_ids_never_take_an_existing_file(project, replay, curate):
    other = (project / "papers/papers/webseg-arxiv2018.yaml").read_text(encoding="utf-8")
    (project / "papers/papers/puzzle-cam-2021.yaml").write_text(
        other.replace("id: webseg-arxiv2018", "id: puzzle-cam-2021"), encoding="utf-8"
    )

    added = curate("-C", project, "add", "2101.11253", "--topic", "localization")

    assert (added.exit_code, added.stdout) == (0, "papers/papers/puzzle-cam-2021-2.yaml\n")


def test_a_429_is_retried_after_its_retry_after(project_without_ficklenet, services, curate):
    services.expect_oneshot_request("/api/query", query_string=ARXIV_QUERY).respond_with_data(
        "Rate exceeded.", status=429, headers={"Retry-After": "1"}
    )
    register_replay(services)

    started = time.monotonic()
    added = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    assert time.monotonic() - started >= 1.0
    assert (added.exit_code, added.stdout) == (0, f"{FICKLENET}\n")
    assert [(request.path, response.status_code) for request, response in services.log][:2] == [
        ("/api/query", 429),
        ("/api/query", 200),
    ]


def test_a_429_asking_for_too_long_a_wait_gives_up_at_once(project_without_ficklenet, services, curate):
    services.expect_request("/api/query").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "600"}
    )

    refused = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == (
        "curate add: arXiv asks to wait 600 s (HTTP 429, Retry-After); more than "
        "max_retry_wait_seconds=5: try later"
    )
    assert len(services.log) == 1


def test_a_service_that_keeps_answering_429_is_given_up_after_max_retries(
    project_without_ficklenet, services, curate
):
    services.expect_request("/api/query").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "0"}
    )

    refused = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    url = services.url_for("/api/query?id_list=1902.10421&max_results=1")
    assert refused.stderr.splitlines()[0] == (
        f"curate add: arXiv still answers HTTP 429 TOO MANY REQUESTS after 3 retries for {url}; "
        "wait a while and try again"
    )
    assert len(services.log) == 4
    assert paper_files(project_without_ficklenet) == paper_files_before_ficklenet()


def paper_files_before_ficklenet() -> list[str]:
    root = Path(__file__).resolve().parents[2] / "papers" / "papers"
    return sorted(path.name for path in root.glob("*.yaml") if path.name != "ficklenet-cvpr2019.yaml")


def test_a_timeout_gives_a_clear_message_and_writes_nothing(project_without_ficklenet, services, curate):
    def too_slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response("late", status=200)

    services.expect_request("/api/query").respond_with_handler(too_slow)

    refused = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    url = services.url_for("/api/query?id_list=1902.10421&max_results=1")
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"curate add: arXiv did not answer within 1 s ({url}); try again later\n"
        "curate add: to add it without the services: "
        "curate add IDENTIFIER --offline --title '...' --venue ID --year YYYY --topic ID\n"
        "curate add: nothing written\n"
    )
    assert paper_files(project_without_ficklenet) == paper_files_before_ficklenet()


def test_a_server_error_gives_a_clear_message_and_writes_nothing(project_without_ficklenet, services, curate):
    services.expect_request("/api/query").respond_with_data("boom", status=500)

    refused = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    url = services.url_for("/api/query?id_list=1902.10421&max_results=1")
    assert refused.exit_code == 1
    assert refused.stderr.splitlines()[0] == (
        f"curate add: arXiv answered HTTP 500 INTERNAL SERVER ERROR for {url}; try again later"
    )
    assert paper_files(project_without_ficklenet) == paper_files_before_ficklenet()


def test_malformed_xml_gives_a_clear_message_and_writes_nothing(project_without_ficklenet, services, curate):
    truncated = (REPLAY_DIR / "arxiv" / "truncated.xml").read_text(encoding="utf-8")
    services.expect_request("/api/query").respond_with_data(truncated, content_type="application/atom+xml")

    refused = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    with pytest.raises(ElementTree.ParseError) as parse_error:
        ElementTree.fromstring(truncated)
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"curate add: arXiv sent XML that cannot be read ({parse_error.value})\ncurate add: nothing written\n"
    )
    assert paper_files(project_without_ficklenet) == paper_files_before_ficklenet()


def test_malformed_json_gives_a_clear_message_and_writes_nothing(project_without_ficklenet, services, curate):
    arxiv = (REPLAY_DIR / "arxiv" / "1902.10421.xml").read_bytes()
    services.expect_request("/api/query").respond_with_data(arxiv, content_type="application/atom+xml")
    services.expect_request("/graph/v1/paper/arXiv:1902.10421").respond_with_data(
        '{"title": "FickleNet', content_type="application/json"
    )

    refused = curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    assert refused.stderr == (
        "curate add: Semantic Scholar sent JSON for arXiv:1902.10421 that cannot be read "
        "(Unterminated string starting at: line 1 column 11 (char 10))\n"
        "curate add: nothing written\n"
    )
    assert paper_files(project_without_ficklenet) == paper_files_before_ficklenet()


def test_an_arxiv_id_arxiv_does_not_know_is_reported(project, services, curate):
    empty = (REPLAY_DIR / "arxiv" / "empty-feed.xml").read_bytes()
    services.expect_request("/api/query").respond_with_data(empty, content_type="application/atom+xml")

    refused = curate("-C", project, "add", "2499.99999", "--topic", "affinity")

    assert refused.stderr == "curate add: arXiv has no paper 2499.99999\ncurate add: nothing written\n"


def test_offline_writes_the_record_from_the_flags_with_no_server_at_all(project, monkeypatch, curate):
    for name in (
        "CURATE_ARXIV_URL",
        "CURATE_CROSSREF_URL",
        "CURATE_SEMANTIC_SCHOLAR_URL",
        "CURATE_GITHUB_API_URL",
    ):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # Nothing listens there: a request would fail.

    added = curate(
        "-C",
        project,
        "add",
        "https://arxiv.org/abs/2101.11253",
        "--offline",
        "--topic",
        "localization",
        "--title",
        "Puzzle-CAM: Improved localization via matching partial and full features",
        "--author",
        "Sanghyun Jo",
        "--author",
        "In-Jae Yu",
        "--venue",
        "neurips",
        "--year",
        "2021",
        "--code",
        "https://github.com/OFRIN/PuzzleCAM",
        "--to-read",
        "--tag",
        "image-level",
    )

    assert (added.exit_code, added.stdout) == (0, "papers/papers/puzzle-cam-nips2021.yaml\n")
    assert (
        (project / "papers/papers/puzzle-cam-nips2021.yaml").read_text(encoding="utf-8")
        == f"""\
# yaml-language-server: $schema=../schema/paper.schema.json
id: puzzle-cam-nips2021
title: 'Puzzle-CAM: Improved localization via matching partial and full features'
short_name: Puzzle-CAM
authors:
- Sanghyun Jo
- In-Jae Yu
venue: NIPS
year: 2021
links:
  url: https://arxiv.org/abs/2101.11253
  arxiv: '2101.11253'
  code:
  - url: https://github.com/OFRIN/PuzzleCAM
topics:
- localization
tags:
- image-level
status: to-read
added: {dt.date.today().isoformat()}
"""
    )
    assert curate("-C", project, "validate").exit_code == 0


def test_offline_without_a_title_says_what_to_pass(project, curate):
    refused = curate("-C", project, "add", "2101.11253", "--offline", "--topic", "localization")

    assert refused.stderr == (
        "curate add: no title: pass --title 'Full title of the paper'\ncurate add: nothing written\n"
    )


def test_an_unknown_topic_is_refused_before_anything_is_asked(project, services, curate):
    refused = curate("-C", project, "add", "2101.11253", "--topic", "afinity")

    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        "curate add: unknown topic 'afinity'; did you mean 'affinity'? (known: by-dataset, "
    )
    assert services.log == []


def test_a_paper_needs_a_topic(project, services, curate):
    refused = curate("-C", project, "add", "2101.11253")

    assert refused.stderr.startswith(
        "curate add: a paper needs at least one topic: pass --topic ID (known: by-dataset, "
    )


def test_answers_are_cached_on_disk_and_every_request_says_who_asks(project, replay, curate):
    first = curate("-C", project, "add", "2101.11253", "--topic", "localization", "--dry-run")
    requests_sent = len(replay.log)
    second = curate("-C", project, "add", "2101.11253", "--topic", "localization", "--dry-run")

    assert first.stdout == second.stdout
    assert first.stdout.startswith(
        "# yaml-language-server: $schema=../schema/paper.schema.json\nid: puzzle-cam-2021\n"
    )
    assert requests_sent == 2 and len(replay.log) == requests_sent
    assert {request.headers["User-Agent"] for request, _ in replay.log} == {
        "curate/0.1.0 (+https://github.com/curate-awesome/weakly-segmentation)"
    }
    assert not (project / "papers/papers/puzzle-cam-2021.yaml").exists()


def test_a_bad_service_url_in_the_environment_is_named(project, monkeypatch, curate):
    monkeypatch.setenv("CURATE_ARXIV_URL", "ftp://127.0.0.1/")

    refused = curate("-C", project, "add", "2101.11253", "--topic", "localization")

    assert refused.stderr == (
        "curate add: environment: CURATE_ARXIV_URL='ftp://127.0.0.1/': Value error, URL must start "
        "with http:// or https://, got 'ftp://127.0.0.1/'\ncurate add: nothing written\n"
    )


def test_markup_in_a_crossref_title_is_dropped(project_without_stc, services, curate):
    project = project_without_stc
    work = json.loads(
        (REPLAY_DIR / "crossref" / "10.1109_TPAMI.2016.2636150.json").read_text(encoding="utf-8")
    )
    work["message"]["title"] = [
        "<i>STC</i>: A Simple to Complex Framework for Weakly-Supervised Semantic Segmentation"
    ]
    services.expect_request("/works/10.1109/TPAMI.2016.2636150").respond_with_json(work)
    services.expect_request("/graph/v1/paper/DOI:10.1109/TPAMI.2016.2636150").respond_with_data(
        "", status=404
    )

    added = curate("-C", project, "add", "10.1109/TPAMI.2016.2636150", "--topic", "saliency", "--dry-run")

    assert added.exit_code == 0
    assert yaml.safe_load(added.stdout)["title"] == (
        "STC: A Simple to Complex Framework for Weakly-Supervised Semantic Segmentation"
    )
    assert (
        added.stderr
        == "note: Semantic Scholar has no paper DOI:10.1109/TPAMI.2016.2636150; going on without it\n"
    )


def test_an_openreview_forum_finds_venue_year_code_and_the_preprint(project, replay, curate):
    added = curate(
        "-C",
        project,
        "add",
        "https://openreview.net/forum?id=YicbFdNTTy",
        "--topic",
        "architecture",
        "--short-name",
        "ViT",
    )

    assert (added.exit_code, added.stdout) == (0, "papers/papers/vit-iclr2021.yaml\n")
    record = yaml.safe_load((project / "papers/papers/vit-iclr2021.yaml").read_text(encoding="utf-8"))
    assert (record["venue"], record["year"], len(record["authors"])) == ("ICLR", 2021, 12)
    assert record["links"] == {
        "url": "https://openreview.net/forum?id=YicbFdNTTy",
        "arxiv": "2010.11929",
        "code": [{"url": "https://github.com/google-research/vision_transformer"}],
    }
    assert curate("-C", project, "validate").exit_code == 0


def test_an_explicit_id_never_overwrites_a_file(project, curate):
    before = (project / FICKLENET).read_text(encoding="utf-8")

    refused = curate(
        "-C",
        project,
        "add",
        "--offline",
        "--title",
        "Another paper",
        "--topic",
        "affinity",
        "--id",
        "ficklenet-cvpr2019",
    )

    assert refused.stderr == (
        f"curate add: {FICKLENET} exists already; choose another --id\ncurate add: nothing written\n"
    )
    assert (project / FICKLENET).read_text(encoding="utf-8") == before


def test_the_site_builds_with_a_paper_added_by_curate_add(
    project_without_ficklenet, replay, curate, tmp_path
):
    # Needs the site (mkdocs.yml, site/, `curate build`) of the site work merged beside this one.
    for name in ("mkdocs.yml", "site"):
        source = REPO_ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project_without_ficklenet / name)
    curate("-C", project_without_ficklenet, "add", "1902.10421", "--topic", "affinity")

    built = curate("-C", project_without_ficklenet, "build", "-o", tmp_path / "public")

    assert built.exit_code == 0, built.stderr
    page = (tmp_path / "public" / "papers" / "ficklenet-cvpr2019.html").read_text(encoding="utf-8")
    assert (
        "FickleNet: Weakly and Semi-Supervised Semantic Image Segmentation Using Stochastic Inference" in page
    )


def test_offline_titles_in_other_alphabets_are_told_apart_and_a_repeat_is_refused(project, curate):
    def add(title: str):
        return curate("-C", project, "add", "--offline", "--topic", "affinity", "--title", title)

    assert add("α-Net: attention for segmentation").stdout == "papers/papers/net.yaml\n"
    assert add("β-Net: attention for segmentation").stdout == "papers/papers/net-2.yaml\n"

    repeated = add("Α-NET: Attention for Segmentation")  # upper-case alpha

    assert repeated.exit_code == 1
    assert repeated.stderr == (
        "curate add: already on the list: papers/papers/net.yaml:3 has the same title "
        "(α-Net: attention for segmentation); edit that record (e.g. add a topic) instead of "
        "adding a new one\ncurate add: nothing written\n"
    )


def test_offline_a_topic_given_twice_is_written_once(project, curate):
    added = curate(
        "-C", project, "add", "--offline", "--title", "Twice", "--topic", "affinity", "--topic", "affinity",
    )

    assert added.stdout == "papers/papers/twice.yaml\n"
    assert "topics:\n- affinity\nadded:" in (project / "papers/papers/twice.yaml").read_text()
    assert curate("-C", project, "validate").exit_code == 0


def test_offline_an_invalid_flag_is_explained_as_validate_would(project, curate):
    refused = curate(
        "-C", project, "add", "--offline", "--topic", "affinity", "--title", "   ", "--id", "Bad Id",
        "--code", "javascript:alert(1)",
    )

    assert refused.exit_code == 1
    assert refused.stderr == (
        "curate add: the record would not be valid (id: expected lower-case letters, digits, '-', "
        "'_' or '.' (such as 'dsrg-cvpr2018'), got 'Bad Id'; did you mean 'bad-id'?; "
        "title: must not be empty; "
        "links.code[0].url: URL must start with http:// or https://, got 'javascript:alert(1)'); "
        "set the field with its flag\ncurate add: nothing written\n"
    )
    assert not list((project / "papers" / "papers").glob("bad*"))


def test_offline_an_impossible_year_is_refused_not_dropped(project, curate):
    refused = curate(
        "-C", project, "add", "--offline", "--title", "Year zero", "--topic", "affinity", "--year", "0"
    )

    assert refused.exit_code == 1
    assert refused.stderr == (
        "curate add: the record would not be valid (year: year must be between 1950 and next year, "
        "got 0); set the field with its flag\ncurate add: nothing written\n"
    )


def test_offline_an_id_taken_by_a_yml_file_is_refused(project, curate):
    taken = project / "papers" / "papers" / "taken.yml"
    taken.write_text(
        "id: taken\ntitle: A record saved as .yml\ntopics: [affinity]\nadded: 2019-10-01\n", encoding="utf-8"
    )

    refused = curate(
        "-C", project, "add", "--offline", "--title", "Another paper", "--topic", "affinity", "--id", "taken"
    )

    assert refused.stderr == (
        "curate add: papers/papers/taken.yml exists already; choose another --id\n"
        "curate add: nothing written\n"
    )
    assert not (project / "papers" / "papers" / "taken.yaml").exists()
