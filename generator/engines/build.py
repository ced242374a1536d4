"""`mkdocs build --strict` into a staging folder, swapped in only when the build succeeds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.project import Project

DEFAULT_OUTPUT = "public"
"""The folder `site_dir` names in mkdocs.yml; git-ignored."""


class SiteBuildFailed(Exception):
    """MkDocs refused to build the site; its own messages were printed already."""


def build_site(project: Project, output: Path | None = None) -> Path:
    """Build the site of `project` into `output`; on failure the previous output stays intact."""
    if not project.mkdocs_file.is_file():
        raise SiteBuildFailed(f"no {project.mkdocs_file}; the site needs a MkDocs configuration")
    output = (output or project.root / DEFAULT_OUTPUT).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-building-", dir=output.parent))
    try:
        built = staging / "site"
        completed = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict",
             "--config-file", str(project.mkdocs_file), "--site-dir", str(built)],
            cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False,
        )
        if completed.returncode != 0:
            raise SiteBuildFailed(
                f"the site build failed (mkdocs exit {completed.returncode}); "
                f"{output} was left as it was"
            )
        _swap_in(built, output, staging)
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
