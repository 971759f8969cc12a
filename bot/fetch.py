"""Fetching an article page by URL (``/trials add URL``, ``trialbot ingest URL``, feed items): one
GET with a timeout, a size cap and a content-type check, then the same loaders as files
(``index.loaders.load_bytes``). ``BoundedFetcher`` holds the limits of that GET (``bounded_get``)
and is shared with the feed fetcher.

Requests to loopback, private or link-local addresses are refused unless allowed, redirects
included: a chat user must not be able to make the bot read internal services.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Self, TypeVar
from urllib.parse import urlparse

import httpx

from bot.errors import UnreadableArticleError, UnsupportedArticleError
from bot.settings import FetchSettings
from index.loaders import LoadedArticle, load_bytes

T = TypeVar("T")

# content type -> the loader's file suffix
SUFFIX_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
}


class BoundedFetcher:
    """The limits of every fetch (``fetch`` settings): a timeout, a size cap, private addresses
    refused unless allowed. Subclasses say what they fetch and how they check a response."""

    def __init__(
        self,
        *,
        timeout_s: float = 15.0,
        max_bytes: int = 5 * 1024 * 1024,
        allow_private: bool = False,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self._transport = transport

    @classmethod
    def from_settings(cls, settings: FetchSettings) -> Self:
        return cls(
            timeout_s=settings.timeout_s,
            max_bytes=settings.max_bytes,
            allow_private=settings.allow_private,
        )

    def _get(
        self, url: str, check: Callable[[httpx.Response], T], user_agent: str, what: str = "page"
    ) -> tuple[bytes, T]:
        return bounded_get(
            url,
            check,
            timeout_s=self.timeout_s,
            max_bytes=self.max_bytes,
            allow_private=self.allow_private,
            transport=self._transport,
            user_agent=user_agent,
            what=what,
        )


class ArticleFetcher(BoundedFetcher):
    """Fetches one article page and extracts its text."""

    def fetch(self, url: str) -> LoadedArticle:
        """The article at ``url``; raises an ArticleError (source = the URL) with a clear reason."""
        data, suffix = self._get(
            url, lambda response: self._check_response(url, response), "trialbot (article fetch)"
        )
        return load_bytes(data, url, suffix)

    def _check_response(self, url: str, response: httpx.Response) -> str:
        if response.status_code >= 400:
            raise UnreadableArticleError(url, f"the site answered HTTP {response.status_code}")
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        suffix = SUFFIX_BY_TYPE.get(content_type)
        if suffix is None:
            raise UnsupportedArticleError(
                url,
                f"unsupported content type '{content_type or 'none'}' (HTML, plain text or PDF)",
            )
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise UnreadableArticleError(url, _too_large(self.max_bytes))
        return suffix


def bounded_get(
    url: str,
    check: Callable[[httpx.Response], T],
    *,
    timeout_s: float,
    max_bytes: int,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
    user_agent: str = "trialbot",
    what: str = "page",
) -> tuple[bytes, T]:
    """One GET of ``url``: ``check`` sees the response before its body is read (and raises to
    refuse it); the body is read up to ``max_bytes``. Raises UnreadableArticleError (source =
    the URL) for a timeout, a network error, too many redirects, a private address or a body
    that is too large."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UnreadableArticleError(url, "not an http(s) URL")

    def check_host(request: httpx.Request) -> None:
        if not allow_private:
            _refuse_private_host(url, request.url.host)

    try:
        with (
            httpx.Client(
                timeout=timeout_s,
                follow_redirects=True,
                max_redirects=5,
                transport=transport,
                headers={"User-Agent": user_agent},
                event_hooks={"request": [check_host]},
            ) as client,
            client.stream("GET", url) as response,
        ):
            checked = check(response)
            data = bytearray()
            for part in response.iter_bytes():
                data += part
                if len(data) > max_bytes:
                    raise UnreadableArticleError(url, _too_large(max_bytes, what))
    except httpx.TimeoutException as exc:
        raise UnreadableArticleError(url, f"no answer within {timeout_s:g} s") from exc
    except httpx.TooManyRedirects as exc:
        raise UnreadableArticleError(url, "too many redirects") from exc
    except httpx.HTTPError as exc:
        raise UnreadableArticleError(url, f"cannot be fetched ({exc})") from exc
    return bytes(data), checked


def _too_large(max_bytes: int, what: str = "page") -> str:
    return f"the {what} is larger than {max_bytes / 1024 / 1024:g} MiB"


def _refuse_private_host(url: str, host: str) -> None:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise UnreadableArticleError(url, f"host '{host}' not found") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise UnreadableArticleError(
                url, "points to a local or private network address; not fetched"
            )
