"""Every generated page of the tiny list, compared with its reviewed golden copy.

Regenerate after an intended change with `CURATE_UPDATE_GOLDEN=1 pytest tests/website`, then
review the diff of tests/website/golden/ like any other change.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.database.assemble import build_database
from generator.project import Project
from generator.render.site_pages import ASSET_FILES, HEAD_FILES, VENDORED_FILES, generate_site
from generator.views import paths
from tests.website.conftest import TINY_PAPERS

GOLDEN_DIR = Path(__file__).resolve().parent / "golden" / "tiny"
HOME_BLOCK = "_home-block.md"
SKIPPED = {paths.JSON_EXPORT, *(f"{paths.ASSETS_DIR}/{name}"
                                for name in (*ASSET_FILES, *HEAD_FILES, *VENDORED_FILES))}
"""papers.json is checked against `curate export`; assets (ours and vendored) are copied as they are."""


def generated_texts() -> dict[str, str]:
    # As mkdocs.yml builds the site: pages as x.html (use_directory_urls: false).
    site = generate_site(build_database(Project(TINY_PAPERS.parent)), directory_urls=False)
    texts = {**site.pages, **{k: v for k, v in site.files.items() if k not in SKIPPED}}
    texts[HOME_BLOCK] = site.home
    return {name: str(text) for name, text in texts.items()}


def test_generated_pages_match_their_golden_copies():
    texts = generated_texts()
    if os.environ.get("CURATE_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN_DIR, ignore_errors=True)
        for name, text in texts.items():
            (GOLDEN_DIR / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN_DIR / name).write_text(text, encoding="utf-8")

    golden = {
        path.relative_to(GOLDEN_DIR).as_posix(): path.read_text(encoding="utf-8")
        for path in GOLDEN_DIR.rglob("*") if path.is_file()
    }
    assert sorted(texts) == sorted(golden)
    for name, text in texts.items():
        assert text == golden[name], f"{name} differs from its golden copy"
