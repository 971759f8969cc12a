"""Polling: fetch every subscribed feed, fetch the pages of its new items, ingest them.

Safe to run from cron and idempotent:

- pages are fetched before the index's write lock is taken (slow sites never hold it), then
  all fetched articles are ingested under one ``Services.ingestor()``;
- an item is recorded as seen only after its article is in the index, so any failure (page
  down, index locked, process killed) leaves it for the next poll;
- a second poll running at the same time is refused the write lock (``IndexLockedError``) and
  ingests nothing; without the lock (a Chroma server, polls on several hosts sharing a
  PostgreSQL state) each poll claims the items it fetches, so each item is ingested by one poll
  (and ingest is idempotent by content anyway).

A feed that is down, slow, answers an error or is not valid RSS/Atom is reported and skipped;
the other feeds go on and the next poll tries it again. Whatever goes wrong with one item
(fetch, parse, load, ingest; an error we did not foresee included) is that item's failure:
counted against its attempts, reported by its link, and the other items go on. Only an index
that is locked or unavailable stops the poll, since no item could be ingested.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from typing import Literal

from bot.app.services import Services
from bot.feeds.fetch import FeedFetcher, FeedItem
from bot.feeds.store import FeedStore
from bot.infra.errors import ArticleError, FeedError, IndexLockedError, IndexUnavailableError
from bot.infra.fetch import ArticleFetcher
from index.loaders import LoadedArticle

log = logging.getLogger(__name__)

ItemStatus = Literal["added", "replaced", "unchanged", "failed", "given up"]


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one new item of a feed."""

    link: str
    title: str
    status: ItemStatus
    article_id: str = ""
    error: str = ""


@dataclass
class FeedOutcome:
    """One feed's poll: ``error`` is set when the feed itself could not be read."""

    url: str
    error: str = ""
    items: list[ItemOutcome] = field(default_factory=list)


@dataclass
class PollReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    error: str = ""  # the poll as a whole could not ingest (index locked)

    @property
    def failed_feeds(self) -> list[FeedOutcome]:
        return [f for f in self.feeds if f.error]

    @property
    def failed_items(self) -> list[ItemOutcome]:
        return [i for f in self.feeds for i in f.items if i.status in ("failed", "given up")]

    @property
    def ingested(self) -> list[ItemOutcome]:
        return [i for f in self.feeds for i in f.items if i.status in ("added", "replaced")]

    @property
    def ok(self) -> bool:
        return not (self.error or self.failed_feeds or self.failed_items)


@dataclass
class _Fetched:
    feed: FeedOutcome
    item: FeedItem
    article: LoadedArticle


class FeedPoller:
    """Ingests the new items of every subscribed feed."""

    def __init__(
        self,
        services: Services,
        store: FeedStore,
        feed_fetcher: FeedFetcher,
        article_fetcher: ArticleFetcher,
        *,
        max_items: int = 30,
        attempts: int = 5,
        claim_ttl_s: float = 1800.0,
    ) -> None:
        self.services = services
        self.store = store
        self.feed_fetcher = feed_fetcher
        self.article_fetcher = article_fetcher
        self.max_items = max_items
        self.attempts = attempts
        self.claim_ttl_s = claim_ttl_s
        self._owner = ""  # this poll's claims, while it runs

    @classmethod
    def from_services(cls, services: Services) -> FeedPoller:
        """The real poller of ``services``' index: its state, fetches as ``settings.fetch``."""
        s = services.settings
        return cls(
            services,
            FeedStore(services.state),
            FeedFetcher.from_settings(s.fetch),
            ArticleFetcher.from_settings(s.fetch),
            max_items=s.feeds.max_items,
            attempts=s.feeds.item_attempts,
            claim_ttl_s=s.feeds.claim_ttl_s,
        )

    def poll(self) -> PollReport:
        """Poll every feed, ingest what is new, and say how each feed and item went."""
        self._owner = uuid.uuid4().hex
        try:
            return self._poll()
        finally:
            self.store.release(self._owner)  # ingested or failed, each item is marked by now

    def _poll(self) -> PollReport:
        report = PollReport()
        fetched: list[_Fetched] = []
        for feed in self.store.feeds():
            outcome = FeedOutcome(feed.url)
            report.feeds.append(outcome)
            fetched += self._fetch_feed(outcome)
        if not fetched:
            return report
        try:
            self._ingest(fetched)
        except IndexLockedError as exc:
            # not an item's fault: no attempt is counted, every item waits for the next poll
            report.error = f"{exc}; nothing was ingested, the next poll tries again"
            for f in fetched:
                waiting = ItemOutcome(f.item.link, f.item.title, "failed", error="index locked")
                f.feed.items.append(waiting)
        return report

    def _fetch_feed(self, outcome: FeedOutcome) -> list[_Fetched]:
        try:
            items = self.feed_fetcher.fetch(outcome.url)
        except Exception as exc:  # one feed's failure, whatever it is, is its own
            outcome.error = _reason(exc, "feed " + outcome.url)
            self.store.note_poll(outcome.url, outcome.error)
            log.warning("feed %s skipped: %s", outcome.url, outcome.error)
            return []
        self.store.note_poll(outcome.url)
        new = [
            item
            for item in self.store.unseen(outcome.url, items, self.attempts)[: self.max_items]
            if self.store.claim(outcome.url, item, self._owner, self.claim_ttl_s, self.attempts)
        ]
        fetched = []
        for item in reversed(new):  # feeds list newest first; ingest in publication order
            try:
                fetched.append(_Fetched(outcome, item, self.article_fetcher.fetch(item.link)))
            except Exception as exc:  # any failure of one item is its own
                outcome.items.append(self._failed(outcome.url, item, _reason(exc, item.link)))
        return fetched

    def _ingest(self, fetched: list[_Fetched]) -> None:
        with self.services.ingestor() as ingestor:
            ingestor.repair()
            for f in fetched:
                try:
                    result = ingestor.ingest(f.article)
                except IndexUnavailableError:
                    raise  # the index's failure, not the item's
                except Exception as exc:  # any failure of one item is its own
                    reason = _reason(exc, f.item.link)
                    f.feed.items.append(self._failed(f.feed.url, f.item, reason))
                    continue
                self.store.mark_ingested(f.feed.url, f.item, result.article_id)
                f.feed.items.append(
                    ItemOutcome(f.item.link, result.title, result.status, result.article_id)
                )

    def _failed(self, feed_url: str, item: FeedItem, reason: str) -> ItemOutcome:
        attempts = self.store.note_failure(feed_url, item, reason)
        status: ItemStatus = "given up" if attempts >= self.attempts else "failed"
        log.warning("item %s of %s %s: %s", item.link, feed_url, status, reason)
        return ItemOutcome(item.link, item.title, status, error=reason)


def _reason(exc: Exception, what: str) -> str:
    """One line saying why ``what`` failed; an error we did not foresee is logged with its
    traceback at debug level (``trialbot -vv``), never shown to the user."""
    if isinstance(exc, ArticleError | FeedError):
        return exc.reason
    log.debug("%s failed", what, exc_info=exc)
    detail = " ".join(str(exc).split())[:200]
    return f"cannot be read ({type(exc).__name__}{': ' + detail if detail else ''})"
