"""Running the Slack app: Socket Mode when an app-level token is set (no public URL needed),
HTTP otherwise (Bolt's WSGI adapter on a threaded server, requests on ``settings.slack.path``).

In HTTP mode Bolt verifies every request's signature with the signing secret and rejects
timestamps more than 5 minutes away (401). ``/healthz`` and ``/readyz`` (``bot.app.health``) answer
on the same port, unsigned, for load balancers and Kubernetes probes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app.health import Readiness, probe_response, readiness
from bot.app.services import Services
from bot.infra.settings import Settings
from bot.slack.app import build_app

log = logging.getLogger(__name__)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 resets connections when Slack sends a burst


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)


class SlackHTTPServer:
    """Bolt over HTTP: one thread per request, so a slow client never delays another's ack."""

    def __init__(
        self,
        app: App,
        host: str,
        port: int,
        path: str = "/slack/events",
        ready: Readiness | None = None,
    ) -> None:
        """``ready``: the readiness check of ``/readyz`` (default: always ready)."""
        self.path = path
        self._server = make_server(
            host,
            port,
            _with_probes(SlackRequestHandler(app, path=path), ready or (lambda: (True, "ready"))),
            server_class=_ThreadingWSGIServer,
            handler_class=_QuietHandler,
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        host = str(self._server.server_address[0])
        return f"http://{host}:{self.port}{self.path}"

    def serve_forever(self) -> None:
        """Serve until ``stop()``; the socket is closed when it returns."""
        try:
            self._server.serve_forever(poll_interval=0.2)
        finally:
            self._server.server_close()

    def start(self) -> SlackHTTPServer:
        """Serve from a background thread (tests, benchmarks)."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (from another thread than the one serving)."""
        self._server.shutdown()
        if self._thread:
            self._thread.join(timeout=5)


def _with_probes(slack: Callable[..., Iterable[bytes]], ready: Readiness) -> Callable[..., Any]:
    """The Slack WSGI app, with ``/healthz`` and ``/readyz`` answered before it."""

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        answer = probe_response(environ.get("PATH_INFO", ""), ready)
        if answer is None:
            return slack(environ, start_response)
        status, body = answer
        reason = "OK" if status == 200 else "Service Unavailable"
        start_response(
            f"{status} {reason}",
            [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
        )
        return [body]

    return wsgi


def serve(
    settings: Settings, services: Services, *, on_ready: Callable[[], object] | None = None
) -> None:
    """Run until interrupted. ``on_ready`` runs once the app is built and the model loaded,
    before serving (the CLI starts the digest schedule there)."""
    app = build_app(settings, services)  # settings and token checked before the slow part
    # load the model and the index now, so the first question is answered as fast as the rest
    services.embedder.embed(["warm up"])
    articles = len(services.searcher.snapshot().articles)
    if on_ready is not None:
        on_ready()
    s = settings.slack
    if s.app_token is not None:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        log.info("Slack Socket Mode, %d articles indexed", articles)
        SocketModeHandler(app, s.app_token.get_secret_value()).start()
    else:
        server = SlackHTTPServer(app, s.host, s.port, s.path, lambda: readiness(services))
        log.info("Slack HTTP mode on %s, %d articles indexed", server.url, articles)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")
