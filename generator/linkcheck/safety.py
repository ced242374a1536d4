"""Which addresses may be requested: public ones only, checked when connecting.

A URL naming a private host must not make the checker a way into the machine's network
(cloud metadata at 169.254.169.254, an admin page on 10.x, a service on localhost). This
module says which addresses are allowed; `resolver.CheckedResolver` applies it where the
connection is made.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from generator.errors import CurateError

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Lookup = Callable[[str, int], Awaitable[list[str]]]
"""Resolve a host name and port to IP address strings (a hook for tests)."""

_EXTRA_PRIVATE = (
    ipaddress.ip_network("100.64.0.0/10"),  # carrier-grade NAT, not in is_private everywhere
    ipaddress.ip_network("192.0.0.0/24"),
    ipaddress.ip_network("198.18.0.0/15"),  # benchmarking
)


def address_class(address: IpAddress) -> str | None:
    """Why `address` must not be requested ('loopback', 'private', ...), or None when public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address_class(address.ipv4_mapped)
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private or any(address in net for net in _EXTRA_PRIVATE
                                               if net.version == address.version)),
        ("non-global", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def ip_literal(host: str) -> IpAddress | None:
    """The address when `host` is an IP literal ('10.0.0.1', '::1', '[::1]'), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


class UnsafeAddress(OSError, CurateError):
    """A host that resolves to an address the policy refuses."""

    def __init__(self, host: str, address: str, why: str) -> None:
        super().__init__(f"{host} resolves to {why} address {address}")
        self.host = host
        self.address = address
        self.why = why


class NameNotFound(OSError, CurateError):
    """The DNS says the host name does not exist."""


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be connected to."""

    allow_private: bool = False
    """Let loopback, private, link-local and reserved addresses through (`--allow-private`)."""
    treat_as_public: frozenset[str] = frozenset()
    """Addresses to consider public anyway; only tests use this, to stand in for the internet."""

    def refusal(self, address: str) -> str | None:
        """Why `address` is refused, or None when it may be connected to."""
        if self.allow_private or address in self.treat_as_public:
            return None
        parsed = ip_literal(address)
        return "an invalid" if parsed is None else address_class(parsed)


async def system_lookup(host: str, port: int) -> list[str]:
    """Resolve with the system resolver (getaddrinfo in a thread)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        if error.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            raise NameNotFound(f"DNS name not found: {host}") from None
        raise OSError(f"DNS lookup failed for {host}: {error.strerror}") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))
