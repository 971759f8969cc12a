"""Fetching article pages: a real loopback HTTP server, every refusal with its reason."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.infra.errors import ArticleError
from bot.infra.fetch import ArticleFetcher

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
SEEN: list[tuple[str, str]] = []  # (path, Host header) of every request the site answered


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            SEEN.append((self.path, self.headers.get("Host", "")))
            if self.path.startswith("/trickle"):
                self._trickle()
                return
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

        def _trickle(self) -> None:
            """One byte every 0.2 s for a minute: of the headers or of the body."""
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 300\r\n\r\n"
            if self.path == "/trickle-headers":
                head, body = b"", head + b"x" * 300
            else:
                body = b"x" * 300
            try:
                self.wfile.write(head)
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the client gave up, as it should

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


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_the_timeout_bounds_the_whole_fetch(site: str, path: str):
    """A server that answers a byte at a time is cut at the deadline, not after each read."""
    started = time.monotonic()
    with pytest.raises(ArticleError, match="no answer within 1 s"):
        ArticleFetcher(allow_private=True, timeout_s=1.0).fetch(site + path)
    assert time.monotonic() - started < 1.0 + 2.0


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("999.1.1.1", "invalid host '999.1.1.1'"),
        ("[::1", "not a valid URL"),
        ("0177.0.0.1", "invalid host '0177.0.0.1'"),  # octal: 127.0.0.1 to the resolver
        ("0x7f.0.0.1", "invalid host '0x7f.0.0.1'"),
        ("127.1", "invalid host '127.1'"),
        ("2130706433", "invalid host '2130706433'"),
        ("[::1:]", "not a valid URL"),
        ("[127.0.0.1]", "not a valid URL"),
    ],
)
def test_malformed_urls_are_refused_with_the_reason(site: str, host: str, reason: str):
    port = site.rsplit(":", 1)[1]
    url = f"http://{host}:{port}/article.html"
    with pytest.raises(ArticleError, match=re.escape(reason)) as refused:
        ArticleFetcher(allow_private=True).fetch(url)
    assert refused.value.source == url and "\n" not in str(refused.value)


class Resolver:
    """A DNS where ``name`` answers ``answers`` in turn (the last one from then on); any other
    host resolves as usual. Counts the lookups of ``name``."""

    def __init__(self, name: str, *answers: str) -> None:
        self.name, self.answers, self.lookups = name, list(answers), 0
        self._real = socket.getaddrinfo

    def __call__(self, host: object, port: object, *args: object, **kwargs: object) -> list:
        if host != self.name:
            return self._real(host, port, *args, **kwargs)  # type: ignore[arg-type]
        address = self.answers[min(self.lookups, len(self.answers) - 1)]
        self.lookups += 1
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]  # type: ignore[call-overload]


def test_dns_rebinding_cannot_reach_a_private_address(site: str, monkeypatch):
    """The name answers a public address to the check and 127.0.0.1 after: the fetch connects
    to the public address it checked (here: down), never to the loopback site."""
    public = "93.184.216.34"
    monkeypatch.setattr(socket, "getaddrinfo", Resolver("rebind.test", public, "127.0.0.1"))
    real_connect = socket.create_connection
    connected: list[object] = []

    def create_connection(address: tuple[str, int], *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        connected.append(address[0])
        if address[0] == public:  # no packet leaves the machine: the public host is down
            raise ConnectionRefusedError("refused")
        return real_connect(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", create_connection)
    SEEN.clear()
    port = site.rsplit(":", 1)[1]
    with pytest.raises(ArticleError, match="cannot be fetched"):
        ArticleFetcher(timeout_s=2).fetch(f"http://rebind.test:{port}/article.html")
    assert connected == [public]
    assert SEEN == [], "the loopback site was reached"


def test_the_checked_address_keeps_the_host_name(site: str, monkeypatch):
    """Connecting to the resolved address still sends the name in the Host header."""
    resolver = Resolver("news.test", "127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    SEEN.clear()
    port = site.rsplit(":", 1)[1]
    article = ArticleFetcher(allow_private=True).fetch(f"http://news.test:{port}/moved")
    assert "20.5%" in article.text
    assert [("/moved", f"news.test:{port}"), ("/article.html", f"news.test:{port}")] == SEEN
    assert resolver.lookups == 2, "one lookup per connection (the site closes each one)"


def test_a_redirect_to_a_private_address_is_refused(site: str, monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", Resolver("news.test", "127.0.0.1"))
    port = site.rsplit(":", 1)[1]
    with pytest.raises(ArticleError, match="local or private network"):
        ArticleFetcher().fetch(f"http://news.test:{port}/moved")
