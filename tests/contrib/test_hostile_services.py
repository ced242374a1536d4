"""A service that answers too much, too slowly, too deeply or with markup cannot hurt `add`.

Each case runs against a real server on 127.0.0.1 that misbehaves on purpose: the command ends
with one clear message and exit 1 within about `timeout_seconds`, writes nothing, and never
holds more than the answer cap in memory. What a service says becomes plain record text:
no HTML, no control or bidirectional characters, and the record still validates.
"""

from __future__ import annotations

import gzip
import json
import signal
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from generator.lookup.answers import DeadlinePassed, within_seconds
from generator.lookup.config import ServicesConfig
from generator.lookup.http import HttpClient, LookupFailed
from tests.contrib.hostile_server import (
    Behaviour,
    HostileServer,
    compressed,
    deflated,
    dripping,
    endless_body,
    gzip_bomb,
    redirecting,
)
from tests.contrib.replay_server import REPLAY_DIR, SERVICE_VARIABLES

NOTHING_WRITTEN = (
    "curate add: to add it without the services: "
    "curate add IDENTIFIER --offline --title '...' --venue ID --year YYYY --topic ID\n"
    "curate add: nothing written\n"
)
ARXIV_QUERY = "/api/query?id_list=1902.10421&max_results=1"


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Behaviour], HostileServer]]:
    """Start a hostile server and point every service at it."""
    started: list[HostileServer] = []

    def start(behaviour: Behaviour) -> HostileServer:
        server = HostileServer(behaviour)
        started.append(server)
        for name in SERVICE_VARIABLES:
            monkeypatch.setenv(name, server.base_url)
        return server

    yield start
    for server in started:
        server.close()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb(3)


def add_ficklenet(curate, project: Path):  # type: ignore[no-untyped-def]
    return curate("-C", project, "add", "1902.10421", "--topic", "affinity")


def paper_names(project: Path) -> list[str]:
    return sorted(path.name for path in (project / "papers" / "papers").iterdir())


def too_large(server: HostileServer) -> str:
    return (
        f"curate add: arXiv sent more than 8 MB for {server.base_url}{ARXIV_QUERY}; "
        "that cannot be one paper's metadata, so it was not read\n" + NOTHING_WRITTEN
    )


@pytest.mark.parametrize("declared", [2_000_000_000, None], ids=["2 GB declared", "endless, undeclared"])
def test_a_huge_answer_is_refused_at_the_cap(project_without_ficklenet, hostile, curate, declared):
    server = hostile(endless_body(declared))
    before = paper_names(project_without_ficklenet)

    refused = add_ficklenet(curate, project_without_ficklenet)

    assert (refused.exit_code, refused.stdout, refused.stderr) == (1, "", too_large(server))
    assert paper_names(project_without_ficklenet) == before


def test_a_gzip_bomb_is_refused_once_unpacked_past_the_cap(project_without_ficklenet, hostile, curate, bomb):
    server = hostile(compressed(bomb, "gzip"))  # 2.9 MB that unpack to 3 GB
    tracemalloc.start()
    try:
        refused = add_ficklenet(curate, project_without_ficklenet)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (refused.exit_code, refused.stderr) == (1, too_large(server))
    assert peak < 60_000_000


@pytest.mark.parametrize("headers_too", [False, True], ids=["body drips", "headers drip"])
def test_a_slow_drip_ends_at_timeout_seconds(project_without_ficklenet, hostile, curate, headers_too):
    server = hostile(dripping(0.2, headers_too))  # a read never waits a second: no read timeout
    started = time.monotonic()

    refused = add_ficklenet(curate, project_without_ficklenet)

    took = time.monotonic() - started
    assert (refused.exit_code, refused.stderr) == (
        1,
        f"curate add: arXiv did not answer within 1 s ({server.base_url}{ARXIV_QUERY}); try again later\n"
        + NOTHING_WRITTEN,
    )
    assert took < 5  # timeout_seconds is 1; the server would drip for a minute


