"""Subcommands of `curate`; each module registers one verb and calls plain functions.

Modules are imported on demand: running one verb imports only that verb's module, so a
command does not pay for the libraries of the others (look-up clients, the site builder).
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMAND_MODULE_NAMES: dict[str, str] = {
    "validate": "validate_command",
    "export": "export_command",
    "schema": "schema_command",
    "import": "import_command",
    "new": "new_command",
    "build": "build_command",
    "readme": "readme_command",
    "add": "add_command",
    "enrich": "enrich_command",
    "check-links": "check_links_command",
}
"""Every verb, in the order `curate --help` lists them, and the module that implements it."""


def command_modules(verbs: list[str] | None = None) -> list[ModuleType]:
    """Import the modules of `verbs` (all verbs when None), in help order."""
    return [
        importlib.import_module(f"generator.commands.{module_name}")
        for verb, module_name in COMMAND_MODULE_NAMES.items()
        if verbs is None or verb in verbs
    ]
