"""How links are checked: the `link_check` section of `papers/list.yaml`, with its defaults.

The settings are part of the list's configuration and so live with the models
(`generator/models/link_check.py`), which import nothing of `linkcheck/`.
"""

from generator.models.link_check import (
    AUTO,
    ExcludeRule,
    HostLimit,
    LinkCheckConfig,
    ReportAfter,
    parse_duration,
)

__all__ = ["AUTO", "ExcludeRule", "HostLimit", "LinkCheckConfig", "ReportAfter", "parse_duration"]
