"""Reading one feed from the loopback site: RSS and Atom, and every failure with its reason."""

from __future__ import annotations

import time

import pytest

from bot.feeds.fetch import FeedFetcher
from bot.infra.errors import FeedError
from tests.feeds.site import BRISTLE3, ORCA7, NewsSite


def fetcher(**options: object) -> FeedFetcher:
    return FeedFetcher(allow_private=True, **options)  # type: ignore[arg-type]


def test_rss_items_newest_first_with_links_resolved(site: NewsSite):
    site.publish(ORCA7, "Zemplitinib in ORCA-7")
    site.publish(BRISTLE3, "Lumadostat in BRISTLE-3")
    items = fetcher().fetch(site.url("/feed.xml"))
    assert [i.title for i in items] == ["Lumadostat in BRISTLE-3", "Zemplitinib in ORCA-7"]
    # the feed's links are relative: resolved against the feed's address
    assert items[1].link == site.article_url(ORCA7)
    assert items[1].key == f"example-wire-{ORCA7}"


def test_atom_is_read_too(site: NewsSite):
    site.publish(ORCA7)
    (item,) = fetcher().fetch(site.url("/atom.xml"))
    assert item.link == site.article_url(ORCA7) and item.key == f"urn:example-wire:{ORCA7}"


def test_an_empty_feed_has_no_items(site: NewsSite):
    assert fetcher().fetch(site.url("/feed.xml")) == []


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/error.xml", "the site answered HTTP 500"),
        ("/broken.xml", "not a valid RSS or Atom feed"),
        ("/articles/orca7_zemplitinib.html", "not (a valid RSS or Atom|an RSS or Atom) feed"),
        ("/missing.xml", "HTTP 404"),
    ],
)
def test_a_bad_feed_says_why(site: NewsSite, path: str, reason: str):
    with pytest.raises(FeedError, match=reason) as raised:
        fetcher().fetch(site.url(path))
    assert raised.value.url == site.url(path)


def test_a_slow_feed_times_out(site: NewsSite):
    started = time.monotonic()
    with pytest.raises(FeedError, match=r"no answer within 0\.3 s"):
        fetcher(timeout_s=0.3).fetch(site.url("/slow.xml"))
    assert time.monotonic() - started < 1.4


def test_size_is_capped(site: NewsSite):
    for i in range(40):
        site.publish(ORCA7, f"Item {i} " + "x" * 60)
    with pytest.raises(FeedError, match="the feed is larger than"):
        fetcher(max_bytes=1024).fetch(site.url("/feed.xml"))


def test_private_addresses_are_refused_unless_allowed(site: NewsSite):
    with pytest.raises(FeedError, match="local or private network"):
        FeedFetcher().fetch(site.url("/feed.xml"))
