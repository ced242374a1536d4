"""Benchmark `curate check-links` against linkinator, markdown-link-check and LinkChecker.

    .venv/bin/python -m bench.linkcheck.run [--links 1000] [--only NAME ...] [--sweep]

Starts the benchmark's web (bench/linkcheck/server.py: 10 hosts on 127.0.0.1, 100 ms per
answer), writes the same links as Markdown and HTML, and runs each installed tool on them
(install the others with bench/linkcheck/install_tools.sh). Prints wall time, requests the
server received and verdicts for the 1,000 links, then each tool's verdict on the tricky
cases. The machine is shared and noisy: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.linkcheck.server import HOSTS, LATENCY
from bench.linkcheck.tools import ALL_TOOLS, Ours, Tool

HERE = Path(__file__).resolve().parent
TOOL_TIME_LIMIT = 300
OK, FLAG, FAIL = {"ok", "warn"}, {"warn", "fail"}, {"fail"}


def tricky_cases(port: int, closed_port: int) -> list[Case]:
    """(case, URL, outcomes that are right) for each tricky case."""
    base = f"http://127.0.0.1:{port}"
    return [
        ("200", f"{base}/page/tricky", OK),
        ("404", f"{base}/missing", FAIL),
        ("410", f"{base}/gone", FAIL),
        ("500 then 200", f"{base}/flaky", OK),
        ("301 (moved)", f"{base}/moved", OK),
        ("302 -> 307 chain", f"{base}/chain", OK),
        ("redirect loop", f"{base}/loop-a", FAIL),
        ("429 Retry-After: 1", f"{base}/rate-limited", OK),
        ("405 on HEAD, 200 on GET", f"{base}/no-head", OK),
        ("5 s answer, 2 s timeout", f"{base}/slow", FAIL),
        ("1 GB body", f"{base}/huge", OK),
        ("fragment present", f"{base}/fragment.html#present", OK),
        ("fragment missing", f"{base}/fragment.html#absent", FLAG),
        ("connection refused", f"http://127.0.0.1:{closed_port}/page/1", FAIL),
        ("malformed (port 99999)", "http://127.0.0.1:99999/page/1", FAIL),
        ("DNS name not found", "http://no-such-host.invalid/page/1", FAIL),
        # A bot wall says nothing of the page: a warning to check by hand, not a dead link.
        ("Cloudflare challenge (403)", f"{base}/challenge", OK),
        ("status 999 (LinkedIn)", f"{base}/status-999", OK),
    ]


def write_inputs(folder: Path, name: str, urls: list[str]) -> None:
    (folder / f"{name}.md").write_text(
        "# Links\n\n" + "".join(f"- [link {n}]({url})\n" for n, url in enumerate(urls)))
    (folder / f"{name}.html").write_text(
        "<!doctype html><html><body><ul>\n"
        + "".join(f'<li><a href="{url}">link {n}</a></li>\n' for n, url in enumerate(urls))
        + "</ul></body></html>\n")


@dataclass
class Outcome:
    seconds: float
    requests: int
    outcomes: dict[str, str]
    huge_bytes: int
    note: str = ""
    most_in_flight: int = 0
    """Most requests in flight at one host at once."""
    most_connections: int = 0
    """Most connections opened to one host."""


class Web:
    """The benchmark server process and its control paths."""

    def __init__(self, folder: Path) -> None:
        port_file = folder / "ports"
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "server.py"), str(port_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not port_file.exists() or not port_file.read_text().endswith("\n"):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("the benchmark server did not start")
            time.sleep(0.05)
        self.ports = [int(line) for line in port_file.read_text().split()]

    def control(self, path: str) -> bytes:
        url = f"http://127.0.0.1:{self.ports[0]}{path}"
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.read()

    def stats(self) -> dict:
        return json.loads(self.control("/__stats"))

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def run_tool(tool: Tool, web: Web, input_file: Path, cache: Path | None = None) -> Outcome:
    web.control("/__reset")
    started = time.monotonic()
    try:
        completed = subprocess.run(
            tool.command(input_file, cache), capture_output=True, text=True,
            timeout=TOOL_TIME_LIMIT, cwd=input_file.parent, env={**os.environ, "NO_COLOR": "1"})
        seconds = time.monotonic() - started
        stdout, note = completed.stdout, ""
        if completed.returncode not in (0, 1):
            note = f"exit {completed.returncode}: {completed.stderr.strip()[-200:]}"
    except subprocess.TimeoutExpired as error:
        seconds = time.monotonic() - started
        stdout = (error.stdout or b"").decode(errors="replace")
        note = f"killed after {TOOL_TIME_LIMIT} s"
    stats = web.stats()
    try:
        outcomes = tool.outcomes(stdout, input_file)
    except (ValueError, KeyError) as error:
        outcomes, note = {}, note or f"output not understood: {error}"
    requests = sum(stats["requests"].values())
    return Outcome(seconds, requests, outcomes, stats["huge_bytes_sent"], note,
                   stats["most_in_flight_per_host"], stats["most_connections_per_host"])


Case = tuple[str, str, set[str]]
"""A tricky case: its name, its URL, the outcomes that are right."""


def case_by_case(tool: Tool, web: Web, folder: Path, cases: list[Case]) -> Outcome:
    """Run `tool` on one case at a time, for a tool that reported nothing on them all
    (markdown-link-check dies on a malformed URL and loses the whole file's results)."""
    outcomes, huge, notes = {}, 0, []
    for number, (case, url, _) in enumerate(cases):
        name = f"case{number}"
        write_inputs(folder, name, [url])
        for path in folder.glob(f"{name}.*"):
            path.chmod(0o644)
        one = run_tool(tool, web, folder / f"{name}{tool.input_suffix}")
        outcomes[url] = reported(one.outcomes, url) if one.outcomes else "crash"
        huge = max(huge, one.huge_bytes)
        if not one.outcomes:
            notes.append(case)
    note = f"reported nothing on the whole file; run case by case, crashed on: {', '.join(notes)}"
    return Outcome(0.0, 0, outcomes, huge, note)


def reported(outcomes: dict[str, str], url: str) -> str:
    """What a tool said of `url` ('-' when nothing); some report URLs without the fragment."""
    return outcomes.get(url) or outcomes.get(url.split("#", 1)[0]) or "-"


def closed_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--only", nargs="*", help="tool names to run (default: all installed)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each fast tool (under 10 s), interleaved; medians shown")
    parser.add_argument("--sweep", action="store_true",
                        help="also time our checker in-process at several per-host limits")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="linkbench-"))
    folder.chmod(0o755)  # LinkChecker drops root privileges to 'nobody' and must read the inputs.
    web = Web(folder)
    try:
        hosts = [f"http://127.0.0.1:{port}" for port in web.ports]
        urls = [f"{hosts[n % len(hosts)]}/page/{n}" for n in range(args.links)]
        write_inputs(folder, "links", urls)
        cases = tricky_cases(web.ports[0], closed_port())
        write_inputs(folder, "tricky", [url for _, url, _ in cases])
        for path in folder.iterdir():
            path.chmod(0o644)
        tools = [t for t in ALL_TOOLS if t.available() and (not args.only or t.name in args.only)]
        missing = [t.name for t in ALL_TOOLS if not t.available()]
        report(tools, missing, web, folder, cases, args.links, args.repeat)
        if args.sweep:
            sweep(urls)
    finally:
        web.close()


