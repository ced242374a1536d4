"""Subcommands of `curate`; each module registers one verb and calls plain functions."""

from generator.commands import (
    check_links_command,
    export_command,
    import_command,
    schema_command,
    validate_command,
)

COMMAND_MODULES = [
    validate_command,
    export_command,
    schema_command,
    import_command,
    check_links_command,
]
