"""Subcommands of `curate`; each module registers one verb and calls plain functions."""

from generator.commands import (
    add_command,
    build_command,
    check_links_command,
    enrich_command,
    export_command,
    import_command,
    readme_command,
    schema_command,
    validate_command,
)

COMMAND_MODULES = [
    validate_command,
    export_command,
    schema_command,
    import_command,
    build_command,
    readme_command,
    add_command,
    enrich_command,
    check_links_command,
]