@pytest.mark.parametrize("closed", [False, True], ids=["unclosed", "closed"])
def test_json_nested_too_deeply_is_a_clear_message(project_without_stc, hostile, curate, closed):
    body = b"[" * 200_000 + (b"]" * 200_000 if closed else b"")
    hostile(compressed(body, "identity"))

    refused = curate("-C", project_without_stc, "add", "10.1109/TPAMI.2016.2636150", "--topic", "saliency")

    assert (refused.exit_code, refused.stderr) == (
        1,
        "curate add: Crossref sent an answer for 10.1109/TPAMI.2016.2636150 that cannot be read "
        "(lists or objects nested thousands of levels deep)\ncurate add: nothing written\n",
    )


def client() -> HttpClient:
    return HttpClient(ServicesConfig(cache_days=0, timeout_seconds=5), None, "curate/test")


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", lambda body: gzip_member(body)),
        ("gzip", lambda body: gzip_member(body[:100]) + gzip_member(body[100:])),  # two members
        ("deflate", lambda body: deflated(body, raw=False)),
        ("deflate", lambda body: deflated(body, raw=True)),
        ("identity", lambda body: body),
    ],
    ids=["gzip", "gzip in two members", "deflate", "raw deflate", "identity"],
)
def test_honest_compressed_answers_are_read_whole(hostile, encoding, packed):
    feed = (REPLAY_DIR / "arxiv" / "1902.10421.xml").read_bytes()
    server = hostile(compressed(packed(feed), encoding))

    answer = client().get("arxiv", f"{server.base_url}/api/query")

    assert answer.text == feed.decode("utf-8")


def gzip_member(body: bytes) -> bytes:
    return gzip.compress(body)


def test_an_unknown_compression_is_refused(hostile):
    server = hostile(compressed(b"\x1b\x00\x00", "br"))

    with pytest.raises(LookupFailed) as failure:
        client().get("arxiv", f"{server.base_url}/api/query")

    assert str(failure.value) == (
        f"arXiv sent its answer for {server.base_url}/api/query compressed as 'br', "
        "which curate does not unpack"
    )


HOSTILE_WORK = {
    "message": {
        "DOI": "10.1109/TPAMI.2016.2636150",
        "title": ["STC<script>alert(1)</script>: A Simple to Complex \u202eFramework\x1b[31m"],
        "author": [
            {"given": "\x1b]0;owned\x07Yunchao", "family": "Wei<img src=x onerror=alert(1)>"},
            {"given": "Xiaodan", "family": "Liang\u200f\x00"},
        ],
        "container-title": ["IEEE Transactions on <b>Pattern Analysis</b>"],
        "abstract": (
            "<jats:p>Recently, <img src=x onerror=alert(1)> &lt;script&gt;alert(2)&lt;/script&gt; "
            "DCNNs \u202eevil\u202c work\x07 well.<a href='javascript:alert(3)'>more</a> "
            "<iframe src=//x.invalid></jats:p>"
        ),
        "is-referenced-by-count": "12",
        "published-print": {"date-parts": [[2017, 11, 1]]},
    }
}


def test_markup_and_control_characters_from_a_service_never_reach_the_record(
    project_without_stc, services, curate
):
    services.expect_request("/works/10.1109/TPAMI.2016.2636150").respond_with_json(HOSTILE_WORK)
    services.expect_request("/graph/v1/paper/DOI:10.1109/TPAMI.2016.2636150").respond_with_data(
        "{}", status=404
    )

    added = curate("-C", project_without_stc, "add", "10.1109/TPAMI.2016.2636150", "--topic", "saliency")

    assert added.exit_code == 0, added.stderr
    written = project_without_stc / added.stdout.strip()
    record = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert record["title"] == "STCalert(1): A Simple to Complex Framework [31m"
    assert record["authors"] == ["]0;owned Yunchao Wei", "Xiaodan Liang"]
    assert record["abstract"] == "Recently, alert(2) DCNNs evil work well. more"
    assert "citations" not in record  # '12' is text, not a count
    text = written.read_text(encoding="utf-8")
    assert not any(character in text for character in "<>\x1b\x07\x00\u202e\u202c\u200f")
    assert curate("-C", project_without_stc, "validate").exit_code == 0


