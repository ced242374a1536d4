"""Atomic file writes: a crash or a full disk never leaves half a file or half a set."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, so a crash never leaves half a file."""
    write_texts_atomically([(path, text)])


def write_texts_atomically(writes: list[tuple[Path, str]]) -> None:
    """Write every file to a temporary beside it first, then move them all in place: a file
    that cannot be written stops the whole set before any target is touched."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in writes:
            staged.append((_staged_copy(path, text), path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)


def _staged_copy(path: Path, text: str) -> str:
    """A temporary file beside `path` holding `text`; its name."""
    if path.is_dir():  # os.replace would fail naming the temporary file, not `path`
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
