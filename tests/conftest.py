"""Shared fixtures: copies of small projects, running `curate` in-process, local HTTP servers."""

from __future__ import annotations

import ipaddress
import shutil
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from tests.link_server import LinkServer

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
MINIMAL_PROJECT = TESTS_DIR / "data" / "minimal_project"


@dataclass
class CurateRun:
    """What one `curate` invocation returned and printed."""

    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def curate(capsys: pytest.CaptureFixture[str]) -> Callable[..., CurateRun]:
    """Run `curate ARGS...` in-process and capture its output."""

    def run(*args: str | Path) -> CurateRun:
        capsys.readouterr()
        exit_code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CurateRun(exit_code, captured.out, captured.err)

    return run


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture project."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL_PROJECT, root)
    return root


@pytest.fixture
def server() -> Iterator[LinkServer]:
    """A misbehaving-on-purpose HTTP server on 127.0.0.1 that counts every request."""
    instance = LinkServer("127.0.0.1")
    yield instance
    instance.close()


@pytest.fixture
def outbound_connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every address a socket tried to connect to; anything but loopback is refused.

    Tests about refused addresses use it as proof that no packet left for 10.0.0.1 or
    169.254.169.254, and as a fence so that a bug could not send one.
    """
    attempts: list[object] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def _fence(address: object) -> None:
        attempts.append(address)
        host = address[0] if isinstance(address, tuple) else None
        if host is None or not ipaddress.ip_address(host.split("%")[0]).is_loopback:
            raise ConnectionRefusedError(f"test fence: no connection to {address!r}")

    def connect(self: socket.socket, address: object) -> None:
        _fence(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        _fence(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return attempts
