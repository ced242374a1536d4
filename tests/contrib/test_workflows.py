"""The contributor flow: workflows, templates and hooks call only what exists, and say so."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONS = sorted((GITHUB / "actions").glob("*/action.yml"))
HOOK_FILES = [REPO / ".pre-commit-hooks.yaml", REPO / ".pre-commit-config.yaml"]
CONTRIBUTING = REPO / "CONTRIBUTING.md"
CACHE_V5 = "caa296126883cff596d87d8935842f9db880ef25"
COMMAND_STARTS = {"&&", "||", ";", "|", "(", "&", "!", "then", "do", "else", "{"}
SUBSTITUTION = re.compile(r"\$\(([^()]*)\)")
SHELL_BLOCK = re.compile(r"```(?:sh|bash|console)\n(.*?)```", re.DOTALL)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    """The `on:` block; YAML 1.1 reads the bare key `on` as True."""
    return workflow.get("on", workflow.get(True))


def run_scripts(document: dict[str, Any]) -> list[str]:
    """Every `run:` script of a workflow's jobs or of a composite action."""
    steps = [step for job in (document.get("jobs") or {}).values() for step in job.get("steps", [])]
    steps += (document.get("runs") or {}).get("steps", [])
    return [step["run"] for step in steps if "run" in step]


def hook_scripts(path: Path) -> list[str]:
    document = load(path)
    hooks = document if isinstance(document, list) else [h for r in document["repos"] for h in r["hooks"]]
    return [" ".join([hook["entry"], *hook.get("args", [])]) for hook in hooks]


def contributing_scripts() -> list[str]:
    return SHELL_BLOCK.findall(CONTRIBUTING.read_text(encoding="utf-8"))


def curate_invocations(script: str) -> list[list[str]]:
    """The argument lists of every `curate` command a shell script runs."""
    invocations: list[list[str]] = []
    for line in script.replace("\\\n", " ").splitlines():
        for inner in SUBSTITUTION.findall(line):  # $(...) runs a command even inside quotes
            invocations += curate_invocations(inner)
        line = SUBSTITUTION.sub("SUBSTITUTED", line)
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        current: list[str] | None = None
        at_start = True
        for token in lexer:
            if set(token) <= set("&|;()<>"):
                if current is not None and token[0] in "<>" and current and current[-1].isdigit():
                    current.pop()  # '2>' is a redirection, not an argument.
                if current is not None:
                    invocations.append(current)
                current, at_start = None, token in COMMAND_STARTS
            elif current is not None:
                current.append(token)
            elif at_start and re.fullmatch(r"\w+=.*", token):
                continue  # VAR=value before a command
            else:
                if at_start and token in ("curate", "curate.exe") or token.endswith("/curate"):
                    current = []
                at_start = token in COMMAND_STARTS
        if current is not None:
            invocations.append(current)
    return invocations