def test_a_count_that_is_no_count_is_dropped(project_without_stc, services, curate):
    work = json.loads(json.dumps(HOSTILE_WORK))
    work["message"]["is-referenced-by-count"] = 1e300
    services.expect_request("/works/10.1109/TPAMI.2016.2636150").respond_with_json(work)
    services.expect_request("/graph/v1/paper/DOI:10.1109/TPAMI.2016.2636150").respond_with_data(
        "{}", status=404
    )

    added = curate("-C", project_without_stc, "add", "10.1109/TPAMI.2016.2636150", "--topic", "saliency")

    assert added.exit_code == 0, added.stderr
    assert "citations" not in yaml.safe_load((project_without_stc / added.stdout.strip()).read_text())


FICKLENET = "papers/papers/ficklenet-cvpr2019.yaml"


def test_enrich_skips_a_paper_whose_answer_is_a_bomb(project, hostile, curate, bomb):
    server = hostile(compressed(bomb, "gzip"))
    before = (project / FICKLENET).read_text(encoding="utf-8")

    failed = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019")

    assert (failed.exit_code, failed.stdout) == (1, "")
    assert failed.stderr == (
        f"curate enrich: {FICKLENET}: arXiv sent more than 8 MB for {server.base_url}{ARXIV_QUERY}; "
        "that cannot be one paper's metadata, so it was not read; skipped\n"
        "curate enrich: filled 0 field(s) in 0 paper(s); 0 unchanged; 1 failed\n"
    )
    assert (project / FICKLENET).read_text(encoding="utf-8") == before


def test_enrich_stops_at_a_dripping_service_within_its_timeout(project, hostile, curate):
    server = hostile(dripping(0.2, headers_too=False))
    started = time.monotonic()

    failed = curate("-C", project, "enrich", "--only", "ficklenet-cvpr2019", "psa-cvpr2018")

    assert time.monotonic() - started < 5
    assert (failed.exit_code, failed.stdout) == (1, "")
    assert failed.stderr.startswith(
        f"curate enrich: {FICKLENET}: arXiv did not answer within 1 s ({server.base_url}{ARXIV_QUERY}); "
        "try again later; stopped, 1 paper(s) not tried\n"
    )


def test_the_request_deadline_hands_back_an_alarm_that_was_set_before():
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with within_seconds(5):
            pass
        time.sleep(0.6)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    assert fired == [signal.SIGALRM]


def test_the_request_deadline_interrupts_a_blocked_read():
    with pytest.raises(DeadlinePassed), within_seconds(0.2):
        time.sleep(3)


def test_a_redirect_body_is_never_read(hostile):
    feed = (REPLAY_DIR / "arxiv" / "1902.10421.xml").read_bytes()
    server = hostile(redirecting(feed, hops=3))
    tracemalloc.start()
    try:
        answer = client().get("arxiv", f"{server.base_url}/api/query")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert answer.text == feed.decode("utf-8")
    assert server.requests == ["/api/query", "/hop/1", "/hop/2", "/hop/3"]
    assert peak < 20_000_000


def test_endless_redirects_end_after_five(hostile):
    server = hostile(redirecting(b"", hops=-1))

    with pytest.raises(LookupFailed) as failure:
        client().get("arxiv", f"{server.base_url}/api/query")

    assert str(failure.value) == (
        f"arXiv redirected {server.base_url}/api/query more than 5 times; try again later"
    )
    assert len(server.requests) == 6


def billion_laughs() -> str:
    entities = "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    )
    return f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY lol0 "lol">{entities}]><feed>&lol9;</feed>'


def test_an_entity_bomb_from_arxiv_is_refused(project_without_ficklenet, services, curate):
    services.expect_request("/api/query").respond_with_data(
        billion_laughs(), content_type="application/atom+xml"
    )

    refused = add_ficklenet(curate, project_without_ficklenet)

    assert refused.exit_code == 1
    assert refused.stderr == (
        "curate add: arXiv sent XML that cannot be read (limit on input amplification factor "
        "(from DTD and entities) breached: line 1, column 758)\ncurate add: nothing written\n"
    )
