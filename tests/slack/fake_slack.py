"""A loopback fake of Slack's Web API (and of response_url endpoints), for tests and benches.

It answers the methods trialbot calls the way Slack does (``{"ok": true, ...}``), keeps the
messages of each channel so ``conversations.replies`` and ``conversations.history`` see what
was posted, records every call with its time, and can answer a call with an error (429 with
``Retry-After``) a given number of times.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlparse

BOT_TOKEN = "xoxb-test-0000-fake-bot-token"
BOT_USER_ID = "UTRIALBOT"
BOT_ID = "BTRIALBOT"
TEAM_ID = "T0TEST"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


@dataclass
class Call:
    method: str  # Web API method, or "response:<name>" for a response_url
    args: dict[str, Any]
    at: float  # time.monotonic() when it arrived
    status: int = 200


@dataclass
class _Failure:
    method: str
    status: int
    retry_after: int
    times: int
    match: Callable[[dict[str, Any]], bool] | None


@dataclass
class FakeSlack:
    token: str = BOT_TOKEN
    calls: list[Call] = field(default_factory=list)
    channels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._failures: list[_Failure] = []
        self._changed = threading.Condition()
        self._last_ts = 0.0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._handle(self, dict(parse_qsl(urlparse(self.path).query)))

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    args = json.loads(raw or "{}")
                else:
                    args = dict(parse_qsl(raw))
                args.update(parse_qsl(urlparse(self.path).query))
                fake._handle(self, args)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    # ---- addresses

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return self.root + "/api/"

    def response_url(self, name: str) -> str:
        return f"{self.root}/response/{name}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # ---- what tests arrange

    def new_ts(self) -> str:
        """A message timestamp later than any before (Slack's ts are unique per channel)."""
        with self._changed:
            self._last_ts = max(self._last_ts + 0.000001, time.time())
            return f"{self._last_ts:.6f}"

    def add_message(
        self, channel: str, ts: str, user: str, text: str, thread_ts: str | None = None
    ) -> None:
        """A message a person wrote (Slack stores it before it sends the event)."""
        message = {"type": "message", "user": user, "text": text, "ts": ts}
        if thread_ts:
            message["thread_ts"] = thread_ts
        with self._changed:
            self.channels.setdefault(channel, []).append(message)

    def fail(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        times: int = 1,
        match: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (matching ``match``) with ``status``."""
        with self._changed:
            self._failures.append(_Failure(method, status, retry_after, times, match))

    # ---- what tests check

    def calls_of(self, method: str, **where: Any) -> list[Call]:
        with self._changed:
            return [
                c
                for c in self.calls
                if c.method == method and all(c.args.get(k) == v for k, v in where.items())
            ]

    def posted(self, channel: str) -> list[dict[str, Any]]:
        """Messages delivered by chat.postMessage to ``channel``."""
        return [
            c.args for c in self.calls_of("chat.postMessage", channel=channel) if c.status == 200
        ]

    def responses(self, name: str) -> list[dict[str, Any]]:
        """Payloads delivered to the response_url ``name``."""
        return [c.args for c in self.calls_of(f"response:{name}") if c.status == 200]

    def wait_for(self, check: Callable[[], Any], timeout: float = 20.0) -> Any:
        """Wait until ``check()`` is truthy and return it; fail the test after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            result = check()
            if result:
                return result
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out after {timeout} s; calls: {self.summary()}")
            with self._changed:
                self._changed.wait(min(left, 0.1))

    def summary(self) -> list[str]:
        with self._changed:
            return [f"{c.method}:{c.status}:{c.args.get('channel', '')}" for c in self.calls[-30:]]

    # ---- the server side

    def _handle(self, handler: BaseHTTPRequestHandler, args: dict[str, Any]) -> None:
        path = urlparse(handler.path).path
        if path.startswith("/response/"):
            method = "response:" + path.removeprefix("/response/")
        elif path.startswith("/api/"):
            method = path.removeprefix("/api/")
        else:
            self._reply(handler, 404, "not found", "text/plain")
            return
        failure = self._take_failure(method, args)
        with self._changed:
            call = Call(method, args, time.monotonic(), failure.status if failure else 200)
            self.calls.append(call)
            self._changed.notify_all()
        if failure is not None:
            headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
            self._reply(
                handler, failure.status, '{"ok":false,"error":"ratelimited"}', headers=headers
            )
            return
        if method.startswith("response:"):
            self._reply(handler, 200, "ok", "text/html")
            return
        if handler.headers.get("Authorization") != f"Bearer {self.token}":
            self._reply(handler, 200, json.dumps({"ok": False, "error": "invalid_auth"}))
            return
        answer = self._answer(method, args)
        with self._changed:
            self._changed.notify_all()
        self._reply(handler, 200, json.dumps(answer))

    def _take_failure(self, method: str, args: dict[str, Any]) -> _Failure | None:
        with self._changed:
            for f in self._failures:
                if f.method == method and f.times > 0 and (f.match is None or f.match(args)):
                    f.times -= 1
                    return f
        return None

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        ok: dict[str, Any] = {"ok": True}
        if method == "auth.test":
            return ok | {
                "url": "https://fake.slack.test/",
                "team": "Test team",
                "user": "trialbot",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            ts = self.new_ts()
            message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts}
            message |= {
                k: args[k] for k in ("text", "blocks", "thread_ts", "metadata") if args.get(k)
            }
            with self._changed:
                self.channels.setdefault(args["channel"], []).append(message)
            return ok | {"channel": args["channel"], "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return ok | {"message_ts": self.new_ts()}
        if method.startswith("assistant.threads."):
            known = ("setStatus", "setTitle", "setSuggestedPrompts")
            name = method.removeprefix("assistant.threads.")
            if name not in known:
                return {"ok": False, "error": "unknown_method"}
            # thread_ts: required for a status and a title; for prompts, only the assistant
            # view's (the agent view's are set for the conversation)
            if not args.get("channel_id") or (
                name != "setSuggestedPrompts" and not args.get("thread_ts")
            ):
                return {"ok": False, "error": "invalid_arguments"}
            return ok
        if method.startswith("chat.") and method.endswith("Stream"):
            return self._stream(method, args)
        if method in ("chat.update", "chat.delete"):
            return self._edit(method, args)
        if method in ("reactions.add", "reactions.remove"):
            return ok
        if method == "conversations.replies":
            thread = args.get("ts")
            with self._changed:
                found = [
                    m
                    for m in self.channels.get(args.get("channel", ""), [])
                    if m["ts"] == thread or m.get("thread_ts") == thread
                ]
            return ok | {"messages": sorted(found, key=lambda m: float(m["ts"])), "has_more": False}
        if method == "conversations.history":
            latest = float(args.get("latest") or "inf")
            oldest = float(args.get("oldest") or 0)
            with self._changed:
                found = [
                    m
                    for m in self.channels.get(args.get("channel", ""), [])
                    if m.get("thread_ts", m["ts"]) == m["ts"] and oldest < float(m["ts"]) < latest
                ]
            newest_first = sorted(found, key=lambda m: -float(m["ts"]))
            return ok | {"messages": newest_first[: int(args.get("limit") or 100)]}
        return {"ok": False, "error": "unknown_method"}

    def _stream(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """chat.startStream / appendStream / stopStream, as Slack documents them for AI apps: a
        reply in a thread (with its reader named outside a DM), its markdown_text growing while
        it streams, and no more appends once stopped."""
        channel = args.get("channel", "")
        if method == "chat.startStream":
            if not channel or not args.get("thread_ts"):
                return {"ok": False, "error": "invalid_arguments"}
            if not channel.startswith("D") and not (
                args.get("recipient_user_id") and args.get("recipient_team_id")
            ):
                return {"ok": False, "error": "missing_recipient_team_id"}
            ts = self.new_ts()
            message = {
                "type": "message",
                "user": BOT_USER_ID,
                "bot_id": BOT_ID,
                "ts": ts,
                "thread_ts": args["thread_ts"],
                "text": args.get("markdown_text", ""),
                "streaming": True,
            }
            with self._changed:
                self.channels.setdefault(channel, []).append(message)
            return {"ok": True, "channel": channel, "ts": ts}
        found = self.message(channel, args.get("ts", ""))
        if found is None:
            return {"ok": False, "error": "message_not_found"}
        if not found.get("streaming"):
            return {"ok": False, "error": "message_not_in_streaming_state"}
        with self._changed:
            found["text"] = found.get("text", "") + args.get("markdown_text", "")
            if method == "chat.stopStream":
                found["streaming"] = False
                if args.get("blocks"):
                    found["blocks"] = args["blocks"]
        return {"ok": True, "channel": channel, "ts": found["ts"]}

    def _edit(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        """chat.update replaces a stored message's text and blocks; chat.delete removes it (a
        message the fake never stored, an ephemeral one say, is left to the caller)."""
        channel, ts = args.get("channel", ""), args.get("ts", "")
        found = self.message(channel, ts)
        with self._changed:
            if found is not None and method == "chat.delete":
                self.channels[channel].remove(found)
            elif found is not None:
                found["text"] = args.get("text", found.get("text", ""))
                blocks = args.get("blocks")
                if isinstance(blocks, str):
                    blocks = json.loads(blocks)
                if blocks is not None:
                    found["blocks"] = blocks
                found["edited"] = {"user": BOT_USER_ID, "ts": self.new_ts()}
        return {"ok": True, "channel": channel, "ts": ts}

    def message(self, channel: str, ts: str) -> dict[str, Any] | None:
        """The stored message ``ts`` of ``channel`` (as a reader of the channel sees it now)."""
        with self._changed:
            return next((m for m in self.channels.get(channel, []) if m["ts"] == ts), None)

    @staticmethod
    def _reply(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: str,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode()
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        handler.end_headers()
        handler.wfile.write(data)
