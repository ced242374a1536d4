"""The resolver the HTTP connector uses: each host looked up once, its addresses checked.

The host name is resolved once, the addresses are classified by the `AddressPolicy`, and
the connector connects to exactly those checked addresses: there is no second lookup an
attacker's DNS server could answer differently (no DNS-rebinding window).
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass, field

from aiohttp.abc import AbstractResolver, ResolveResult

from generator.linkcheck.safety import (
    AddressPolicy,
    Lookup,
    NameNotFound,
    UnsafeAddress,
    ip_literal,
    system_lookup,
)


@dataclass
class CheckedResolver(AbstractResolver):
    """Resolve each host once, refuse it when any of its addresses is not allowed."""

    policy: AddressPolicy
    lookup: Lookup = system_lookup
    timeout: float = 5.0
    """Seconds one lookup may take: a DNS server that never answers must not stall the run."""
    _answers: dict[tuple[str, int], asyncio.Future[list[str]]] = field(default_factory=dict)

    async def addresses(self, host: str, port: int) -> list[str]:
        """Allowed addresses of `host`; raise UnsafeAddress, NameNotFound or OSError."""
        key = (host.lower().rstrip("."), port)
        answer = self._answers.get(key)
        if answer is None:  # One lookup per host, shared by every URL on it.
            answer = self._answers[key] = asyncio.ensure_future(self._checked_lookup(*key))
        if answer.done():  # The common case: no new future per URL.
            return answer.result()
        return await asyncio.shield(answer)

    async def _checked_lookup(self, host: str, port: int) -> list[str]:
        literal = ip_literal(host)
        try:
            async with asyncio.timeout(self.timeout):
                addresses = [str(literal)] if literal else await self.lookup(host, port)
        except TimeoutError:
            raise OSError(f"DNS lookup for {host} timed out after {self.timeout:g} s") from None
        if not addresses:
            raise NameNotFound(f"DNS name not found: {host}")
        for address in addresses:
            why = self.policy.refusal(address)
            if why:
                raise UnsafeAddress(host, address, why)
        return addresses

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """The connector's hook: it connects only to what this returns."""
        return [
            ResolveResult(
                hostname=host, host=address, port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0, flags=socket.AI_NUMERICHOST,
            )
            for address in await self.addresses(host, port)
        ]

    async def close(self) -> None:
        for answer in self._answers.values():
            if not answer.done():
                answer.cancel()
