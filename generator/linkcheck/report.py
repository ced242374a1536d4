"""Reports of a link check: text lines, JSON, GitHub annotations, a Markdown issue body."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from generator.linkcheck.history import failing_since, first_failure_day
from generator.linkcheck.redact import redact_text, redacted
from generator.linkcheck.results import Location, Result, Verdict
from generator.problems import Problem

FORMATS = ("text", "json", "github", "markdown")
ISSUE_BODY_LIMIT = 65_536
"""Characters GitHub accepts in an issue body."""
MARKDOWN_LIMIT = ISSUE_BODY_LIMIT - 1_024
"""The markdown report's length at most: room is left for the workflow's own footer."""


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
    since = failing_since(result) if result.failing_runs > 1 or not result.confirmed else ""
    if since:
        parts.append(f"({since}{'' if result.confirmed else ', not confirmed yet'})")
    if result.suggestion:
        parts.append(f"- {result.suggestion}")
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
    """A machine report: summary and every link with its verdict and locations, one link a
    line (written by the C encoder: an indented dump of 1,000 links takes ten times longer)."""
    summary = {
        "links": len(run.results), "seconds": round(run.seconds, 3),
        "requests": run.requests, "cached": run.cached,
        **{verdict.value: run.count(verdict) for verdict in Verdict},
    }
    rows = ",\n    ".join(
        json.dumps(_json_link(result), ensure_ascii=False)
        for result in sorted(run.results, key=lambda r: r.url)
    )
    notes = json.dumps(list(run.notes), ensure_ascii=False)
    links = f"\n    {rows}\n  " if rows else ""
    return f'{{\n  "summary": {json.dumps(summary)},\n  "notes": {notes},\n  "links": [{links}]\n}}'


def _json_link(result: Result) -> dict[str, object]:
    return {
        "url": redacted(result.url), "verdict": result.verdict.value,
        "severity": result.severity, "status": result.status,
        "final_url": redacted(result.final_url) if result.final_url else None,
        "message": redact_text(result.message), "warning": redact_text(result.warning),
        "seconds": round(result.elapsed, 3), "cached": result.cached,
        "confirmed": result.confirmed, "failing_runs": result.failing_runs,
        "failing_since": first_failure_day(result),
        "suggestion": redact_text(result.suggestion) or None,
        "locations": [{"path": loc.path, "line": loc.line} for loc in result.locations],
    }


def as_github(run: Run) -> str:
    """`::error file=...,line=...::` annotations so a pull request shows the link's line."""
    lines = [
        Problem(location.path, location.line, f"{result.verdict.value} link",
                f"{redacted(result.url)}: {describe(result)}", result.severity).as_github()
        for result, location in run.attention_places()
    ]
    lines += [f"::warning title=link check::{_escape_data(note)}" for note in run.notes]
    lines.append(summary_line(run))
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def as_markdown(run: Run, limit: int = MARKDOWN_LIMIT) -> str:
    """A report fit for an issue body: counts, notes, then a table of the links to fix,
    errors first; rows that do not fit in `limit` characters are cut and counted."""
    lines = ["## Link check", "", "| verdict | links |", "|---|---:|"]
    lines += [f"| {verdict.value} | {run.count(verdict)} |" for verdict in Verdict]
    lines += ["", summary_line(run) + ".", ""]
    lines += [f"- {_cell(note)}" for note in run.notes]
    lines += [""] if run.notes else []
    flagged = run.attention()
    if not flagged:
        lines.append("No broken links.")
        return "\n".join(lines) + "\n"
    lines += ["| | link | where | details |", "|---|---|---|---|"]
    rows = [_markdown_row(result) for result in flagged]
    used = sum(len(line) + 1 for line in lines) + 400  # Room for the note on a cut.
    shown = 0
    for row in rows:
        if used + len(row) + 1 > limit:
            break
        lines.append(row)
        used += len(row) + 1
        shown += 1
    if shown < len(rows):
        cut = rows[shown:]
        errors = sum(1 for result in flagged[shown:] if result.severity == "error")
        lines += ["", f"**{len(cut)} more link{'s' if len(cut) != 1 else ''} not shown** "
                  f"({errors} error{'s' if errors != 1 else ''}, {len(cut) - errors} "
                  f"warning{'s' if len(cut) - errors != 1 else ''}): the report is cut to fit "
                  f"GitHub's issue body limit ({ISSUE_BODY_LIMIT:,} characters). Run "
                  "`curate check-links` for every link."]
    return "\n".join(lines) + "\n"


def _markdown_row(result: Result) -> str:
    where = "<br>".join(f"`{_cell(str(location))}`" for location in _where(result))
    verdict = result.verdict.value + ("" if result.confirmed else " (not confirmed yet)")
    return (f"| {verdict} | <{_cell(redacted(result.url))}> | {where} "
            f"| {_cell(describe(result))} |")


def render(run: Run, output_format: str) -> str:
    """The report in `output_format` (one of FORMATS)."""
    return {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}[
        output_format](run)
