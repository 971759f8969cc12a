"""Fetching article pages: a real loopback HTTP server, every refusal with its reason."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.errors import ArticleError
from bot.fetch import ArticleFetcher

ARTICLE = (
    b"<html><head><title>T</title></head><body><nav>menu</nav><article><h1>The BETA-2 trial</h1>"
    b"<p>The phase 2 BETA-2 study reported an objective response rate of 20.5% overall.</p>"
    b"</article></body></html>"
)
PAGES = {
    "/article.html": ("text/html; charset=utf-8", ARTICLE),
    "/notes.txt": (
        "text/plain",
        b"BETA-2 news\nThe BETA-2 study reported an ORR of 20.5% overall.",
    ),
    "/image.png": ("image/png", b"\x89PNG" + bytes(64)),
    "/big.html": ("text/html", b"<p>" + b"x " * 600_000 + b"</p>"),
}


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/slow":
                time.sleep(1.0)
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/article.html")
                self.end_headers()
                return
            if self.path not in PAGES:
                self.send_error(404)
                return
            content_type, body = PAGES[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            if self.path != "/big.html":  # sent without a length: the cap must hold while reading
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_html_page_becomes_an_article(site: str):
    article = ArticleFetcher(allow_private=True).fetch(f"{site}/moved")
    assert article.title == "The BETA-2 trial"
    assert "20.5%" in article.text and "menu" not in article.text
    assert article.source == f"{site}/moved"


def test_plain_text_is_read_too(site: str):
    assert "20.5%" in ArticleFetcher(allow_private=True).fetch(f"{site}/notes.txt").text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/image.png", "unsupported content type 'image/png'"),
        ("/missing.html", "the site answered HTTP 404"),
        ("/big.html", "larger than 1 MiB"),
    ],
)
def test_refusals_say_why(site: str, path: str, reason: str):
    fetcher = ArticleFetcher(allow_private=True, max_bytes=1024 * 1024)
    with pytest.raises(ArticleError, match=reason):
        fetcher.fetch(site + path)


def test_local_addresses_are_refused_unless_allowed(site: str):
    with pytest.raises(ArticleError, match="local or private network"):
        ArticleFetcher().fetch(f"{site}/article.html")


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "example.org"])
def test_only_http_urls(url: str):
    with pytest.raises(ArticleError, match="not an http"):
        ArticleFetcher().fetch(url)


def test_a_timeout_is_reported(site: str):
    with pytest.raises(ArticleError, match="no answer within"):
        ArticleFetcher(allow_private=True, timeout_s=0.2).fetch(f"{site}/slow")
