"""The httpx transport of every fetch (``bot.infra.fetch.bounded_get``).

Two guarantees that httpx's own transport cannot give:

- **The address checked is the address connected to.** Each host is resolved once; when private
  addresses are refused, every address it resolves to must be global, and the connection goes
  to one of those addresses. Resolving again to connect would let a name answer a public
  address to the check and 127.0.0.1 to the connect (DNS rebinding). The URL keeps its name, so
  the Host header, TLS SNI and certificate checks are the name's.
- **One deadline for the whole fetch.** Name lookup, connect, TLS, request, headers and body
  share one deadline: httpx's timeouts are per read, so a server trickling a byte a second
  would hold a fetch for as long as it likes.

Redirects open new connections through the same backend, so they are checked the same way.
Proxies from the environment are not used: the address a proxy connects to cannot be checked.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from bot.infra.errors import UnreadableArticleError


class GuardedTransport(httpx.HTTPTransport):
    """An ``httpx.HTTPTransport`` whose connections are made by a ``GuardedNetwork``."""

    def __init__(self, url: str, *, timeout_s: float, allow_private: bool) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=GuardedNetwork(url, timeout_s=timeout_s, allow_private=allow_private),
        )


class GuardedNetwork(httpcore.NetworkBackend):
    """Connects to checked addresses only, within one deadline from its creation. ``url``
    names the fetch in errors (a private address raises UnreadableArticleError)."""

    def __init__(self, url: str, *, timeout_s: float, allow_private: bool) -> None:
        self.url = url
        self.allow_private = allow_private
        self.deadline = time.monotonic() + timeout_s
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        problem: Exception | None = None
        for address in self._checked_addresses(host, port):
            left = _within(self.deadline, timeout, httpcore.ConnectTimeout)
            try:
                # a numeric address: the backend connects to it without resolving anything
                stream = self._backend.connect_tcp(
                    address, port, left, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                problem = exc  # try the host's next address, as a plain connect would
                continue
            return DeadlineStream(stream, self.deadline)
        raise httpcore.ConnectError(str(problem or f"no address for {host}"))

    def _checked_addresses(self, host: str, port: int) -> list[str]:
        infos = _resolve(host, port, _within(self.deadline, None, httpcore.ConnectTimeout))
        if infos is None:
            raise httpcore.ConnectTimeout(f"looking up {host} took too long")
        if isinstance(infos, socket.gaierror):
            raise UnreadableArticleError(self.url, f"host '{host}' not found") from infos
        if not self.allow_private and not all(_is_public(info[4][0]) for info in infos):
            raise UnreadableArticleError(
                self.url, "points to a local or private network address; not fetched"
            )
        return list(dict.fromkeys(info[4][0] for info in infos))


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _within(self._deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _within(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _within(self._deadline, timeout, httpcore.ConnectTimeout)
        tls = self._stream.start_tls(ssl_context, server_hostname, left)
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _within(deadline: float, timeout: float | None, timeout_error: type[Exception]) -> float:
    """The time an operation may take: its own timeout, cut to what is left of the deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise timeout_error("the fetch's deadline has passed")
    return left if timeout is None else min(timeout, left)


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int, timeout: float) -> list[Any] | socket.gaierror | None:
    """``getaddrinfo`` bounded by ``timeout`` (None when it took longer); the lookup runs in a
    daemon thread because the resolver itself cannot be interrupted."""
    answer: list[list[Any] | socket.gaierror] = []

    def lookup() -> None:
        try:
            answer.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except socket.gaierror as exc:
            answer.append(exc)
        except (UnicodeError, OSError) as exc:
            answer.append(socket.gaierror(str(exc)))

    thread = threading.Thread(target=lookup, name="trialbot-resolve", daemon=True)
    thread.start()
    thread.join(timeout)
    return answer[0] if answer else None
