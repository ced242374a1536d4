"""`curate build`: stage the whole site source, build it with an engine into a staging folder,
and swap the result in only when the build succeeds.

Engines are programs that read `mkdocs.yml` and build a folder of Markdown pages; none of them
runs our code (see `staging`): MkDocs 1.x (default), and Zensical, the successor of Material for
MkDocs by its team, which has no plugin API.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.engines.staging import stage_site
from generator.errors import CurateError
from generator.problems import ProblemsFound
from generator.project import Project

DEFAULT_OUTPUT = "public"
"""The folder `site_dir` names in mkdocs.yml; git-ignored."""
ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
"""MkDocs 1.6 with Material 9: maintained (Material until May 2027, ProperDocs continues MkDocs
1.x), passes every test of the site; Zensical 0.0.x cannot yet build the site the same way
(README: 'Engines')."""


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
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-building-", dir=output.parent))
    try:
        try:
            staged = stage_site(project, staging / "source")
        except ProblemsFound as error:
            count = len(error.problems)
            raise SiteBuildFailed(
                f"the site build failed: {count} problem{'s' if count != 1 else ''} in the "
                f"database; {output} was left as it was\n{error}"
            ) from None
        completed = subprocess.run(
            engine_command(engine, staged.config_file, staged.site_dir),
            cwd=staged.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
        )
        if completed.returncode != 0:
            raise SiteBuildFailed(
                f"the site build failed ({engine} exit {completed.returncode}); "
                f"{output} was left as it was"
            )
        _swap_in(staged.site_dir, output, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output


def opens_from_disk(site: Path) -> bool:
    """Whether the built site works opened from disk (file://): Material's offline plugin
    wrote the search index as a script and turned directory URLs off."""
    return (site / "search" / "search_index.js").is_file()


def _swap_in(built: Path, output: Path, staging: Path) -> None:
    """Replace `output` by `built` with two renames on the same file system."""
    previous = staging / "previous"
    if output.exists():
        output.rename(previous)
    built.rename(output)
