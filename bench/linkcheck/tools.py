"""How to run each link checker on a Markdown or HTML file, and read what it said.

Every reader returns {URL as written: outcome}, outcome one of 'ok', 'warn', 'fail'.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "bench" / ".tools"
BIN = TOOLS / "node_modules" / ".bin"
TIMEOUT_SECONDS = 2


@dataclass(frozen=True)
class Tool:
    name: str
    input_suffix: str
    """'.md' or '.html': the input format the tool reads best."""

    program: ClassVar[Path] = Path()

    def available(self) -> bool:
        return self.program.exists()

    def command(self, input_file: Path, cache: Path | None = None) -> list[str]:
        raise NotImplementedError

    def outcomes(self, stdout: str, input_file: Path) -> dict[str, str]:
        raise NotImplementedError


class Ours(Tool):
    """`curate` of the Python running the bench, as a user runs it (its console script)."""

    program = Path(sys.executable).parent / "curate"

    def command(self, input_file: Path, cache: Path | None = None) -> list[str]:
        return [
            str(self.program), "-C", str(input_file.parent), "check-links",
            "--allow-private", "--format", "json", "--timeout", str(TIMEOUT_SECONDS),
            *(["--cache", str(cache)] if cache else ["--no-cache"]), str(input_file),
        ]

    def outcomes(self, stdout: str, input_file: Path) -> dict[str, str]:
        links = json.loads(stdout)["links"]
        return {link["url"]: {"error": "fail", "warning": "warn"}.get(link["severity"], "ok")
                for link in links}


class Linkinator(Tool):
    program = BIN / "linkinator"

    def command(self, input_file: Path, cache: Path | None = None) -> list[str]:
        return [
            str(self.program), str(input_file), "--markdown", "--format", "json",
            "--concurrency", "100", "--timeout", str(TIMEOUT_SECONDS * 1000),
            "--retry", "--retry-errors", "--retry-errors-count", "2",
        ]

    def outcomes(self, stdout: str, input_file: Path) -> dict[str, str]:
        links = json.loads(stdout[stdout.index("{"):])["links"]
        # Its own server for the input file is on localhost; the benchmark's hosts are not.
        return {link["url"]: "fail" if link["state"] == "BROKEN" else "ok"
                for link in links if not link["url"].startswith("http://localhost")}


class MarkdownLinkCheck(Tool):
    program = BIN / "markdown-link-check"

    def command(self, input_file: Path, cache: Path | None = None) -> list[str]:
        config = input_file.parent / "mlc.json"
        config.write_text(json.dumps({
            "timeout": f"{TIMEOUT_SECONDS}s", "retryOn429": True, "retryCount": 2,
            "fallbackRetryDelay": "1s", "aliveStatusCodes": [200, 206],
        }))
        return [str(self.program), "-r", "-c", str(config), str(input_file)]

    def outcomes(self, stdout: str, input_file: Path) -> dict[str, str]:
        found = {}
        for line in stdout.splitlines():
            match = re.match(r"\s*\[(.)\]\s+(\S+)", line)
            if match:
                found[match.group(2)] = "ok" if match.group(1) == "✓" else "fail"
        return found


class LinkChecker(Tool):
    program = TOOLS / "linkchecker-venv" / "bin" / "linkchecker"

    def command(self, input_file: Path, cache: Path | None = None) -> list[str]:
        return [
            str(self.program), "--check-extern",
            "--no-status", "--verbose", "-o", "csv", "--timeout", str(TIMEOUT_SECONDS), "-r", "1",
            input_file.as_uri(),
        ]

    def outcomes(self, stdout: str, input_file: Path) -> dict[str, str]:
        rows = [line for line in stdout.splitlines() if line and not line.startswith("#")]
        found = {}
        for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
            if row.get("urlname", "").startswith("http"):
                outcome = "ok" if row["valid"] == "True" else "fail"
                if outcome == "ok" and row.get("warningstring"):
                    outcome = "warn"
                found[row["urlname"]] = outcome
        return found


ALL_TOOLS = (
    Ours("curate check-links", ".md"),
    Linkinator("linkinator", ".md"),
    MarkdownLinkCheck("markdown-link-check", ".md"),
    LinkChecker("LinkChecker", ".html"),
)
