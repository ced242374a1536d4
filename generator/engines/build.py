"""`curate build`: stage the whole site source, build it with an engine into a staging folder,
and swap the result in only when the build succeeds.

Engines are programs that read `mkdocs.yml` and build a folder of Markdown pages; none of them
runs our code (see `staging`): MkDocs 1.x (default), and Zensical, the successor of Material for
MkDocs by its team, which has no plugin API.

The staging folder `.OUTPUT-building-PID-RANDOM/` sits beside the output (one file system,
so the swap is two renames); a build that is killed leaves it behind, and the next build
removes those whose process is gone. They are git-ignored meanwhile.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.atomic import process_is_running
from generator.engines.staging import stage_site
from generator.errors import CurateError
from generator.problems import terminal_safe
from generator.project import Project

DEFAULT_OUTPUT = "public"
"""The folder `site_dir` names in mkdocs.yml; git-ignored."""
ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
"""MkDocs 1.6 with Material 9: maintained (Material until May 2027, ProperDocs continues MkDocs
1.x), passes every test of the site; Zensical 0.0.x cannot yet build the site the same way
(README: 'Engines')."""
_TRACEBACK_START = "Traceback (most recent call last):"
_CHAINED = ("During handling of the above exception", "The above exception was the direct cause")


class SiteBuildFailed(CurateError):
    """The engine refused to build the site; its own messages were printed already."""


def engine_command(engine: str, config_file: Path, site_dir: Path) -> list[str]:
    """The command line that builds the staged site at `config_file` into `site_dir`."""
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict",
                "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if engine == "zensical":  # no --site-dir: `site_dir` is written into the staged mkdocs.yml
        if importlib.util.find_spec("zensical") is None:
            raise SiteBuildFailed(
                "the zensical engine is not installed; pip install 'curate-awesome[zensical]'")
        return [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config_file)]
    raise SiteBuildFailed(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def build_site(project: Project, output: Path | None = None, engine: str = DEFAULT_ENGINE) -> Path:
    """Build the site of `project` into `output`; on failure the previous output stays intact."""
    output = (output or project.root / DEFAULT_OUTPUT).resolve()
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(output)
        prefix = f"{_staging_prefix(output)}{os.getpid()}-"
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=output.parent))
    except OSError as error:
        raise SiteBuildFailed(_cannot_write(error, output)) from None
    try:
        # A database with problems raises ProblemsFound: the CLI lists each one as file:line.
        staged = stage_site(project, staging / "source")
        returncode, crash = _run_engine(
            engine_command(engine, staged.config_file, staged.site_dir), staged.root)
        if returncode != 0:
            why = f"{engine} exit {returncode}" + (f": {crash}" if crash else "")
            raise SiteBuildFailed(f"the site build failed ({why}); {output} was left as it was")
        _swap_in(staged.site_dir, output, staging)
    except OSError as error:
        raise SiteBuildFailed(_cannot_write(error, output)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output


def _run_engine(command: list[str], cwd: Path) -> tuple[int, str]:
    """Run the engine, passing its messages on; a Python traceback (a full disk, a crash in a
    plugin) is left out but for its last line, the error itself, which is returned."""
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stderr=subprocess.PIPE, text=True, errors="replace",
    )
    assert process.stderr is not None
    terminal = sys.__stderr__ or sys.stderr  # where MkDocs would have written
    in_traceback, crash = False, ""
    with process.stderr:
        for line in process.stderr:
            if line.startswith(_CHAINED):
                continue
            if line.startswith(_TRACEBACK_START):
                in_traceback = True
            elif not in_traceback:
                terminal.write(line)
            elif line.strip() and not line.startswith((" ", "\t")):
                in_traceback, crash = False, terminal_safe(line.strip())[:500]
    terminal.flush()
    return process.wait(), crash


def _cannot_write(error: OSError, output: Path) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"cannot write the site: {error.strerror or error}{where}; {output} was left as it was"


def opens_from_disk(site: Path) -> bool:
    """Whether the built site works opened from disk (file://): Material's offline plugin
    wrote the search index as a script and turned directory URLs off."""
    return (site / "search" / "search_index.js").is_file()


def _staging_prefix(output: Path) -> str:
    return f".{output.name}-building-"


def remove_stale_staging(output: Path) -> None:
    """Delete the staging folders that killed builds of `output` left beside it."""
    prefix = _staging_prefix(output)
    pattern = re.compile(re.escape(prefix) + r"(?P<pid>[0-9]+)-[a-z0-9_]{8}$")
    with os.scandir(output.parent) as entries:
        stale = [entry.name for entry in entries if entry.name.startswith(prefix)]
    for name in stale:
        match = pattern.match(name)
        if match is None or not process_is_running(int(match["pid"])):  # no pid: made before pids
            shutil.rmtree(output.parent / name, ignore_errors=True)


def _swap_in(built: Path, output: Path, staging: Path) -> None:
    """Replace `output` by `built` with two renames on the same file system; when the second
    fails, the first is undone."""
    previous = staging / "previous"
    if output.exists():
        output.rename(previous)
    try:
        built.rename(output)
    except OSError:
        if previous.exists():
            with contextlib.suppress(OSError):
                previous.rename(output)
        raise
