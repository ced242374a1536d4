"""The cyclic garbage collector where its passes are wasted: start-up and long waits.

Start-up (imports, models, the inputs read) makes objects that live until the process
ends; a collector pass over them finds nothing and costs more as they grow. These helpers
keep such objects out of its way without leaving it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """Pause the cyclic collector while the block makes long-lived objects (imports,
    records loaded): its passes over tens of thousands of fresh objects find no garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Leave the objects alive now out of the collector's passes while the block runs
    (a link check: modules, models and links outlive it); they join the oldest generation
    again after it, so a caller in the same process loses nothing."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def exit_without_last_pass() -> None:
    """Freeze every object before the interpreter exits: its final collector pass would
    walk them all (40 ms after a 1,000-link check) only to free memory the exit frees."""
    gc.freeze()
