"""The importer's modules form no import cycle: a module imports only from steps below it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

IMPORTER = REPO_ROOT / "generator" / "importer"
MODULES = sorted(path.stem for path in IMPORTER.glob("*.py") if path.stem != "__init__")


def imported_importer_modules(path: Path) -> set[str]:
    """Importer modules `path` imports, TYPE_CHECKING-only imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator.importer."):
            found.add((node.module or "").rsplit(".", 1)[1])
    return found


def test_the_importer_modules_have_no_import_cycle():
    graph = {name: imported_importer_modules(IMPORTER / f"{name}.py") for name in MODULES}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        assert name not in path, f"import cycle: {' -> '.join([*path, name])}"
        if name in done:
            return
        for other in sorted(graph.get(name, ())):
            visit(other, [*path, name])
        done.add(name)

    for name in MODULES:
        visit(name, [])

