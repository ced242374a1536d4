"""Killed runs leave nothing git would pick up, the next run clears it, and a full disk
during a build is one message that keeps the previous site.

A killed `import` leaves hidden `.NAME.PID.RANDOM.tmp` files beside the records, a killed
`build` a `.OUTPUT-building-PID-RANDOM/` folder beside the site. Both are git-ignored, and the
next write into that folder (the next build) removes those whose process is gone.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.atomic import write_text_atomically, write_texts_atomically
from generator.cli import main
from tests.conftest import REPO_ROOT
from tests.website.conftest import make_project


@pytest.fixture(scope="module")
def dead_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def git_ignores(root: Path, *paths: str) -> list[bool]:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_bytes((REPO_ROOT / ".gitignore").read_bytes())
    return [
        subprocess.run(["git", "-C", str(root), "check-ignore", "-q", path], check=False).returncode == 0
        for path in paths
    ]


def test_leftovers_of_killed_runs_are_git_ignored_and_records_are_not(tmp_path):
    assert git_ignores(
        tmp_path,
        "papers/papers/.ficklenet-cvpr2019.yaml.4242.k2j4h5g6.tmp",
        ".README.md.4242.abcdefgh.tmp",
        ".public-building-4242-abcdefgh/site/index.html",
        ".out-building-abcdefgh/site/index.html",
        "papers/papers/ficklenet-cvpr2019.yaml",
        "README.md",
    ) == [True, True, True, True, False, False]


def test_the_next_write_removes_temporaries_of_ended_runs_only(tmp_path, dead_pid):
    folder = tmp_path / "papers" / "papers"
    folder.mkdir(parents=True)
    killed = [folder / f".paper-{n}.yaml.{dead_pid}.abcd{n:04d}.tmp" for n in range(300)]
    for path in killed:
        path.write_text("id: half a rec", encoding="utf-8")
    running = folder / f".other.yaml.{os.getppid()}.abcdefgh.tmp"  # a live process writing
    running.write_text("being written", encoding="utf-8")
    own_notes = folder / ".notes.tmp"  # not ours: no process id in the name
    own_notes.write_text("kept", encoding="utf-8")

    write_texts_atomically([(folder / "new.yaml", "id: new\n")])

    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["new.yaml", running.name, own_notes.name]
    )


def test_an_atomic_write_leaves_no_temporary_even_when_it_fails(tmp_path):
    (tmp_path / "a-folder.yaml").mkdir()

    with pytest.raises(IsADirectoryError):
        write_texts_atomically([(tmp_path / "fine.yaml", "x\n"), (tmp_path / "a-folder.yaml", "y\n")])
    write_text_atomically(tmp_path / "fine.yaml", "z\n")

    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-folder.yaml", "fine.yaml"]


def test_full_disk_during_build_is_one_message_and_keeps_the_previous_site(tmp_path, capfd, dead_pid):
    project = make_project(tmp_path / "project")
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("previous site", encoding="utf-8")
    for stale in (f".out-building-{dead_pid}-abcdefgh", ".out-building-k2j4h5g6"):  # killed builds
        (tmp_path / stale / "site").mkdir(parents=True)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    capfd.readouterr()

    # A file size limit makes every write past 20 kB fail (EFBIG) as a full disk (ENOSPC)
    # does, in curate and in the MkDocs it runs.
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, hard))
    try:
        exit_code = main(["-C", str(project), "build", "-o", str(output)])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))

    stderr = capfd.readouterr().err
    message = stderr.splitlines()[-1]
    assert exit_code == 1
    assert message.startswith(
        "curate: the site build failed (mkdocs exit 1: OSError: [Errno 27] File too large: "
    )
    assert message.endswith(f"); {output} was left as it was")
    assert "Traceback" not in stderr
    assert (output / "index.html").read_text(encoding="utf-8") == "previous site"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out", "project"]


def test_output_that_cannot_be_made_is_one_message(tmp_path, capfd):
    project = make_project(tmp_path / "project")
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")

    exit_code = main(["-C", str(project), "build", "-o", str(tmp_path / "a-file" / "site")])

    assert exit_code == 1
    assert capfd.readouterr().err == (
        f"curate: cannot write the site: File exists ({tmp_path / 'a-file'}); "
        f"{tmp_path / 'a-file' / 'site'} was left as it was\n"
    )


def test_build_refuses_a_linked_record_or_page_and_keeps_the_previous_site(tmp_path, capfd):
    project = make_project(tmp_path / "project")
    secret = tmp_path / "id_ed25519"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n", encoding="utf-8")
    (project / "papers" / "papers" / "key.yaml").symlink_to(secret)
    (project / "site" / "key.md").symlink_to(secret)
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("previous site", encoding="utf-8")

    exit_code = main(["-C", str(project), "build", "-o", str(output)])

    captured = capfd.readouterr()
    assert exit_code == 1
    assert (
        "papers/papers/key.yaml: is a symbolic link, not a regular file; a record must be a "
        "plain file inside the project (not read)"
    ) in captured.err.splitlines()
    assert (
        "site/key.md: is a symbolic link, not a regular file; pages must be plain files inside "
        "the project (MkDocs would follow a link and publish what it points to)"
    ) in captured.err.splitlines()
    assert "PRIVATE KEY" not in captured.out + captured.err
    assert "Traceback" not in captured.err
    assert (output / "index.html").read_text(encoding="utf-8") == "previous site"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["id_ed25519", "out", "project"]


def test_a_temporary_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    folder = tmp_path / "papers" / "papers"
    folder.mkdir(parents=True)
    killed = subprocess.run(  # stages a copy as an import does, then dies before the swap
        [sys.executable, "-c",
         "import os, sys; from pathlib import Path; from generator.atomic import _staged_copy; "
         "_staged_copy(Path(sys.argv[1]), 'id: half'); os._exit(9)", str(folder / "a.yaml")],
        cwd=REPO_ROOT, check=False,
    )
    left = [path.name for path in folder.iterdir()]
    assert killed.returncode == 9 and len(left) == 1 and left[0].startswith(".a.yaml.")

    write_text_atomically(folder / "b.yaml", "id: b\n")

    assert [path.name for path in folder.iterdir()] == ["b.yaml"]