def parse_error(argv: list[str]) -> str | None:
    """What `curate`'s own argument parser says about `argv`, or None when it accepts it."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        try:
            build_parser().parse_args(argv)
        except SystemExit as exit_:
            if exit_.code:
                return stderr.getvalue().strip().splitlines()[-1]
    return None


def scripts_of(path: Path) -> list[str]:
    if path == CONTRIBUTING:
        return contributing_scripts()
    if path in HOOK_FILES:
        return hook_scripts(path)
    return run_scripts(load(path))


def test_the_shell_reader_finds_curate_commands_where_the_shell_would():
    script = (
        "curate validate --format github\n"
        "status=0\n"
        "curate check-links --format markdown --cache x.json > report.md 2>&1 || status=$?\n"
        'echo "curate is not run here"; X=1 curate readme --check\n'
        'if [ -n "$(curate export)" ]; then .venv/bin/curate schema \\\n'
        "  --check; fi  # curate add\n"
    )
    assert curate_invocations(script) == [
        ["validate", "--format", "github"],
        ["check-links", "--format", "markdown", "--cache", "x.json"],
        ["readme", "--check"],
        ["export"],
        ["schema", "--check"],
    ]


@pytest.mark.parametrize(
    "path",
    [*WORKFLOWS, *ACTIONS, *HOOK_FILES, CONTRIBUTING],
    ids=lambda path: str(path.relative_to(REPO)),
)
def test_every_curate_command_it_runs_exists_in_the_cli(path: Path):
    invocations = [argv for script in scripts_of(path) for argv in curate_invocations(script)]
    problems = [f"curate {shlex.join(argv)}: {error}" for argv in invocations if (error := parse_error(argv))]
    assert problems == []


def test_there_are_workflows_for_pull_requests_the_weekly_link_check_and_deploying():
    assert [path.name for path in WORKFLOWS] == [
        "deploy.yml",
        "link-check.yml",
        "pull-request.yml",
        "refresh.yml",
    ]


def test_pull_requests_are_validated_with_annotations_readme_site_and_changed_links():
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    commands = [shlex.join(argv) for s in run_scripts(workflow) for argv in curate_invocations(s)]

    assert list(triggers(workflow)) == ["pull_request"]
    assert commands == [
        "validate --format github",
        "schema --check",
        "readme --check",
        "check-links --changed-since 'origin/$BASE_REF' --format github",
    ]
    assert "mkdocs build --strict --site-dir public" in run_scripts(workflow)
    links = next(step for step in workflow["jobs"]["links"]["steps"]
                 if "check-links" in step.get("run", ""))
    assert links["env"]["GITHUB_TOKEN"] == "${{ github.token }}"  # GitHub API checks


def test_the_weekly_link_check_keeps_its_state_and_reports_in_one_issue():
    workflow = load(GITHUB / "workflows" / "link-check.yml")
    steps = workflow["jobs"]["links"]["steps"]
    scripts = run_scripts(workflow)
    commands = [shlex.join(argv) for s in scripts for argv in curate_invocations(s)]

    assert triggers(workflow)["schedule"] == [{"cron": "17 4 * * 1"}]
    assert commands == ["check-links --scheduled --format markdown --cache .cache/links.json"]
    check = next(step for step in steps if "check-links" in step.get("run", ""))
    assert check["env"]["GITHUB_TOKEN"] == "${{ github.token }}"
    assert [step["uses"] for step in steps if "uses" in step and "cache" in step["uses"]] == [
        f"actions/cache/restore@{CACHE_V5}",
        f"actions/cache/save@{CACHE_V5}",
    ]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["links"]["permissions"] == {"contents": "read", "issues": "write"}
    assert (
        "gh issue edit" in scripts[-1]
        and "gh issue create" in scripts[-1]
        and "gh issue close" in scripts[-1]
    )


def run_weekly_job(tmp_path: Path, exit_code: int, open_issue: str) -> tuple[int, list[str]]:
    """Run the weekly job's check step, then (if it passed, as Actions does) its issue step,
    with `curate` exiting `exit_code` and `gh` knowing `open_issue`; return the check step's
    exit code and the `gh` commands run (their first three words)."""
    steps = load(GITHUB / "workflows" / "link-check.yml")["jobs"]["links"]["steps"]
    check, issue = (step["run"] for step in steps if "run" in step)
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "curate").write_text(f"#!/bin/sh\necho '| broken | report |'\nexit {exit_code}\n")
    (tools / "gh").write_text(f'#!/bin/sh\necho "$1 $2 $3" >> "{tmp_path}/gh.log"\n'
                              f'[ "$1 $2" = "issue list" ] && echo "{open_issue}"\nexit 0\n')
    for tool in tools.iterdir():
        tool.chmod(0o755)
    env = {"PATH": f"{tools}:/usr/bin:/bin", "GITHUB_OUTPUT": str(tmp_path / "output"),
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"), "GITHUB_SERVER_URL": "https://x",
           "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "7"}
    checked = subprocess.run(["bash", "-e", "-c", check], cwd=tmp_path, env=env,
                             capture_output=True, text=True, check=False)
    if checked.returncode == 0:
        status = (tmp_path / "output").read_text().strip().removeprefix("status=")
        subprocess.run(["bash", "-e", "-c", issue], cwd=tmp_path, env={**env, "STATUS": status},
                       check=True, capture_output=True)
    log = tmp_path / "gh.log"
    return checked.returncode, log.read_text().splitlines() if log.exists() else []


@pytest.mark.parametrize(
    ("exit_code", "open_issue", "step_exit", "gh_commands"),
    [
        (0, "", 0, ["issue list --label"]),
        (0, "12", 0, ["issue list --label", "issue close 12"]),
        (1, "", 0, ["issue list --label", "label create link-check", "issue create --title"]),
        (1, "12", 0, ["issue list --label", "issue edit 12"]),
        (3, "12", 3, []),  # offline: the issue is left as it was
    ],
)
def test_the_weekly_job_opens_updates_closes_or_leaves_the_issue(
    tmp_path: Path, exit_code: int, open_issue: str, step_exit: int, gh_commands: list[str]
):
    code, gh = run_weekly_job(tmp_path, exit_code, open_issue)

    assert (code, gh) == (step_exit, gh_commands)


def test_main_is_built_and_deployed_to_github_pages():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    jobs = workflow["jobs"]

    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert "mkdocs build --strict --site-dir public" in run_scripts(workflow)
    assert [step["uses"] for step in jobs["build"]["steps"] if "pages" in step.get("uses", "")] == [
        "actions/configure-pages@45bfe0192ca1faeb007ade9deae92b16b8254a0d",
        "actions/upload-pages-artifact@7b1f4a764d45c48632c6b24a0339c27f5614fb0b",
    ]
    assert jobs["deploy"]["steps"] == [
        {"id": "deployment", "uses": "actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128"}
    ]
    assert "curate export" not in " ".join(run_scripts(workflow))  # the site build writes papers.json
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def tool(name: str) -> str:
    """A command-line tool installed with the test dependencies (next to this Python)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: pip install -e '.[test]'"
    return found


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


