"""Fetching an article page by URL (``/trials add URL``): one GET with a timeout, a size cap and a
content-type check, then the same loaders as files (``index.loaders.load_bytes``).

Requests to loopback, private or link-local addresses are refused unless allowed, redirects
included: a chat user must not be able to make the bot read internal services.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlparse

import httpx

from bot.errors import UnreadableArticleError, UnsupportedArticleError
from index.loaders import LoadedArticle, load_bytes

# content type -> the loader's file suffix
SUFFIX_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
}


class ArticleFetcher:
    """Fetches one article page and extracts its text."""

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

    def fetch(self, url: str) -> LoadedArticle:
        """The article at ``url``; raises an ArticleError (source = the URL) with a clear reason."""
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise UnreadableArticleError(url, "not an http(s) URL")

        def check_host(request: httpx.Request) -> None:
            if not self.allow_private:
                _refuse_private_host(url, request.url.host)

        try:
            with (
                httpx.Client(
                    timeout=self.timeout_s,
                    follow_redirects=True,
                    max_redirects=5,
                    transport=self._transport,
                    headers={"User-Agent": "trialbot (article fetch)"},
                    event_hooks={"request": [check_host]},
                ) as client,
                client.stream("GET", url) as response,
            ):
                suffix = self._check_response(url, response)
                data = bytearray()
                for part in response.iter_bytes():
                    data += part
                    if len(data) > self.max_bytes:
                        raise UnreadableArticleError(url, self._too_large())
        except httpx.TimeoutException as exc:
            raise UnreadableArticleError(url, f"no answer within {self.timeout_s:g} s") from exc
        except httpx.TooManyRedirects as exc:
            raise UnreadableArticleError(url, "too many redirects") from exc
        except httpx.HTTPError as exc:
            raise UnreadableArticleError(url, f"cannot be fetched ({exc})") from exc
        return load_bytes(bytes(data), url, suffix)

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
            raise UnreadableArticleError(url, self._too_large())
        return suffix

    def _too_large(self) -> str:
        return f"the page is larger than {self.max_bytes / 1024 / 1024:g} MiB"


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
