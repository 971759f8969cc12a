"""A loopback fake of the Bot Framework connector (Teams' side of the conversation) for tests.

Activities carry its address as their ``serviceUrl``, so the bot's replies come here:
``POST {serviceUrl}v3/conversations/{id}/activities`` (a new message or a proactive post) and
``POST .../activities/{activityId}`` (a reply to that activity). Each is recorded with its
Authorization header and answered the way the connector does (``{"id": ...}``). It also
publishes a JWKS (the keys tokens are signed with), standing in for the Bot Framework's keys,
and can answer a given number of posts with an error.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlparse

_ACTIVITIES = re.compile(r"^/teams/v3/conversations/(?P<conv>.+?)/activities(?:/(?P<act>[^/]+))?$")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


@dataclass
class Post:
    conversation: str
    reply_to: str | None  # the activity id in the URL, for a reply
    activity: dict[str, Any]
    authorization: str | None
    at: float
    id: str = ""  # the id the connector gave the posted activity


@dataclass
class FakeConnector:
    posts: list[Post] = field(default_factory=list)
    jwks: dict[str, Any] = field(default_factory=lambda: {"keys": []})

    def __post_init__(self) -> None:
        self._changed = threading.Condition()
        self._failures = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                if urlparse(self.path).path == "/jwks":
                    fake._reply(self, 200, json.dumps(fake.jwks))
                else:
                    fake._reply(self, 404, "{}")

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake._post(self, raw)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def service_url(self) -> str:
        """What activities carry as ``serviceUrl`` (Teams': https://smba.trafficmanager.net/...)."""
        return self.root + "/teams/"

    @property
    def jwks_url(self) -> str:
        return self.root + "/jwks"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, times: int = 1) -> None:
        """Answer the next ``times`` posts with 500."""
        with self._changed:
            self._failures = times

    def failures_left(self) -> int:
        with self._changed:
            return self._failures

    # ---- what tests check

    def posted(self, conversation: str, kind: str = "message") -> list[Post]:
        """Activities of type ``kind`` posted to ``conversation``."""
        with self._changed:
            return [
                p
                for p in self.posts
                if p.conversation == conversation and p.activity.get("type") == kind
            ]

    def wait_for(self, check: Callable[[], Any], timeout: float = 20.0) -> Any:
        """Wait until ``check()`` is truthy and return it; fail the test after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            result = check()
            if result:
                return result
            left = deadline - time.monotonic()
            if left <= 0:
                with self._changed:
                    seen = [(p.conversation, p.activity.get("type")) for p in self.posts[-20:]]
                raise AssertionError(f"timed out after {timeout} s; posts: {seen}")
            with self._changed:
                self._changed.wait(min(left, 0.1))

    # ---- the server side

    def _post(self, handler: BaseHTTPRequestHandler, raw: bytes) -> None:
        match = _ACTIVITIES.match(urlparse(handler.path).path)
        if match is None:
            self._reply(handler, 404, '{"error":{"code":"NotFound"}}')
            return
        with self._changed:
            failing = self._failures > 0
            self._failures -= int(failing)
        if failing:
            self._reply(handler, 500, '{"error":{"code":"ServiceError","message":"fake"}}')
            return
        act = match.group("act")
        post = Post(
            conversation=unquote(match.group("conv")),
            reply_to=unquote(act) if act else None,
            activity=json.loads(raw or b"{}"),
            authorization=handler.headers.get("Authorization"),
            at=time.monotonic(),
            id=f"1{uuid.uuid4().int % 10**12:012d}",
        )
        with self._changed:
            self.posts.append(post)
            self._changed.notify_all()
        self._reply(handler, 200, json.dumps({"id": post.id}))

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, body: str) -> None:
        data = body.encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
