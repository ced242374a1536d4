"""Serve the recorded service answers of `data/replay/` on 127.0.0.1, for tests and by hand.

    pip install -e '.[test]'      # it runs on pytest-httpserver, a test dependency
    python tests/contrib/replay_server.py [PORT]

prints the `export CURATE_..._URL=...` lines that point `curate add` / `curate enrich` at it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

try:
    from pytest_httpserver import HTTPServer
except ModuleNotFoundError:  # run by hand without the test extra: main() says what to install
    HTTPServer = None  # type: ignore[assignment,misc]

REPLAY_DIR = Path(__file__).parent / "data" / "replay"
CONTENT_TYPES = {".xml": "application/atom+xml; charset=utf-8", ".json": "application/json"}
SERVICE_VARIABLES = (
    "CURATE_ARXIV_URL",
    "CURATE_CROSSREF_URL",
    "CURATE_SEMANTIC_SCHOLAR_URL",
    "CURATE_GITHUB_API_URL",
    "CURATE_OPENREVIEW_URL",
)


def register_replay(server: HTTPServer) -> None:
    """Make `server` answer every recorded request listed in `data/replay/replay.yaml`."""
    for entry in yaml.safe_load((REPLAY_DIR / "replay.yaml").read_text(encoding="utf-8")):
        path = REPLAY_DIR / entry["file"]
        server.expect_request(entry["path"], query_string=entry.get("query")).respond_with_data(
            path.read_bytes(), content_type=CONTENT_TYPES[path.suffix]
        )


def main(argv: list[str]) -> None:
    if HTTPServer is None:
        sys.exit("replay_server.py needs pytest-httpserver, from the test extra: pip install -e '.[test]'")
    server = HTTPServer(host="127.0.0.1", port=int(argv[0]) if argv else 0)
    register_replay(server)
    server.start()
    base = server.url_for("/").rstrip("/")
    for name in SERVICE_VARIABLES:
        print(f"export {name}={base}", flush=True)
    try:
        server.server_thread.join()  # type: ignore[union-attr]
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
