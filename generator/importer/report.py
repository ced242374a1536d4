"""What each line of an imported list became, as a Markdown table a maintainer reads in one go."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator.atomic import write_text_atomically
from generator.importer.pipeline import ImportOutcome

_TEXT_WIDTH = 80


def import_report(outcome: ImportOutcome, text: str) -> str:
    """One row per source line: what it became (record kind and id, topic text, layout, skipped
    and why), then the count of each."""
    records: dict[int, str] = {}
    for made in outcome.imported.records:
        for line in made.lines:
            records.setdefault(line, f"{made.kind} {made.record.id}")  # type: ignore[attr-defined]
    skipped: dict[int, list[str]] = {}
    for skip in outcome.skipped:
        skipped.setdefault(skip.line, []).append(skip.reason)
    rows, tally = [], Counter[str]()
    for number, raw in enumerate(text.splitlines(), start=1):
        became = _became(number, raw, outcome.drafts.placed, records, skipped)
        tally[became.split(":")[0].split(" ")[0]] += 1
        rows.append(f"| {number} | {_cell(became)} | {_cell(_shortened(raw.strip()))} |")
    source = outcome.source.as_posix()
    summary = ", ".join(f"{count} {what}" for what, count in tally.most_common())
    return "\n".join([
        f"# Import report: {_cell(source)}",
        "",
        f"{'Written' if outcome.written else 'Nothing written'}; lines: {summary}.",
        "",
        "| Line | Became | Text |",
        "| ---: | --- | --- |",
        *rows,
        "",
    ])


def _became(
    number: int, raw: str, placed: dict[int, str], records: dict[int, str], skipped: dict[int, list[str]]
) -> str:
    if number in skipped:
        return "skipped: " + "; ".join(skipped[number])
    if not raw.strip():
        return "blank"
    what = placed.get(number)
    if what is None:
        return "skipped: not read (report this list to curate's maintainers)"
    record = records.get(number)
    return f"{record} ({what})" if record and not what.startswith(record.split(" ")[0]) else (
        record or what
    )


def _shortened(text: str) -> str:
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, code and markup shown as written."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("`", "\\`")


def write_report(path: Path, outcome: ImportOutcome, text: str) -> None:
    """Write the report of `outcome` to `path`."""
    write_text_atomically(path, import_report(outcome, text))
