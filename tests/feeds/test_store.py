"""Subscriptions and items seen, in the state DB: what survives a restart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.feeds.fetch import FeedItem
from bot.feeds.store import FeedStore
from bot.infra.errors import FeedError
from bot.state import SqliteStateDB

FEED = "https://news.example.org/oncology.rss"
ITEMS = [FeedItem(f"guid-{n}", f"https://news.example.org/{n}.html", f"Item {n}") for n in range(3)]


def store(tmp_path: Path) -> FeedStore:
    return FeedStore(SqliteStateDB(tmp_path / "state.sqlite3"))


def test_add_list_remove_survive_a_restart(tmp_path: Path):
    assert store(tmp_path).add(FEED)
    assert not store(tmp_path).add(f"  {FEED} "), "the same feed is not added twice"
    assert [f.url for f in store(tmp_path).feeds()] == [FEED]
    assert store(tmp_path).remove(FEED)
    assert not store(tmp_path).remove(FEED)
    assert store(tmp_path).feeds() == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "news.example.org/feed", "ftp://x/y"])
def test_only_http_feeds(tmp_path: Path, url: str):
    with pytest.raises(FeedError, match="not an http"):
        store(tmp_path).add(url)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://999.1.1.1/feed.xml", "invalid host '999.1.1.1'"),
        ("http://[::1/feed.xml", "not a valid URL"),
        ("http://0177.0.0.1/feed.xml", "invalid host '0177.0.0.1'"),
        ("http://example.org:99999/feed.xml", "not a valid URL"),
    ],
)
def test_malformed_feed_urls_are_refused(tmp_path: Path, url: str, reason: str):
    with pytest.raises(FeedError, match=re.escape(reason)):
        store(tmp_path).add(url)
    assert store(tmp_path).feeds() == []


def test_an_item_is_seen_once_ingested_and_retried_until_given_up(tmp_path: Path):
    feeds = store(tmp_path)
    feeds.add(FEED)
    assert feeds.unseen(FEED, ITEMS, attempts=2) == ITEMS
    feeds.mark_ingested(FEED, ITEMS[0], "article-0")
    assert feeds.note_failure(FEED, ITEMS[1], "HTTP 503") == 1
    restarted = store(tmp_path)
    assert restarted.unseen(FEED, ITEMS, attempts=2) == ITEMS[1:], "a failed item is retried"
    assert restarted.note_failure(FEED, ITEMS[1], "HTTP 503") == 2
    assert restarted.unseen(FEED, ITEMS, attempts=2) == ITEMS[2:], "given up after 2 attempts"
    restarted.mark_ingested(FEED, ITEMS[2], "article-2")
    assert restarted.unseen(FEED, ITEMS, attempts=2) == []


def test_poll_results_are_remembered(tmp_path: Path):
    feeds = store(tmp_path)
    feeds.add(FEED)
    assert feeds.feeds()[0].last_polled_at == ""
    feeds.note_poll(FEED, "the site answered HTTP 500")
    (feed,) = store(tmp_path).feeds()
    assert feed.last_polled_at and feed.last_error == "the site answered HTTP 500"
    feeds.note_poll(FEED)
    assert store(tmp_path).feeds()[0].last_error == ""


def test_removing_a_feed_forgets_its_items(tmp_path: Path):
    feeds = store(tmp_path)
    feeds.add(FEED)
    feeds.mark_ingested(FEED, ITEMS[0], "article-0")
    feeds.remove(FEED)
    feeds.add(FEED)
    assert feeds.unseen(FEED, ITEMS, attempts=5) == ITEMS