def report(tools: list[Tool], missing: list[str], web: Web, folder: Path,
           cases: list[Case], count: int, repeat: int) -> None:
    bulk, tricky, cached = {}, {}, None
    times: dict[str, list[float]] = {}
    for tool in tools:
        print(f"running {tool.name} ...", file=sys.stderr, flush=True)
        bulk[tool.name] = run_tool(tool, web, folder / f"links{tool.input_suffix}")
        times[tool.name] = [bulk[tool.name].seconds]
        tricky[tool.name] = run_tool(tool, web, folder / f"tricky{tool.input_suffix}")
        if not tricky[tool.name].outcomes:
            tricky[tool.name] = case_by_case(tool, web, folder, cases)
    fast = [tool for tool in tools if bulk[tool.name].seconds < 10]
    for _ in range(repeat - 1):  # Interleaved, so a noisy moment hits every tool alike.
        for tool in fast:
            times[tool.name].append(run_tool(tool, web, folder / f"links{tool.input_suffix}").seconds)
    for tool in tools:
        bulk[tool.name].seconds = statistics.median(times[tool.name])
        if isinstance(tool, Ours):
            cache = folder / "cache.json"
            run_tool(tool, web, folder / "links.md", cache)
            reruns = [run_tool(tool, web, folder / "links.md", cache) for _ in range(repeat)]
            cached = reruns[-1]
            cached.seconds = statistics.median(rerun.seconds for rerun in reruns)
            times["cached"] = [rerun.seconds for rerun in reruns]
    ours = bulk.get(ALL_TOOLS[0].name)
    print(f"\nwall times: median of {repeat} interleaved runs for tools under 10 s, one run "
          "for the others; every run's time in the last column")
    print(f"\n{count} links over 10 hosts (127.0.0.1 ports), 100 ms per answer\n")
    print("| tool | wall s | x ours | requests | ok | failed | tricky right "
          "| 1 GB body bytes sent | runs s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for tool in tools:
        b, t = bulk[tool.name], tricky[tool.name]
        right = sum(1 for _, url, good in cases if reported(t.outcomes, url) in good)
        ratio = f"{b.seconds / ours.seconds:.1f}" if ours else "-"
        failed = sum(1 for o in b.outcomes.values() if o == "fail")
        print(f"| {tool.name} | {b.seconds:.2f} | {ratio} | {b.requests} | "
              f"{len(b.outcomes) - failed} | {failed} | {right}/{len(cases)} | "
              f"{t.huge_bytes:,} | {' '.join(f'{s:.2f}' for s in times[tool.name])} |")
        for note in filter(None, (b.note, t.note)):
            print(f"|   ({tool.name}: {note.splitlines()[-1] if note else ''}) | | | | | | | | |")
    if cached:
        print(f"| curate check-links, cached rerun | {cached.seconds:.2f} | "
              f"{cached.seconds / ours.seconds:.2f} | {cached.requests} | "
              f"{sum(1 for o in cached.outcomes.values() if o != 'fail')} | "
              f"{sum(1 for o in cached.outcomes.values() if o == 'fail')} | | | "
              f"{' '.join(f'{s:.2f}' for s in times['cached'])} |")
    for name in missing:
        print(f"| {name} | not installed (bench/linkcheck/install_tools.sh) | | | | | | | |")
    if ours:
        closing_figures(ours, bulk.get("linkinator"), cached, count)
    print("\ntricky cases (ok / warn / fail; '-' = not reported; * = wrong)\n")
    print("| case | right | " + " | ".join(tool.name for tool in tools) + " |")
    print("|---|---|" + "---|" * len(tools))
    for case, url, good in cases:
        cells = []
        for tool in tools:
            outcome = reported(tricky[tool.name].outcomes, url)
            cells.append(outcome + ("" if outcome in good else " *"))
        print(f"| {case} | {'/'.join(sorted(good))} | " + " | ".join(cells) + " |")


TARGET_RATIO = 0.8
"""Issue 13: 1,000 links in at most 0.8x linkinator's time (its concurrency 100)."""


def closing_figures(ours: Outcome, linkinator: Outcome | None, cached: Outcome | None,
                    count: int) -> None:
    """Our time against linkinator's and against the bound our per-host limit sets."""
    from generator.linkcheck.settings import LinkCheckSettings

    per_host = LinkCheckSettings().per_host_concurrency
    waves = math.ceil(count / HOSTS / per_host)
    bound = waves * LATENCY
    print()
    if linkinator:
        ratio = ours.seconds / linkinator.seconds
        print(f"- ours / linkinator: {ours.seconds:.2f} / {linkinator.seconds:.2f} s = "
              f"{ratio:.2f}x (target at most {TARGET_RATIO}x: "
              f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    startup = f"; start-up and reading the state file (cached rerun, no request): " \
              f"{cached.seconds:.2f} s" if cached else ""
    print(f"- per-host limit {per_host}: at least {waves} rounds of {LATENCY * 1000:.0f} ms per "
          f"host = {bound:.2f} s; ours is {ours.seconds - bound:.2f} s above it{startup}")
    print(f"- most requests in flight at one host: {ours.most_in_flight}; most connections "
          f"opened to one host: {ours.most_connections} (limit {per_host})")


def sweep(urls: list[str]) -> None:
    """Time the checker in-process at several per-host limits: where the default comes from."""
    from generator.linkcheck.results import Location
    from generator.linkcheck.run import CheckRequest, check_links
    from generator.linkcheck.safety import AddressPolicy
    from generator.linkcheck.settings import LinkCheckSettings

    links = {url: [Location("links.md", n)] for n, url in enumerate(urls, start=1)}
    print("\nper-host limit sweep, in-process (no start-up), 2 runs each\n")
    print("| per host | lower bound s | run 1 s | run 2 s |")
    print("|---:|---:|---:|---:|")
    for per_host in (4, 8, 10, 12, 16, 24):
        config = LinkCheckSettings(per_host_concurrency=per_host, concurrency=256)
        times = []
        for _ in range(2):
            started = time.monotonic()
            check_links(CheckRequest(links, config, AddressPolicy(allow_private=True)))
            times.append(time.monotonic() - started)
        bound = len(urls) / (per_host * 10) * 0.1
        print(f"| {per_host} | {bound:.2f} | {times[0]:.2f} | {times[1]:.2f} |")


if __name__ == "__main__":
    main()
