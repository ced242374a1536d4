"""Files a pull request can plant under papers/ are refused unread, and names reach the terminal
escaped.

A record is read only when it is a regular file inside the project: a symbolic link (to
/etc/passwd, to an SSH key, to a valid record elsewhere), a linked record folder, a device, a
FIFO or a socket is reported as `file: message` with exit 1, and its content never reaches a
message. A file is read up to the size cap whatever `stat` says.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from generator.database.yamlsource import RefusedFile, read_regular_file
from tests.test_validate_bad_records import CASES_DIR, lay_over

LINK_REFUSED = (
    "is a symbolic link, not a regular file; a record must be a plain file inside the project "
    "(not read)"
)
LINKED_FOLDER = (
    "is a symbolic link; records must be plain files and folders inside the project "
    "(replace the link by the folder itself); not read"
)
SECRET = "root:x:0:0:root:/root:/bin/bash\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"


@pytest.fixture
def secret_outside(tmp_path: Path) -> Path:
    """A file outside the project that a record link points at."""
    secret = tmp_path / "outside" / "passwd"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def test_record_linked_to_a_file_outside_is_refused_unread(minimal_project, curate, secret_outside):
    (minimal_project / "papers" / "papers" / "p.yaml").symlink_to(secret_outside)

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == f"papers/papers/p.yaml: {LINK_REFUSED}\n"
    assert "root:" not in result.stdout + result.stderr
    assert "PRIVATE KEY" not in result.stdout + result.stderr
    assert result.exit_code == 1


def test_valid_record_linked_from_elsewhere_is_not_published(minimal_project, curate, tmp_path):
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(
        "id: linked\ntitle: A Record Kept Elsewhere\ntopics: [saliency]\nadded: 2019-10-01\n",
        encoding="utf-8",
    )
    (minimal_project / "papers" / "papers" / "linked.yaml").symlink_to(elsewhere)

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == f"papers/papers/linked.yaml: {LINK_REFUSED}\n"
    assert result.exit_code == 1


def test_linked_list_file_is_refused(minimal_project, curate, tmp_path):
    list_file = minimal_project / "papers" / "list.yaml"
    moved = tmp_path / "list.yaml"
    list_file.rename(moved)
    list_file.symlink_to(moved)

    result = curate("-C", minimal_project, "validate")

    assert result.stdout.splitlines()[0] == f"papers/list.yaml: {LINK_REFUSED}"
    assert result.exit_code == 1


def test_record_folder_linked_elsewhere_is_refused_unread(minimal_project, curate, secret_outside):
    resources = minimal_project / "papers" / "resources"
    for record in resources.iterdir():
        record.unlink()
    resources.rmdir()
    (secret_outside.parent / "stolen.yaml").write_text("id: stolen\n", encoding="utf-8")
    resources.symlink_to(secret_outside.parent, target_is_directory=True)

    result = curate("-C", minimal_project, "validate")

    assert f"papers/resources: {LINKED_FOLDER}" in result.stdout.splitlines()
    assert "stolen" not in result.stdout
    assert result.exit_code == 1


def test_database_folder_that_is_a_link_is_refused(minimal_project, curate, tmp_path):
    moved = tmp_path / "real-papers"
    (minimal_project / "papers").rename(moved)
    (minimal_project / "papers").symlink_to(moved, target_is_directory=True)

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == f"papers: {LINKED_FOLDER}\n"
    assert result.exit_code == 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_record_linked_to_an_endless_device_ends_at_once(minimal_project, curate, device):
    (minimal_project / "papers" / "papers" / "z.yaml").symlink_to(device)

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == f"papers/papers/z.yaml: {LINK_REFUSED}\n"
    assert result.exit_code == 1


def test_fifo_record_is_refused_without_waiting_for_a_writer(minimal_project, curate):
    os.mkfifo(minimal_project / "papers" / "papers" / "pipe.yaml")

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == (
        "papers/papers/pipe.yaml: is a FIFO (named pipe), not a regular file; a record must be "
        "a plain file inside the project (not read)\n"
    )
    assert result.exit_code == 1


def test_socket_and_folder_named_as_records_are_refused(minimal_project, curate, monkeypatch):
    papers = minimal_project / "papers" / "papers"
    (papers / "folder.yaml").mkdir()
    listener = socket.socket(socket.AF_UNIX)
    try:
        monkeypatch.chdir(papers)  # AF_UNIX paths are limited to about 100 bytes: bind a relative one
        listener.bind("sock.yaml")
        result = curate("-C", minimal_project, "validate")
    finally:
        listener.close()

    assert result.stdout == (
        "papers/papers/folder.yaml: is a folder, not a regular file; a record must be a plain "
        "file inside the project (not read)\n"
        "papers/papers/sock.yaml: is a socket, not a regular file; a record must be a plain "
        "file inside the project (not read)\n"
    )
    assert result.exit_code == 1


def test_reading_stops_at_the_cap_whatever_stat_says(tmp_path, monkeypatch):
    grown = tmp_path / "grown.yaml"
    grown.write_bytes(b"x" * 5000)  # as a file that grew after stat, or a /proc file (size 0)
    real_fstat = os.fstat

    def claims_empty(descriptor: int) -> os.stat_result:
        fields = list(real_fstat(descriptor))
        fields[6] = 0  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", claims_empty)

    with pytest.raises(RefusedFile) as refused:
        read_regular_file(grown, limit=100)
    assert read_regular_file(grown, limit=5000) == b"x" * 5000

    assert str(refused.value) == (
        "file is more than 0.0001 MB; a record may be at most 0.0001 MB (split it, or move data out of it)"
    )


NEWLINE_NAME = "evil\n::error file=README.md,line=1::forged.yaml"


def test_file_name_with_a_newline_cannot_forge_an_annotation(minimal_project, curate):
    (minimal_project / "papers" / "papers" / NEWLINE_NAME).write_text("id: x\n", encoding="utf-8")

    text = curate("-C", minimal_project, "validate")
    github = curate("-C", minimal_project, "validate", "--format", "github")

    shown = "papers/papers/evil\\n::error file=README.md,line=1::forged.yaml"
    assert text.stdout.splitlines()[0].startswith(f"{shown}:1: ")
    assert all(not line.startswith("::error file=README.md") for line in text.stdout.splitlines())
    assert all(line.startswith("::error file=papers/papers/") for line in github.stdout.splitlines())
    assert text.exit_code == github.exit_code == 1


def test_escape_sequences_in_a_file_name_are_shown_escaped(minimal_project, curate):
    (minimal_project / "papers" / "papers" / "\x1b]8;;https:\x07x\x1b[31m.yaml").write_text(
        "id: x\n", encoding="utf-8"
    )

    result = curate("-C", minimal_project, "validate")

    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout.splitlines()[0].startswith("papers/papers/\\x1b]8;;https:\\x07x\\x1b[31m.yaml:")


def test_a_file_that_is_one_long_value_is_quoted_shortly(minimal_project, curate):
    passwd_like = "".join(f"user{n}:x:{n}:{n}::/home/user{n}:/bin/sh\n" for n in range(2000))
    (minimal_project / "papers" / "papers" / "p.yaml").write_text(passwd_like, encoding="utf-8")

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == (
        "papers/papers/p.yaml:1: expected a mapping of fields (key: value), got a single value "
        f"'user0:x:0:0::/home/user0:/bin/sh user1:x:1:1::/home/user1:/bin/sh user2:x:2...' "
        f"({len(' '.join(passwd_like.split()))} characters)\n"
    )


def test_every_message_quotes_at_most_80_characters_of_a_huge_value(minimal_project, curate):
    huge = "x" * 20_000
    key = f"? {huge}\n: 1\n"  # an explicit key: plain keys stop at 1024 characters
    (minimal_project / "papers" / "papers" / "huge.yaml").write_text(
        f"id: {huge}\ntitle: {huge}\nvenue: {huge}\nyear: '{huge}'\ntopics: [{huge}]\n"
        f"tags: [{huge}]\nlinks: {{url: 'https://{huge}', arxiv: '{huge}', doi: '10.{huge}'}}\n"
        f"added: {huge}\n{key}results:\n- leaderboard: {huge}\n  values:\n    ? {huge}\n    : 1\n",
        encoding="utf-8",
    )
    papers = minimal_project / "papers" / "papers"
    (papers / "keys.yaml").write_text(f"id: keys\n{key}{key}", encoding="utf-8")
    (minimal_project / "papers" / "papers" / "tag.yaml").write_text(
        f"id: tag\nnotes: !python/object:{huge} x\n", encoding="utf-8"
    )

    long = "y" * 400  # within the field's length: the cross-record checks quote it
    (papers / "long.yaml").write_text(
        f"id: long\ntitle: Long Values\nvenue: {long}\ntopics: [saliency]\nadded: 2019-10-01\n"
        f"results:\n- leaderboard: voc\n  values: {{{long}: 1}}\n",
        encoding="utf-8",
    )

    result = curate("-C", minimal_project, "validate")

    lines = result.stdout.splitlines()
    assert "papers/papers/long.yaml:3: venue: unknown venue 'yyyyyyyy" in result.stdout
    assert all(long[:81] not in line for line in lines)
    assert len(lines) >= 10
    assert max(len(line) for line in lines) < 500
    assert all(huge[:81] not in line for line in lines)
    assert result.exit_code == 1


def test_huge_integers_stop_export_with_the_validate_messages(minimal_project, curate):
    lay_over(minimal_project, "huge-numbers")

    exported = curate("-C", minimal_project, "export")

    assert exported.exit_code == 1
    assert exported.stdout == ""
    expected = (CASES_DIR / "huge-numbers" / "expected.txt").read_text(encoding="utf-8")
    assert exported.stderr == f"{expected}curate: {len(expected.splitlines())} problems found\n"


def test_a_page_linked_to_a_file_outside_is_refused(minimal_project, curate, secret_outside):
    pages = minimal_project / "site"
    (pages / "notes").mkdir(parents=True)
    (pages / "notes" / "passwd.md").symlink_to(secret_outside)
    os.mkfifo(pages / "pipe.md")

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == (
        "site/notes/passwd.md: is a symbolic link, not a regular file; pages must be plain files "
        "inside the project (MkDocs would follow a link and publish what it points to)\n"
        "site/pipe.md: is a FIFO (named pipe), not a regular file; pages must be plain files "
        "inside the project (MkDocs would follow a link and publish what it points to)\n"
    )
    assert result.exit_code == 1