def test_actionlint_finds_nothing_to_fix():
    result = run(tool("actionlint"), "-oneline")

    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", [str(path.relative_to(REPO)) for path in WORKFLOWS]),
        ("vendor.github-actions", [str(path.relative_to(REPO)) for path in ACTIONS]),
        ("vendor.github-issue-forms", [".github/ISSUE_TEMPLATE/suggest-a-paper.yml"]),
        ("vendor.github-issue-config", [".github/ISSUE_TEMPLATE/config.yml"]),
        ("vendor.dependabot", [".github/dependabot.yml"]),
    ],
)
def test_github_files_match_githubs_schemas(schema: str, files: list[str]):
    result = run(tool("check-jsonschema"), "--builtin-schema", schema, *files)

    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")


def test_pre_commit_accepts_the_hooks_and_the_example_config():
    manifest = run(tool("pre-commit"), "validate-manifest", ".pre-commit-hooks.yaml")
    config = run(tool("pre-commit"), "validate-config", ".pre-commit-config.yaml")

    assert (manifest.returncode, manifest.stdout, config.returncode, config.stdout) == (
        0,
        "",
        0,
        "",
    )
    assert [hook["id"] for hook in load(REPO / ".pre-commit-hooks.yaml")] == [
        "curate-validate",
        "curate-readme",
    ]


def test_contributing_explains_every_contributor_file():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    files = [
        *WORKFLOWS,
        *ACTIONS,
        *sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")),
        *HOOK_FILES,
        GITHUB / "PULL_REQUEST_TEMPLATE.md",
    ]
    undocumented = [
        str(path.relative_to(REPO))
        for path in files
        if f"`{path.relative_to(REPO)}`" not in text and path.name != "config.yml"
    ]

    assert undocumented == []
    for heading in (
        "## Add a paper in three steps",
        "## Edit a record",
        "## Add a topic or a leaderboard",
        "## Run the checks locally",
    ):
        assert heading in text


USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def uses_lines() -> list[tuple[str, str, str]]:
    """(file, action reference, rest of the line) of every `uses:` in .github/."""
    return [
        (str(path.relative_to(REPO)), found[1], found[2])
        for path in [*WORKFLOWS, *ACTIONS]
        for line in path.read_text(encoding="utf-8").splitlines()
        if (found := USES_LINE.match(line))
    ]


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    unpinned = [
        f"{path}: {action}{rest}"
        for path, action, rest in uses_lines()
        if not action.startswith("./")
        and not (PINNED.match(action) and re.fullmatch(r" # v\d+(\.\d+)*", rest))
    ]

    assert unpinned == []
    # The one local action is named by path; './' works on every runner and GHES version
    # (zizmor's suggestion of the newer '$/' form is switched off in .github/zizmor.yml).
    assert {action for _, action, _ in uses_lines() if action.startswith("./")} == {
        "./.github/actions/setup-curate"
    }


def test_checkouts_keep_no_credentials_and_write_permissions_sit_on_the_jobs_that_need_them():
    workflows = {path.name: load(path) for path in WORKFLOWS}
    checkouts = [
        (name, step.get("with", {}).get("persist-credentials"))
        for name, workflow in workflows.items()
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    writes = {
        (name, job_id): sorted(k for k, v in (job.get("permissions") or {}).items() if v == "write")
        for name, workflow in workflows.items()
        for job_id, job in workflow["jobs"].items()
        if "write" in (job.get("permissions") or {}).values()
    }

    assert {value for _, value in checkouts} == {False}
    assert len(checkouts) == 5
    assert [name for name, w in workflows.items() if "write" in (w.get("permissions") or {}).values()] == []
    assert writes == {
        ("deploy.yml", "deploy"): ["id-token", "pages"],
        ("link-check.yml", "links"): ["issues"],
        ("refresh.yml", "refresh"): ["contents", "pull-requests"],
    }


def test_zizmor_finds_nothing_to_fix_even_as_a_pedantic_auditor():
    result = run(tool("zizmor"), "--offline", "--color", "never", "--persona", "pedantic",
                 "--format", "plain", ".github/")

    assert (result.returncode, result.stdout.strip()) == (0, "No findings to report. Good job!")


def test_dependabot_updates_the_action_pins_and_the_python_pins_weekly():
    config = load(GITHUB / "dependabot.yml")

    assert [(u["package-ecosystem"], u["schedule"]["interval"]) for u in config["updates"]] == [
        ("github-actions", "weekly"),
        ("pip", "weekly"),
    ]
    assert config["updates"][0]["directories"] == ["/", "/.github/actions/setup-curate"]


def test_the_weekly_refresh_opens_or_updates_one_pull_request_and_never_pushes_main():
    workflow = load(GITHUB / "workflows" / "refresh.yml")
    scripts = run_scripts(workflow)
    commands = [shlex.join(argv) for s in scripts for argv in curate_invocations(s)]
    publish = scripts[-1]

    assert triggers(workflow)["schedule"] == [{"cron": "41 5 * * 1"}]
    assert commands == ["enrich --refresh", "readme", "validate"]
    assert workflow["permissions"] == {}
    assert 'git push --force origin "HEAD:refs/heads/$branch"' in publish
    assert "branch=curate/refresh" in publish
    assert re.search(r"git push[^\n]*\bmain\b", publish) is None
    assert "gh pr edit" in publish and "gh pr create" in publish
