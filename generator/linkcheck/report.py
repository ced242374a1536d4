"""Reports of a link check: text lines, JSON, GitHub annotations, a Markdown issue body."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from generator.linkcheck.redact import redact_text, redacted
from generator.linkcheck.results import Location, Result, Verdict
from generator.problems import Problem

FORMATS = ("text", "json", "github", "markdown")


@dataclass(frozen=True)
class Run:
    """Everything a report tells: the results and how the run went."""

    results: list[Result]
    seconds: float
    requests: int
    notes: tuple[str, ...] = ()
    """Things the reader should know: an ignored cache file, every host unresolvable."""
    offline: bool = False
    """No host could be reached at all: the run says nothing about the links."""

    def count(self, verdict: Verdict) -> int:
        return sum(1 for result in self.results if result.verdict is verdict)

    @property
    def cached(self) -> int:
        return sum(1 for result in self.results if result.cached)

    def attention(self) -> list[Result]:
        """Results to look at: errors first, then warnings, each in order of first location."""
        flagged = [result for result in self.results if result.severity]
        return sorted(flagged, key=lambda r: (r.severity != "error", _where(r)[0], r.url))

    def attention_places(self) -> list[tuple[Result, Location]]:
        """Each place a result to look at is written: errors first, then by file and line."""
        places = [(result, place) for result in self.attention() for place in _where(result)]
        return sorted(places, key=lambda pair: (pair[0].severity != "error", pair[1], pair[0].url))


def describe(result: Result) -> str:
    """One line on what happened, without the URL: '404 not found', 'moved: update to ...'."""
    parts = []
    if result.status and str(result.status) not in result.message:
        parts.append(str(result.status))
    if result.message:
        parts.append(result.message)
    if result.final_url and result.verdict is not Verdict.EXCLUDED and not result.warning:
        parts.append(f"ends at {redacted(result.final_url)}")
    if result.warning:
        parts.append(result.warning)
    return redact_text(" ".join(parts) or result.verdict.value)


def summary_line(run: Run) -> str:
    """'checked 47 links in 0.3 s (12 requests, 5 cached): 40 ok, ...'."""
    counts = ", ".join(f"{run.count(verdict)} {verdict.value}" for verdict in Verdict)
    return (
        f"checked {len(run.results)} link{'s' if len(run.results) != 1 else ''} in "
        f"{run.seconds:.2f} s ({run.requests} requests, {run.cached} cached): {counts}"
    )


def excluded_reasons(run: Run) -> Counter[str]:
    """How many links each exclusion reason skipped."""
    return Counter(
        result.message.split(":", 1)[0] if result.message.startswith("private address")
        else result.message
        for result in run.results if result.verdict is Verdict.EXCLUDED
    )


def _where(result: Result) -> list[Location]:
    return result.locations or [Location("<command line>")]


def as_text(run: Run) -> str:
    """`file:line: verdict: URL: details` for each place a flagged link is written."""
    lines = [
        f"{location}: {result.verdict.value}: {redacted(result.url)}: {describe(result)}"
        for result, location in run.attention_places()
    ]
    lines += [f"excluded {count}: {reason}" for reason, count in excluded_reasons(run).items()]
    lines += list(run.notes)
    lines.append(summary_line(run))
    return "\n".join(lines)


def as_json(run: Run) -> str:
    """A machine report: summary and every link with its verdict and locations."""
    document = {
        "summary": {
            "links": len(run.results), "seconds": round(run.seconds, 3),
            "requests": run.requests, "cached": run.cached,
            **{verdict.value: run.count(verdict) for verdict in Verdict},
        },
        "notes": list(run.notes),
        "links": [
            {
                "url": redacted(result.url), "verdict": result.verdict.value,
                "severity": result.severity, "status": result.status,
                "final_url": redacted(result.final_url) if result.final_url else None,
                "message": redact_text(result.message), "warning": redact_text(result.warning),
                "seconds": round(result.elapsed, 3), "cached": result.cached,
                "locations": [{"path": loc.path, "line": loc.line} for loc in result.locations],
            }
            for result in sorted(run.results, key=lambda r: r.url)
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def as_github(run: Run) -> str:
    """`::error file=...,line=...::` annotations so a pull request shows the link's line."""
    lines = [
        Problem(location.path, location.line, f"{result.verdict.value} link",
                f"{redacted(result.url)}: {describe(result)}", result.severity).as_github()
        for result, location in run.attention_places()
    ]
    lines.append(summary_line(run))
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def as_markdown(run: Run) -> str:
    """A report fit for an issue body: counts, then a table of the links to fix."""
    lines = ["## Link check", "", "| verdict | links |", "|---|---:|"]
    lines += [f"| {verdict.value} | {run.count(verdict)} |" for verdict in Verdict]
    lines += ["", summary_line(run) + ".", ""]
    flagged = run.attention()
    if flagged:
        lines += ["| | link | where | details |", "|---|---|---|---|"]
        for result in flagged:
            where = "<br>".join(f"`{_cell(str(location))}`" for location in _where(result))
            lines.append(
                f"| {result.verdict.value} | <{_cell(redacted(result.url))}> | {where} "
                f"| {_cell(describe(result))} |"
            )
    else:
        lines.append("No broken links.")
    lines += [f"- {_cell(note)}" for note in run.notes]
    return "\n".join(lines) + "\n"


def render(run: Run, output_format: str) -> str:
    """The report in `output_format` (one of FORMATS)."""
    return {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}[
        output_format](run)
