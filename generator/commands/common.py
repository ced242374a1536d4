"""Helpers shared by subcommands: finding the project, loading the database."""

from __future__ import annotations

import argparse

from generator.database.assemble import Database, build_database
from generator.project import Project


def project_of(args: argparse.Namespace) -> Project:
    """The project the command acts on (`-C DIR` or the current folder)."""
    return Project.find(args.directory)


def database_of(args: argparse.Namespace) -> Database:
    """Load and validate the project's database; raises `ProblemsFound` on errors."""
    return build_database(project_of(args))
