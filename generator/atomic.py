"""Atomic file writes: a crash or a full disk never leaves half a file or half a set.

Temporaries carry the id of the process that writes them (`.NAME.PID.RANDOM.tmp`); a run
that was killed leaves them behind, and the next write into the same folder removes those
whose process is gone. They are git-ignored meanwhile (`.*.tmp`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

_LEFTOVER = re.compile(r"^\..+\.(?P<pid>[0-9]+)\.[a-z0-9_]{8}\.tmp$")
"""Name of a temporary written by `_staged_copy`, with the writer's process id."""
_swept: set[Path] = set()
"""Folders already cleared of leftovers by this process (sweep each folder once)."""


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
    remove_leftovers(path.parent)
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def remove_leftovers(folder: Path) -> None:
    """Delete the temporaries that killed runs left in `folder` (once per folder and run)."""
    folder = folder.resolve()
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if entry.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        match = _LEFTOVER.match(name)
        if match and not process_is_running(int(match["pid"])):
            with contextlib.suppress(OSError):  # another run removed it first
                (folder / name).unlink()


def process_is_running(pid: int) -> bool:
    """Whether process `pid` exists (ours counts), as far as this system can tell."""
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill(pid, 0) would end it
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # exists but belongs to someone else, or cannot be asked: leave it
    return True
