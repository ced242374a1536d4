"""Record models of the database, one module per record kind.

The models are imported on first use (`from generator.models import Paper` works as ever):
a module that needs one model, such as `link_check` for `curate check-links`, does not
build every other.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.models.implementation import Implementation
    from generator.models.leaderboard import Leaderboard
    from generator.models.listconfig import ListConfig
    from generator.models.paper import Paper
    from generator.models.resource import Resource

MODULE_OF = {
    "Implementation": "implementation",
    "Leaderboard": "leaderboard",
    "ListConfig": "listconfig",
    "Paper": "paper",
    "Resource": "resource",
}
"""Each model and the module of this package that defines it."""

__all__ = ["Implementation", "Leaderboard", "ListConfig", "Paper", "Resource"]


def __getattr__(name: str) -> Any:
    if name not in MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{MODULE_OF[name]}"), name)
