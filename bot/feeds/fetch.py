"""Reading one RSS or Atom feed: a bounded GET (``bot.infra.fetch.BoundedFetcher``: timeout,
size cap, private addresses refused unless allowed), then feedparser on the bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import feedparser
import httpx

from bot.infra.errors import ArticleError, FeedError
from bot.infra.fetch import BoundedFetcher

# feedparser flags these on feeds it read completely; anything else is a broken feed
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: ``key`` identifies it within the feed (its guid, else its link)."""

    key: str
    link: str
    title: str


class FeedFetcher(BoundedFetcher):
    """Fetches and parses one feed; every failure is a FeedError with a clear reason."""

    def fetch(self, url: str) -> list[FeedItem]:
        """The feed's items in the feed's order (usually newest first)."""
        try:
            data, final_url = self._get(
                url, lambda response: _check(url, response), "trialbot (feed poll)", what="feed"
            )
        except ArticleError as exc:
            raise FeedError(url, exc.reason) from exc
        # the final URL resolves relative links after redirects
        parsed = feedparser.parse(data, response_headers={"content-location": final_url})
        problem = parsed.get("bozo_exception")
        if parsed.get("bozo") and not isinstance(problem, _BENIGN):
            raise FeedError(url, f"not a valid RSS or Atom feed ({_describe(problem)})")
        if not parsed.get("version") and not parsed.entries:
            raise FeedError(url, "not an RSS or Atom feed")
        items = []
        for entry in parsed.entries:
            link = str(entry.get("link") or "").strip()
            if not link:
                continue  # nothing to fetch; feeds that carry whole articles are not read
            title = " ".join(str(entry.get("title") or "").split())
            key = str(entry.get("id") or link).strip()
            items.append(FeedItem(_short_key(key), link, title))
        return items


def _check(url: str, response: httpx.Response) -> str:
    if response.status_code >= 400:
        raise FeedError(url, f"the site answered HTTP {response.status_code}")
    return str(response.url)


def _describe(problem: object) -> str:
    text = " ".join(str(problem or "unknown error").split())
    return text[:200]


def _short_key(key: str) -> str:
    """Keys longer than a reasonable guid are stored as their hash."""
    if len(key) <= 500:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()
