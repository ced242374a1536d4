"""The whole database as one JSON document: the machine-readable face of the list."""

from __future__ import annotations

import json
from typing import Any

from generator.database.assemble import Database
from generator.models import Paper

EXPORT_FORMAT_VERSION = 1


def export_document(database: Database) -> dict[str, Any]:
    """Build the export document (see README, 'The export format')."""
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "list": database.config.model_dump(
            mode="json", include={"title", "description", "site_url", "repo_url"}
        ),
        "taxonomy": [section.model_dump(mode="json") for section in database.config.sections],
        "venues": [venue.model_dump(mode="json") for venue in database.config.venues],
        "tag_groups": [group.model_dump(mode="json") for group in database.config.tag_groups],
        "papers": [_paper_entry(paper) for paper in database.papers.values()],
        "leaderboards": [
            {
                **leaderboard.model_dump(mode="json"),
                # Every metric, also the one of a one-metric leaderboard (written `metric:`).
                "metrics": [metric.model_dump(mode="json") for metric in leaderboard.all_metrics],
                "results": [
                    {"paper": entry.paper.id, **entry.row.model_dump(mode="json", exclude={"leaderboard"})}
                    for entry in database.rows_of(leaderboard.id)
                ],
            }
            for leaderboard in database.leaderboards.values()
        ],
        "implementations": [item.model_dump(mode="json") for item in database.implementations.values()],
        "resources": [item.model_dump(mode="json") for item in database.resources.values()],
    }


def _paper_entry(paper: Paper) -> dict[str, Any]:
    entry = paper.model_dump(mode="json", exclude={"results"})
    entry["leaderboards"] = sorted({row.leaderboard for row in paper.results})
    return entry


def export_json(database: Database) -> str:
    """The export document as indented JSON text."""
    return json.dumps(export_document(database), indent=2, ensure_ascii=False) + "\n"
