"""Helpers shared by subcommands: finding the project, loading the database."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from generator.project import Project

if TYPE_CHECKING:
    from generator.database.assemble import Database


def project_of(args: argparse.Namespace) -> Project:
    """The project the command acts on (`-C DIR` or the current folder)."""
    return Project.find(args.directory)


def database_of(args: argparse.Namespace) -> Database:
    """Load and validate the project's database; raises `ProblemsFound` on errors."""
    # Imported here: a command that needs only the project (check-links of a few files)
    # does not pay for the models, YAML and the database.
    from generator.database.assemble import build_database

    return build_database(project_of(args))
