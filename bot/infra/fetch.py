"""Fetching an article page by URL (``/trials add URL``, ``trialbot ingest URL``, feed items): one
GET with a timeout, a size cap and a content-type check, then the same loaders as files
(``index.loaders.load_bytes``). ``BoundedFetcher`` holds the limits of that GET (``bounded_get``)
and is shared with the feed fetcher.

Requests to loopback, private or link-local addresses are refused unless allowed, redirects
and DNS answers that change between lookups included (``bot.infra.guarded_transport``): a chat user
must not be able to make the bot read internal services. Malformed URLs are refused with the
reason (``url_problem``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from typing import Self, TypeVar
from urllib.parse import urlparse

import httpx

from bot.infra.errors import UnreadableArticleError, UnsupportedArticleError
from bot.infra.guarded_transport import GuardedTransport
from bot.infra.settings import FetchSettings
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
    """The limits of every fetch (``fetch`` settings): a deadline, a size cap, private addresses
    refused unless allowed. Subclasses say what they fetch and how they check a response."""

    def __init__(
        self,
        *,
        timeout_s: float = 15.0,
        max_bytes: int = 5 * 1024 * 1024,
        allow_private: bool = False,
    ) -> None:
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self.allow_private = allow_private

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
    user_agent: str = "trialbot",
    what: str = "page",
) -> tuple[bytes, T]:
    """One GET of ``url``: ``check`` sees the response before its body is read (and raises to
    refuse it); the body is read up to ``max_bytes``. ``timeout_s`` bounds the whole fetch
    (lookup, connect, headers and body). Raises UnreadableArticleError (source = the URL) for a
    malformed URL, a timeout, a network error, too many redirects, a private address (redirects
    and DNS answers included: see ``bot.infra.guarded_transport``) or a body that is too large."""
    problem = url_problem(url)
    if problem:
        raise UnreadableArticleError(url, problem)
    transport = GuardedTransport(url, timeout_s=timeout_s, allow_private=allow_private)
    try:
        with (
            httpx.Client(
                timeout=timeout_s,
                follow_redirects=True,
                max_redirects=5,
                transport=transport,
                headers={"User-Agent": user_agent},
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
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise UnreadableArticleError(url, f"cannot be fetched ({_one_line(exc)})") from exc
    return bytes(data), checked


# a host whose last label is a number is an IPv4 address (as browsers read URLs)
_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)


def url_problem(url: str) -> str:
    """Why ``url`` cannot be fetched as written ("" when it can): not http(s), no host, a bad
    port, or a malformed address (``999.1.1.1``, ``[::1``, octal, hex or short IPv4 forms,
    which resolvers read differently)."""
    try:
        parsed = urlparse(url)
        host = parsed.hostname
        parsed.port  # noqa: B018 (raises for a port that is not a number in range)
    except ValueError as exc:
        return f"not a valid URL ({_one_line(exc)})"
    if parsed.scheme not in ("http", "https") or not host:
        return "not an http(s) URL"
    if "[" in parsed.netloc:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"invalid host '{host}': not an IPv6 address"
    elif _NUMERIC_LABEL.match(host.rstrip(".").rsplit(".", 1)[-1]):
        try:
            ipaddress.IPv4Address(host.rstrip("."))
        except ValueError:
            return f"invalid host '{host}': not an IPv4 address (four numbers 0 to 255)"
    try:
        httpx.URL(url)
    except httpx.InvalidURL as exc:
        return f"not a valid URL ({_one_line(exc)})"
    return ""


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _too_large(max_bytes: int, what: str = "page") -> str:
    return f"the {what} is larger than {max_bytes / 1024 / 1024:g} MiB"
