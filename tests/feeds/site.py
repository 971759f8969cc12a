"""A loopback news site for feed and digest tests: an RSS feed (``/feed.xml``) and an Atom feed
(``/atom.xml``) of the articles published so far, the article pages (``/articles/NAME.html``,
from ``tests/feeds/data``), and feeds that misbehave: ``/error.xml`` (HTTP 500), ``/slow.xml``
(answers after 1.5 s), ``/broken.xml`` (malformed XML). Tests publish articles between polls,
and may publish items of their own (``publish_link``) with pages of their own (``serve``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pytest

from bot.app.services import Services
from tests.conftest import make_services

DATA = Path(__file__).parent / "data"

# what the articles in tests/feeds/data say, for assertions
ORCA7 = "orca7_zemplitinib"
BRISTLE3 = "bristle3_lumadostat"
KESTREL12 = "kestrel12_ravoclimab"
FIGURES = {
    ORCA7: ("ORCA-7", ["41.2%", "8.3 months", "0.52"]),
    BRISTLE3: ("BRISTLE-3", ["13.7 months", "38.2 months", "0.44", "0.81"]),
    KESTREL12: ("KESTREL-12", ["57.4%", "21.9 months", "0.72"]),
}
SLOW_S = 4.0


@dataclass
class Item:
    name: str
    title: str
    published: datetime
    link: str = ""  # default: the article page of ``name``


class NewsSite:
    """Serves on 127.0.0.1; ``publish`` adds an article to both feeds."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.requests: list[str] = []
        self.page_failures: dict[str, int] = {}  # path -> times to answer 503
        self.pages: dict[str, tuple[str, bytes]] = {}  # path -> (content type, body)
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site._handle(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.root + path

    def article_url(self, name: str) -> str:
        return self.url(f"/articles/{name}.html")

    def publish(self, name: str, title: str | None = None) -> str:
        """Add ``tests/feeds/data/NAME.html`` to the feeds; returns its URL."""
        with self._lock:
            published = datetime(2025, 6, 1, 8, 0, tzinfo=UTC) + timedelta(hours=len(self.items))
            self.items.append(Item(name, title or name.replace("_", " "), published))
        return self.article_url(name)

    def publish_link(self, link: str, title: str) -> None:
        """Add an item linking to ``link`` (anything, even a malformed URL) to the feeds."""
        with self._lock:
            published = datetime(2025, 6, 1, 8, 0, tzinfo=UTC) + timedelta(hours=len(self.items))
            self.items.append(Item(f"link-{len(self.items)}", title, published, link))

    def serve(self, path: str, content_type: str, body: bytes) -> str:
        """Serve ``body`` at ``path``; returns its URL."""
        with self._lock:
            self.pages[path] = (content_type, body)
        return self.url(path)

    def fail_page(self, name: str, times: int = 1) -> None:
        """Answer the next ``times`` requests of the article ``name`` with HTTP 503."""
        with self._lock:
            self.page_failures[f"/articles/{name}.html"] = times

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # ---- the server side

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.requests.append(path)
            failing = self.page_failures.get(path, 0)
            if failing:
                self.page_failures[path] = failing - 1
            page = self.pages.get(path)
        if failing:
            self._reply(handler, 503, "text/plain", b"down for maintenance")
        elif page is not None:
            self._reply(handler, 200, *page)
        elif path == "/feed.xml":
            self._reply(handler, 200, "application/rss+xml", self._rss())
        elif path == "/atom.xml":
            self._reply(handler, 200, "application/atom+xml", self._atom())
        elif path == "/error.xml":
            self._reply(handler, 500, "text/plain", b"internal error")
        elif path == "/slow.xml":
            time.sleep(SLOW_S)
            self._reply(handler, 200, "application/rss+xml", self._rss())
        elif path == "/broken.xml":
            broken = b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half'
            self._reply(handler, 200, "application/rss+xml", broken)
        elif path.startswith("/articles/") and (DATA / path.removeprefix("/articles/")).is_file():
            body = (DATA / path.removeprefix("/articles/")).read_bytes()
            self._reply(handler, 200, "text/html; charset=utf-8", body)
        else:
            self._reply(handler, 404, "text/plain", b"not found")

    def _newest_first(self) -> list[Item]:
        with self._lock:
            return sorted(self.items, key=lambda i: i.published, reverse=True)

    def _rss(self) -> bytes:
        entries = "".join(
            f"<item><title>{escape(i.title)}</title>"
            # a relative link, as some feeds write them: resolved against the feed's URL
            f"<link>{escape(i.link or f'/articles/{i.name}.html')}</link>"
            f'<guid isPermaLink="false">example-wire-{i.name}</guid>'
            f"<pubDate>{format_datetime(i.published)}</pubDate></item>"
            for i in self._newest_first()
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>Example Oncology Wire</title><link>/</link>"
            f"<description>Trial news</description>{entries}</channel></rss>"
        ).encode()

    def _atom(self) -> bytes:
        entries = "".join(
            f"<entry><title>{escape(i.title)}</title>"
            f"<link href={quoteattr(i.link or self.article_url(i.name))}/>"
            f"<id>urn:example-wire:{i.name}</id>"
            f"<updated>{i.published.isoformat()}</updated></entry>"
            for i in self._newest_first()
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example Oncology Wire</title><id>urn:example-wire</id>"
            f"<updated>2025-06-01T08:00:00+00:00</updated>{entries}</feed>"
        ).encode()

    @staticmethod
    def _reply(
        handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


@pytest.fixture
def site() -> Iterator[NewsSite]:
    """A news site of its own for each test."""
    news = NewsSite()
    yield news
    news.stop()


def site_services(index_dir: Path, embedder: Any) -> Services:
    """Services over ``index_dir`` that may fetch from the loopback site (private addresses are
    refused by default), with a short timeout so a slow feed fails fast."""
    services = make_services(index_dir, embedder)
    services.settings.fetch.allow_private = True
    services.settings.fetch.timeout_s = 2.0  # long enough for a page on a loaded machine
    return services


def publish_and_poll(site: NewsSite, services: Services, *names: str) -> list[str]:
    """Publish ``names`` on the site and poll its RSS feed into the index (as a scheduled run
    does); returns the ids of the articles it added."""
    from bot.feeds.poll import FeedPoller

    poller = FeedPoller.from_services(services)
    poller.store.add(site.url("/feed.xml"))
    for name in names:
        site.publish(name)
    report = poller.poll()
    assert report.ok, report
    return [i.article_id for i in report.ingested]
