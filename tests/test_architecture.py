"""The package's shape: every module imports on its own, and no two modules import each other.

A cycle works only in the order it happens to be entered (`import generator.lookup.config`
once raised ImportError because the models imported the look-up settings, which imported the
models back) and hides which step comes first. The graph below is read from the source (ast),
imports inside functions included: a cycle broken by a late import is still a cycle.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

from generator.errors import CurateError
from tests.conftest import REPO_ROOT

PACKAGE = "generator"
PACKAGE_DIR = REPO_ROOT / PACKAGE


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}
ENTRY_SCRIPTS = {"generator.__main__"}
"""Run as a program (`python -m generator`), not imported."""


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:index]) for index in range(2, len(parts))]


def _is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported_modules(name: str, path: Path) -> set[str]:
    """Modules of the package that importing `name` runs: each module it imports (at any
    depth of its code, except `if TYPE_CHECKING:`) and the packages holding them."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skipped = {id(node) for block in ast.walk(tree) if _is_type_checking_block(block)
               for node in ast.walk(block)}
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, *([base] if base else [])])
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)
    found = {target for target in targets if target in MODULES}
    own_packages = set(_ancestors(name)) | ({name} if is_package else set())
    for target in list(found):
        found.update(package for package in _ancestors(target) if package not in own_packages)
    found.discard(name)
    found.discard(PACKAGE)
    return found


def import_graph() -> dict[str, set[str]]:
    return {name: imported_modules(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for following in sorted(graph.get(node, ())):
            if following not in index:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in on_stack:
                low[node] = min(low[node], index[following])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_the_cycle_finder_finds_a_cycle_through_a_package_that_imports_its_modules():
    # The former one: models/__init__ -> listconfig -> lookup.config -> models.fields (whose
    # package runs models/__init__ first).
    graph = {
        "generator.models": {"generator.models.listconfig"},
        "generator.models.listconfig": {"generator.lookup.config", "generator.models.fields"},
        "generator.lookup.config": {"generator.models.fields", "generator.models"},
        "generator.models.fields": set(),
    }
    assert cycles(graph) == [["generator.lookup.config", "generator.models", "generator.models.listconfig"]]


def test_the_import_graph_reads_every_kind_of_import():
    graph = import_graph()
    assert "generator.database.crosscheck" in graph["generator.database.assemble"]
    assert "generator.models" in graph["generator.database.crosscheck"]  # via `from generator.models import`
    assert "generator.models.fields" in graph["generator.models.listconfig"]
    assert "generator.models" not in graph["generator.models.listconfig"]  # its own package


def test_no_module_of_the_package_is_part_of_an_import_cycle():
    found = cycles(import_graph())
    assert found == [], "import cycles:\n" + "\n".join(" <-> ".join(group) for group in found)


IMPORT_EACH_ALONE = textwrap.dedent("""
    import os, sys, traceback
    # Libraries first, once: they import nothing of ours, and each child starts from here.
    import pydantic, yaml, jinja2, markdown, mkdocs.plugins, material, aiohttp, requests
    failed = []
    for name in sys.argv[1:]:
        pid = os.fork()
        if pid == 0:
            try:
                __import__(name)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failed.append(name)
    print("\\n".join(failed))
""")


def test_every_module_imports_alone_in_a_fresh_interpreter():
    """Each module is imported first, in a process that has imported nothing of ours (a fork of
    one interpreter that has loaded only third-party libraries)."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH_ALONE, *sorted(set(MODULES) - ENTRY_SCRIPTS)], cwd=REPO_ROOT,
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [], result.stderr


TEMPLATE_LINE_LIMIT = 120


def test_no_template_line_is_longer_than_120_characters():
    """Long output lines are written over several template lines: a line break right after a
    block tag (`%}`) is dropped by trim_blocks, and `{#` ... `#}` continues a line inside a
    comment; the golden pages prove the output unchanged."""
    long_lines = [
        f"{path.relative_to(REPO_ROOT)}:{number}: {len(line)} characters"
        for path in sorted((PACKAGE_DIR / "templates").rglob("*")) if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > TEMPLATE_LINE_LIMIT
    ]
    assert long_lines == []


INTERNAL_EXCEPTIONS = {
    "generator.linkcheck.checker.Retryable",  # a try to repeat; ends as a result, never raised out
    "generator.database.yamlsource._NeedsCarefulRead",  # switches to the slower reader
    "generator.lookup.answers.DeadlinePassed",  # interrupts a blocked read; becomes LookupFailed
}


def test_every_error_of_the_package_derives_from_curate_error():
    """The CLI maps `CurateError` to a message and an exit code; an error class outside it
    would end in a traceback."""
    outside = []
    for name in sorted(set(MODULES) - ENTRY_SCRIPTS):
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            qualified = f"{value.__module__}.{value.__qualname__}"
            if (issubclass(value, Exception) and value.__module__ == name
                    and not issubclass(value, CurateError) and qualified not in INTERNAL_EXCEPTIONS):
                outside.append(qualified)
    assert outside == []
