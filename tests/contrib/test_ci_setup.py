"""CI installs the versions it tested (requirements-ci.txt) and `.ci/run` waits for apt's lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
CI_RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def pins() -> dict[str, str]:
    lines = (REPO / "requirements-ci.txt").read_text(encoding="utf-8").splitlines()
    found = [line.split("==") for line in lines if line and not line.startswith("#")]
    return {canonicalize_name(name): version for name, version in found}


def declared() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    texts = [*project["dependencies"], *(text for group in extras.values() for text in group)]
    own = canonicalize_name(project["name"])  # the test extra pulls in our own [zensical] extra
    return [req for req in map(Requirement, texts) if canonicalize_name(req.name) != own]


def test_every_declared_dependency_is_pinned_to_a_version_its_bounds_allow():
    pinned = pins()
    problems = [
        f"{requirement}: pinned {pinned.get(canonicalize_name(requirement.name))}"
        for requirement in declared()
        if pinned.get(canonicalize_name(requirement.name)) not in requirement.specifier
        or canonicalize_name(requirement.name) not in pinned
    ]

    assert problems == []
    assert all(re.fullmatch(r"[\w.]+", version) for version in pinned.values())


def test_the_workflows_setup_and_ci_run_install_with_the_pins():
    setup = (REPO / ".github" / "actions" / "setup-curate" / "action.yml").read_text(encoding="utf-8")

    assert "python -m pip install --quiet -c requirements-ci.txt ." in setup
    assert ".venv/bin/python -m pip install -q -c requirements-ci.txt -e '.[test]'" in CI_RUN


def test_ci_run_waits_up_to_five_minutes_for_the_apt_lock_on_every_apt_call():
    apt_calls = [line for line in CI_RUN.splitlines() if re.search(r"\bapt-get\b", line)]

    assert len(apt_calls) == 4
    assert all('"${APT_WAIT[@]}"' in line for line in apt_calls)
    assert "APT_WAIT=(-o DPkg::Lock::Timeout=300)" in CI_RUN
