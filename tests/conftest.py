"""Fixtures shared by the tests: local HTTP servers and a guard that keeps traffic local."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator

import pytest
from link_server import LinkServer


@pytest.fixture
def server() -> Iterator[LinkServer]:
    """A misbehaving-on-purpose HTTP server on 127.0.0.1."""
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
